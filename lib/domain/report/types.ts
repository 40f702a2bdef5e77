import type { TPriceBook } from "../assessment";
// The report model: everything a screen, the comparison view and the PDF show, computed once by
// buildReport. Plain JSON: no Dates, Maps, functions, undefined-as-meaning, NaN or Infinity.
// "Not known" is null, never 0.
import type { TAdaptationStageMethod, TLayoutSearchScope, TPricingMode, TUncertaintyShape } from "../assessment";
import type { TStageKey, TStageStatus } from "../shared";
import type { TAdaptationResult, TQuantizationEffect } from "../adaptation";
import type { TCapabilityResult, TCapabilityVerdict } from "../capability";
import type { TBreakdownPoint, TCrossover, TCumulativePoint, TEconomicsInputs, TEconomicsResult, TOwnedBreakdown, TVolumePoint } from "../economics";
import type { TFigure } from "../shared";
import type { TFindingSummary, TLicenceFinding, TOrgFacts } from "../licence";
import type { TLifecycleInputs, TLifecycleResult } from "../lifecycle";
import type { TDecisionOption, TRecommendation } from "../recommendation";
import type { TCatalogAge, TModelOpenness, TRegion } from "../catalog";
import type { TProcessingPolicy } from "../assessment";
import type { TFinanceSection } from "./finance";
import type { TLeverage } from "./leverage";
import type { TSafetyInputs, TSafetyResult } from "../safety";
import type { TLatencyStats, TSizingInputsRaw, TSizingResult, TWeightPrecision } from "../sizing";
import type { TProvenance, TVerification } from "../shared";
import type { TEconomicsScalarKey } from "../economics";
import type { THistogramBin } from "../economics";


/** An input the user did not enter, and the value the report used instead. */
export type TAssumption = {
  stage: TStageKey;
  /** Where the value would be entered, e.g. "infrastructure.sizing.promptTokensPerRequest". */
  path: string;
  label: string;
  /** The value used when it is a plain number, string or boolean; null for composite values. */
  value: number | string | boolean | null;
  /** The value as a reader sees it, with its unit. */
  display: string;
  /** Why this value: "Freehold default", "catalog median on-demand price for this GPU", ... */
  basis: string;
  /** Source of the default when there is one; null for Freehold's own unsourced planning defaults. */
  provenance: TProvenance | null;
};

export type TReportFindingSeverity = "blocker" | "needs-attention" | "obligation" | "info";

export type TReportFinding = {
  id: string;
  severity: TReportFindingSeverity;
  title: string;
  detail: string;
  /** Clause or document the finding rests on. */
  sourceUrl?: string;
  quote?: string;
};

/** How the stage came out, in one word or phrase: the comparison view's per-stage row. */
export type TStageOutcome = { tone: "good" | "caution" | "bad" | "unknown"; label: string };

export type TReportStage<K extends TStageKey, D> = {
  key: K;
  title: string;
  /** Input completeness (stageStatus). */
  status: TStageStatus;
  summary: string;
  outcome: TStageOutcome;
  /** Results with their formulas. Empty for a not-started stage: defaults are assumptions, not results. */
  figures: TFigure[];
  findings: TReportFinding[];
  warnings: string[];
  assumptions: TAssumption[];
  /** The engine's own result (and the inputs it ran with); null when the stage could not run. */
  detail: D | null;
};

export type TLicenceDetail = {
  licence: { id: string; name: string; family: string; spdx: string; versionDate: string; isOverride: boolean };
  facts: TOrgFacts;
  summary: TFindingSummary;
  findings: TLicenceFinding[];
  /** What the model's release opens (weights, code, data, report), in Model Openness Framework terms; null when not in the catalog. */
  openness: TModelOpenness | null;
};

export type TCapabilityDetail = TCapabilityResult;

export type TResolvedGpu = { id: string; name: string; vendor: string; memoryGb: number; isCustom: boolean };

export type TResolvedPricing = {
  mode: TPricingMode;
  /** Cloud modes: the hourly price before any reserved discount. */
  usdPerGpuHour: number | null;
  reservedDiscountPercent: number | null;
  purchaseUsdPerGpu: number | null;
  /** Catalog price row used, or null for the organisation's own number. */
  priceId: string | null;
  label: string;
};

/** One row of the layout table: a layout the search costed, and why it lost to the chosen one. */
export type TLayoutRow = {
  key: string;
  isChosen: boolean;
  gpuId: string;
  gpuName: string;
  tensorParallel: number;
  pipelineStages: number;
  gpusPerReplica: number;
  weightPrecision: TWeightPrecision;
  weightPrecisionLabel: string;
  kvCachePrecision: string;
  /** "−0.4 points (measured)", "as released". */
  qualityText: string;
  feasible: boolean;
  /** False: costed by a lower bound only (it could not beat the options shown). */
  isExact: boolean;
  isMeasured: boolean;
  batch: number | null;
  replicas: number | null;
  totalGpus: number | null;
  usdPerMonth: number | null;
  usdPerMillionTokens: number | null;
  usdPerMillionTokensAtCapacity: number | null;
  priceLabel: string;
  /** For the chosen row: why it won; for the others: why each lost. */
  verdict: string;
};

export type TLayoutSearchDetail = {
  scope: TLayoutSearchScope;
  /** The dimensions the team pinned, as sentences ("tensor-parallel 2 (pinned)"). */
  pins: string[];
  enumerated: number;
  evaluatedExactly: number;
  rows: TLayoutRow[];
  chosenKey: string | null;
  /** Which constraint set the replica count and the batch, in one sentence. */
  bindingText: string | null;
  /** The quality limit the search applied, in points. */
  maxQualityLossPoints: number;
};

/** An imported benchmark run next to the estimate for the same layout and conditions. */
export type TMeasurementRow = {
  id: string;
  fileName: string;
  formatLabel: string;
  modelName: string;
  runDate: string | null;
  importedOn: string;
  layoutText: string;
  /** It was run on the chosen layout, so it replaced the estimate in sizing and economics. */
  appliesToChosen: boolean;
  promptTokens: number;
  outputTokens: number;
  concurrency: number | null;
  requestRatePerSecond: number | null;
  measuredOutputTokensPerSecond: number;
  estimatedOutputTokensPerSecond: number | null;
  /** Measured ÷ estimated speed; null when the layout could not be estimated. */
  ratio: number | null;
  ttftMs: TLatencyStats;
  tpotMs: TLatencyStats;
  method: string | null;
  provenance: string;
  warnings: string[];
};

export type TInfrastructureDetail = {
  /** The GPU the layout search chose (the stage's GPU unless it searched every GPU). */
  gpu: TResolvedGpu;
  pricing: TResolvedPricing;
  /** Sizing inputs as run for the chosen layout (traffic from the economics volume, 0 when not entered). */
  inputs: TSizingInputsRaw;
  /** False when the economics volume was not entered: traffic-dependent figures are then null. */
  isVolumeKnown: boolean;
  sizing: TSizingResult;
  search: TLayoutSearchDetail | null;
  measurements: TMeasurementRow[];
};

export type TAdaptationDetail = {
  method: TAdaptationStageMethod;
  servedPrecision: TWeightPrecision;
  plan: TAdaptationResult | null;
  quantization: TQuantizationEffect | null;
};

export type TSafetyDetail = {
  inputs: TSafetyInputs;
  result: TSafetyResult;
  /** Guard serving + red team + other: what the owned cost counts from this stage. */
  countedUsdPerMonth: number;
  /** Safety staff and monitoring tooling entered here; not counted (lifecycle holds people and tooling). */
  notCountedUsdPerMonth: number;
};

export type TLifecycleDetail = { inputs: TLifecycleInputs; result: TLifecycleResult };

export type TEconomicsDetail = {
  /** Exactly what computeEconomics ran with. */
  inputs: TEconomicsInputs;
  result: Omit<TEconomicsResult, "series">;
  pricingMode: TPricingMode;
  /** Σ over the horizon of API − owned before one-time costs. */
  horizonSavingBeforeOneTimeUsd: number;
  /** Cloud modes: the hourly GPU price at which a full replica costs what the API charges for its tokens. */
  maxUsdPerGpuHourForCrossover: number | null;
};

export type TReportStages = {
  licence: TReportStage<"licence", TLicenceDetail>;
  capability: TReportStage<"capability", TCapabilityDetail>;
  infrastructure: TReportStage<"infrastructure", TInfrastructureDetail>;
  adaptation: TReportStage<"adaptation", TAdaptationDetail>;
  safety: TReportStage<"safety", TSafetyDetail>;
  lifecycle: TReportStage<"lifecycle", TLifecycleDetail>;
  economics: TReportStage<"economics", TEconomicsDetail>;
};

export type TReportMeta = {
  assessmentId: string;
  title: string;
  description: string;
  status: string;
  version: number;
  updatedAt: string;
  inputsSchemaVersion: number;
  candidate: {
    id: string;
    name: string;
    isKnown: boolean;
    isCustom: boolean;
    totalParams: number | null;
    activeParams: number | null;
    licenceId: string | null;
  };
  incumbent: {
    id: string;
    name: string;
    vendor: string | null;
    isKnown: boolean;
    inputUsdPerMTok: number | null;
    outputUsdPerMTok: number | null;
    asOf: string | null;
    /** The organisation's own price replaced the catalog's. */
    isPriceOverride: boolean;
    /** Where the API price comes from: "catalog list price (date)", "your price", or the organisation price book with who set it. */
    priceSource: string;
  };
  stageStatuses: Record<TStageKey, TStageStatus>;
  completedStages: number;
  monteCarlo: { samples: number; seed: number };
  /** The catalog's date (its newest row) and the day source ages were counted to. */
  catalog: { date: string; agesCountedOn: string; staleSourceCount: number };
  /** The organisation price book the report used (kept in a snapshot's figures so it keeps the values it used). */
  priceBook: TPriceBook | null;
};

export type TKeyCrossover =
  | { kind: "volume"; tokensPerMonth: number; replicas: number; multipleOfPlan: number | null }
  | { kind: "never"; reason: Extract<TCrossover, { kind: "never" }>["reason"] }
  | { kind: "unknown" };

/** The headline numbers. null = not known (stage not started or not computable), never 0 for unknown. */
export type TKeyFigures = {
  plannedTokensPerMonth: number | null;
  monthlyApiCostUsd: number | null;
  monthlyOwnedCostUsd: number | null;
  monthlySavingUsd: number | null;
  apiUsdPerMillionTokens: number | null;
  ownedUsdPerMillionTokens: number | null;
  crossover: TKeyCrossover;
  breakEvenMonth: number | null;
  horizonMonths: number | null;
  bestHybridShare: number | null;
  probabilityOwnedCheaper: number | null;
  capability: {
    verdict: TCapabilityVerdict | "not-assessed";
    weightedGapPp: number | null;
    lowerPp: number | null;
    upperPp: number | null;
    tolerancePp: number | null;
  };
  licenceBlockers: number | null;
  licenceNeedsCounsel: number | null;
  safetyReadinessPct: number | null;
  /** Staffed FTE on the lifecycle roster. */
  lifecycleFte: number | null;
  /** Staffed FTE plus refresh and patching work as FTE. */
  lifecycleFteEquivalent: number | null;
  /** The same numbers with labels, units and formulas, in display order. */
  figures: TFigure[];
};

export type TTornadoKey = TEconomicsScalarKey;

export type TReportTornadoBar = {
  key: TTornadoKey;
  label: string;
  /** Input values at the low and high end. */
  low: number;
  high: number;
  lowMultiplier: number | null;
  highMultiplier: number | null;
  outputAtLow: number | null;
  outputAtHigh: number | null;
  swing: number | null;
  isUnbounded: boolean;
};

export type TMonteCarloInputRange = { key: TTornadoKey; label: string; shape: TUncertaintyShape; low: number; high: number; base: number };

export type TReportCharts = {
  costVsVolume: null | {
    points: TVolumePoint[];
    plannedTokensPerMonth: number;
    /** Where owned first costs no more than the API; null when it never does. */
    crossover: { tokensPerMonth: number; usdPerMonth: number } | null;
  };
  cumulative: null | {
    points: TCumulativePoint[];
    horizonMonths: number;
    breakEven: { month: number; cumulativeApiUsd: number; cumulativeOwnedUsd: number } | null;
  };
  ownedBreakdown: null | {
    points: TBreakdownPoint[];
    series: { key: keyof TOwnedBreakdown | "oneTimeUsd"; label: string }[];
  };
  /** One input at a time at its low and high end; output = net saving over the horizon (API − owned − one-time). */
  tornado: null | { output: "horizonNetSavingUsd"; outputLabel: string; unit: "USD"; baseOutput: number | null; bars: TReportTornadoBar[] };
  monteCarlo: null | {
    samples: number;
    seed: number;
    probabilityOwnedCheaper: number;
    monthlySavingUsd: { mean: number; p10: number; p50: number; p90: number; histogram: THistogramBin[] };
    crossoverTokensPerMonth: { neverShare: number; p10: number | "never"; p50: number | "never"; p90: number | "never"; histogram: THistogramBin[] };
    breakEvenMonth: { withinHorizonShare: number; p10: number | null; p50: number | null; p90: number | null };
    /** Where the base case sits among the scenarios (share of samples saving less), with a sentence. */
    baseCase: { monthlySavingUsd: number; percentile: number; note: string };
    inputs: TMonteCarloInputRange[];
    figures: TFigure[];
  };
};

export type TReportSource = {
  /** null for the organisation's own numbers entered without a link. */
  url: string | null;
  asOf: string;
  verification: TVerification;
  /** How old the source's date was on the report's day; null for the organisation's own figures. */
  age: TCatalogAge | null;
  /** What it backs: "Licence terms: Llama 3.3 Community License", "GPU price: ..." */
  backs: string[];
  note?: string;
};

/** Every option costed side by side, with the constraints it was checked against. */
export type TOptionsSection = {
  isCosted: boolean;
  /** Why nothing was costed; null when it was. */
  reason: string | null;
  options: TDecisionOption[];
  recommendedOptionId: string | null;
  constraints: { allowedRegions: TRegion[]; processing: TProcessingPolicy; isAsynchronous: boolean; cacheableInputShare: number };
  horizonMonths: number | null;
  discountRatePercent: number;
  notes: string[];
};

export type TReport = {
  meta: TReportMeta;
  stages: TReportStages;
  keyFigures: TKeyFigures;
  charts: TReportCharts;
  recommendation: TRecommendation;
  options: TOptionsSection;
  finance: TFinanceSection | null;
  leverage: TLeverage;
  /** Every stage's assumptions, in stage order. */
  assumptions: TAssumption[];
  /** Problems that are not one stage's (an unknown candidate or incumbent id). */
  warnings: string[];
  sources: TReportSource[];
};
