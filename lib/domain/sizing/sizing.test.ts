import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEEPSEEK_V3,
  GEMMA_2_9B,
  H100_SXM,
  H200_SXM,
  LLAMA_3_1_405B,
  LLAMA_3_1_70B,
  LLAMA_3_1_8B,
  MISTRAL_7B_V01,
  MIXTRAL_8X7B,
  OPT_13B,
  RTX_4090,
} from "../__fixtures__/sizing-models";
import { DomainInputError } from "../shared/field-errors";
import { capitalRecoveryFactor } from "../shared/math";
import { sizeDeployment, type TSizingInputsRaw } from "./sizing";
import { kvBytesPerSequence, kvBytesPerToken, kvShardWays, paramBreakdown, paramsReadPerDecodeStep, WEIGHT_PRECISIONS, weightsBytes, weightsBytesForScheme } from "./memory";
import { attentionFlopsPerToken, buildServingSpeed, decodeStep, gpuCapacityBytes, layoutMemory, promptAttentionFlops, type TServingAssumptions } from "./serving-model";
import { peakRequestsPerSecond } from "./traffic";
import { getGpu, getModel } from "../catalog";
import type { TModelArchitecture } from "../shared/types";

const base: TSizingInputsRaw = {
  promptTokensPerRequest: 1000,
  outputTokensPerRequest: 500,
  traffic: { kind: "requests", requestsPerMonth: 3_000_000 },
};

/** Walks any result and collects numbers that are NaN or ±Infinity. */
function nonFinitePaths(value: unknown, path = "$"): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFinitePaths(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => nonFinitePaths(v, `${path}.${k}`));
  return [];
}

describe("KV cache bytes per token", () => {
  // Oracles: vLLM paper (Kwon et al. 2023, §3) for OPT-13B; the others are the formula applied to the
  // published configs (reference facts `derived_kv_cache_bytes_per_token_bf16`).
  it.each([
    { model: OPT_13B, precision: "fp16", bytes: 819_200, why: "vLLM paper: 2 × 5120 × 40 × 2 = 800 KB" },
    { model: LLAMA_3_1_8B, precision: "bf16", bytes: 131_072, why: "2 × 32 × 8 × 128 × 2" },
    { model: LLAMA_3_1_70B, precision: "bf16", bytes: 327_680, why: "2 × 80 × 8 × 128 × 2" },
    { model: LLAMA_3_1_70B, precision: "fp8", bytes: 163_840, why: "FP8 KV halves it" },
    { model: MIXTRAL_8X7B, precision: "bf16", bytes: 131_072, why: "MoE does not change attention" },
    { model: GEMMA_2_9B, precision: "bf16", bytes: 344_064, why: "textbook all-global: 2 × 42 × 8 × 256 × 2" },
    { model: DEEPSEEK_V3, precision: "bf16", bytes: 70_272, why: "MLA latent: (512 + 64) × 61 × 2" },
  ] as const)("$model.name $precision → $bytes ($why)", ({ model, precision, bytes }) => {
    expect(kvBytesPerToken(model, precision)).toBe(bytes);
  });

  it("OPT-13B: one 2048-token request needs up to 1.6 GB (vLLM paper)", () => {
    expect(kvBytesPerSequence(OPT_13B, "fp16", 2048)).toBe(1_677_721_600);
  });
});

describe("KV cache per sequence with sliding windows", () => {
  it.each([
    // Gemma-2-9B: 21 global layers hold the whole context, 21 local layers at most 4096 tokens.
    { model: GEMMA_2_9B, context: 8192, bytes: 8192 * (21 * 8192 + 21 * 4096) },
    { model: GEMMA_2_9B, context: 4096, bytes: 344_064 * 4096 },
    { model: GEMMA_2_9B, context: 1000, bytes: 344_064 * 1000 },
    // Mistral-7B-v0.1: every layer windowed at 4096, so 32K context costs the same as 4K.
    { model: MISTRAL_7B_V01, context: 32_768, bytes: 131_072 * 4096 },
    { model: MISTRAL_7B_V01, context: 2048, bytes: 131_072 * 2048 },
    { model: LLAMA_3_1_8B, context: 32_768, bytes: 131_072 * 32_768 },
  ])("$model.name at $context tokens", ({ model, context, bytes }) => {
    expect(kvBytesPerSequence(model, "bf16", context)).toBe(bytes);
  });

  it("Gemma-2 at 8K needs a quarter less KV than the textbook formula says", () => {
    expect(kvBytesPerSequence(GEMMA_2_9B, "bf16", 8192) / (kvBytesPerToken(GEMMA_2_9B, "bf16") * 8192)).toBeCloseTo(0.75, 10);
  });
});

// Llama 3.1 70B: two 128,256 × 8,192 embedding matrices (untied) = 2,101,346,304 parameters.
const EMB_70B = 2 * 128_256 * 8192;
describe("weights memory, each part at its real precision", () => {
  it.each([
    { model: LLAMA_3_1_70B, precision: "bf16", bytes: 70_553_706_496 * 2, why: "P × 2" },
    // Quantized formats keep embeddings and the output head at 16 bits: +2.1 GB over a flat P × 1.
    { model: LLAMA_3_1_70B, precision: "fp8", bytes: (70_553_706_496 - EMB_70B) * 1 + EMB_70B * 2, why: "body × 1 + embeddings × 2" },
    { model: LLAMA_3_1_70B, precision: "int4", bytes: (70_553_706_496 - EMB_70B) * ((4 + 20 / 128) / 8) + EMB_70B * 2, why: "AWQ/GPTQ group 128 scales and zeros" },
    { model: LLAMA_3_1_8B, precision: "fp32", bytes: 8_030_261_248 * 4, why: "P × 4" },
    // GGUF's per-file average already covers the embeddings.
    { model: LLAMA_3_1_70B, precision: "gguf_q4_k_m", bytes: 70_553_706_496 * 0.6, why: "file average" },
  ] as const)("$model.name $precision = $bytes bytes ($why)", ({ model, precision, bytes }) => {
    expect(weightsBytes(model, precision)).toBeCloseTo(bytes, 0);
  });

  it("bytes per weight follow the published formats, scales included, and label GGUF approximate", () => {
    const table = Object.fromEntries(Object.entries(WEIGHT_PRECISIONS).map(([k, v]) => [k, v.bytesPerParam]));
    expect(table).toEqual({
      fp32: 4, bf16: 2, fp16: 2, fp8: 1, int8: 1, int4: 0.51953125, fp4: 0.5625, mxfp4: 0.53125, nf4: 0.515875,
      gguf_q8_0: 1.06, gguf_q6_k: 0.82, gguf_q5_k_m: 0.71, gguf_q4_k_m: 0.6, gguf_q3_k_m: 0.49, gguf_q2_k: 0.41,
    });
    for (const [key, info] of Object.entries(WEIGHT_PRECISIONS)) expect(info.isApproximate).toBe(key.startsWith("gguf"));
  });

  it("a checkpoint shipped quantized is sized as shipped: gpt-oss-120b's MXFP4 experts, the rest 16-bit", () => {
    const model = getModel("gpt-oss-120b")!;
    const b = paramBreakdown(model);
    const bytes = weightsBytesForScheme(model, { precision: "mxfp4", scope: "experts-only" });
    expect(bytes).toBeCloseTo(b.routedExpertParams * 0.53125 + (b.otherParams + b.embeddingParams) * 2, 0);
    // OpenAI: the MXFP4 checkpoint fits one 80 GB GPU (~65 GB); a bf16 reading would need 234 GB.
    expect(bytes / 1e9).toBeGreaterThan(60);
    expect(bytes / 1e9).toBeLessThan(68);
  });

  it("DeepSeek-V3 ships FP8 (block scales): 671B parameters take ~672 GB, not 1.34 TB", () => {
    const model = getModel("deepseek-v3")!;
    expect(model.checkpointQuantization).toEqual({ precision: "fp8", scope: "all-linear", detail: "fp8 e4m3, weight_block_size [128, 128]" });
    const bytes = weightsBytesForScheme(model, { precision: "fp8", scope: "all-linear" });
    expect(bytes / 1e9).toBeCloseTo(671 + paramBreakdown(model).embeddingParams / 1e9, 0);
  });
});

describe("active parameters: one convention for catalog and parser", () => {
  it("gpt-oss-120b: catalog active = parser active (both embedding matrices in); OpenAI's 5.1B is that less the input table", () => {
    const model = getModel("gpt-oss-120b")!;
    expect(model.activeParams).toBe(5_710_731_840);
    const b = paramBreakdown(model);
    expect((model.activeParams - b.inputEmbeddingParams) / 1e9).toBeCloseTo(5.13, 2);
    // Sizing multiplies per token everything but the input table (a row lookup).
    expect(b.multipliedPerToken).toBe(model.activeParams - 201_088 * 2880);
  });

  it("tied embeddings (Gemma) count one table, read once as the output head", () => {
    const model = getModel("gemma-2-9b")!;
    const b = paramBreakdown(model);
    expect(b.embeddingParams).toBe(model.vocabSize * model.hiddenSize);
    expect(b.multipliedPerToken).toBe(model.activeParams);
  });
});

describe("GPU memory as the driver reports it", () => {
  it.each([
    { id: "l40s-48gb", mib: 46_068, note: "GDDR6 with ECC, not 48 GiB" },
    { id: "l4-24gb", mib: 23_034, note: "not 24 GiB" },
    { id: "h100-sxm-80gb", mib: 81_559, note: "nvidia-smi" },
    { id: "h200-sxm-141gb", mib: 143_771, note: "nvidia-smi" },
  ])("$id: $mib MiB ($note)", ({ id, mib }) => {
    expect(gpuCapacityBytes(getGpu(id)!)).toBe(mib * 2 ** 20);
  });

  it("a GPU without a driver figure falls back to its nominal binary capacity", () => {
    expect(gpuCapacityBytes(H100_SXM)).toBe(80 * 2 ** 30);
  });
});

describe("prefill attention FLOPs", () => {
  it("a 20k-token prompt adds ~19% to Llama 70B's prefill over the 2 × P × s linear term", () => {
    const model = getModel("llama-3.3-70b-instruct")!;
    const linear = 2 * paramBreakdown(model).multipliedPerToken * 20_000;
    expect(promptAttentionFlops(model, 20_000) / linear).toBeCloseTo(0.19, 2);
  });

  it("sliding-window layers attend to at most their window", () => {
    expect(attentionFlopsPerToken(MISTRAL_7B_V01, 32_000)).toBe(attentionFlopsPerToken(MISTRAL_7B_V01, 4096));
    expect(promptAttentionFlops(LLAMA_3_1_8B, 100)).toBe(4 * 32 * 128 * 32 * ((100 * 101) / 2));
  });
});

describe("tensor parallelism and KV sharding", () => {
  it.each([
    { model: LLAMA_3_1_8B, t: 8, ways: 8 },
    { model: { ...LLAMA_3_1_8B, kvHeads: 4 }, t: 8, ways: 4 },
    { model: { ...LLAMA_3_1_8B, kvHeads: 1, attentionType: "mqa" as const }, t: 4, ways: 1 },
    { model: DEEPSEEK_V3, t: 8, ways: 1 },
  ])("$model.name kv=$model.kvHeads over $t GPUs splits KV $ways ways", ({ model, t, ways }) => {
    expect(kvShardWays(model, t)).toBe(ways);
  });

  it.each([
    { model: LLAMA_3_1_8B, gpu: H100_SXM, precision: "bf16", tp: 1, stages: 1 },
    // BF16 70B on two H100s leaves 4.8 GB of KV per GPU (a batch of 12 at 2,250 tokens); four GPUs
    // hold 184 and need 2 replicas (8 GPUs) where TP2 needs 7 (14 GPUs). TP8 also needs 8 GPUs: the tie goes to the narrower degree.
    { model: LLAMA_3_1_70B, gpu: H100_SXM, precision: "bf16", tp: 4, stages: 1 },
    // FP8 70B on one H100 leaves room for only a handful of sequences: two GPUs are cheaper per token.
    { model: LLAMA_3_1_70B, gpu: H100_SXM, precision: "fp8", tp: 2, stages: 1 },
    // On two H200s the 20 tokens/s per-user target caps the batch at 32 (70 GB of weights per GPU read
    // every step): 3 replicas, 6 GPUs. TP4 batches 86 within the target: one replica, 4 GPUs.
    { model: LLAMA_3_1_70B, gpu: H200_SXM, precision: "bf16", tp: 4, stages: 1 },
    // 812 GB of weights exceed one 8×H100 node (8 × 77.3 GB usable): two nodes, pipeline-parallel.
    { model: LLAMA_3_1_405B, gpu: H100_SXM, precision: "bf16", tp: 8, stages: 2 },
    { model: LLAMA_3_1_405B, gpu: H100_SXM, precision: "fp8", tp: 8, stages: 1 },
    // DeepSeek-V3 in FP8 (671 GB) runs on one 8×H200 node but not on one 8×H100 node.
    { model: DEEPSEEK_V3, gpu: H200_SXM, precision: "fp8", tp: 8, stages: 1 },
    { model: DEEPSEEK_V3, gpu: H100_SXM, precision: "fp8", tp: 8, stages: 2 },
  ] as const)("$model.name $precision on $gpu.name → TP $tp × $stages stage(s), the cheapest that fits", ({ model, gpu, precision, tp, stages }) => {
    const r = sizeDeployment({ ...base, promptTokensPerRequest: 2000, outputTokensPerRequest: 500, weightPrecision: precision, cost: { cloudOnDemand: { usdPerGpuHour: 3 } } }, model, gpu);
    expect(r.fits).toBe(true);
    expect(r.placement?.tensorParallel).toBe(tp);
    expect(r.placement?.pipelineStages).toBe(stages);
    expect(r.warnings.some((w) => w.includes("nodes"))).toBe(stages > 1);
    // "The cheapest": no other tensor-parallel degree on this GPU, sized with that degree pinned, costs less.
    for (const other of [1, 2, 4, 8]) {
      const pinned = sizeDeployment({ ...base, promptTokensPerRequest: 2000, outputTokensPerRequest: 500, weightPrecision: precision, tensorParallelOverride: other, cost: { cloudOnDemand: { usdPerGpuHour: 3 } } }, model, gpu);
      if (pinned.fits && pinned.throughput?.latencyTargetMet && r.throughput?.latencyTargetMet) expect(r.costs.cloudOnDemand!.usdPerMonth).toBeLessThanOrEqual(pinned.costs.cloudOnDemand!.usdPerMonth);
    }
  });

  it("reports a model that does not fit, without NaN or Infinity", () => {
    const r = sizeDeployment({ ...base, maxPipelineStages: 1 }, LLAMA_3_1_405B, RTX_4090);
    expect(r.fits).toBe(false);
    expect(r.replicas).toBeNull();
    expect(r.totalGpus).toBeNull();
    expect(r.warnings[0]).toMatch(/does not fit/);
    expect(nonFinitePaths(r)).toEqual([]);
  });
});

const ASSUME: TServingAssumptions = {
  memoryBandwidthUtilization: 0.6,
  inferenceMfu: 0.5,
  gpuMemoryUtilization: 0.9,
  overheadBytesPerGpu: 2e9,
  overheadFractionOfWeights: 0,
  stepOverheadSeconds: 0,
  allReduceLatencySeconds: 0,
  allReduceBandwidthEfficiency: 0.7,
  rooflineOverlapExponent: 2,
  maxBatchSequences: null,
  promptCacheHitShare: 0,
};

describe("decode and prefill speed", () => {
  const step1 = (model: TModelArchitecture, gpu: typeof H100_SXM, precision: "bf16" | "fp8", t: number, mbu: number) =>
    1 / decodeStep(buildServingSpeed(model, { gpu, tensorParallel: t, pipelineStages: 1, weights: { precision, scope: "all-linear" }, kvCachePrecision: "bf16" }, 1, 1, { ...ASSUME, memoryBandwidthUtilization: mbu }), 1).seconds;

  // Oracles: Databricks "LLM Inference Performance Engineering" (MBU) as worked in the reference
  // facts `mbu_decode_bound`: tokens/s per sequence ≤ bandwidth / weight bytes at batch 1. The
  // input table is a lookup, so the bytes read are P less one V × h matrix (0.5 GB for 8B, 1 GB for 70B).
  it.each([
    { name: "Llama-3.1-8B BF16, 1×H100, MBU 1", model: LLAMA_3_1_8B, gpu: H100_SXM, p: "bf16", t: 1, mbu: 1, expected: 3.35e12 / ((8.03e9 - 0.525e9) * 2) },
    { name: "Llama-3.1-8B BF16, 1×H100, MBU 0.6", model: LLAMA_3_1_8B, gpu: H100_SXM, p: "bf16", t: 1, mbu: 0.6, expected: (3.35e12 * 0.6) / ((8.03e9 - 0.525e9) * 2) },
    { name: "Llama-3.1-70B BF16, 2×H100, MBU 1", model: LLAMA_3_1_70B, gpu: H100_SXM, p: "bf16", t: 2, mbu: 1, expected: 48.2 },
    { name: "Llama-3.1-70B BF16, 2×H100, MBU 0.6", model: LLAMA_3_1_70B, gpu: H100_SXM, p: "bf16", t: 2, mbu: 0.6, expected: 28.9 },
    { name: "Llama-3.1-70B FP8, 1×H200, MBU 1", model: LLAMA_3_1_70B, gpu: H200_SXM, p: "fp8", t: 1, mbu: 1, expected: 68 },
  ] as const)("$name ≈ $expected tokens/s", ({ model, gpu, p, t, mbu, expected }) => {
    expect(step1(model, gpu, p, t, mbu) / expected).toBeGreaterThan(0.97);
    expect(step1(model, gpu, p, t, mbu) / expected).toBeLessThan(1.03);
  });

  it("MoE reads P_act at batch 1 and approaches P_total as batches touch every expert", () => {
    expect(paramsReadPerDecodeStep(MIXTRAL_8X7B, 1)).toBeCloseTo(12.9e9, -6);
    expect(paramsReadPerDecodeStep(MIXTRAL_8X7B, 64)).toBeCloseTo(46.7e9, -8);
    let previous = 0;
    for (let b = 1; b <= 32; b += 1) {
      const read = paramsReadPerDecodeStep(MIXTRAL_8X7B, b);
      expect(read).toBeGreaterThanOrEqual(previous);
      previous = read;
    }
    expect(paramsReadPerDecodeStep(LLAMA_3_1_70B, 64)).toBe(LLAMA_3_1_70B.activeParams);
  });

  // Published: NVIDIA NIM for LLMs benchmarking docs (docs.nvidia.com/nim/benchmarking/llm/1.0.0/performance),
  // Llama-3.3-70B-Instruct, NIM 1.8.0, 2 × H100 80G, FP8, TP2, 5000 input / 500 output, concurrency 1:
  // inter-token latency 18.58 ms (53.8 tokens/s), TTFT 406.77 ms. Same architecture as Llama-3.1-70B.
  it("matches NIM's measured single-user latency for Llama-3.3-70B FP8 on 2×H100 within 10% / 25%", () => {
    const r = sizeDeployment(
      { ...base, weightPrecision: "fp8", promptTokensPerRequest: 5000, outputTokensPerRequest: 500, tensorParallelOverride: 2 },
      LLAMA_3_1_70B,
      H100_SXM,
    );
    expect(r.throughput!.decodeTokensPerSecondPerSequence / (1000 / 18.58)).toBeGreaterThan(0.9);
    expect(r.throughput!.decodeTokensPerSecondPerSequence / (1000 / 18.58)).toBeLessThan(1.1);
    expect(r.throughput!.timeToFirstTokenSeconds / 0.40677).toBeGreaterThan(0.75);
    expect(r.throughput!.timeToFirstTokenSeconds / 0.40677).toBeLessThan(1.25);
  });

  it("a latency target that one sequence cannot meet is reported, and capacity falls back to batch 1", () => {
    // Pinned to TP2, 70B BF16 decodes one sequence at ~28 tokens/s.
    const pinned = sizeDeployment({ ...base, minOutputTokensPerSecondPerSequence: 100, tensorParallelOverride: 2 }, LLAMA_3_1_70B, H100_SXM);
    expect(pinned.throughput!.latencyTargetMet).toBe(false);
    expect(pinned.throughput!.batchAtTarget).toBe(1);
    expect(pinned.warnings.join(" ")).toMatch(/below the 100 tokens\/s target/);
    // Unpinned, no degree reaches 150 tokens/s (TP8 ~102): sizing shows the closest attempt, TP8, not a layout that does not fit.
    const r = sizeDeployment({ ...base, minOutputTokensPerSecondPerSequence: 150 }, LLAMA_3_1_70B, H100_SXM);
    expect(r.fits).toBe(true);
    expect(r.placement!.tensorParallel).toBe(8);
    expect(r.throughput!.latencyTargetMet).toBe(false);
    expect(r.throughput!.batchAtTarget).toBe(1);
    expect(r.warnings.join(" ")).toMatch(/below the 150 tokens\/s target/);
  });

  it("a looser latency target never lowers the batch or the capacity", () => {
    const strict = sizeDeployment({ ...base, minOutputTokensPerSecondPerSequence: 40 }, LLAMA_3_1_8B, H100_SXM);
    const loose = sizeDeployment({ ...base, minOutputTokensPerSecondPerSequence: 10 }, LLAMA_3_1_8B, H100_SXM);
    expect(loose.throughput!.batchAtTarget).toBeGreaterThanOrEqual(strict.throughput!.batchAtTarget);
    expect(loose.throughput!.sustainedOutputTokensPerSecondPerReplica).toBeGreaterThanOrEqual(strict.throughput!.sustainedOutputTokensPerSecondPerReplica);
    expect(strict.throughput!.perSequenceTokensPerSecondAtBatch).toBeGreaterThanOrEqual(40);
  });
});

describe("traffic and replicas", () => {
  it.each([
    { name: "peak factor 3", avg: 2, peak: { method: "factor", peakToAverageRatio: 3 }, expected: 6 },
    // Poisson(10): P(X ≤ 14) = 0.9165, P(X ≤ 15) = 0.9513 → p95 = 15 arrivals in the 1 s interval.
    { name: "Poisson p95, λ = 10", avg: 10, peak: { method: "poisson", busyHourToAverageRatio: 1, intervalSeconds: 1, quantile: 0.95 }, expected: 15 },
    // Busy hour at 2× → λ = 20 per 1 s; Poisson(20) p95 = 28.
    { name: "Poisson p95, busy hour ×2", avg: 10, peak: { method: "poisson", busyHourToAverageRatio: 2, intervalSeconds: 1, quantile: 0.95 }, expected: 28 },
    // Poisson(0.006) p95 is 0 arrivals; capacity still covers the busy hour's mean rate.
    { name: "Poisson at a trickle floors at the busy-hour mean", avg: 1e-4, peak: { method: "poisson", busyHourToAverageRatio: 1, intervalSeconds: 60, quantile: 0.95 }, expected: 1e-4 },
    { name: "no traffic", avg: 0, peak: { method: "poisson", busyHourToAverageRatio: 1, intervalSeconds: 60, quantile: 0.95 }, expected: 0 },
  ] as const)("$name", ({ avg, peak, expected }) => {
    expect(peakRequestsPerSecond(avg, peak)).toBeCloseTo(expected, 9);
  });

  it("monthly tokens are turned into requests with the per-request token count", () => {
    const r = sizeDeployment({ ...base, traffic: { kind: "tokens", tokensPerMonth: 1.5e9 } }, LLAMA_3_1_8B, H100_SXM);
    expect(r.traffic.requestsPerMonth).toBe(1e6);
    expect(r.traffic.averageRequestsPerSecond).toBeCloseTo(1e6 / (730 * 3600), 12);
  });

  it("replicas = ⌈peak ÷ per-replica capacity⌉, never below the minimum", () => {
    const r = sizeDeployment({ ...base, tensorParallelOverride: 2, pipelineStagesOverride: 1 }, LLAMA_3_1_70B, H100_SXM);
    const t = r.throughput!;
    expect(r.replicas).toBe(Math.ceil(r.traffic.peakRequestsPerSecond / t.requestsPerSecondPerReplica));
    expect(r.totalGpus).toBe(r.replicas! * r.placement!.gpusPerReplica);
    const idle = sizeDeployment({ ...base, traffic: { kind: "requests", requestsPerMonth: 0 }, minReplicas: 2 }, LLAMA_3_1_70B, H100_SXM);
    expect(idle.replicas).toBe(2);
  });
});

describe("infrastructure cost", () => {
  it("CRF known value: r = 8%, n = 5 → 0.25046; straight line when r = 0", () => {
    expect(capitalRecoveryFactor(0.08, 5)).toBeCloseTo(0.250456, 6);
    expect(capitalRecoveryFactor(0, 4)).toBe(0.25);
  });

  it("prices each option per GPU-month and scales by GPUs", () => {
    const r = sizeDeployment(
      {
        ...base,
        minReplicas: 3,
        traffic: { kind: "requests", requestsPerMonth: 0 },
        cost: {
          cloudOnDemand: { usdPerGpuHour: 2 },
          cloudReserved: { usdPerGpuHour: 2, discountPercent: 40 },
          owned: {
            purchaseUsdPerGpu: 30_000,
            serverOverheadPercent: 20,
            annualInterestRatePercent: 8,
            amortisationYears: 5,
            powerWattsPerGpu: 1000,
            powerUsageEffectiveness: 1.5,
            usdPerKwh: 0.1,
            hostingUsdPerGpuMonth: 50,
          },
        },
      },
      LLAMA_3_1_8B,
      H100_SXM,
    );
    expect(r.totalGpus).toBe(3);
    expect(r.costs.cloudOnDemand!.usdPerMonth).toBeCloseTo(2 * 730 * 3, 9);
    expect(r.costs.cloudReserved!.usdPerMonth).toBeCloseTo(1.2 * 730 * 3, 9);
    // By hand: 36,000 × 0.250456 / 12 = 751.37 capex; 1 kW × 1.5 × 730 h × $0.10 = 109.50 power; + 50 hosting.
    expect(r.costs.owned!.usdPerGpuMonth).toBeCloseTo((36_000 * capitalRecoveryFactor(0.08, 5)) / 12 + 109.5 + 50, 6);
    expect(r.costs.owned!.usdPerGpuMonth).toBeCloseTo(910.87, 2);
  });
});

describe("input validation", () => {
  it.each([
    { name: "negative traffic", inputs: { ...base, traffic: { kind: "requests", requestsPerMonth: -1 } }, field: "traffic.requestsPerMonth" },
    { name: "MBU above 1", inputs: { ...base, memoryBandwidthUtilization: 1.5 }, field: "memoryBandwidthUtilization" },
    { name: "fractional prompt", inputs: { ...base, promptTokensPerRequest: 10.5 }, field: "promptTokensPerRequest" },
    { name: "unknown precision", inputs: { ...base, weightPrecision: "fp6" }, field: "weightPrecision" },
    { name: "context beyond the model", inputs: { ...base, promptTokensPerRequest: 2000 }, field: "promptTokensPerRequest", model: OPT_13B },
    { name: "TP not dividing heads", inputs: { ...base, tensorParallelOverride: 3 }, field: "tensorParallelOverride" },
  ])("rejects $name naming $field", ({ inputs, field, model }) => {
    expect(() => sizeDeployment(inputs as TSizingInputsRaw, model ?? LLAMA_3_1_8B, H100_SXM)).toThrow(DomainInputError);
    expect(() => sizeDeployment(inputs as TSizingInputsRaw, model ?? LLAMA_3_1_8B, H100_SXM)).toThrow(field);
  });

  it("rejects an MLA model without its latent width", () => {
    const broken = { ...DEEPSEEK_V3, kvLoraRank: undefined };
    expect(() => sizeDeployment(base, broken, H100_SXM)).toThrow("kvLoraRank");
  });
});

describe("explanations", () => {
  it("every figure has a formula and a finite (or null) value", () => {
    const r = sizeDeployment({ ...base, cost: { cloudOnDemand: { usdPerGpuHour: 3 }, owned: { purchaseUsdPerGpu: 30_000 } } }, MIXTRAL_8X7B, H100_SXM);
    expect(r.figures.length).toBeGreaterThan(20);
    for (const f of r.figures) {
      expect(f.formula.length).toBeGreaterThan(0);
      expect(f.value === null || Number.isFinite(f.value)).toBe(true);
    }
    expect(new Set(r.figures.map((f) => f.key)).size).toBe(r.figures.length);
    expect(r.figures.find((f) => f.key === "kvBytesPerToken")?.formula).toBe("2 × L × n_kv × d_h × B_kv = 2 × 32 × 8 × 128 × 2");
  });

  it("byte figures are exact and KV per sequence names the length it uses", () => {
    const r = sizeDeployment({ ...base, kvCachePrecision: "bf16" }, LLAMA_3_1_70B, H100_SXM);
    const perToken = r.figures.find((f) => f.key === "kvBytesPerToken")!;
    expect(perToken.value).toBe(327_680);
    expect(perToken.unit).toBe("bytes/token");
    const perSeq = r.figures.find((f) => f.key === "kvBytesPerSequence")!;
    expect(perSeq.label).toBe("KV cache per sequence at 1,500 tokens (prompt + output)");
    expect(perSeq.value).toBe(327_680 * 1500);
    expect(r.figures.find((f) => f.key === "kvBytesPerSequenceAtMean")!.label).toMatch(/at 1,250 tokens \(mean while decoding/);
  });
});

describe("properties", () => {
  const models = [LLAMA_3_1_8B, LLAMA_3_1_70B, MIXTRAL_8X7B, GEMMA_2_9B, DEEPSEEK_V3];
  const arbModel = fc.constantFrom(...models);
  const arbGpu = fc.constantFrom(H100_SXM, H200_SXM);

  it("more traffic never needs fewer GPUs", () => {
    fc.assert(
      fc.property(arbModel, arbGpu, fc.double({ min: 0, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 1e9, noNaN: true }), (model, gpu, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const at = (requestsPerMonth: number) =>
          sizeDeployment({ ...base, promptTokensPerRequest: 1000, outputTokensPerRequest: 200, weightPrecision: "fp8", traffic: { kind: "requests", requestsPerMonth }, cost: { cloudOnDemand: { usdPerGpuHour: 2 } } }, model, gpu);
        expect(at(high).totalGpus!).toBeGreaterThanOrEqual(at(low).totalGpus!);
      }),
      { numRuns: 60 },
    );
  });

  it("longer context never allows more concurrent sequences (same layout)", () => {
    fc.assert(
      fc.property(arbModel, fc.integer({ min: 1, max: 32_000 }), fc.integer({ min: 1, max: 32_000 }), fc.constantFrom(1, 2, 4, 8), (model, a, b, t) => {
        const [short, long] = a <= b ? [a, b] : [b, a];
        const at = (s: number) => layoutMemory(model, { gpu: H200_SXM, tensorParallel: t, pipelineStages: 1, weights: { precision: "fp8", scope: "all-linear" }, kvCachePrecision: "bf16" }, s, 1, ASSUME).maxSequencesByMemory;
        expect(at(long)).toBeLessThanOrEqual(at(short));
      }),
    );
  });

  it("owned cost is a whole number of replica costs, and no output is NaN or Infinity", () => {
    fc.assert(
      fc.property(
        arbModel,
        arbGpu,
        fc.double({ min: 0, max: 1e10, noNaN: true }),
        fc.integer({ min: 1, max: 4 }),
        fc.double({ min: 0, max: 60_000, noNaN: true }),
        fc.constantFrom("bf16", "fp8", "int4", "gguf_q4_k_m"),
        (model, gpu, requestsPerMonth, minReplicas, price, weightPrecision) => {
          const r = sizeDeployment(
            { ...base, weightPrecision, minReplicas, traffic: { kind: "requests", requestsPerMonth }, cost: { owned: { purchaseUsdPerGpu: price } } },
            model,
            gpu,
          );
          expect(nonFinitePaths(r)).toEqual([]);
          if (!r.fits || r.costs.owned!.usdPerReplicaMonth === 0) return;
          const steps = r.costs.owned!.usdPerMonth / r.costs.owned!.usdPerReplicaMonth;
          expect(steps).toBeCloseTo(Math.round(steps), 9);
          expect(Math.round(steps)).toBe(r.replicas);
        },
      ),
      { numRuns: 80 },
    );
  });
});
