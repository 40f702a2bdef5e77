// Lays out a chart as one Figure element whose alternative text is the chart's key numbers: its
// title, the vector drawing with its axis labels, and the legend ("■ label" in each series' colour).
import type { TBlock } from "../model/types";
import { drawSpans } from "./inline";
import { node, Sketch, unitOf, type TDrawSpan, type TFrame, type TUnit } from "./sketch";
import { CHART, SPACING, TEXT } from "./theme";

const LEGEND_GAP = "    ";

export function layoutFigure(b: Extract<TBlock, { kind: "figure" }>, f: TFrame): TUnit[] {
  const figure = node("Figure", f.parent, { alt: b.alt });
  const { chart } = b;
  const sk = new Sketch(f.m);
  sk.gap(b.spaceBefore ?? SPACING.figure.before);
  sk.text(drawSpans(b.title, { ...TEXT.body, isBold: true }, figure), { x: f.x, width: f.width, lineHeight: TEXT.body.line });
  sk.gap(CHART.titleGap);
  const top = sk.y;
  for (const shape of chart.shapes) sk.shape(shape, figure, f.x, top);
  for (const l of chart.labels) {
    const [span] = drawSpans(l.text, { size: CHART.tickSize, line: CHART.tickSize }, figure, l.color);
    sk.label(span, f.x + l.x, top + l.y, l.anchor);
  }
  sk.y = top + chart.height + CHART.legendGap;
  const legend: TDrawSpan[] = chart.legend.flatMap((item, i) => [
    ...drawSpans(`${i > 0 ? LEGEND_GAP : ""}■ `, { size: CHART.legendSize, line: TEXT.small.line }, figure, item.color),
    ...drawSpans(item.label, { size: CHART.legendSize, line: TEXT.small.line }, figure),
  ]);
  if (legend.length > 0) sk.text(legend, { x: f.x, width: f.width, lineHeight: TEXT.small.line });
  sk.gap(b.spaceAfter ?? SPACING.figure.after);
  return [unitOf(sk, { keepWithNext: b.keepWithNext })];
}
