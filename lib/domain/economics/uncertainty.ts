// How sure is the answer? A tornado (one input at a time, low and high) and a Monte Carlo over the
// economics with seeded sampling. The sampling loop touches only a reused flat record and typed
// arrays: no zod, no allocation per sample.
import { z } from "zod";
import * as core from "./core";
import type { TEconomicsScalarKey, TEconomicsScalars } from "./core";
import { parseOrThrow, zText } from "../shared";
import type { TFigure } from "../shared";
import { makeFigure } from "../shared";
import { fmt, percentileSorted } from "../shared";
import { compileDistribution, distributionMaximum, distributionMinimum, fillColumn, ZDistribution } from "./distributions";

export * from "./distributions";

// ---------------------------------------------------------------------------------------------
// Tornado

export type TTornadoRange<K extends string> = { key: K; label: string; low: number; high: number };

export type TTornadoBar<K extends string> = TTornadoRange<K> & {
  outputAtLow: number | null;
  outputAtHigh: number | null;
  /** |output(high) − output(low)|; null when either side has no value. */
  swing: number | null;
  /** One side has a value and the other does not (e.g. a crossover that becomes "never"). */
  isUnbounded: boolean;
};

export type TTornadoResult<K extends string> = { baseOutput: number | null; bars: TTornadoBar<K>[] };

function valueOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

/**
 * Moves each input to its low and high value with the others at base, and sorts the bars by swing:
 * bars where one side has no value first (the answer flips into "never"), then largest swing, then
 * bars with no value on either side. `evaluate` may return null or a non-finite number for "none".
 */
export function tornado<K extends string>(
  evaluate: (inputs: Readonly<Record<K, number>>) => number | null,
  base: Readonly<Record<K, number>>,
  ranges: readonly TTornadoRange<NoInfer<K>>[],
): TTornadoResult<K> {
  const scratch = { ...base } as Record<K, number>;
  const bars = ranges.map((range) => {
    scratch[range.key] = range.low;
    const outputAtLow = valueOrNull(evaluate(scratch));
    scratch[range.key] = range.high;
    const outputAtHigh = valueOrNull(evaluate(scratch));
    scratch[range.key] = base[range.key];
    const swing = outputAtLow !== null && outputAtHigh !== null ? Math.abs(outputAtHigh - outputAtLow) : null;
    return { ...range, outputAtLow, outputAtHigh, swing, isUnbounded: (outputAtLow === null) !== (outputAtHigh === null) };
  });
  const group = (b: TTornadoBar<K>) => (b.isUnbounded ? 0 : b.swing !== null ? 1 : 2);
  bars.sort((x, y) => group(x) - group(y) || (y.swing ?? 0) - (x.swing ?? 0));
  return { baseOutput: valueOrNull(evaluate(base)), bars };
}

/** Ready-made tornado outputs over the economics record. */
export const economicsOutputs = {
  monthlySavingUsd: (s: Readonly<TEconomicsScalars>) => core.monthlySavingUsd(s),
  crossoverTokensPerMonth: (s: Readonly<TEconomicsScalars>) => valueOrNull(core.crossoverTokensPerMonth(s)),
  breakEvenMonth: (s: Readonly<TEconomicsScalars>) => valueOrNull(core.breakEvenMonthOrZero(s) || null),
} as const;

// ---------------------------------------------------------------------------------------------
// Monte Carlo over the economics

/** Inputs that may vary. Counts (replicas, horizon) and the "never" threshold stay fixed. */
export const ZUncertainEconomicsKey = z.enum([
  "inputTokensPerMonth",
  "outputTokensPerMonth",
  "apiUsdPerMillionInputTokens",
  "apiUsdPerMillionOutputTokens",
  "fixedUsdPerMonth",
  "peopleUsdPerMonth",
  "replicaUsdPerMonth",
  "replicaCapacityTokensPerMonth",
  "marginalUsdPerMillionTokens",
  "oneTimeUsd",
  "monthlyVolumeGrowthPercent",
  "hybridShareOpen",
]);
export type TUncertainEconomicsKey = z.infer<typeof ZUncertainEconomicsKey> & TEconomicsScalarKey;

/**
 * Range each input must stay in. Uniform and triangular ranges are checked up front; lognormal
 * tails are unbounded, so every draw is also clamped to this range (capacity to at least 1 token).
 */
const KEY_BOUNDS: Record<TUncertainEconomicsKey, { min: number; max: number; minExclusive?: boolean }> = {
  inputTokensPerMonth: { min: 0, max: 1e17 },
  outputTokensPerMonth: { min: 0, max: 1e17 },
  apiUsdPerMillionInputTokens: { min: 0, max: 100_000 },
  apiUsdPerMillionOutputTokens: { min: 0, max: 100_000 },
  fixedUsdPerMonth: { min: 0, max: 1e12 },
  peopleUsdPerMonth: { min: 0, max: 1e12 },
  replicaUsdPerMonth: { min: 0, max: 1e12 },
  replicaCapacityTokensPerMonth: { min: 0, max: 1e17, minExclusive: true },
  marginalUsdPerMillionTokens: { min: 0, max: 100_000 },
  oneTimeUsd: { min: 0, max: 1e12 },
  monthlyVolumeGrowthPercent: { min: -50, max: 100 },
  hybridShareOpen: { min: 0, max: 1 },
};

function clampRange(key: TUncertainEconomicsKey): [number, number] {
  const b = KEY_BOUNDS[key];
  return [b.minExclusive ? Math.max(b.min, 1) : b.min, b.max];
}

export const ZUncertainEconomicsInput = z
  .object({ key: ZUncertainEconomicsKey, label: zText({ min: 1, max: 200 }).optional(), distribution: ZDistribution })
  .superRefine((input, ctx) => {
    const bounds = KEY_BOUNDS[input.key];
    const d = input.distribution;
    const lo = distributionMinimum(d);
    const hi = d.kind === "lognormal" ? d.p90 : distributionMaximum(d);
    const tooLow = d.kind !== "lognormal" && (bounds.minExclusive ? lo <= bounds.min : lo < bounds.min);
    if (tooLow) ctx.addIssue({ code: "custom", path: ["distribution"], message: `${input.key} must stay ${bounds.minExclusive ? "above" : "at or above"} ${bounds.min}` });
    if (hi > bounds.max) ctx.addIssue({ code: "custom", path: ["distribution"], message: `${input.key} must stay at or below ${bounds.max}` });
  });
export type TUncertainEconomicsInput = z.infer<typeof ZUncertainEconomicsInput>;

export const ZMonteCarloOptions = z.object({
  uncertain: z
    .array(ZUncertainEconomicsInput)
    .max(50)
    .refine((list) => new Set(list.map((u) => u.key)).size === list.length, "each input may be listed once"),
  samples: z.number().int().min(1).max(1_000_000).default(10_000),
  seed: z.number().int().min(0).max(0xffffffff).default(1),
  histogramBins: z.number().int().min(1).max(500).default(30),
});
export type TMonteCarloOptionsRaw = z.input<typeof ZMonteCarloOptions>;

export type THistogramBin = { from: number; to: number; count: number };

export type TMonteCarloResult = {
  samples: number;
  seed: number;
  /** Share of samples where owning costs less than the API at the planned volume. */
  probabilityOwnedCheaper: number;
  monthlySavingUsd: { mean: number; p10: number; p50: number; p90: number; histogram: THistogramBin[] };
  crossoverTokensPerMonth: {
    neverShare: number;
    /** "never" when the percentile falls among samples with no crossover. */
    p10: number | "never";
    p50: number | "never";
    p90: number | "never";
    /** Samples with a crossover only. */
    histogram: THistogramBin[];
  };
  breakEvenMonth: { withinHorizonShare: number; p10: number | null; p50: number | null; p90: number | null };
  /**
   * Where the base case (every input at its entered value) sits among the sampled savings: the share
   * of samples that save less than it. 0.5 is the median; far from it, the base case is not the
   * typical outcome and the report says so.
   */
  baseCase: { monthlySavingUsd: number; percentile: number };
  figures: TFigure[];
};

/** Share of an ascending array strictly below x, by binary search. */
function shareBelowSorted(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length > 0 ? lo / sorted.length : 0.5;
}

/** Equal-width bins over an ascending array's first `count` values (non-finite tail ignored). */
export function histogramSorted(sorted: Float64Array, count: number, bins: number): THistogramBin[] {
  let end = Math.min(count, sorted.length);
  while (end > 0 && !Number.isFinite(sorted[end - 1])) end -= 1;
  count = end;
  if (count === 0) return [];
  const min = sorted[0];
  const max = sorted[count - 1];
  if (max === min) return [{ from: min, to: max, count }];
  const width = (max - min) / bins;
  const out: THistogramBin[] = [];
  for (let i = 0; i < bins; i += 1) out.push({ from: min + i * width, to: i === bins - 1 ? max : min + (i + 1) * width, count: 0 });
  for (let i = 0; i < count; i += 1) out[Math.min(bins - 1, Math.floor((sorted[i] - min) / width))].count += 1;
  return out;
}

/** Counts the +Infinity tail of an ascending array. */
function countFinite(sorted: Float64Array): number {
  let n = sorted.length;
  while (n > 0 && !Number.isFinite(sorted[n - 1])) n -= 1;
  return n;
}

export function runEconomicsMonteCarlo(base: Readonly<TEconomicsScalars>, rawOptions: TMonteCarloOptionsRaw): TMonteCarloResult {
  const options = parseOrThrow(ZMonteCarloOptions, rawOptions, "Monte Carlo options");
  const n = options.samples;
  const keys = options.uncertain.map((u) => u.key);
  const compiled = options.uncertain.map((u) => compileDistribution(u.distribution));

  const scratch: TEconomicsScalars = { ...base };
  const savings = new Float64Array(n);
  const crossovers = new Float64Array(n);
  const breakEvens = new Float64Array(n);
  const out = new Float64Array(3);
  let cheaper = 0;
  let savingSum = 0;

  // Column by column: input j's draws are consecutive numbers from the seeded stream, so listing an
  // extra input after it never changes its draws; one small loop per distribution kind.
  const state = Uint32Array.of(options.seed);
  const columns = compiled.map((d, j) => {
    const column = new Float64Array(n);
    const [lo, hi] = clampRange(keys[j]);
    fillColumn(d, column, lo, hi, state);
    return column;
  });

  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < keys.length; j += 1) scratch[keys[j]] = columns[j][i];
    core.evaluateSample(scratch, out);
    const saving = out[core.SAMPLE_SAVING];
    savings[i] = saving;
    savingSum += saving;
    if (saving > 0) cheaper += 1;
    crossovers[i] = out[core.SAMPLE_CROSSOVER];
    const month = out[core.SAMPLE_BREAK_EVEN];
    breakEvens[i] = month === 0 ? Number.POSITIVE_INFINITY : month;
  }

  savings.sort();
  const baseSaving = core.monthlySavingUsd(base);
  crossovers.sort();
  breakEvens.sort();
  const finiteCrossovers = countFinite(crossovers);
  const finiteBreakEvens = countFinite(breakEvens);
  const neverOr = (x: number): number | "never" => (Number.isFinite(x) ? x : "never");
  const noneOr = (x: number): number | null => (Number.isFinite(x) ? x : null);

  const result: TMonteCarloResult = {
    samples: n,
    seed: options.seed,
    probabilityOwnedCheaper: cheaper / n,
    monthlySavingUsd: {
      mean: savingSum / n,
      p10: percentileSorted(savings, 0.1),
      p50: percentileSorted(savings, 0.5),
      p90: percentileSorted(savings, 0.9),
      histogram: histogramSorted(savings, n, options.histogramBins),
    },
    crossoverTokensPerMonth: {
      neverShare: (n - finiteCrossovers) / n,
      p10: neverOr(percentileSorted(crossovers, 0.1)),
      p50: neverOr(percentileSorted(crossovers, 0.5)),
      p90: neverOr(percentileSorted(crossovers, 0.9)),
      histogram: histogramSorted(crossovers, finiteCrossovers, options.histogramBins),
    },
    breakEvenMonth: {
      withinHorizonShare: finiteBreakEvens / n,
      p10: noneOr(percentileSorted(breakEvens, 0.1)),
      p50: noneOr(percentileSorted(breakEvens, 0.5)),
      p90: noneOr(percentileSorted(breakEvens, 0.9)),
    },
    baseCase: { monthlySavingUsd: baseSaving, percentile: shareBelowSorted(savings, baseSaving) },
    figures: [],
  };
  result.figures = monteCarloFigures(result, keys.length);
  return result;
}

/** A plain sentence on whether the base case is the typical outcome (within 10 points of the median). */
export function baseCaseNote(r: Pick<TMonteCarloResult, "baseCase" | "monthlySavingUsd">): string {
  const pct = Math.round(r.baseCase.percentile * 100);
  if (Math.abs(r.baseCase.percentile - 0.5) <= 0.1) return `The base case sits near the median of the scenarios (percentile ${pct}).`;
  const side = r.baseCase.percentile > 0.5 ? "more favourable to owning" : "less favourable to owning";
  return `The base case is not the median: it sits at percentile ${pct}, ${side} than most scenarios; the median saving is ${fmt(r.monthlySavingUsd.p50)} USD/month.`;
}

function monteCarloFigures(r: TMonteCarloResult, uncertainCount: number): TFigure[] {
  const method = `${fmt(r.samples)} seeded samples (seed ${r.seed}) over ${uncertainCount} uncertain input(s)`;
  const crossoverFigure = (p: "p10" | "p50" | "p90") => {
    const v = r.crossoverTokensPerMonth[p];
    return makeFigure(
      `monteCarlo.crossover.${p}`,
      `Crossover volume, ${p.toUpperCase()}`,
      v === "never" ? null : v,
      "tokens/month",
      `${p.toUpperCase()} of the sampled crossover volumes, "never" counted as above every volume; ${method}`,
      v === "never" ? "Falls among samples where owning never becomes cheaper." : undefined,
    );
  };
  return [
    makeFigure("monteCarlo.probabilityOwnedCheaper", "Chance owning is cheaper at the planned volume", r.probabilityOwnedCheaper, "probability", `share of samples with API − owned > 0; ${method}`),
    makeFigure("monteCarlo.saving.p50", "Monthly saving, median", r.monthlySavingUsd.p50, "USD/month", `P50 of sampled API − owned; ${method}`),
    makeFigure(
      "monteCarlo.baseCasePercentile",
      "Where the base case sits among the scenarios",
      r.baseCase.percentile,
      "share of samples below",
      `share of sampled savings below the base case's ${fmt(r.baseCase.monthlySavingUsd)} USD/month; 0.5 = the median; ${method}`,
      baseCaseNote(r),
    ),
    makeFigure("monteCarlo.crossover.neverShare", "Chance there is no crossover", r.crossoverTokensPerMonth.neverShare, "probability", `share of samples where owning never becomes cheaper; ${method}`),
    crossoverFigure("p10"),
    crossoverFigure("p50"),
    crossoverFigure("p90"),
    makeFigure("monteCarlo.breakEven.withinHorizonShare", "Chance of breaking even within the horizon", r.breakEvenMonth.withinHorizonShare, "probability", `share of samples with a break-even month; ${method}`),
  ];
}
