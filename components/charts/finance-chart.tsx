"use client";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TFinanceSection } from "@/lib/domain/report";
import { formatCompact, formatUsdAmount } from "@/lib/domain/shared";
import { CHART_MARGIN, ChartFigure } from "./chart-figure";

const SERIES_COLORS = ["#b91c1c", "#047857", "#1d4ed8", "#7c3aed", "#b45309"];

/** Cumulative cash by month (month 0 = paid before go-live), one line per option. */
export function CumulativeCashChart({ finance }: { finance: TFinanceSection }) {
  const rows = finance.points.map((p) => Object.fromEntries([["month", p.month], ...finance.series.map((s, i) => [s.optionId, p.cumulative[i]])]));
  return (
    <ChartFigure
      id="cumulative-cash"
      title="Cumulative cash"
      description="Cash actually paid, month by month: owned hardware appears when it is bought, reservations as committed; the residual value of owned hardware comes back in the last month."
      legend={finance.series.map((s, i) => ({ label: s.label, color: SERIES_COLORS[i], mark: "line" as const }))}
      columns={[{ key: "month", label: "Month", format: (v) => String(v) }, ...finance.series.map((s) => ({ key: s.optionId, label: `${s.label} (USD, cumulative)`, format: formatUsdAmount }))]}
      rows={rows}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" type="number" domain={[0, finance.horizonMonths]} label={{ value: "Month", position: "insideBottom", offset: -16 }} />
          <YAxis tickFormatter={(v: number) => formatCompact(v, "USD")} width={80} label={{ value: "USD, cumulative", angle: -90, position: "insideLeft", offset: -4 }} />
          <Tooltip formatter={(v: unknown) => (typeof v === "number" ? formatUsdAmount(v) : String(v))} labelFormatter={(v) => `Month ${v}`} />
          {finance.series.map((s, i) => (
            <Line key={s.optionId} type="stepAfter" dataKey={s.optionId} name={s.label} stroke={SERIES_COLORS[i]} dot={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
