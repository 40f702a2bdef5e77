// Lays out a table (Table > TR > TH/TD): an optional row of column headings, then one piece per
// row with each row's header cell first, a rule under every row. A row too tall for a third of a
// page (a long sign-off note) continues in further pieces, its cells' lines carried on.
import { COLORS } from "../model/palette";
import type { TBlock, TInline } from "../model/types";
import type { TLine } from "./text-measure";
import { drawSpans } from "./inline";
import { chunk, node, shiftUnit, Sketch, unitOf, type TDrawSpan, type TFrame, type TNode, type TUnit } from "./sketch";
import { MAX_PIECE, SPACING, TABLE, TEXT, type TFontStyle } from "./theme";

type TTable = Extract<TBlock, { kind: "table" }>;

/** One cell's text as lines, each with the spans it was broken from (text, then its note). */
type TCellLines = { spans: TDrawSpan[]; line: TLine; lineHeight: number }[];

type TColumn = { x: number; width: number };

function columnsOf(table: TTable, f: TFrame): TColumn[] {
  let x = f.x;
  return table.columns.map((share, i) => {
    const full = share * f.width;
    const col = { x, width: i === table.columns.length - 1 ? full : full - TABLE.gap };
    x += full;
    return col;
  });
}

function cellLines(f: TFrame, width: number, tag: TNode, text: TInline, style: TFontStyle, note?: TInline): TCellLines {
  const out: TCellLines = [];
  const add = (spans: TDrawSpan[], lineHeight: number) => {
    for (const line of f.m.breakLines(spans, width)) out.push({ spans, line, lineHeight });
  };
  add(drawSpans(text, style, tag), style.line);
  if (note) add(drawSpans(note, TEXT.small, tag, COLORS.muted), TEXT.small.line);
  return out;
}

/** Draws lines top-down from `y`, one text operation per run of lines from the same spans. */
function drawLines(sk: Sketch, lines: TCellLines, x: number, y: number): number {
  let top = y;
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && lines[j].spans === lines[i].spans) j += 1;
    top += sk.lines(lines[i].spans, lines.slice(i, j).map((l) => l.line), { x, y: top, lineHeight: lines[i].lineHeight });
    i = j;
  }
  return top - y;
}

/** A row's pieces: its cells' lines, cut so that no piece is taller than MAX_PIECE. */
function rowUnits(f: TFrame, cells: TCellLines[], cols: TColumn[], empty: TNode[], rule: { color: string }): TUnit[] {
  const lineHeight = Math.max(...cells.flatMap((c) => c.map((l) => l.lineHeight)), TEXT.small.line);
  const perPiece = Math.max(1, Math.floor((MAX_PIECE - 2 * TABLE.padding - TABLE.rule) / lineHeight));
  const pieceCount = Math.max(1, ...cells.map((c) => Math.ceil(c.length / perPiece)));
  return Array.from({ length: pieceCount }, (_, p) => {
    const sk = new Sketch(f.m);
    if (p === 0) empty.forEach((tag) => sk.element(tag));
    let height = 0;
    cells.forEach((lines, i) => {
      const piece = pieceCount > 1 ? (chunk(lines, perPiece)[p] ?? []) : lines;
      height = Math.max(height, drawLines(sk, piece, cols[i].x, TABLE.padding));
    });
    const bottom = TABLE.padding + height + TABLE.padding;
    sk.rule(f.x, bottom + TABLE.rule / 2, f.width, rule.color, TABLE.rule);
    sk.y = bottom + TABLE.rule;
    return unitOf(sk);
  });
}

export function layoutTable(b: TTable, f: TFrame): TUnit[] {
  const table = node("Table", f.parent);
  const style = TEXT[b.style ?? "body"];
  const cols = columnsOf(b, f);
  const units: TUnit[] = [];
  if (b.header) {
    const tr = node("TR", table);
    const ths = b.header.map(() => node("TH", tr, { scope: "Column" }));
    const cells = b.header.map((text, i) => (text ? cellLines(f, cols[i].width, ths[i], text, { ...style, isBold: true }) : []));
    // An empty heading (over the row headers) is still a cell of the row.
    units.push(...rowUnits(f, cells, cols, ths.filter((_, i) => !b.header?.[i]), { color: COLORS.ink }).map((u) => ({ ...u, keepWithNext: true })));
  }
  for (const row of b.rows) {
    const tr = node("TR", table);
    const th = node("TH", tr, { scope: "Row" });
    const cells = [cellLines(f, cols[0].width, th, row.header, style), ...row.cells.map((c, i) => cellLines(f, cols[i + 1].width, node("TD", tr), c.text, c.style ? TEXT[c.style] : style, c.note))];
    units.push(...rowUnits(f, cells, cols, isEmpty(row.header) ? [th] : [], { color: COLORS.rule }));
  }
  const before = b.spaceBefore ?? SPACING.table.before;
  const after = b.spaceAfter ?? SPACING.table.after;
  if (units.length > 0) {
    units[0] = shiftUnit(units[0], before);
    const last = units[units.length - 1];
    units[units.length - 1] = { ...last, height: last.height + after, keepWithNext: b.keepWithNext };
  }
  return units;
}

const isEmpty = (text: TInline) => (typeof text === "string" ? text : text.map((r) => r.text).join("")).trim() === "";
