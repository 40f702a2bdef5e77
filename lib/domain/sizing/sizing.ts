// Infrastructure sizing of one layout: from a model, a GPU and a traffic profile to the batch each
// replica sustains, replicas for the peak within the latency targets, GPUs and monthly cost, each
// with its formula. The serving arithmetic is serving-model.ts; which layout to size is the layout
// search's job (layout-search.ts), or the caller's pins. This file validates, composes and explains.
import { describeStatedFactors, type TStatedFactor } from "./efficiency-defaults";
import { DomainInputError, parseOrThrow } from "../shared";
import type { TFigure } from "../shared";
import { makeFigure } from "../shared";
import { BYTES_PER_GB, fmt, SECONDS_PER_MONTH } from "../shared";
import { ZSizingInputs, type TSizingInputs, type TSizingInputsRaw } from "./inputs";
import {
  KV_BYTES_PER_ELEMENT,
  kvBytesPerSequence,
  kvBytesPerToken,
  kvShardWays,
  paramBreakdown,
  schemeBytesPerParam,
  slidingWindowLayerCount,
  WEIGHT_PRECISIONS,
  ZSizableModel,
  type TKvCachePrecision,
  type TWeightPrecision,
  type TWeightScheme,
} from "./memory";
import { kvPrecisionFollowingWeights, searchLayouts, sizeReplicas, tensorParallelDegrees, type TLayoutWorkload, type TReplicasBoundBy, type TSizedLayout } from "./layout-search";
import { evaluateLayout, gpuCapacityBytes, layoutMemory, matmulFlopsPerSecond, type TBatchLimit, type TLayoutEvaluation, type TServingAssumptions, type TServingLayout, type TServingTargets } from "./serving-model";
import { averageRequestsPerSecond, describePeak, peakRequestsPerSecond, requestsPerMonth } from "./traffic";
import { cloudOnDemandPerGpuMonth, cloudReservedPerGpuMonth, ownedPerGpuMonth, type TGpuMonthCost, type TInfraCostKind } from "./cost";
import { ZGpu, type TGpu, type TModelArchitecture } from "../shared";

export * from "./inputs";
export { WEIGHT_PRECISIONS, KV_BYTES_PER_ELEMENT, ZWeightPrecision, ZKvCachePrecision } from "./memory";
export type { TWeightPrecision, TKvCachePrecision } from "./memory";
export type { TInfraCostKind } from "./cost";

export type TInfraCost = {
  kind: TInfraCostKind;
  usdPerGpuMonth: number;
  usdPerReplicaMonth: number;
  /** replicas × usdPerReplicaMonth: always a whole number of replica costs. */
  usdPerMonth: number;
  figures: TFigure[];
};


export type TPlacement = {
  tensorParallel: number;
  pipelineStages: number;
  gpusPerReplica: number;
  /** What the driver reports per GPU, bytes. */
  capacityBytesPerGpu: number;
  usableBytesPerGpu: number;
  weightsBytesPerGpu: number;
  overheadBytesPerGpu: number;
  kvBudgetBytesPerGpu: number;
  /** One sequence at its mean resident length (s + n/2), per GPU. */
  kvBytesPerSequencePerGpu: number;
  maxConcurrentSequences: number;
};

export type TSizingThroughput = {
  /** Batch 1, idle replica: what one user sees. */
  decodeTokensPerSecondPerSequence: number;
  /** Sequences decoded together per replica. */
  batchAtTarget: number;
  batchLimit: TBatchLimit;
  /** The engine's sequence cap (vLLM max_num_seqs) this sizing used. */
  engineMaxBatch: number;
  stepSeconds: number;
  /** Time per output token each user sees, other requests' prefills included. */
  tpotSeconds: number;
  perSequenceTokensPerSecondAtBatch: number;
  aggregateDecodeTokensPerSecond: number;
  /** Prefill compute a busy replica spends per request. */
  prefillSeconds: number;
  /** First token on an idle replica. */
  timeToFirstTokenSeconds: number;
  sustainedOutputTokensPerSecondPerReplica: number;
  requestsPerSecondPerReplica: number;
  /** Peak arrivals one replica takes within the TTFT target (equals requestsPerSecondPerReplica without one). */
  maxRequestsPerSecondPerReplica: number;
  latencyTargetMet: boolean;
  ttftTargetMet: boolean;
  /** Measured ÷ estimated speed applied to every time above (1: estimate only). */
  speedFactor: number;
};

/** A measurement applied to this layout: it replaces the estimate, with where it came from. */
export type TSizingCalibration = {
  speedFactor: number;
  /** "measured, vllm bench serve, file x.json, 2026-04-13". */
  provenance: string;
  measuredOutputTokensPerSecond: number;
  estimatedOutputTokensPerSecond: number;
  method: string;
};

export type TBinding = { replicas: TReplicasBoundBy; batch: TBatchLimit; text: string };

export type TSizingResult = {
  fits: boolean;
  warnings: string[];
  /** Prompt + output tokens: the longest a sequence gets. */
  contextTokens: number;
  layout: TSizedLayout;
  memory: {
    bytesPerParam: number;
    bytesPerParamIsApproximate: boolean;
    weightsBytes: number;
    embeddingBytes: number;
    /** Textbook per-token KV (every layer global). */
    kvBytesPerToken: number;
    /** One sequence at contextTokens, sliding windows applied. */
    kvBytesPerSequence: number;
    /** One sequence at its mean resident length, s + n/2. */
    meanContextTokens: number;
    kvBytesPerSequenceAtMean: number;
  };
  placement: TPlacement | null;
  throughput: TSizingThroughput | null;
  traffic: {
    requestsPerMonth: number;
    averageRequestsPerSecond: number;
    peakRequestsPerSecond: number;
    peakOutputTokensPerSecond: number;
  };
  /**
   * Monthly prompt + output tokens one replica carries while still covering the peak within the
   * targets, i.e. max peak arrivals per replica × (s + n) × seconds per month ÷ peak-to-average.
   * Feeds the economics staircase.
   */
  replicaCapacityTokensPerMonth: number | null;
  /** Per region, as entered. */
  minReplicas: number;
  regions: number;
  spareReplicasPerRegion: number;
  replicas: number | null;
  totalGpus: number | null;
  binding: TBinding | null;
  calibration: TSizingCalibration | null;
  costs: Record<TInfraCostKind, TInfraCost | null>;
  statedFactors: TStatedFactor[];
  figures: TFigure[];
};

export function parseSizingInputs(raw: unknown): TSizingInputs {
  return parseOrThrow(ZSizingInputs, raw, "sizing inputs");
}

export function servingAssumptions(inputs: TSizingInputs): TServingAssumptions {
  return {
    memoryBandwidthUtilization: inputs.memoryBandwidthUtilization,
    inferenceMfu: inputs.inferenceMfu,
    gpuMemoryUtilization: inputs.gpuMemoryUtilization,
    overheadBytesPerGpu: inputs.overheadGbPerGpu * BYTES_PER_GB,
    overheadFractionOfWeights: inputs.overheadFractionOfWeights,
    stepOverheadSeconds: inputs.stepOverheadMs / 1000,
    allReduceLatencySeconds: inputs.allReduceLatencyUs / 1e6,
    allReduceBandwidthEfficiency: inputs.allReduceBandwidthEfficiency,
    rooflineOverlapExponent: inputs.rooflineOverlapExponent,
    maxBatchSequences: inputs.maxBatchSequences ?? null,
    promptCacheHitShare: inputs.promptCacheHitShare,
  };
}

/** The traffic and deployment bounds a layout search sizes for, from the sizing inputs. */
export function servingWorkload(inputs: TSizingInputs, peakRequestsPerSecond: number, tokensPerMonth: number): TLayoutWorkload {
  return {
    promptTokens: inputs.promptTokensPerRequest,
    outputTokens: inputs.outputTokensPerRequest,
    peakRequestsPerSecond,
    tokensPerMonth,
    gpusPerNode: inputs.gpusPerNode,
    maxPipelineStages: inputs.maxPipelineStages,
    minReplicas: inputs.minReplicas,
    hasSpareReplica: inputs.hasSpareReplica,
    regions: inputs.regions,
  };
}

export function servingTargets(inputs: TSizingInputs): TServingTargets {
  return { minOutputTokensPerSecondPerSequence: inputs.minOutputTokensPerSecondPerSequence, ttftSeconds: inputs.ttftSeconds ?? null, ttftQuantile: inputs.ttftQuantile };
}

/** The weights as a scheme: the checkpoint's own scope when serving at the precision it ships in. */
export function weightSchemeFor(model: TModelArchitecture, precision: TWeightPrecision): TWeightScheme {
  const c = model.checkpointQuantization;
  return { precision, scope: c && c.precision === precision ? c.scope : "all-linear" };
}

function checkAgainstModel(inputs: TSizingInputs, model: TModelArchitecture): void {
  const context = inputs.promptTokensPerRequest + inputs.outputTokensPerRequest;
  if (context > model.contextTokens) {
    throw new DomainInputError("sizing inputs", [
      {
        path: "promptTokensPerRequest",
        message: `promptTokensPerRequest: prompt + output tokens (${context}) exceed the model's context window (${model.contextTokens})`,
      },
    ]);
  }
  const t = inputs.tensorParallelOverride;
  if (t !== undefined && !tensorParallelDegrees(model, inputs.gpusPerNode).includes(t)) {
    throw new DomainInputError("sizing inputs", [
      {
        path: "tensorParallelOverride",
        message: `tensorParallelOverride: ${t} must be a power of two ≤ gpusPerNode (${inputs.gpusPerNode}) dividing the model's ${model.attentionHeads} attention heads`,
      },
    ]);
  }
}

/** What one GPU costs per month under each way of paying the inputs price. */
function gpuMonthCosts(inputs: TSizingInputs, gpu: TGpu): Record<TInfraCostKind, TGpuMonthCost | null> {
  const { cloudOnDemand, cloudReserved, owned } = inputs.cost;
  return {
    cloudOnDemand: cloudOnDemand ? cloudOnDemandPerGpuMonth(cloudOnDemand.usdPerGpuHour) : null,
    cloudReserved: cloudReserved ? cloudReservedPerGpuMonth(cloudReserved.usdPerGpuHour, cloudReserved.discountPercent) : null,
    owned: owned ? ownedPerGpuMonth(owned, gpu) : null,
  };
}

/**
 * Tensor-parallel degree and pipeline stages to size when the caller pinned neither: the cheapest
 * on this GPU at these precisions (the layout search restricted to them). Without any price, the
 * fewest GPUs.
 */
function chooseDegrees(inputs: TSizingInputs, model: TModelArchitecture, gpu: TGpu, weights: TWeightScheme, kv: TKvCachePrecision, isKvPinned: boolean, peakRps: number, tokensPerMonth: number): { t: number; stages: number } | null {
  const monthly = gpuMonthCosts(inputs, gpu);
  const price = monthly.cloudOnDemand ?? monthly.cloudReserved ?? monthly.owned;
  const result = searchLayouts({
    model,
    offers: [{ gpu, usdPerGpuMonth: price?.usdPerGpuMonth ?? 1, priceLabel: "" }],
    pins: { gpuId: gpu.id, weightPrecision: weights.precision, ...(isKvPinned ? { kvCachePrecision: kv } : {}), ...(inputs.tensorParallelOverride ? { tensorParallel: inputs.tensorParallelOverride } : {}), ...(inputs.pipelineStagesOverride ? { pipelineStages: inputs.pipelineStagesOverride } : {}) },
    quality: { maxLossPoints: 100, entered: {} },
    workload: servingWorkload(inputs, peakRps, tokensPerMonth),
    targets: servingTargets(inputs),
    assumptions: servingAssumptions(inputs),
  });
  const pick = result.chosen ?? result.bestAttempt ?? result.options[0];
  return pick ? { t: pick.tensorParallel, stages: pick.pipelineStages } : null;
}

export type TSizeOptions = { calibration?: TSizingCalibration | null };

export function sizeDeployment(rawInputs: TSizingInputsRaw, rawModel: TModelArchitecture, rawGpu: TGpu, options: TSizeOptions = {}): TSizingResult {
  const inputs = parseSizingInputs(rawInputs);
  const model = parseOrThrow(ZSizableModel, rawModel, "model architecture");
  const gpu = parseOrThrow(ZGpu, rawGpu, "GPU");
  checkAgainstModel(inputs, model);

  const warnings: string[] = [];
  const statedFactors = describeStatedFactors({
    memoryBandwidthUtilization: inputs.memoryBandwidthUtilization,
    inferenceMfu: inputs.inferenceMfu,
    gpuMemoryUtilization: inputs.gpuMemoryUtilization,
    overheadGbPerGpu: inputs.overheadGbPerGpu,
    overheadFractionOfWeights: inputs.overheadFractionOfWeights,
    stepOverheadMs: inputs.stepOverheadMs,
    allReduceLatencyUs: inputs.allReduceLatencyUs,
    allReduceBandwidthEfficiency: inputs.allReduceBandwidthEfficiency,
    rooflineOverlapExponent: inputs.rooflineOverlapExponent,
    minOutputTokensPerSecondPerSequence: inputs.minOutputTokensPerSecondPerSequence,
    ...(inputs.ttftSeconds !== undefined ? { ttftQuantile: inputs.ttftQuantile } : {}),
    ...(inputs.peak.method === "factor" ? { peakToAverageRatio: inputs.peak.peakToAverageRatio } : {}),
  });
  const s = inputs.promptTokensPerRequest;
  const n = inputs.outputTokensPerRequest;
  const context = s + n;
  const weights = weightSchemeFor(model, inputs.weightPrecision);
  const isKvPinned = inputs.kvCachePrecision !== undefined;
  const kv = inputs.kvCachePrecision ?? kvPrecisionFollowingWeights(inputs.weightPrecision, gpu);
  const precision = WEIGHT_PRECISIONS[inputs.weightPrecision];
  const assumptions = servingAssumptions(inputs);
  const targets = servingTargets(inputs);

  const avgRps = averageRequestsPerSecond(inputs.traffic, context);
  const peakRps = peakRequestsPerSecond(avgRps, inputs.peak);
  const tokensPerMonth = requestsPerMonth(inputs.traffic, context) * context;
  const traffic = {
    requestsPerMonth: requestsPerMonth(inputs.traffic, context),
    averageRequestsPerSecond: avgRps,
    peakRequestsPerSecond: peakRps,
    peakOutputTokensPerSecond: peakRps * n,
  };
  if (inputs.peak.method === "rate" && inputs.peak.peakRequestsPerSecond < avgRps) {
    warnings.push(`The entered peak (${fmt(inputs.peak.peakRequestsPerSecond)} requests/s) is below the monthly average (${fmt(avgRps)} requests/s); the average is used as the peak.`);
  }

  const embeddingBytes = paramBreakdown(model).embeddingParams * schemeBytesPerParam(weights).embeddings;
  const memMean = kvBytesPerSequence(model, kv, s + n / 2);
  const memory = {
    bytesPerParam: precision.bytesPerParam,
    bytesPerParamIsApproximate: precision.isApproximate,
    weightsBytes: layoutMemory(model, { gpu, tensorParallel: 1, pipelineStages: 1, weights, kvCachePrecision: kv }, s, n, assumptions).weightsBytes,
    embeddingBytes,
    kvBytesPerToken: kvBytesPerToken(model, kv),
    kvBytesPerSequence: kvBytesPerSequence(model, kv, context),
    meanContextTokens: s + n / 2,
    kvBytesPerSequenceAtMean: memMean,
  };

  const degrees =
    inputs.tensorParallelOverride !== undefined && inputs.pipelineStagesOverride !== undefined
      ? { t: inputs.tensorParallelOverride, stages: inputs.pipelineStagesOverride }
      : chooseDegrees(inputs, model, gpu, weights, kv, isKvPinned, peakRps, tokensPerMonth);
  const t = degrees?.t ?? inputs.tensorParallelOverride ?? 1;
  const stages = degrees?.stages ?? inputs.pipelineStagesOverride ?? 1;
  const layout: TSizedLayout = {
    gpuId: gpu.id,
    gpuName: gpu.name,
    tensorParallel: t,
    pipelineStages: stages,
    gpusPerReplica: t * stages,
    weightPrecision: inputs.weightPrecision,
    weightScope: weights.scope,
    kvCachePrecision: kv,
    isKvFollowingWeights: !isKvPinned,
  };
  const servingLayout: TServingLayout = { gpu, tensorParallel: t, pipelineStages: stages, weights, kvCachePrecision: kv };
  const calibration = options.calibration ?? null;
  const e = evaluateLayout(model, servingLayout, s, n, targets, assumptions, { speedFactor: calibration?.speedFactor ?? 1 });

  const figures: TFigure[] = [...memoryFigures(model, weights, kv, memory, context)];
  figures.push(...trafficFigures(inputs, traffic));
  const noCosts = { cloudOnDemand: null, cloudReserved: null, owned: null };
  const base = { contextTokens: context, layout, memory, traffic, minReplicas: inputs.minReplicas, regions: inputs.regions, spareReplicasPerRegion: inputs.hasSpareReplica ? 1 : 0, calibration, statedFactors };

  if (!e.fits) {
    warnings.push(
      `${model.name} at ${precision.label} does not fit on ${stages} node(s) × ${t} ${gpu.name} with room for one ${context}-token sequence (${e.misfit}).`,
    );
    return { ...base, fits: false, warnings, placement: null, throughput: null, replicaCapacityTokensPerMonth: null, replicas: null, totalGpus: null, binding: null, costs: noCosts, figures };
  }
  if (stages > 1) {
    warnings.push(`One replica spans ${stages} nodes (tensor-parallel ${t} within a node, pipeline-parallel across nodes); inter-node networking becomes part of the design.`);
  }
  if (precision.needsHardware === "fp8" && gpu.fp8DenseTflops === undefined) warnings.push(`${gpu.name} has no FP8 arithmetic: FP8 weights are dequantised to BF16 for the matmuls (weight-only).`);
  if (precision.needsHardware === "fp4" && gpu.fp4DenseTflops === undefined) warnings.push(`${gpu.name} has no FP4 arithmetic: FP4 weights are dequantised to BF16 for the matmuls.`);
  if (!precision.isServingEngineFormat) warnings.push(`${precision.label} is not a tensor-parallel serving-engine format (GGUF runs on llama.cpp; FP32 is not served): treat this sizing as indicative.`);

  const placement: TPlacement = {
    tensorParallel: t,
    pipelineStages: stages,
    gpusPerReplica: t * stages,
    capacityBytesPerGpu: e.capacityBytesPerGpu,
    usableBytesPerGpu: e.usableBytesPerGpu,
    weightsBytesPerGpu: e.weightsBytesPerGpu,
    overheadBytesPerGpu: e.overheadBytesPerGpu,
    kvBudgetBytesPerGpu: e.kvBudgetBytesPerGpu,
    kvBytesPerSequencePerGpu: e.kvBytesPerSequencePerGpu,
    maxConcurrentSequences: e.maxSequencesByMemory,
  };
  figures.push(...placementFigures(model, gpu, inputs, placement, kv, context, e));
  const throughput = toThroughput(e);
  if (!e.meetsTpot) {
    warnings.push(
      `Even one sequence decodes at ${fmt(1 / e.tpotSeconds, 3)} tokens/s, below the ${fmt(inputs.minOutputTokensPerSecondPerSequence)} tokens/s target; capacity is shown at batch 1. A faster GPU, more tensor parallelism or smaller weights would help.`,
    );
  }
  if (!e.meetsTtft) {
    warnings.push(`An idle replica takes ${fmt(e.ttftIdleSeconds, 3)} s to the first token, over the ${fmt(inputs.ttftSeconds ?? 0)} s target: no number of replicas meets it on this layout.`);
  }
  figures.push(...throughputFigures(model, gpu, inputs, servingLayout, e, assumptions));

  // Capacity a replica offers within the targets; with an unmet TTFT target it is sized at full utilisation and flagged above.
  const maxPerReplica = e.meetsTtft && e.maxRequestsPerSecondWithinTtft > 0 ? e.maxRequestsPerSecondWithinTtft : e.requestsPerSecond;
  const peakRatio = avgRps > 0 ? peakRps / avgRps : inputs.peak.method === "factor" ? inputs.peak.peakToAverageRatio : inputs.peak.method === "poisson" ? inputs.peak.busyHourToAverageRatio : 1;
  const replicaCapacityTokensPerMonth = (maxPerReplica * context * SECONDS_PER_MONTH) / peakRatio;
  const sized = sizeReplicas(e.requestsPerSecond, maxPerReplica, { peakRequestsPerSecond: peakRps, regions: inputs.regions, minReplicas: inputs.minReplicas, hasSpareReplica: inputs.hasSpareReplica });
  const replicas = sized.replicas;
  const totalGpus = replicas * placement.gpusPerReplica;
  const binding = describeBinding(sized.boundBy, e.batchLimit, e, inputs);
  figures.push(...replicaFigures(inputs, e, peakRps, peakRatio, maxPerReplica, replicas, totalGpus, placement.gpusPerReplica, replicaCapacityTokensPerMonth, context, binding));

  const costs = computeCosts(inputs, gpu, placement.gpusPerReplica, replicas);
  for (const cost of Object.values(costs)) if (cost) figures.push(...cost.figures);

  return { ...base, fits: true, warnings, placement, throughput, replicaCapacityTokensPerMonth, replicas, totalGpus, binding, costs, figures };
}

function toThroughput(e: TLayoutEvaluation): TSizingThroughput {
  return {
    decodeTokensPerSecondPerSequence: 1 / e.stepBatch1Seconds,
    batchAtTarget: e.batch,
    batchLimit: e.batchLimit,
    engineMaxBatch: e.engineMaxBatch,
    stepSeconds: e.step.seconds,
    tpotSeconds: e.tpotSeconds,
    perSequenceTokensPerSecondAtBatch: 1 / e.tpotSeconds,
    aggregateDecodeTokensPerSecond: e.batch / e.step.seconds,
    prefillSeconds: e.prefillSeconds,
    timeToFirstTokenSeconds: e.ttftIdleSeconds,
    sustainedOutputTokensPerSecondPerReplica: e.outputTokensPerSecond,
    requestsPerSecondPerReplica: e.requestsPerSecond,
    maxRequestsPerSecondPerReplica: e.maxRequestsPerSecondWithinTtft,
    latencyTargetMet: e.meetsTpot,
    ttftTargetMet: e.meetsTtft,
    speedFactor: e.speedFactor,
  };
}

const BATCH_LIMIT_TEXT: Record<TBatchLimit, string> = {
  "kv-memory": "the KV cache that fits in memory",
  "engine-max-batch": "the engine's sequence cap (max_num_seqs)",
  "tpot-target": "the per-user speed target (TPOT)",
};

export const REPLICA_BOUND_TEXT: Record<TReplicasBoundBy, string> = {
  throughput: "throughput at the peak",
  ttft: "the time-to-first-token target (queueing at the peak)",
  "min-replicas": "the minimum replica count",
  "no-volume": "the minimum replica count (no volume entered)",
};

function describeBinding(boundBy: TReplicasBoundBy, batchLimit: TBatchLimit, e: TLayoutEvaluation, inputs: TSizingInputs): TBinding {
  const extras = [inputs.hasSpareReplica ? "plus one spare per region (N+1)" : "", inputs.regions > 1 ? `in each of ${inputs.regions} regions` : ""].filter(Boolean).join(", ");
  return {
    replicas: boundBy,
    batch: batchLimit,
    text: `Replicas are set by ${REPLICA_BOUND_TEXT[boundBy]}${extras ? ` (${extras})` : ""}; each replica's batch of ${e.batch} is limited by ${BATCH_LIMIT_TEXT[batchLimit]}.`,
  };
}

function computeCosts(inputs: TSizingInputs, gpu: TGpu, gpusPerReplica: number, replicas: number): Record<TInfraCostKind, TInfraCost | null> {
  const scale = (c: TGpuMonthCost | null): TInfraCost | null => {
    if (!c) return null;
    const usdPerReplicaMonth = c.usdPerGpuMonth * gpusPerReplica;
    const usdPerMonth = usdPerReplicaMonth * replicas;
    const figure = makeFigure(
      `${c.kind}.usdPerMonth`,
      `Infrastructure per month (${c.kind})`,
      usdPerMonth,
      "USD/month",
      `per GPU-month × GPUs per replica × replicas = ${fmt(c.usdPerGpuMonth)} × ${gpusPerReplica} × ${replicas}`,
    );
    return { kind: c.kind, usdPerGpuMonth: c.usdPerGpuMonth, usdPerReplicaMonth, usdPerMonth, figures: [...c.figures, figure] };
  };
  const monthly = gpuMonthCosts(inputs, gpu);
  return { cloudOnDemand: scale(monthly.cloudOnDemand), cloudReserved: scale(monthly.cloudReserved), owned: scale(monthly.owned) };
}

/** Bytes as a whole number with separators: byte figures are exact, never rounded to 4 digits. */
const bytesText = (x: number) => fmt(Math.round(x));

function memoryFigures(model: TModelArchitecture, weights: TWeightScheme, kv: TKvCachePrecision, memory: TSizingResult["memory"], context: number): TFigure[] {
  const bKv = KV_BYTES_PER_ELEMENT[kv];
  const kvFormula =
    model.attentionType === "mla"
      ? `(kv_lora_rank + qk_rope_head_dim) × L × B_kv = (${model.kvLoraRank} + ${model.qkRopeHeadDim}) × ${model.layers} × ${bKv}`
      : `2 × L × n_kv × d_h × B_kv = 2 × ${model.layers} × ${model.kvHeads} × ${model.headDim} × ${bKv}`;
  const local = slidingWindowLayerCount(model);
  const perLayer = memory.kvBytesPerToken / model.layers;
  const seqFormula = (tokens: number) =>
    local === 0
      ? `KV per token × tokens = ${bytesText(memory.kvBytesPerToken)} × ${fmt(tokens)}`
      : `KV per token per layer × (global layers × tokens + window layers × min(tokens, window)) = ${bytesText(perLayer)} × (${model.layers - local} × ${fmt(tokens)} + ${local} × ${fmt(Math.min(tokens, model.slidingWindowTokens ?? tokens))})`;
  const b = paramBreakdown(model);
  const bytes = schemeBytesPerParam(weights);
  const info = WEIGHT_PRECISIONS[weights.precision];
  const weightsFormula =
    b.routedExpertParams > 0 || info.isQuantized
      ? `experts × B + other layers × B + embeddings × B = ${fmt(b.routedExpertParams)} × ${fmt(bytes.experts)} + ${fmt(b.otherParams)} × ${fmt(bytes.other)} + ${fmt(b.embeddingParams)} × ${fmt(bytes.embeddings)}`
      : `P × B_w = ${fmt(model.totalParams)} × ${info.bytesPerParam}`;
  const weightNote = [
    info.isApproximate ? "GGUF bytes per weight are approximate and vary by model." : "",
    info.isQuantized && !info.coversEmbeddings ? `B = ${info.bytesFormula} bytes per quantized weight (scales included); embeddings and output head stay at 2 bytes.` : "",
    weights.scope === "experts-only" ? "As published: only the routed experts are quantized; attention and the rest stay 16-bit." : "",
  ]
    .filter(Boolean)
    .join(" ");
  return [
    makeFigure("weightsGb", "Weights memory", memory.weightsBytes / BYTES_PER_GB, "GB", weightsFormula, weightNote || undefined),
    makeFigure("kvBytesPerToken", `KV cache per token (${kv.toUpperCase()})`, memory.kvBytesPerToken, "bytes/token", kvFormula),
    makeFigure("kvBytesPerSequence", `KV cache per sequence at ${fmt(context)} tokens (prompt + output)`, memory.kvBytesPerSequence, "bytes", seqFormula(context)),
    makeFigure(
      "kvBytesPerSequenceAtMean",
      `KV cache per sequence at ${fmt(memory.meanContextTokens)} tokens (mean while decoding, s + n/2)`,
      memory.kvBytesPerSequenceAtMean,
      "bytes",
      seqFormula(memory.meanContextTokens),
      "Continuous batching frees a sequence's cache when it finishes, so on average a sequence holds its prompt and half its answer.",
    ),
  ];
}

function placementFigures(model: TModelArchitecture, gpu: TGpu, inputs: TSizingInputs, p: TPlacement, kv: TKvCachePrecision, context: number, e: TLayoutEvaluation): TFigure[] {
  const shard = kvShardWays(model, p.tensorParallel);
  const reported = gpu.driverMemoryBytes !== undefined;
  return [
    makeFigure(
      "usableGbPerGpu",
      "Usable memory per GPU",
      p.usableBytesPerGpu / BYTES_PER_GB,
      "GB",
      `memory as the driver reports it × gpu_memory_utilization = ${bytesText(gpuCapacityBytes(gpu))} bytes × ${inputs.gpuMemoryUtilization}`,
      reported
        ? `${gpu.name}: ${fmt(gpuCapacityBytes(gpu) / 2 ** 20)} MiB as nvidia-smi reports it (nominal ${gpu.memoryGb} GiB).`
        : `Nominal ${gpu.memoryGb} GiB (× 2^30 bytes); the driver-reported figure is not known for this GPU.`,
    ),
    makeFigure("tensorParallel", "Tensor-parallel degree", p.tensorParallel, "GPUs", "power of two ≤ GPUs per node dividing the attention heads; the layout search picks the cheapest unless pinned"),
    makeFigure("pipelineStages", "Pipeline stages (nodes)", p.pipelineStages, "nodes", "1 unless a whole node cannot hold the model"),
    makeFigure("gpusPerReplica", "GPUs per replica", p.gpusPerReplica, "GPUs", `tensor-parallel × pipeline stages = ${p.tensorParallel} × ${p.pipelineStages}`),
    makeFigure("weightsGbPerGpu", "Weights per GPU", p.weightsBytesPerGpu / BYTES_PER_GB, "GB", `weights ÷ GPUs per replica = ${fmt((p.weightsBytesPerGpu * p.gpusPerReplica) / BYTES_PER_GB)} ÷ ${p.gpusPerReplica}`),
    makeFigure(
      "overheadGbPerGpu",
      "Runtime overhead per GPU",
      p.overheadBytesPerGpu / BYTES_PER_GB,
      "GB",
      `fixed + fraction × weights per GPU = ${fmt(inputs.overheadGbPerGpu)} + ${fmt(inputs.overheadFractionOfWeights)} × ${fmt(p.weightsBytesPerGpu / BYTES_PER_GB)}`,
      "Activations, CUDA graphs and the CUDA context come out of the usable share, as vLLM's memory profile takes them.",
    ),
    makeFigure(
      "kvBudgetGbPerGpu",
      "KV cache budget per GPU",
      p.kvBudgetBytesPerGpu / BYTES_PER_GB,
      "GB",
      `usable − weights − overhead = ${fmt(p.usableBytesPerGpu / BYTES_PER_GB)} − ${fmt(p.weightsBytesPerGpu / BYTES_PER_GB)} − ${fmt(p.overheadBytesPerGpu / BYTES_PER_GB)}`,
    ),
    makeFigure(
      "maxConcurrentSequences",
      `Sequences whose KV fits (at ${fmt(e.meanContextTokens)} tokens each)`,
      p.maxConcurrentSequences,
      "sequences",
      `⌊KV budget per GPU ÷ KV per sequence per GPU at s + n/2⌋ = ⌊${bytesText(p.kvBudgetBytesPerGpu)} ÷ ${bytesText(p.kvBytesPerSequencePerGpu)}⌋, KV shards = ${shard} × ${p.pipelineStages} stage(s)`,
      model.attentionType === "mla"
        ? `MLA's latent cache is shared by all heads, so every tensor-parallel GPU holds a full copy. One ${fmt(context)}-token sequence must fit too.`
        : shard < p.tensorParallel
          ? `Only ${model.kvHeads} KV heads: beyond that, tensor parallelism replicates KV instead of splitting it.`
          : `KV at ${kv.toUpperCase()}. One full ${fmt(context)}-token sequence must fit too.`,
    ),
  ];
}

function throughputFigures(model: TModelArchitecture, gpu: TGpu, inputs: TSizingInputs, layout: TServingLayout, e: TLayoutEvaluation, a: TServingAssumptions): TFigure[] {
  const t = layout.tensorParallel;
  const bw = `${gpu.memoryBandwidthTbps} TB/s × ${inputs.memoryBandwidthUtilization} MBU`;
  const isMoe = model.totalParams > model.activeParams;
  const factor = e.speedFactor !== 1 ? ` ÷ measured speed factor ${fmt(e.speedFactor, 3)}` : "";
  const pMul = paramBreakdown(model).multipliedPerToken;
  return [
    makeFigure(
      "decodeTokensPerSecondPerSequence",
      "Decode speed, one sequence",
      1 / e.stepBatch1Seconds,
      "tokens/s",
      `1 ÷ (weights read per GPU ÷ (${bw}) + all-reduce + step overhead)${factor}`,
      "Bandwidth bound at batch 1.",
    ),
    makeFigure(
      "batchAtTarget",
      "Sequences decoded together per replica",
      e.batch,
      "sequences",
      `min(KV fits ${e.maxSequencesByMemory}, engine cap ${e.engineMaxBatch}, largest b meeting ${fmt(inputs.minOutputTokensPerSecondPerSequence)} tokens/s per user)`,
      `Limited by ${BATCH_LIMIT_TEXT[e.batchLimit]}.${isMoe ? " MoE: the weights read per step grow with batch as more experts are touched, 1 − (1 − k/E)^b of them." : ""}`,
    ),
    makeFigure(
      "stepSeconds",
      "Decode step at that batch",
      e.step.seconds * 1000,
      "ms",
      `(memory^p + compute^p)^(1/p) + all-reduce + overhead = (${fmt(e.step.memorySeconds * 1000)}^${a.rooflineOverlapExponent} + ${fmt(e.step.computeSeconds * 1000)}^${a.rooflineOverlapExponent})^(1/${a.rooflineOverlapExponent}) + ${fmt(e.step.allReduceSeconds * 1000)} + ${fmt(e.step.overheadSeconds * 1000)} ms`,
      `memory = (weights read + b × KV at s + n/2) ÷ t ÷ (${bw}); compute = b × (2 × ${fmt(pMul)} + attention) ÷ t ÷ (F × ${inputs.inferenceMfu} MFU); all-reduce = 2 × ${model.layers} layers × (${inputs.allReduceLatencyUs} µs + 2(t−1)/t × b × h × 2 bytes ÷ (${gpu.interconnectGBpsPerDirection ?? 32} GB/s × ${inputs.allReduceBandwidthEfficiency})), t = ${t}.`,
    ),
    makeFigure(
      "perSequenceTokensPerSecondAtBatch",
      "Per-user speed at that batch (1 ÷ TPOT)",
      1 / e.tpotSeconds,
      "tokens/s",
      `1 ÷ (step × (prefill + n × step ÷ b) ÷ (n × step ÷ b)) = 1 ÷ (${fmt(e.step.seconds * 1000)} ms × ${fmt(e.tpotSeconds / e.step.seconds, 3)})`,
      "Other requests' prefills share the replica, so each user's tokens come a little slower than one step each.",
    ),
    makeFigure(
      "timeToFirstTokenSeconds",
      "Time to first token, idle replica",
      e.ttftIdleSeconds,
      "s",
      `max(prefill, one weight read) + one step = max(${fmt(e.prefillSeconds, 4)}, …) + ${fmt(e.stepBatch1Seconds, 4)}; prefill = (2 × P_mul × s + attention over the prompt) ÷ t ÷ (F × MFU) + all-reduces, P_mul = ${fmt(pMul)}, s = ${inputs.promptTokensPerRequest}, t = ${t}, F = ${fmt(matmulFlopsPerSecond(layout.gpu, layout.weights))} FLOP/s, MFU ${inputs.inferenceMfu}${factor}`,
      "Queueing at the peak is added by the replica count (Erlang C), not here.",
    ),
    makeFigure(
      "sustainedOutputTokensPerSecondPerReplica",
      "Output tokens/s per replica when busy",
      e.outputTokensPerSecond,
      "tokens/s",
      `n ÷ (prefill + n × step ÷ b) = ${inputs.outputTokensPerRequest} ÷ (${fmt(e.prefillSeconds, 4)} + ${inputs.outputTokensPerRequest} × ${fmt(e.step.seconds, 4)} ÷ ${e.batch})`,
      layout.pipelineStages > 1 ? "Pipeline stages are assumed not to overlap, so multi-node capacity errs low." : undefined,
    ),
    makeFigure("requestsPerSecondPerReplica", "Requests per second per replica", e.requestsPerSecond, "requests/s", "output tokens/s ÷ n"),
  ];
}

function replicaFigures(
  inputs: TSizingInputs,
  e: TLayoutEvaluation,
  peakRps: number,
  peakRatio: number,
  maxPerReplica: number,
  replicas: number,
  totalGpus: number,
  gpusPerReplica: number,
  capacity: number,
  context: number,
  binding: TBinding,
): TFigure[] {
  const out: TFigure[] = [];
  if (inputs.ttftSeconds !== undefined) {
    out.push(
      makeFigure(
        "maxRequestsPerSecondPerReplica",
        `Peak requests/s one replica takes within p${Math.round(inputs.ttftQuantile * 100)} TTFT ${fmt(inputs.ttftSeconds)} s`,
        maxPerReplica,
        "requests/s",
        `largest λ with idle TTFT + Erlang C wait quantile ≤ target; ${e.batch} slots at ${fmt(e.requestsPerSecond / e.batch, 4)} requests/s each`,
        "Each replica is an M/M/c queue: Poisson arrivals, c = batch slots. P(wait > t) = C(c, λ/μ) × e^(−(cμ − λ)t).",
      ),
    );
  }
  const regionText = inputs.regions > 1 ? ` × ${inputs.regions} regions` : "";
  out.push(
    makeFigure(
      "replicas",
      "Replicas",
      replicas,
      "replicas",
      `(max(min replicas, ⌈peak per region ÷ per replica⌉)${inputs.hasSpareReplica ? " + 1 spare" : ""})${regionText} = (max(${inputs.minReplicas}, ⌈${fmt(peakRps / inputs.regions)} ÷ ${fmt(maxPerReplica)}⌉)${inputs.hasSpareReplica ? " + 1" : ""})${regionText}`,
      binding.text,
    ),
    makeFigure("totalGpus", "GPUs in total", totalGpus, "GPUs", `replicas × GPUs per replica = ${replicas} × ${gpusPerReplica}`),
    makeFigure(
      "replicaCapacityTokensPerMonth",
      "Monthly tokens one replica carries",
      capacity,
      "tokens/month",
      `peak requests/s per replica × (s + n) × 730 h × 3600 ÷ peak-to-average = ${fmt(maxPerReplica)} × ${context} × 2,628,000 ÷ ${fmt(peakRatio)}`,
    ),
  );
  return out;
}

function trafficFigures(inputs: TSizingInputs, traffic: TSizingResult["traffic"]): TFigure[] {
  return [
    makeFigure(
      "averageRequestsPerSecond",
      "Average requests per second",
      traffic.averageRequestsPerSecond,
      "requests/s",
      `requests per month ÷ (730 h × 3600) = ${fmt(traffic.requestsPerMonth)} ÷ 2,628,000`,
    ),
    makeFigure("peakRequestsPerSecond", "Peak requests per second", traffic.peakRequestsPerSecond, "requests/s", describePeak(inputs.peak)),
    makeFigure(
      "peakOutputTokensPerSecond",
      "Peak output tokens per second",
      traffic.peakOutputTokensPerSecond,
      "tokens/s",
      `peak requests/s × n = ${fmt(traffic.peakRequestsPerSecond)} × ${inputs.outputTokensPerRequest}`,
    ),
  ];
}
