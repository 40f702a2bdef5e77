import { alternativeTexts, chosenLayoutText, type TReport, type TReportFindingSeverity } from "@/lib/domain/report";
import type { TStageKey } from "@/lib/domain/shared";
import { countText, usdText } from "@/lib/domain/shared";
import { STAGE_STATUS_LABELS } from "@/lib/format";
import { formatFigure } from "@/lib/format-figure";
import { urlLines, type MemoBlocks, type TBlock, type TStyledSpan } from "./memo-kit";
import { BODY_SIZE, COLORS, CONTENT_WIDTH, LINE, SMALL_LINE, SMALL_SIZE } from "./styles";

const SEVERITY_LABELS: Record<TReportFindingSeverity, string> = { blocker: "Blocker", "needs-attention": "Needs attention", obligation: "Obligation", info: "Info" };
const SEVERITY_COLORS: Record<TReportFindingSeverity, string> = { blocker: COLORS.bad, "needs-attention": COLORS.caution, obligation: COLORS.brand, info: COLORS.muted };
const TONE_COLORS = { good: COLORS.good, caution: COLORS.caution, bad: COLORS.bad, unknown: COLORS.unknown } as const;

/** The few inputs that frame each stage's results, read from what the engine ran with. */
function keyInputs(report: TReport, key: TStageKey): { label: string; value: string }[] {
  const st = report.stages;
  switch (key) {
    case "licence": {
      const d = st.licence.detail;
      if (!d) return [];
      return [
        { label: "Licence", value: `${d.licence.name}${d.licence.spdx ? ` (${d.licence.spdx})` : ""}, version of ${d.licence.versionDate}` },
        { label: "Monthly active users", value: countText(d.facts.monthlyActiveUsers) },
        { label: "Annual revenue", value: usdText(d.facts.annualRevenueUsd) },
        { label: "Intended uses", value: d.facts.intendedUses.join(", ") || "none listed" },
        { label: "Regions", value: d.facts.regions.join(", ") },
      ];
    }
    case "infrastructure": {
      const d = st.infrastructure.detail;
      if (!d) return [];
      const out = [{ label: "GPU", value: `${d.gpu.name} (${d.gpu.memoryGb} GB)` }, { label: "Pricing", value: d.pricing.label }];
      const layout = chosenLayoutText(d);
      if (layout) out.push({ label: "Serving layout", value: layout });
      if (d.search?.bindingText) out.push({ label: "Binding constraint", value: d.search.bindingText });
      alternativeTexts(d.search?.rows ?? [], 2).forEach((text, i) => out.push({ label: `Alternative ${i + 1}`, value: text }));
      for (const m of d.measurements) {
        const ratio = m.ratio === null ? "" : `, ${m.ratio.toFixed(2)} × the estimate of ${Math.round(m.estimatedOutputTokensPerSecond ?? 0).toLocaleString("en-US")}`;
        out.push({
          label: m.appliesToChosen ? "Measured (replaces the estimate)" : "Measured (other layout)",
          value: `${m.fileName}: ${Math.round(m.measuredOutputTokensPerSecond).toLocaleString("en-US")} output tokens/s${ratio}; ${m.layoutText}`,
        });
      }
      return out;
    }
    case "adaptation": {
      const d = st.adaptation.detail;
      return d ? [{ label: "Method", value: d.method === "none" ? "No fine-tuning" : d.method.toUpperCase() }, { label: "Served precision", value: d.servedPrecision }] : [];
    }
    default:
      return [];
  }
}

const NOT_STARTED_TEXT = "Not started: no results for this stage.";
const NOT_STARTED_DETAIL = " Its inputs have not been entered; figures that depend on it are shown as not known, never as zero.";

const QUOTE = { size: 8.5, line: 8.5 * 1.35, rule: 2, indent: 8, marginTop: 2 };
const FINDING_GAP = 5;
const NOTE_BOX = { border: 0.75, padding: 4, marginBottom: 4 };

/** One finding: severity and title, what it means, and the clause quoted with its source. */
function findingBlock(b: MemoBlocks, key: string, f: TReport["stages"][TStageKey]["findings"][number]): TBlock {
  const sk = b.sketch();
  sk.text(
    [
      { text: `${SEVERITY_LABELS[f.severity]}: `, size: BODY_SIZE, isBold: true, color: SEVERITY_COLORS[f.severity] },
      { text: f.title, size: BODY_SIZE, isBold: true },
      { text: `\n${f.detail}`, size: BODY_SIZE },
    ],
    { width: CONTENT_WIDTH, lineHeight: LINE },
  );
  const source: TStyledSpan[] = f.sourceUrl ? [{ text: `Source: ${urlLines(f.sourceUrl, 85)}`, size: SMALL_SIZE, color: COLORS.brand, link: f.sourceUrl }] : [];
  if (f.quote) {
    // The clause, set off by a rule, with its source under it.
    sk.gap(QUOTE.marginTop);
    const top = sk.y;
    sk.text([{ text: `“${f.quote}”`, size: QUOTE.size, color: COLORS.muted }, ...source.map((sp) => ({ ...sp, text: `\n${sp.text}` }))], {
      x: QUOTE.indent,
      width: CONTENT_WIDTH - QUOTE.indent,
      lineHeight: QUOTE.line,
    });
    sk.fill(0, top, QUOTE.rule, sk.y - top, COLORS.rule);
  } else if (source.length > 0) {
    sk.text(source, { width: CONTENT_WIDTH, lineHeight: SMALL_LINE });
  }
  return b.block(key, sk, { marginBottom: FINDING_GAP });
}

/**
 * A stage: title and status, then either its summary, key inputs, results (with formulas) and
 * findings (licence clauses quoted with their source), or, when nothing was entered, one compact
 * "Not started" note. Its warnings either way.
 */
export function stageBlocks(b: MemoBlocks, report: TReport, stageKey: TStageKey): TBlock[] {
  const stage = report.stages[stageKey];
  const blocks: TBlock[] = [];
  if (stage.status === "not-started") {
    // Compact: the heading and one boxed note (which says the status); no room kept for results that do not exist.
    blocks.push(b.h2(`${stageKey}-title`, stage.title, { needsRoom: 60 }));
    const inset = NOTE_BOX.border + NOTE_BOX.padding;
    const note = b.sketch();
    note.gap(inset);
    note.text(
      [
        { text: NOT_STARTED_TEXT, size: BODY_SIZE, isBold: true },
        { text: NOT_STARTED_DETAIL, size: BODY_SIZE, color: COLORS.muted },
      ],
      { x: inset, width: CONTENT_WIDTH - 2 * inset, lineHeight: LINE },
    );
    note.gap(NOTE_BOX.padding);
    note.frame(NOTE_BOX.border / 2, NOTE_BOX.border / 2, CONTENT_WIDTH - NOTE_BOX.border, note.y, COLORS.bad, NOTE_BOX.border);
    note.gap(NOTE_BOX.border);
    blocks.push(b.block(`${stageKey}-not-started`, note, { marginBottom: NOTE_BOX.marginBottom }));
  } else {
    const status: TStyledSpan[] = [
      { text: `Status: ${STAGE_STATUS_LABELS[stage.status]} · Outcome: `, size: SMALL_SIZE, color: COLORS.muted },
      { text: stage.outcome.label, size: SMALL_SIZE, isBold: true, color: TONE_COLORS[stage.outcome.tone] },
    ];
    blocks.push(b.h2(`${stageKey}-title`, stage.title, { below: status }));
    blocks.push(...b.para(`${stageKey}-summary`, stage.summary));
    const inputs = keyInputs(report, stageKey);
    if (inputs.length > 0) {
      blocks.push(b.h3(`${stageKey}-inputs`, "Key inputs"));
      for (const i of inputs) blocks.push(...b.keyValue(`${stageKey}-in-${i.label}`, i.label, i.value));
    }
    if (stage.figures.length > 0) {
      blocks.push(b.h3(`${stageKey}-results`, "Results"));
      for (const f of stage.figures) {
        blocks.push(...b.keyValue(`${stageKey}-fig-${f.key}`, f.label, formatFigure(f), { isBold: true, small: f.formula ? [{ text: f.formula, size: SMALL_SIZE, color: COLORS.muted }] : undefined }));
      }
    }
    if (stage.findings.length > 0) {
      blocks.push(b.h3(`${stageKey}-findings`, "Findings"));
      for (const f of stage.findings) blocks.push(findingBlock(b, `${stageKey}-finding-${f.id}`, f));
    }
  }
  if (stage.warnings.length > 0) {
    blocks.push(b.h3(`${stageKey}-warnings`, "Warnings"));
    stage.warnings.forEach((w, i) => blocks.push(b.bullet(`${stageKey}-warning-${i}`, "!", w)));
  }
  return blocks;
}
