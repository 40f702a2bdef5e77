// The memo document model: what a memo says, as semantic blocks, with only the few presentation
// hints the memos need (a text style, a colour, extra space). Pure data, built from the report
// model by lib/pdf/memo and turned into a tagged PDF by lib/pdf/engine, which decides every
// position. A block kind maps to one structure element (heading to H1-H3, table to Table, ...),
// so what a reader sees and what a screen reader hears come from the same block.

/** A run of text in one style; a link only becomes a link if it is an http(s) URL (the engine checks). */
export type TRun = { text: string; isBold?: boolean; color?: string; link?: string };

/** Plain text in the block's style, or runs; "\n" starts a new line. */
export type TInline = string | readonly TRun[];

/** Named text styles (sizes and line heights live in engine/theme.ts). */
export type TTextStyle = "body" | "small" | "kicker" | "lead" | "quote" | "verdict";

/** Extra space around a block, in points (each kind has defaults), and whether it must share a page with the next block. */
export type TFlow = { spaceBefore?: number; spaceAfter?: number; keepWithNext?: boolean };

/** A cell: its text (in the table's style unless it says), and optional small lines under it (a formula). */
export type TCell = { text: TInline; note?: TInline; style?: "body" | "small" };

/** A body row: the row's header cell (what the row is) and its data cells. */
export type TTableRow = { header: TInline; cells: TCell[] };

/** Vector shapes of a chart, in the chart's own coordinates (origin top left, points). */
export type TShape =
  | { kind: "path"; d: string; stroke?: string; fill?: string; width?: number; dash?: readonly [number, number] }
  | { kind: "circle"; cx: number; cy: number; r: number; fill: string };

/** A chart's text label: its baseline starts, centres or ends at (x, y), as SVG's text-anchor. */
export type TChartLabel = { text: string; x: number; y: number; anchor: "start" | "middle" | "end"; color: string };

export type TLegendItem = { label: string; color: string };

/** A drawn chart: its size, shapes and labels, and the legend printed under it. */
export type TChart = { width: number; height: number; shapes: TShape[]; labels: TChartLabel[]; legend: TLegendItem[] };

export type TBlock =
  | ({ kind: "heading"; level: 1 | 2 | 3; text: string; color?: string; below?: TInline; needsRoom?: number } & TFlow)
  | ({ kind: "paragraph"; text: TInline; style?: TTextStyle; color?: string } & TFlow)
  | ({ kind: "list"; items: { label: string; text: TInline }[] } & TFlow)
  /** `columns`: each column's share of the width; `header`: column headings (first one over the row headers). */
  | ({ kind: "table"; columns: readonly number[]; header?: readonly string[]; rows: TTableRow[]; style?: "body" | "small" } & TFlow)
  /** `alt` is what a screen reader reads instead of the drawing: the chart's key numbers. */
  | ({ kind: "figure"; title: string; alt: string; chart: TChart } & TFlow)
  /** A framed group (the recommendation, the cover's facts); a box too tall for a page continues in a second box. */
  | ({ kind: "box"; color: string; border: number; padding: number; blocks: TBlock[] } & TFlow)
  | ({ kind: "quote"; text: TInline; source?: TInline } & TFlow)
  /** The next block starts a new page. */
  | { kind: "pageBreak" };

/** A section of the memo: a structure element of its own, with its blocks in reading order. */
export type TSection = { blocks: TBlock[] };

export type TMemoDocument = {
  /** Document title (shown by viewers instead of the file name) and the language of its text. */
  title: string;
  lang: string;
  author: string;
  subject: string;
  createdAt: Date;
  /** Printed at the foot of every page, before "Page n of N". */
  footer: string;
  sections: TSection[];
};
