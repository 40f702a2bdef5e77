import type { ReactElement, ReactNode } from "react";
import { Canvas, Page, Text, View } from "@react-pdf/renderer";
import { formatDateTime } from "@/lib/domain/report";
import { isMeasuring, paintSketch, Sketch, SketchBlock, type TMemoFonts, type TStyledSpan } from "./memo-draw";
import type { TPackable } from "./page-packing";
import { BODY_SIZE, COLORS, CONTENT_HEIGHT, CONTENT_WIDTH, H2, H3, LINE, PAGE, s, SMALL_LINE } from "./styles";
import type { TextMeasurer } from "./text-measure";

export type { TStyledSpan } from "./memo-draw";

/** A recorded approval or stage sign-off, as the cover prints it. */
export type TSignOff = { label: string; byName: string; at: Date; note: string | null };

export type TMemoOptions = {
  organisationName: string;
  generatedAt: Date;
  /** Oldest first; printed on the cover. None (or an empty list): "No sign-offs recorded". */
  signOffs?: TSignOff[];
};

/**
 * A piece of the memo that never breaks across pages, with the height it takes (margins included):
 * either a sketch to draw (most of the memo) or a React-PDF element (a chart).
 */
export type TBlock = TPackable & { key: string } & ({ sketch: Sketch; marginTop: number; marginBottom: number; node?: undefined } | { node: ReactElement; sketch?: undefined });

/** A block as an element of its own. */
export function blockNode(block: TBlock, fonts: TMemoFonts): ReactElement {
  return block.node ?? <SketchBlock key={block.key} sketch={block.sketch} fonts={fonts} style={{ marginTop: block.marginTop, marginBottom: block.marginBottom }} />;
}

/**
 * Blocks as elements, runs of sketches merged into one: a page is then a canvas or two (and a
 * chart's), not a canvas per paragraph, which React-PDF would each lay out and set up to draw.
 */
export function blockNodes(blocks: readonly TBlock[], fonts: TMemoFonts, m: TextMeasurer): ReactElement[] {
  const out: ReactElement[] = [];
  let run: Sketch | null = null;
  let runKey = "";
  const flush = () => {
    if (run) out.push(<SketchBlock key={runKey} sketch={run} fonts={fonts} />);
    run = null;
  };
  for (const block of blocks) {
    if (block.node) {
      flush();
      out.push(block.node);
      continue;
    }
    if (!run) {
      run = new Sketch(m);
      runKey = block.key;
    }
    run.gap(block.marginTop);
    run.append(block.sketch);
    run.gap(block.marginBottom);
  }
  flush();
  return out;
}

const ROW = { padding: 2, rule: 0.5, labelShare: 0.45, gap: 6 };
/** A paragraph of more than twice this many lines is cut into blocks of this many, to break across pages. */
const PARAGRAPH_CHUNK = 12;
/** Tallest row kept whole: a longer value continues in further rows. */
const MAX_ROW = CONTENT_HEIGHT / 3;

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Body-size spans from a string, or the spans as given. */
const spansOf = (value: readonly TStyledSpan[] | string, style: Partial<TStyledSpan> = {}): readonly TStyledSpan[] =>
  typeof value === "string" ? [{ text: value, size: BODY_SIZE, ...style }] : value;

/**
 * Builds the memo's blocks. Each block is drawn from a sketch (memo-draw.tsx), so its height is
 * exact; margins go on the block and count in its height.
 */
export class MemoBlocks {
  constructor(
    readonly m: TextMeasurer,
    readonly fonts: TMemoFonts,
  ) {}

  sketch(): Sketch {
    return new Sketch(this.m);
  }

  block(key: string, sketch: Sketch, { marginTop = 0, marginBottom = 0, keepWithNext, needsRoom }: { marginTop?: number; marginBottom?: number; keepWithNext?: boolean; needsRoom?: number } = {}): TBlock {
    return { key, height: marginTop + sketch.y + marginBottom, keepWithNext, needsRoom, sketch, marginTop, marginBottom };
  }

  /**
   * A section heading, kept with what follows, with an optional line under it (a status, say).
   * The section starts on a new page unless `needsRoom` points are left.
   */
  h2(key: string, text: string, { below, needsRoom = 140 }: { below?: readonly TStyledSpan[]; needsRoom?: number } = {}): TBlock {
    const sk = this.sketch();
    sk.text([{ text, size: H2.size, isBold: true, color: COLORS.brand }], { width: CONTENT_WIDTH, lineHeight: H2.line });
    if (below) sk.text(below, { width: CONTENT_WIDTH, lineHeight: SMALL_LINE + 1 });
    return this.block(key, sk, { marginTop: H2.marginTop, marginBottom: H2.marginBottom, keepWithNext: true, needsRoom });
  }

  h3(key: string, text: string): TBlock {
    const sk = this.sketch();
    sk.text([{ text, size: H3.size, isBold: true }], { width: CONTENT_WIDTH, lineHeight: H3.line });
    return this.block(key, sk, { marginTop: H3.marginTop, marginBottom: H3.marginBottom, keepWithNext: true });
  }

  /**
   * A paragraph of spans, full width. A long one (a user's description, say) comes back as several
   * blocks of at most PARAGRAPH_CHUNK lines, so it can break across pages like any paragraph.
   */
  para(key: string, spans: readonly TStyledSpan[] | string, { marginBottom = 4, color, keepWithNext }: { marginBottom?: number; color?: string; keepWithNext?: boolean } = {}): TBlock[] {
    const list = spansOf(spans, color ? { color } : {});
    const all = this.m.breakLines(list, CONTENT_WIDTH);
    const chunks = all.length > 2 * PARAGRAPH_CHUNK ? chunk(all, PARAGRAPH_CHUNK) : [all];
    return chunks.map((lines, i) => {
      const sk = this.sketch();
      sk.lines(list, lines, { lineHeight: LINE });
      const isLast = i === chunks.length - 1;
      return this.block(chunks.length > 1 ? `${key}-${i}` : key, sk, { marginBottom: isLast ? marginBottom : 0, keepWithNext: isLast ? keepWithNext : false });
    });
  }

  /**
   * Two-column rows: the label (45%) and the value (55%), value lines then any small lines under
   * it (a formula), a rule below. Normally one row; a value too long for a page (a long sign-off
   * note, say) continues in further rows without a label, each at most `maxHeight` tall.
   */
  rows(label: string, value: readonly TStyledSpan[] | string, { x = 0, width = CONTENT_WIDTH, isBold = false, small, maxHeight = MAX_ROW }: { x?: number; width?: number; isBold?: boolean; small?: readonly TStyledSpan[]; maxHeight?: number } = {}): Sketch[] {
    const labelWidth = width * ROW.labelShare - ROW.gap;
    const valueX = x + width * ROW.labelShare;
    const valueWidth = width * (1 - ROW.labelShare);
    const valueSpans = spansOf(value, isBold ? { isBold } : {});
    const labelLines = this.m.breakLines(label, labelWidth);
    const valueLines = this.m.breakLines(valueSpans, valueWidth);
    const smallLines = small ? this.m.breakLines(small, valueWidth) : [];
    const perRow = Math.max(1, Math.floor((maxHeight - 2 * ROW.padding - ROW.rule) / LINE));
    const valueChunks = valueLines.length + smallLines.length > perRow ? chunk(valueLines, perRow) : [valueLines];
    return valueChunks.map((lines, i) => {
      const sk = this.sketch();
      const top = ROW.padding;
      const labelHeight = i === 0 ? sk.lines([{ text: label, size: BODY_SIZE }], labelLines, { x, y: top, lineHeight: LINE }) : 0;
      let valueHeight = sk.lines(valueSpans, lines, { x: valueX, y: top, lineHeight: LINE });
      if (small && i === valueChunks.length - 1) valueHeight += sk.lines(small, smallLines, { x: valueX, y: top + valueHeight, lineHeight: SMALL_LINE });
      const bottom = top + Math.max(labelHeight, valueHeight) + ROW.padding;
      sk.rule(x, bottom + ROW.rule / 2, x + width, bottom + ROW.rule / 2, COLORS.rule, ROW.rule);
      sk.y = bottom + ROW.rule;
      return sk;
    });
  }

  /** Rows as blocks of their own (usually one). */
  keyValue(key: string, label: string, value: readonly TStyledSpan[] | string, options: { isBold?: boolean; small?: readonly TStyledSpan[] } = {}): TBlock[] {
    const rows = this.rows(label, value, options);
    return rows.map((sk, i) => this.block(rows.length > 1 ? `${key}-${i}` : key, sk));
  }

  /** A list item: a mark in a 14 pt gutter and the text beside it. */
  bullet(key: string, mark: string, spans: readonly TStyledSpan[] | string): TBlock {
    const sk = this.sketch();
    sk.text(mark, { width: 14, lineHeight: LINE });
    sk.text(spansOf(spans), { x: 14, y: 0, width: CONTENT_WIDTH - 14, lineHeight: LINE });
    return this.block(key, sk, { marginBottom: 3 });
  }
}

/** A long URL as lines of at most `width` characters, so it never runs past the margin. */
export function urlLines(url: string, width = 95): string {
  const out: string[] = [];
  for (let i = 0; i < url.length; i += width) out.push(url.slice(i, i + width));
  return out.join("\n");
}

/** Fixed on every page: what the document is, its version, when it was made, and the page number. */
function MemoFooter({ label, generatedAt }: { label: string; generatedAt: Date }) {
  // Two absolutely placed Texts rather than one row View: React-PDF lays out a page again for a
  // render prop, and a fixed View around one threw "unsupported number" on long memos.
  return (
    <>
      <Text style={[s.footer, { right: 130 }]} fixed>
        {label} · generated {formatDateTime(generatedAt)}
      </Text>
      <Text style={[s.footer, { left: 430, textAlign: "right" }]} fixed render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </>
  );
}

/**
 * A run of pages that React-PDF breaks itself, with the footer (and its page-number render prop)
 * on each. Used by the comparison memo and by the assessment memo's fallback.
 */
export function MemoPage({ footer, generatedAt, children }: { footer: string; generatedAt: Date; children: ReactNode }) {
  return (
    <Page size="A4" style={s.page}>
      <View style={s.body}>{children}</View>
      <MemoFooter label={footer} generatedAt={generatedAt} />
    </Page>
  );
}

/** What the planned pages reported while drawn: how many were drawn, and which ran out of room. */
export type TPageCheck = { painted: number; overflowed: number[] };

/** A canvas this tall or less is what the content left of a full page: the page overflowed. */
export const OVERFLOW_ROOM = 1.01;

const FOOTER = { size: 7.5, line: 9, bottom: 22, labelWidth: 386 };

/** A planned page's footer: the label broken into lines, and "Page n of N". */
export function footerSketch(m: TextMeasurer, label: string, pageNumber: number, totalPages: number): Sketch {
  const sk = new Sketch(m);
  const labelHeight = sk.text([{ text: label, size: FOOTER.size, color: COLORS.muted }], { width: FOOTER.labelWidth, lineHeight: FOOTER.line });
  const pageText = `Page ${pageNumber} of ${totalPages}`;
  sk.text([{ text: pageText, size: FOOTER.size, color: COLORS.muted }], { x: CONTENT_WIDTH - m.width(pageText, FOOTER.size), y: labelHeight - FOOTER.line, width: CONTENT_WIDTH, lineHeight: FOOTER.line });
  return sk;
}

/**
 * One memo page whose content was fitted to it beforehand (page-packing.ts), so React-PDF lays it
 * out once and never breaks it. A Canvas fills what the content leaves of the page: it draws the
 * footer in the bottom margin and tells `onPainted` how much room the content left, so the caller
 * can tell a page that overflowed (which the plan should never allow) and fall back to letting
 * React-PDF break the pages.
 */
export function PlannedPage({ footer, fonts, onPainted, pageIndex, children }: { footer: Sketch; fonts: TMemoFonts; onPainted: (pageIndex: number, room: number) => void; pageIndex: number; children: ReactNode }) {
  const paint = (painter: unknown, _width?: number, height?: number): null => {
    if (isMeasuring(painter, height) || height === undefined) return null;
    onPainted(pageIndex, height);
    // The canvas ends where the content area does; the footer sits in the page's bottom margin.
    const p = painter as { save: () => unknown; translate: (x: number, y: number) => unknown; restore: () => unknown };
    p.save();
    p.translate(0, height + PAGE.bottom - FOOTER.bottom - footer.y);
    paintSketch(painter, footer, fonts);
    p.restore();
    return null;
  };
  return (
    <Page size="A4" style={s.page} wrap={false}>
      {/* A fixed-height body: an unbroken page is laid out at its content's height, so the body
          itself gives the page its A4 height, and what the content leaves goes to the canvas. */}
      <View style={[s.body, { height: CONTENT_HEIGHT }]}>
        {children}
        <Canvas style={{ flexGrow: 1, flexShrink: 0, minHeight: 1 }} paint={paint as (painter: unknown, w: number, h: number) => null} />
      </View>
    </Page>
  );
}
