// What the infrastructure stage asks for. Units are in the field names; efficiency factors default
// to the stated values in efficiency-defaults.ts and can be overridden with measured ones.
import { z } from "zod";
import { EFFICIENCY_DEFAULTS as D } from "./efficiency-defaults";
import { ZKvCachePrecision, ZWeightPrecision } from "./memory";

// Upper bounds, reviewed for issue 17: each is a ceiling no real deployment reaches, chosen so the
// sizing search stays bounded and every figure finite. Reasons beside each field.
const fraction = z.number().gt(0).lte(1);

export const ZTraffic = z.discriminatedUnion("kind", [
  // 1e13 requests/month: ~4 million a second, sustained; above any single product's traffic.
  z.object({ kind: z.literal("requests"), requestsPerMonth: z.number().nonnegative().max(1e13) }),
  /** Prompt + output tokens per month; requests = tokens / (prompt + output tokens per request). */
  z.object({ kind: z.literal("tokens"), tokensPerMonth: z.number().nonnegative().max(1e17) }),
]);
export type TTraffic = z.infer<typeof ZTraffic>;

export const ZPeak = z.discriminatedUnion("method", [
  z.object({ method: z.literal("factor"), peakToAverageRatio: z.number().min(1).max(1000) }),
  /**
   * Busiest hour runs at `busyHourToAverageRatio` × the monthly average; within it, arrivals per
   * `intervalSeconds` are Poisson and capacity covers their `quantile` (NVIDIA's TCO method: p95).
   */
  z.object({
    method: z.literal("poisson"),
    busyHourToAverageRatio: z.number().min(1).max(1000).default(1),
    intervalSeconds: z.number().gt(0).max(3600).default(60),
    quantile: z.number().gte(0.5).lt(1).default(0.95),
  }),
  /** The busiest rate stated directly, requests per second (Poisson arrivals at that rate). */
  z.object({ method: z.literal("rate"), peakRequestsPerSecond: z.number().gt(0).max(1e9) }),
]);
export type TPeak = z.infer<typeof ZPeak>;

const usdPerGpuHour = z.number().nonnegative().max(10_000);

export const ZCloudOnDemandCost = z.object({ usdPerGpuHour });
export const ZCloudReservedCost = z.object({ usdPerGpuHour, discountPercent: z.number().min(0).max(100) });
export const ZOwnedHardwareCost = z.object({
  // $10M per GPU: ~250× a current flagship accelerator's price.
  purchaseUsdPerGpu: z.number().nonnegative().max(10_000_000),
  /** Server chassis, CPUs, networking and storage as a percentage of the GPUs' price. */
  serverOverheadPercent: z.number().min(0).max(1000).default(30),
  annualInterestRatePercent: z.number().min(0).max(100).default(8),
  amortisationYears: z.number().gt(0).max(30).default(4),
  /** Defaults to the GPU's TDP, a ceiling: average draw is lower, server draw adds to it. */
  powerWattsPerGpu: z.number().nonnegative().max(100_000).optional(),
  powerUsageEffectiveness: z.number().min(1).max(5).default(1.5),
  usdPerKwh: z.number().nonnegative().max(10).default(0.15),
  hostingUsdPerGpuMonth: z.number().nonnegative().max(1_000_000).default(0),
});
export type TOwnedHardwareCost = z.infer<typeof ZOwnedHardwareCost>;

export const ZSizingInputs = z.object({
  weightPrecision: ZWeightPrecision.default("bf16"),
  /** Absent: follows the weights (FP8 KV when the weights are 8-bit or less on a GPU with FP8). */
  kvCachePrecision: ZKvCachePrecision.optional(),
  // 10M prompt tokens: the longest context windows offered (Llama 4 Scout: 10M).
  promptTokensPerRequest: z.number().int().min(1).max(10_000_000),
  // 1M output tokens: above every model's output limit (typically 8k-128k).
  outputTokensPerRequest: z.number().int().min(1).max(1_000_000),
  traffic: ZTraffic,
  peak: ZPeak.default({ method: "factor", peakToAverageRatio: D.peakToAverageRatio.value }),
  /** Replicas kept running whatever the load, e.g. 2 for high availability. */
  minReplicas: z.number().int().min(1).max(100_000).default(1),
  // 64 GPUs per node: NVL72-class racks expose up to 72 in one NVLink domain; 8 is the usual server.
  gpusPerNode: z.number().int().min(1).max(64).default(8),
  /** Pin the tensor-parallel degree (a power of two ≤ gpusPerNode) instead of choosing the cheapest. */
  tensorParallelOverride: z.number().int().min(1).max(64).optional(),
  /** Pin the number of pipeline stages (nodes per replica). */
  pipelineStagesOverride: z.number().int().min(1).max(256).optional(),
  /** Largest number of nodes one replica may span with pipeline parallelism. */
  maxPipelineStages: z.number().int().min(1).max(256).default(16),
  memoryBandwidthUtilization: fraction.default(D.memoryBandwidthUtilization.value),
  inferenceMfu: fraction.default(D.inferenceMfu.value),
  gpuMemoryUtilization: fraction.default(D.gpuMemoryUtilization.value),
  overheadGbPerGpu: z.number().min(0).max(10_000).default(D.overheadGbPerGpu.value),
  overheadFractionOfWeights: z.number().min(0).max(10).default(D.overheadFractionOfWeights.value),
  stepOverheadMs: z.number().min(0).max(1000).default(D.stepOverheadMs.value),
  allReduceLatencyUs: z.number().min(0).max(100_000).default(D.allReduceLatencyUs.value),
  allReduceBandwidthEfficiency: fraction.default(D.allReduceBandwidthEfficiency.value),
  rooflineOverlapExponent: z.number().min(1).max(64).default(D.rooflineOverlapExponent.value),
  /** The engine's max sequences per step (vLLM --max-num-seqs); absent: the engine's default for the GPU. */
  maxBatchSequences: z.number().int().min(1).max(100_000).optional(),
  /** 0 means no latency target: batch as large as memory allows. */
  minOutputTokensPerSecondPerSequence: z.number().min(0).max(100_000).default(D.minOutputTokensPerSecondPerSequence.value),
  /** Time-to-first-token target at ttftQuantile, seconds; absent: none (capacity covers the peak at full utilisation). */
  ttftSeconds: z.number().gt(0).max(3600).optional(),
  ttftQuantile: z.number().gte(0.5).lt(1).default(D.ttftQuantile.value),
  /** Share of prompt tokens served from the engine's prefix cache (vLLM automatic prefix caching): no prefill for them. */
  promptCacheHitShare: z.number().min(0).max(0.99).default(0),
  /** N+1: one spare replica per region on top of what the peak needs. */
  hasSpareReplica: z.boolean().default(false),
  /** Regions that each serve an equal share of the traffic with their own replicas. */
  regions: z.number().int().min(1).max(50).default(1),
  cost: z
    .object({
      cloudOnDemand: ZCloudOnDemandCost.optional(),
      cloudReserved: ZCloudReservedCost.optional(),
      owned: ZOwnedHardwareCost.optional(),
    })
    .default({}),
});
/** Parsed inputs (defaults filled in). */
export type TSizingInputs = z.infer<typeof ZSizingInputs>;
/** What a caller may pass: defaulted fields optional. */
export type TSizingInputsRaw = z.input<typeof ZSizingInputs>;
