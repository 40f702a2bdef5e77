import { Fragment } from "react";
import { Circle, Line, Path, Svg, Text as SvgText, Text, View } from "@react-pdf/renderer";
import { extent, linePath, linearScale } from "./chart-scale";
import { PDF_FONT_FAMILY } from "./fonts";
import { BODY_SIZE, COLORS } from "./styles";

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
export const TICK_SIZE = 6.5;
const tickText = { fontFamily: PDF_FONT_FAMILY, fontSize: TICK_SIZE };

export type TLegendItem = { label: string; color: string };

const LEGEND_SIZE = 7.5;
const LEGEND_GAP = "    ";
/** "■ label" per item, as one line of text (one layout, not a View per item). */
export const legendSpans = (items: readonly TLegendItem[]) => items.map((it, i) => ({ swatch: `${i > 0 ? LEGEND_GAP : ""}■ `, label: it.label, color: it.color }));
export const LEGEND_TEXT_SIZE = LEGEND_SIZE;

function ChartLegend({ items }: { items: readonly TLegendItem[] }) {
  return (
    <Text style={{ fontSize: LEGEND_SIZE, marginTop: 2 }}>
      {legendSpans(items).map((sp) => (
        <Fragment key={sp.swatch + sp.label}>
          <Text style={{ color: sp.color }}>{sp.swatch}</Text>
          {sp.label}
        </Fragment>
      ))}
    </Text>
  );
}

function ChartTitle({ children }: { children: string }) {
  return <Text style={{ fontWeight: "bold", fontSize: BODY_SIZE, marginBottom: 3 }}>{children}</Text>;
}

export function lineChartLegend(series: readonly TLineSeries[], markers: readonly TChartMarker[]): TLegendItem[] {
  return [...series.map((s) => ({ label: s.label, color: s.color })), ...markers.map((m) => ({ label: m.label, color: m.color ?? COLORS.muted }))];
}

export const LINE_CHART_HEIGHT = 190;

/** An axis label: text whose baseline starts, centres or ends at (x, y), as SVG's text-anchor. */
export type TChartLabel = { text: string; x: number; y: number; anchor: "start" | "middle" | "end"; color: string };

/** Axis labels as SVG text (the comparison memo's charts). */
export function SvgLabels({ labels }: { labels: readonly TChartLabel[] }) {
  return labels.map((l, i) => (
    <SvgText key={i} x={l.x} y={l.y} textAnchor={l.anchor} fill={l.color} style={tickText}>
      {l.text}
    </SvgText>
  ));
}

function lineGeometry({ series, formatX, formatY, width = 500, height = LINE_CHART_HEIGHT }: Omit<TLineChartProps, "title">) {
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  const x = linearScale(extent(xs, false), [MARGIN.left, width - MARGIN.right], false);
  const y = linearScale(extent(ys), [height - MARGIN.bottom, MARGIN.top]);
  const yTicks = y.ticks(4);
  const labels: TChartLabel[] = [
    ...yTicks.map((t) => ({ text: formatY(t), x: MARGIN.left - 4, y: y(t) + 2, anchor: "end" as const, color: COLORS.muted })),
    ...x.ticks(5).map((t) => ({ text: formatX(t), x: x(t), y: height - MARGIN.bottom + 10, anchor: "middle" as const, color: COLORS.muted })),
  ];
  return { x, y, yTicks, labels, width, height };
}

/** The axis labels of a line chart, for drawing them apart from its shapes. */
export const lineChartLabels = (props: Omit<TLineChartProps, "title">) => lineGeometry(props).labels;

/** Lines on shared axes, drawn as vectors from the report's series (nothing recomputed); `withLabels` false leaves the axis labels to the caller. */
export function LineChartSvg({ withLabels = true, ...props }: Omit<TLineChartProps, "title"> & { withLabels?: boolean }) {
  const { series, markers = [] } = props;
  const { x, y, yTicks, labels, width, height } = lineGeometry(props);
  // All grid lines in one path: one drawing operation instead of one element per tick.
  const grid = yTicks.map((t) => `M ${MARGIN.left} ${y(t).toFixed(1)} H ${width - MARGIN.right}`).join(" ");
  return (
    <Svg width={width} height={height}>
      <Path d={grid} stroke={COLORS.rule} strokeWidth={0.5} fill="none" />
      {withLabels ? <SvgLabels labels={labels} /> : null}
      <Line x1={MARGIN.left} x2={width - MARGIN.right} y1={height - MARGIN.bottom} y2={height - MARGIN.bottom} stroke={COLORS.muted} strokeWidth={0.75} />
      {series.map((s) => (
        <Path key={s.label} d={linePath(s.points.map((p) => ({ x: x(p.x), y: y(p.y) })))} stroke={s.color} strokeWidth={1.4} fill="none" strokeDasharray={s.isDashed ? "3 2" : undefined} />
      ))}
      {markers.map((m) => (
        <Fragment key={m.label}>
          <Line x1={x(m.x)} x2={x(m.x)} y1={MARGIN.top} y2={height - MARGIN.bottom} stroke={m.color ?? COLORS.muted} strokeWidth={0.75} strokeDasharray="2 2" />
          {m.y !== undefined ? <Circle cx={x(m.x)} cy={y(m.y)} r={2.5} fill={m.color ?? COLORS.ink} /> : null}
        </Fragment>
      ))}
    </Svg>
  );
}

/** A titled line chart with its legend, laid out by React-PDF (the comparison memo's). */
export function LineChart(props: TLineChartProps) {
  return (
    <View wrap={false} style={{ marginBottom: 10 }}>
      <ChartTitle>{props.title}</ChartTitle>
      <LineChartSvg {...props} />
      <ChartLegend items={lineChartLegend(props.series, props.markers ?? [])} />
    </View>
  );
}
