// Report stage 3: infrastructure. Fills every sizing default (as an assumption), runs the layout
// search over the GPUs and precisions the team allows, applies any measured benchmark for the chosen
// layout, and sizes that layout with its formulas. Returns the GPU and pricing it chose: adaptation
// (training on the serving GPU type) and economics use those.
import type { TAssessmentInputs, TLayoutSearchScope, TSizingDraft } from "../assessment";
import { getGpu } from "../catalog";
import type { TFigure, TGpu, TModelArchitecture, TStageStatus } from "../shared";
import { fmt, formatCount, usdText } from "../shared";
import {
  compareMeasurement,
  EFFICIENCY_DEFAULTS,
  DEFAULT_MAX_QUALITY_LOSS_POINTS,
  MEASUREMENT_FORMAT_LABELS,
  measurementProvenance,
  parseSizingInputs,
  peakRequestsPerSecond,
  averageRequestsPerSecond,
  searchLayouts,
  servingAssumptions,
  servingTargets,
  servingWorkload,
  sizeDeployment,
  weightSchemeFor,
  layoutKey,
  WEIGHT_PRECISIONS,
  type TEfficiencyDefaultKey,
  type TLayoutCalibration,
  type TLayoutOption,
  type TLayoutSearchResult,
  type TServingMeasurement,
  type TSizingCalibration,
  type TSizingInputsRaw,
  type TSizingResult,
  type TWeightPrecision,
  type TEnteredQualityDelta,
  type TQualitySource,
} from "../sizing";
import type { TAssumptionLog, TResolvedPricingFull } from "./context";
import { ENGINE_OWNED_DEFAULTS, ENGINE_SIZING_DEFAULTS, REPORT_DEFAULTS } from "./defaults";
import { gpuOffers, type TPricedOffer } from "./gpu-offers";
import { layoutRows, layoutText } from "./layout-table";
import { attempt, makeStage, NOT_STARTED, NOT_STARTED_SUFFIX } from "./stage-kit";
import type { TInfrastructureDetail, TLayoutSearchDetail, TMeasurementRow, TReportStage, TResolvedGpu } from "./types";

type TNumericSizingKey =
  | "minReplicas"
  | "gpusPerNode"
  | "maxPipelineStages"
  | "memoryBandwidthUtilization"
  | "inferenceMfu"
  | "gpuMemoryUtilization"
  | "overheadGbPerGpu"
  | "overheadFractionOfWeights"
  | "minOutputTokensPerSecondPerSequence"
  | "stepOverheadMs"
  | "allReduceLatencyUs"
  | "allReduceBandwidthEfficiency"
  | "rooflineOverlapExponent"
  | "regions"
  | "promptCacheHitShare";

const SIZING_FIELDS: { key: TNumericSizingKey; label: string; unit: string; efficiency?: TEfficiencyDefaultKey; basis?: string }[] = [
  { key: "minReplicas", label: "Minimum replicas", unit: "replica(s)", basis: "Engine default: one replica, no high-availability spare" },
  { key: "gpusPerNode", label: "GPUs per node", unit: "GPUs", basis: "Engine default: an 8-GPU server (HGX/DGX class)" },
  { key: "maxPipelineStages", label: "Most nodes one replica may span", unit: "nodes", basis: "Engine default" },
  { key: "memoryBandwidthUtilization", label: "Memory-bandwidth utilisation", unit: "of peak", efficiency: "memoryBandwidthUtilization" },
  { key: "inferenceMfu", label: "Inference MFU", unit: "of peak", efficiency: "inferenceMfu" },
  { key: "gpuMemoryUtilization", label: "GPU memory the engine may use", unit: "of memory", efficiency: "gpuMemoryUtilization" },
  { key: "overheadGbPerGpu", label: "Runtime overhead per GPU", unit: "GB", efficiency: "overheadGbPerGpu" },
  { key: "overheadFractionOfWeights", label: "Runtime overhead, share of weights", unit: "of weights", efficiency: "overheadFractionOfWeights" },
  { key: "minOutputTokensPerSecondPerSequence", label: "Minimum speed per user (TPOT target)", unit: "tokens/s per user", efficiency: "minOutputTokensPerSecondPerSequence" },
  { key: "stepOverheadMs", label: "Per-step engine overhead", unit: "ms", efficiency: "stepOverheadMs" },
  { key: "allReduceLatencyUs", label: "All-reduce latency", unit: "µs", efficiency: "allReduceLatencyUs" },
  { key: "allReduceBandwidthEfficiency", label: "All-reduce bandwidth efficiency", unit: "of link bandwidth", efficiency: "allReduceBandwidthEfficiency" },
  { key: "rooflineOverlapExponent", label: "Memory/compute overlap exponent", unit: "", efficiency: "rooflineOverlapExponent" },
  { key: "regions", label: "Regions", unit: "region(s)", basis: "Engine default: one region" },
  { key: "promptCacheHitShare", label: "Prompt tokens served from the prefix cache", unit: "of prompt tokens", basis: "Engine default: no prefix reuse" },
];

/** Traffic-dependent sizing figures; without an entered volume they have no value. */
const TRAFFIC_FIGURES = new Set([
  "averageRequestsPerSecond",
  "peakRequestsPerSecond",
  "peakOutputTokensPerSecond",
  "replicas",
  "totalGpus",
  "maxRequestsPerSecondPerReplica",
  "cloudOnDemand.usdPerMonth",
  "cloudReserved.usdPerMonth",
  "owned.usdPerMonth",
]);

export type TRequestShape = { promptTokensPerRequest: number; outputTokensPerRequest: number };

export function resolveRequestShape(inputs: TAssessmentInputs, log: TAssumptionLog): TRequestShape {
  const s = inputs.infrastructure?.sizing;
  const basis = REPORT_DEFAULTS.requestShapeBasis;
  return {
    promptTokensPerRequest: log.take("infrastructure", "infrastructure.sizing.promptTokensPerRequest", "Prompt tokens per request", s?.promptTokensPerRequest, REPORT_DEFAULTS.promptTokensPerRequest, { basis, unit: "tokens" }),
    outputTokensPerRequest: log.take("infrastructure", "infrastructure.sizing.outputTokensPerRequest", "Output tokens per request", s?.outputTokensPerRequest, REPORT_DEFAULTS.outputTokensPerRequest, { basis, unit: "tokens" }),
  };
}

function sizingCost(inputs: TAssessmentInputs, pricing: TResolvedPricingFull, gpu: TGpu, log: TAssumptionLog): NonNullable<TSizingInputsRaw["cost"]> {
  const p = pricing.pricing;
  if (p.mode === "cloudOnDemand") return p.usdPerGpuHour === null ? {} : { cloudOnDemand: { usdPerGpuHour: p.usdPerGpuHour } };
  if (p.mode === "cloudReserved") return p.usdPerGpuHour === null ? {} : { cloudReserved: { usdPerGpuHour: p.usdPerGpuHour, discountPercent: p.reservedDiscountPercent ?? 0 } };
  if (p.purchaseUsdPerGpu === null) return {};
  const d = inputs.infrastructure?.pricing?.owned ?? {};
  const D = ENGINE_OWNED_DEFAULTS;
  const stage = "infrastructure" as const;
  const path = "infrastructure.pricing.owned";
  const basis = "Engine default for owned hardware";
  if (d.powerWattsPerGpu === undefined) {
    log.note(stage, `${path}.powerWattsPerGpu`, "Power per GPU", `${fmt(gpu.tdpWatts)} W (the GPU's TDP)`, { basis: "The GPU's rated power: a ceiling for average draw, while the rest of the server adds to it" });
  }
  return {
    owned: {
      purchaseUsdPerGpu: p.purchaseUsdPerGpu,
      serverOverheadPercent: log.take(stage, `${path}.serverOverheadPercent`, "Server, network and storage on top of GPUs", d.serverOverheadPercent, D.serverOverheadPercent, { basis, unit: "% of GPU price" }),
      annualInterestRatePercent: log.take(stage, `${path}.annualInterestRatePercent`, "Cost of capital", d.annualInterestRatePercent, D.annualInterestRatePercent, { basis, unit: "% per year" }),
      amortisationYears: log.take(stage, `${path}.amortisationYears`, "Amortisation period", d.amortisationYears, D.amortisationYears, { basis, unit: "years" }),
      ...(d.powerWattsPerGpu !== undefined ? { powerWattsPerGpu: d.powerWattsPerGpu } : {}),
      powerUsageEffectiveness: log.take(stage, `${path}.powerUsageEffectiveness`, "Data-centre PUE", d.powerUsageEffectiveness, D.powerUsageEffectiveness, { basis }),
      usdPerKwh: log.take(stage, `${path}.usdPerKwh`, "Electricity price", d.usdPerKwh, D.usdPerKwh, { basis, unit: "USD/kWh" }),
      hostingUsdPerGpuMonth: log.take(stage, `${path}.hostingUsdPerGpuMonth`, "Hosting (colocation) per GPU-month", d.hostingUsdPerGpuMonth, D.hostingUsdPerGpuMonth, { basis: `${basis}: on your own premises, no colocation fee`, unit: "USD" }),
    },
  };
}

/** Every numeric and yes/no sizing input, entered or defaulted (and logged as an assumption). */
function baseSizingInputs(d: TSizingDraft, log: TAssumptionLog): Omit<TSizingInputsRaw, "promptTokensPerRequest" | "outputTokensPerRequest" | "traffic" | "cost"> {
  const stage = "infrastructure" as const;
  const fields: Record<string, number> = {};
  for (const f of SIZING_FIELDS) {
    const e = f.efficiency ? EFFICIENCY_DEFAULTS[f.efficiency] : null;
    fields[f.key] = log.take(stage, `infrastructure.sizing.${f.key}`, f.label, d[f.key], ENGINE_SIZING_DEFAULTS[f.key], {
      basis: e ? `Stated default: ${e.label}` : (f.basis ?? "Engine default"),
      unit: f.unit || undefined,
      provenance: e?.provenance ?? null,
    });
  }
  if (!d.peak) {
    log.note(stage, "infrastructure.sizing.peak", "Peak traffic", `${fmt(EFFICIENCY_DEFAULTS.peakToAverageRatio.value)} × the monthly average`, {
      basis: `Stated default: ${EFFICIENCY_DEFAULTS.peakToAverageRatio.label}`,
      provenance: EFFICIENCY_DEFAULTS.peakToAverageRatio.provenance,
    });
  }
  if (d.ttftSeconds === undefined) {
    log.note(stage, "infrastructure.sizing.ttftSeconds", "Time-to-first-token target", "none", { basis: "Engine default: no target, so capacity covers the peak at full utilisation with no queueing allowance" });
  }
  const ttftQuantile =
    d.ttftSeconds === undefined
      ? (d.ttftQuantile ?? ENGINE_SIZING_DEFAULTS.ttftQuantile)
      : log.take(stage, "infrastructure.sizing.ttftQuantile", "TTFT target holds for", d.ttftQuantile, ENGINE_SIZING_DEFAULTS.ttftQuantile, {
          basis: `Stated default: ${EFFICIENCY_DEFAULTS.ttftQuantile.label}`,
          provenance: EFFICIENCY_DEFAULTS.ttftQuantile.provenance,
        });
  if (d.maxBatchSequences === undefined) {
    log.note(stage, "infrastructure.sizing.maxBatchSequences", "Engine sequence cap (max_num_seqs)", "vLLM's default: 1024 on GPUs of 70 GiB or more (not A100), else 256", {
      basis: "Engine default: vllm/engine/arg_utils.py get_batch_defaults",
    });
  }
  const hasSpareReplica = log.take(stage, "infrastructure.sizing.hasSpareReplica", "Spare replica (N+1)", d.hasSpareReplica, ENGINE_SIZING_DEFAULTS.hasSpareReplica, { basis: "Engine default: no spare", display: "no" });
  return {
    ...(fields as Record<TNumericSizingKey, number>),
    ...(d.peak ? { peak: d.peak } : {}),
    ...(d.ttftSeconds !== undefined ? { ttftSeconds: d.ttftSeconds } : {}),
    ttftQuantile,
    ...(d.maxBatchSequences !== undefined ? { maxBatchSequences: d.maxBatchSequences } : {}),
    hasSpareReplica,
  };
}

function pinTexts(d: TSizingDraft, scope: TLayoutSearchScope, gpu: TGpu): string[] {
  const out: string[] = [];
  if (scope === "this-gpu") out.push(`GPU: ${gpu.name}`);
  if (d.weightPrecision) out.push(`weights: ${WEIGHT_PRECISIONS[d.weightPrecision].label}`);
  if (d.kvCachePrecision) out.push(`KV cache: ${d.kvCachePrecision.toUpperCase()}`);
  if (d.tensorParallelOverride) out.push(`tensor-parallel ${d.tensorParallelOverride}`);
  if (d.pipelineStagesOverride) out.push(`${d.pipelineStagesOverride} pipeline stage(s)`);
  return out;
}

/** The GPU a measurement names: the catalog's, or the stage's custom GPU. */
function gpuById(id: string, inputs: TAssessmentInputs): TGpu | null {
  const custom = inputs.infrastructure?.customGpu;
  if (custom && custom.id === id) return custom;
  return getGpu(id) ?? null;
}

type TCalibrated = { measurement: TServingMeasurement; key: string; comparison: ReturnType<typeof compareMeasurement> | null; gpuName: string };

function calibrate(inputs: TAssessmentInputs, model: TModelArchitecture, sizing: ReturnType<typeof parseSizingInputs>, warnings: string[]): TCalibrated[] {
  const out: TCalibrated[] = [];
  for (const m of inputs.infrastructure?.measurements ?? []) {
    const key = layoutKey(m.layout);
    const gpu = gpuById(m.layout.gpuId, inputs);
    if (!gpu) {
      warnings.push(`${m.fileName}: GPU "${m.layout.gpuId}" is not in the catalog; the measurement cannot be compared.`);
      out.push({ measurement: m, key, comparison: null, gpuName: m.layout.gpuId });
      continue;
    }
    const layout = { gpu, tensorParallel: m.layout.tensorParallel, pipelineStages: m.layout.pipelineStages, weights: weightSchemeFor(model, m.layout.weightPrecision), kvCachePrecision: m.layout.kvCachePrecision };
    const comparison = compareMeasurement(model, layout, m, servingAssumptions(sizing));
    warnings.push(...comparison.warnings);
    out.push({ measurement: m, key, comparison, gpuName: gpu.name });
  }
  return out;
}

function measurementRows(calibrated: TCalibrated[], chosenKey: string | null, appliedId: string | null): TMeasurementRow[] {
  return calibrated.map(({ measurement: m, key, comparison, gpuName }) => ({
    id: m.id,
    fileName: m.fileName,
    formatLabel: MEASUREMENT_FORMAT_LABELS[m.format],
    modelName: m.modelName,
    runDate: m.runDate ?? null,
    importedOn: m.importedOn,
    layoutText: layoutText({ gpuName, tensorParallel: m.layout.tensorParallel, pipelineStages: m.layout.pipelineStages, weightPrecision: m.layout.weightPrecision, kvCachePrecision: m.layout.kvCachePrecision }),
    appliesToChosen: key === chosenKey && m.id === appliedId,
    promptTokens: m.promptTokens,
    outputTokens: m.outputTokens,
    concurrency: m.concurrency ?? null,
    requestRatePerSecond: m.requestRatePerSecond ?? null,
    measuredOutputTokensPerSecond: m.outputTokensPerSecond,
    estimatedOutputTokensPerSecond: comparison?.estimatedOutputTokensPerSecond ?? null,
    ratio: comparison?.speedFactor ?? null,
    ttftMs: m.ttftMs,
    tpotMs: m.tpotMs,
    method: comparison?.method ?? null,
    provenance: measurementProvenance(m),
    warnings: comparison?.warnings ?? [],
  }));
}

export type TInfrastructureStageResult = {
  stage: TReportStage<"infrastructure", TInfrastructureDetail>;
  sizing: TSizingResult | null;
  /** The GPU and pricing of the chosen layout (the stage's own unless the search went wider). */
  gpu: TGpu;
  pricing: TResolvedPricingFull;
  servedPrecision: TWeightPrecision;
  servedQuality: { points: number; source: TQualitySource } | null;
  /** Milliseconds the layout search took (the bench prints it). */
  searchMs: number;
};

export function buildInfrastructureStage(args: {
  inputs: TAssessmentInputs;
  status: TStageStatus;
  log: TAssumptionLog;
  model: TModelArchitecture | null;
  gpu: TGpu;
  resolvedGpu: TResolvedGpu;
  pricing: TResolvedPricingFull;
  pricingWarnings: string[];
  shape: TRequestShape;
  /** Prompt + output tokens per month from the economics stage; null when not entered. */
  tokensPerMonth: number | null;
  /** Clock for the search timing (the engine stays pure: the caller passes performance.now or nothing). */
  now?: () => number;
}): TInfrastructureStageResult {
  const { inputs, status, log, model, shape } = args;
  const d = inputs.infrastructure?.sizing ?? {};
  const warnings = [...args.pricingWarnings];
  const stage = "infrastructure" as const;
  const scope: TLayoutSearchScope = log.take(stage, "infrastructure.sizing.layoutSearch", "Layout search", d.layoutSearch, "this-gpu", {
    basis: "Freehold default: search degrees and precisions on the chosen GPU; choose “every GPU” to find the cheapest overall",
    display: "this GPU only",
  });
  const maxLoss = log.take(stage, "infrastructure.sizing.maxQualityLossPoints", "Largest quality loss a cheaper precision may cost", d.maxQualityLossPoints, DEFAULT_MAX_QUALITY_LOSS_POINTS, {
    basis: "Freehold default: one point on your quality score",
    unit: "points",
  });
  if (!d.weightPrecision) log.note(stage, "infrastructure.sizing.weightPrecision", "Weight precision", "chosen by the layout search", { basis: "Not pinned: the cheapest precision within the quality limit" });
  if (!d.kvCachePrecision) log.note(stage, "infrastructure.sizing.kvCachePrecision", "KV-cache precision", "follows the weights (FP8 when they are 8-bit or less on a GPU with FP8)", { basis: "Engine default" });
  const base = baseSizingInputs(d, log);
  const selectedCost = sizingCost(inputs, args.pricing, args.gpu, log);
  const isVolumeKnown = args.tokensPerMonth !== null;
  const trafficRaw = { kind: "tokens" as const, tokensPerMonth: args.tokensPerMonth ?? 0 };
  const assumptions = () => log.forStage(stage);
  const fallbackPrecision: TWeightPrecision = d.weightPrecision ?? "bf16";
  const none = (summary: string, label = "Not sized"): TInfrastructureStageResult => ({
    stage: makeStage({ key: stage, status, warnings, assumptions: assumptions(), summary, outcome: { tone: "unknown", label }, detail: null }),
    sizing: null,
    gpu: args.gpu,
    pricing: args.pricing,
    servedPrecision: fallbackPrecision,
    servedQuality: null,
    searchMs: 0,
  });
  if (!model) {
    warnings.push("No model to size: the candidate is unknown.");
    return none("Sizing could not run; see the warnings.");
  }
  const probe: TSizingInputsRaw = { ...base, promptTokensPerRequest: shape.promptTokensPerRequest, outputTokensPerRequest: shape.outputTokensPerRequest, traffic: trafficRaw };
  const parsed = attempt(() => parseSizingInputs(probe), warnings);
  if (!parsed) return none("Sizing could not run; see the warnings.");
  const context = shape.promptTokensPerRequest + shape.outputTokensPerRequest;
  const avgRps = averageRequestsPerSecond(parsed.traffic, context);
  const peakRps = peakRequestsPerSecond(avgRps, parsed.peak);

  const { offers, unpriced } = gpuOffers({
    mode: args.pricing.pricing.mode,
    isAllGpus: scope === "all-gpus",
    selected: { gpu: args.gpu, cost: selectedCost, pricing: args.pricing },
    reservedDiscountPercent: args.pricing.pricing.reservedDiscountPercent,
    priceBook: log.priceBook,
  });
  if (scope === "all-gpus" && unpriced.length > 0) warnings.push(`Left out of the layout search for want of a price: ${unpriced.join(", ")}.`);
  // With no price at all the search still ranks layouts, by GPU count.
  const searchOffers: TPricedOffer[] = offers.length > 0 ? offers : [{ gpu: args.gpu, usdPerGpuMonth: 1, priceLabel: "no price: ranked by GPU count", cost: selectedCost, pricing: args.pricing }];
  const calibrated = calibrate(inputs, model, parsed, warnings);
  const calibrations: TLayoutCalibration[] = [];
  const latestByKey = new Map<string, TCalibrated>();
  for (const c of calibrated) if (c.comparison) latestByKey.set(c.key, c);
  for (const [key, c] of latestByKey) calibrations.push({ layoutKey: key, speedFactor: c.comparison!.speedFactor });

  const enteredQuality: Partial<Record<TWeightPrecision, TEnteredQualityDelta>> = {};
  const q = inputs.adaptation?.quantization;
  if (q?.precision && q.qualityDelta) enteredQuality[q.precision] = { points: q.qualityDelta.points, source: q.qualityDelta.source };

  const started = args.now?.() ?? 0;
  const result: TLayoutSearchResult = searchLayouts({
    model,
    offers: searchOffers,
    pins: {
      ...(scope === "this-gpu" ? { gpuId: args.gpu.id } : {}),
      ...(d.weightPrecision ? { weightPrecision: d.weightPrecision } : {}),
      ...(d.kvCachePrecision ? { kvCachePrecision: d.kvCachePrecision } : {}),
      ...(d.tensorParallelOverride ? { tensorParallel: d.tensorParallelOverride } : {}),
      ...(d.pipelineStagesOverride ? { pipelineStages: d.pipelineStagesOverride } : {}),
    },
    quality: { maxLossPoints: maxLoss, entered: enteredQuality },
    workload: servingWorkload(parsed, peakRps, args.tokensPerMonth ?? 0),
    targets: servingTargets(parsed),
    assumptions: servingAssumptions(parsed),
    calibrations,
  });
  const searchMs = (args.now?.() ?? 0) - started;
  // Nothing meets every target: size the best infeasible option anyway, so the stage shows why.
  const pick: TLayoutOption | undefined = result.chosen ?? result.bestAttempt ?? result.options[0];
  const search: TLayoutSearchDetail = {
    scope,
    pins: pinTexts(d, scope, args.gpu),
    enumerated: result.enumerated,
    evaluatedExactly: result.evaluatedExactly,
    rows: layoutRows(result),
    chosenKey: result.chosen?.key ?? null,
    bindingText: null,
    maxQualityLossPoints: maxLoss,
  };
  if (!pick) {
    warnings.push(`No layout could be enumerated for ${model.name}: check the pins (tensor-parallel degree, precision) against the GPU.`);
    return none("No layout to size; see the warnings.", "No layout");
  }
  if (!result.chosen) warnings.push(`No layout meets every target: the best attempt (${layoutText(pick)}) ${pick.infeasibleReason ?? "falls short"}.`);

  const offer = searchOffers.find((o) => o.gpu.id === pick.gpuId) ?? searchOffers[0];
  const chosenGpu = offer.gpu;
  const pricing = offer.pricing;
  if (chosenGpu.id !== args.gpu.id) {
    const row = pricing.cloudRow ?? pricing.purchaseRow;
    log.note(stage, "infrastructure.layout.chosenGpuPrice", `Price of ${chosenGpu.name} (chosen by the layout search)`, pricing.pricing.label, {
      basis: "Catalog price for the GPU the layout search chose; enter your own by choosing that GPU above",
      provenance: row?.provenance ?? null,
    });
  }
  const applied = latestByKey.get(pick.key) ?? null;
  const calibration: TSizingCalibration | null = applied?.comparison
    ? {
        speedFactor: applied.comparison.speedFactor,
        provenance: measurementProvenance(applied.measurement),
        measuredOutputTokensPerSecond: applied.comparison.measuredOutputTokensPerSecond,
        estimatedOutputTokensPerSecond: applied.comparison.estimatedOutputTokensPerSecond,
        method: applied.comparison.method,
      }
    : null;
  const raw: TSizingInputsRaw = {
    ...probe,
    weightPrecision: pick.weightPrecision,
    kvCachePrecision: pick.kvCachePrecision,
    tensorParallelOverride: pick.tensorParallel,
    pipelineStagesOverride: pick.pipelineStages,
    cost: offer.cost,
  };
  const sizing = attempt(() => sizeDeployment(raw, model, chosenGpu, { calibration }), warnings);
  const resolvedGpu: TResolvedGpu = chosenGpu.id === args.gpu.id ? args.resolvedGpu : { id: chosenGpu.id, name: chosenGpu.name, vendor: chosenGpu.vendor, memoryGb: chosenGpu.memoryGb, isCustom: false };
  const servedQuality = { points: pick.qualityDeltaPoints, source: pick.qualitySource };
  const measurements = measurementRows(calibrated, result.chosen?.key ?? null, applied?.measurement.id ?? null);
  const out = { gpu: chosenGpu, pricing, servedPrecision: pick.weightPrecision, servedQuality, searchMs };
  if (!sizing) return { ...none("Sizing could not run; see the warnings."), ...out };
  warnings.push(...sizing.warnings);
  search.bindingText = sizing.binding?.text ?? null;
  if (!isVolumeKnown) warnings.push("Monthly volume not entered (economics stage): replicas, traffic and monthly cost are shown once it is; the layout search ranked layouts at the minimum replica count.");
  const figures: TFigure[] = isVolumeKnown
    ? sizing.figures
    : sizing.figures.map((f) => (TRAFFIC_FIGURES.has(f.key) ? { ...f, value: null, note: "Needs the monthly volume (economics stage)." } : f));
  if (calibration) {
    figures.unshift(
      {
        key: "measured.outputTokensPerSecond",
        label: "Measured output tokens/s (replaces the estimate)",
        value: calibration.measuredOutputTokensPerSecond,
        unit: "tokens/s",
        formula: `${calibration.provenance}; estimate for the same run ${fmt(calibration.estimatedOutputTokensPerSecond)} tokens/s`,
        note: `Measured ÷ estimated = ${fmt(calibration.speedFactor, 3)}, applied to every time this layout's sizing computes (${calibration.method}).`,
      },
      {
        key: "measured.speedFactor",
        label: "Measured ÷ estimated speed",
        value: calibration.speedFactor,
        unit: "×",
        formula: `measured ${fmt(calibration.measuredOutputTokensPerSecond)} ÷ estimated ${fmt(calibration.estimatedOutputTokensPerSecond)} output tokens/s`,
      },
    );
  }
  const detail: TInfrastructureDetail = { gpu: resolvedGpu, pricing: pricing.pricing, inputs: raw, isVolumeKnown, sizing, search, measurements };
  const precision = WEIGHT_PRECISIONS[pick.weightPrecision].label;
  const layout = layoutText(pick);
  const stageBase = { key: stage, status, warnings, assumptions: assumptions() };
  if (!sizing.fits || !sizing.placement) {
    return {
      stage: makeStage({ ...stageBase, summary: `${model.name} at ${precision} does not fit on ${chosenGpu.name} as configured.`, outcome: { tone: "bad", label: "Does not fit" }, figures, detail }),
      sizing,
      ...out,
    };
  }
  const count = isVolumeKnown && sizing.replicas !== null ? `${formatCount(sizing.replicas, "replicas")}, ${sizing.totalGpus === null ? "GPUs not known" : formatCount(sizing.totalGpus, "GPUs")}` : `${formatCount(sizing.placement.gpusPerReplica, "GPUs")} per replica`;
  const cost = sizing.costs[pricing.pricing.mode];
  const measured = calibration ? " Throughput measured, not estimated." : "";
  const summary =
    status === "not-started"
      ? `Sized on defaults: ${layout}; ${count}. ${NOT_STARTED_SUFFIX}`
      : `${model.name}: ${layout}; ${count}${isVolumeKnown && cost ? `, ${usdText(cost.usdPerMonth)}/month (${pricing.pricing.label})` : ""}.${measured}`;
  const tone = !result.chosen || sizing.throughput?.latencyTargetMet === false || sizing.throughput?.ttftTargetMet === false ? "caution" : "good";
  return {
    stage: makeStage({
      ...stageBase,
      summary,
      outcome: status === "not-started" ? NOT_STARTED : { tone, label: isVolumeKnown ? `${sizing.totalGpus} × ${chosenGpu.name}, TP${pick.tensorParallel} ${precision}` : `TP${pick.tensorParallel} ${precision} on ${chosenGpu.name}` },
      figures,
      detail,
    }),
    sizing,
    ...out,
  };
}
