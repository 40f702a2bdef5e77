// A line chart as vector shapes and labels (pure): lines on shared axes from the report's series,
// nothing recomputed, with vertical markers (planned volume, crossover, break-even).
import { COLORS } from "../model/palette";
import type { TChart, TChartLabel, TShape } from "../model/types";
import { extent, linePath, linearScale } from "./chart-scale";

export type TLineSeries = { label: string; color: string; isDashed?: boolean; points: { x: number; y: number }[] };
export type TChartMarker = { x: number; y?: number; label: string; color?: string };

export type TLineChartProps = {
  series: TLineSeries[];
  formatX: (x: number) => string;
  formatY: (y: number) => string;
  /** Axis titles with their units, e.g. "Tokens per month", "USD per month". */
  xTitle: string;
  yTitle: string;
  markers?: TChartMarker[];
  width?: number;
  height?: number;
};

export type TChartMargin = { top: number; right: number; bottom: number; left: number };

/** Room above the plot for the y axis title and below the x tick labels for the x axis title. */
export const TITLED_MARGIN = { top: 16, bottom: 30 };
const MARGIN: TChartMargin = { ...TITLED_MARGIN, right: 12, left: 56 };
export const LINE_CHART_HEIGHT = 206;
export const CHART_WIDTH = 500;

/**
 * Axis titles as labels: the y title above the plot's top left corner (the engine draws no rotated
 * text), the x title under the tick labels, ending at the plot's right edge.
 */
export function axisTitles(width: number, height: number, m: TChartMargin, titles: { x?: string; y?: string }): TChartLabel[] {
  return [
    ...(titles.y ? [{ text: titles.y, x: 0, y: m.top - 9, anchor: "start" as const, color: COLORS.ink }] : []),
    ...(titles.x ? [{ text: titles.x, x: width - m.right, y: height - 3, anchor: "end" as const, color: COLORS.ink }] : []),
  ];
}

export function lineChart({ series, formatX, formatY, xTitle, yTitle, markers = [], width = CHART_WIDTH, height = LINE_CHART_HEIGHT }: TLineChartProps): TChart {
  const x = linearScale(extent(series.flatMap((s) => s.points.map((p) => p.x)), false), [MARGIN.left, width - MARGIN.right], false);
  const y = linearScale(extent(series.flatMap((s) => s.points.map((p) => p.y))), [height - MARGIN.bottom, MARGIN.top]);
  const yTicks = y.ticks(4);
  const labels: TChartLabel[] = [
    ...yTicks.map((t) => ({ text: formatY(t), x: MARGIN.left - 4, y: y(t) + 2, anchor: "end" as const, color: COLORS.muted })),
    ...x.ticks(5).map((t) => ({ text: formatX(t), x: x(t), y: height - MARGIN.bottom + 10, anchor: "middle" as const, color: COLORS.muted })),
    ...axisTitles(width, height, MARGIN, { x: xTitle, y: yTitle }),
  ];
  const bottom = height - MARGIN.bottom;
  const shapes: TShape[] = [
    // All grid lines in one path: one drawing operation instead of one per tick.
    { kind: "path", d: yTicks.map((t) => `M ${MARGIN.left} ${y(t).toFixed(1)} H ${width - MARGIN.right}`).join(" "), stroke: COLORS.rule, width: 0.5 },
    { kind: "path", d: `M ${MARGIN.left} ${bottom} L ${width - MARGIN.right} ${bottom}`, stroke: COLORS.muted, width: 0.75 },
    ...series.map((s): TShape => ({ kind: "path", d: linePath(s.points.map((p) => ({ x: x(p.x), y: y(p.y) }))), stroke: s.color, width: 1.4, dash: s.isDashed ? [3, 2] : undefined })),
    ...markers.flatMap((m): TShape[] => [
      { kind: "path", d: `M ${x(m.x).toFixed(1)} ${MARGIN.top} L ${x(m.x).toFixed(1)} ${bottom}`, stroke: m.color ?? COLORS.muted, width: 0.75, dash: [2, 2] },
      ...(m.y !== undefined ? [{ kind: "circle" as const, cx: x(m.x), cy: y(m.y), r: 2.5, fill: m.color ?? COLORS.ink }] : []),
    ]),
  ];
  const legend = [...series.map((s) => ({ label: s.label, color: s.color })), ...markers.map((m) => ({ label: m.label, color: m.color ?? COLORS.muted }))];
  return { width, height, shapes, labels, legend };
}

/** The chart's key numbers in words, for its alternative text: each line's ends, then each marker. */
export function lineChartAlt({ series, formatX, formatY, markers = [] }: TLineChartProps): string {
  const lines = series.flatMap((s) => {
    const first = s.points[0];
    const last = s.points[s.points.length - 1];
    return first && last ? [`${s.label}: ${formatY(first.y)} at ${formatX(first.x)}, ${formatY(last.y)} at ${formatX(last.x)}.`] : [];
  });
  return [...lines, ...markers.map((m) => `${m.label}${m.y !== undefined ? ` (${formatY(m.y)})` : ""}.`)].join(" ");
}
