"use client";
import { CartesianGrid, Line, LineChart, ReferenceDot, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TOverlayChart } from "@/lib/domain/report";
import { formatCompact, formatNumber, formatUsdAmount, logTicks } from "@/lib/domain/shared";
import { CHART_MARGIN, ChartFigure } from "@/components/charts/chart-figure";
import { COMPARE_COLORS } from "./colors";

/** API lines dashed, owned lines solid, as in the comparison PDF. */
const API_DASH = "6 4";
const usdTip = (v: unknown) => (typeof v === "number" ? formatUsdAmount(v) : String(v));

type TAxis = { label: string; column: string; format: (v: number) => string; tooltip: (v: number) => string; tick: (v: number) => string; isLog?: boolean };

function OverlayChart({ id, title, chart, x, yLabel, unit }: { id: string; title: string; chart: TOverlayChart; x: TAxis; yLabel: string; unit: string }) {
  return (
    <ChartFigure
      id={id}
      title={title}
      description={
        <>
          Owned cost solid, API cost dashed; one colour per assessment.{" "}
          {chart.notes.map((n) => (
            <span key={n} className="block">
              {n}
            </span>
          ))}
        </>
      }
      columns={[{ key: "x", label: x.column, format: x.format }, ...chart.series.map((s) => ({ key: s.key, label: `${s.label} (${unit})`, format: formatUsdAmount }))]}
      rows={chart.rows}
      legend={chart.series.map((s) => ({ label: s.label, color: COMPARE_COLORS[s.index], mark: s.kind === "api" ? "dashed" : "line" }))}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={chart.rows} margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="x" type="number" scale={x.isLog ? "log" : "auto"} domain={["dataMin", "dataMax"]} ticks={x.isLog ? logTicks(chart.rows.map((r) => r.x)) : undefined} tickFormatter={x.tick} label={{ value: x.label, position: "insideBottom", offset: -16 }} />
          <YAxis tickFormatter={(v: number) => formatCompact(v, "USD")} label={{ value: yLabel, angle: -90, position: "insideLeft", offset: -4 }} width={80} />
          <Tooltip formatter={usdTip} labelFormatter={(v) => x.tooltip(Number(v))} />
          {chart.series.map((s) => (
            // Each report has points at its own x values only; connectNulls draws across the other reports' rows.
            <Line key={s.key} type="linear" dataKey={s.key} name={s.label} stroke={COMPARE_COLORS[s.index]} strokeDasharray={s.kind === "api" ? API_DASH : undefined} dot={false} connectNulls isAnimationActive={false} />
          ))}
          {chart.markers.map((m) => (
            <ReferenceDot key={m.label} x={m.x} y={m.y} r={5} fill={COMPARE_COLORS[m.index]} stroke="#111827" label={{ value: m.label, position: "top", fill: "#111827", fontSize: 12 }} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function CompareCharts({ costVsVolume, cumulative }: { costVsVolume: TOverlayChart; cumulative: TOverlayChart }) {
  if (costVsVolume.series.length === 0 && cumulative.series.length === 0) return <p className="text-sm text-slate-700">None of these assessments has its economics entered yet, so there is nothing to draw.</p>;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <OverlayChart
        id="compare-cost-vs-volume"
        title="Monthly cost against monthly token volume"
        chart={costVsVolume}
        x={{ label: "Tokens per month (log scale)", column: "Tokens per month", format: formatNumber, tooltip: (v) => `${formatNumber(v)} tokens/month`, tick: (v) => formatCompact(v), isLog: true }}
        yLabel="USD per month"
        unit="USD/month"
      />
      <OverlayChart
        id="compare-cumulative"
        title="Cumulative cost over the horizon"
        chart={cumulative}
        x={{ label: "Month", column: "Month", format: String, tooltip: (v) => `Month ${v}`, tick: String }}
        yLabel="Cumulative USD"
        unit="USD"
      />
    </div>
  );
}
