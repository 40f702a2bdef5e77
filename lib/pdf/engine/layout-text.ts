// Lays out the text blocks: headings, paragraphs, lists and quotes, each tagged as its structure
// element. Long text is cut into pieces of whole lines so that no piece is taller than a page.
import { COLORS } from "../model/palette";
import type { TBlock } from "../model/types";
import { drawSpans } from "./inline";
import { chunk, node, Sketch, unitOf, type TFrame, type TUnit } from "./sketch";
import { HEADING_NOTE, HEADINGS, LIST, MAX_PIECE, PARAGRAPH_CHUNK, QUOTE, SECTION_ROOM, SPACING, TEXT } from "./theme";

type TOf<K extends TBlock["kind"]> = Extract<TBlock, { kind: K }>;

/** A heading (H1-H3), with the line under it if any (a P); kept with what follows. */
export function layoutHeading(b: TOf<"heading">, f: TFrame): TUnit[] {
  const style = HEADINGS[b.level];
  const sk = new Sketch(f.m);
  sk.gap(b.spaceBefore ?? style.before);
  sk.text(drawSpans(b.text, style, node(`H${b.level}`, f.parent), b.color ?? style.color), { x: f.x, width: f.width, lineHeight: style.line });
  if (b.below) sk.text(drawSpans(b.below, HEADING_NOTE, node("P", f.parent)), { x: f.x, width: f.width, lineHeight: HEADING_NOTE.line });
  sk.gap(b.spaceAfter ?? style.after);
  return [unitOf(sk, { keepWithNext: true, needsRoom: b.needsRoom ?? (b.level === 2 ? SECTION_ROOM : undefined) })];
}

/**
 * A paragraph (P). One of more than twice PARAGRAPH_CHUNK lines (a user's long description, say)
 * comes back as pieces of PARAGRAPH_CHUNK lines, so it breaks across pages like any text.
 */
export function layoutParagraph(b: TOf<"paragraph">, f: TFrame): TUnit[] {
  const style = TEXT[b.style ?? "body"];
  const spans = drawSpans(b.text, style, node("P", f.parent), b.color);
  const lines = f.m.breakLines(spans, f.width);
  const pieces = lines.length > 2 * PARAGRAPH_CHUNK ? chunk(lines, PARAGRAPH_CHUNK) : [lines];
  return pieces.map((piece, i) => {
    const isLast = i === pieces.length - 1;
    const sk = new Sketch(f.m);
    if (i === 0) sk.gap(b.spaceBefore ?? SPACING.paragraph.before);
    sk.lines(spans, piece, { x: f.x, lineHeight: style.line });
    if (isLast) sk.gap(b.spaceAfter ?? SPACING.paragraph.after);
    return unitOf(sk, { keepWithNext: isLast ? b.keepWithNext : false });
  });
}

/** A list (L): each item (LI) its mark (Lbl) in a gutter and its text (LBody) beside it. */
export function layoutList(b: TOf<"list">, f: TFrame): TUnit[] {
  const list = node("L", f.parent);
  const style = TEXT.body;
  const perPiece = Math.max(1, Math.floor(MAX_PIECE / style.line));
  return b.items.flatMap((item, index) => {
    const li = node("LI", list);
    const body = drawSpans(item.text, style, node("LBody", li));
    const pieces = chunk(f.m.breakLines(body, f.width - LIST.gutter), perPiece);
    return pieces.map((piece, i) => {
      const sk = new Sketch(f.m);
      if (index === 0 && i === 0) sk.gap(b.spaceBefore ?? SPACING.list.before);
      const top = sk.y;
      if (i === 0) sk.text(drawSpans(item.label, style, node("Lbl", li)), { x: f.x, y: top, width: LIST.gutter, lineHeight: style.line });
      sk.lines(body, piece, { x: f.x + LIST.gutter, y: top, lineHeight: style.line });
      if (i === pieces.length - 1) sk.gap(b.spaceAfter ?? SPACING.list.after);
      return unitOf(sk, { keepWithNext: index === b.items.length - 1 && i === pieces.length - 1 ? b.keepWithNext : false });
    });
  });
}

/** A quotation (BlockQuote) set off by a bar, with its source under it. */
export function layoutQuote(b: TOf<"quote">, f: TFrame): TUnit[] {
  const quote = node("BlockQuote", f.parent);
  const sk = new Sketch(f.m);
  sk.gap(b.spaceBefore ?? SPACING.quote.before);
  const top = sk.y;
  const width = f.width - QUOTE.indent;
  sk.text(drawSpans(b.text, TEXT.quote, node("P", quote)), { x: f.x + QUOTE.indent, width, lineHeight: TEXT.quote.line });
  if (b.source) sk.text(drawSpans(b.source, TEXT.small, node("P", quote)), { x: f.x + QUOTE.indent, width, lineHeight: TEXT.quote.line });
  sk.fill(f.x, top, QUOTE.bar, sk.y - top, COLORS.rule);
  sk.gap(b.spaceAfter ?? SPACING.quote.after);
  return [unitOf(sk, { keepWithNext: b.keepWithNext })];
}
