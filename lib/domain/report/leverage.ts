// Leverage and the exit path: a credible alternative caps what an API vendor can charge, even if it
// is never used. The walk-away price (the API price at which the best alternative becomes cheaper,
// at the planned volume and at half and double it), what a vendor price rise costs and which
// option wins then, how ready the exit is (validation, lead time, switching cost and weeks), and
// deprecation risk on both sides. Concentration across the organisation's portfolio is computed
// where the portfolio is known (lib/domain/portfolio, from the data access layer's rows).
import { getApiPrice } from "../catalog";
import { monthlyCostUsd, vendorMonthlyUsd } from "../economics";
import { compareOptions, isDecidable, type TDecisionOption, type TOptionKind } from "../recommendation";
import type { TFigure } from "../shared";
import { fmt, makeFigure, shareText, usdText } from "../shared";
import type { TAssumptionLog } from "./context";
import type { TOwnedParts } from "./economics";
import type { TOptionsResult } from "./options";
import { REPORT_DEFAULTS } from "./defaults";

export const PRICE_RISES_PERCENT = [10, 30, 50] as const;
export const VOLUME_MULTIPLES = [0.5, 1, 2] as const;

/** Freehold assumptions: weeks from decision to capacity, by how the alternative is run. */
export const LEAD_TIME_WEEKS: Record<TOptionKind, number> = {
  incumbent: 0,
  "api-regional": 1,
  "api-batch": 1,
  "api-cached": 0,
  "api-tier": 1,
  "hosted-serverless": 1,
  "hosted-dedicated": 1,
  "self-cloud-on-demand": 2,
  "self-cloud-1y": 4,
  "self-cloud-3y": 4,
  "self-owned": 12,
  hybrid: 2,
};
const LEAD_TIME_BASIS = "Freehold assumption: 1 week for an API or hosted endpoint, 2 for on-demand cloud GPUs, 4 for a reservation, 12 for buying servers";

export type TWalkAway = {
  volumeMultiple: number;
  tokensPerMonth: number;
  alternativeMonthlyUsd: number;
  /** Blended API price per million tokens at which the alternative (one-time spread over the horizon) becomes cheaper. */
  walkAwayUsdPerMillionTokens: number;
  /** How far today's price may rise before walking away pays: walk-away ÷ today − 1 (negative: it already pays). */
  headroomShare: number | null;
};

export type TPriceRise = { increasePercent: number; extraUsdPerYear: number; winnerOptionId: string | null; winnerLabel: string | null; winnerIsIncumbent: boolean };

export type TLeverage = {
  isAvailable: boolean;
  /** Why not, when it is not. */
  reason: string | null;
  incumbent: null | { optionId: string; label: string; vendor: string | null; usdPerMillionTokens: number; monthlyUsd: number };
  alternative: null | { optionId: string; label: string; isCredible: boolean; why: string };
  walkAway: TWalkAway[];
  priceRises: TPriceRise[];
  exit: null | { isValidated: boolean; validation: string; leadTimeWeeks: number; leadTimeBasis: string; switchingCostUsd: number; weeksToSwitch: number; text: string };
  deprecation: { api: string; openModel: string };
  figures: TFigure[];
};

export function buildLeverage(args: {
  result: TOptionsResult;
  incumbentId: string;
  incumbentName: string;
  candidateName: string;
  ownedParts: TOwnedParts;
  refreshesPerYear: number | null;
  leadTimeWeeksEntered: number | undefined;
  log: TAssumptionLog;
}): TLeverage {
  const { result } = args;
  const incumbent = result.options.find((o) => o.isIncumbent) ?? null;
  const row = getApiPrice(args.incumbentId);
  const deprecation = {
    api: row?.retiresOn
      ? `${args.incumbentName} is deprecated: shutdown on ${row.retiresOn}. You must move before then, whatever the economics.`
      : row?.isDeprecated
        ? `${args.incumbentName} is marked deprecated in the catalog (no shutdown date recorded): check the vendor's deprecation page.`
        : `No retirement of ${args.incumbentName} is recorded in the catalog; API models are retired on the vendor's schedule, and a retirement forces a re-validation either way.`,
    openModel: `The open weights do not expire: ${args.candidateName} keeps running until you choose to replace it${args.refreshesPerYear !== null ? ` (the lifecycle plan adopts ${fmt(args.refreshesPerYear)} refresh(es) a year)` : ""}.`,
  };
  const empty = (reason: string): TLeverage => ({ isAvailable: false, reason, incumbent: null, alternative: null, walkAway: [], priceRises: [], exit: null, deprecation, figures: [] });
  if (!result.plan || !incumbent || incumbent.monthlyUsd === null || incumbent.usdPerMillionTokens === null) return empty(result.notCostedReason ?? "today's API has no price or no volume");

  const plan = result.plan;
  const total = plan.inputTokensPerMonth + plan.outputTokensPerMonth;
  const vendor = incumbent.vendor;
  // The exit: the cheapest feasible open-weights path (or a validated API of another vendor), credible when its capability is known.
  const exits = result.options
    .filter((o) => !o.isIncumbent && o.isFeasible && o.vendor !== vendor && o.family !== "hybrid" && (o.isOpenModel || isDecidable(o)))
    .sort(compareOptions);
  const alt = exits.find(isDecidable) ?? exits[0] ?? null;
  if (!alt) return { ...empty("no feasible alternative outside today's vendor"), incumbent: info(incumbent) };

  const model = result.models[alt.id];
  const horizon = plan.horizonMonths;
  const oneTimePerMonth = (alt.oneTimeUsd ?? 0) / horizon;
  const walkAway: TWalkAway[] = VOLUME_MULTIPLES.map((m) => {
    const input = plan.inputTokensPerMonth * m;
    const output = plan.outputTokensPerMonth * m;
    const altUsd = monthlyCostUsd(model, input, output) + oneTimePerMonth;
    const price = total > 0 ? (altUsd / (total * m)) * 1e6 : 0;
    return { volumeMultiple: m, tokensPerMonth: total * m, alternativeMonthlyUsd: altUsd, walkAwayUsdPerMillionTokens: price, headroomShare: incumbent.usdPerMillionTokens! > 0 ? price / incumbent.usdPerMillionTokens! - 1 : null };
  });

  const decidable = result.options.filter(isDecidable);
  const priceRises: TPriceRise[] = PRICE_RISES_PERCENT.map((pct) => {
    const k = pct / 100;
    const adjusted = decidable.map((o) => ({ ...o, npvUsd: (o.npvUsd ?? 0) + (o.vendor === vendor && vendor !== null ? k * (o.npvVendorUsd ?? 0) : 0) }));
    const winner = adjusted.sort(compareOptions)[0] ?? null;
    let extra = 0;
    for (let month = 1; month <= 12; month += 1) {
      const g = Math.pow(1 + plan.monthlyGrowthPercent / 100, month - 1);
      extra += k * vendorMonthlyUsd(result.models[incumbent.id], plan.inputTokensPerMonth * g, plan.outputTokensPerMonth * g);
    }
    return { increasePercent: pct, extraUsdPerYear: extra, winnerOptionId: winner?.id ?? null, winnerLabel: winner?.label ?? null, winnerIsIncumbent: winner?.isIncumbent ?? false };
  });

  const leadTime = args.log.take("economics", "economics.options.infrastructureLeadTimeWeeks", "Lead time to switch", args.leadTimeWeeksEntered, LEAD_TIME_WEEKS[alt.kind], { basis: LEAD_TIME_BASIS, unit: "weeks" });
  const setupWeeks = alt.family === "self-hosted" ? Math.ceil(args.ownedParts.selfHostOneTimeUsd / REPORT_DEFAULTS.usdPerPersonDay / 5) : 0;
  const weeks = leadTime + setupWeeks;
  const isValidated = alt.capability.status === "meets" || alt.capability.status === "baseline";
  const exit = {
    isValidated,
    validation: alt.capability.text,
    leadTimeWeeks: leadTime,
    leadTimeBasis: args.leadTimeWeeksEntered !== undefined ? "as entered" : LEAD_TIME_BASIS,
    switchingCostUsd: alt.oneTimeUsd ?? 0,
    weeksToSwitch: weeks,
    text: `${isValidated ? "Validated" : "Not validated yet"}: switching to ${alt.label} would take about ${weeks} week(s) (${leadTime} to get capacity${setupWeeks > 0 ? `, ${setupWeeks} of set-up work at one engineer` : ""}) and ${usdText(alt.oneTimeUsd ?? 0)} one-time.`,
  };
  const at1 = walkAway.find((w) => w.volumeMultiple === 1)!;
  const figures: TFigure[] = [
    makeFigure("leverage.incumbentUsdPerMillionTokens", "Today's API price, blended", incumbent.usdPerMillionTokens, "USD/M tokens", "input share × input price + output share × output price"),
    makeFigure(
      "leverage.walkAwayUsdPerMillionTokens",
      "Walk-away API price at the planned volume",
      at1.walkAwayUsdPerMillionTokens,
      "USD/M tokens",
      `(alternative monthly cost + one-time ÷ ${horizon} months) ÷ tokens per month × 1e6 = (${fmt(at1.alternativeMonthlyUsd - oneTimePerMonth)} + ${fmt(oneTimePerMonth)}) ÷ ${fmt(total)} × 1e6`,
      `Alternative: ${alt.label}${alt.capability.status === "meets" || isDecidable(alt) ? "" : " (not yet credible: capability not validated)"}.`,
    ),
    makeFigure("leverage.headroomShare", "Price rise the vendor can make before walking away pays", at1.headroomShare, "share", "walk-away price ÷ today's price − 1 (negative: the alternative is already cheaper)"),
    makeFigure("leverage.weeksToSwitch", "Weeks to switch", weeks, "weeks", `lead time ${leadTime} + set-up ${setupWeeks}`),
    makeFigure("leverage.switchingCostUsd", "Switching cost (one-time)", alt.oneTimeUsd ?? 0, "USD", "the alternative's one-time costs (adaptation, set-up)"),
  ];
  return {
    isAvailable: true,
    reason: null,
    incumbent: info(incumbent),
    alternative: {
      optionId: alt.id,
      label: alt.label,
      isCredible: isDecidable(alt),
      why: isDecidable(alt) ? `The cheapest feasible option outside ${vendor ?? "today's vendor"}, with its capability known.` : `The cheapest feasible option outside ${vendor ?? "today's vendor"}; not yet credible: ${alt.capability.text}`,
    },
    walkAway,
    priceRises,
    exit,
    deprecation,
    figures,
  };
}

function info(o: TDecisionOption): TLeverage["incumbent"] {
  return { optionId: o.id, label: o.label, vendor: o.vendor, usdPerMillionTokens: o.usdPerMillionTokens ?? 0, monthlyUsd: o.monthlyUsd ?? 0 };
}

/** One line per price rise, for the page and the memo. */
export function priceRiseText(r: TPriceRise, incumbentName: string): string {
  return `+${r.increasePercent}%: staying costs ${usdText(r.extraUsdPerYear)} more in the first year; ${r.winnerIsIncumbent ? `${incumbentName} still wins` : r.winnerLabel ? `${r.winnerLabel} wins` : "no option is decidable"}.`;
}

export function walkAwayText(w: TWalkAway): string {
  const headroom = w.headroomShare === null ? "" : w.headroomShare >= 0 ? ` (today's price can rise ${shareText(w.headroomShare)} first)` : ` (already ${shareText(-w.headroomShare)} above it: the alternative is cheaper now)`;
  return `At ${fmt(w.volumeMultiple)}× volume: $${fmt(w.walkAwayUsdPerMillionTokens, 3)} per million tokens${headroom}.`;
}
