import { Text, View } from "@react-pdf/renderer";
import type { TReport } from "@/lib/domain/report-types";
import { tokensText, usdText } from "@/lib/domain/report-format";
import { BreakdownChart, TornadoChart } from "./bar-charts";
import { LineChart } from "./line-chart";
import { COLORS, s } from "./styles";

export const shortTokens = (x: number) => tokensText(x).replace(" tokens", "");

/** The economics charts the results screen shows, from the same series in report.charts. */
export function EconomicsCharts({ report }: { report: TReport }) {
  const { costVsVolume, cumulative, ownedBreakdown, tornado } = report.charts;
  if (!costVsVolume && !cumulative && !ownedBreakdown && !tornado) {
    return (
      <View>
        <Text style={s.h2}>Economics charts</Text>
        <Text style={s.muted}>Not available: the economics could not be computed from the inputs entered.</Text>
      </View>
    );
  }
  return (
    <View>
      <Text style={s.h2}>Economics charts</Text>
      {costVsVolume ? (
        <LineChart
          title="Monthly cost against volume (tokens per month)"
          formatX={shortTokens}
          formatY={usdText}
          series={[
            { label: "Closed API", color: COLORS.api, points: costVsVolume.points.map((p) => ({ x: p.tokensPerMonth, y: p.apiUsd })) },
            { label: "Owned", color: COLORS.owned, points: costVsVolume.points.map((p) => ({ x: p.tokensPerMonth, y: p.ownedUsd })) },
          ]}
          markers={[
            { x: costVsVolume.plannedTokensPerMonth, label: `Planned volume ${tokensText(costVsVolume.plannedTokensPerMonth)}`, color: COLORS.muted },
            ...(costVsVolume.crossover ? [{ x: costVsVolume.crossover.tokensPerMonth, y: costVsVolume.crossover.usdPerMonth, label: `Crossover ${tokensText(costVsVolume.crossover.tokensPerMonth)}`, color: COLORS.bad }] : []),
          ]}
        />
      ) : null}
      {cumulative ? (
        <LineChart
          title={`Cumulative cost over ${cumulative.horizonMonths} months`}
          formatX={(m) => `month ${m}`}
          formatY={usdText}
          series={[
            { label: "Closed API", color: COLORS.api, points: cumulative.points.map((p) => ({ x: p.month, y: p.cumulativeApiUsd })) },
            { label: "Owned (one-time costs included)", color: COLORS.owned, points: cumulative.points.map((p) => ({ x: p.month, y: p.cumulativeOwnedUsd })) },
          ]}
          markers={cumulative.breakEven ? [{ x: cumulative.breakEven.month, y: cumulative.breakEven.cumulativeApiUsd, label: `Break-even month ${cumulative.breakEven.month}`, color: COLORS.bad }] : []}
        />
      ) : null}
      {ownedBreakdown ? <BreakdownChart chart={ownedBreakdown} /> : null}
      {tornado && tornado.bars.length > 0 ? <TornadoChart chart={tornado} /> : null}
    </View>
  );
}
