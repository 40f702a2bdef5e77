import type { ReactElement } from "react";
import { View } from "@react-pdf/renderer";
import type { TReport } from "@/lib/domain/report";
import { tokensText, usdText } from "@/lib/domain/shared";
import { BREAKDOWN_HEIGHT, breakdownLabels, BreakdownSvg, breakdownLegend, breakdownTitle, TORNADO_LEGEND, tornadoHeight, tornadoLabels, TornadoSvg, tornadoTitle } from "./bar-charts";
import { LEGEND_TEXT_SIZE, legendSpans, LINE_CHART_HEIGHT, lineChartLabels, lineChartLegend, LineChartSvg, TICK_SIZE, type TChartLabel, type TChartMarker, type TLegendItem, type TLineSeries } from "./line-chart";
import { SketchBlock } from "./memo-draw";
import type { MemoBlocks, TBlock } from "./memo-kit";
import { BODY_SIZE, COLORS, CONTENT_WIDTH, LINE, SMALL_LINE } from "./styles";

const CHART_GAP = 10;

/**
 * A chart: its title, the vector drawing, and its legend ("■ label" in each series' colour). The
 * axis labels are drawn over the drawing with the memo's own text (not as SVG text, which React-PDF
 * would lay out one label at a time).
 */
function chartBlock(b: MemoBlocks, key: string, title: string, svg: ReactElement, svgHeight: number, legend: readonly TLegendItem[], labels: readonly TChartLabel[]): TBlock {
  const head = b.sketch();
  head.text([{ text: title, size: BODY_SIZE, isBold: true }], { width: CONTENT_WIDTH, lineHeight: LINE });
  head.gap(3);
  const foot = b.sketch();
  foot.gap(2);
  foot.text(
    legendSpans(legend).flatMap((sp) => [
      { text: sp.swatch, size: LEGEND_TEXT_SIZE, color: sp.color },
      { text: sp.label, size: LEGEND_TEXT_SIZE },
    ]),
    { width: CONTENT_WIDTH, lineHeight: SMALL_LINE },
  );
  const axes = b.sketch();
  for (const l of labels) axes.label(l.text, l.x, l.y, { size: TICK_SIZE, color: l.color, anchor: l.anchor });
  axes.gap(svgHeight);
  return {
    key,
    height: head.y + svgHeight + foot.y + CHART_GAP,
    node: (
      <View key={key} style={{ marginBottom: CHART_GAP }}>
        <SketchBlock sketch={head} fonts={b.fonts} />
        <View style={{ height: svgHeight }}>
          {svg}
          <SketchBlock sketch={axes} fonts={b.fonts} style={{ position: "absolute", top: 0, left: 0, right: 0 }} />
        </View>
        <SketchBlock sketch={foot} fonts={b.fonts} />
      </View>
    ),
  };
}

export const shortTokens = (x: number) => tokensText(x).replace(" tokens", "");

/** The economics charts the results screen shows, from the same series in report.charts, drawn as vectors. */
export function chartBlocks(b: MemoBlocks, report: TReport): TBlock[] {
  const { costVsVolume, cumulative, ownedBreakdown, tornado } = report.charts;
  if (!costVsVolume && !cumulative && !ownedBreakdown && !tornado) {
    return [b.h2("charts", "Economics charts", { needsRoom: 60 }), ...b.para("charts-none", "Not available: the economics could not be computed from the inputs entered.", { color: COLORS.muted })];
  }
  const blocks: TBlock[] = [b.h2("charts", "Economics charts", { needsRoom: 260 })];
  const line = (key: string, title: string, series: TLineSeries[], markers: TChartMarker[], formatX: (x: number) => string) => {
    const props = { formatX, formatY: usdText, series, markers };
    blocks.push(chartBlock(b, key, title, <LineChartSvg {...props} withLabels={false} />, LINE_CHART_HEIGHT, lineChartLegend(series, markers), lineChartLabels(props)));
  };
  if (costVsVolume) {
    line(
      "chart-volume",
      "Monthly cost against volume (tokens per month)",
      [
        { label: "Closed API", color: COLORS.api, points: costVsVolume.points.map((p) => ({ x: p.tokensPerMonth, y: p.apiUsd })) },
        { label: "Owned", color: COLORS.owned, points: costVsVolume.points.map((p) => ({ x: p.tokensPerMonth, y: p.ownedUsd })) },
      ],
      [
        { x: costVsVolume.plannedTokensPerMonth, label: `Planned volume ${tokensText(costVsVolume.plannedTokensPerMonth)}`, color: COLORS.muted },
        ...(costVsVolume.crossover ? [{ x: costVsVolume.crossover.tokensPerMonth, y: costVsVolume.crossover.usdPerMonth, label: `Crossover ${tokensText(costVsVolume.crossover.tokensPerMonth)}`, color: COLORS.bad }] : []),
      ],
      shortTokens,
    );
  }
  if (cumulative) {
    line(
      "chart-cumulative",
      `Cumulative cost over ${cumulative.horizonMonths} months`,
      [
        { label: "Closed API", color: COLORS.api, points: cumulative.points.map((p) => ({ x: p.month, y: p.cumulativeApiUsd })) },
        { label: "Owned (one-time costs included)", color: COLORS.owned, points: cumulative.points.map((p) => ({ x: p.month, y: p.cumulativeOwnedUsd })) },
      ],
      cumulative.breakEven ? [{ x: cumulative.breakEven.month, y: cumulative.breakEven.cumulativeApiUsd, label: `Break-even month ${cumulative.breakEven.month}`, color: COLORS.bad }] : [],
      (x) => `month ${x}`,
    );
  }
  if (ownedBreakdown) {
    blocks.push(chartBlock(b, "chart-breakdown", breakdownTitle, <BreakdownSvg chart={ownedBreakdown} withLabels={false} />, BREAKDOWN_HEIGHT, breakdownLegend(ownedBreakdown), breakdownLabels(ownedBreakdown)));
  }
  if (tornado && tornado.bars.length > 0) {
    blocks.push(chartBlock(b, "chart-tornado", tornadoTitle(tornado), <TornadoSvg chart={tornado} withLabels={false} />, tornadoHeight(tornado), TORNADO_LEGEND, tornadoLabels(tornado)));
  }
  return blocks;
}
