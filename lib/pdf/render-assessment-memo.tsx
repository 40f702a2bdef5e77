import type { ReactNode } from "react";
import { Document, Font, renderToBuffer, View } from "@react-pdf/renderer";
import { STAGE_KEYS } from "@/lib/domain/shared";
import type { TReport } from "@/lib/domain/report";
import { formatDateTime } from "@/lib/format";
import { PDF_FONT_FAMILY, registerPdfFonts } from "./fonts";
import { appendixBlocks } from "./memo-appendix";
import { coverBlocks } from "./memo-cover";
import { chartBlocks } from "./memo-economics-charts";
import type { TMemoFonts } from "./memo-draw";
import { blockNode, blockNodes, footerSketch, MemoBlocks, MemoPage, OVERFLOW_ROOM, PlannedPage, type TBlock, type TMemoOptions, type TPageCheck } from "./memo-kit";
import { summaryBlocks } from "./memo-summary";
import { issueSectionBlocks } from "./memo-sections";
import { stageBlocks } from "./memo-stage";
import { packBlocks } from "./page-packing";
import { CONTENT_HEIGHT } from "./styles";
import { fontkitMetrics, TextMeasurer, type TFontMetrics } from "./text-measure";

export type { TMemoOptions, TSignOff } from "./memo-kit";

/**
 * Room kept free on every planned page. Block heights are exact (their text is broken into lines
 * before layout and drawn as broken), so this is only the footer canvas's proof of room (1 pt)
 * and a hair for rounding.
 */
const PLAN_HEIGHT = CONTENT_HEIGHT - 2;

export type TMemoPlan = {
  /** Blocks in reading order and, for each page, the blocks on it. */
  blocks: TBlock[];
  pages: TBlock[][];
  /** Every block fits on a page: the pages can be drawn as planned. */
  isPlannable: boolean;
  footerLabel: string;
};

/** The memo's content as blocks: cover, summary, one section per stage, charts, assumptions and sources. */
function memoBlocks(b: MemoBlocks, report: TReport, options: TMemoOptions): TBlock[] {
  return [
    ...coverBlocks(b, report, options),
    ...summaryBlocks(b, report),
    ...issueSectionBlocks(b, report),
    ...STAGE_KEYS.flatMap((key) => stageBlocks(b, report, key)),
    ...chartBlocks(b, report),
    ...appendixBlocks(b, report),
  ];
}

/** Cuts the memo into pages before anything is laid out (see page-packing.ts). */
export function planAssessmentMemo(measurer: TextMeasurer, fonts: TMemoFonts, report: TReport, options: TMemoOptions): TMemoPlan {
  const blocks = memoBlocks(new MemoBlocks(measurer, fonts), report, options);
  const pages = packBlocks(blocks, PLAN_HEIGHT).map((indices) => indices.map((i) => blocks[i]));
  const { meta } = report;
  return {
    blocks,
    pages,
    isPlannable: blocks.every((bl) => bl.height <= PLAN_HEIGHT),
    footerLabel: `Freehold · ${meta.title} · version ${meta.version}`,
  };
}

let metrics: Promise<{ regular: TFontMetrics; bold: TFontMetrics; fonts: TMemoFonts }> | null = null;

/** The memo font's advance widths (loaded once per process, like the font itself). */
function fontMetrics() {
  metrics ??= (async () => {
    registerPdfFonts();
    const regular = { fontFamily: PDF_FONT_FAMILY, fontWeight: 400 } as const;
    const bold = { fontFamily: PDF_FONT_FAMILY, fontWeight: 700 } as const;
    await Promise.all([Font.load(regular), Font.load(bold)]);
    const fonts = { regular: Font.getFont(regular).data, bold: Font.getFont(bold).data };
    return { regular: fontkitMetrics(fonts.regular), bold: fontkitMetrics(fonts.bold), fonts };
  })().catch((e: unknown) => {
    metrics = null;
    throw e;
  });
  return metrics;
}

/** The planned pages, each laid out once; `onPainted` hears from every page how much room it had left. */
function PlannedAssessmentMemo({ report, options, plan, measurer, fonts, onPainted }: { report: TReport; options: TMemoOptions; plan: TMemoPlan; measurer: TextMeasurer; fonts: TMemoFonts; onPainted: (pageIndex: number, room: number) => void }) {
  const label = `${plan.footerLabel} · generated ${formatDateTime(options.generatedAt)}`;
  return (
    <MemoDocument report={report} options={options}>
      {plan.pages.map((page, i) => (
        <PlannedPage key={i} pageIndex={i} onPainted={onPainted} fonts={fonts} footer={footerSketch(measurer, label, i + 1, plan.pages.length)}>
          {blockNodes(page, fonts, measurer)}
        </PlannedPage>
      ))}
    </MemoDocument>
  );
}

/**
 * The fallback: the same pages, but React-PDF may move blocks on to further pages and numbers the
 * pages itself. Slower (a page-number render prop makes it lay every page out again), and only
 * used when a page does not hold what was planned for it, which exact block heights should rule out.
 */
function FlowingAssessmentMemo({ report, options, plan, fonts }: { report: TReport; options: TMemoOptions; plan: TMemoPlan; fonts: TMemoFonts }) {
  return (
    <MemoDocument report={report} options={options}>
      {plan.pages.map((page, i) => (
        <MemoPage key={i} footer={plan.footerLabel} generatedAt={options.generatedAt}>
          {page.map((bl) => (
            <View key={bl.key} wrap={false}>
              {blockNode(bl, fonts)}
            </View>
          ))}
        </MemoPage>
      ))}
    </MemoDocument>
  );
}

function MemoDocument({ report, options, children }: { report: TReport; options: TMemoOptions; children: ReactNode }) {
  const { meta } = report;
  return (
    <Document title={`${meta.title} (version ${meta.version})`} author={options.organisationName} subject="Decision memo: own infrastructure or closed API" creator="Freehold" producer="Freehold">
      {children}
    </Document>
  );
}

export type TMemoRenderInfo = { path: "planned" | "flowing"; plannedPages: number; reason?: string };

export type TPreparedMemo = { plan: TMemoPlan; measurer: TextMeasurer; fonts: TMemoFonts };

/** Loads the font metrics and cuts the memo into pages. */
export async function prepareAssessmentMemo(report: TReport, options: TMemoOptions): Promise<TPreparedMemo> {
  const fonts = await fontMetrics();
  const measurer = new TextMeasurer(fonts.regular, fonts.bold);
  return { plan: planAssessmentMemo(measurer, fonts.fonts, report, options), measurer, fonts: fonts.fonts };
}

/**
 * Draws the planned pages; `check` says whether each page held what was planned for it, and
 * `rooms` how much room each page had left (for tuning the plan's margin).
 */
export async function renderPlannedMemo(report: TReport, options: TMemoOptions, prepared: TPreparedMemo): Promise<{ bytes: Buffer; check: TPageCheck; rooms: number[] }> {
  const check: TPageCheck = { painted: 0, overflowed: [] };
  const rooms: number[] = [];
  const onPainted = (pageIndex: number, room: number) => {
    check.painted += 1;
    rooms[pageIndex] = room;
    if (room <= OVERFLOW_ROOM) check.overflowed.push(pageIndex);
  };
  const bytes = await renderToBuffer(<PlannedAssessmentMemo report={report} options={options} plan={prepared.plan} measurer={prepared.measurer} fonts={prepared.fonts} onPainted={onPainted} />);
  return { bytes, check, rooms };
}

/**
 * The assessment's decision memo as PDF bytes, drawn only from the report model. The memo is cut
 * into pages first and each page is laid out once, with "Page n of N" printed as plain text. If a
 * page turns out not to hold what was planned (it should not), it is rendered again the slow way,
 * React-PDF moving blocks on and numbering the pages. `onRendered` says which way it went.
 */
export async function renderAssessmentMemo(report: TReport, options: TMemoOptions, onRendered?: (info: TMemoRenderInfo) => void): Promise<Buffer> {
  const prepared = await prepareAssessmentMemo(report, options);
  const { plan } = prepared;
  let reason = "a block is taller than a page";
  if (plan.isPlannable) {
    const { bytes, check } = await renderPlannedMemo(report, options, prepared);
    if (check.overflowed.length === 0 && check.painted === plan.pages.length) {
      onRendered?.({ path: "planned", plannedPages: plan.pages.length });
      return bytes;
    }
    reason = check.overflowed.length > 0 ? `planned page(s) ${check.overflowed.map((p) => p + 1).join(", ")} overflowed` : "not every planned page was drawn";
  }
  const bytes = await renderFlowingMemo(report, options, prepared);
  onRendered?.({ path: "flowing", plannedPages: plan.pages.length, reason });
  return bytes;
}

/** The fallback on its own (see FlowingAssessmentMemo). */
export function renderFlowingMemo(report: TReport, options: TMemoOptions, prepared: TPreparedMemo): Promise<Buffer> {
  return renderToBuffer(<FlowingAssessmentMemo report={report} options={options} plan={prepared.plan} fonts={prepared.fonts} />);
}
