// What buildReport uses for an input the user has not entered. Engine defaults are read from the
// engine's own schemas (one source); the rest are Freehold planning defaults, each with the reason
// it was chosen. Every use is recorded as an assumption in the report.
import type { TPricingMode, TUncertaintyRange, TUncertainMultiplierKey } from "../assessment";
import { ZAdaptationInputs, type TAdaptationInputs } from "../adaptation";
import { ZEconomicsInputs } from "../economics";
import { WORKING_DAYS_PER_YEAR } from "../lifecycle";
import { ZOwnedHardwareCost, ZSizingInputs, type TOwnedHardwareCost, type TSizingInputs } from "../sizing";

/** Sizing's own defaults (the dummy shape and traffic are replaced before use). */
export const ENGINE_SIZING_DEFAULTS: TSizingInputs = ZSizingInputs.parse({
  promptTokensPerRequest: 1,
  outputTokensPerRequest: 1,
  traffic: { kind: "tokens", tokensPerMonth: 0 },
});
export const ENGINE_OWNED_DEFAULTS: TOwnedHardwareCost = ZOwnedHardwareCost.parse({ purchaseUsdPerGpu: 0 });
export const ENGINE_ADAPTATION_DEFAULTS: TAdaptationInputs = ZAdaptationInputs.parse({ method: "lora", datasetTokens: 1, usdPerGpuHour: 0 });
const ENGINE_ECONOMICS_DEFAULTS = ZEconomicsInputs.parse({
  inputTokensPerMonth: 0,
  outputTokensPerMonth: 0,
  api: { usdPerMillionInputTokens: 0, usdPerMillionOutputTokens: 0 },
  owned: { replicaUsdPerMonth: 0, replicaCapacityTokensPerMonth: 1 },
});

const LOADED_USD_PER_DAY = Math.round(200_000 / WORKING_DAYS_PER_YEAR);

export const REPORT_DEFAULTS = {
  gpuId: "h100-sxm-80gb",
  gpuBasis: "Freehold default: the most widely rented data-centre GPU for serving 7B-70B models",
  promptTokensPerRequest: 1000,
  outputTokensPerRequest: 300,
  requestShapeBasis: "Freehold default: a typical chat or summarisation request; replace with your logs' averages",
  pricingMode: "cloudOnDemand" as TPricingMode,
  pricingModeBasis: "Freehold default: rent GPUs on demand (no commitment)",
  /** Typical 1-year committed-use discount on GPU instances; an assumption, not a quote. */
  reservedDiscountPercent: 35,
  reservedDiscountBasis: "Freehold assumption: a typical 1-year GPU commitment discount (30-40%); use your provider's quote",
  adaptationMethod: "none" as const,
  /** 10M tokens ≈ 5,000 examples of 2,000 tokens: a modest supervised fine-tuning set. */
  datasetTokens: 10_000_000,
  servedPrecision: "bf16" as const,
  setupPersonDays: 20,
  usdPerPersonDay: LOADED_USD_PER_DAY,
  setupBasis: `Freehold assumption: 20 person-days to stand up serving, gateway and load tests at ${LOADED_USD_PER_DAY} USD/day (200,000 USD/year loaded ÷ ${WORKING_DAYS_PER_YEAR} days)`,
  fallbackTrainingUsdPerGpuHour: 2.5,
  horizonMonths: ENGINE_ECONOMICS_DEFAULTS.horizonMonths,
  monthlyVolumeGrowthPercent: ENGINE_ECONOMICS_DEFAULTS.monthlyVolumeGrowthPercent,
  hybridShareOpen: ENGINE_ECONOMICS_DEFAULTS.hybridShareOpen,
  orgFacts: {
    monthlyActiveUsers: 0,
    annualRevenueUsd: 0,
    sector: "general" as const,
    intendedUses: [] as never[],
    regions: ["US" as const],
  },
  toleranceScore: 0.03,
} as const;

/**
 * Default uncertainty: centred on the base case (the entered or catalog value), so the base case
 * is the median scenario unless an input's own source says its errors lean one way. Volumes are
 * lognormal P10..P90 of 0.7..1.4 (centred on a log scale: √(0.7 × 1.4) ≈ 1). Prices, GPU cost,
 * utilisation and staffing are ±20% triangular. One-time costs lean up: IT projects overrun their
 * estimate far more often than they come in under it (ONE_TIME_OVERRUN_SOURCE).
 */
export const DEFAULT_UNCERTAINTY_RANGES: readonly (TUncertaintyRange & { shape: NonNullable<TUncertaintyRange["shape"]> })[] = [
  { key: "inputTokensPerMonth", lowMultiplier: 0.7, highMultiplier: 1.4, shape: "lognormal" },
  { key: "outputTokensPerMonth", lowMultiplier: 0.7, highMultiplier: 1.4, shape: "lognormal" },
  { key: "replicaCapacityTokensPerMonth", lowMultiplier: 0.8, highMultiplier: 1.2, shape: "triangular" },
  { key: "replicaUsdPerMonth", lowMultiplier: 0.8, highMultiplier: 1.2, shape: "triangular" },
  { key: "peopleUsdPerMonth", lowMultiplier: 0.8, highMultiplier: 1.2, shape: "triangular" },
  { key: "fixedUsdPerMonth", lowMultiplier: 0.8, highMultiplier: 1.2, shape: "triangular" },
  { key: "apiUsdPerMillionInputTokens", lowMultiplier: 0.8, highMultiplier: 1.2, shape: "triangular" },
  { key: "apiUsdPerMillionOutputTokens", lowMultiplier: 0.8, highMultiplier: 1.2, shape: "triangular" },
  { key: "oneTimeUsd", lowMultiplier: 0.8, highMultiplier: 1.8, shape: "triangular" },
];

/** Why the one-time range leans up (the only default range that is not centred). */
export const ONE_TIME_OVERRUN_SOURCE = {
  sourceUrls: ["https://papers.ssrn.com/sol3/papers.cfm?abstract_id=2069975", "https://www.evolveagility.com/surviving-it-project-cost-overruns/"],
  asOf: "2011-08-15",
  verification: "secondary" as const,
  note: "Budzier & Flyvbjerg (2011): ICT projects deviate from their cost estimate by more than 10% in 8 of 10 cases; Flyvbjerg & Gardner (2023): 18% of IT projects overrun by more than 50%.",
};

/** Growth range around the entered growth, in percentage points per month. */
export const DEFAULT_GROWTH_SPREAD_POINTS = 2;

export const UNCERTAIN_KEY_LABELS: Record<TUncertainMultiplierKey | "monthlyVolumeGrowthPercent", string> = {
  inputTokensPerMonth: "Input tokens per month",
  outputTokensPerMonth: "Output tokens per month",
  apiUsdPerMillionInputTokens: "API input price",
  apiUsdPerMillionOutputTokens: "API output price",
  fixedUsdPerMonth: "Other fixed owned costs (safety stack, lifecycle programme, other)",
  peopleUsdPerMonth: "Staffing (lifecycle roster)",
  replicaUsdPerMonth: "GPU price (cost per replica)",
  replicaCapacityTokensPerMonth: "Utilisation (tokens one replica carries)",
  marginalUsdPerMillionTokens: "Marginal cost per token",
  oneTimeUsd: "One-time costs",
  monthlyVolumeGrowthPercent: "Monthly volume growth",
};
