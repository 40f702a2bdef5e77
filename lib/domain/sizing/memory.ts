// Memory side of serving: bytes per weight, weights, KV cache per token and per sequence.
// Sources: formulas.md "Parameters and weights" and "KV cache"; vLLM paper (Kwon et al. 2023) for
// the per-token KV formula; DeepSeek-V3 config for MLA's cached latent.
import { z } from "zod";
import { ZModelArchitecture, type TModelArchitecture } from "../shared";

export const ZWeightPrecision = z.enum([
  "fp32",
  "bf16",
  "fp16",
  "fp8",
  "int8",
  "int4",
  "gguf_q8_0",
  "gguf_q6_k",
  "gguf_q5_k_m",
  "gguf_q4_k_m",
  "gguf_q3_k_m",
  "gguf_q2_k",
]);
export type TWeightPrecision = z.infer<typeof ZWeightPrecision>;

type TPrecisionInfo = { label: string; bytesPerParam: number; isApproximate: boolean };

/**
 * GGUF figures include block scales and vary by model (some tensors stay at higher precision), so
 * they are marked approximate wherever shown.
 */
export const WEIGHT_PRECISIONS: Record<TWeightPrecision, TPrecisionInfo> = {
  fp32: { label: "FP32", bytesPerParam: 4, isApproximate: false },
  bf16: { label: "BF16", bytesPerParam: 2, isApproximate: false },
  fp16: { label: "FP16", bytesPerParam: 2, isApproximate: false },
  fp8: { label: "FP8", bytesPerParam: 1, isApproximate: false },
  int8: { label: "INT8", bytesPerParam: 1, isApproximate: false },
  int4: { label: "INT4", bytesPerParam: 0.5, isApproximate: false },
  gguf_q8_0: { label: "GGUF Q8_0 (approx.)", bytesPerParam: 1.06, isApproximate: true },
  gguf_q6_k: { label: "GGUF Q6_K (approx.)", bytesPerParam: 0.82, isApproximate: true },
  gguf_q5_k_m: { label: "GGUF Q5_K_M (approx.)", bytesPerParam: 0.71, isApproximate: true },
  gguf_q4_k_m: { label: "GGUF Q4_K_M (approx.)", bytesPerParam: 0.6, isApproximate: true },
  gguf_q3_k_m: { label: "GGUF Q3_K_M (approx.)", bytesPerParam: 0.49, isApproximate: true },
  gguf_q2_k: { label: "GGUF Q2_K (approx.)", bytesPerParam: 0.41, isApproximate: true },
};

export const ZKvCachePrecision = z.enum(["fp32", "bf16", "fp16", "fp8"]);
export type TKvCachePrecision = z.infer<typeof ZKvCachePrecision>;
export const KV_BYTES_PER_ELEMENT: Record<TKvCachePrecision, number> = { fp32: 4, bf16: 2, fp16: 2, fp8: 1 };

/**
 * The shared model schema checks each field alone; these are the cross-field facts the formulas
 * rely on (e.g. an MLA model without its latent width would silently get a zero-byte KV cache).
 */
export const ZSizableModel = ZModelArchitecture.superRefine((m, ctx) => {
  if (m.activeParams > m.totalParams) {
    ctx.addIssue({ code: "custom", path: ["activeParams"], message: "activeParams must not exceed totalParams" });
  }
  if (m.attentionType !== "mla" && m.kvHeads > m.attentionHeads) {
    ctx.addIssue({ code: "custom", path: ["kvHeads"], message: "kvHeads must not exceed attentionHeads" });
  }
  if (m.attentionType === "mqa" && m.kvHeads !== 1) {
    ctx.addIssue({ code: "custom", path: ["kvHeads"], message: "an MQA model has exactly one KV head" });
  }
  if (m.attentionType === "mla" && (m.kvLoraRank === undefined || m.qkRopeHeadDim === undefined)) {
    ctx.addIssue({ code: "custom", path: ["kvLoraRank"], message: "MLA models need kvLoraRank and qkRopeHeadDim" });
  }
  if (m.slidingWindowLayers !== undefined && m.slidingWindowTokens === undefined) {
    ctx.addIssue({ code: "custom", path: ["slidingWindowTokens"], message: "slidingWindowLayers needs slidingWindowTokens" });
  }
  if (m.slidingWindowLayers !== undefined && m.slidingWindowLayers > m.layers) {
    ctx.addIssue({ code: "custom", path: ["slidingWindowLayers"], message: "slidingWindowLayers must not exceed layers" });
  }
  if (m.experts !== undefined && m.expertsPerToken !== undefined && m.expertsPerToken > m.experts) {
    ctx.addIssue({ code: "custom", path: ["expertsPerToken"], message: "expertsPerToken must not exceed experts" });
  }
});

export function weightsBytes(model: TModelArchitecture, precision: TWeightPrecision): number {
  return model.totalParams * WEIGHT_PRECISIONS[precision].bytesPerParam;
}

/** KV elements one layer caches per token: K and V for each KV head, or MLA's shared latent. */
export function kvElementsPerLayerPerToken(model: TModelArchitecture): number {
  if (model.attentionType === "mla") return (model.kvLoraRank ?? 0) + (model.qkRopeHeadDim ?? 0);
  return 2 * model.kvHeads * model.headDim;
}

/** Bytes per token if every layer attended to the full context (the textbook formula). */
export function kvBytesPerToken(model: TModelArchitecture, kvPrecision: TKvCachePrecision): number {
  return kvElementsPerLayerPerToken(model) * model.layers * KV_BYTES_PER_ELEMENT[kvPrecision];
}

/**
 * Layers that keep only a sliding window. A model that declares a window but not how many layers
 * use it (Mistral-7B-v0.1) applies it to every layer.
 */
export function slidingWindowLayerCount(model: TModelArchitecture): number {
  if (model.slidingWindowTokens === undefined) return 0;
  return model.slidingWindowLayers ?? model.layers;
}

/**
 * KV bytes one sequence holds at `contextTokens`. Sliding-window layers hold at most `window`
 * tokens, so this per-SEQUENCE figure (not bytes/token × context) is what decides how many
 * sequences fit. vLLM stores MLA's latent once per layer, which this follows.
 */
export function kvBytesPerSequence(model: TModelArchitecture, kvPrecision: TKvCachePrecision, contextTokens: number): number {
  const perLayerToken = kvElementsPerLayerPerToken(model) * KV_BYTES_PER_ELEMENT[kvPrecision];
  const localLayers = slidingWindowLayerCount(model);
  const globalLayers = model.layers - localLayers;
  const windowTokens = Math.min(contextTokens, model.slidingWindowTokens ?? contextTokens);
  return perLayerToken * (globalLayers * contextTokens + localLayers * windowTokens);
}

/**
 * How many ways tensor parallelism splits one sequence's KV. Heads shard across GPUs but one head
 * cannot be split, so beyond n_kv GPUs the heads are replicated; MLA's latent is shared by all heads
 * and is replicated on every tensor-parallel rank.
 */
export function kvShardWays(model: TModelArchitecture, tensorParallel: number): number {
  if (model.attentionType === "mla") return 1;
  return Math.min(tensorParallel, model.kvHeads);
}

/**
 * Parameters whose weights one decode step reads for `batch` sequences. Dense models read every
 * weight. An MoE layer reads only the experts its tokens were routed to; with uniform routing the
 * expected share of E experts touched by b tokens choosing k each is 1 − (1 − k/E)^b, so the read
 * grows from P_act at batch 1 towards P_total at large batch. Shared experts and attention are in
 * the always-read part, recovered from P_total = D + E·e and P_act = D + k·e.
 */
export function paramsReadPerDecodeStep(model: TModelArchitecture, batch: number): number {
  const { totalParams, activeParams, experts, expertsPerToken } = model;
  if (experts === undefined || expertsPerToken === undefined || experts <= expertsPerToken || totalParams <= activeParams) {
    return activeParams;
  }
  const paramsPerExpert = (totalParams - activeParams) / (experts - expertsPerToken);
  const alwaysRead = activeParams - expertsPerToken * paramsPerExpert;
  const expertsTouched = experts * (1 - Math.pow(1 - expertsPerToken / experts, batch));
  return Math.min(totalParams, Math.max(activeParams, alwaysRead + expertsTouched * paramsPerExpert));
}
