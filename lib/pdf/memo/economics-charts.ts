import type { TReport } from "@/lib/domain/report";
import { tokensText, usdText } from "@/lib/domain/shared";
import { breakdownAlt, breakdownChart, tornadoAlt, tornadoBars, tornadoChart } from "../charts/bar-charts";
import { lineChart, lineChartAlt, type TLineChartProps } from "../charts/line-chart";
import { COLORS } from "../model/palette";
import type { TBlock, TChart, TSection } from "../model/types";

export const shortTokens = (x: number) => tokensText(x).replace(" tokens", "");
export const VOLUME_TITLE = "Tokens per month";

/** A chart as a figure whose alternative text starts with its title and gives its key numbers. */
export const figure = (title: string, chart: TChart, keyNumbers: string): TBlock => ({ kind: "figure", title, chart, alt: `${title}. ${keyNumbers}` });

/** A line chart as a figure, its alternative text read from the same series. */
export const lineFigure = (title: string, props: TLineChartProps): TBlock => figure(title, lineChart(props), lineChartAlt(props));

/** The economics charts the results screen shows, from the same series in report.charts, drawn as vectors. */
export function economicsChartsSection(report: TReport): TSection {
  const { costVsVolume, cumulative, ownedBreakdown, tornado } = report.charts;
  if (!costVsVolume && !cumulative && !ownedBreakdown && !tornado) {
    return {
      blocks: [
        { kind: "heading", level: 2, text: "Economics charts", needsRoom: 60 },
        { kind: "paragraph", text: "Not available: the economics could not be computed from the inputs entered.", color: COLORS.muted },
      ],
    };
  }
  const blocks: TBlock[] = [{ kind: "heading", level: 2, text: "Economics charts", needsRoom: 260 }];
  if (costVsVolume) {
    blocks.push(
      lineFigure("Monthly cost against volume (tokens per month)", {
        formatX: shortTokens,
        formatY: usdText,
        xTitle: VOLUME_TITLE,
        yTitle: "USD per month",
        series: [
          { label: "Closed API", color: COLORS.api, points: costVsVolume.points.map((p) => ({ x: p.tokensPerMonth, y: p.apiUsd })) },
          { label: "Owned", color: COLORS.owned, points: costVsVolume.points.map((p) => ({ x: p.tokensPerMonth, y: p.ownedUsd })) },
        ],
        markers: [
          { x: costVsVolume.plannedTokensPerMonth, label: `Planned volume ${tokensText(costVsVolume.plannedTokensPerMonth)}`, color: COLORS.muted },
          ...(costVsVolume.crossover ? [{ x: costVsVolume.crossover.tokensPerMonth, y: costVsVolume.crossover.usdPerMonth, label: `Crossover ${tokensText(costVsVolume.crossover.tokensPerMonth)}`, color: COLORS.bad }] : []),
        ],
      }),
    );
  }
  if (cumulative) {
    blocks.push(
      lineFigure(`Cumulative cost over ${cumulative.horizonMonths} months`, {
        formatX: (x) => `month ${x}`,
        formatY: usdText,
        xTitle: "Month",
        yTitle: "Cumulative USD",
        series: [
          { label: "Closed API", color: COLORS.api, points: cumulative.points.map((p) => ({ x: p.month, y: p.cumulativeApiUsd })) },
          { label: "Owned (one-time costs included)", color: COLORS.owned, points: cumulative.points.map((p) => ({ x: p.month, y: p.cumulativeOwnedUsd })) },
        ],
        markers: cumulative.breakEven ? [{ x: cumulative.breakEven.month, y: cumulative.breakEven.cumulativeApiUsd, label: `Break-even month ${cumulative.breakEven.month}`, color: COLORS.bad }] : [],
      }),
    );
  }
  if (ownedBreakdown) blocks.push(figure("Owned cost breakdown per month", breakdownChart(ownedBreakdown), breakdownAlt(ownedBreakdown)));
  if (tornado && tornadoBars(tornado).length > 0) blocks.push(figure(`Sensitivity: ${tornado.outputLabel}`, tornadoChart(tornado), tornadoAlt(tornado)));
  return { blocks };
}
