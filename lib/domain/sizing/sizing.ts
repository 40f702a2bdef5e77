// Infrastructure sizing: from a model, a GPU and a traffic profile to replicas, GPUs and monthly
// cost. Composes sizing-memory (bytes), sizing-placement (layout), sizing-throughput (speed),
// sizing-traffic (peak) and sizing-cost (money); this file adds validation and the explanations.
import { describeStatedFactors, type TStatedFactor } from "./efficiency-defaults";
import { DomainInputError, parseOrThrow } from "../shared";
import type { TFigure } from "../shared";
import { makeFigure } from "../shared";
import { BYTES_PER_GB, fmt, SECONDS_PER_MONTH } from "../shared";
import { ZSizingInputs, type TSizingInputs, type TSizingInputsRaw } from "./inputs";
import {
  kvBytesPerSequence,
  kvBytesPerToken,
  kvShardWays,
  slidingWindowLayerCount,
  WEIGHT_PRECISIONS,
  weightsBytes,
  ZSizableModel,
  KV_BYTES_PER_ELEMENT,
} from "./memory";
import { choosePlacement, evaluatePlacement, tensorParallelCandidates, type TPlacement, type TPlacementOptions } from "./placement";
import {
  aggregateDecodeTokensPerSecond,
  buildSpeedModel,
  maxBatchMeetingTarget,
  perSequenceTokensPerSecond,
  prefillSeconds,
  sustainedOutputTokensPerSecond,
  type TReplicaSpeedModel,
} from "./throughput";
import { averageRequestsPerSecond, describePeak, peakRequestsPerSecond, requestsPerMonth } from "./traffic";
import { cloudOnDemandPerGpuMonth, cloudReservedPerGpuMonth, ownedPerGpuMonth, type TGpuMonthCost, type TInfraCostKind } from "./cost";
import { ZGpu, type TGpu, type TModelArchitecture } from "../shared";

export * from "./inputs";
export { WEIGHT_PRECISIONS, KV_BYTES_PER_ELEMENT, ZWeightPrecision, ZKvCachePrecision } from "./memory";
export type { TWeightPrecision, TKvCachePrecision } from "./memory";
export type { TPlacement } from "./placement";
export type { TInfraCostKind } from "./cost";

export type TInfraCost = {
  kind: TInfraCostKind;
  usdPerGpuMonth: number;
  usdPerReplicaMonth: number;
  /** replicas × usdPerReplicaMonth: always a whole number of replica costs. */
  usdPerMonth: number;
  figures: TFigure[];
};

export type TSizingThroughput = {
  /** Batch 1, bandwidth bound: what one user sees on an idle replica. */
  decodeTokensPerSecondPerSequence: number;
  /** Sequences decoded together per replica while meeting the latency target. */
  batchAtTarget: number;
  perSequenceTokensPerSecondAtBatch: number;
  aggregateDecodeTokensPerSecond: number;
  /** Compute ceiling t·F·MFU / (2·P_act): no batch can decode faster. */
  computeCeilingTokensPerSecond: number;
  /** Prefill of one prompt on an idle replica; queueing excluded. */
  timeToFirstTokenSeconds: number;
  sustainedOutputTokensPerSecondPerReplica: number;
  requestsPerSecondPerReplica: number;
  latencyTargetMet: boolean;
};

export type TSizingResult = {
  fits: boolean;
  warnings: string[];
  /** Prompt + output tokens: the context every concurrent sequence is sized for. */
  contextTokens: number;
  memory: {
    bytesPerParam: number;
    bytesPerParamIsApproximate: boolean;
    weightsBytes: number;
    /** Textbook per-token KV (every layer global). */
    kvBytesPerToken: number;
    /** One sequence at contextTokens, sliding windows applied. */
    kvBytesPerSequence: number;
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
   * Monthly prompt + output tokens one replica carries while still covering the peak, i.e.
   * sustained capacity × seconds per month / peak-to-average ratio. Feeds the economics staircase.
   */
  replicaCapacityTokensPerMonth: number | null;
  /** The floor the staircase starts from (high availability), as entered. */
  minReplicas: number;
  replicas: number | null;
  totalGpus: number | null;
  costs: Record<TInfraCostKind, TInfraCost | null>;
  /** Efficiency factors this sizing ran with, defaults marked with their sources. */
  statedFactors: TStatedFactor[];
  figures: TFigure[];
};

/** ceil that ignores float dust: 3.0000000000001 replicas is 3. */
function ceilTolerant(x: number): number {
  return Math.ceil(x - 1e-9 * Math.max(1, Math.abs(x)));
}

export function parseSizingInputs(raw: unknown): TSizingInputs {
  return parseOrThrow(ZSizingInputs, raw, "sizing inputs");
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
}

export function sizeDeployment(rawInputs: TSizingInputsRaw, rawModel: TModelArchitecture, rawGpu: TGpu): TSizingResult {
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
    minOutputTokensPerSecondPerSequence: inputs.minOutputTokensPerSecondPerSequence,
    ...(inputs.peak.method === "factor" ? { peakToAverageRatio: inputs.peak.peakToAverageRatio } : {}),
  });
  const s = inputs.promptTokensPerRequest;
  const n = inputs.outputTokensPerRequest;
  const context = s + n;
  const precision = WEIGHT_PRECISIONS[inputs.weightPrecision];
  const memory = {
    bytesPerParam: precision.bytesPerParam,
    bytesPerParamIsApproximate: precision.isApproximate,
    weightsBytes: weightsBytes(model, inputs.weightPrecision),
    kvBytesPerToken: kvBytesPerToken(model, inputs.kvCachePrecision),
    kvBytesPerSequence: kvBytesPerSequence(model, inputs.kvCachePrecision, context),
  };

  const placementOptions: TPlacementOptions = { ...inputs, contextTokens: context };
  const placement = inputs.tensorParallelOverride === undefined ? choosePlacement(model, gpu, placementOptions) : overridePlacement(model, gpu, inputs, placementOptions, warnings);

  const avgRps = averageRequestsPerSecond(inputs.traffic, context);
  const peakRps = peakRequestsPerSecond(avgRps, inputs.peak);
  const traffic = {
    requestsPerMonth: requestsPerMonth(inputs.traffic, context),
    averageRequestsPerSecond: avgRps,
    peakRequestsPerSecond: peakRps,
    peakOutputTokensPerSecond: peakRps * n,
  };

  const figures: TFigure[] = [...memoryFigures(model, inputs, memory, context)];
  figures.push(...trafficFigures(inputs, traffic));
  const noCosts = { cloudOnDemand: null, cloudReserved: null, owned: null };

  if (placement === null) {
    warnings.push(
      `${model.name} at ${precision.label} does not fit on ${inputs.maxPipelineStages} node(s) of ${inputs.gpusPerNode} × ${gpu.name} with room for one ${context}-token sequence.`,
    );
    return { fits: false, warnings, contextTokens: context, memory, placement: null, throughput: null, traffic, replicaCapacityTokensPerMonth: null, minReplicas: inputs.minReplicas, replicas: null, totalGpus: null, costs: noCosts, statedFactors, figures };
  }
  if (placement.pipelineStages > 1) {
    warnings.push(
      `One replica spans ${placement.pipelineStages} nodes (tensor-parallel ${placement.tensorParallel} within a node, pipeline-parallel across nodes); inter-node networking becomes part of the design.`,
    );
  }
  figures.push(...placementFigures(model, gpu, inputs, placement));

  const speed = buildSpeedModel({ ...inputs, model, gpu, tensorParallel: placement.tensorParallel, promptTokens: s, outputTokens: n });
  const throughput = computeThroughput(speed, placement, inputs, warnings);
  figures.push(...throughputFigures(model, gpu, inputs, speed, placement, throughput));

  const peakRatio = avgRps > 0 ? peakRps / avgRps : inputs.peak.method === "factor" ? inputs.peak.peakToAverageRatio : inputs.peak.busyHourToAverageRatio;
  const replicaCapacityTokensPerMonth = (throughput.requestsPerSecondPerReplica * context * SECONDS_PER_MONTH) / peakRatio;
  const replicas = Math.max(inputs.minReplicas, ceilTolerant(peakRps / throughput.requestsPerSecondPerReplica));
  const totalGpus = replicas * placement.gpusPerReplica;
  figures.push(
    makeFigure(
      "replicas",
      "Replicas",
      replicas,
      "replicas",
      `max(min replicas, ⌈peak requests/s ÷ requests/s per replica⌉) = max(${inputs.minReplicas}, ⌈${fmt(peakRps)} ÷ ${fmt(throughput.requestsPerSecondPerReplica)}⌉)`,
    ),
    makeFigure("totalGpus", "GPUs in total", totalGpus, "GPUs", `replicas × GPUs per replica = ${replicas} × ${placement.gpusPerReplica}`),
    makeFigure(
      "replicaCapacityTokensPerMonth",
      "Monthly tokens one replica carries",
      replicaCapacityTokensPerMonth,
      "tokens/month",
      `requests/s per replica × (s + n) × 730 h × 3600 ÷ peak-to-average = ${fmt(throughput.requestsPerSecondPerReplica)} × ${context} × 2,628,000 ÷ ${fmt(peakRatio)}`,
    ),
  );

  const costs = computeCosts(inputs, gpu, placement.gpusPerReplica, replicas);
  for (const cost of Object.values(costs)) if (cost) figures.push(...cost.figures);

  return { fits: true, warnings, contextTokens: context, memory, placement, throughput, traffic, replicaCapacityTokensPerMonth, minReplicas: inputs.minReplicas, replicas, totalGpus, costs, statedFactors, figures };
}

function overridePlacement(model: TModelArchitecture, gpu: TGpu, inputs: TSizingInputs, options: TPlacementOptions, warnings: string[]): TPlacement | null {
  const t = inputs.tensorParallelOverride ?? 1;
  if (!tensorParallelCandidates(model, inputs.gpusPerNode).includes(t)) {
    throw new DomainInputError("sizing inputs", [
      {
        path: "tensorParallelOverride",
        message: `tensorParallelOverride: ${t} must be a power of two ≤ gpusPerNode (${inputs.gpusPerNode}) dividing the model's ${model.attentionHeads} attention heads`,
      },
    ]);
  }
  const placement = evaluatePlacement(model, gpu, options, t, 1);
  if (placement.maxConcurrentSequences >= 1) return placement;
  warnings.push(`Tensor-parallel ${t} leaves no room for one ${options.contextTokens}-token sequence.`);
  return null;
}

function computeThroughput(speed: TReplicaSpeedModel, placement: TPlacement, inputs: TSizingInputs, warnings: string[]): TSizingThroughput {
  const s = inputs.promptTokensPerRequest;
  const n = inputs.outputTokensPerRequest;
  const target = inputs.minOutputTokensPerSecondPerSequence;
  let batch = maxBatchMeetingTarget(speed, placement.maxConcurrentSequences, target);
  const latencyTargetMet = batch >= 1;
  if (!latencyTargetMet) {
    batch = 1;
    warnings.push(
      `Even one sequence decodes at ${fmt(perSequenceTokensPerSecond(speed, 1), 3)} tokens/s, below the ${fmt(target)} tokens/s target; capacity is shown at batch 1. A faster GPU, more tensor parallelism or smaller weights would help.`,
    );
  }
  const sustained = sustainedOutputTokensPerSecond(speed, batch, s, n);
  return {
    decodeTokensPerSecondPerSequence: perSequenceTokensPerSecond(speed, 1),
    batchAtTarget: batch,
    perSequenceTokensPerSecondAtBatch: perSequenceTokensPerSecond(speed, batch),
    aggregateDecodeTokensPerSecond: aggregateDecodeTokensPerSecond(speed, batch),
    computeCeilingTokensPerSecond: (placement.tensorParallel * speed.effectiveFlopsPerSecond) / (2 * speed.model.activeParams),
    timeToFirstTokenSeconds: prefillSeconds(speed, s),
    sustainedOutputTokensPerSecondPerReplica: sustained,
    requestsPerSecondPerReplica: sustained / n,
    latencyTargetMet,
  };
}

function computeCosts(inputs: TSizingInputs, gpu: TGpu, gpusPerReplica: number, replicas: number): Record<TInfraCostKind, TInfraCost | null> {
  const { cloudOnDemand, cloudReserved, owned } = inputs.cost;
  const scale = (c: TGpuMonthCost): TInfraCost => {
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
  return {
    cloudOnDemand: cloudOnDemand ? scale(cloudOnDemandPerGpuMonth(cloudOnDemand.usdPerGpuHour)) : null,
    cloudReserved: cloudReserved ? scale(cloudReservedPerGpuMonth(cloudReserved.usdPerGpuHour, cloudReserved.discountPercent)) : null,
    owned: owned ? scale(ownedPerGpuMonth(owned, gpu)) : null,
  };
}

function memoryFigures(model: TModelArchitecture, inputs: TSizingInputs, memory: TSizingResult["memory"], context: number): TFigure[] {
  const bKv = KV_BYTES_PER_ELEMENT[inputs.kvCachePrecision];
  const kvFormula =
    model.attentionType === "mla"
      ? `(kv_lora_rank + qk_rope_head_dim) × L × B_kv = (${model.kvLoraRank} + ${model.qkRopeHeadDim}) × ${model.layers} × ${bKv}`
      : `2 × L × n_kv × d_h × B_kv = 2 × ${model.layers} × ${model.kvHeads} × ${model.headDim} × ${bKv}`;
  const local = slidingWindowLayerCount(model);
  const seqFormula =
    local === 0
      ? `KV per token × context = ${fmt(memory.kvBytesPerToken)} × ${context}`
      : `KV per token per layer × (global layers × context + window layers × min(context, window)) = ${fmt(memory.kvBytesPerToken / model.layers)} × (${model.layers - local} × ${context} + ${local} × ${Math.min(context, model.slidingWindowTokens ?? context)})`;
  return [
    makeFigure(
      "weightsGb",
      "Weights memory",
      memory.weightsBytes / BYTES_PER_GB,
      "GB",
      `P × B_w = ${fmt(model.totalParams)} × ${memory.bytesPerParam} bytes`,
      memory.bytesPerParamIsApproximate ? "GGUF bytes per weight are approximate and vary by model." : undefined,
    ),
    makeFigure("kvBytesPerToken", "KV cache per token", memory.kvBytesPerToken, "bytes/token", kvFormula),
    makeFigure("kvGbPerSequence", "KV cache per sequence at full context", memory.kvBytesPerSequence / BYTES_PER_GB, "GB", seqFormula),
  ];
}

function placementFigures(model: TModelArchitecture, gpu: TGpu, inputs: TSizingInputs, p: TPlacement): TFigure[] {
  const shard = kvShardWays(model, p.tensorParallel);
  return [
    makeFigure(
      "usableGbPerGpu",
      "Usable memory per GPU",
      p.usableBytesPerGpu / BYTES_PER_GB,
      "GB",
      `memory (binary GB) × 2^30 × gpu_memory_utilization = ${gpu.memoryGb} × 1.0737 × ${inputs.gpuMemoryUtilization}`,
      "Vendors' GPU memory sizes are binary: an \"80 GB\" GPU holds 85.9 decimal GB.",
    ),
    makeFigure("tensorParallel", "Tensor-parallel degree", p.tensorParallel, "GPUs", "smallest power of two (dividing the attention heads, ≤ GPUs per node) that fits weights + overhead + one sequence"),
    makeFigure("pipelineStages", "Pipeline stages (nodes)", p.pipelineStages, "nodes", "1 unless a whole node cannot hold the model"),
    makeFigure("gpusPerReplica", "GPUs per replica", p.gpusPerReplica, "GPUs", `tensor-parallel × pipeline stages = ${p.tensorParallel} × ${p.pipelineStages}`),
    makeFigure("weightsGbPerGpu", "Weights per GPU", p.weightsBytesPerGpu / BYTES_PER_GB, "GB", `weights ÷ GPUs per replica = ${fmt(p.weightsBytesPerGpu * p.gpusPerReplica / BYTES_PER_GB)} ÷ ${p.gpusPerReplica}`),
    makeFigure(
      "overheadGbPerGpu",
      "Runtime overhead per GPU",
      p.overheadBytesPerGpu / BYTES_PER_GB,
      "GB",
      `fixed + fraction × weights per GPU = ${fmt(inputs.overheadGbPerGpu)} + ${fmt(inputs.overheadFractionOfWeights)} × ${fmt(p.weightsBytesPerGpu / BYTES_PER_GB)}`,
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
      "Concurrent sequences that fit",
      p.maxConcurrentSequences,
      "sequences",
      `⌊KV budget per GPU ÷ (KV per sequence ÷ (KV shards × stages))⌋ = ⌊${fmt(p.kvBudgetBytesPerGpu)} ÷ ${fmt(p.kvBytesPerSequencePerGpu)}⌋, KV shards = ${shard}`,
      model.attentionType === "mla"
        ? "MLA's latent cache is shared by all heads, so every tensor-parallel GPU holds a full copy."
        : shard < p.tensorParallel
          ? `Only ${model.kvHeads} KV heads: beyond that, tensor parallelism replicates KV instead of splitting it.`
          : undefined,
    ),
  ];
}

function throughputFigures(model: TModelArchitecture, gpu: TGpu, inputs: TSizingInputs, speed: TReplicaSpeedModel, p: TPlacement, t: TSizingThroughput): TFigure[] {
  const bw = `${gpu.memoryBandwidthTbps} TB/s × ${inputs.memoryBandwidthUtilization} MBU`;
  const isMoe = model.totalParams > model.activeParams;
  return [
    makeFigure(
      "decodeTokensPerSecondPerSequence",
      "Decode speed, one sequence",
      t.decodeTokensPerSecondPerSequence,
      "tokens/s",
      `t × BW × MBU ÷ (P_act × B_w + KV read per GPU × t) = ${p.tensorParallel} × ${bw} ÷ (${fmt(model.activeParams)} × ${speed.bytesPerParam} + ${fmt(speed.kvReadBytesPerSequencePerGpu * p.tensorParallel)})`,
      "Bandwidth bound; KV read at the mean decode context s + n/2.",
    ),
    makeFigure(
      "batchAtTarget",
      "Sequences decoded together per replica",
      t.batchAtTarget,
      "sequences",
      `largest b ≤ ${p.maxConcurrentSequences} with per-sequence tokens/s ≥ ${fmt(inputs.minOutputTokensPerSecondPerSequence)}`,
      isMoe ? "MoE: the weights read per step grow with batch as more experts are touched, 1 − (1 − k/E)^b of them." : undefined,
    ),
    makeFigure("perSequenceTokensPerSecondAtBatch", "Per-sequence speed at that batch", t.perSequenceTokensPerSecondAtBatch, "tokens/s", "1 ÷ max(memory step time, compute step time)"),
    makeFigure(
      "aggregateDecodeTokensPerSecond",
      "Decode throughput per replica",
      t.aggregateDecodeTokensPerSecond,
      "tokens/s",
      `b ÷ max((weights read + b × KV read) ÷ (BW × MBU), b × 2 × P_act ÷ (t × F × MFU)), b = ${t.batchAtTarget}`,
    ),
    makeFigure(
      "computeCeilingTokensPerSecond",
      "Compute ceiling per replica",
      t.computeCeilingTokensPerSecond,
      "tokens/s",
      `t × F × MFU ÷ (2 × P_act) = ${p.tensorParallel} × ${fmt(speed.effectiveFlopsPerSecond / inputs.inferenceMfu)} × ${inputs.inferenceMfu} ÷ (2 × ${fmt(model.activeParams)})`,
    ),
    makeFigure(
      "timeToFirstTokenSeconds",
      "Time to first token (prefill)",
      t.timeToFirstTokenSeconds,
      "s",
      `2 × P_act × s ÷ (t × F × MFU) = 2 × ${fmt(model.activeParams)} × ${inputs.promptTokensPerRequest} ÷ (${p.tensorParallel} × ${fmt(speed.effectiveFlopsPerSecond)})`,
      "Idle replica, queueing excluded.",
    ),
    makeFigure(
      "sustainedOutputTokensPerSecondPerReplica",
      "Sustained output per replica at the latency target",
      t.sustainedOutputTokensPerSecondPerReplica,
      "tokens/s",
      `n ÷ (prefill time + n ÷ decode throughput) = ${inputs.outputTokensPerRequest} ÷ (${fmt(t.timeToFirstTokenSeconds)} + ${inputs.outputTokensPerRequest} ÷ ${fmt(t.aggregateDecodeTokensPerSecond)})`,
      p.pipelineStages > 1 ? "Pipeline stages are assumed not to overlap, so multi-node capacity errs low." : undefined,
    ),
    makeFigure("requestsPerSecondPerReplica", "Requests per second per replica", t.requestsPerSecondPerReplica, "requests/s", "sustained output tokens/s ÷ n"),
  ];
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
