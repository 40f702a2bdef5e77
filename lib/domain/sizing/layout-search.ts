// The cheapest serving layout that meets every target: enumerate what a team could actually run
// (GPU type, weight and KV precision, tensor-parallel degree within a node, pipeline stages across
// nodes), size the replicas each needs for the peak, and rank by total cost per month. Any
// dimension can be pinned. Work is bounded by the number of candidates (GPUs × precisions ×
// degrees × 2 stage counts), never by the traffic.
import type { TGpu, TModelArchitecture } from "../shared";
import { finiteOrNull, SECONDS_PER_MONTH } from "../shared";
import { WEIGHT_PRECISIONS, type TKvCachePrecision, type TWeightPrecision, type TWeightScheme } from "./memory";
import { qualityForPrecision, type TEnteredQualityDelta, type TQualitySource } from "./quality";
import { maxArrivalRateForWait } from "./queueing";
import { evaluateLayout, type TBatchLimit, type TLayoutEvaluation, type TServingAssumptions, type TServingLayout, type TServingTargets } from "./serving-model";

/** A GPU the search may use, with what one GPU costs per month under the chosen way of paying. */
export type TGpuOffer = { gpu: TGpu; usdPerGpuMonth: number; priceLabel: string };

export type TLayoutPins = {
  gpuId?: string;
  tensorParallel?: number;
  pipelineStages?: number;
  weightPrecision?: TWeightPrecision;
  kvCachePrecision?: TKvCachePrecision;
};

export type TLayoutWorkload = {
  promptTokens: number;
  outputTokens: number;
  /** Peak arrivals over all regions, requests/s (0: no volume entered). */
  peakRequestsPerSecond: number;
  /** Monthly prompt + output tokens at the planned volume (0: not entered). */
  tokensPerMonth: number;
  gpusPerNode: number;
  maxPipelineStages: number;
  minReplicas: number;
  hasSpareReplica: boolean;
  regions: number;
};

/** Measured ÷ estimated speed for one layout, from an imported benchmark. */
export type TLayoutCalibration = { layoutKey: string; speedFactor: number };

export type TLayoutSearchInput = {
  model: TModelArchitecture;
  offers: TGpuOffer[];
  pins: TLayoutPins;
  quality: { maxLossPoints: number; entered: Partial<Record<TWeightPrecision, TEnteredQualityDelta>> };
  workload: TLayoutWorkload;
  targets: TServingTargets;
  assumptions: TServingAssumptions;
  calibrations?: TLayoutCalibration[];
  /** Evaluate every candidate exactly (tests); otherwise candidates that cannot win are costed by a lower bound. */
  isExhaustive?: boolean;
};

export type TReplicasBoundBy = "throughput" | "ttft" | "min-replicas" | "no-volume";

/** A serving layout: what a team would configure in its serving engine (sizing reports the one it ran). */
export type TSizedLayout = {
  gpuId: string;
  gpuName: string;
  tensorParallel: number;
  pipelineStages: number;
  gpusPerReplica: number;
  weightPrecision: TWeightPrecision;
  weightScope: TWeightScheme["scope"];
  kvCachePrecision: TKvCachePrecision;
  isKvFollowingWeights: boolean;
};

export type TLayoutOption = TSizedLayout & {
  key: string;
  qualityDeltaPoints: number;
  qualitySource: TQualitySource;
  feasible: boolean;
  /** The weights, overhead and one full-length sequence fit, on hardware that runs the precision, within the quality limit: only a latency target can still fail. */
  isServable: boolean;
  /**
   * How far the layout is from its latency targets: the larger of TPOT ÷ target TPOT and idle TTFT ÷
   * target TTFT (≤ 1 when both are met; 0 without targets). Ranks the best attempt when nothing is feasible.
   */
  targetShortfall: number;
  /** Why this layout cannot serve the workload; null when it can. */
  infeasibleReason: string | null;
  batch: number;
  batchLimit: TBatchLimit;
  outputTokensPerSecondPerReplica: number;
  requestsPerSecondPerReplica: number;
  /** Peak arrivals one replica takes within the TTFT target. */
  maxRequestsPerSecondPerReplica: number;
  ttftIdleSeconds: number;
  tpotSeconds: number;
  replicasPerRegion: number;
  replicas: number;
  totalGpus: number;
  replicasBoundBy: TReplicasBoundBy;
  usdPerGpuMonth: number;
  usdPerReplicaMonth: number;
  usdPerMonth: number;
  /** At the planned volume; null without one. */
  usdPerMillionTokens: number | null;
  /** With every replica full to the peak it is sized for. */
  usdPerMillionTokensAtCapacity: number | null;
  priceLabel: string;
  speedFactor: number;
  isMeasured: boolean;
  /** False: not costed exactly because its lower bound already exceeds the options kept; usdPerMonth is that bound. */
  isExact: boolean;
};

export type TLayoutSearchResult = {
  chosen: TLayoutOption | null;
  /**
   * When nothing meets every target: the servable layout that comes closest to the latency targets
   * (cheapest among equals), so sizing can show what the best attempt achieves. Null when `chosen`
   * is set or no layout even fits.
   */
  bestAttempt: TLayoutOption | null;
  /** Feasible options cheapest first, then infeasible ones. */
  options: TLayoutOption[];
  enumerated: number;
  evaluatedExactly: number;
};

export function layoutKey(l: { gpuId: string; tensorParallel: number; pipelineStages: number; weightPrecision: TWeightPrecision; kvCachePrecision: TKvCachePrecision }): string {
  return `${l.gpuId}|tp${l.tensorParallel}|pp${l.pipelineStages}|w:${l.weightPrecision}|kv:${l.kvCachePrecision}`;
}

/** Tensor-parallel degrees a team could run: powers of two up to a node that divide the attention heads. */
export function tensorParallelDegrees(model: TModelArchitecture, gpusPerNode: number): number[] {
  const out: number[] = [];
  for (let t = 1; t <= gpusPerNode; t *= 2) if (model.attentionHeads % t === 0) out.push(t);
  return out;
}

/** The KV cache follows the weights: FP8 when they are 8-bit or narrower on a GPU with FP8, else 16-bit. */
export function kvPrecisionFollowingWeights(precision: TWeightPrecision, gpu: TGpu): TKvCachePrecision {
  const isNarrow = WEIGHT_PRECISIONS[precision].bytesPerParam <= 1.0001 && WEIGHT_PRECISIONS[precision].isQuantized;
  return isNarrow && gpu.fp8DenseTflops !== undefined ? "fp8" : "bf16";
}

/** Weight precisions the search tries: tensor-parallel engine formats, plus the checkpoint's own. */
function candidatePrecisions(model: TModelArchitecture, pins: TLayoutPins): TWeightPrecision[] {
  if (pins.weightPrecision) return [pins.weightPrecision];
  const list: TWeightPrecision[] = ["bf16", "fp8", "int8", "int4", "fp4"];
  const released = model.checkpointQuantization?.precision;
  if (released && !list.includes(released)) list.push(released);
  return list;
}

function schemeFor(model: TModelArchitecture, precision: TWeightPrecision): TWeightScheme {
  const c = model.checkpointQuantization;
  return { precision, scope: c && c.precision === precision ? c.scope : "all-linear" };
}

type TCandidate = {
  offer: TGpuOffer;
  layout: TServingLayout;
  key: string;
  isKvFollowing: boolean;
  quality: ReturnType<typeof qualityForPrecision>;
  hardwareMissing: string | null;
  isPinnedPrecision: boolean;
};

function enumerate(input: TLayoutSearchInput): TCandidate[] {
  const { model, pins, workload } = input;
  const offers = pins.gpuId ? input.offers.filter((o) => o.gpu.id === pins.gpuId) : input.offers;
  const degrees = pins.tensorParallel ? [pins.tensorParallel] : tensorParallelDegrees(model, workload.gpusPerNode);
  const out: TCandidate[] = [];
  for (const offer of offers) {
    for (const precision of candidatePrecisions(model, pins)) {
      const info = WEIGHT_PRECISIONS[precision];
      const hw = info.needsHardware;
      const hardwareMissing = hw === "fp8" && offer.gpu.fp8DenseTflops === undefined ? "the GPU has no FP8" : hw === "fp4" && offer.gpu.fp4DenseTflops === undefined ? "the GPU has no FP4" : null;
      // Formats without native arithmetic on the GPU are only tried when pinned (run weight-only, at BF16 matmul speed).
      if (hardwareMissing && !pins.weightPrecision) continue;
      const kv = pins.kvCachePrecision ?? kvPrecisionFollowingWeights(precision, offer.gpu);
      const quality = qualityForPrecision(model, precision, input.quality.entered, input.quality.maxLossPoints);
      const weights = schemeFor(model, precision);
      const base = { offer, isKvFollowing: pins.kvCachePrecision === undefined, quality, hardwareMissing, isPinnedPrecision: pins.weightPrecision !== undefined };
      const push = (t: number, stages: number) => {
        const layout: TServingLayout = { gpu: offer.gpu, tensorParallel: t, pipelineStages: stages, weights, kvCachePrecision: kv };
        out.push({ ...base, layout, key: layoutKey({ gpuId: offer.gpu.id, tensorParallel: t, pipelineStages: stages, weightPrecision: precision, kvCachePrecision: kv }) });
      };
      if (pins.pipelineStages) {
        for (const t of degrees) push(t, pins.pipelineStages);
        continue;
      }
      for (const t of degrees) push(t, 1);
      // Across nodes only when a whole node cannot hold one replica: the fewest stages that fit, and one more.
      const widest = degrees[degrees.length - 1];
      if (widest === undefined) continue;
      const maxStages = Math.min(workload.maxPipelineStages, model.layers);
      const single = evaluateLayout(model, { gpu: offer.gpu, tensorParallel: widest, pipelineStages: 1, weights, kvCachePrecision: kv }, workload.promptTokens, workload.outputTokens, input.targets, input.assumptions);
      if (single.fits || maxStages < 2) continue;
      const stages = minimumStagesThatFit(input, offer.gpu, widest, weights, kv, maxStages);
      if (stages !== null) {
        push(widest, stages);
        if (stages + 1 <= maxStages) push(widest, stages + 1);
      }
    }
  }
  return out;
}

/** Fewest pipeline stages at which one replica fits; bisection over 2..maxStages (fit only improves with stages). */
function minimumStagesThatFit(input: TLayoutSearchInput, gpu: TGpu, t: number, weights: TWeightScheme, kv: TKvCachePrecision, maxStages: number): number | null {
  const fits = (stages: number) =>
    evaluateLayout(input.model, { gpu, tensorParallel: t, pipelineStages: stages, weights, kvCachePrecision: kv }, input.workload.promptTokens, input.workload.outputTokens, input.targets, input.assumptions).fits;
  if (!fits(maxStages)) return null;
  let lo = 2;
  let hi = maxStages;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** ceil that ignores float dust: 3.0000000000001 replicas is 3. */
function ceilTolerant(x: number): number {
  return Math.ceil(x - 1e-9 * Math.max(1, Math.abs(x)));
}

/**
 * Replicas for the peak. Each region takes an equal share of the peak; within a region
 * ⌈share ÷ what one replica takes within the TTFT target⌉, at least the minimum, plus one spare
 * for N+1. Says which constraint set the count.
 */
export function sizeReplicas(
  requestsPerSecondPerReplica: number,
  maxRequestsPerSecondPerReplica: number,
  w: Pick<TLayoutWorkload, "peakRequestsPerSecond" | "regions" | "minReplicas" | "hasSpareReplica">,
): { replicasPerRegion: number; replicas: number; boundBy: TReplicasBoundBy } {
  const perRegionPeak = w.peakRequestsPerSecond / w.regions;
  let replicasPerRegion = w.minReplicas;
  let boundBy: TReplicasBoundBy = "no-volume";
  if (perRegionPeak > 0 && maxRequestsPerSecondPerReplica > 0) {
    const byTtft = ceilTolerant(perRegionPeak / maxRequestsPerSecondPerReplica);
    const byThroughput = ceilTolerant(perRegionPeak / requestsPerSecondPerReplica);
    replicasPerRegion = Math.max(w.minReplicas, byTtft);
    boundBy = w.minReplicas >= byTtft ? "min-replicas" : byTtft > byThroughput ? "ttft" : "throughput";
  }
  replicasPerRegion += w.hasSpareReplica ? 1 : 0;
  return { replicasPerRegion, replicas: replicasPerRegion * w.regions, boundBy };
}

function infeasibility(c: TCandidate, e: TLayoutEvaluation, targets: TServingTargets, maxLossPoints: number): string | null {
  // A format the GPU lacks is only enumerated when pinned; engines then run it weight-only (vLLM's
  // Marlin FP8/FP4 kernels dequantise to BF16 for the matmuls), as sizing does, so it stays servable.
  if (!c.quality.isWithinLimit && !c.isPinnedPrecision) {
    const how = c.quality.source === "default-assumption" ? "assumed" : c.quality.source;
    return `quality ${c.quality.points} points at ${WEIGHT_PRECISIONS[c.layout.weights.precision].label} (${how}) exceeds the ${maxLossPoints}-point limit`;
  }
  if (!e.fits) return `does not fit: ${e.misfit}`;
  if (!e.meetsTpot) return `even one sequence decodes at ${(1 / e.tpotSeconds).toFixed(1)} tokens/s, below the ${targets.minOutputTokensPerSecondPerSequence} tokens/s target`;
  if (!e.meetsTtft) return `an idle replica's first token takes ${e.ttftIdleSeconds.toFixed(2)} s, over the ${targets.ttftSeconds} s target`;
  return null;
}

function optionFrom(c: TCandidate, e: TLayoutEvaluation, input: TLayoutSearchInput, maxPerReplica: number, isExact: boolean, calibration: TLayoutCalibration | undefined): TLayoutOption {
  const w = input.workload;
  const t = c.layout.tensorParallel;
  const stages = c.layout.pipelineStages;
  const gpusPerReplica = t * stages;
  const reason = infeasibility(c, e, input.targets, input.quality.maxLossPoints) ?? (maxPerReplica > 0 ? null : "takes no traffic within the TTFT target");
  const isServable = (c.quality.isWithinLimit || c.isPinnedPrecision) && e.fits;
  const tpotRatio = input.targets.minOutputTokensPerSecondPerSequence > 0 ? e.tpotSeconds * input.targets.minOutputTokensPerSecondPerSequence : 0;
  const ttftRatio = input.targets.ttftSeconds !== null ? e.ttftIdleSeconds / input.targets.ttftSeconds : 0;
  const { replicasPerRegion, replicas, boundBy: bound } = sizeReplicas(e.requestsPerSecond, maxPerReplica, w);
  const usdPerReplicaMonth = c.offer.usdPerGpuMonth * gpusPerReplica;
  const usdPerMonth = usdPerReplicaMonth * replicas;
  const tokensPerRequest = w.promptTokens + w.outputTokens;
  const peakRatio = w.peakRequestsPerSecond > 0 && w.tokensPerMonth > 0 ? w.peakRequestsPerSecond / (w.tokensPerMonth / tokensPerRequest / SECONDS_PER_MONTH) : null;
  const capacityTokensPerMonth = peakRatio !== null && maxPerReplica > 0 ? (maxPerReplica * tokensPerRequest * SECONDS_PER_MONTH) / peakRatio : null;
  return {
    key: c.key,
    gpuId: c.offer.gpu.id,
    gpuName: c.offer.gpu.name,
    tensorParallel: t,
    pipelineStages: stages,
    gpusPerReplica,
    weightPrecision: c.layout.weights.precision,
    weightScope: c.layout.weights.scope,
    kvCachePrecision: c.layout.kvCachePrecision,
    isKvFollowingWeights: c.isKvFollowing,
    qualityDeltaPoints: c.quality.points,
    qualitySource: c.quality.source,
    feasible: reason === null,
    isServable,
    targetShortfall: Math.max(tpotRatio, ttftRatio),
    infeasibleReason: reason,
    batch: e.batch,
    batchLimit: e.batchLimit,
    outputTokensPerSecondPerReplica: e.outputTokensPerSecond,
    requestsPerSecondPerReplica: e.requestsPerSecond,
    maxRequestsPerSecondPerReplica: maxPerReplica,
    ttftIdleSeconds: e.ttftIdleSeconds,
    tpotSeconds: e.tpotSeconds,
    replicasPerRegion,
    replicas,
    totalGpus: replicas * gpusPerReplica,
    replicasBoundBy: bound,
    usdPerGpuMonth: c.offer.usdPerGpuMonth,
    usdPerReplicaMonth,
    usdPerMonth,
    usdPerMillionTokens: w.tokensPerMonth > 0 ? finiteOrNull((usdPerMonth / w.tokensPerMonth) * 1e6) : null,
    usdPerMillionTokensAtCapacity: capacityTokensPerMonth ? finiteOrNull((usdPerReplicaMonth / capacityTokensPerMonth) * 1e6) : null,
    priceLabel: c.offer.priceLabel,
    speedFactor: e.speedFactor,
    isMeasured: calibration !== undefined,
    isExact,
  };
}

/** Cheaper first; on a tie fewer GPUs, then better quality, then the narrower tensor-parallel degree. */
export function compareOptions(a: TLayoutOption, b: TLayoutOption): number {
  if (a.feasible !== b.feasible) return a.feasible ? -1 : 1;
  const cost = a.usdPerMonth - b.usdPerMonth;
  if (Math.abs(cost) > 1e-9 * Math.max(1, Math.abs(a.usdPerMonth))) return cost;
  return a.totalGpus - b.totalGpus || b.qualityDeltaPoints - a.qualityDeltaPoints || a.tensorParallel - b.tensorParallel || a.key.localeCompare(b.key);
}

/** Nothing feasible: the servable option nearest its targets, then the cheaper (ties within 0.1%). */
export function bestAttempt(options: TLayoutOption[]): TLayoutOption | null {
  let best: TLayoutOption | null = null;
  for (const o of options) {
    if (!o.isServable) continue;
    if (best === null) best = o;
    else {
      const d = o.targetShortfall - best.targetShortfall;
      if (d < -1e-3 * best.targetShortfall || (Math.abs(d) <= 1e-3 * best.targetShortfall && compareOptions(o, best) < 0)) best = o;
    }
  }
  return best;
}

/** Options costed exactly beyond the winner, so the table has real alternatives to show. */
const EXACT_ALTERNATIVES = 6;

export function searchLayouts(input: TLayoutSearchInput): TLayoutSearchResult {
  const candidates = enumerate(input);
  const calibrations = new Map((input.calibrations ?? []).map((c) => [c.layoutKey, c]));
  const noTtft: TServingTargets = { ...input.targets, ttftSeconds: null };
  // First pass without the queueing model: replicas needed at full utilisation are a lower bound.
  const first = candidates.map((c) => {
    const calibration = calibrations.get(c.key);
    const e = evaluateLayout(input.model, c.layout, input.workload.promptTokens, input.workload.outputTokens, noTtft, input.assumptions, { speedFactor: calibration?.speedFactor ?? 1 });
    const withTtft = input.targets.ttftSeconds === null ? e : { ...e, meetsTtft: e.ttftIdleSeconds <= input.targets.ttftSeconds };
    return { c, e: withTtft, calibration, bound: optionFrom(c, withTtft, input, e.requestsPerSecond, false, calibration) };
  });
  const ttft = input.targets.ttftSeconds;
  if (ttft === null) {
    const options = first.map((f) => ({ ...f.bound, isExact: true })).sort(compareOptions);
    const chosen = options[0]?.feasible ? options[0] : null;
    return { chosen, bestAttempt: chosen ? null : bestAttempt(options), options, enumerated: candidates.length, evaluatedExactly: candidates.length };
  }
  const order = first.slice().sort((a, b) => compareOptions(a.bound, b.bound));
  const exact: TLayoutOption[] = [];
  const rest: TLayoutOption[] = [];
  let exactFeasible: TLayoutOption[] = [];
  for (const f of order) {
    const keep = input.isExhaustive || !f.bound.feasible || exactFeasible.length <= EXACT_ALTERNATIVES || f.bound.usdPerMonth < exactFeasible[EXACT_ALTERNATIVES].usdPerMonth;
    if (!keep) {
      rest.push(f.bound);
      continue;
    }
    const budget = ttft - f.e.ttftIdleSeconds;
    const maxPerReplica = f.e.fits && budget >= 0 ? maxArrivalRateForWait(f.e.batch, f.e.requestsPerSecond / f.e.batch, input.targets.ttftQuantile, budget) : 0;
    const option = optionFrom(f.c, f.e, input, maxPerReplica, true, f.calibration);
    exact.push(option);
    if (option.feasible) exactFeasible = [...exactFeasible, option].sort(compareOptions);
  }
  const options = [...exact.sort(compareOptions), ...rest];
  options.sort(compareOptions);
  const chosen = exactFeasible[0] ?? null;
  return { chosen, bestAttempt: chosen ? null : bestAttempt(options), options, enumerated: candidates.length, evaluatedExactly: exact.length };
}
