"use client";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TReportCharts } from "@/lib/domain/report";
import { formatCompact, formatNumber, formatUsdAmount, logTicks } from "@/lib/domain/shared";
import { CHART_MARGIN, ChartFigure, type TLegendItem } from "./chart-figure";

const COLORS = { api: "#b91c1c", owned: "#1d4ed8", hybrid: "#047857" };
const STACK = ["#1d4ed8", "#7c3aed", "#b45309", "#047857", "#475569", "#be185d", "#0e7490"];
const usdTick = (v: number) => formatCompact(v, "USD");
const tokTick = (v: number) => formatCompact(v);
const usdTip = (v: unknown) => (typeof v === "number" ? formatUsdAmount(v) : String(v));
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const THREE_WAY: TLegendItem[] = [
  { label: "API", color: COLORS.api, mark: "line" },
  { label: "Owned", color: COLORS.owned, mark: "line" },
  { label: "Hybrid", color: COLORS.hybrid, mark: "dashed" },
];
const TORNADO_COLORS = { low: "#b45309", high: "#1d4ed8" };

function CostVsVolume({ data }: { data: NonNullable<TReportCharts["costVsVolume"]> }) {
  const isLog = data.points.every((p) => p.tokensPerMonth > 0);
  return (
    <ChartFigure
      id="cost-vs-volume"
      title="Monthly cost against monthly token volume"
      legend={THREE_WAY}
      description={
        data.crossover
          ? `Owning becomes cheaper from ${formatCompact(data.crossover.tokensPerMonth)} tokens a month (marked); your plan is ${formatCompact(data.plannedTokensPerMonth)}.`
          : `Owning never costs less than the API over this range; your plan is ${formatCompact(data.plannedTokensPerMonth)} tokens a month.`
      }
      columns={[
        { key: "tokensPerMonth", label: "Tokens per month", format: formatNumber },
        { key: "apiUsd", label: "API (USD/month)", format: formatUsdAmount },
        { key: "ownedUsd", label: "Owned (USD/month)", format: formatUsdAmount },
        { key: "hybridUsd", label: "Hybrid (USD/month)", format: formatUsdAmount },
      ]}
      rows={data.points}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data.points} margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="tokensPerMonth" type="number" scale={isLog ? "log" : "auto"} domain={["dataMin", "dataMax"]} ticks={isLog ? logTicks(data.points.map((p) => p.tokensPerMonth)) : undefined} tickFormatter={tokTick} label={{ value: "Tokens per month", position: "insideBottom", offset: -16 }} />
          <YAxis tickFormatter={usdTick} label={{ value: "USD per month", angle: -90, position: "insideLeft", offset: -4 }} width={80} />
          <Tooltip formatter={usdTip} labelFormatter={(v) => `${formatNumber(Number(v))} tokens/month`} />
          <Line type="monotone" dataKey="apiUsd" name="API" stroke={COLORS.api} dot={false} />
          <Line type="monotone" dataKey="ownedUsd" name="Owned" stroke={COLORS.owned} dot={false} />
          <Line type="monotone" dataKey="hybridUsd" name="Hybrid" stroke={COLORS.hybrid} dot={false} strokeDasharray="5 3" />
          {data.crossover ? <ReferenceLine x={data.crossover.tokensPerMonth} stroke="#111827" label={{ value: "Crossover", position: "top" }} /> : null}
          {/* Right of its line: to the left, a plan near the y axis ran into the axis ticks. */}
          <ReferenceLine x={data.plannedTokensPerMonth} stroke="#6b7280" strokeDasharray="2 2" label={{ value: "Plan", position: "insideTopLeft" }} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

function Cumulative({ data }: { data: NonNullable<TReportCharts["cumulative"]> }) {
  return (
    <ChartFigure
      id="cumulative"
      title={`Cumulative cost over ${data.horizonMonths} months`}
      legend={THREE_WAY}
      description={data.breakEven ? `Owning breaks even in month ${data.breakEven.month} (marked).` : "Owning does not break even within the horizon."}
      columns={[
        { key: "month", label: "Month", format: (v) => String(v) },
        { key: "cumulativeApiUsd", label: "API cumulative (USD)", format: formatUsdAmount },
        { key: "cumulativeOwnedUsd", label: "Owned cumulative (USD)", format: formatUsdAmount },
        { key: "cumulativeHybridUsd", label: "Hybrid cumulative (USD)", format: formatUsdAmount },
      ]}
      rows={data.points}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data.points} margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" type="number" domain={["dataMin", "dataMax"]} label={{ value: "Month", position: "insideBottom", offset: -16 }} />
          <YAxis tickFormatter={usdTick} label={{ value: "Cumulative USD", angle: -90, position: "insideLeft", offset: -4 }} width={80} />
          <Tooltip formatter={usdTip} labelFormatter={(v) => `Month ${v}`} />
          <Line type="monotone" dataKey="cumulativeApiUsd" name="API" stroke={COLORS.api} dot={false} />
          <Line type="monotone" dataKey="cumulativeOwnedUsd" name="Owned" stroke={COLORS.owned} dot={false} />
          <Line type="monotone" dataKey="cumulativeHybridUsd" name="Hybrid" stroke={COLORS.hybrid} dot={false} strokeDasharray="5 3" />
          {data.breakEven ? <ReferenceLine x={data.breakEven.month} stroke="#111827" label={{ value: `Break-even: month ${data.breakEven.month}`, position: "top" }} /> : null}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

function Breakdown({ data }: { data: NonNullable<TReportCharts["ownedBreakdown"]> }) {
  return (
    <ChartFigure
      id="owned-breakdown"
      title="Owned cost by month, broken down"
      legend={data.series.map((s, i) => ({ label: s.label, color: STACK[i % STACK.length], mark: "box" }))}
      description="What the owned deployment spends each month, stacked by kind of cost (USD)."
      columns={[{ key: "month", label: "Month", format: (v) => String(v) }, ...data.series.map((s) => ({ key: s.key, label: `${s.label} (USD)`, format: formatUsdAmount }))]}
      rows={data.points}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data.points} margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" label={{ value: "Month", position: "insideBottom", offset: -16 }} />
          <YAxis tickFormatter={usdTick} label={{ value: "USD per month", angle: -90, position: "insideLeft", offset: -4 }} width={80} />
          <Tooltip formatter={usdTip} labelFormatter={(v) => `Month ${v}`} />
          {data.series.map((s, i) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="owned" fill={STACK[i % STACK.length]} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

function Tornado({ data }: { data: NonNullable<TReportCharts["tornado"]> }) {
  const base = data.baseOutput ?? 0;
  const rows = data.bars.map((b) => ({
    label: b.label,
    low: b.outputAtLow === null ? 0 : b.outputAtLow - base,
    high: b.outputAtHigh === null ? 0 : b.outputAtHigh - base,
    outputAtLow: b.outputAtLow,
    outputAtHigh: b.outputAtHigh,
    swing: b.swing,
  }));
  return (
    <ChartFigure
      id="tornado"
      title="Sensitivity: what moves the net saving most"
      legend={[
        { label: "Input at low end", color: TORNADO_COLORS.low, mark: "box" },
        { label: "Input at high end", color: TORNADO_COLORS.high, mark: "box" },
      ]}
      description={`${data.outputLabel}: change from the base of ${formatUsdAmount(base)} when each input goes to its low or high end, one at a time.`}
      columns={[
        { key: "label", label: "Input", format: String },
        { key: "outputAtLow", label: "At low end (USD)", format: formatUsdAmount },
        { key: "outputAtHigh", label: "At high end (USD)", format: formatUsdAmount },
        { key: "swing", label: "Swing (USD)", format: formatUsdAmount },
      ]}
      rows={rows}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" stackOffset="sign" margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={usdTick} label={{ value: "Change in net saving (USD)", position: "insideBottom", offset: -16 }} />
          <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 11 }} />
          <Tooltip formatter={usdTip} />
          <ReferenceLine x={0} stroke="#111827" />
          <Bar dataKey="low" name="Input at low end" stackId="t" fill={TORNADO_COLORS.low} />
          <Bar dataKey="high" name="Input at high end" stackId="t" fill={TORNADO_COLORS.high} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

function MonteCarlo({ data }: { data: NonNullable<TReportCharts["monteCarlo"]> }) {
  const m = data.monthlySavingUsd;
  const rows = m.histogram.map((b) => ({ mid: (b.from + b.to) / 2, from: b.from, to: b.to, count: b.count }));
  return (
    <ChartFigure
      id="monte-carlo"
      title="Monte Carlo: monthly saving from owning"
      description={`P(owned cheaper) = ${pct(data.probabilityOwnedCheaper)} over ${formatNumber(data.samples)} samples; P10 ${formatUsdAmount(m.p10)}, median ${formatUsdAmount(m.p50)}, P90 ${formatUsdAmount(m.p90)} per month. ${data.baseCase.note}`}
      columns={[
        { key: "from", label: "From (USD/month)", format: formatUsdAmount },
        { key: "to", label: "To (USD/month)", format: formatUsdAmount },
        { key: "count", label: "Samples", format: formatNumber },
      ]}
      rows={rows}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={CHART_MARGIN} barCategoryGap={1}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="mid" type="number" domain={["dataMin", "dataMax"]} tickFormatter={usdTick} label={{ value: "Monthly saving, API − owned (USD)", position: "insideBottom", offset: -16 }} />
          <YAxis label={{ value: "Samples", angle: -90, position: "insideLeft" }} />
          <Tooltip labelFormatter={(v) => `around ${formatUsdAmount(Number(v))}/month`} />
          <ReferenceLine x={0} stroke="#111827" label={{ value: "Break-even", position: "top" }} />
          <Bar dataKey="count" name="Samples" fill="#1d4ed8" />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function EconomicsCharts({ charts }: { charts: TReportCharts }) {
  const isEmpty = !charts.costVsVolume && !charts.cumulative && !charts.ownedBreakdown && !charts.tornado && !charts.monteCarlo;
  if (isEmpty) return <p className="text-sm text-slate-700">Enter the monthly token volume above to draw the charts.</p>;
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      {charts.costVsVolume ? <CostVsVolume data={charts.costVsVolume} /> : null}
      {charts.cumulative ? <Cumulative data={charts.cumulative} /> : null}
      {charts.ownedBreakdown ? <Breakdown data={charts.ownedBreakdown} /> : null}
      {charts.tornado ? <Tornado data={charts.tornado} /> : null}
      {charts.monteCarlo ? <MonteCarlo data={charts.monteCarlo} /> : null}
    </div>
  );
}
