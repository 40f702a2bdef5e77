// Lays a memo document out: every block becomes one or more units (pieces that never break across
// pages) of tagged drawing operations, in reading order, and the units are packed into pages.
import type { TBlock, TMemoDocument } from "../model/types";
import { layoutFigure } from "./layout-figure";
import { layoutTable } from "./layout-table";
import { layoutHeading, layoutList, layoutParagraph, layoutQuote } from "./layout-text";
import { packBlocks } from "./page-packing";
import { node, Sketch, shiftUnit, unitOf, type TFrame, type TNode, type TUnit } from "./sketch";
import type { TextMeasurer } from "./text-measure";
import { CONTENT_HEIGHT, CONTENT_WIDTH, MAX_BOX, SPACING } from "./theme";

/** A framed group (Div). Its blocks are laid out inside the frame; what does not fit under MAX_BOX continues in another box. */
function layoutBox(b: Extract<TBlock, { kind: "box" }>, f: TFrame): TUnit[] {
  const inset = b.border + b.padding;
  const inner: TFrame = { ...f, x: f.x + inset, width: f.width - 2 * inset, parent: node("Div", f.parent) };
  const children = layoutBlocks(b.blocks, inner);
  const boxes: Sketch[] = [];
  let box: Sketch | null = null;
  for (const child of children) {
    if (box && box.y + child.height + b.padding + b.border > MAX_BOX) box = null;
    if (!box) {
      box = new Sketch(f.m);
      box.gap(inset);
      boxes.push(box);
    }
    box.append({ ops: child.ops, y: child.height });
  }
  return boxes.map((sk, i) => {
    sk.gap(b.padding);
    // The outline's line is centred on its edges: inset by half its width, the box ends a border below.
    sk.frame(f.x + b.border / 2, b.border / 2, f.width - b.border, sk.y, b.color, b.border);
    sk.gap(b.border + (b.spaceAfter ?? SPACING.box.after));
    const u = unitOf(sk, { keepWithNext: i === boxes.length - 1 ? b.keepWithNext : false });
    return i === 0 ? shiftUnit(u, b.spaceBefore ?? SPACING.box.before) : u;
  });
}

function layoutBlock(b: Exclude<TBlock, { kind: "pageBreak" }>, f: TFrame): TUnit[] {
  switch (b.kind) {
    case "heading":
      return layoutHeading(b, f);
    case "paragraph":
      return layoutParagraph(b, f);
    case "list":
      return layoutList(b, f);
    case "quote":
      return layoutQuote(b, f);
    case "table":
      return layoutTable(b, f);
    case "figure":
      return layoutFigure(b, f);
    case "box":
      return layoutBox(b, f);
  }
}

/** Blocks in reading order as units; a page break marks the unit after it. */
function layoutBlocks(blocks: readonly TBlock[], f: TFrame): TUnit[] {
  const units: TUnit[] = [];
  let isBreak = false;
  for (const b of blocks) {
    if (b.kind === "pageBreak") {
      isBreak = true;
      continue;
    }
    const [first, ...rest] = layoutBlock(b, f);
    if (!first) continue;
    units.push(isBreak ? { ...first, startsPage: true } : first, ...rest);
    isBreak = false;
  }
  return units;
}

export type TLaidOutMemo = { root: TNode; pages: TUnit[][] };

/** The memo's pages: a Document element with a Sect per section, each section's blocks inside it. */
export function layoutMemo(doc: TMemoDocument, m: TextMeasurer): TLaidOutMemo {
  const root: TNode = { type: "Document", parent: null };
  const units = doc.sections.flatMap((section) => layoutBlocks(section.blocks, { m, x: 0, width: CONTENT_WIDTH, parent: node("Sect", root) }));
  return { root, pages: packBlocks(units, CONTENT_HEIGHT).map((indices) => indices.map((i) => units[i])) };
}
