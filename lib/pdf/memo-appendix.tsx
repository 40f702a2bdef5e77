import { STAGE_TITLES } from "@/lib/domain/shared";
import type { TReport } from "@/lib/domain/report";
import type { TStyledSpan } from "./memo-draw";
import { urlLines, type MemoBlocks, type TBlock } from "./memo-kit";
import { COLORS, CONTENT_WIDTH, SMALL_LINE, SMALL_SIZE } from "./styles";

const VERIFICATION_LABELS: Record<string, string> = { "verified-primary": "verified against the primary source", "verified-copy": "verified against a copy", user: "entered by your organisation" };

const LABEL_SHARE = 0.4;
const ROW = { padding: 2, rule: 0.5, gap: 6 };
const SOURCE_GAP = 5;

/** Assumptions (inputs not entered and the value used instead), by stage, then every source with its date. */
export function appendixBlocks(b: MemoBlocks, report: TReport): TBlock[] {
  const blocks: TBlock[] = [];
  if (report.assumptions.length === 0) {
    blocks.push(b.h2("assumptions", "Assumptions", { needsRoom: 60 }), ...b.para("assumptions-none", "None: every input was entered.", { color: COLORS.muted }));
  } else {
    blocks.push(b.h2("assumptions", "Assumptions"), ...b.para("assumptions-intro", "Inputs not entered, and the value the memo used instead.", { color: COLORS.muted }));
    let stage: string | null = null;
    report.assumptions.forEach((a, i) => {
      if (a.stage !== stage) {
        stage = a.stage;
        const head = b.sketch();
        head.text([{ text: STAGE_TITLES[a.stage], size: SMALL_SIZE, isBold: true, color: COLORS.brand }], { width: CONTENT_WIDTH, lineHeight: SMALL_LINE });
        blocks.push(b.block(`assumption-stage-${i}`, head, { marginTop: 4, marginBottom: 1, keepWithNext: true }));
      }
      // Label | value and why that value, small; a rule below.
      const row = b.sketch();
      const top = ROW.padding;
      const labelHeight = row.text([{ text: a.label, size: SMALL_SIZE }], { y: top, width: CONTENT_WIDTH * LABEL_SHARE - ROW.gap, lineHeight: SMALL_LINE });
      const valueHeight = row.text(
        [
          { text: a.display, size: SMALL_SIZE, isBold: true },
          { text: ` · ${a.basis}`, size: SMALL_SIZE, color: COLORS.muted },
        ],
        { x: CONTENT_WIDTH * LABEL_SHARE, y: top, width: CONTENT_WIDTH * (1 - LABEL_SHARE), lineHeight: SMALL_LINE },
      );
      const bottom = top + Math.max(labelHeight, valueHeight) + ROW.padding;
      row.rule(0, bottom + ROW.rule / 2, CONTENT_WIDTH, bottom + ROW.rule / 2, COLORS.rule, ROW.rule);
      row.y = bottom + ROW.rule;
      blocks.push(b.block(`assumption-${a.stage}:${a.path}`, row));
    });
  }
  blocks.push(b.h2("sources", "Sources", { needsRoom: 100 }));
  report.sources.forEach((src, i) => {
    // The link, its date and what it backs, as lines of one small paragraph.
    const spans: TStyledSpan[] = [
      src.url ? { text: urlLines(src.url), size: SMALL_SIZE, color: COLORS.brand, link: src.url } : { text: "Your organisation's own figures", size: SMALL_SIZE },
      { text: `\nAs of ${src.asOf} · ${VERIFICATION_LABELS[src.verification] ?? src.verification}`, size: SMALL_SIZE, color: COLORS.muted },
      { text: `\nBacks: ${src.backs.join("; ")}`, size: SMALL_SIZE },
      ...(src.note ? [{ text: `\n${src.note}`, size: SMALL_SIZE, color: COLORS.muted }] : []),
    ];
    const sk = b.sketch();
    sk.text(spans, { width: CONTENT_WIDTH, lineHeight: SMALL_LINE });
    blocks.push(b.block(`source-${i}`, sk, { marginBottom: SOURCE_GAP }));
  });
  return blocks;
}
