// One serving layout (GPU type, tensor-parallel degree, pipeline stages, weight and KV precision)
// evaluated for one request shape: memory per GPU, the batch continuous batching sustains, step
// time, throughput, time to first token, and how much traffic one replica takes within the latency
// targets. Pure arithmetic, no strings: the layout search runs this for every candidate, and
// sizing.ts explains the chosen one with formulas.
//
// Model (formulas.md "Throughput and latency", extended):
//   decode step(b) = max(memory, compute) + all-reduce + fixed overhead
//     memory  = (weight bytes read + b × KV bytes of a sequence at its mean context) ÷ t ÷ (BW × MBU)
//     compute = b × (2 × P_mul + attention FLOPs at the mean context) ÷ t ÷ (F × MFU)
//     all-reduce = 2 × L × (latency + 2(t − 1)/t × b × h × 2 bytes ÷ link bandwidth), t > 1
//   prefill(s) = (2 × P_mul × s + attention FLOPs of the prompt) ÷ t ÷ (F × MFU) + its all-reduces
//   batch b = min(sequences whose KV fits at their mean length, engine max batch, largest b that meets TPOT)
//   replica output tokens/s = n ÷ (prefill + n × step(b) ÷ b)
// Pipeline stages run one after another for a token, so their count cancels from step times; their
// overlap is left out, which errs low for multi-node replicas.
import { BYTES_PER_GIB } from "../shared";
import type { TGpu, TModelArchitecture } from "../shared";
import {
  KV_BYTES_PER_ELEMENT,
  kvBytesPerSequence,
  kvShardWays,
  paramBreakdown,
  slidingWindowLayerCount,
  WEIGHT_PRECISIONS,
  weightBytesReadPerDecodeStep,
  weightsBytesForScheme,
  type TKvCachePrecision,
  type TWeightScheme,
} from "./memory";
import { maxArrivalRateForWait } from "./queueing";

export type TServingAssumptions = {
  memoryBandwidthUtilization: number;
  inferenceMfu: number;
  gpuMemoryUtilization: number;
  overheadBytesPerGpu: number;
  overheadFractionOfWeights: number;
  /** Scheduler, sampling and kernel launches per decode step (CUDA graphs keep it small). */
  stepOverheadSeconds: number;
  /** Fixed cost of one tensor-parallel all-reduce (synchronisation), on top of its bytes. */
  allReduceLatencySeconds: number;
  /** Share of the link bandwidth an all-reduce achieves (NCCL bus bandwidth ÷ link bandwidth). */
  allReduceBandwidthEfficiency: number;
  /**
   * How memory and compute time combine in one step: (m^p + c^p)^(1/p). p → ∞ is the ideal
   * roofline max(m, c); kernels overlap the two imperfectly, most when they are close.
   */
  rooflineOverlapExponent: number;
  /** The engine's cap on sequences per step (vLLM max_num_seqs); null: the engine's default for the GPU. */
  maxBatchSequences: number | null;
  /**
   * Share of prompt tokens found in the prefix cache (a shared system prompt or repository context
   * reused across requests, vLLM's automatic prefix caching): their prefill is skipped.
   */
  promptCacheHitShare: number;
};

export type TServingLayout = {
  gpu: TGpu;
  tensorParallel: number;
  pipelineStages: number;
  weights: TWeightScheme;
  kvCachePrecision: TKvCachePrecision;
};

export type TServingTargets = {
  /** 0: no per-user speed target. */
  minOutputTokensPerSecondPerSequence: number;
  /** null: no time-to-first-token target (capacity is sized to the peak at full utilisation). */
  ttftSeconds: number | null;
  ttftQuantile: number;
};

export type TBatchLimit = "kv-memory" | "engine-max-batch" | "tpot-target";

export type TLayoutEvaluation = {
  /** False when the weights, overhead and one sequence do not fit (see `misfit`). */
  fits: boolean;
  misfit: string | null;
  capacityBytesPerGpu: number;
  usableBytesPerGpu: number;
  weightsBytes: number;
  weightsBytesPerGpu: number;
  overheadBytesPerGpu: number;
  kvBudgetBytesPerGpu: number;
  /** Mean tokens a sequence holds while it decodes: s + n/2 (what continuous batching keeps resident). */
  meanContextTokens: number;
  kvBytesPerSequencePerGpu: number;
  maxSequencesByMemory: number;
  engineMaxBatch: number;
  batch: number;
  batchLimit: TBatchLimit;
  /** Decode step at `batch` and its parts, seconds. */
  step: { seconds: number; memorySeconds: number; computeSeconds: number; allReduceSeconds: number; overheadSeconds: number };
  /** Decode step with one sequence on an idle replica. */
  stepBatch1Seconds: number;
  /** Prefill compute per request, as a busy replica spends it (weights already streaming). */
  prefillSeconds: number;
  /** First token on an idle replica: prefill of one prompt (compute or weight-read bound) + one step. */
  ttftIdleSeconds: number;
  /** Time per output token each user sees at `batch`, other requests' prefills included. */
  tpotSeconds: number;
  meetsTpot: boolean;
  outputTokensPerSecond: number;
  requestsPerSecond: number;
  /** Peak arrivals one replica takes within the TTFT target (all of requestsPerSecond without one). */
  maxRequestsPerSecondWithinTtft: number;
  meetsTtft: boolean;
  /** Measured ÷ estimated speed applied (1 for a pure estimate). */
  speedFactor: number;
};

export function gpuCapacityBytes(gpu: TGpu): number {
  return gpu.driverMemoryBytes ?? gpu.memoryGb * BYTES_PER_GIB;
}

/**
 * vLLM's max_num_seqs default: 1024 on GPUs with at least 70 GiB that are not A100s, else 256
 * (vllm/engine/arg_utils.py get_batch_defaults, v0.10-era).
 */
export function engineDefaultMaxBatch(gpu: TGpu): number {
  const isLarge = gpuCapacityBytes(gpu) >= 70 * BYTES_PER_GIB && !/a100/i.test(`${gpu.id} ${gpu.name}`);
  return isLarge ? 1024 : 256;
}

/** Dense FLOP/s of one GPU for the precision's matmuls (BF16 when the GPU lacks the format). */
export function matmulFlopsPerSecond(gpu: TGpu, weights: TWeightScheme): number {
  const rate = WEIGHT_PRECISIONS[weights.precision].matmul;
  let tflops = gpu.bf16DenseTflops;
  if (rate === "fp4" && gpu.fp4DenseTflops !== undefined) tflops = gpu.fp4DenseTflops;
  else if (rate === "fp8" && gpu.fp8DenseTflops !== undefined) tflops = gpu.fp8DenseTflops;
  return tflops * 1e12;
}

/** PCIe Gen4 x16 per direction, for a custom GPU that states no interconnect. */
export const DEFAULT_INTERCONNECT_GBPS = 32;

/**
 * Attention score and value FLOPs for one token attending to `context` tokens: 2 matmuls × 2 FLOPs
 * per multiply-add × n_h × d_h per layer; sliding-window layers see at most their window.
 */
export function attentionFlopsPerToken(model: TModelArchitecture, context: number): number {
  const local = slidingWindowLayerCount(model);
  const global = model.layers - local;
  const window = Math.min(context, model.slidingWindowTokens ?? context);
  return 4 * model.attentionHeads * model.headDim * (global * context + local * window);
}

/** Attention FLOPs of a whole causal prompt of `s` tokens: Σ over positions, i.e. ≈ s²/2 per global layer. */
export function promptAttentionFlops(model: TModelArchitecture, s: number): number {
  const local = slidingWindowLayerCount(model);
  const global = model.layers - local;
  const w = Math.min(s, model.slidingWindowTokens ?? s);
  // Σ_{i=1..s} min(i, w) = w(w + 1)/2 + (s − w)·w
  const windowSum = (w * (w + 1)) / 2 + (s - w) * w;
  return 4 * model.attentionHeads * model.headDim * (global * ((s * (s + 1)) / 2) + local * windowSum);
}

function allReduceSeconds(layout: TServingLayout, model: TModelArchitecture, tokens: number, a: TServingAssumptions): number {
  const t = layout.tensorParallel;
  if (t <= 1) return 0;
  const linkBytesPerSecond = (layout.gpu.interconnectGBpsPerDirection ?? DEFAULT_INTERCONNECT_GBPS) * 1e9 * a.allReduceBandwidthEfficiency;
  const messageBytes = tokens * model.hiddenSize * 2;
  const perCall = a.allReduceLatencySeconds + ((2 * (t - 1)) / t) * (messageBytes / linkBytesPerSecond);
  return 2 * model.layers * perCall;
}

export type TSpeedModel = {
  model: TModelArchitecture;
  layout: TServingLayout;
  assumptions: TServingAssumptions;
  multipliedParams: number;
  meanContextTokens: number;
  kvReadBytesPerSequencePerGpu: number;
  bandwidthBytesPerSecond: number;
  flopsPerSecond: number;
  speedFactor: number;
};

export function buildServingSpeed(
  model: TModelArchitecture,
  layout: TServingLayout,
  promptTokens: number,
  outputTokens: number,
  assumptions: TServingAssumptions,
  speedFactor = 1,
): TSpeedModel {
  const meanContext = promptTokens + outputTokens / 2;
  return {
    model,
    layout,
    assumptions,
    multipliedParams: paramBreakdown(model).multipliedPerToken,
    meanContextTokens: meanContext,
    kvReadBytesPerSequencePerGpu: kvBytesPerSequence(model, layout.kvCachePrecision, meanContext) / kvShardWays(model, layout.tensorParallel),
    bandwidthBytesPerSecond: layout.gpu.memoryBandwidthTbps * 1e12 * assumptions.memoryBandwidthUtilization,
    flopsPerSecond: matmulFlopsPerSecond(layout.gpu, layout.weights) * assumptions.inferenceMfu,
    speedFactor,
  };
}

/** (m^p + c^p)^(1/p), scaled so large p cannot overflow; equals max(m, c) as p → ∞. */
export function combineRoofline(memorySeconds: number, computeSeconds: number, p: number): number {
  const hi = Math.max(memorySeconds, computeSeconds);
  if (hi <= 0) return 0;
  const lo = Math.min(memorySeconds, computeSeconds);
  return hi * Math.pow(1 + Math.pow(lo / hi, p), 1 / p);
}

export function decodeStep(sp: TSpeedModel, batch: number): TLayoutEvaluation["step"] {
  const t = sp.layout.tensorParallel;
  const weightRead = weightBytesReadPerDecodeStep(sp.model, sp.layout.weights, batch) / t;
  const memorySeconds = (weightRead + batch * sp.kvReadBytesPerSequencePerGpu) / sp.bandwidthBytesPerSecond;
  const flops = batch * (2 * sp.multipliedParams + attentionFlopsPerToken(sp.model, sp.meanContextTokens));
  const computeSeconds = flops / t / sp.flopsPerSecond;
  const ar = allReduceSeconds(sp.layout, sp.model, batch, sp.assumptions);
  const overhead = sp.assumptions.stepOverheadSeconds;
  const f = sp.speedFactor;
  return {
    seconds: (combineRoofline(memorySeconds, computeSeconds, sp.assumptions.rooflineOverlapExponent) + ar + overhead) / f,
    memorySeconds: memorySeconds / f,
    computeSeconds: computeSeconds / f,
    allReduceSeconds: ar / f,
    overheadSeconds: overhead / f,
  };
}

/** Prefill compute of one prompt on a busy replica (chunked with decode, so the weights are already being read). */
export function prefillComputeSeconds(sp: TSpeedModel, promptTokens: number): number {
  // Cached prefix tokens are not recomputed; the rest still attend to the whole prompt, which the
  // proportional cut slightly understates.
  const computed = 1 - sp.assumptions.promptCacheHitShare;
  const flops = (2 * sp.multipliedParams * promptTokens + promptAttentionFlops(sp.model, promptTokens)) * computed;
  return (flops / sp.layout.tensorParallel / sp.flopsPerSecond + allReduceSeconds(sp.layout, sp.model, promptTokens, sp.assumptions)) / sp.speedFactor;
}

/** First token on an idle replica: the prompt's prefill, at least one full read of the weights, then the first step. */
export function idleTtftSeconds(sp: TSpeedModel, promptTokens: number): number {
  const weightsReadOnce = weightBytesReadPerDecodeStep(sp.model, sp.layout.weights, 1) / sp.layout.tensorParallel / sp.bandwidthBytesPerSecond / sp.speedFactor;
  return Math.max(prefillComputeSeconds(sp, promptTokens), weightsReadOnce);
}

/** Time per output token at `batch`, stretched by the replica time other requests' prefills take. */
export function effectiveTpotSeconds(sp: TSpeedModel, batch: number, prefillSeconds: number, outputTokens: number): number {
  const step = decodeStep(sp, batch).seconds;
  const decodePerRequest = (outputTokens * step) / batch;
  return (step * (prefillSeconds + decodePerRequest)) / decodePerRequest;
}

/** Largest batch ≤ maxBatch whose TPOT meets the target; TPOT only grows with batch, so bisection. 0 if none. */
export function maxBatchMeetingTpot(sp: TSpeedModel, maxBatch: number, prefillSeconds: number, outputTokens: number, minTokensPerSecond: number): number {
  if (maxBatch < 1) return 0;
  if (minTokensPerSecond <= 0) return maxBatch;
  const meets = (b: number) => effectiveTpotSeconds(sp, b, prefillSeconds, outputTokens) <= 1 / minTokensPerSecond;
  if (!meets(1)) return 0;
  let lo = 1;
  let hi = maxBatch;
  while (lo < hi) {
    const mid = Math.floor((lo + hi + 1) / 2);
    if (meets(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export type TLayoutMemory = Pick<
  TLayoutEvaluation,
  "capacityBytesPerGpu" | "usableBytesPerGpu" | "weightsBytes" | "weightsBytesPerGpu" | "overheadBytesPerGpu" | "kvBudgetBytesPerGpu" | "meanContextTokens" | "kvBytesPerSequencePerGpu" | "maxSequencesByMemory"
> & { kvBytesPerFullSequencePerGpu: number };

/**
 * Memory picture of one GPU. gpu_memory_utilization is a share of what the driver reports; weights,
 * activations and runtime overhead come out of it (as vLLM profiles them), the rest is KV cache.
 * Sequences are counted at their mean resident length s + n/2 (continuous batching frees a
 * sequence's blocks as it finishes), and one full-length sequence must fit.
 */
export function layoutMemory(model: TModelArchitecture, layout: TServingLayout, promptTokens: number, outputTokens: number, a: TServingAssumptions): TLayoutMemory {
  const gpusPerReplica = layout.tensorParallel * layout.pipelineStages;
  const capacity = gpuCapacityBytes(layout.gpu);
  const usable = capacity * a.gpuMemoryUtilization;
  const weightsBytes = weightsBytesForScheme(model, layout.weights);
  const weightsPerGpu = weightsBytes / gpusPerReplica;
  const overhead = a.overheadBytesPerGpu + a.overheadFractionOfWeights * weightsPerGpu;
  const kvBudget = Math.max(0, usable - weightsPerGpu - overhead);
  const shards = kvShardWays(model, layout.tensorParallel) * layout.pipelineStages;
  const meanContext = promptTokens + outputTokens / 2;
  const kvMean = kvBytesPerSequence(model, layout.kvCachePrecision, meanContext) / shards;
  const kvFull = kvBytesPerSequence(model, layout.kvCachePrecision, promptTokens + outputTokens) / shards;
  const maxByMemory = kvFull > 0 && kvBudget >= kvFull ? Math.floor(kvBudget / kvMean) : 0;
  return {
    capacityBytesPerGpu: capacity,
    usableBytesPerGpu: usable,
    weightsBytes,
    weightsBytesPerGpu: weightsPerGpu,
    overheadBytesPerGpu: overhead,
    kvBudgetBytesPerGpu: kvBudget,
    meanContextTokens: meanContext,
    kvBytesPerSequencePerGpu: kvMean,
    kvBytesPerFullSequencePerGpu: kvFull,
    maxSequencesByMemory: maxByMemory,
  };
}

/** Bytes per KV element at a precision, re-exported for callers that format figures. */
export const kvBytesPerElement = (p: TKvCachePrecision) => KV_BYTES_PER_ELEMENT[p];

/**
 * Evaluates one layout. `speedFactor` scales every time (measured ÷ estimated speed of this very
 * layout); 1 for a pure estimate. `batchOverride` fixes the batch (a measurement's concurrency).
 */
export function evaluateLayout(
  model: TModelArchitecture,
  layout: TServingLayout,
  promptTokens: number,
  outputTokens: number,
  targets: TServingTargets,
  a: TServingAssumptions,
  options: { speedFactor?: number; batchOverride?: number } = {},
): TLayoutEvaluation {
  const speedFactor = options.speedFactor ?? 1;
  const mem = layoutMemory(model, layout, promptTokens, outputTokens, a);
  const sp = buildServingSpeed(model, layout, promptTokens, outputTokens, a, speedFactor);
  const engineMaxBatch = a.maxBatchSequences ?? engineDefaultMaxBatch(layout.gpu);
  const prefill = prefillComputeSeconds(sp, promptTokens);
  const ttftIdle = idleTtftSeconds(sp, promptTokens) + decodeStep(sp, 1).seconds;
  const stepBatch1Seconds = decodeStep(sp, 1).seconds;
  const fitsMemory = mem.maxSequencesByMemory >= 1;
  const cap = Math.min(mem.maxSequencesByMemory, engineMaxBatch);
  let batch: number;
  let batchLimit: TBatchLimit = mem.maxSequencesByMemory <= engineMaxBatch ? "kv-memory" : "engine-max-batch";
  if (options.batchOverride !== undefined) {
    batch = Math.max(1, Math.min(cap, options.batchOverride));
  } else {
    const byTpot = maxBatchMeetingTpot(sp, cap, prefill, outputTokens, targets.minOutputTokensPerSecondPerSequence);
    if (byTpot < cap) batchLimit = "tpot-target";
    batch = Math.max(1, byTpot);
  }
  const step = decodeStep(sp, batch);
  const tpot = effectiveTpotSeconds(sp, batch, prefill, outputTokens);
  const meetsTpot = targets.minOutputTokensPerSecondPerSequence <= 0 || tpot <= 1 / targets.minOutputTokensPerSecondPerSequence;
  const replicaSecondsPerRequest = prefill + (outputTokens * step.seconds) / batch;
  const requestsPerSecond = 1 / replicaSecondsPerRequest;
  let maxWithinTtft = requestsPerSecond;
  let meetsTtft = true;
  if (targets.ttftSeconds !== null) {
    const budget = targets.ttftSeconds - ttftIdle;
    meetsTtft = budget >= 0;
    maxWithinTtft = meetsTtft ? maxArrivalRateForWait(batch, requestsPerSecond / batch, targets.ttftQuantile, budget) : 0;
  }
  return {
    fits: fitsMemory,
    misfit: fitsMemory ? null : mem.kvBudgetBytesPerGpu <= 0 ? "weights and overhead exceed the usable memory" : "no room for one full-length sequence's KV cache",
    capacityBytesPerGpu: mem.capacityBytesPerGpu,
    usableBytesPerGpu: mem.usableBytesPerGpu,
    weightsBytes: mem.weightsBytes,
    weightsBytesPerGpu: mem.weightsBytesPerGpu,
    overheadBytesPerGpu: mem.overheadBytesPerGpu,
    kvBudgetBytesPerGpu: mem.kvBudgetBytesPerGpu,
    meanContextTokens: mem.meanContextTokens,
    kvBytesPerSequencePerGpu: mem.kvBytesPerSequencePerGpu,
    maxSequencesByMemory: mem.maxSequencesByMemory,
    engineMaxBatch,
    batch,
    batchLimit,
    step,
    stepBatch1Seconds,
    prefillSeconds: prefill,
    ttftIdleSeconds: ttftIdle,
    tpotSeconds: tpot,
    meetsTpot,
    outputTokensPerSecond: outputTokens * requestsPerSecond,
    requestsPerSecond,
    maxRequestsPerSecondWithinTtft: maxWithinTtft,
    meetsTtft,
    speedFactor,
  };
}
