// Report stage 7: economics, wired from sizing (the replica staircase at the chosen pricing mode),
// lifecycle (people and programme), safety (the costs it counts; see report-stage-operations.ts) and
// adaptation (one-time). Also the tornado and the Monte Carlo over the same flat record of numbers.
import type { TAssessmentInputs, TPricingMode, TUncertaintyRange } from "../assessment";
import type { TStageStatus } from "../shared";
import { computeEconomics, ownedReplicaFromSizing, parseEconomicsInputs, toEconomicsScalars, type TEconomicsInputsRaw, type TEconomicsResult } from "../economics";
import * as core from "../economics";
import type { TEconomicsScalars } from "../economics";
import type { TLifecycleResult } from "../lifecycle";
import { fmt, HOURS_PER_MONTH, makeFigure, type TFigure } from "../shared";
import type { TAssumptionLog, TResolvedIncumbent } from "./context";
import { DEFAULT_GROWTH_SPREAD_POINTS, DEFAULT_UNCERTAINTY_RANGES, ONE_TIME_OVERRUN_SOURCE, REPORT_DEFAULTS, UNCERTAIN_KEY_LABELS } from "./defaults";
import { shareText, tokensText, usdPerMonthText, usdText } from "../shared";
import { attempt, makeStage, NOT_STARTED_SUFFIX } from "./stage-kit";
import type { TRequestShape } from "./stage-infrastructure";
import type { TEconomicsDetail, TMonteCarloInputRange, TReportCharts, TReportStage, TReportTornadoBar, TTornadoKey } from "./types";
import type { TSizingResult } from "../sizing";
import { baseCaseNote, runEconomicsMonteCarlo, tornado, type TDistribution, type TTornadoRange, type TUncertainEconomicsInput } from "../economics";

export type TVolume = { inputTokensPerMonth: number; outputTokensPerMonth: number };

/** Both volumes, or one plus the other from the request shape; null when neither was entered. */
export function resolveVolume(inputs: TAssessmentInputs, shape: TRequestShape, log: TAssumptionLog): TVolume | null {
  const e = inputs.economics ?? {};
  const ratio = shape.outputTokensPerRequest / shape.promptTokensPerRequest;
  const basis = "Derived from the other volume and the request shape (prompt : output tokens per request)";
  if (e.inputTokensPerMonth === undefined && e.outputTokensPerMonth === undefined) return null;
  const inputTokensPerMonth = log.take("economics", "economics.inputTokensPerMonth", "Input tokens per month", e.inputTokensPerMonth, (e.outputTokensPerMonth ?? 0) / ratio, { basis, unit: "tokens" });
  const outputTokensPerMonth = log.take("economics", "economics.outputTokensPerMonth", "Output tokens per month", e.outputTokensPerMonth, inputTokensPerMonth * ratio, { basis, unit: "tokens" });
  return { inputTokensPerMonth, outputTokensPerMonth };
}

/** Net saving over the horizon: Σ months (API − owned) − one-time; the last point of the cumulative chart. */
export function horizonNetSavingUsd(s: Readonly<TEconomicsScalars>): number {
  let total = -s.oneTimeUsd;
  for (let month = 1; month <= s.horizonMonths; month += 1) {
    const volume = core.volumeInMonth(s, month);
    total += core.apiMonthlyUsd(s, volume) - core.ownedMonthlyUsd(s, volume);
  }
  return total;
}

const SCALAR_BOUNDS: Partial<Record<TTornadoKey, number>> = {
  inputTokensPerMonth: 1e17,
  outputTokensPerMonth: 1e17,
  apiUsdPerMillionInputTokens: 100_000,
  apiUsdPerMillionOutputTokens: 100_000,
  marginalUsdPerMillionTokens: 100_000,
  fixedUsdPerMonth: 1e12,
  peopleUsdPerMonth: 1e12,
  replicaUsdPerMonth: 1e12,
  oneTimeUsd: 1e12,
  replicaCapacityTokensPerMonth: 1e17,
};

type TUncertaintyPlan = { ranges: (TMonteCarloInputRange & { lowMultiplier: number | null; highMultiplier: number | null })[] };

function uncertaintyPlan(inputs: TAssessmentInputs, s: TEconomicsScalars, log: TAssumptionLog): TUncertaintyPlan {
  const entered = inputs.economics?.uncertainty;
  const ranges: TUncertaintyRange[] = entered?.ranges ?? [...DEFAULT_UNCERTAINTY_RANGES];
  if (!entered?.ranges) {
    log.note("economics", "economics.uncertainty.ranges", "Uncertainty ranges", DEFAULT_UNCERTAINTY_RANGES.map((r) => `${UNCERTAIN_KEY_LABELS[r.key]} ×${r.lowMultiplier}–×${r.highMultiplier} (${r.shape})`).join("; "), {
      basis: "Freehold defaults, centred on the base case: volumes lognormal 0.7-1.4 (P10-P90), prices, GPU cost, utilisation and staffing ±20%; one-time costs lean up (IT projects overrun, see source)",
      provenance: ONE_TIME_OVERRUN_SOURCE,
    });
  }
  const out: TUncertaintyPlan["ranges"] = [];
  for (const r of ranges) {
    const base = s[r.key];
    // A zero base has nothing to vary (and a lognormal cannot be centred on it).
    if (!(base > 0)) continue;
    const max = SCALAR_BOUNDS[r.key] ?? Number.MAX_VALUE;
    out.push({ key: r.key, label: UNCERTAIN_KEY_LABELS[r.key], shape: r.shape ?? "triangular", low: base * r.lowMultiplier, high: Math.min(max, base * r.highMultiplier), base, lowMultiplier: r.lowMultiplier, highMultiplier: r.highMultiplier });
  }
  const g = s.monthlyVolumeGrowthPercent;
  const growth = entered?.growthPercentRange ?? { low: Math.max(-50, g - DEFAULT_GROWTH_SPREAD_POINTS), high: Math.min(100, g + DEFAULT_GROWTH_SPREAD_POINTS) };
  if (!entered?.growthPercentRange) {
    log.note("economics", "economics.uncertainty.growthPercentRange", "Growth range", `${growth.low}% to ${growth.high}% per month`, { basis: `Freehold default: the entered growth ± ${DEFAULT_GROWTH_SPREAD_POINTS} points` });
  }
  if (growth.high > growth.low) {
    out.push({ key: "monthlyVolumeGrowthPercent", label: UNCERTAIN_KEY_LABELS.monthlyVolumeGrowthPercent, shape: "uniform", low: growth.low, high: growth.high, base: g, lowMultiplier: null, highMultiplier: null });
  }
  return { ranges: out };
}

function distributionOf(r: TMonteCarloInputRange): TDistribution {
  if (r.shape === "uniform") return { kind: "uniform", low: r.low, high: r.high };
  if (r.shape === "lognormal" && r.low > 0) return { kind: "lognormal", p10: r.low, p90: r.high };
  return { kind: "triangular", low: r.low, mode: Math.min(Math.max(r.base, r.low), r.high), high: r.high };
}

/** The owned side's costs apart from GPUs, known even when the economics cannot run (the options reuse them). */
export type TOwnedParts = {
  peopleUsdPerMonth: number;
  /** Safety stack + lifecycle programme + other fixed. */
  otherFixedUsdPerMonth: number;
  marginalUsdPerMillionTokens: number;
  /** Adaptation (fine-tuning) one-time cost: every open-weights option pays it. */
  adaptationOneTimeUsd: number;
  /** Setup and other one-time costs: self-hosted options pay them. */
  selfHostOneTimeUsd: number;
  horizonMonths: number;
  monthlyVolumeGrowthPercent: number;
  hybridShareOpen: number;
};

export type TEconomicsStageResult = {
  stage: TReportStage<"economics", TEconomicsDetail>;
  economics: TEconomicsResult | null;
  /** Why the economics could not run; null when they did. */
  missing: string | null;
  charts: TReportCharts;
  ownedParts: TOwnedParts;
};

const NO_CHARTS: TReportCharts = { costVsVolume: null, cumulative: null, ownedBreakdown: null, tornado: null, monteCarlo: null };

export function buildEconomicsStage(args: {
  inputs: TAssessmentInputs;
  status: TStageStatus;
  log: TAssumptionLog;
  volume: TVolume | null;
  incumbent: TResolvedIncumbent;
  sizing: TSizingResult | null;
  pricingMode: TPricingMode;
  /** Cloud reserved: the discount off the hourly price, for the "what would change" GPU price. */
  reservedDiscountPercent: number | null;
  shape: TRequestShape;
  lifecycle: TLifecycleResult | null;
  safetyCountedUsdPerMonth: number;
  adaptationOneTimeUsd: number;
  monteCarlo: { samples: number; seed: number };
}): TEconomicsStageResult {
  const { inputs, status, log, volume, incumbent, sizing } = args;
  const e = inputs.economics ?? {};
  const stage = "economics" as const;
  const warnings: string[] = [];
  const apiPrice = incumbent.override
    ? { input: incumbent.override.inputUsdPerMTok, output: incumbent.override.outputUsdPerMTok }
    : incumbent.price
      ? { input: incumbent.price.inputUsdPerMTok, output: incumbent.price.outputUsdPerMTok }
      : null;
  const replica = sizing ? ownedReplicaFromSizing(sizing, args.pricingMode) : null;
  const missing = !volume
    ? "the monthly input and output tokens are not entered (economics stage)"
    : !apiPrice
      ? "the incumbent API has no price (catalog or entered)"
      : !sizing
        ? "the owned deployment could not be sized (infrastructure stage)"
        : !sizing.fits
          ? "the model does not fit on the GPU configuration (infrastructure stage)"
          : !replica
            ? "the GPUs have no price (infrastructure stage)"
            : null;

  // Defaults are recorded even when the economics cannot run, so the assumption list is complete.
  const basis = "Engine default";
  const horizonMonths = log.take(stage, "economics.horizonMonths", "Horizon", e.horizonMonths, REPORT_DEFAULTS.horizonMonths, { basis: "Engine default: three years, a typical hardware life", unit: "months" });
  const growth = log.take(stage, "economics.monthlyVolumeGrowthPercent", "Monthly volume growth", e.monthlyVolumeGrowthPercent, REPORT_DEFAULTS.monthlyVolumeGrowthPercent, { basis: "Engine default: flat volume", unit: "% per month" });
  const hybridShareOpen = log.take(stage, "economics.hybridShareOpen", "Hybrid share to the open model", e.hybridShareOpen, REPORT_DEFAULTS.hybridShareOpen, { basis, display: "50%" });
  const setupUsd = log.take(stage, "economics.oneTime.setupUsd", "One-time setup", e.oneTime?.setupUsd, REPORT_DEFAULTS.setupPersonDays * REPORT_DEFAULTS.usdPerPersonDay, { basis: REPORT_DEFAULTS.setupBasis, unit: "USD" });
  const none = "None entered";
  const otherOneTimeUsd = log.take(stage, "economics.oneTime.otherUsd", "Other one-time costs", e.oneTime?.otherUsd, 0, { basis: none, unit: "USD" });
  const otherFixedUsdPerMonth = log.take(stage, "economics.otherFixedUsdPerMonth", "Other fixed owned costs", e.otherFixedUsdPerMonth, 0, { basis: none, unit: "USD/month" });
  const marginal = log.take(stage, "economics.marginalUsdPerMillionTokens", "Marginal owned cost per token", e.marginalUsdPerMillionTokens, 0, {
    basis: "None entered: power and hosting are in the replica cost",
    unit: "USD/M tokens",
  });
  const assumptions = () => log.forStage(stage);
  const l0 = args.lifecycle;
  const ownedParts: TOwnedParts = {
    peopleUsdPerMonth: l0 ? l0.cost.peopleUsdPerMonth : 0,
    otherFixedUsdPerMonth: args.safetyCountedUsdPerMonth + (l0 ? l0.cost.refreshUsdPerMonth + l0.cost.patchingUsdPerMonth + l0.cost.monitoringUsdPerMonth : 0) + otherFixedUsdPerMonth,
    marginalUsdPerMillionTokens: marginal,
    adaptationOneTimeUsd: args.adaptationOneTimeUsd,
    selfHostOneTimeUsd: setupUsd + otherOneTimeUsd,
    horizonMonths,
    monthlyVolumeGrowthPercent: growth,
    hybridShareOpen,
  };

  if (missing || !volume || !apiPrice || !replica) {
    return {
      stage: makeStage({
        key: stage,
        status,
        summary: `Not computed: ${missing}.${status === "not-started" ? ` ${NOT_STARTED_SUFFIX}` : ""}`,
        outcome: { tone: "unknown", label: status === "not-started" ? "Not started" : "Not computed" },
        warnings: [`Economics not computed: ${missing}.`],
        assumptions: assumptions(),
        detail: null,
      }),
      economics: null,
      missing,
      charts: NO_CHARTS,
      ownedParts,
    };
  }

  const l = args.lifecycle;
  const peopleFte = l ? l.burden.totalFte : 0;
  const peopleUsdPerMonth = l ? l.cost.peopleUsdPerMonth : 0;
  const raw: TEconomicsInputsRaw = {
    inputTokensPerMonth: volume.inputTokensPerMonth,
    outputTokensPerMonth: volume.outputTokensPerMonth,
    api: { usdPerMillionInputTokens: apiPrice.input, usdPerMillionOutputTokens: apiPrice.output },
    owned: {
      ...replica,
      // The roster's cost as FTE × average loaded cost, so the breakdown shows people on their own.
      peopleFte,
      loadedUsdPerFteYear: peopleFte > 0 ? (peopleUsdPerMonth * 12) / peopleFte : 0,
      safetyStackUsdPerMonth: args.safetyCountedUsdPerMonth,
      lifecycleUsdPerMonth: l ? l.cost.refreshUsdPerMonth + l.cost.patchingUsdPerMonth + l.cost.monitoringUsdPerMonth : 0,
      otherFixedUsdPerMonth,
      marginalUsdPerMillionTokens: marginal,
    },
    oneTime: { adaptationUsd: args.adaptationOneTimeUsd, setupUsd, otherUsd: otherOneTimeUsd },
    horizonMonths,
    monthlyVolumeGrowthPercent: growth,
    hybridShareOpen,
  };
  const economics = attempt(() => computeEconomics(raw), warnings);
  if (!economics) {
    return {
      stage: makeStage({ key: stage, status, summary: "Not computed; see the warnings.", outcome: { tone: "unknown", label: "Not computed" }, warnings, assumptions: assumptions(), detail: null }),
      economics: null,
      missing: warnings.join(" ") || "invalid economics inputs",
      charts: NO_CHARTS,
      ownedParts,
    };
  }
  warnings.push(...economics.warnings);
  const parsed = parseEconomicsInputs(raw);
  const s = toEconomicsScalars(parsed);
  checkMix(volume, args.shape, warnings);

  const cumulative = economics.series.cumulative;
  const last = cumulative[cumulative.length - 1];
  const horizonSavingBeforeOneTimeUsd = last ? last.cumulativeApiUsd - (last.cumulativeOwnedUsd - s.oneTimeUsd) : 0;
  const gpusPerReplica = sizing?.placement?.gpusPerReplica ?? null;
  // A crossover exists only while a full replica costs less than the API charges for its tokens:
  // R < c·(a − m). For rented GPUs that caps the hourly price (before any reserved discount).
  const discountShare = (args.reservedDiscountPercent ?? 0) / 100;
  const maxUsdPerGpuHourForCrossover =
    args.pricingMode !== "owned" && gpusPerReplica && discountShare < 1
      ? Math.max(0, (s.replicaCapacityTokensPerMonth * (core.apiUsdPerToken(s) - s.marginalUsdPerMillionTokens / 1e6)) / (gpusPerReplica * HOURS_PER_MONTH * (1 - discountShare)))
      : null;

  const plan = uncertaintyPlan(inputs, s, log);
  const charts = buildCharts(economics, s, plan, args.monteCarlo);
  // The series live in `charts`; the detail keeps the rest of the engine's result.
  const { series: _series, ...result } = economics;

  const saving = economics.monthlySavingUsd;
  const crossoverText =
    economics.crossover.kind === "volume"
      ? `crossover at ${tokensText(economics.crossover.tokensPerMonth)}/month`
      : economics.crossover.reason === "owned-cost-per-token-not-below-api"
        ? "no crossover at any volume"
        : "no crossover within reach";
  const calibration = sizing?.calibration ?? null;
  const measuredText = calibration ? ` Owned capacity from a measured run (${calibration.provenance}), not the estimate.` : "";
  const summary = `At ${tokensText(economics.plannedTokensPerMonth)}/month the API costs ${usdPerMonthText(economics.api.usdPerMonth)} and owning ${usdPerMonthText(economics.owned.usdPerMonth)}; ${crossoverText}; ${economics.breakEvenMonth === null ? `no break-even within ${horizonMonths} months` : `break-even in month ${economics.breakEvenMonth}`}.${measuredText}`;
  const layoutBasis: TFigure[] = [];
  if (sizing?.throughput && sizing.placement) {
    const l = sizing.layout;
    const layout = `${l.gpuName}, TP${l.tensorParallel}${l.pipelineStages > 1 ? ` × ${l.pipelineStages} stages` : ""}, ${l.weightPrecision} weights, ${l.kvCachePrecision} KV`;
    layoutBasis.push(
      makeFigure(
        "owned.replicaOutputTokensPerSecond",
        calibration ? "Output tokens/s per replica (measured)" : "Output tokens/s per replica (estimated)",
        sizing.throughput.sustainedOutputTokensPerSecondPerReplica,
        "tokens/s",
        calibration
          ? `estimate × measured ÷ estimated = ${fmt(sizing.throughput.sustainedOutputTokensPerSecondPerReplica / calibration.speedFactor)} × ${fmt(calibration.speedFactor, 3)}; measured ${fmt(calibration.measuredOutputTokensPerSecond)} against an estimated ${fmt(calibration.estimatedOutputTokensPerSecond)} tokens/s for the same run (${calibration.provenance})`
          : "serving-model estimate for the chosen layout (infrastructure stage)",
        `The layout the owned cost is built on: ${layout}.`,
      ),
    );
  }
  const outcome =
    saving > 0
      ? { tone: economics.breakEvenMonth !== null ? ("good" as const) : ("caution" as const), label: `Owned cheaper by ${usdPerMonthText(saving)}` }
      : economics.hybrid.bestShare > 0 && economics.hybrid.bestShare < 1 && economics.hybrid.bestUsdPerMonth < economics.api.usdPerMonth
        ? { tone: "caution" as const, label: `Hybrid at ${shareText(economics.hybrid.bestShare)} saves ${usdText(economics.api.usdPerMonth - economics.hybrid.bestUsdPerMonth)}/month` }
        : { tone: "bad" as const, label: `API cheaper by ${usdPerMonthText(-saving)}` };

  return {
    stage: makeStage({
      key: stage,
      status,
      summary,
      outcome,
      figures: [...layoutBasis, ...economics.figures, ...(charts.monteCarlo?.figures ?? [])],
      warnings,
      assumptions: assumptions(),
      detail: { inputs: parsed, result, pricingMode: args.pricingMode, horizonSavingBeforeOneTimeUsd, maxUsdPerGpuHourForCrossover },
    }),
    economics,
    missing: null,
    charts,
    ownedParts,
  };
}

/** Sizing's replica capacity assumes the request shape's prompt : output mix; say so when the volumes differ. */
function checkMix(volume: TVolume, shape: TRequestShape, warnings: string[]): void {
  const total = volume.inputTokensPerMonth + volume.outputTokensPerMonth;
  if (!(total > 0)) return;
  const shareIn = volume.inputTokensPerMonth / total;
  const shapeShareIn = shape.promptTokensPerRequest / (shape.promptTokensPerRequest + shape.outputTokensPerRequest);
  if (Math.abs(shareIn - shapeShareIn) > 0.1) {
    warnings.push(
      `The monthly volumes are ${shareText(shareIn)} input tokens but the request shape is ${shareText(shapeShareIn)} input: replica capacity is sized for the request shape, so align the two.`,
    );
  }
}

function buildCharts(economics: TEconomicsResult, s: TEconomicsScalars, plan: TUncertaintyPlan, mc: { samples: number; seed: number }): TReportCharts {
  const crossover = economics.crossover.kind === "volume" ? { tokensPerMonth: economics.crossover.tokensPerMonth, usdPerMonth: core.apiMonthlyUsd(s, economics.crossover.tokensPerMonth) } : null;
  const breakEvenPoint = economics.breakEvenMonth !== null ? economics.series.cumulative[economics.breakEvenMonth - 1] : undefined;

  const tornadoRanges: TTornadoRange<TTornadoKey>[] = plan.ranges.map((r) => ({ key: r.key, label: r.label, low: r.low, high: r.high }));
  const t = tornado<TTornadoKey>((x) => horizonNetSavingUsd(x as TEconomicsScalars), s, tornadoRanges);
  const multipliers = new Map(plan.ranges.map((r) => [r.key, r] as const));
  const bars: TReportTornadoBar[] = t.bars.map((b) => ({
    key: b.key,
    label: b.label,
    low: b.low,
    high: b.high,
    lowMultiplier: multipliers.get(b.key)?.lowMultiplier ?? null,
    highMultiplier: multipliers.get(b.key)?.highMultiplier ?? null,
    outputAtLow: b.outputAtLow,
    outputAtHigh: b.outputAtHigh,
    swing: b.swing,
    isUnbounded: b.isUnbounded,
  }));

  const uncertain: TUncertainEconomicsInput[] = plan.ranges.map((r) => ({ key: r.key as TUncertainEconomicsInput["key"], label: r.label, distribution: distributionOf(r) }));
  const runs = attempt(() => runEconomicsMonteCarlo(s, { uncertain, samples: mc.samples, seed: mc.seed }), []);

  return {
    costVsVolume: { points: economics.series.costVsVolume, plannedTokensPerMonth: economics.plannedTokensPerMonth, crossover },
    cumulative: {
      points: economics.series.cumulative,
      horizonMonths: s.horizonMonths,
      breakEven: breakEvenPoint ? { month: breakEvenPoint.month, cumulativeApiUsd: breakEvenPoint.cumulativeApiUsd, cumulativeOwnedUsd: breakEvenPoint.cumulativeOwnedUsd } : null,
    },
    ownedBreakdown: {
      points: economics.series.ownedBreakdown,
      series: [
        { key: "infrastructureUsd", label: "Infrastructure" },
        { key: "peopleUsd", label: "People (lifecycle roster)" },
        { key: "safetyStackUsd", label: "Safety stack (guard, red team, other)" },
        { key: "lifecycleUsd", label: "Lifecycle programme (refreshes, patching, tooling)" },
        { key: "otherFixedUsd", label: "Other fixed" },
        { key: "marginalUsd", label: "Marginal per token" },
        { key: "oneTimeUsd", label: "One-time (month 1)" },
      ],
    },
    tornado: { output: "horizonNetSavingUsd", outputLabel: `Net saving over ${s.horizonMonths} months (API − owned, one-time costs included)`, unit: "USD", baseOutput: t.baseOutput, bars },
    monteCarlo: runs
      ? {
          samples: runs.samples,
          seed: runs.seed,
          probabilityOwnedCheaper: runs.probabilityOwnedCheaper,
          monthlySavingUsd: runs.monthlySavingUsd,
          crossoverTokensPerMonth: runs.crossoverTokensPerMonth,
          breakEvenMonth: runs.breakEvenMonth,
          baseCase: { ...runs.baseCase, note: baseCaseNote(runs) },
          inputs: plan.ranges.map(({ key, label, shape, low, high, base }) => ({ key, label, shape, low, high, base })),
          figures: runs.figures,
        }
      : null,
  };
}
