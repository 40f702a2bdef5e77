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
  "fp4",
  "mxfp4",
  "nf4",
  "gguf_q8_0",
  "gguf_q6_k",
  "gguf_q5_k_m",
  "gguf_q4_k_m",
  "gguf_q3_k_m",
  "gguf_q2_k",
]);
export type TWeightPrecision = z.infer<typeof ZWeightPrecision>;

/** Which tensor-core rate a precision's matmuls run at, when the GPU has it. */
export type TMatmulRate = "fp32" | "bf16" | "fp8" | "fp4";

export type TPrecisionInfo = {
  label: string;
  /** Bytes per weight including the quantization scales stored with it. */
  bytesPerParam: number;
  /** How bytesPerParam is made up, for the formula text. */
  bytesFormula: string;
  isApproximate: boolean;
  /** Below 16 bits: quantized formats keep embeddings and the output head at 16 bits (GGUF files do not). */
  isQuantized: boolean;
  /** GGUF averages cover the whole file, embeddings included. */
  coversEmbeddings: boolean;
  /** Matmul rate when the GPU supports it; otherwise the weights are dequantised to BF16. */
  matmul: TMatmulRate;
  /** Serving at this precision needs this hardware format (layout search skips GPUs without it). */
  needsHardware: "fp8" | "fp4" | null;
  /** Served by tensor-parallel engines (vLLM, TensorRT-LLM, SGLang); GGUF is llama.cpp's format. */
  isServingEngineFormat: boolean;
};

const q = (
  label: string,
  bytesPerParam: number,
  bytesFormula: string,
  rest: Partial<Omit<TPrecisionInfo, "label" | "bytesPerParam" | "bytesFormula">> = {},
): TPrecisionInfo => ({
  label,
  bytesPerParam,
  bytesFormula,
  isApproximate: false,
  isQuantized: true,
  coversEmbeddings: false,
  matmul: "bf16",
  needsHardware: null,
  isServingEngineFormat: true,
  ...rest,
});
const gguf = (label: string, bytesPerParam: number) =>
  q(label, bytesPerParam, `${bytesPerParam} (file average, block scales included)`, { isApproximate: true, coversEmbeddings: true, isServingEngineFormat: false });

/**
 * Bytes per weight with the scales each format stores. INT4 is AWQ/GPTQ at their default group of
 * 128: 4 bits + a 16-bit scale and a 4-bit zero per 128 weights. NVFP4: E2M1 + an FP8 scale per 16.
 * MXFP4 (OCP MX): E2M1 + an 8-bit exponent per 32. NF4 with double quantization: 4 + 0.127 bits
 * (QLoRA paper). FP8 block scales (DeepSeek's 128 × 128, FP32) add 0.002 bits and are left out.
 * GGUF figures vary by model, so they are marked approximate wherever shown.
 */
export const WEIGHT_PRECISIONS: Record<TWeightPrecision, TPrecisionInfo> = {
  fp32: q("FP32", 4, "4", { isQuantized: false, matmul: "fp32", isServingEngineFormat: false }),
  bf16: q("BF16", 2, "2", { isQuantized: false }),
  fp16: q("FP16", 2, "2", { isQuantized: false }),
  fp8: q("FP8", 1, "1", { matmul: "fp8", needsHardware: "fp8" }),
  int8: q("INT8 (W8A16)", 1, "1 (per-channel scales negligible)"),
  int4: q("INT4 (AWQ/GPTQ, group 128)", (4 + (16 + 4) / 128) / 8, "(4 + (16 + 4) ÷ 128) ÷ 8 = 0.5195"),
  fp4: q("FP4 (NVFP4)", (4 + 8 / 16) / 8, "(4 + 8 ÷ 16) ÷ 8 = 0.5625", { matmul: "fp4", needsHardware: "fp4" }),
  mxfp4: q("MXFP4", (4 + 8 / 32) / 8, "(4 + 8 ÷ 32) ÷ 8 = 0.53125", { matmul: "fp4" }),
  nf4: q("NF4 (bitsandbytes)", (4 + 0.127) / 8, "(4 + 0.127) ÷ 8 = 0.5159"),
  gguf_q8_0: gguf("GGUF Q8_0 (approx.)", 1.06),
  gguf_q6_k: gguf("GGUF Q6_K (approx.)", 0.82),
  gguf_q5_k_m: gguf("GGUF Q5_K_M (approx.)", 0.71),
  gguf_q4_k_m: gguf("GGUF Q4_K_M (approx.)", 0.6),
  gguf_q3_k_m: gguf("GGUF Q3_K_M (approx.)", 0.49),
  gguf_q2_k: gguf("GGUF Q2_K (approx.)", 0.41),
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

/**
 * Where a model's parameters sit, under Freehold's one convention for every model (catalog and
 * pasted config alike): totalParams and activeParams count both embedding matrices (input table
 * and output head; one matrix when tied). The input table is a row lookup: a token reads one row
 * and multiplies nothing, so the per-token work is activeParams less the untied input table.
 */
export type TParamBreakdown = {
  /** V × h: the input table (which is also the output head when tied). */
  inputEmbeddingParams: number;
  /** V × h read and multiplied per token by the output head. */
  outputHeadParams: number;
  /** Embedding matrices stored: V × h × (tied ? 1 : 2). */
  embeddingParams: number;
  /** All routed experts (MoE), from P_total − P_act = (E − k) × params per expert. */
  routedExpertParams: number;
  /** Everything else: attention, dense MLPs, shared experts, routers, norms. */
  otherParams: number;
  /** Weights multiplied per token: activeParams − the untied input table. */
  multipliedPerToken: number;
};

export function paramBreakdown(model: TModelArchitecture): TParamBreakdown {
  const table = model.vocabSize * model.hiddenSize;
  const isTied = model.tieWordEmbeddings === true;
  // A config whose vocabulary table exceeds the stated total (hand-entered numbers) keeps the
  // counts non-negative rather than inventing parameters.
  const embeddingParams = Math.min(model.totalParams, table * (isTied ? 1 : 2));
  const inputEmbeddingParams = Math.min(table, embeddingParams);
  const { experts, expertsPerToken } = model;
  const routedExpertParams =
    experts !== undefined && expertsPerToken !== undefined && experts > expertsPerToken && model.totalParams > model.activeParams
      ? ((model.totalParams - model.activeParams) / (experts - expertsPerToken)) * experts
      : 0;
  const otherParams = Math.max(0, model.totalParams - embeddingParams - routedExpertParams);
  const multipliedPerToken = Math.max(1, model.activeParams - (isTied ? 0 : inputEmbeddingParams));
  return { inputEmbeddingParams, outputHeadParams: inputEmbeddingParams, embeddingParams, routedExpertParams, otherParams, multipliedPerToken };
}

/** Which weights a precision covers: all linear layers, or (gpt-oss's MXFP4) only the routed experts. */
export type TWeightScope = "all-linear" | "experts-only";

export type TWeightScheme = { precision: TWeightPrecision; scope: TWeightScope };

/** Bytes per weight for each part of the model under a scheme. */
export function schemeBytesPerParam(scheme: TWeightScheme): { experts: number; other: number; embeddings: number } {
  const info = WEIGHT_PRECISIONS[scheme.precision];
  const sixteen = 2;
  const embeddings = info.isQuantized && !info.coversEmbeddings ? sixteen : info.bytesPerParam;
  const other = scheme.scope === "experts-only" ? sixteen : info.bytesPerParam;
  return { experts: info.bytesPerParam, other, embeddings };
}

/**
 * Weight bytes of the whole checkpoint: each part at its own precision. Quantized formats keep the
 * embedding table and output head at 16 bits (vLLM, TensorRT-LLM ModelOpt and AWQ/GPTQ checkpoints
 * do), which a flat P × B_w misses: +2.1 GB for Llama 3 70B at FP8.
 */
export function weightsBytesForScheme(model: TModelArchitecture, scheme: TWeightScheme): number {
  const b = paramBreakdown(model);
  const bytes = schemeBytesPerParam(scheme);
  return b.routedExpertParams * bytes.experts + b.otherParams * bytes.other + b.embeddingParams * bytes.embeddings;
}

/** All linear layers at `precision` (the scheme a team picks when it quantizes the model itself). */
export function weightsBytes(model: TModelArchitecture, precision: TWeightPrecision): number {
  return weightsBytesForScheme(model, { precision, scope: "all-linear" });
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
 * Routed-expert parameters one decode step reads for `batch` sequences. With uniform routing the
 * expected share of E experts touched by b tokens choosing k each is 1 − (1 − k/E)^b, so the read
 * grows from k experts at batch 1 towards all E at large batch.
 */
function routedExpertParamsRead(model: TModelArchitecture, batch: number): { alwaysRead: number; expertsRead: number } {
  const { totalParams, activeParams, experts, expertsPerToken } = model;
  if (experts === undefined || expertsPerToken === undefined || experts <= expertsPerToken || totalParams <= activeParams) {
    return { alwaysRead: activeParams, expertsRead: 0 };
  }
  const paramsPerExpert = (totalParams - activeParams) / (experts - expertsPerToken);
  const alwaysRead = activeParams - expertsPerToken * paramsPerExpert;
  const expertsTouched = Math.max(expertsPerToken, experts * (1 - Math.pow(1 - expertsPerToken / experts, batch)));
  return { alwaysRead, expertsRead: Math.min(experts, expertsTouched) * paramsPerExpert };
}

/**
 * Parameters whose weights one decode step reads for `batch` sequences. Dense models read every
 * weight; an MoE layer reads only the experts its tokens were routed to (see above). Shared experts
 * and attention are in the always-read part, recovered from P_total = D + E·e and P_act = D + k·e.
 */
export function paramsReadPerDecodeStep(model: TModelArchitecture, batch: number): number {
  const { alwaysRead, expertsRead } = routedExpertParamsRead(model, batch);
  return Math.min(model.totalParams, Math.max(model.activeParams, alwaysRead + expertsRead));
}

/**
 * Weight bytes one decode step reads for `batch` sequences: the body (attention, dense layers,
 * shared experts, and the routed experts the batch touches) at its precision, plus the output head
 * at the embeddings' precision. The input table is a lookup of `batch` rows, left out.
 */
export function weightBytesReadPerDecodeStep(model: TModelArchitecture, scheme: TWeightScheme, batch: number): number {
  const b = paramBreakdown(model);
  const bytes = schemeBytesPerParam(scheme);
  const { alwaysRead, expertsRead } = routedExpertParamsRead(model, batch);
  const otherRead = Math.max(0, alwaysRead - b.embeddingParams);
  return expertsRead * bytes.experts + otherRead * bytes.other + b.outputHeadParams * bytes.embeddings;
}
