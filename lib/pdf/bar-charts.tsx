import { Line, Path, Svg } from "@react-pdf/renderer";
import type { TReportCharts } from "@/lib/domain/report";
import { usdText } from "@/lib/domain/shared";
import { extent, linearScale } from "./chart-scale";
import { SvgLabels, type TChartLabel, type TLegendItem } from "./line-chart";
import { COLORS } from "./styles";

const r1 = (v: number) => v.toFixed(1);
/** A rectangle as a closed sub-path, so a whole series of bars is one Path. */
const rectPath = (x: number, y: number, w: number, h: number) => `M ${r1(x)} ${r1(y)} h ${r1(w)} v ${r1(h)} h ${r1(-w)} Z`;

export const BREAKDOWN_HEIGHT = 180;
export const breakdownTitle = "Owned cost breakdown per month";
export const breakdownLegend = (chart: NonNullable<TReportCharts["ownedBreakdown"]>): TLegendItem[] => chart.series.map((s, i) => ({ label: s.label, color: COLORS.series[i % COLORS.series.length] }));

type TBreakdown = NonNullable<TReportCharts["ownedBreakdown"]>;

function breakdownGeometry(chart: TBreakdown, width: number, height: number) {
  const m = { top: 8, right: 12, bottom: 20, left: 56 };
  const totals = chart.points.map((p) => chart.series.reduce((sum, s) => sum + Math.max(0, p[s.key]), 0));
  const y = linearScale(extent(totals), [height - m.bottom, m.top]);
  const band = (width - m.left - m.right) / Math.max(1, chart.points.length);
  const every = Math.ceil(chart.points.length / 12);
  const ticks = y.ticks(4);
  const labels: TChartLabel[] = [
    ...ticks.map((t) => ({ text: usdText(t), x: m.left - 4, y: y(t) + 2, anchor: "end" as const, color: COLORS.muted })),
    ...chart.points.flatMap((p, i) => (i % every === 0 ? [{ text: String(p.month), x: m.left + i * band + band / 2, y: height - m.bottom + 10, anchor: "middle" as const, color: COLORS.muted }] : [])),
  ];
  return { m, y, band, ticks, labels };
}

/** The axis labels of the breakdown chart, for drawing them apart from its bars. */
export const breakdownLabels = (chart: TBreakdown, width = 500, height = BREAKDOWN_HEIGHT) => breakdownGeometry(chart, width, height).labels;

/** Owned cost per month, stacked by component, one bar per month of the horizon (the drawing only). */
export function BreakdownSvg({ chart, width = 500, height = BREAKDOWN_HEIGHT, withLabels = true }: { chart: TBreakdown; width?: number; height?: number; withLabels?: boolean }) {
  const { m, y, band, ticks, labels } = breakdownGeometry(chart, width, height);
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
  return (
    <Svg width={width} height={height}>
      <Path d={ticks.map((t) => `M ${m.left} ${r1(y(t))} H ${width - m.right}`).join(" ")} stroke={COLORS.rule} strokeWidth={0.5} fill="none" />
      {paths.map((d, si) => (d.length > 0 ? <Path key={chart.series[si].key} d={d.join(" ")} fill={COLORS.series[si % COLORS.series.length]} /> : null))}
      {withLabels ? <SvgLabels labels={labels} /> : null}
    </Svg>
  );
}

export const tornadoBars = (chart: NonNullable<TReportCharts["tornado"]>) => chart.bars.filter((b) => b.outputAtLow !== null && b.outputAtHigh !== null).slice(0, 10);
export const tornadoHeight = (chart: NonNullable<TReportCharts["tornado"]>) => 6 + 18 + tornadoBars(chart).length * 16;
export const tornadoTitle = (chart: NonNullable<TReportCharts["tornado"]>) => `Sensitivity: ${chart.outputLabel}`;
export const TORNADO_LEGEND: TLegendItem[] = [
  { label: "Input at its low end", color: COLORS.api },
  { label: "Input at its high end", color: COLORS.owned },
];

type TTornado = NonNullable<TReportCharts["tornado"]>;

function tornadoGeometry(chart: TTornado, width: number) {
  const bars = tornadoBars(chart);
  const base = chart.baseOutput ?? 0;
  const rowH = 16;
  const m = { top: 6, right: 12, bottom: 18, left: 150 };
  const height = tornadoHeight(chart);
  const x = linearScale(extent([base, ...bars.flatMap((b) => [b.outputAtLow as number, b.outputAtHigh as number])]), [m.left, width - m.right]);
  const ticks = x.ticks(5);
  const labels: TChartLabel[] = [
    ...ticks.map((t) => ({ text: usdText(t), x: x(t), y: height - m.bottom + 10, anchor: "middle" as const, color: COLORS.muted })),
    ...bars.map((b, i) => ({ text: b.label, x: m.left - 4, y: m.top + i * rowH + 11, anchor: "end" as const, color: COLORS.ink })),
  ];
  return { bars, base, rowH, m, height, x, ticks, labels };
}

/** The labels of the sensitivity chart (axis and inputs), for drawing them apart from its bars. */
export const tornadoLabels = (chart: TTornado, width = 500) => tornadoGeometry(chart, width).labels;

/** Sensitivity: each input at its low and high end, bars around the base net saving (the drawing only). */
export function TornadoSvg({ chart, width = 500, withLabels = true }: { chart: TTornado; width?: number; withLabels?: boolean }) {
  const { bars, base, rowH, m, height, x, ticks, labels } = tornadoGeometry(chart, width);
  const low: string[] = [];
  const high: string[] = [];
  bars.forEach((b, i) => {
    const yTop = m.top + i * rowH + 3;
    const lo = x(b.outputAtLow as number);
    const hi = x(b.outputAtHigh as number);
    low.push(rectPath(Math.min(x(base), lo), yTop, Math.abs(lo - x(base)), rowH - 6));
    high.push(rectPath(Math.min(x(base), hi), yTop, Math.abs(hi - x(base)), rowH - 6));
  });
  return (
    <Svg width={width} height={height}>
      <Path d={ticks.map((t) => `M ${r1(x(t))} ${m.top} V ${height - m.bottom}`).join(" ")} stroke={COLORS.rule} strokeWidth={0.5} fill="none" />
      {low.length > 0 ? <Path d={low.join(" ")} fill={COLORS.api} /> : null}
      {high.length > 0 ? <Path d={high.join(" ")} fill={COLORS.owned} /> : null}
      <Line x1={x(base)} x2={x(base)} y1={m.top} y2={height - m.bottom} stroke={COLORS.ink} strokeWidth={0.75} />
      {withLabels ? <SvgLabels labels={labels} /> : null}
    </Svg>
  );
}
