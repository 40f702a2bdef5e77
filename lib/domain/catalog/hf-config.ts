// Turns a Hugging Face config.json into the architecture description the sizing formulas use,
// with total and active parameter counts derived from the config (see hf-config-count.ts).
// Handles dense GQA/MHA/MQA, MoE (Mixtral, Qwen-MoE, DeepSeek, Llama 4, gpt-oss), sliding-window
// and chunked attention, MLA, and multimodal configs that nest the LLM under `text_config`.
import { ZCustomModel, type TCustomModel } from "./custom";
import { parseWith, type TFieldError, type TParseResult } from "../shared";
import {
  countParams,
  kvCacheBytesPerTokenBf16,
  type TMlaDims,
  type TMoeDims,
  type TParamBreakdown,
  type TTransformerDims,
} from "./hf-config-count";
import { ConfigReader, isJsonObject, toJsonObject } from "./hf-config-read";
import type { TAttentionType, TModelArchitecture } from "../shared";

export type TCheckpointQuantization = NonNullable<TModelArchitecture["checkpointQuantization"]>;

export type THfModelDescription = Omit<TModelArchitecture, "id" | "name" | "licenceId" | "provenance" | "contextTokens"> & {
  /** Absent when the config states no max_position_embeddings (a warning says so). */
  contextTokens?: number;
  modelType: string;
  tieWordEmbeddings: boolean;
  isMultimodal: boolean;
  moeIntermediateSize?: number;
  /** Layers that carry experts (DeepSeek keeps its first layers dense; Maverick alternates). */
  moeLayers?: number;
  qLoraRank?: number;
  qkNopeHeadDim?: number;
  vHeadDim?: number;
  /** Every layer caching every token at bf16; sliding-window layers keep only their window. */
  kvCacheBytesPerTokenBf16: number;
  paramBreakdown: TParamBreakdown;
  /** The published checkpoint's precision, from quantization_config; absent for 16-bit weights. */
  checkpointQuantization?: TCheckpointQuantization;
};

export type THfConfigOptions = { hfId?: string };

export type THfConfigResult =
  | { ok: true; model: THfModelDescription; warnings: string[] }
  | { ok: false; errors: TFieldError[] };

// Bounds mirror ZModelArchitecture so a parsed config always fits the shared schema.
const MAX = { layers: 1000, hidden: 1_000_000, heads: 10_000, headDim: 10_000, vocab: 10_000_000, width: 10_000_000, context: 100_000_000 };

/** Families whose MLP is a plain up/down projection (2*h*d_ff) rather than gated (3*h*d_ff). */
const NON_GATED_MLP = new Set(["gpt2", "opt", "gpt_neox", "falcon", "bloom", "gpt_bigcode", "phi", "gptj", "mpt", "starcoder2"]);
const GATED_MLP = new Set([
  "llama", "llama4", "llama4_text", "mistral", "mixtral", "qwen2", "qwen2_moe", "qwen3", "qwen3_moe", "gemma", "gemma2",
  "gemma3", "gemma3_text", "deepseek_v2", "deepseek_v3", "phi3", "olmo", "olmo2", "gpt_oss", "cohere", "granite",
]);
/** transformers' per-class default when tie_word_embeddings is absent. */
const UNTIED_BY_DEFAULT = new Set([
  "llama", "llama4", "llama4_text", "mistral", "mixtral", "qwen2", "qwen2_moe", "qwen3", "qwen3_moe", "deepseek_v2",
  "deepseek_v3", "phi3", "olmo2", "gpt_oss",
]);

type TBase = Pick<TTransformerDims, "layers" | "hiddenSize" | "attentionHeads" | "kvHeads" | "headDim" | "vocabSize"> & {
  contextTokens?: number;
};

function readBase(r: ConfigReader): TBase | undefined {
  const layers = r.requiredInt(["num_hidden_layers", "n_layer", "num_layers"], { max: MAX.layers });
  const hiddenSize = r.requiredInt(["hidden_size", "n_embd", "d_model"], { max: MAX.hidden });
  const attentionHeads = r.requiredInt(["num_attention_heads", "n_head"], { max: MAX.heads });
  const vocabSize = r.requiredInt("vocab_size", { max: MAX.vocab });
  const contextTokens = r.optionalInt(["max_position_embeddings", "n_positions", "max_sequence_length", "seq_length"], {
    max: MAX.context,
  });
  const explicitHeadDim = r.optionalInt("head_dim", { max: MAX.headDim });
  const explicitKvHeads = r.optionalInt(["num_key_value_heads", "num_kv_heads"], { max: MAX.heads });
  if (layers === undefined || hiddenSize === undefined || attentionHeads === undefined || vocabSize === undefined) return undefined;

  let headDim = explicitHeadDim;
  if (headDim === undefined) {
    if (hiddenSize % attentionHeads === 0) headDim = hiddenSize / attentionHeads;
    else r.fail("head_dim", `head_dim is missing and hidden_size (${hiddenSize}) is not a multiple of num_attention_heads (${attentionHeads})`);
  }
  // Absent num_key_value_heads means classic multi-head attention; Falcon-style configs flag MQA.
  const kvHeads = explicitKvHeads ?? (r.bool("multi_query") === true ? 1 : attentionHeads);
  if (kvHeads > attentionHeads || attentionHeads % kvHeads !== 0)
    r.fail("num_key_value_heads", `num_key_value_heads (${kvHeads}) must divide num_attention_heads (${attentionHeads})`);
  if (contextTokens === undefined) r.warn("max_position_embeddings is missing: context length unknown, enter it by hand.");
  if (headDim === undefined) return undefined;
  return { layers, hiddenSize, attentionHeads, kvHeads, headDim, vocabSize, contextTokens };
}

function readMla(r: ConfigReader): TMlaDims | undefined {
  if (!r.has("kv_lora_rank")) return undefined;
  const kvLoraRank = r.requiredInt("kv_lora_rank", { max: MAX.hidden });
  const qkRopeHeadDim = r.requiredInt("qk_rope_head_dim", { max: MAX.headDim });
  const qkNopeHeadDim = r.requiredInt("qk_nope_head_dim", { max: MAX.headDim });
  const vHeadDim = r.requiredInt("v_head_dim", { max: MAX.headDim });
  const qLoraRank = r.optionalInt("q_lora_rank", { max: MAX.hidden });
  if (kvLoraRank === undefined || qkRopeHeadDim === undefined || qkNopeHeadDim === undefined || vHeadDim === undefined) return undefined;
  return { kvLoraRank, qkRopeHeadDim, qkNopeHeadDim, vHeadDim, ...(qLoraRank ? { qLoraRank } : {}) };
}

const intList = (xs: unknown[] | undefined) => (xs ?? []).filter((x): x is number => Number.isInteger(x));

/** Which layers carry experts, following each family's config convention. */
function countMoeLayers(r: ConfigReader, layers: number): number {
  const indices = Array.from({ length: layers }, (_, i) => i);
  const firstDense = r.optionalInt("first_k_dense_replace", { min: 0, max: layers });
  if (firstDense !== undefined) {
    const freq = r.optionalInt("moe_layer_freq", { max: layers }) ?? 1;
    return indices.filter((i) => i >= firstDense && i % freq === 0).length;
  }
  const explicit = intList(r.array("moe_layers")).filter((i) => i >= 0 && i < layers);
  if (explicit.length > 0) return new Set(explicit).size;
  const step = r.optionalInt(["interleave_moe_layer_step", "decoder_sparse_step"], { max: layers }) ?? 1;
  const denseOnly = new Set(intList(r.array("mlp_only_layers")));
  return indices.filter((i) => !denseOnly.has(i) && (i + 1) % step === 0).length;
}

function readMoe(r: ConfigReader, layers: number, modelType: string): TMoeDims | undefined {
  const experts = r.optionalInt(["num_local_experts", "num_experts", "n_routed_experts"], { min: 0, max: 100_000 });
  if (experts === undefined || experts <= 1) return undefined;
  const expertsPerToken = r.requiredInt(["num_experts_per_tok", "experts_per_token", "moe_topk"], { max: experts });
  const expertIntermediateSize = r.has("moe_intermediate_size")
    ? r.requiredInt("moe_intermediate_size", { max: MAX.width })
    : r.requiredInt("intermediate_size", { max: MAX.width });
  const moeLayers = countMoeLayers(r, layers);
  const nShared = r.optionalInt("n_shared_experts", { min: 0, max: 1000 });
  const sharedWidth = r.optionalInt("shared_expert_intermediate_size", { min: 0, max: MAX.width });
  if (expertsPerToken === undefined || expertIntermediateSize === undefined) return undefined;

  let shared = { sharedExperts: 0, sharedExpertIntermediateSize: 0, hasSharedExpertGate: false };
  if (nShared) shared = { sharedExperts: nShared, sharedExpertIntermediateSize: expertIntermediateSize, hasSharedExpertGate: false };
  else if (sharedWidth) shared = { sharedExperts: 1, sharedExpertIntermediateSize: sharedWidth, hasSharedExpertGate: true };
  // Llama 4 always has one shared expert; its config has no field for it.
  else if (modelType === "llama4_text" || modelType === "llama4")
    shared = { sharedExperts: 1, sharedExpertIntermediateSize: expertIntermediateSize, hasSharedExpertGate: false };
  return { experts, expertsPerToken, expertIntermediateSize, moeLayers, ...shared };
}

function readSlidingWindow(r: ConfigReader, base: TBase, modelType: string): { tokens: number; layers: number } | undefined {
  const L = base.layers;
  const chunk = r.optionalInt("attention_chunk_size", { max: MAX.context });
  if (chunk !== undefined) {
    // Llama 4: RoPE layers attend within fixed chunks, NoPE layers (every 4th by default) globally.
    const noRope = intList(r.array("no_rope_layers"));
    const interval = r.optionalInt("no_rope_layer_interval", { max: L }) ?? 4;
    const chunked = noRope.length > 0 ? noRope.filter((v) => v === 1).length : L - Math.floor(L / interval);
    r.warn(`attention_chunk_size (${chunk}): chunked attention on ${chunked} layers is sized like a ${chunk}-token sliding window.`);
    return { tokens: chunk, layers: chunked };
  }
  const window = r.optionalInt("sliding_window", { max: MAX.context });
  const layerTypes = r.array("layer_types");
  if (layerTypes) {
    if (layerTypes.length !== L) r.warn(`layer_types lists ${layerTypes.length} layers but num_hidden_layers is ${L}.`);
    const local = layerTypes.filter((t) => typeof t === "string" && /sliding|chunked|local/.test(t)).length;
    if (local === 0) return undefined;
    if (window === undefined) {
      r.fail("sliding_window", "sliding_window is missing but layer_types names sliding-window layers");
      return undefined;
    }
    return { tokens: window, layers: local };
  }
  if (window === undefined || r.bool("use_sliding_window") === false) return undefined;
  if (base.contextTokens !== undefined && window >= base.contextTokens) {
    r.warn(`sliding_window (${window}) is not smaller than the context (${base.contextTokens}); treated as full attention.`);
    return undefined;
  }
  let pattern = r.optionalInt("sliding_window_pattern", { max: L });
  if (pattern === undefined && modelType.startsWith("gemma3")) {
    pattern = 6;
    r.warn("sliding_window_pattern is missing; assumed Gemma 3's 5 local : 1 global layers.");
  }
  if (pattern !== undefined) return { tokens: window, layers: L - Math.floor(L / pattern) };
  if (modelType === "gemma2") return { tokens: window, layers: Math.ceil(L / 2) };
  return { tokens: window, layers: L };
}

function readTieWordEmbeddings(r: ConfigReader, modelType: string): boolean {
  const stated = r.bool("tie_word_embeddings");
  if (stated !== undefined) return stated;
  if (modelType.startsWith("gemma")) return true;
  if (!UNTIED_BY_DEFAULT.has(modelType))
    r.warn("tie_word_embeddings is not set: assumed false (separate input and output embeddings, V*h counted twice).");
  return false;
}

function readDenseWidth(r: ConfigReader, base: TBase, modelType: string, moe: TMoeDims | undefined): number | undefined {
  const denseLayers = base.layers - (moe?.moeLayers ?? 0);
  const width =
    r.optionalInt("intermediate_size_mlp", { max: MAX.width }) ??
    r.optionalInt(["intermediate_size", "ffn_hidden_size", "n_inner"], { max: MAX.width });
  if (width !== undefined || denseLayers === 0) return width;
  if (NON_GATED_MLP.has(modelType)) {
    r.warn("intermediate_size is missing: assumed 4 x hidden_size, the GPT-style default.");
    return 4 * base.hiddenSize;
  }
  r.fail(r.has("text_config") ? "text_config.intermediate_size" : "intermediate_size", "intermediate_size is missing");
  return undefined;
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const int = (v: unknown) => (typeof v === "number" && Number.isInteger(v) ? v : undefined);

/**
 * The checkpoint's own precision from quantization_config, so the weights are sized as shipped:
 * DeepSeek-V3's block-scaled FP8, gpt-oss's MXFP4 experts, AWQ/GPTQ INT4, bitsandbytes NF4. A
 * method Freehold does not read is reported, never silently sized as 16-bit.
 */
function readQuantization(r: ConfigReader, root: Record<string, unknown>, isMoe: boolean): TCheckpointQuantization | undefined {
  const q = root.quantization_config;
  if (q === undefined || q === null) return undefined;
  if (!isJsonObject(q)) {
    r.warn("quantization_config is not an object: the weights are sized as 16-bit.");
    return undefined;
  }
  const method = (str(q.quant_method) ?? "").toLowerCase();
  const notConverted = Array.isArray(q.modules_to_not_convert) ? q.modules_to_not_convert.filter((m): m is string => typeof m === "string") : [];
  const keepsAttention = notConverted.some((m) => /attn|attention/.test(m));
  const scope = isMoe && keepsAttention ? ("experts-only" as const) : ("all-linear" as const);
  const bits = int(q.bits) ?? int(q.w_bit);
  const group = int(q.group_size) ?? int(q.q_group_size);
  const groupNote = (b: number) => {
    if (group !== undefined && group !== 128 && group !== -1) r.warn(`quantization_config group_size ${group}: bytes per weight assume the usual 128 (scales are ${b === 4 ? "~3%" : "<1%"} of the weights).`);
  };
  if (method === "fp8") {
    const block = Array.isArray(q.weight_block_size) ? `, weight_block_size [${q.weight_block_size.join(", ")}]` : "";
    return { precision: "fp8", scope, detail: `fp8${str(q.fmt) ? ` ${str(q.fmt)}` : ""}${block}`.slice(0, 200) };
  }
  if (method === "mxfp4") return { precision: "mxfp4", scope, detail: `mxfp4${scope === "experts-only" ? ", experts only (attention, router, embeddings not converted)" : ""}` };
  if (method === "awq" || method === "gptq") {
    if (bits === 4 || bits === 8) {
      groupNote(bits);
      return { precision: bits === 4 ? "int4" : "int8", scope, detail: `${method} ${bits}-bit${group !== undefined ? `, group_size ${group}` : ""}` };
    }
    r.warn(`quantization_config ${method} with ${bits ?? "unstated"} bits is not sized: choose the weight precision by hand.`);
    return undefined;
  }
  if (method === "bitsandbytes") {
    if (q.load_in_4bit === true) return { precision: "nf4", scope, detail: `bitsandbytes 4-bit ${str(q.bnb_4bit_quant_type) ?? "nf4"}` };
    if (q.load_in_8bit === true) return { precision: "int8", scope, detail: "bitsandbytes 8-bit (LLM.int8)" };
  }
  if (method === "modelopt") {
    const algo = (str(q.quant_algo) ?? "").toUpperCase();
    if (algo === "FP8") return { precision: "fp8", scope, detail: "modelopt FP8" };
    if (algo === "NVFP4") return { precision: "fp4", scope, detail: "modelopt NVFP4" };
  }
  if (method === "compressed-tensors" && isJsonObject(q.config_groups)) {
    for (const g of Object.values(q.config_groups)) {
      const w = isJsonObject(g) && isJsonObject(g.weights) ? g.weights : null;
      if (!w) continue;
      const nb = int(w.num_bits);
      const type = str(w.type);
      if (nb === 8 && type === "float") return { precision: "fp8", scope, detail: "compressed-tensors FP8" };
      if (nb === 8 && type === "int") return { precision: "int8", scope, detail: "compressed-tensors INT8" };
      if (nb === 4 && type === "int") return { precision: "int4", scope, detail: "compressed-tensors INT4" };
      if (nb === 4 && type === "float") return { precision: "fp4", scope, detail: "compressed-tensors FP4" };
    }
  }
  r.warn(`quantization_config quant_method "${method || "not stated"}" is not one Freehold reads: the weights are sized as 16-bit; choose the served precision by hand.`);
  return undefined;
}

const dedupe = (errors: TFieldError[]) => errors.filter((e, i) => errors.findIndex((o) => o.path === e.path && o.message === e.message) === i);

export function parseHfConfig(input: unknown, opts: THfConfigOptions = {}): THfConfigResult {
  const json = toJsonObject(input);
  if (!json.ok) return json;
  const root = json.value;
  if (root.text_config !== undefined && root.text_config !== null && !isJsonObject(root.text_config))
    return { ok: false, errors: [{ path: "text_config", message: "text_config must be an object" }] };
  const r = new ConfigReader(root, isJsonObject(root.text_config) ? root.text_config : undefined);

  const modelType = r.str("model_type") ?? "unknown";
  if (!GATED_MLP.has(modelType) && !NON_GATED_MLP.has(modelType))
    r.warn(`model_type "${modelType}" is not one we know: assumed a gated MLP (3 x hidden x intermediate per layer).`);
  const base = readBase(r);
  const mla = readMla(r);
  const moe = base ? readMoe(r, base.layers, modelType) : undefined;
  const window = base ? readSlidingWindow(r, base, modelType) : undefined;
  const denseWidth = base ? readDenseWidth(r, base, modelType, moe) : undefined;
  const tieWordEmbeddings = readTieWordEmbeddings(r, modelType);
  const attentionBias = r.bool("attention_bias") === true ? "qkvo" : modelType.startsWith("qwen2") ? "qkv" : "none";
  if (!base || r.errors.length > 0) return { ok: false, errors: dedupe(r.errors) };

  const isMultimodal = isJsonObject(root.vision_config) || isJsonObject(root.vision_tower);
  const checkpointQuantization = readQuantization(r, root, moe !== undefined);
  if (isMultimodal) r.warn("vision_config present: the vision encoder's parameters are not counted.");
  if ((r.optionalInt("num_nextn_predict_layers", { min: 0, max: 100 }) ?? 0) > 0)
    r.warn("Multi-token-prediction layers (num_nextn_predict_layers) are not counted; the checkpoint is larger than the total.");

  const dims: TTransformerDims = {
    ...base,
    intermediateSize: denseWidth,
    isGatedMlp: !NON_GATED_MLP.has(modelType),
    tieWordEmbeddings,
    attentionBias,
    mla,
    moe,
  };
  const count = countParams(dims);
  const rawIntermediate = r.optionalInt("intermediate_size", { max: MAX.width }) ?? denseWidth;
  const hfId = opts.hfId ?? r.str("_name_or_path");

  const model: THfModelDescription = {
    ...(hfId ? { hfId } : {}),
    modelType,
    totalParams: count.totalParams,
    activeParams: count.activeParams,
    layers: base.layers,
    hiddenSize: base.hiddenSize,
    ...(rawIntermediate !== undefined ? { intermediateSize: rawIntermediate } : {}),
    attentionHeads: base.attentionHeads,
    kvHeads: base.kvHeads,
    headDim: mla ? mla.vHeadDim : base.headDim,
    vocabSize: base.vocabSize,
    ...(base.contextTokens !== undefined ? { contextTokens: base.contextTokens } : {}),
    attentionType: mla ? "mla" : attentionTypeFor(base.attentionHeads, base.kvHeads),
    ...(window ? { slidingWindowTokens: window.tokens, slidingWindowLayers: window.layers } : {}),
    ...(mla
      ? { kvLoraRank: mla.kvLoraRank, qkRopeHeadDim: mla.qkRopeHeadDim, qkNopeHeadDim: mla.qkNopeHeadDim, vHeadDim: mla.vHeadDim }
      : {}),
    ...(mla?.qLoraRank ? { qLoraRank: mla.qLoraRank } : {}),
    ...(moe
      ? {
          experts: moe.experts,
          expertsPerToken: moe.expertsPerToken,
          sharedExperts: moe.sharedExperts,
          moeIntermediateSize: moe.expertIntermediateSize,
          moeLayers: moe.moeLayers,
        }
      : {}),
    isMultimodal,
    tieWordEmbeddings,
    kvCacheBytesPerTokenBf16: kvCacheBytesPerTokenBf16(dims),
    paramBreakdown: count.breakdown,
    ...(checkpointQuantization ? { checkpointQuantization } : {}),
  };
  return { ok: true, model, warnings: r.warnings };
}

export type TCustomModelMeta = { id: string; name: string; licenceId: string; asOf: string; sourceUrls?: string[]; note?: string };

/** Completes a parsed config into a user-described catalog model (provenance "user"). */
export function toCustomModel(description: THfModelDescription, meta: TCustomModelMeta): TParseResult<TCustomModel> {
  // ZCustomModel strips the config-only extras (breakdown, MLA/MoE details) it does not know.
  return parseWith(ZCustomModel, {
    ...description,
    id: meta.id,
    name: meta.name,
    licenceId: meta.licenceId,
    provenance: {
      sourceUrls: meta.sourceUrls ?? [],
      asOf: meta.asOf,
      verification: "user",
      note: meta.note ?? `Derived from a config.json (model_type ${description.modelType}).`,
    },
  });
}

/** Attention type from the head counts: one KV head is MQA, as many as query heads is MHA, else GQA. */
export function attentionTypeFor(attentionHeads: number, kvHeads: number): TAttentionType {
  if (kvHeads === 1) return "mqa";
  return kvHeads === attentionHeads ? "mha" : "gqa";
}
