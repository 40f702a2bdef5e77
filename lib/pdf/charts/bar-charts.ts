// The owned-cost breakdown (stacked bars per month) and the sensitivity tornado as vector shapes and
// labels (pure), from the report's chart series.
import type { TReportCharts } from "@/lib/domain/report";
import { usdText } from "@/lib/domain/shared";
import { COLORS, seriesColor } from "../model/palette";
import type { TChart, TChartLabel, TLegendItem, TShape } from "../model/types";
import { extent, linearScale } from "./chart-scale";
import { axisTitles, CHART_WIDTH, TITLED_MARGIN } from "./line-chart";

type TBreakdown = NonNullable<TReportCharts["ownedBreakdown"]>;
type TTornado = NonNullable<TReportCharts["tornado"]>;

const r1 = (v: number) => v.toFixed(1);
/** A rectangle as a closed sub-path, so a whole series of bars is one path. */
const rectPath = (x: number, y: number, w: number, h: number) => `M ${r1(x)} ${r1(y)} h ${r1(w)} v ${r1(h)} h ${r1(-w)} Z`;

export const BREAKDOWN_HEIGHT = 196;

/** Owned cost per month, stacked by component, one bar per month of the horizon. */
export function breakdownChart(chart: TBreakdown, width = CHART_WIDTH, height = BREAKDOWN_HEIGHT): TChart {
  const m = { ...TITLED_MARGIN, right: 12, left: 56 };
  const totals = chart.points.map((p) => chart.series.reduce((sum, s) => sum + Math.max(0, p[s.key]), 0));
  const y = linearScale(extent(totals), [height - m.bottom, m.top]);
  const band = (width - m.left - m.right) / Math.max(1, chart.points.length);
  const every = Math.ceil(chart.points.length / 12);
  const ticks = y.ticks(4);
  // Stack each month's components bottom-up; collect each component's bars into one path.
  const paths = chart.series.map(() => [] as string[]);
  chart.points.forEach((p, i) => {
    let top = y(0);
    chart.series.forEach((s, si) => {
      const h = y(0) - y(Math.max(0, p[s.key]));
      top -= h;
      if (h > 0) paths[si].push(rectPath(m.left + i * band + band * 0.15, top, band * 0.7, h));
    });
  });
  const shapes: TShape[] = [
    { kind: "path", d: ticks.map((t) => `M ${m.left} ${r1(y(t))} H ${width - m.right}`).join(" "), stroke: COLORS.rule, width: 0.5 },
    ...paths.flatMap((d, si): TShape[] => (d.length > 0 ? [{ kind: "path", d: d.join(" "), fill: seriesColor(si) }] : [])),
  ];
  const labels: TChartLabel[] = [
    ...ticks.map((t) => ({ text: usdText(t), x: m.left - 4, y: y(t) + 2, anchor: "end" as const, color: COLORS.muted })),
    ...chart.points.flatMap((p, i) => (i % every === 0 ? [{ text: String(p.month), x: m.left + i * band + band / 2, y: height - m.bottom + 10, anchor: "middle" as const, color: COLORS.muted }] : [])),
    ...axisTitles(width, height, m, { x: "Month", y: "USD per month" }),
  ];
  return { width, height, shapes, labels, legend: chart.series.map((s, i) => ({ label: s.label, color: seriesColor(i) })) };
}

/** The bars the tornado draws: inputs whose both ends are known, in the report's order, at most ten. */
export const tornadoBars = (chart: TTornado) => chart.bars.filter((b) => b.outputAtLow !== null && b.outputAtHigh !== null).slice(0, 10);

const TORNADO_LEGEND: TLegendItem[] = [
  { label: "Input at its low end", color: COLORS.api },
  { label: "Input at its high end", color: COLORS.owned },
];

/** Sensitivity: each input at its low and high end, bars around the base net saving. */
export function tornadoChart(chart: TTornado, width = CHART_WIDTH): TChart {
  const bars = tornadoBars(chart);
  const base = chart.baseOutput ?? 0;
  const rowH = 16;
  const m = { top: 6, right: 12, bottom: TITLED_MARGIN.bottom, left: 150 };
  const height = m.top + m.bottom + bars.length * rowH;
  const x = linearScale(extent([base, ...bars.flatMap((b) => [b.outputAtLow as number, b.outputAtHigh as number])]), [m.left, width - m.right]);
  const ticks = x.ticks(5);
  const low: string[] = [];
  const high: string[] = [];
  bars.forEach((b, i) => {
    const yTop = m.top + i * rowH + 3;
    const lo = x(b.outputAtLow as number);
    const hi = x(b.outputAtHigh as number);
    low.push(rectPath(Math.min(x(base), lo), yTop, Math.abs(lo - x(base)), rowH - 6));
    high.push(rectPath(Math.min(x(base), hi), yTop, Math.abs(hi - x(base)), rowH - 6));
  });
  const shapes: TShape[] = [
    { kind: "path", d: ticks.map((t) => `M ${r1(x(t))} ${m.top} V ${height - m.bottom}`).join(" "), stroke: COLORS.rule, width: 0.5 },
    ...(low.length > 0 ? [{ kind: "path" as const, d: low.join(" "), fill: COLORS.api }] : []),
    ...(high.length > 0 ? [{ kind: "path" as const, d: high.join(" "), fill: COLORS.owned }] : []),
    { kind: "path", d: `M ${r1(x(base))} ${m.top} L ${r1(x(base))} ${height - m.bottom}`, stroke: COLORS.ink, width: 0.75 },
  ];
  const labels: TChartLabel[] = [
    ...ticks.map((t) => ({ text: usdText(t), x: x(t), y: height - m.bottom + 10, anchor: "middle" as const, color: COLORS.muted })),
    ...bars.map((b, i) => ({ text: b.label, x: m.left - 4, y: m.top + i * rowH + 11, anchor: "end" as const, color: COLORS.ink })),
    ...axisTitles(width, height, m, { x: `${chart.outputLabel} (USD)` }),
  ];
  return { width, height, shapes, labels, legend: TORNADO_LEGEND };
}

/** The breakdown's key numbers in words: the first and last month's total and components. */
export function breakdownAlt(chart: TBreakdown): string {
  const month = (p: TBreakdown["points"][number]) => {
    const parts = chart.series.filter((s) => p[s.key] > 0).map((s) => `${s.label} ${usdText(p[s.key])}`);
    const total = chart.series.reduce((sum, s) => sum + Math.max(0, p[s.key]), 0);
    return `Month ${p.month}: ${usdText(total)} (${parts.join(", ") || "nothing"}).`;
  };
  const first = chart.points[0];
  const last = chart.points[chart.points.length - 1];
  return first && last ? (first === last ? month(first) : `${month(first)} ${month(last)}`) : "No months to show.";
}

/** The tornado's key numbers in words: the base, then each input's low and high end. */
export function tornadoAlt(chart: TTornado): string {
  const bars = tornadoBars(chart).map((b) => `${b.label}: ${usdText(b.outputAtLow as number)} at its low end, ${usdText(b.outputAtHigh as number)} at its high end.`);
  return [`Base ${chart.baseOutput === null ? "not known" : usdText(chart.baseOutput)}.`, ...bars].join(" ");
}
