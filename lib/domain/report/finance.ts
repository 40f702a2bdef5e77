// The finance view: month-by-month cash of the options that matter (today's API, the
// recommendation, the self-hosting modes), present value at the organisation's discount rate,
// payback against today, 3-year total cost of ownership, the residual value of owned hardware,
// and the price-trend assumptions it ran with. Cash, not amortised cost: owned hardware is paid up
// front, reservations are committed.
import { paybackMonth, type TCashFlow } from "../economics";
import type { TDecisionOption } from "../recommendation";
import type { TFigure } from "../shared";
import { fmt, makeFigure } from "../shared";
import type { TFinanceSettings, TOptionsResult } from "./options";

export type TFinanceRow = {
  optionId: string;
  label: string;
  isIncumbent: boolean;
  isRecommended: boolean;
  npvUsd: number;
  horizonUsd: number;
  tco36Usd: number;
  upfrontUsd: number;
  residualUsd: number;
  committedUsd: number;
  /** First month cumulative cash is no more than today's API; null when never within the horizon (or for today's API itself). */
  paybackMonth: number | null;
};

export type TFinanceSection = {
  horizonMonths: number;
  discountRatePercent: number;
  apiTrendPercentPerYear: number;
  gpuTrendPercentPerYear: number;
  rows: TFinanceRow[];
  /** Series drawn: one per row, in the same order. */
  series: { optionId: string; label: string }[];
  /** Month 0 (up front) to the horizon: cash paid that month and cumulative cash, per series. */
  points: { month: number; cash: number[]; cumulative: number[] }[];
  figures: TFigure[];
  notes: string[];
};

/** Today's API, the recommendation, and the best option of each other family that is costed and feasible. */
function pickShown(options: readonly TDecisionOption[], recommendedId: string | null): TDecisionOption[] {
  const byNpv = (a: TDecisionOption, b: TDecisionOption) => (a.npvUsd ?? Infinity) - (b.npvUsd ?? Infinity);
  const shown: TDecisionOption[] = [];
  const push = (o: TDecisionOption | undefined) => {
    if (o && o.npvUsd !== null && !shown.some((x) => x.id === o.id)) shown.push(o);
  };
  push(options.find((o) => o.isIncumbent));
  push(options.find((o) => o.id === recommendedId));
  push(options.find((o) => o.isConfiguredSelfHost));
  push(options.filter((o) => o.kind === "self-owned" && o.isFeasible)[0]);
  push(options.filter((o) => o.family === "hosted-open" && o.isFeasible).sort(byNpv)[0]);
  return shown.slice(0, 5);
}

export function buildFinance(result: TOptionsResult, finance: TFinanceSettings, recommendedId: string | null): TFinanceSection | null {
  if (!result.plan) return null;
  const horizon = result.plan.horizonMonths;
  const shown = pickShown(result.options, recommendedId);
  const incumbent = result.options.find((o) => o.isIncumbent);
  const baseline: TCashFlow | undefined = incumbent ? result.cash[incumbent.id] : undefined;
  const rows: TFinanceRow[] = shown.map((o) => {
    const flow = result.cash[o.id];
    return {
      optionId: o.id,
      label: o.label,
      isIncumbent: o.isIncumbent,
      isRecommended: o.id === recommendedId,
      npvUsd: o.npvUsd ?? 0,
      horizonUsd: o.horizonUsd ?? 0,
      tco36Usd: o.tco36Usd ?? 0,
      upfrontUsd: o.upfrontUsd ?? 0,
      residualUsd: o.residualUsd ?? 0,
      committedUsd: o.committedUsd ?? 0,
      paybackMonth: o.isIncumbent || !baseline || !flow ? null : paybackMonth(flow, baseline, horizon),
    };
  });
  const points: TFinanceSection["points"] = [];
  const running = shown.map(() => 0);
  for (let month = 0; month <= horizon; month += 1) {
    const cash = shown.map((o) => {
      const m = result.cash[o.id]?.months[month];
      const residual = month === horizon ? (result.cash[o.id]?.residualUsd ?? 0) : 0;
      return (m?.usd ?? 0) - residual;
    });
    cash.forEach((c, i) => (running[i] += c));
    points.push({ month, cash, cumulative: [...running] });
  }
  const rec = rows.find((r) => r.isRecommended) ?? null;
  const figures: TFigure[] = [
    makeFigure("finance.discountRatePercent", "Discount rate", finance.discountRatePercent, "% per year", "the organisation's cost of capital (entered or the stated default)"),
    makeFigure(
      "finance.recommendedNpvUsd",
      "Present cost of the recommended option over the horizon",
      rec?.npvUsd ?? null,
      "USD",
      `Σ cash_m ÷ (1 + ${fmt(finance.discountRatePercent / 100)})^(m/12), m = 0..${horizon}, residual value counted back in month ${horizon}`,
      rec ? undefined : "No option is recommended.",
    ),
    makeFigure("finance.recommendedPaybackMonth", "Payback against today's API", rec?.paybackMonth ?? null, "month", "first month cumulative cash ≤ cumulative cash of today's API", rec?.isIncumbent ? "The recommendation is today's API." : undefined, rec && !rec.isIncumbent ? `not within ${horizon} months` : undefined),
    makeFigure("finance.recommendedTco36Usd", "3-year total cost of ownership (recommended)", rec?.tco36Usd ?? null, "USD", "Σ cash over months 0..36, one-time and hardware included, residual not deducted"),
    makeFigure("finance.recommendedResidualUsd", "Residual value of owned hardware (recommended)", rec?.residualUsd ?? null, "USD", "Σ purchase × (1 − age ÷ life) at the end of the horizon (straight-line book value)"),
  ];
  const notes = [
    `Prices change by ${fmt(finance.apiTrendPercentPerYear)}% a year for APIs and ${fmt(finance.gpuTrendPercentPerYear)}% a year for GPUs (rented hourly price; purchase price of later hardware).`,
    "Owned hardware is paid when bought (before go-live for the first replicas, then as volume grows and at the end of its life); its book value at the end of the horizon comes back as residual value.",
    "Reserved GPUs are a commitment: the committed amount is owed whether the capacity is used or not.",
  ];
  return {
    horizonMonths: horizon,
    discountRatePercent: finance.discountRatePercent,
    apiTrendPercentPerYear: finance.apiTrendPercentPerYear,
    gpuTrendPercentPerYear: finance.gpuTrendPercentPerYear,
    rows,
    series: shown.map((o) => ({ optionId: o.id, label: o.label })),
    points,
    figures,
    notes,
  };
}
