// The memo's text is broken into lines here (text-measure.ts) and drawn by a React-PDF Canvas with
// pdfkit's text calls, instead of going through React-PDF's text layout. The lines are known before
// layout, so every block's height is exact, the memo can be cut into pages before React-PDF runs,
// and React-PDF has no text to lay out: a memo renders several times faster. The PDF still holds
// real text (searchable, selectable, extractable) in the same embedded DejaVu Sans, with links.
import { Canvas, type Styles } from "@react-pdf/renderer";
import type { TLine, TSpan, TextMeasurer } from "./text-measure";

type Style = Styles[string];

/** A span as drawn: its colour, and a link target if it is one. */
export type TStyledSpan = TSpan & { color?: string; link?: string };

/** The fontkit fonts React-PDF loaded, handed to pdfkit so the memo embeds each font once. */
export type TMemoFonts = { regular: unknown; bold: unknown };

type TOp =
  | { kind: "text"; x: number; y: number; lineHeight: number; spans: readonly TStyledSpan[]; lines: TLine[] }
  | { kind: "rule"; x1: number; y1: number; x2: number; y2: number; width: number; color: string }
  | { kind: "fill"; x: number; y: number; w: number; h: number; color: string }
  | { kind: "frame"; x: number; y: number; w: number; h: number; width: number; color: string };

/**
 * Draws a block top-down: text at a given width and line height, rules and filled boxes, each
 * placed at the sketch's current height or an explicit y. Heights are exact: what is measured is
 * what is drawn.
 */
export class Sketch {
  readonly ops: TOp[] = [];
  y = 0;

  constructor(readonly m: TextMeasurer) {}

  /** Lays `spans` out `width` wide at `x`, from `y` (default: the current height); returns the height. */
  text(spans: readonly TStyledSpan[] | string, { x = 0, y = this.y, width, lineHeight, size = 9.5, isBold = false, color }: { x?: number; y?: number; width: number; lineHeight: number; size?: number; isBold?: boolean; color?: string }): number {
    const list: readonly TStyledSpan[] = typeof spans === "string" ? [{ text: spans, size, isBold, color }] : spans;
    return this.lines(list, this.m.breakLines(list, width), { x, y, lineHeight });
  }

  /** Places lines already broken from `spans` (a slice of a long paragraph, say); returns the height. */
  lines(spans: readonly TStyledSpan[], lines: TLine[], { x = 0, y = this.y, lineHeight }: { x?: number; y?: number; lineHeight: number }): number {
    this.ops.push({ kind: "text", x, y, lineHeight, spans, lines });
    const height = lines.length * lineHeight;
    this.y = Math.max(this.y, y + height);
    return height;
  }

  rule(x1: number, y1: number, x2: number, y2: number, color: string, width = 0.5) {
    this.ops.push({ kind: "rule", x1, y1, x2, y2, width, color });
  }

  fill(x: number, y: number, w: number, h: number, color: string) {
    this.ops.push({ kind: "fill", x, y, w, h, color });
  }

  /** An outline box (its line centred on the given edges). */
  frame(x: number, y: number, w: number, h: number, color: string, width = 0.75) {
    this.ops.push({ kind: "frame", x, y, w, h, width, color });
  }

  /** One line of text whose baseline starts, centres or ends at (x, baseline), as SVG's text-anchor does. */
  label(text: string, x: number, baseline: number, { size, color, anchor = "start" }: { size: number; color?: string; anchor?: "start" | "middle" | "end" }) {
    const span: TStyledSpan = { text, size, color };
    const width = this.m.width(text, size);
    const { ascent, descent } = this.m.extent(span);
    const left = anchor === "end" ? x - width : anchor === "middle" ? x - width / 2 : x;
    this.ops.push({ kind: "text", x: left, y: baseline - ascent, lineHeight: ascent + descent, spans: [span], lines: [{ segments: [{ text, x: 0, width, span: 0 }], width }] });
  }

  /** Appends another sketch's drawing below this one's (at the current height). */
  append(other: Sketch) {
    const dy = this.y;
    for (const op of other.ops) {
      if (op.kind === "text") this.ops.push({ ...op, y: op.y + dy });
      else if (op.kind === "rule") this.ops.push({ ...op, y1: op.y1 + dy, y2: op.y2 + dy });
      else this.ops.push({ ...op, y: op.y + dy });
    }
    this.y += other.y;
  }

  gap(h: number) {
    this.y += h;
  }
}

/** pdfkit's drawing calls, as React-PDF hands them to a Canvas (only the ones used here). */
type TPainter = {
  moveTo: (x: number, y: number) => TPainter;
  lineTo: (x: number, y: number) => TPainter;
  rect: (x: number, y: number, w: number, h: number) => TPainter;
  fill: (color?: string) => TPainter;
  stroke: () => TPainter;
  lineWidth: (w: number) => TPainter;
  strokeColor: (c: string) => TPainter;
  font: (src: unknown, family?: string, size?: number) => TPainter;
  fillColor: (c: string) => TPainter;
  text: (text: string, x: number, y: number, options?: Record<string, unknown>) => TPainter;
};

const INK = "#0f172a";

function drawText(p: TPainter, m: TextMeasurer, fonts: TMemoFonts, op: Extract<TOp, { kind: "text" }>) {
  let font: unknown = null;
  let size = 0;
  let color = "";
  op.lines.forEach((line, i) => {
    if (line.segments.length === 0) return;
    // Baselines as CSS places them: the line box centred on the tallest font on the line.
    let ascent = 0;
    let descent = 0;
    for (const seg of line.segments) {
      const e = m.extent(op.spans[seg.span]);
      ascent = Math.max(ascent, e.ascent);
      descent = Math.max(descent, e.descent);
    }
    const baseline = op.y + i * op.lineHeight + (op.lineHeight - ascent - descent) / 2 + ascent;
    for (const seg of line.segments) {
      const span = op.spans[seg.span];
      const f = span.isBold ? fonts.bold : fonts.regular;
      if (f !== font || span.size !== size) {
        p.font(f, span.isBold ? "memo-bold" : "memo-regular", span.size);
        font = f;
        size = span.size;
      }
      const c = span.color ?? INK;
      if (c !== color) {
        p.fillColor(c);
        color = c;
      }
      // pdfkit places the top of the font's ascent at y.
      const top = baseline - m.extent(span).ascent;
      p.text(seg.text, op.x + seg.x, top, span.link ? { lineBreak: false, link: span.link, textWidth: seg.width, wordCount: 1 } : { lineBreak: false });
    }
  });
}

/** Draws a sketch with the painter a Canvas gets, at the painter's current origin. */
export function paintSketch(painter: unknown, sketch: Sketch, fonts: TMemoFonts) {
  const p = painter as TPainter;
  for (const op of sketch.ops) {
    if (op.kind === "text") drawText(p, sketch.m, fonts, op);
    else if (op.kind === "rule") p.lineWidth(op.width).strokeColor(op.color).moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).stroke();
    else if (op.kind === "fill") p.rect(op.x, op.y, op.w, op.h).fill(op.color);
    else p.lineWidth(op.width).strokeColor(op.color).rect(op.x, op.y, op.w, op.h).stroke();
  }
}

/** Whether React-PDF is measuring a Canvas (it calls paint with a recorder and no size) rather than drawing it. */
export function isMeasuring(painter: unknown, height: number | undefined): boolean {
  if (height !== undefined) return false;
  (painter as TPainter).moveTo(0, 0); // a recorder with no points would report an infinite size
  return true;
}

/**
 * A block drawn from a sketch: a Canvas of the sketch's height (plus `style`'s margins, which the
 * caller counts). React-PDF lays it out as a fixed box and calls `paint` once, when it draws it.
 */
export function SketchBlock({ sketch, fonts, style }: { sketch: Sketch; fonts: TMemoFonts; style?: Style }) {
  const paint = (painter: unknown, _width?: number, height?: number): null => {
    if (!isMeasuring(painter, height)) paintSketch(painter, sketch, fonts);
    return null;
  };
  return <Canvas style={[style ?? {}, { height: sketch.y, flexShrink: 0 }]} paint={paint as (painter: unknown, w: number, h: number) => null} />;
}
