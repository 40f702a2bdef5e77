// Speed of one replica. Decode reads the weights once per step for the whole batch plus each
// sequence's KV (bandwidth bound at small batch); every token also costs 2·P_act FLOPs (compute bound
// at large batch). Sources: Databricks "LLM Inference Performance Engineering" (MBU), Kaplan et al.
// 2020 (2N FLOPs per token), formulas.md "Throughput and latency".
import { kvBytesPerSequence, kvShardWays, paramsReadPerDecodeStep, WEIGHT_PRECISIONS, type TKvCachePrecision, type TWeightPrecision } from "./memory";
import type { TGpu, TModelArchitecture } from "../shared";

export type TReplicaSpeedModel = {
  model: TModelArchitecture;
  bytesPerParam: number;
  tensorParallel: number;
  /** KV bytes each GPU reads per sequence per step, at the average decode context. */
  kvReadBytesPerSequencePerGpu: number;
  /** Achieved bandwidth of one GPU: peak × MBU. */
  effectiveBandwidthBytesPerSecond: number;
  /** Achieved FLOP/s of one GPU: peak × MFU. */
  effectiveFlopsPerSecond: number;
};

/**
 * Dense peak FLOP/s used for a weight precision. FP8 checkpoints run FP8 matmuls (W8A8) where the
 * GPU has them; integer and GGUF weights are usually dequantised to BF16 for the matmul (W4A16,
 * W8A16), so they get the BF16 peak.
 */
export function peakFlopsPerSecond(gpu: TGpu, precision: TWeightPrecision): number {
  const tflops = precision === "fp8" && gpu.fp8DenseTflops !== undefined ? gpu.fp8DenseTflops : gpu.bf16DenseTflops;
  return tflops * 1e12;
}

export function buildSpeedModel(args: {
  model: TModelArchitecture;
  gpu: TGpu;
  weightPrecision: TWeightPrecision;
  kvCachePrecision: TKvCachePrecision;
  tensorParallel: number;
  promptTokens: number;
  outputTokens: number;
  memoryBandwidthUtilization: number;
  inferenceMfu: number;
}): TReplicaSpeedModel {
  // A sequence's cache grows from s to s + n while it decodes; the mean read is at s + n/2.
  const averageContext = args.promptTokens + args.outputTokens / 2;
  const kvRead = kvBytesPerSequence(args.model, args.kvCachePrecision, averageContext) / kvShardWays(args.model, args.tensorParallel);
  return {
    model: args.model,
    bytesPerParam: WEIGHT_PRECISIONS[args.weightPrecision].bytesPerParam,
    tensorParallel: args.tensorParallel,
    kvReadBytesPerSequencePerGpu: kvRead,
    effectiveBandwidthBytesPerSecond: args.gpu.memoryBandwidthTbps * 1e12 * args.memoryBandwidthUtilization,
    effectiveFlopsPerSecond: peakFlopsPerSecond(args.gpu, args.weightPrecision) * args.inferenceMfu,
  };
}

/**
 * Seconds per decode step for `batch` sequences. Pipeline stages run one after another for a
 * token, so their count cancels: each reads 1/stages of the weights and KV, in turn.
 */
export function memoryBoundStepSeconds(s: TReplicaSpeedModel, batch: number): number {
  const weightBytesPerGpu = (paramsReadPerDecodeStep(s.model, batch) * s.bytesPerParam) / s.tensorParallel;
  return (weightBytesPerGpu + batch * s.kvReadBytesPerSequencePerGpu) / s.effectiveBandwidthBytesPerSecond;
}

export function computeBoundStepSeconds(s: TReplicaSpeedModel, batch: number): number {
  return (batch * 2 * s.model.activeParams) / (s.tensorParallel * s.effectiveFlopsPerSecond);
}

export function decodeStepSeconds(s: TReplicaSpeedModel, batch: number): number {
  return Math.max(memoryBoundStepSeconds(s, batch), computeBoundStepSeconds(s, batch));
}

/** Output tokens per second each sequence sees at `batch` (1 / inter-token latency). */
export function perSequenceTokensPerSecond(s: TReplicaSpeedModel, batch: number): number {
  return 1 / decodeStepSeconds(s, batch);
}

export function aggregateDecodeTokensPerSecond(s: TReplicaSpeedModel, batch: number): number {
  return batch / decodeStepSeconds(s, batch);
}

/**
 * Largest batch ≤ maxBatch whose per-sequence speed still meets the target. Step time only grows
 * with batch, so a binary search suffices. 0 when even one sequence is too slow.
 */
export function maxBatchMeetingTarget(s: TReplicaSpeedModel, maxBatch: number, minTokensPerSecondPerSequence: number): number {
  if (maxBatch < 1) return 0;
  if (minTokensPerSecondPerSequence <= 0) return maxBatch;
  const meets = (b: number) => perSequenceTokensPerSecond(s, b) >= minTokensPerSecondPerSequence;
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

/** Prefill of one prompt alone on the replica: 2·P_act·s FLOPs (attention's s² term left out). */
export function prefillSeconds(s: TReplicaSpeedModel, promptTokens: number): number {
  return (2 * s.model.activeParams * promptTokens) / (s.tensorParallel * s.effectiveFlopsPerSecond);
}

/**
 * Output tokens/s a replica sustains when busy: each request takes the whole replica for its
 * prefill, then shares decode steps with `batch` − 1 others. Pipelined stages could raise this up
 * to × stages with enough micro-batches; left out, so this errs low.
 */
export function sustainedOutputTokensPerSecond(s: TReplicaSpeedModel, batch: number, promptTokens: number, outputTokens: number): number {
  const replicaSecondsPerRequest = prefillSeconds(s, promptTokens) + outputTokens / aggregateDecodeTokensPerSecond(s, batch);
  return outputTokens / replicaSecondsPerRequest;
}
