// Stored per-stage inputs of an assessment: what the database keeps (JSON) and the six-stage wizard
// edits. Versioned so the shape can evolve: a row written at an older schemaVersion is upgraded on
// read by `upgradeInputs`.
//
// Drafts autosave while the user types, so every field is optional and NO defaults are written
// here: a value in storage is one the user entered. buildReport fills the gaps and lists each one
// as an assumption. Values that are present must be valid (same bounds as the engine's schemas,
// which are reused field by field), and unknown keys are refused rather than silently dropped.
//
// The candidate model and the incumbent API are columns on the assessment (catalog ids). A model
// that is not in the catalog is described in `customModel`; it is used when its id equals the
// assessment's candidateModelId. Catalog ids inside inputs (GPU, prices, licence override) are only
// checked for shape here, not looked up: a catalog update must never make a stored row unreadable.
// The report warns about ids it cannot resolve.
import { z } from "zod";
import { ZAdaptationInputs } from "../adaptation";
import { ZCapabilityWorkload } from "../capability";
import { MAX_CUSTOM_MODEL_NAME, ZCustomGpu, ZCustomModel } from "../catalog";
import { ZIntendedUse, ZRegion } from "../catalog";
import { SAFETY_CONTROL_IDS } from "../catalog";
import { ZEconomicsInputs, ZUncertainEconomicsKey } from "../economics";
import { DomainInputError, fieldErrorsFromZod, parseWith, STAGE_KEYS, TEXT_MAX, zText, isHttpUrl, type TParseResult, type TStageKey, type TStageStatus } from "../shared";
import { ZOrgFacts } from "../licence";
import { ZLifecycleInputs, ZPatching, ZRefreshProgramme, ZStaffRole } from "../lifecycle";
import { ZQuantizationInputs } from "../adaptation";
import { ZControlStatus, ZGuardServing, ZSafetyCosts, ZSupplyChainInputs } from "../safety";
import { ZOwnedHardwareCost, ZServingMeasurement, ZSizingInputs } from "../sizing";
import { ZWeightPrecision } from "../sizing";

/**
 * v2: economics gained `constraints`, `workload`, `options` and `finance`; licence gained
 * `opennessNeeds`; the Monte Carlo splits staffing (`peopleUsdPerMonth`) out of the fixed costs.
 * v3 (serving model v2): the served weight precision moved from adaptation.quantization.servedPrecision
 * to infrastructure.sizing.weightPrecision (a pin for the layout search); the quality change stays in
 * adaptation as quantization.precision + qualityDelta. See UPGRADERS.
 * v4: the safety stage gained `supplyChain` (pinned revision, weight hashes, safetensors only,
 * signature, engine, guard model, evidence links), all optional.
 */
export const CURRENT_INPUTS_SCHEMA_VERSION = 4;

/** Catalog ids are kebab-case; the value is resolved (and may be unknown) at report time. */
const catalogId = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "a catalog id (lower-case, digits, . _ -)");
const unique = <T>(xs: T[]) => new Set(xs).size === xs.length;

// ---------------------------------------------------------------------------------------------
// 1. Licence diligence

const F = ZOrgFacts.shape;

/** ZOrgFacts with every field optional; regions may be empty while the user is still choosing. */
export const ZOrgFactsDraft = z.strictObject({
  monthlyActiveUsers: F.monthlyActiveUsers.optional(),
  annualRevenueUsd: F.annualRevenueUsd.optional(),
  sector: F.sector.optional(),
  intendedUses: F.intendedUses.optional(),
  regions: z.array(ZRegion).max(ZRegion.options.length).refine(unique, "list each region once").optional(),
  principalPlaceOfBusiness: F.principalPlaceOfBusiness,
  isCommercialUse: F.isCommercialUse.unwrap().optional(),
  willFineTune: F.willFineTune.unwrap().optional(),
  willDistil: F.willDistil.unwrap().optional(),
  willRedistributeWeights: F.willRedistributeWeights.unwrap().optional(),
  willShipInProduct: F.willShipInProduct.unwrap().optional(),
  willHostForThirdParties: F.willHostForThirdParties.unwrap().optional(),
  willUseOutputsToTrainOtherModels: F.willUseOutputsToTrainOtherModels.unwrap().optional(),
  isMultimodal: F.isMultimodal,
});
export type TOrgFactsDraft = z.infer<typeof ZOrgFactsDraft>;

/** What the organisation needs to be able to do with the model beyond running it (Model Openness Framework). */
export const ZOpennessNeed = z.enum(["reproducibility", "audit-training-data", "retrain-from-scratch", "modify-and-redistribute"]);
export type TOpennessNeed = z.infer<typeof ZOpennessNeed>;

export const ZLicenceStageInputs = z.strictObject({
  /** Assess this catalog licence instead of the one the model's catalog entry names. */
  licenceIdOverride: catalogId.optional(),
  orgFacts: ZOrgFactsDraft.optional(),
  /** Needs that open weights alone may not meet; the licence stage says what the model's release lacks. */
  opennessNeeds: z.array(ZOpennessNeed).max(ZOpennessNeed.options.length).refine(unique, "list each need once").optional(),
});
export type TLicenceStageInputs = z.infer<typeof ZLicenceStageInputs>;

// ---------------------------------------------------------------------------------------------
// 2. Capability validation: assessCapability's inputs, with the workload list allowed to be empty.

export const ZCapabilityStageInputs = z
  .strictObject({
    /** Display names; default to the candidate model's and incumbent API's names. */
    candidateName: zText({ max: TEXT_MAX.name }).optional(),
    incumbentName: zText({ max: TEXT_MAX.name }).optional(),
    // 200 workloads: a full internal eval programme; the form lists each one.
    workloads: z.array(ZCapabilityWorkload).max(200).optional(),
    /** Largest acceptable shortfall in score units 0..1 (0.03 = 3 points). */
    toleranceScore: z.number().min(0, "toleranceScore must be ≥ 0").max(0.5, "toleranceScore must be ≤ 0.5 (use 0..1, 0.03 = 3 points)").optional(),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    (c.workloads ?? []).forEach((w, i) => {
      if (seen.has(w.id)) ctx.addIssue({ code: "custom", path: ["workloads", i, "id"], message: `duplicate workload id "${w.id}"` });
      seen.add(w.id);
    });
  });
export type TCapabilityStageInputs = z.infer<typeof ZCapabilityStageInputs>;

// ---------------------------------------------------------------------------------------------
// 3. Infrastructure. Traffic is not entered here: sizing reads the monthly token volume from the
// economics stage so the two can never disagree. Every layout dimension (GPU, weight and KV
// precision, tensor-parallel degree, pipeline stages) is searched unless pinned here; the quality
// change a precision costs is entered in adaptation.quantization.

const S = ZSizingInputs.shape;
const O = ZOwnedHardwareCost.shape;

export const ZPricingMode = z.enum(["cloudOnDemand", "cloudReserved", "owned"]);
export type TPricingMode = z.infer<typeof ZPricingMode>;

/** "this-gpu": search degrees and precisions on the chosen GPU; "all-gpus": every GPU with a usable price. */
export const ZLayoutSearchScope = z.enum(["this-gpu", "all-gpus"]);
export type TLayoutSearchScope = z.infer<typeof ZLayoutSearchScope>;

export const ZSizingDraft = z.strictObject({
  layoutSearch: ZLayoutSearchScope.optional(),
  /** Pins the served weight precision; absent: the search picks it within the quality limit. */
  weightPrecision: ZWeightPrecision.optional(),
  kvCachePrecision: S.kvCachePrecision,
  promptTokensPerRequest: S.promptTokensPerRequest.optional(),
  outputTokensPerRequest: S.outputTokensPerRequest.optional(),
  peak: S.peak.unwrap().optional(),
  minReplicas: S.minReplicas.unwrap().optional(),
  gpusPerNode: S.gpusPerNode.unwrap().optional(),
  tensorParallelOverride: S.tensorParallelOverride,
  pipelineStagesOverride: S.pipelineStagesOverride,
  maxPipelineStages: S.maxPipelineStages.unwrap().optional(),
  memoryBandwidthUtilization: S.memoryBandwidthUtilization.unwrap().optional(),
  inferenceMfu: S.inferenceMfu.unwrap().optional(),
  gpuMemoryUtilization: S.gpuMemoryUtilization.unwrap().optional(),
  overheadGbPerGpu: S.overheadGbPerGpu.unwrap().optional(),
  overheadFractionOfWeights: S.overheadFractionOfWeights.unwrap().optional(),
  minOutputTokensPerSecondPerSequence: S.minOutputTokensPerSecondPerSequence.unwrap().optional(),
  ttftSeconds: S.ttftSeconds,
  ttftQuantile: S.ttftQuantile.unwrap().optional(),
  maxBatchSequences: S.maxBatchSequences,
  stepOverheadMs: S.stepOverheadMs.unwrap().optional(),
  allReduceLatencyUs: S.allReduceLatencyUs.unwrap().optional(),
  allReduceBandwidthEfficiency: S.allReduceBandwidthEfficiency.unwrap().optional(),
  rooflineOverlapExponent: S.rooflineOverlapExponent.unwrap().optional(),
  hasSpareReplica: S.hasSpareReplica.unwrap().optional(),
  promptCacheHitShare: S.promptCacheHitShare.unwrap().optional(),
  regions: S.regions.unwrap().optional(),
  /** Largest quality loss, in points, a cheaper weight precision may cost (the search's quality constraint). */
  maxQualityLossPoints: z.number().min(0).max(100).optional(),
});
export type TSizingDraft = z.infer<typeof ZSizingDraft>;

export const ZOwnedHardwareDraft = z.strictObject({
  /** Overrides the catalog purchase price. */
  purchaseUsdPerGpu: O.purchaseUsdPerGpu.optional(),
  serverOverheadPercent: O.serverOverheadPercent.unwrap().optional(),
  annualInterestRatePercent: O.annualInterestRatePercent.unwrap().optional(),
  amortisationYears: O.amortisationYears.unwrap().optional(),
  powerWattsPerGpu: O.powerWattsPerGpu,
  powerUsageEffectiveness: O.powerUsageEffectiveness.unwrap().optional(),
  usdPerKwh: O.usdPerKwh.unwrap().optional(),
  hostingUsdPerGpuMonth: O.hostingUsdPerGpuMonth.unwrap().optional(),
});

export const ZPricingDraft = z.strictObject({
  mode: ZPricingMode.optional(),
  /** GPU_CLOUD_PRICES id, for the cloud modes. */
  cloudPriceId: catalogId.optional(),
  /** The organisation's own quote; overrides the catalog cloud price. */
  // $1,000 per GPU-hour: ~100× on-demand H100/B200 prices.
  usdPerGpuHour: z.number().positive().max(1000).optional(),
  /** Committed-use discount off the on-demand hourly price (cloudReserved). */
  reservedDiscountPercent: z.number().min(0).max(100).optional(),
  /** GPU_PURCHASE_PRICES id, for owned hardware. */
  purchasePriceId: catalogId.optional(),
  owned: ZOwnedHardwareDraft.optional(),
});
export type TPricingDraft = z.infer<typeof ZPricingDraft>;

export const ZInfrastructureStageInputs = z.strictObject({
  /** Catalog GPU id (GPUS). */
  gpuId: catalogId.optional(),
  /** A GPU not in the catalog; when given it is used instead of gpuId. */
  customGpu: ZCustomGpu.optional(),
  sizing: ZSizingDraft.optional(),
  pricing: ZPricingDraft.optional(),
  /** Imported benchmark runs; one for the chosen layout replaces its estimate. */
  measurements: z.array(ZServingMeasurement).max(20).optional(),
});
export type TInfrastructureStageInputs = z.infer<typeof ZInfrastructureStageInputs>;

// ---------------------------------------------------------------------------------------------
// 4. Adaptation: fine-tuning (on the serving GPU type) and the served precision.

const A = ZAdaptationInputs.shape;

export const ZAdaptationStageMethod = z.enum(["none", "lora", "qlora", "full"]);
export type TAdaptationStageMethod = z.infer<typeof ZAdaptationStageMethod>;

export const ZQuantizationDraft = z.strictObject({
  /** The precision the quality change below was measured (or assumed) at. */
  precision: ZWeightPrecision.optional(),
  /** Quality change versus the released weights, in points, marked measured or assumed. */
  qualityDelta: ZQuantizationInputs.shape.qualityDelta,
});

export const ZAdaptationStageInputs = z.strictObject({
  method: ZAdaptationStageMethod.optional(),
  datasetTokens: A.datasetTokens.optional(),
  epochs: A.epochs.unwrap().optional(),
  sequenceLengthTokens: A.sequenceLengthTokens.unwrap().optional(),
  microBatchSequencesPerGpu: A.microBatchSequencesPerGpu.unwrap().optional(),
  gradientCheckpointing: A.gradientCheckpointing.unwrap().optional(),
  loraRank: A.loraRank.unwrap().optional(),
  loraTargets: A.loraTargets.unwrap().optional(),
  trainingMfu: A.trainingMfu.unwrap().optional(),
  gpuCount: A.gpuCount,
  /** Training GPU-hour price; defaults to the serving GPU's cloud on-demand price. */
  usdPerGpuHour: A.usdPerGpuHour.optional(),
  dataPrepUsd: A.dataPrepUsd.unwrap().optional(),
  labellingUsd: A.labellingUsd.unwrap().optional(),
  engineeringPersonDays: A.engineeringPersonDays.unwrap().optional(),
  usdPerPersonDay: A.usdPerPersonDay.unwrap().optional(),
  quantization: ZQuantizationDraft.optional(),
});
export type TAdaptationStageInputs = z.infer<typeof ZAdaptationStageInputs>;

// ---------------------------------------------------------------------------------------------
// 5. Safety hardening

const SC = ZSafetyCosts.shape;

export const ZSafetyCostsDraft = z.strictObject({
  guardServing: ZGuardServing.optional(),
  redTeamExercisesPerYear: SC.redTeamExercisesPerYear.unwrap().optional(),
  usdPerRedTeamExercise: SC.usdPerRedTeamExercise.unwrap().optional(),
  /** Shown in the safety stage; counted once, in lifecycle (see report-economics.ts). */
  monitoringToolingUsdPerMonth: SC.monitoringToolingUsdPerMonth.unwrap().optional(),
  /** Shown in the safety stage; counted once, in lifecycle's roster (see report-economics.ts). */
  safetyStaffFte: SC.safetyStaffFte.unwrap().optional(),
  safetyStaffLoadedUsdPerYear: SC.safetyStaffLoadedUsdPerYear.unwrap().optional(),
  otherUsdPerMonth: SC.otherUsdPerMonth.unwrap().optional(),
});

export const ZSafetyStageInputs = z.strictObject({
  /** Control id → status; controls left out count as "missing" (and keep the stage in progress). */
  controls: z
    .record(z.string(), ZControlStatus)
    .superRefine((map, ctx) => {
      for (const id of Object.keys(map)) {
        if (!SAFETY_CONTROL_IDS.includes(id)) ctx.addIssue({ code: "custom", path: [id], message: `unknown safety control "${id}"` });
      }
    })
    .optional(),
  costs: ZSafetyCostsDraft.optional(),
  /** Where the weights come from and how they were checked; feeds the AI bill of materials. */
  supplyChain: ZSupplyChainInputs.optional(),
});
export type TSafetyStageInputs = z.infer<typeof ZSafetyStageInputs>;

// ---------------------------------------------------------------------------------------------
// 6. Lifecycle operations

const R = ZRefreshProgramme.shape;
const P = ZPatching.shape;

export const ZLifecycleStageInputs = z.strictObject({
  /** The team that runs the deployment; every person the owned side pays for is counted here. */
  // 50 roles: each row is a kind of role (with its FTE), not a person.
  staffing: z.array(ZStaffRole).max(50).optional(),
  refresh: z
    .strictObject({
      refreshesPerYear: R.refreshesPerYear.optional(),
      evalGpuHoursPerRefresh: R.evalGpuHoursPerRefresh.optional(),
      usdPerGpuHour: R.usdPerGpuHour.optional(),
      evalPersonDaysPerRefresh: R.evalPersonDaysPerRefresh.optional(),
      usdPerPersonDay: R.usdPerPersonDay.optional(),
      retuneUsdPerRefresh: R.retuneUsdPerRefresh.unwrap().optional(),
      regressionSuiteUsdPerRefresh: R.regressionSuiteUsdPerRefresh.unwrap().optional(),
    })
    .optional(),
  patching: z.strictObject({ hoursPerMonth: P.hoursPerMonth.optional(), usdPerHour: P.usdPerHour.optional() }).optional(),
  monitoringToolingUsdPerMonth: ZLifecycleInputs.shape.monitoringToolingUsdPerMonth.unwrap().optional(),
});
export type TLifecycleStageInputs = z.infer<typeof ZLifecycleStageInputs>;

// ---------------------------------------------------------------------------------------------
// 7. Economics

const E = ZEconomicsInputs.shape;
// The same ceilings as the engine (economics.ts explains them); the API price override is lower
// than the engine's: $10,000 per million tokens is ~100× the dearest list price, and a typo there
// (a price per token typed per million) should be caught. Stored rows were all within these.
const tokensPerMonth = z.number().nonnegative().max(1e17);
const usdPerMTok = z.number().nonnegative().max(10_000);
const usd = z.number().nonnegative().max(1e12);

/**
 * Economics inputs the Monte Carlo and the tornado vary, as multiples of their base value: the
 * economics' own list less the two that are percentages or shares rather than amounts.
 */
export const ZUncertainMultiplierKey = ZUncertainEconomicsKey.exclude(["monthlyVolumeGrowthPercent", "hybridShareOpen"]);
export type TUncertainMultiplierKey = z.infer<typeof ZUncertainMultiplierKey>;

export const ZUncertaintyShape = z.enum(["uniform", "triangular", "lognormal"]);
export type TUncertaintyShape = z.infer<typeof ZUncertaintyShape>;

/**
 * A range as multiples of the base value: 0.8..1.3 means "20% below to 30% above". Triangular
 * peaks at the base; lognormal reads the range as its P10..P90 (so it needs lowMultiplier > 0).
 */
export const ZUncertaintyRange = z
  .strictObject({
    key: ZUncertainMultiplierKey,
    lowMultiplier: z.number().min(0).max(1),
    highMultiplier: z.number().min(1).max(1000),
    shape: ZUncertaintyShape.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.shape === "lognormal" && r.lowMultiplier <= 0) {
      ctx.addIssue({ code: "custom", path: ["lowMultiplier"], message: "a lognormal range needs lowMultiplier > 0 (it is the P10)" });
    }
  });
export type TUncertaintyRange = z.infer<typeof ZUncertaintyRange>;

/**
 * Where prompts and outputs may be processed. third-party-allowed: any API or provider.
 * own-infrastructure: only a deployment you run (rented cloud GPUs in your tenancy or your own
 * hardware); no model provider sees the data. on-premises: only hardware you own on your premises.
 * air-gapped: on-premises with no outside network (no API at all, not even for part of the traffic).
 */
export const ZProcessingPolicy = z.enum(["third-party-allowed", "own-infrastructure", "on-premises", "air-gapped"]);
export type TProcessingPolicy = z.infer<typeof ZProcessingPolicy>;

/**
 * Hard constraints: an option that breaks one is excluded, with the reason shown. A field left
 * empty means "no constraint" (stated as an assumption); an organisation default can fill it later.
 */
export const ZConstraintsDraft = z.strictObject({
  /** Regions where prompts and outputs may be processed; empty = anywhere. */
  allowedRegions: z.array(ZRegion).max(ZRegion.options.length).refine(unique, "list each region once").optional(),
  processing: ZProcessingPolicy.optional(),
});
export type TConstraintsDraft = z.infer<typeof ZConstraintsDraft>;

export const ZWorkloadTraitsDraft = z.strictObject({
  /** Results may wait up to 24 hours: batch pricing applies and no interactive latency target. */
  isAsynchronous: z.boolean().optional(),
  /** Share of input tokens that repeat a cached prefix (system prompt, shared context), 0..1. */
  cacheableInputShare: z.number().min(0).max(1).optional(),
});
export type TWorkloadTraitsDraft = z.infer<typeof ZWorkloadTraitsDraft>;

export const ZOptionsDraft = z.strictObject({
  /** Other API offerings your team has validated as meeting the capability bar (catalog ids). */
  validatedApiIds: z.array(catalogId).max(50).refine(unique, "list each offering once").optional(),
  /** Gateway that routes traffic in a hybrid, per month. */
  routerUsdPerMonth: usd.optional(),
  /** Weeks to get serving capacity (hardware delivery, reservation, set-up) if you had to switch. */
  infrastructureLeadTimeWeeks: z.number().min(0).max(104).optional(),
});
export type TOptionsDraft = z.infer<typeof ZOptionsDraft>;

export const ZFinanceDraft = z.strictObject({
  /** Annual rate the organisation discounts future cash at (its cost of capital). */
  discountRatePercent: z.number().min(0).max(50).optional(),
  /** Yearly change of rented GPU prices and of hardware bought later (−10 = 10% cheaper each year). */
  gpuPriceTrendPercentPerYear: z.number().min(-90).max(100).optional(),
  /** Yearly change of API prices per token for the same model. */
  apiPriceTrendPercentPerYear: z.number().min(-90).max(100).optional(),
});
export type TFinanceDraft = z.infer<typeof ZFinanceDraft>;

export const ZEconomicsStageInputs = z.strictObject({
  inputTokensPerMonth: tokensPerMonth.optional(),
  outputTokensPerMonth: tokensPerMonth.optional(),
  /** The organisation's negotiated or current price; overrides the catalog price of the incumbent API. */
  apiPriceOverride: z
    .strictObject({
      inputUsdPerMTok: usdPerMTok,
      outputUsdPerMTok: usdPerMTok,
      asOf: zText({ min: 4, max: 40 }).optional(),
      note: zText({ max: 500, multiline: true }).optional(),
    })
    .optional(),
  horizonMonths: E.horizonMonths.unwrap().optional(),
  monthlyVolumeGrowthPercent: E.monthlyVolumeGrowthPercent.unwrap().optional(),
  /** Share of tokens the open model would take in the hybrid plan, 0..1. */
  hybridShareOpen: E.hybridShareOpen.unwrap().optional(),
  oneTime: z.strictObject({ setupUsd: usd.optional(), otherUsd: usd.optional() }).optional(),
  otherFixedUsdPerMonth: usd.optional(),
  marginalUsdPerMillionTokens: z.number().nonnegative().max(100_000).optional(),
  uncertainty: z
    .strictObject({
      ranges: z
        .array(ZUncertaintyRange)
        .max(ZUncertainMultiplierKey.options.length)
        .refine((list) => unique(list.map((r) => r.key)), "list each input once")
        .optional(),
      /** Monthly volume growth, absolute percent per month (may be negative). */
      growthPercentRange: z
        .strictObject({ low: z.number().min(-50).max(100), high: z.number().min(-50).max(100) })
        .refine((r) => r.low <= r.high, "low must not exceed high")
        .optional(),
    })
    .optional(),
  constraints: ZConstraintsDraft.optional(),
  workload: ZWorkloadTraitsDraft.optional(),
  options: ZOptionsDraft.optional(),
  finance: ZFinanceDraft.optional(),
});
export type TEconomicsStageInputs = z.infer<typeof ZEconomicsStageInputs>;

// ---------------------------------------------------------------------------------------------
// The stored document

export const ZAssessmentInputs = z.strictObject({
  schemaVersion: z.literal(CURRENT_INPUTS_SCHEMA_VERSION).default(CURRENT_INPUTS_SCHEMA_VERSION),
  /** The candidate when it is not in the catalog; used when its id equals the assessment's candidateModelId. */
  customModel: ZCustomModel.optional(),
  licence: ZLicenceStageInputs.optional(),
  capability: ZCapabilityStageInputs.optional(),
  infrastructure: ZInfrastructureStageInputs.optional(),
  adaptation: ZAdaptationStageInputs.optional(),
  safety: ZSafetyStageInputs.optional(),
  lifecycle: ZLifecycleStageInputs.optional(),
  economics: ZEconomicsStageInputs.optional(),
});
export type TAssessmentInputs = z.infer<typeof ZAssessmentInputs>;
export type TAssessmentInputsRaw = z.input<typeof ZAssessmentInputs>;

export const STAGE_SCHEMAS = {
  licence: ZLicenceStageInputs,
  capability: ZCapabilityStageInputs,
  infrastructure: ZInfrastructureStageInputs,
  adaptation: ZAdaptationStageInputs,
  safety: ZSafetyStageInputs,
  lifecycle: ZLifecycleStageInputs,
  economics: ZEconomicsStageInputs,
} as const;

// ---------------------------------------------------------------------------------------------
// Stage status

/** True when a value holds anything the user entered: empty strings, arrays and objects do not count. */
export function hasEnteredValue(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim().length > 0;
  if (Array.isArray(value)) return value.some(hasEnteredValue);
  if (typeof value === "object") return Object.values(value).some(hasEnteredValue);
  return true;
}

const isSet = (x: unknown) => x !== undefined && x !== null;

/** What each stage needs before it counts as complete; everything else has a stated default. */
const STAGE_COMPLETE: { [K in TStageKey]: (stage: NonNullable<TAssessmentInputs[K]>, all: TAssessmentInputs) => boolean } = {
  licence: (s) => {
    const f = s.orgFacts;
    return !!f && isSet(f.monthlyActiveUsers) && isSet(f.annualRevenueUsd) && isSet(f.sector) && (f.intendedUses?.length ?? 0) > 0 && (f.regions?.length ?? 0) > 0;
  },
  capability: (s) => (s.workloads ?? []).some((w) => w.candidate && w.incumbent),
  infrastructure: (s) => {
    const p = s.pricing;
    if (!(isSet(s.gpuId) || isSet(s.customGpu)) || !isSet(s.sizing?.promptTokensPerRequest) || !isSet(s.sizing?.outputTokensPerRequest) || !p?.mode) return false;
    if (p.mode === "owned") return isSet(p.purchasePriceId) || isSet(p.owned?.purchaseUsdPerGpu);
    return isSet(p.cloudPriceId) || isSet(p.usdPerGpuHour);
  },
  adaptation: (s) => {
    if (!s.method) return false;
    if (s.method !== "none" && !isSet(s.datasetTokens)) return false;
    const precision = s.quantization?.precision;
    // A precision below 16 bits named here needs its quality change, measured or assumed.
    const isQuantized = precision !== undefined && precision !== "bf16" && precision !== "fp16" && precision !== "fp32";
    return !isQuantized || isSet(s.quantization?.qualityDelta);
  },
  safety: (s) => !!s.controls && SAFETY_CONTROL_IDS.every((id) => isSet(s.controls?.[id])) && hasEnteredValue(s.costs),
  lifecycle: (s) => {
    const r = s.refresh;
    const p = s.patching;
    const refreshComplete =
      !!r && isSet(r.refreshesPerYear) && isSet(r.evalGpuHoursPerRefresh) && isSet(r.usdPerGpuHour) && isSet(r.evalPersonDaysPerRefresh) && isSet(r.usdPerPersonDay);
    return isSet(s.staffing) && refreshComplete && !!p && isSet(p.hoursPerMonth) && isSet(p.usdPerHour);
  },
  economics: (s) => isSet(s.inputTokensPerMonth) && isSet(s.outputTokensPerMonth),
};

/**
 * not-started: nothing entered. complete: the inputs the stage needs are present (see STAGE_COMPLETE;
 * the rest have stated defaults, listed as assumptions in the report). in-progress: anything between.
 */
export function stageStatus(inputs: TAssessmentInputs, stage: TStageKey): TStageStatus {
  const value = inputs[stage];
  if (!value || !hasEnteredValue(value)) return "not-started";
  const isComplete = (STAGE_COMPLETE[stage] as (s: unknown, all: TAssessmentInputs) => boolean)(value, inputs);
  return isComplete ? "complete" : "in-progress";
}

export function stageStatuses(inputs: TAssessmentInputs): Record<TStageKey, TStageStatus> {
  return Object.fromEntries(STAGE_KEYS.map((k) => [k, stageStatus(inputs, k)])) as Record<TStageKey, TStageStatus>;
}

// ---------------------------------------------------------------------------------------------
// Reading stored rows

export function parseAssessmentInputs(raw: unknown): TParseResult<TAssessmentInputs> {
  return parseWith(ZAssessmentInputs, raw);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Issue 17 tightened two v1 rules after rows were written: source URLs must be web links (a
 * "javascript:" URL from an imported file became a link in the memo), and a custom model's name
 * has the form's 80-character limit (imports stored 100,000). A stored v1 document that broke
 * them is repaired on read rather than made unreadable: a non-web "URL" moves into the provenance
 * note as plain text, and an over-long name is cut. It runs on the upgraded document (v2 kept both
 * places), and the shape is unchanged.
 */
function repairV1(doc: Record<string, unknown>): Record<string, unknown> {
  const repairProvenance = (holder: unknown): unknown => {
    if (!isObject(holder) || !isObject(holder.provenance) || !Array.isArray(holder.provenance.sourceUrls)) return holder;
    const urls = holder.provenance.sourceUrls as unknown[];
    const kept = urls.filter((u): u is string => typeof u === "string" && isHttpUrl(u));
    if (kept.length === urls.length) return holder;
    const dropped = urls.filter((u) => !kept.includes(u as string)).map((u) => String(u).replace(/[\u0000-\u001f\u007f]/g, " ").slice(0, 200));
    const note = [typeof holder.provenance.note === "string" ? holder.provenance.note : "", `Sources given (not web links): ${dropped.join("; ")}`].filter(Boolean).join(" ").slice(0, TEXT_MAX.note);
    return { ...holder, provenance: { ...holder.provenance, sourceUrls: kept, note } };
  };
  let out = doc;
  if (isObject(out.customModel)) {
    let model = repairProvenance(out.customModel) as Record<string, unknown>;
    if (typeof model.name === "string" && model.name.trim().length > MAX_CUSTOM_MODEL_NAME) model = { ...model, name: model.name.trim().slice(0, MAX_CUSTOM_MODEL_NAME).trim() };
    out = { ...out, customModel: model };
  }
  if (isObject(out.infrastructure) && isObject(out.infrastructure.customGpu)) {
    out = { ...out, infrastructure: { ...out.infrastructure, customGpu: repairProvenance(out.infrastructure.customGpu) } };
  }
  return out;
}


/**
 * v1 → v2: the fixed owned costs no longer include people (staffing is its own Monte Carlo input).
 * A v1 list of ranges that varied "fixedUsdPerMonth" meant people too, so the same range is given
 * to "peopleUsdPerMonth": the stored meaning is kept.
 */
function upgradeV1(doc: Record<string, unknown>): Record<string, unknown> {
  const economics = doc.economics;
  if (!isObject(economics) || !isObject(economics.uncertainty) || !Array.isArray(economics.uncertainty.ranges)) return doc;
  const ranges = economics.uncertainty.ranges as unknown[];
  const fixed = ranges.find((r) => isObject(r) && r.key === "fixedUsdPerMonth");
  if (!isObject(fixed) || ranges.some((r) => isObject(r) && r.key === "peopleUsdPerMonth")) return doc;
  return { ...doc, economics: { ...economics, uncertainty: { ...economics.uncertainty, ranges: [...ranges, { ...fixed, key: "peopleUsdPerMonth" }] } } };
}

/**
 * v2 → v3: the precision that was served (adaptation.quantization.servedPrecision) becomes a pin on
 * the infrastructure stage, so the row sizes exactly as it did; the adaptation stage keeps it as the
 * precision its quality change refers to.
 */
function upgradeV2(raw: Record<string, unknown>): Record<string, unknown> {
  const adaptation = isObject(raw.adaptation) ? raw.adaptation : undefined;
  const quantization = isObject(adaptation?.quantization) ? adaptation.quantization : undefined;
  if (!adaptation || !quantization || !("servedPrecision" in quantization)) return raw;
  const { servedPrecision, ...restQuantization } = quantization;
  const infrastructure = isObject(raw.infrastructure) ? raw.infrastructure : {};
  const sizing = isObject(infrastructure.sizing) ? infrastructure.sizing : {};
  return {
    ...raw,
    adaptation: { ...adaptation, quantization: servedPrecision === undefined ? restQuantization : { ...restQuantization, precision: servedPrecision } },
    infrastructure: servedPrecision === undefined ? infrastructure : { ...infrastructure, sizing: { ...sizing, weightPrecision: servedPrecision } },
  };
}

/**
 * v3 → v4: the supply-chain inputs are new and optional, and no v3 field meant the same thing, so
 * a v3 document is a valid v4 one as it is. The step exists so the version a row was written at
 * is still recorded and read in order.
 */
function upgradeV3(raw: Record<string, unknown>): Record<string, unknown> {
  return raw;
}

/** Upgraders from version n to n + 1, keyed by n. */
const UPGRADERS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = { 1: upgradeV1, 2: upgradeV2, 3: upgradeV3 };

/**
 * Reads a stored inputs document of any known version and returns the current shape. Throws a
 * DomainInputError naming the problem (wrong type, unknown or newer version, invalid field) rather
 * than guessing: the caller decides whether to show the error or start a fresh draft.
 * `repairLegacy: false` (imports) skips the repair of rules tightened after v1 rows were written.
 */
export function upgradeInputs(raw: unknown, options: { repairLegacy?: boolean } = {}): TAssessmentInputs {
  if (raw === undefined || raw === null) return ZAssessmentInputs.parse({});
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new DomainInputError("assessment inputs", [
      { path: "(root)", message: `(root): expected an object of stage inputs, got ${Array.isArray(raw) ? "an array" : typeof raw}` },
    ]);
  }
  let doc = raw as Record<string, unknown>;
  // A document without a version predates versioning of this field: v1.
  let version = doc.schemaVersion ?? 1;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new DomainInputError("assessment inputs", [
      { path: "schemaVersion", message: `schemaVersion: expected a whole number ≥ 1, got ${JSON.stringify(version)}` },
    ]);
  }
  if (version > CURRENT_INPUTS_SCHEMA_VERSION) {
    throw new DomainInputError("assessment inputs", [
      {
        path: "schemaVersion",
        message: `schemaVersion: written by a newer version of Freehold (v${version}); this build reads up to v${CURRENT_INPUTS_SCHEMA_VERSION}`,
      },
    ]);
  }
  while (version < CURRENT_INPUTS_SCHEMA_VERSION) {
    const upgrade = UPGRADERS[version];
    if (!upgrade) {
      throw new DomainInputError("assessment inputs", [{ path: "schemaVersion", message: `schemaVersion: no upgrade from v${version}` }]);
    }
    doc = { ...upgrade(doc), schemaVersion: version + 1 };
    version += 1;
  }
  // Stored rows are repaired (see repairV1); an imported file is checked as it is and refused.
  const parsed = ZAssessmentInputs.safeParse(options.repairLegacy === false ? doc : repairV1(doc));
  if (!parsed.success) throw new DomainInputError(`assessment inputs (v${CURRENT_INPUTS_SCHEMA_VERSION})`, fieldErrorsFromZod(parsed.error));
  return parsed.data;
}
