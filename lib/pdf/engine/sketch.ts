// What the layout hands the drawing code: pieces of a page ("units", which never break across
// pages) as drawing operations, each tagged with the structure element it belongs to. A unit's
// height is exact, because its text is broken into lines before anything is drawn.
import type { TShape } from "../model/types";
import type { TPackable } from "./page-packing";
import type { TLine, TSpan, TextMeasurer } from "./text-measure";

/** A structure element (P, H2, TD, Figure, ...). Created in the PDF when its first content is drawn. */
export type TNode = { type: string; parent: TNode | null; alt?: string; scope?: "Row" | "Column" };

/** Content that is not part of the text (rules, frames, the page footer): a PDF artifact. */
export type TArtifact = { artifact: "Layout" | "Pagination" };
export const LAYOUT_ARTIFACT: TArtifact = { artifact: "Layout" };
export const PAGINATION_ARTIFACT: TArtifact = { artifact: "Pagination" };

export type TTag = TNode | TArtifact;

export const isArtifact = (tag: TTag): tag is TArtifact => "artifact" in tag;

/** A node under `parent` (structure elements only exist as parts of the tree). */
export const node = (type: string, parent: TNode, extra: Pick<TNode, "alt" | "scope"> = {}): TNode => ({ type, parent, ...extra });

/** A run as drawn: its colour, link, and the element it belongs to (a Link inside a P, say). */
export type TDrawSpan = TSpan & { color: string; link?: string; tag: TTag };

export type TOp =
  | { kind: "text"; x: number; y: number; lineHeight: number; spans: readonly TDrawSpan[]; lines: TLine[] }
  | { kind: "shape"; x: number; y: number; shape: TShape; tag: TTag }
  /** An element with no content of its own (an empty table cell), so the table keeps its shape. */
  | { kind: "element"; tag: TNode };

export type TUnit = TPackable & { ops: TOp[] };

/**
 * Draws a piece top-down: text at a given width and line height, shapes, each placed at the
 * sketch's current height or an explicit y. What is measured is what is drawn.
 */
export class Sketch {
  readonly ops: TOp[] = [];
  y = 0;

  constructor(readonly m: TextMeasurer) {}

  /** Lays `spans` out `width` wide at `x`, from `y` (default: the current height); returns the height. */
  text(spans: readonly TDrawSpan[], { x = 0, y = this.y, width, lineHeight }: { x?: number; y?: number; width: number; lineHeight: number }): number {
    return this.lines(spans, this.m.breakLines(spans, width), { x, y, lineHeight });
  }

  /** Places lines already broken from `spans` (a slice of a long paragraph, say); returns the height. */
  lines(spans: readonly TDrawSpan[], lines: TLine[], { x = 0, y = this.y, lineHeight }: { x?: number; y?: number; lineHeight: number }): number {
    this.ops.push({ kind: "text", x, y, lineHeight, spans, lines });
    const height = lines.length * lineHeight;
    this.y = Math.max(this.y, y + height);
    return height;
  }

  shape(shape: TShape, tag: TTag, x = 0, y = this.y) {
    this.ops.push({ kind: "shape", x, y, shape, tag });
  }

  /** A horizontal rule `width` wide whose line is centred at `y`. */
  rule(x: number, y: number, width: number, color: string, lineWidth: number) {
    this.shape({ kind: "path", d: `M ${x} ${y} L ${x + width} ${y}`, stroke: color, width: lineWidth }, LAYOUT_ARTIFACT, 0, 0);
  }

  /** An outline box whose line is centred on the given edges. */
  frame(x: number, y: number, w: number, h: number, color: string, lineWidth: number) {
    this.shape({ kind: "path", d: `M ${x} ${y} h ${w} v ${h} h ${-w} Z`, stroke: color, width: lineWidth }, LAYOUT_ARTIFACT, 0, 0);
  }

  fill(x: number, y: number, w: number, h: number, color: string) {
    this.shape({ kind: "path", d: `M ${x} ${y} h ${w} v ${h} h ${-w} Z`, fill: color }, LAYOUT_ARTIFACT, 0, 0);
  }

  element(tag: TNode) {
    this.ops.push({ kind: "element", tag });
  }

  /** One line of text whose baseline starts, centres or ends at (x, baseline), as SVG's text-anchor does. */
  label(span: TDrawSpan, x: number, baseline: number, anchor: "start" | "middle" | "end") {
    const width = this.m.width(span.text, span.size, span.isBold);
    const { ascent, descent } = this.m.extent(span);
    const left = anchor === "end" ? x - width : anchor === "middle" ? x - width / 2 : x;
    this.ops.push({ kind: "text", x: left, y: baseline - ascent, lineHeight: ascent + descent, spans: [span], lines: [{ segments: [{ text: span.text, x: 0, width, span: 0 }], width }] });
  }

  /** Appends another drawing (a sketch, or a unit's ops and height) below this one's, at the current height. */
  append(other: { ops: readonly TOp[]; y: number }, dx = 0) {
    const dy = this.y;
    for (const op of other.ops) this.ops.push(op.kind === "element" ? op : { ...op, x: op.x + dx, y: op.y + dy });
    this.y += other.y;
  }

  gap(h: number) {
    this.y += h;
  }
}

/** Where a block is laid out: the measurer, its left edge and width, and the element it belongs to. */
export type TFrame = { m: TextMeasurer; x: number; width: number; parent: TNode };

/** A finished sketch as a unit. */
export const unitOf = (sk: Sketch, flow: Omit<TUnit, "height" | "ops"> = {}): TUnit => ({ ...flow, height: sk.y, ops: sk.ops });

/** A unit moved down by `dy` (space before it). */
export function shiftUnit(u: TUnit, dy: number): TUnit {
  if (dy === 0) return u;
  return { ...u, height: u.height + dy, ops: u.ops.map((op) => (op.kind === "element" ? op : { ...op, y: op.y + dy })) };
}

/** Items in runs of at most `size` (lines of a piece of text cut to fit on pages). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}
