// Closed API versus owned deployment: monthly costs, cost per million tokens, crossover volume on
// the replica staircase, break-even month, hybrid routing and the series the charts draw.
// Sources: formulas.md "Money". The arithmetic lives in economics-core.ts so the Monte Carlo and the
// tornado reuse it without allocation; this file validates, explains and builds series.
import { z } from "zod";
import * as core from "./core";
import type { TEconomicsScalars } from "./core";
import { finiteOrNull, parseOrThrow } from "../shared";
import type { TFigure } from "../shared";
import { makeFigure } from "../shared";
import { fmt, formatCount } from "../shared";
import type { TInfraCostKind, TSizingResult } from "../sizing";

export type { TEconomicsScalars, TEconomicsScalarKey } from "./core";

// Upper bounds, reviewed for issue 17 (each a ceiling no real plan reaches, low enough that every
// derived figure stays a finite double and the engine's work stays bounded):
// - usd ≤ 1e12 ($1 trillion): above any company's annual IT budget, let alone a monthly line.
// - tokens ≤ 1e17 per month: ~100× the largest provider's whole reported traffic (Google, ~1.3e15
//   tokens/month in 2025); the break-even engine is tested for bounded work up to this volume.
// - usdPerMillion ≤ $100,000 per million tokens: ~1,000× the dearest frontier API list price.
const usd = z.number().nonnegative().max(1e12);
const tokens = z.number().nonnegative().max(1e17);
const usdPerMillion = z.number().nonnegative().max(100_000);

export const ZEconomicsInputs = z.object({
  inputTokensPerMonth: tokens,
  outputTokensPerMonth: tokens,
  api: z.object({ usdPerMillionInputTokens: usdPerMillion, usdPerMillionOutputTokens: usdPerMillion }),
  owned: z.object({
    /** From sizing: one replica's monthly infrastructure cost and the tokens it carries per month. */
    replicaUsdPerMonth: usd,
    replicaCapacityTokensPerMonth: z.number().positive().max(1e17),
    // 100,000 replicas: beyond the largest GPU fleets (hundreds of thousands of GPUs) per model.
    minReplicas: z.number().int().min(1).max(100_000).default(1),
    /** N+1: replicas kept on top of what the volume needs, at every volume. */
    spareReplicas: z.number().int().min(0).max(100_000).default(0),
    // 10,000 FTE: a whole AI division; a deployment team is single or double digits.
    peopleFte: z.number().nonnegative().max(10_000).default(0),
    loadedUsdPerFteYear: usd.default(0),
    safetyStackUsdPerMonth: usd.default(0),
    lifecycleUsdPerMonth: usd.default(0),
    otherFixedUsdPerMonth: usd.default(0),
    /** Cost that grows with every token beyond replica cost, e.g. power billed per use; often 0. */
    marginalUsdPerMillionTokens: usdPerMillion.default(0),
  }),
  oneTime: z.object({ adaptationUsd: usd.default(0), setupUsd: usd.default(0), otherUsd: usd.default(0) }).default({ adaptationUsd: 0, setupUsd: 0, otherUsd: 0 }),
  // 1-5 years: hardware amortises over 3-5; a longer plan's prices are guesses.
  horizonMonths: z.number().int().min(12).max(60).default(36),
  // -50..+100 % a month: doubling monthly for 5 years is already ~1e18× growth.
  monthlyVolumeGrowthPercent: z.number().min(-50).max(100).default(0),
  hybridShareOpen: z.number().min(0).max(1).default(0.5),
  /** Crossovers above this volume are reported as "never": not a plan anyone can act on. */
  maxCrossoverTokensPerMonth: z.number().positive().max(1e18).default(1e15),
  chartVolumePoints: z.number().int().min(10).max(1000).default(60),
  chartMaxTokensPerMonth: z.number().positive().max(1e18).optional(),
});
export type TEconomicsInputs = z.infer<typeof ZEconomicsInputs>;
export type TEconomicsInputsRaw = z.input<typeof ZEconomicsInputs>;

export type TCrossover =
  | { kind: "volume"; tokensPerMonth: number; replicas: number }
  | { kind: "never"; reason: "owned-cost-per-token-not-below-api" | "beyond-max-volume" };

export type TOwnedBreakdown = {
  infrastructureUsd: number;
  peopleUsd: number;
  safetyStackUsd: number;
  lifecycleUsd: number;
  otherFixedUsd: number;
  marginalUsd: number;
};

export type TCumulativePoint = {
  month: number;
  tokensPerMonth: number;
  apiUsd: number;
  ownedUsd: number;
  hybridUsd: number;
  cumulativeApiUsd: number;
  cumulativeOwnedUsd: number;
  cumulativeHybridUsd: number;
};
export type TVolumePoint = { tokensPerMonth: number; apiUsd: number; ownedUsd: number; hybridUsd: number; replicas: number };
export type TBreakdownPoint = TOwnedBreakdown & { month: number; oneTimeUsd: number };

export type TEconomicsResult = {
  plannedTokensPerMonth: number;
  inputShareOfTokens: number;
  api: { usdPerMonth: number; usdPerMillionTokens: number };
  owned: { usdPerMonth: number; replicas: number; breakdown: TOwnedBreakdown; usdPerMillionTokens: number | null; fullReplicaUsdPerMillionTokens: number };
  /** API − owned at the planned volume; positive means owning is cheaper. */
  monthlySavingUsd: number;
  crossover: TCrossover;
  oneTimeUsd: number;
  /** First month cumulative API spend exceeds cumulative owned spend (one-time costs included). */
  breakEvenMonth: number | null;
  hybrid: { share: number; usdPerMonth: number; bestShare: number; bestUsdPerMonth: number };
  series: { cumulative: TCumulativePoint[]; costVsVolume: TVolumePoint[]; ownedBreakdown: TBreakdownPoint[] };
  warnings: string[];
  figures: TFigure[];
};

/** formulas.md: usd_per_gpu_hour × gpus / (tokens_per_second × 3600) × 1e6, at a utilisation. */
export function usdPerMillionTokensFromGpuPrice(usdPerGpuHour: number, gpus: number, tokensPerSecond: number, utilisation = 1): number | null {
  const tokensPerHour = tokensPerSecond * 3600 * utilisation;
  return tokensPerHour > 0 ? ((usdPerGpuHour * gpus) / tokensPerHour) * 1e6 : null;
}

/** API cost with input and output each at their own price (never every token at both prices). */
export function apiCostUsd(inputTokens: number, outputTokens: number, usdPerMillionInput: number, usdPerMillionOutput: number): number {
  return (inputTokens * usdPerMillionInput + outputTokens * usdPerMillionOutput) / 1e6;
}

/**
 * The replica staircase from a sizing result, for one way of paying for GPUs. With several regions
 * a step is one replica in every region (each serves an equal share), so the staircase's replica
 * is that set: its cost and capacity are the region count times one replica's.
 */
export function ownedReplicaFromSizing(
  sizing: TSizingResult,
  costKind: TInfraCostKind,
): { replicaUsdPerMonth: number; replicaCapacityTokensPerMonth: number; minReplicas: number; spareReplicas: number } | null {
  const cost = sizing.costs[costKind];
  if (!sizing.fits || cost === null || sizing.replicaCapacityTokensPerMonth === null || !(sizing.replicaCapacityTokensPerMonth > 0)) return null;
  const r = sizing.regions;
  return {
    replicaUsdPerMonth: cost.usdPerReplicaMonth * r,
    replicaCapacityTokensPerMonth: sizing.replicaCapacityTokensPerMonth * r,
    minReplicas: sizing.minReplicas,
    spareReplicas: sizing.spareReplicasPerRegion,
  };
}

export function parseEconomicsInputs(raw: unknown): TEconomicsInputs {
  return parseOrThrow(ZEconomicsInputs, raw, "economics inputs");
}

/** Flatten once; every later evaluation (including each Monte Carlo sample) reads only numbers. */
export function toEconomicsScalars(inputs: TEconomicsInputs): TEconomicsScalars {
  const o = inputs.owned;
  return {
    inputTokensPerMonth: inputs.inputTokensPerMonth,
    outputTokensPerMonth: inputs.outputTokensPerMonth,
    apiUsdPerMillionInputTokens: inputs.api.usdPerMillionInputTokens,
    apiUsdPerMillionOutputTokens: inputs.api.usdPerMillionOutputTokens,
    fixedUsdPerMonth: o.safetyStackUsdPerMonth + o.lifecycleUsdPerMonth + o.otherFixedUsdPerMonth,
    peopleUsdPerMonth: (o.peopleFte * o.loadedUsdPerFteYear) / 12,
    replicaUsdPerMonth: o.replicaUsdPerMonth,
    replicaCapacityTokensPerMonth: o.replicaCapacityTokensPerMonth,
    minReplicas: o.minReplicas,
    spareReplicas: o.spareReplicas,
    marginalUsdPerMillionTokens: o.marginalUsdPerMillionTokens,
    oneTimeUsd: inputs.oneTime.adaptationUsd + inputs.oneTime.setupUsd + inputs.oneTime.otherUsd,
    monthlyVolumeGrowthPercent: inputs.monthlyVolumeGrowthPercent,
    horizonMonths: inputs.horizonMonths,
    hybridShareOpen: inputs.hybridShareOpen,
    maxCrossoverTokensPerMonth: inputs.maxCrossoverTokensPerMonth,
  };
}

export function describeCrossover(s: TEconomicsScalars): TCrossover {
  const v = core.crossoverTokensPerMonth(s);
  if (Number.isFinite(v)) return { kind: "volume", tokensPerMonth: v, replicas: core.replicasAt(s, v) };
  const perToken = core.ownedFullReplicaUsdPerToken(s);
  return { kind: "never", reason: perToken >= core.apiUsdPerToken(s) ? "owned-cost-per-token-not-below-api" : "beyond-max-volume" };
}

function breakdownAt(inputs: TEconomicsInputs, s: TEconomicsScalars, tokensPerMonth: number): TOwnedBreakdown {
  const o = inputs.owned;
  return {
    infrastructureUsd: core.replicasAt(s, tokensPerMonth) * s.replicaUsdPerMonth,
    peopleUsd: (o.peopleFte * o.loadedUsdPerFteYear) / 12,
    safetyStackUsd: o.safetyStackUsdPerMonth,
    lifecycleUsd: o.lifecycleUsdPerMonth,
    otherFixedUsd: o.otherFixedUsdPerMonth,
    marginalUsd: (tokensPerMonth * s.marginalUsdPerMillionTokens) / 1e6,
  };
}

export function computeEconomics(rawInputs: TEconomicsInputsRaw): TEconomicsResult {
  const inputs = parseEconomicsInputs(rawInputs);
  const s = toEconomicsScalars(inputs);
  const v = core.plannedTokensPerMonth(s);
  const apiUsd = core.apiMonthlyUsd(s, v);
  const ownedUsd = core.ownedMonthlyUsd(s, v);
  const apiPerToken = core.apiUsdPerToken(s);
  const crossover = describeCrossover(s);
  const breakEven = core.breakEvenMonthOrZero(s);
  const best = core.bestHybridShare(s, v);
  const warnings: string[] = [];
  if (v === 0) warnings.push("No planned volume: the input/output mix is taken as half and half, and cost per token at the plan is undefined.");

  const result: TEconomicsResult = {
    plannedTokensPerMonth: v,
    inputShareOfTokens: core.inputShareOfTokens(s),
    api: { usdPerMonth: apiUsd, usdPerMillionTokens: apiPerToken * 1e6 },
    owned: {
      usdPerMonth: ownedUsd,
      replicas: core.replicasAt(s, v),
      breakdown: breakdownAt(inputs, s, v),
      usdPerMillionTokens: v >= 1 ? finiteOrNull((ownedUsd / v) * 1e6) : null,
      fullReplicaUsdPerMillionTokens: core.ownedFullReplicaUsdPerToken(s) * 1e6,
    },
    monthlySavingUsd: apiUsd - ownedUsd,
    crossover,
    oneTimeUsd: s.oneTimeUsd,
    breakEvenMonth: breakEven === 0 ? null : breakEven,
    hybrid: { share: s.hybridShareOpen, usdPerMonth: core.hybridMonthlyUsd(s, v, s.hybridShareOpen), bestShare: best.share, bestUsdPerMonth: best.usdPerMonth },
    series: { cumulative: cumulativeSeries(s), costVsVolume: costVsVolumeSeries(inputs, s, crossover), ownedBreakdown: breakdownSeries(inputs, s) },
    warnings,
    figures: [],
  };
  result.figures = economicsFigures(inputs, s, result);
  return result;
}

function cumulativeSeries(s: TEconomicsScalars): TCumulativePoint[] {
  const out: TCumulativePoint[] = [];
  let cumApi = 0;
  let cumOwned = s.oneTimeUsd;
  let cumHybrid = s.hybridShareOpen > 0 ? s.oneTimeUsd : 0;
  for (let month = 1; month <= s.horizonMonths; month += 1) {
    const volume = core.volumeInMonth(s, month);
    const apiUsd = core.apiMonthlyUsd(s, volume);
    const ownedUsd = core.ownedMonthlyUsd(s, volume);
    const hybridUsd = core.hybridMonthlyUsd(s, volume, s.hybridShareOpen);
    cumApi += apiUsd;
    cumOwned += ownedUsd;
    cumHybrid += hybridUsd;
    out.push({ month, tokensPerMonth: volume, apiUsd, ownedUsd, hybridUsd, cumulativeApiUsd: cumApi, cumulativeOwnedUsd: cumOwned, cumulativeHybridUsd: cumHybrid });
  }
  return out;
}

/**
 * Evenly spaced volumes up to max(3 × plan, 1.5 × crossover), plus a point on each side of every
 * replica step in range (when there are few enough) so a line chart draws the staircase's risers.
 */
function costVsVolumeSeries(inputs: TEconomicsInputs, s: TEconomicsScalars, crossover: TCrossover): TVolumePoint[] {
  const plan = core.plannedTokensPerMonth(s);
  const fromCrossover = crossover.kind === "volume" ? 1.5 * crossover.tokensPerMonth : 0;
  const max = inputs.chartMaxTokensPerMonth ?? Math.max(3 * plan, fromCrossover, 2 * s.replicaCapacityTokensPerMonth * s.minReplicas);
  const volumes = new Set<number>();
  const n = inputs.chartVolumePoints;
  for (let i = 0; i <= n; i += 1) volumes.add((max * i) / n);
  const c = s.replicaCapacityTokensPerMonth;
  if (max / c <= 200) {
    for (let k = s.minReplicas; k * c < max; k += 1) {
      volumes.add(k * c);
      volumes.add(k * c * (1 + 1e-9));
    }
  }
  if (crossover.kind === "volume" && crossover.tokensPerMonth <= max) volumes.add(crossover.tokensPerMonth);
  return [...volumes]
    .sort((a, b) => a - b)
    .map((tokensPerMonth) => ({
      tokensPerMonth,
      apiUsd: core.apiMonthlyUsd(s, tokensPerMonth),
      ownedUsd: core.ownedMonthlyUsd(s, tokensPerMonth),
      hybridUsd: core.hybridMonthlyUsd(s, tokensPerMonth, s.hybridShareOpen),
      replicas: core.replicasAt(s, tokensPerMonth),
    }));
}

function breakdownSeries(inputs: TEconomicsInputs, s: TEconomicsScalars): TBreakdownPoint[] {
  const out: TBreakdownPoint[] = [];
  for (let month = 1; month <= s.horizonMonths; month += 1) {
    out.push({ month, ...breakdownAt(inputs, s, core.volumeInMonth(s, month)), oneTimeUsd: month === 1 ? s.oneTimeUsd : 0 });
  }
  return out;
}

function economicsFigures(inputs: TEconomicsInputs, s: TEconomicsScalars, r: TEconomicsResult): TFigure[] {
  const pin = s.apiUsdPerMillionInputTokens;
  const pout = s.apiUsdPerMillionOutputTokens;
  const b = r.owned.breakdown;
  const m = s.marginalUsdPerMillionTokens;
  const crossoverNote =
    r.crossover.kind === "volume"
      ? `On the staircase: ${formatCount(r.crossover.replicas, "replicas")} at the crossover.`
      : r.crossover.reason === "owned-cost-per-token-not-below-api"
        ? "Never: a full replica costs at least as much per token as the API, so more volume never closes the gap."
        : `Never below ${fmt(s.maxCrossoverTokensPerMonth)} tokens/month.`;
  return [
    makeFigure(
      "economics.apiUsdPerMonth",
      "API cost per month",
      r.api.usdPerMonth,
      "USD/month",
      `input tokens × input price + output tokens × output price = ${fmt(s.inputTokensPerMonth)} × $${fmt(pin)}/M + ${fmt(s.outputTokensPerMonth)} × $${fmt(pout)}/M`,
      "Input and output are priced separately; charging every token at both prices is a known calculator error.",
    ),
    makeFigure(
      "economics.apiUsdPerMillionTokens",
      "API cost per million tokens (blended)",
      r.api.usdPerMillionTokens,
      "USD/M tokens",
      `input share × input price + output share × output price = ${fmt(r.inputShareOfTokens)} × ${fmt(pin)} + ${fmt(1 - r.inputShareOfTokens)} × ${fmt(pout)}`,
    ),
    makeFigure(
      "economics.ownedUsdPerMonth",
      "Owned cost per month",
      r.owned.usdPerMonth,
      "USD/month",
      `infrastructure + people + safety + lifecycle + other + marginal = ${fmt(b.infrastructureUsd)} + ${fmt(b.peopleUsd)} + ${fmt(b.safetyStackUsd)} + ${fmt(b.lifecycleUsd)} + ${fmt(b.otherFixedUsd)} + ${fmt(b.marginalUsd)}`,
    ),
    makeFigure(
      "economics.infrastructureUsdPerMonth",
      "Owned infrastructure per month",
      b.infrastructureUsd,
      "USD/month",
      s.spareReplicas > 0
        ? `(max(min replicas, ⌈volume ÷ capacity per replica⌉) + spare) × cost per replica = (max(${s.minReplicas}, ⌈${fmt(r.plannedTokensPerMonth)} ÷ ${fmt(s.replicaCapacityTokensPerMonth)}⌉) + ${s.spareReplicas}) × ${fmt(s.replicaUsdPerMonth)}`
        : `max(min replicas, ⌈volume ÷ capacity per replica⌉) × cost per replica = max(${s.minReplicas}, ⌈${fmt(r.plannedTokensPerMonth)} ÷ ${fmt(s.replicaCapacityTokensPerMonth)}⌉) × ${fmt(s.replicaUsdPerMonth)}`,
    ),
    makeFigure("economics.peopleUsdPerMonth", "People per month", b.peopleUsd, "USD/month", `FTE × loaded cost per year ÷ 12 = ${fmt(inputs.owned.peopleFte)} × ${fmt(inputs.owned.loadedUsdPerFteYear)} ÷ 12`),
    makeFigure("economics.ownedUsdPerMillionTokens", "Owned cost per million tokens at the plan", r.owned.usdPerMillionTokens, "USD/M tokens", "owned cost per month ÷ tokens per month × 1e6"),
    makeFigure(
      "economics.ownedFullReplicaUsdPerMillionTokens",
      "Owned cost per million tokens, full replicas, no fixed costs",
      r.owned.fullReplicaUsdPerMillionTokens,
      "USD/M tokens",
      `cost per replica ÷ capacity per replica × 1e6 + marginal = ${fmt(s.replicaUsdPerMonth)} ÷ ${fmt(s.replicaCapacityTokensPerMonth)} × 1e6 + ${fmt(m)}`,
    ),
    makeFigure("economics.monthlySavingUsd", "Monthly saving from owning", r.monthlySavingUsd, "USD/month", "API cost − owned cost (negative: owning costs more)"),
    makeFigure(
      "economics.crossoverTokensPerMonth",
      "Crossover volume",
      r.crossover.kind === "volume" ? r.crossover.tokensPerMonth : null,
      "tokens/month",
      "smallest V with owned(V) ≤ API(V): V* = (F + k₀·R) ÷ (a − m), k₀ = max(k_min, ⌈F ÷ (c·(a − m) − R)⌉)",
      crossoverNote,
      r.crossover.kind === "never" ? "never" : undefined,
    ),
    makeFigure("economics.oneTimeUsd", "One-time costs", s.oneTimeUsd, "USD", `adaptation + setup + other = ${fmt(inputs.oneTime.adaptationUsd)} + ${fmt(inputs.oneTime.setupUsd)} + ${fmt(inputs.oneTime.otherUsd)}`),
    makeFigure(
      "economics.breakEvenMonth",
      "Break-even month",
      r.breakEvenMonth,
      "month",
      `first month where Σ API > one-time + Σ owned, volume × (1 + ${fmt(s.monthlyVolumeGrowthPercent)}%) each month`,
      r.breakEvenMonth === null ? `Not within ${s.horizonMonths} months.` : undefined,
      r.breakEvenMonth === null ? `not within ${s.horizonMonths} months` : undefined,
    ),
    makeFigure(
      "economics.hybridUsdPerMonth",
      "Hybrid cost per month",
      r.hybrid.usdPerMonth,
      "USD/month",
      `API((1 − h) × V) + owned(h × V), h = ${fmt(s.hybridShareOpen)}`,
    ),
    makeFigure(
      "economics.bestHybridShare",
      "Cheapest share routed to the open model",
      r.hybrid.bestShare,
      "share",
      "min over h ∈ {0, 1, k × capacity ÷ V}: the hybrid cost is linear in h between replica steps",
    ),
  ];
}
