import { G, Line, Rect, Svg, Text as SvgText, Text, View } from "@react-pdf/renderer";
import type { TReportCharts } from "@/lib/domain/report-types";
import { usdText } from "@/lib/domain/report-format";
import { extent, linearScale } from "./chart-scale";
import { PDF_FONT_FAMILY } from "./fonts";
import { ChartLegend } from "./line-chart";
import { COLORS } from "./styles";

const tickText = { fontFamily: PDF_FONT_FAMILY, fontSize: 6.5 };

/** Owned cost per month, stacked by component, one bar per month of the horizon. */
export function BreakdownChart({ chart, width = 500, height = 180 }: { chart: NonNullable<TReportCharts["ownedBreakdown"]>; width?: number; height?: number }) {
  const m = { top: 8, right: 12, bottom: 20, left: 56 };
  const totals = chart.points.map((p) => chart.series.reduce((sum, s) => sum + Math.max(0, p[s.key]), 0));
  const y = linearScale(extent(totals), [height - m.bottom, m.top]);
  const band = (width - m.left - m.right) / Math.max(1, chart.points.length);
  const every = Math.ceil(chart.points.length / 12);
  return (
    <View wrap={false} style={{ marginBottom: 10 }}>
      <Text style={{ fontWeight: "bold", fontSize: 9.5, marginBottom: 3 }}>Owned cost breakdown per month</Text>
      <Svg width={width} height={height}>
        {y.ticks(4).map((t) => (
          <G key={t}>
            <Line x1={m.left} x2={width - m.right} y1={y(t)} y2={y(t)} stroke={COLORS.rule} strokeWidth={0.5} />
            <SvgText x={m.left - 4} y={y(t) + 2} textAnchor="end" fill={COLORS.muted} style={tickText}>
              {usdText(t)}
            </SvgText>
          </G>
        ))}
        {chart.points.map((p, i) => {
          let top = y(0);
          return (
            <G key={p.month}>
              {chart.series.map((s, si) => {
                const v = Math.max(0, p[s.key]);
                const h = y(0) - y(v);
                top -= h;
                return h > 0 ? <Rect key={s.key} x={m.left + i * band + band * 0.15} y={top} width={band * 0.7} height={h} fill={COLORS.series[si % COLORS.series.length]} /> : null;
              })}
              {i % every === 0 ? (
                <SvgText x={m.left + i * band + band / 2} y={height - m.bottom + 10} textAnchor="middle" fill={COLORS.muted} style={tickText}>
                  {String(p.month)}
                </SvgText>
              ) : null}
            </G>
          );
        })}
      </Svg>
      <ChartLegend items={chart.series.map((s, i) => ({ label: s.label, color: COLORS.series[i % COLORS.series.length] }))} />
    </View>
  );
}

/** Sensitivity: each input at its low and high end, bars around the base net saving. */
export function TornadoChart({ chart, width = 500 }: { chart: NonNullable<TReportCharts["tornado"]>; width?: number }) {
  const bars = chart.bars.filter((b) => b.outputAtLow !== null && b.outputAtHigh !== null).slice(0, 10);
  const base = chart.baseOutput ?? 0;
  const rowH = 16;
  const m = { top: 6, right: 12, bottom: 18, left: 150 };
  const height = m.top + m.bottom + bars.length * rowH;
  const x = linearScale(extent([base, ...bars.flatMap((b) => [b.outputAtLow as number, b.outputAtHigh as number])]), [m.left, width - m.right]);
  return (
    <View wrap={false} style={{ marginBottom: 10 }}>
      <Text style={{ fontWeight: "bold", fontSize: 9.5, marginBottom: 3 }}>Sensitivity: {chart.outputLabel}</Text>
      <Svg width={width} height={height}>
        {x.ticks(5).map((t) => (
          <G key={t}>
            <Line x1={x(t)} x2={x(t)} y1={m.top} y2={height - m.bottom} stroke={COLORS.rule} strokeWidth={0.5} />
            <SvgText x={x(t)} y={height - m.bottom + 10} textAnchor="middle" fill={COLORS.muted} style={tickText}>
              {usdText(t)}
            </SvgText>
          </G>
        ))}
        {bars.map((b, i) => {
          const yTop = m.top + i * rowH + 3;
          const lo = b.outputAtLow as number;
          const hi = b.outputAtHigh as number;
          return (
            <G key={b.key}>
              <SvgText x={m.left - 4} y={yTop + 8} textAnchor="end" fill={COLORS.ink} style={tickText}>
                {b.label}
              </SvgText>
              <Rect x={Math.min(x(base), x(lo))} y={yTop} width={Math.abs(x(lo) - x(base))} height={rowH - 6} fill={COLORS.api} />
              <Rect x={Math.min(x(base), x(hi))} y={yTop} width={Math.abs(x(hi) - x(base))} height={rowH - 6} fill={COLORS.owned} />
            </G>
          );
        })}
        <Line x1={x(base)} x2={x(base)} y1={m.top} y2={height - m.bottom} stroke={COLORS.ink} strokeWidth={0.75} />
      </Svg>
      <ChartLegend items={[{ label: "Input at its low end", color: COLORS.api }, { label: "Input at its high end", color: COLORS.owned }]} />
    </View>
  );
}
