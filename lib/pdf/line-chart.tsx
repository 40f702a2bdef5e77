import { G, Line, Path, Svg, Text as SvgText, Circle, View, Text } from "@react-pdf/renderer";
import { extent, linePath, linearScale } from "./chart-scale";
import { PDF_FONT_FAMILY } from "./fonts";
import { COLORS } from "./styles";

export type TLineSeries = { label: string; color: string; isDashed?: boolean; points: { x: number; y: number }[] };
export type TChartMarker = { x: number; y?: number; label: string; color?: string };

export type TLineChartProps = {
  title: string;
  series: TLineSeries[];
  formatX: (x: number) => string;
  formatY: (y: number) => string;
  markers?: TChartMarker[];
  width?: number;
  height?: number;
};

const MARGIN = { top: 8, right: 12, bottom: 22, left: 56 };
const tickText = { fontFamily: PDF_FONT_FAMILY, fontSize: 6.5 };

export function ChartLegend({ items }: { items: { label: string; color: string }[] }) {
  return (
    <View style={{ flexDirection: "row", flexWrap: "wrap", marginTop: 2 }}>
      {items.map((it) => (
        <View key={it.label} style={{ flexDirection: "row", alignItems: "center", marginRight: 10, marginBottom: 2 }}>
          <View style={{ width: 8, height: 8, backgroundColor: it.color, marginRight: 3 }} />
          <Text style={{ fontSize: 7.5 }}>{it.label}</Text>
        </View>
      ))}
    </View>
  );
}

/** Lines on shared axes, drawn as vectors from the report's series (nothing recomputed). */
export function LineChart({ title, series, formatX, formatY, markers = [], width = 500, height = 190 }: TLineChartProps) {
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  const x = linearScale(extent(xs, false), [MARGIN.left, width - MARGIN.right], false);
  const y = linearScale(extent(ys), [height - MARGIN.bottom, MARGIN.top]);
  const xTicks = x.ticks(5);
  const yTicks = y.ticks(4);
  return (
    <View wrap={false} style={{ marginBottom: 10 }}>
      <Text style={{ fontWeight: "bold", fontSize: 9.5, marginBottom: 3 }}>{title}</Text>
      <Svg width={width} height={height}>
        {yTicks.map((t) => (
          <G key={`y${t}`}>
            <Line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} stroke={COLORS.rule} strokeWidth={0.5} />
            <SvgText x={MARGIN.left - 4} y={y(t) + 2} textAnchor="end" fill={COLORS.muted} style={tickText}>
              {formatY(t)}
            </SvgText>
          </G>
        ))}
        {xTicks.map((t) => (
          <SvgText key={`x${t}`} x={x(t)} y={height - MARGIN.bottom + 10} textAnchor="middle" fill={COLORS.muted} style={tickText}>
            {formatX(t)}
          </SvgText>
        ))}
        <Line x1={MARGIN.left} x2={width - MARGIN.right} y1={height - MARGIN.bottom} y2={height - MARGIN.bottom} stroke={COLORS.muted} strokeWidth={0.75} />
        {series.map((s) => (
          <Path key={s.label} d={linePath(s.points.map((p) => ({ x: x(p.x), y: y(p.y) })))} stroke={s.color} strokeWidth={1.4} fill="none" strokeDasharray={s.isDashed ? "3 2" : undefined} />
        ))}
        {markers.map((m) => (
          <G key={m.label}>
            <Line x1={x(m.x)} x2={x(m.x)} y1={MARGIN.top} y2={height - MARGIN.bottom} stroke={m.color ?? COLORS.muted} strokeWidth={0.75} strokeDasharray="2 2" />
            {m.y !== undefined ? <Circle cx={x(m.x)} cy={y(m.y)} r={2.5} fill={m.color ?? COLORS.ink} /> : null}
          </G>
        ))}
      </Svg>
      <ChartLegend items={[...series.map((s) => ({ label: s.label, color: s.color })), ...markers.map((m) => ({ label: m.label, color: m.color ?? COLORS.muted }))]} />
    </View>
  );
}
