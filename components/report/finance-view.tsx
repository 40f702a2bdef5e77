import type { TFinanceSection } from "@/lib/domain/report";
import { LazyCumulativeCashChart } from "@/components/charts/lazy-charts";
import { FigureList } from "@/components/wizard/results-panel";
import { formatUsdAmount } from "@/lib/domain/shared";

/** The finance view: present cost, payback, 3-year TCO and residual value per option, and the cash chart. */
export function FinanceView({ finance }: { finance: TFinanceSection | null }) {
  if (!finance) {
    return (
      <section aria-labelledby="finance-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="finance-heading" className="text-lg font-semibold">
          Finance view
        </h2>
        <p>Not computed: enter the monthly volume first.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="finance-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4" data-section="finance">
      <h2 id="finance-heading" className="text-lg font-semibold">
        Finance view
      </h2>
      <p className="text-sm text-slate-700">
        Discount rate {finance.discountRatePercent}% a year; API prices {finance.apiTrendPercentPerYear >= 0 ? "+" : ""}
        {finance.apiTrendPercentPerYear}% a year; GPU prices {finance.gpuTrendPercentPerYear >= 0 ? "+" : ""}
        {finance.gpuTrendPercentPerYear}% a year; horizon {finance.horizonMonths} months.
      </p>
      <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Finance table">
        <table className="w-full min-w-[48rem] text-left text-sm tabular-nums">
          <caption className="sr-only">Cash view of the main options</caption>
          <thead>
            <tr>
              <th scope="col" className="px-2 py-1">Option</th>
              <th scope="col" className="px-2 py-1">Present cost</th>
              <th scope="col" className="px-2 py-1">Paid up front</th>
              <th scope="col" className="px-2 py-1">3-year TCO</th>
              <th scope="col" className="px-2 py-1">Residual value</th>
              <th scope="col" className="px-2 py-1">Committed</th>
              <th scope="col" className="px-2 py-1">Payback vs today</th>
            </tr>
          </thead>
          <tbody>
            {finance.rows.map((r) => (
              <tr key={r.optionId} className={`border-t border-slate-100 ${r.isRecommended ? "bg-green-50" : ""}`}>
                <th scope="row" className="px-2 py-1 font-normal">
                  {r.label}
                  {r.isRecommended ? " (recommended)" : ""}
                </th>
                <td className="px-2 py-1">{formatUsdAmount(r.npvUsd)}</td>
                <td className="px-2 py-1">{formatUsdAmount(r.upfrontUsd)}</td>
                <td className="px-2 py-1">{formatUsdAmount(r.tco36Usd)}</td>
                <td className="px-2 py-1">{r.residualUsd > 0 ? formatUsdAmount(r.residualUsd) : "—"}</td>
                <td className="px-2 py-1">{r.committedUsd > 0 ? formatUsdAmount(r.committedUsd) : "—"}</td>
                <td className="px-2 py-1">{r.isIncumbent ? "today" : r.paybackMonth === null ? `not within ${finance.horizonMonths} months` : `month ${r.paybackMonth}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FigureList figures={finance.figures} label="Finance figures" />
      <ul className="list-disc pl-5 text-sm text-slate-700">
        {finance.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <LazyCumulativeCashChart finance={finance} />
    </section>
  );
}
