// How one replica of the model is laid out on GPUs: tensor-parallel degree inside a node, and
// pipeline stages across nodes only when a whole node is not enough.
import { BYTES_PER_GB, BYTES_PER_GIB } from "../shared";
import { kvBytesPerSequence, kvShardWays, weightsBytes, type TKvCachePrecision, type TWeightPrecision } from "./memory";
import type { TGpu, TModelArchitecture } from "../shared";

export type TPlacementOptions = {
  weightPrecision: TWeightPrecision;
  kvCachePrecision: TKvCachePrecision;
  contextTokens: number;
  gpusPerNode: number;
  maxPipelineStages: number;
  gpuMemoryUtilization: number;
  overheadGbPerGpu: number;
  overheadFractionOfWeights: number;
};

export type TPlacement = {
  tensorParallel: number;
  pipelineStages: number;
  gpusPerReplica: number;
  usableBytesPerGpu: number;
  weightsBytesPerGpu: number;
  overheadBytesPerGpu: number;
  kvBudgetBytesPerGpu: number;
  kvBytesPerSequencePerGpu: number;
  maxConcurrentSequences: number;
};

export function usableBytesPerGpu(gpu: TGpu, gpuMemoryUtilization: number): number {
  return gpu.memoryGb * BYTES_PER_GIB * gpuMemoryUtilization;
}

/** Memory picture of one replica at a given layout; maxConcurrentSequences 0 means it does not fit. */
export function evaluatePlacement(
  model: TModelArchitecture,
  gpu: TGpu,
  options: TPlacementOptions,
  tensorParallel: number,
  pipelineStages: number,
): TPlacement {
  const usable = usableBytesPerGpu(gpu, options.gpuMemoryUtilization);
  const weightsPerGpu = weightsBytes(model, options.weightPrecision) / (tensorParallel * pipelineStages);
  const overhead = options.overheadGbPerGpu * BYTES_PER_GB + options.overheadFractionOfWeights * weightsPerGpu;
  const kvBudget = Math.max(0, usable - weightsPerGpu - overhead);
  // Pipeline stages split the layers, and with them each sequence's cache.
  const kvPerSeqPerGpu =
    kvBytesPerSequence(model, options.kvCachePrecision, options.contextTokens) / (kvShardWays(model, tensorParallel) * pipelineStages);
  const maxConcurrentSequences = kvPerSeqPerGpu > 0 ? Math.floor(kvBudget / kvPerSeqPerGpu) : 0;
  return {
    tensorParallel,
    pipelineStages,
    gpusPerReplica: tensorParallel * pipelineStages,
    usableBytesPerGpu: usable,
    weightsBytesPerGpu: weightsPerGpu,
    overheadBytesPerGpu: overhead,
    kvBudgetBytesPerGpu: kvBudget,
    kvBytesPerSequencePerGpu: kvPerSeqPerGpu,
    maxConcurrentSequences,
  };
}

/**
 * Tensor-parallel degrees worth trying: powers of two up to a node, dividing the attention heads
 * (vLLM refuses a degree that does not divide them).
 */
export function tensorParallelCandidates(model: TModelArchitecture, gpusPerNode: number): number[] {
  const out: number[] = [];
  for (let t = 1; t <= gpusPerNode; t *= 2) if (model.attentionHeads % t === 0) out.push(t);
  return out;
}

/**
 * Smallest layout that holds the weights, the overhead and at least one full-context sequence:
 * the smallest tensor-parallel degree within a node, else a full node per stage with the fewest
 * pipeline stages (nodes). Null when even `maxPipelineStages` nodes are not enough.
 */
export function choosePlacement(model: TModelArchitecture, gpu: TGpu, options: TPlacementOptions): TPlacement | null {
  const candidates = tensorParallelCandidates(model, options.gpusPerNode);
  for (const t of candidates) {
    const placement = evaluatePlacement(model, gpu, options, t, 1);
    if (placement.maxConcurrentSequences >= 1) return placement;
  }
  const widest = candidates[candidates.length - 1];
  const maxStages = Math.min(options.maxPipelineStages, model.layers);
  for (let stages = 2; stages <= maxStages; stages += 1) {
    const placement = evaluatePlacement(model, gpu, options, widest, stages);
    if (placement.maxConcurrentSequences >= 1) return placement;
  }
  return null;
}
