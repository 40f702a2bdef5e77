// Draws laid-out pages with pdfkit and tags every mark: each run of content belongs to its
// structure element (created in the tree when its first content is drawn, so the tree's order is
// the drawing order, which is the reading order), and everything else is an artifact.
import { COLORS } from "../model/palette";
import type { TShape } from "../model/types";
import { FONT_NAMES } from "./pdf-document";
import { isArtifact, type TDrawSpan, type TNode, type TOp, type TTag, type TUnit } from "./sketch";
import type { TextMeasurer } from "./text-measure";
import { FOOTER, PAGE } from "./theme";

type TDoc = PDFKit.PDFDocument;
type TElement = PDFKit.PDFStructureElement;
/** Something to draw and the element (or artifact) it belongs to; no `draw`: an element with no content. */
type TMark = { tag: TTag; draw?: () => void };

/** Structure elements by layout node, made on demand under their parents. */
class StructureTree {
  private readonly elements = new Map<TNode, TElement>();

  constructor(private readonly doc: TDoc) {}

  element(n: TNode): TElement {
    let el = this.elements.get(n);
    if (el) return el;
    // pdfkit's typings lag its struct() options: `scope` marks a header cell's row or column.
    const options: PDFKit.Mixins.StructureElementOptions & { scope?: string } = {};
    if (n.alt) options.alt = n.alt;
    if (n.scope) options.scope = n.scope;
    el = this.doc.struct(n.type, options);
    if (n.parent) this.element(n.parent).add(el);
    else this.doc.addStructure(el);
    this.elements.set(n, el);
    return el;
  }
}

/** The pen's state, so colour and font are only set when they change. */
type TPen = { font: string; size: number; color: string };

function textMarks(doc: TDoc, m: TextMeasurer, op: Extract<TOp, { kind: "text" }>, dx: number, dy: number, pen: TPen): TMark[] {
  const marks: TMark[] = [];
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
    const baseline = dy + op.y + i * op.lineHeight + (op.lineHeight - ascent - descent) / 2 + ascent;
    line.segments.forEach((seg, s) => {
      const span: TDrawSpan = op.spans[seg.span];
      // A line broken between words ends with a space, so text read from the tags does not run them together.
      const text = s === line.segments.length - 1 && i < op.lines.length - 1 && !line.isCut ? `${seg.text} ` : seg.text;
      marks.push({
        tag: span.tag,
        draw: () => {
          const font = span.isBold ? FONT_NAMES.bold : FONT_NAMES.regular;
          if (font !== pen.font || span.size !== pen.size) doc.font(font, span.size);
          if (span.color !== pen.color) doc.fillColor(span.color);
          Object.assign(pen, { font, size: span.size, color: span.color });
          // pdfkit places the top of the font's ascent at y.
          doc.text(text, dx + op.x + seg.x, baseline - m.extent(span).ascent, { lineBreak: false, link: span.link });
        },
      });
    });
  });
  return marks;
}

function drawShape(doc: TDoc, shape: TShape, x: number, y: number) {
  doc.save().translate(x, y);
  if (shape.kind === "circle") {
    doc.circle(shape.cx, shape.cy, shape.r).fill(shape.fill);
  } else {
    doc.path(shape.d);
    if (shape.dash) doc.dash(shape.dash[0], { space: shape.dash[1] });
    if (shape.fill) doc.fill(shape.fill);
    else doc.lineWidth(shape.width ?? 1).stroke(shape.stroke ?? COLORS.ink);
  }
  doc.restore();
}

/** Draws marks in order, each run of marks with one tag as one marked-content sequence. */
function drawMarks(doc: TDoc, tree: StructureTree, marks: TMark[]) {
  for (let i = 0; i < marks.length; ) {
    const { tag, draw } = marks[i];
    if (!draw) {
      if (!isArtifact(tag)) tree.element(tag);
      i += 1;
      continue;
    }
    let j = i;
    while (j < marks.length && marks[j].tag === tag && marks[j].draw) j += 1;
    const run = marks.slice(i, j);
    const drawRun = () => run.forEach((mk) => mk.draw?.());
    if (isArtifact(tag)) {
      doc.markContent("Artifact", { type: tag.artifact });
      drawRun();
      doc.endMarkedContent();
    } else {
      // A function child is drawn at once, inside a marked-content sequence of the element.
      tree.element(tag).add(drawRun);
    }
    i = j;
  }
}

function opMarks(doc: TDoc, m: TextMeasurer, op: TOp, dx: number, dy: number, pen: TPen): TMark[] {
  if (op.kind === "text") return textMarks(doc, m, op, dx, dy, pen);
  if (op.kind === "shape") return [{ tag: op.tag, draw: () => drawShape(doc, op.shape, dx + op.x, dy + op.y) }];
  return [{ tag: op.tag }];
}

/** Draws the pages, each with its footer (a unit of pagination artifacts) at the foot of the page. */
export function drawPages(doc: TDoc, m: TextMeasurer, root: TNode, pages: TUnit[][], footer: (pageIndex: number) => TUnit) {
  const tree = new StructureTree(doc);
  tree.element(root);
  pages.forEach((units, pageIndex) => {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    // A new page starts with the PDF's default colour.
    const pen: TPen = { font: "", size: 0, color: "" };
    const marks: TMark[] = [];
    let y = PAGE.top;
    for (const unit of units) {
      for (const op of unit.ops) marks.push(...opMarks(doc, m, op, PAGE.side, y, pen));
      y += unit.height;
    }
    const foot = footer(pageIndex);
    for (const op of foot.ops) marks.push(...opMarks(doc, m, op, PAGE.side, PAGE.height - FOOTER.bottom - foot.height, pen));
    drawMarks(doc, tree, marks);
  });
}
