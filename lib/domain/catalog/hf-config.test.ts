import { describe, expect, it } from "vitest";
import { parseHfConfig, toCustomModel, type THfConfigResult, type THfModelDescription } from "./hf-config";
import * as fx from "./hf-config.fixtures";

function parsed(input: unknown): { model: THfModelDescription; warnings: string[] } {
  const result = parseHfConfig(input);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result;
}

function errorsOf(result: THfConfigResult) {
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

const within = (actual: number, expected: number, fraction: number) =>
  expect(Math.abs(actual - expected) / expected, `${actual} vs ${expected}`).toBeLessThanOrEqual(fraction);

describe("parseHfConfig: dense models", () => {
  it("Llama-3.1-8B: 8.03B parameters and 131,072 KV bytes per token at bf16", () => {
    const { model, warnings } = parsed(fx.LLAMA_3_1_8B);
    within(model.totalParams, 8.03e9, 0.01);
    expect(model.totalParams).toBe(8_030_261_248);
    expect(model.activeParams).toBe(model.totalParams);
    expect(model.kvCacheBytesPerTokenBf16).toBe(131_072);
    expect(model).toMatchObject({ attentionType: "gqa", kvHeads: 8, headDim: 128, contextTokens: 131_072, tieWordEmbeddings: false });
    expect(model.slidingWindowTokens).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it("accepts the config as a JSON string", () => {
    expect(parsed(JSON.stringify(fx.LLAMA_3_1_8B)).model.totalParams).toBe(8_030_261_248);
  });

  it("Qwen2.5-7B: counts QKV biases and ignores a disabled sliding window", () => {
    const { model } = parsed(fx.QWEN2_5_7B_INSTRUCT);
    within(model.totalParams, 7.61e9, 0.01);
    expect(model.slidingWindowTokens).toBeUndefined();
    expect(model.kvCacheBytesPerTokenBf16).toBe(57_344);
  });

  it("MHA when num_key_value_heads equals the heads, or is absent", () => {
    const equal = parsed(fx.OLMO_2_7B).model;
    within(equal.totalParams, 7.3e9, 0.01);
    expect(equal.attentionType).toBe("mha");
    const { num_key_value_heads: _dropped, ...withoutKv } = fx.OLMO_2_7B;
    const absent = parsed(withoutKv).model;
    expect(absent).toMatchObject({ attentionType: "mha", kvHeads: 32 });
    expect(absent.kvCacheBytesPerTokenBf16).toBe(524_288);
  });

  it("MQA when there is one KV head (or a Falcon-style multi_query flag)", () => {
    const mqa = parsed({ ...fx.OLMO_2_7B, num_key_value_heads: 1 }).model;
    expect(mqa).toMatchObject({ attentionType: "mqa", kvHeads: 1 });
    expect(mqa.kvCacheBytesPerTokenBf16).toBe(2 * 32 * 1 * 128 * 2);
    const { num_key_value_heads: _dropped, ...withoutKv } = fx.OLMO_2_7B;
    expect(parsed({ ...withoutKv, multi_query: true }).model.attentionType).toBe("mqa");
  });
});

describe("parseHfConfig: sliding-window attention", () => {
  it("Mistral-7B: a window on every layer", () => {
    const { model } = parsed(fx.MISTRAL_7B_V0_1);
    within(model.totalParams, 7.24e9, 0.01);
    expect(model).toMatchObject({ slidingWindowTokens: 4096, slidingWindowLayers: 32 });
  });

  it("Gemma-2-9B: alternating local/global layers, tied embeddings by default", () => {
    const { model } = parsed(fx.GEMMA_2_9B);
    within(model.totalParams, 9.24e9, 0.01);
    expect(model).toMatchObject({ slidingWindowTokens: 4096, slidingWindowLayers: 21, tieWordEmbeddings: true, headDim: 256 });
    expect(model.kvCacheBytesPerTokenBf16).toBe(344_064);
  });

  it("Gemma-3-27B: nested text_config, 5 local : 1 global, multimodal", () => {
    const { model, warnings } = parsed(fx.GEMMA_3_27B_IT);
    within(model.totalParams, 27.0e9, 0.02);
    expect(model).toMatchObject({ layers: 62, slidingWindowTokens: 1024, slidingWindowLayers: 52, isMultimodal: true, modelType: "gemma3_text" });
    expect(warnings.some((w) => w.includes("vision encoder"))).toBe(true);
  });

  it("Gemma-3 without sliding_window_pattern assumes the 5:1 pattern and says so", () => {
    const { sliding_window_pattern: _dropped, ...text } = fx.GEMMA_3_27B_IT.text_config;
    const { model, warnings } = parsed({ ...fx.GEMMA_3_27B_IT, text_config: text });
    expect(model.slidingWindowLayers).toBe(52);
    expect(warnings.some((w) => w.includes("sliding_window_pattern"))).toBe(true);
  });

  it("gpt-oss-120b: layer_types marks half the layers as 128-token sliding", () => {
    const { model } = parsed(fx.GPT_OSS_120B);
    within(model.totalParams, 117e9, 0.02);
    expect(model).toMatchObject({ slidingWindowTokens: 128, slidingWindowLayers: 18, experts: 128, expertsPerToken: 4 });
    expect(model.kvCacheBytesPerTokenBf16).toBe(73_728);
  });
});

describe("parseHfConfig: mixture of experts", () => {
  it("Mixtral-8x7B: 46.7B total, 12.9B active", () => {
    const { model } = parsed(fx.MIXTRAL_8X7B);
    within(model.totalParams, 46.7e9, 0.02);
    within(model.activeParams, 12.9e9, 0.02);
    expect(model).toMatchObject({ experts: 8, expertsPerToken: 2, sharedExperts: 0, moeLayers: 32 });
  });

  it("Qwen3-235B-A22B: num_experts / moe_intermediate_size, explicit head_dim", () => {
    const { model } = parsed(fx.QWEN3_235B_A22B);
    within(model.totalParams, 235e9, 0.02);
    within(model.activeParams, 22e9, 0.05);
    expect(model).toMatchObject({ experts: 128, expertsPerToken: 8, moeIntermediateSize: 1536, headDim: 128 });
    expect(model.kvCacheBytesPerTokenBf16).toBe(192_512);
  });

  it("Llama-4-Scout: nested text_config, shared expert, chunked attention", () => {
    const { model, warnings } = parsed(fx.LLAMA_4_SCOUT);
    // The model card's 109B includes the vision encoder, which a text config cannot count.
    within(model.totalParams, 109e9, 0.02);
    within(model.activeParams, 17e9, 0.03);
    expect(model).toMatchObject({ sharedExperts: 1, moeLayers: 48, slidingWindowTokens: 8192, slidingWindowLayers: 36, isMultimodal: true });
    expect(model.kvCacheBytesPerTokenBf16).toBe(196_608);
    expect(warnings.some((w) => w.includes("attention_chunk_size"))).toBe(true);
  });

  it("Llama-4 interleaved MoE (Maverick-style step 2) uses the dense MLP on the other layers", () => {
    const maverickLike = { ...fx.LLAMA_4_SCOUT, text_config: { ...fx.LLAMA_4_SCOUT.text_config, interleave_moe_layer_step: 2, num_local_experts: 128 } };
    const { model } = parsed(maverickLike);
    expect(model.moeLayers).toBe(24);
    within(model.totalParams, 400e9, 0.03);
    within(model.activeParams, 17e9, 0.03);
  });
});

describe("parseHfConfig: DeepSeek-V3 MLA + MoE", () => {
  const { model, warnings } = parsed(fx.DEEPSEEK_V3);

  it("671B total within 2%, 37B active within 5%", () => {
    within(model.totalParams, 671e9, 0.02);
    within(model.activeParams, 37e9, 0.05);
  });

  it("keeps the first 3 layers dense and caches the compressed latent", () => {
    expect(model).toMatchObject({ attentionType: "mla", kvLoraRank: 512, qkRopeHeadDim: 64, qLoraRank: 1536, moeLayers: 58, sharedExperts: 1 });
    expect(model.kvCacheBytesPerTokenBf16).toBe(70_272);
  });

  it("warns that the multi-token-prediction module is not counted", () => {
    expect(warnings.some((w) => w.includes("num_nextn_predict_layers"))).toBe(true);
  });
});

describe("parseHfConfig: malformed input", () => {
  const llama = fx.LLAMA_3_1_8B;
  const { num_hidden_layers: _layers, ...noLayers } = llama;
  const { num_experts_per_tok: _k, ...mixtralNoK } = fx.MIXTRAL_8X7B;
  const { num_hidden_layers: _textLayers, ...gemmaTextNoLayers } = fx.GEMMA_3_27B_IT.text_config;

  it.each<[string, unknown, { path: string; message: string | RegExp }]>([
    ["a string that is not JSON", '{"hidden_size": 4096,', { path: "(root)", message: /^not JSON: / }],
    ["a JSON array", "[1, 2, 3]", { path: "(root)", message: "config must be a JSON object, got an array" }],
    ["a number", 42, { path: "(root)", message: "config must be a JSON object, got number" }],
    ["null", null, { path: "(root)", message: "config must be a JSON object, got null" }],
    ["a missing layer count", noLayers, { path: "num_hidden_layers", message: "num_hidden_layers is missing" }],
    ["a negative hidden size", { ...llama, hidden_size: -4096 }, { path: "hidden_size", message: "hidden_size must be between 1 and 1000000, got -4096" }],
    ["a head count given as a string", { ...llama, num_attention_heads: "32" }, { path: "num_attention_heads", message: 'num_attention_heads must be a whole number, got "32"' }],
    ["a fractional vocab", { ...llama, vocab_size: 1.5 }, { path: "vocab_size", message: "vocab_size must be a whole number, got 1.5" }],
    ["KV heads that do not divide the heads", { ...llama, num_key_value_heads: 5 }, { path: "num_key_value_heads", message: "num_key_value_heads (5) must divide num_attention_heads (32)" }],
    ["an indivisible hidden size without head_dim", { ...llama, hidden_size: 4000, num_attention_heads: 48, num_key_value_heads: 8 }, { path: "head_dim", message: /head_dim is missing/ }],
    ["a MoE config without experts per token", mixtralNoK, { path: "num_experts_per_tok", message: "num_experts_per_tok is missing" }],
    ["more experts per token than experts", { ...fx.MIXTRAL_8X7B, num_experts_per_tok: 9 }, { path: "num_experts_per_tok", message: "num_experts_per_tok must be between 1 and 8, got 9" }],
    ["a dense config without intermediate_size", { ...llama, intermediate_size: undefined }, { path: "intermediate_size", message: "intermediate_size is missing" }],
    ["a nested config missing its layer count", { ...fx.GEMMA_3_27B_IT, text_config: gemmaTextNoLayers }, { path: "text_config.num_hidden_layers", message: "num_hidden_layers is missing" }],
    ["a text_config that is not an object", { ...fx.GEMMA_3_27B_IT, text_config: "oops" }, { path: "text_config", message: "text_config must be an object" }],
    ["an MLA config missing v_head_dim", { ...fx.DEEPSEEK_V3, v_head_dim: undefined }, { path: "v_head_dim", message: "v_head_dim is missing" }],
  ])("rejects %s", (_label, input, expected) => {
    const errors = errorsOf(parseHfConfig(input));
    const message = typeof expected.message === "string" ? expected.message : expect.stringMatching(expected.message);
    expect(errors).toContainEqual({ path: expected.path, message });
  });

  it("reports every missing core field at once", () => {
    const errors = errorsOf(parseHfConfig({ model_type: "llama" }));
    expect(errors.map((e) => e.message)).toEqual(
      expect.arrayContaining(["num_hidden_layers is missing", "hidden_size is missing", "num_attention_heads is missing", "vocab_size is missing"]),
    );
  });

  it("warns (does not fail) when the context length or model type is unknown", () => {
    const { max_position_embeddings: _ctx, ...noContext } = llama;
    const { model, warnings } = parsed({ ...noContext, model_type: "acme_lm" });
    expect(model.contextTokens).toBeUndefined();
    expect(warnings.join(" ")).toMatch(/max_position_embeddings is missing/);
    expect(warnings.join(" ")).toMatch(/acme_lm/);
  });
});

describe("toCustomModel", () => {
  it("turns a parsed config into a user-described model that fits the shared schema", () => {
    const { model } = parsed(fx.DEEPSEEK_V3);
    const result = toCustomModel(model, { id: "custom-deepseek-v3", name: "DeepSeek-V3 (ours)", licenceId: "deepseek-model-1.0", asOf: "2026-11-28" });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.data.provenance.verification).toBe("user");
      expect(result.data).not.toHaveProperty("paramBreakdown");
      expect(result.data.kvLoraRank).toBe(512);
    }
  });

  it("fails when the config gave no context length", () => {
    const { max_position_embeddings: _ctx, ...noContext } = fx.LLAMA_3_1_8B;
    const result = toCustomModel(parsed(noContext).model, { id: "x", name: "x", licenceId: "llama-3.1", asOf: "2026" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].path).toBe("contextTokens");
  });
});

describe("parseHfConfig: the checkpoint's quantization_config", () => {
  const quant = (extra: Record<string, unknown>) => parsed({ ...fx.LLAMA_3_1_8B, quantization_config: extra });

  it("DeepSeek-V3 ships block-scaled FP8: sized as FP8 over every linear layer", () => {
    expect(parsed(fx.DEEPSEEK_V3).model.checkpointQuantization).toEqual({ precision: "fp8", scope: "all-linear", detail: "fp8 e4m3, weight_block_size [128, 128]" });
  });

  it("gpt-oss-120b ships MXFP4 experts with attention, router and embeddings left 16-bit; active parameters match the catalog's convention", () => {
    const { model } = parsed(fx.GPT_OSS_120B);
    expect(model.checkpointQuantization?.precision).toBe("mxfp4");
    expect(model.checkpointQuantization?.scope).toBe("experts-only");
    // One convention for catalog and parser: both embedding matrices in (see sizing.test.ts).
    expect(model.activeParams).toBe(5_710_731_840);
  });

  it.each([
    { name: "AWQ 4-bit", q: { quant_method: "awq", bits: 4, group_size: 128 }, precision: "int4" },
    { name: "GPTQ 4-bit", q: { quant_method: "gptq", bits: 4, group_size: 128 }, precision: "int4" },
    { name: "GPTQ 8-bit", q: { quant_method: "gptq", bits: 8, group_size: 128 }, precision: "int8" },
    { name: "bitsandbytes 4-bit", q: { quant_method: "bitsandbytes", load_in_4bit: true, bnb_4bit_quant_type: "nf4" }, precision: "nf4" },
    { name: "ModelOpt NVFP4", q: { quant_method: "modelopt", quant_algo: "NVFP4" }, precision: "fp4" },
  ])("$name → $precision", ({ q, precision }) => {
    const { model, warnings } = quant(q);
    expect(model.checkpointQuantization?.precision).toBe(precision);
    expect(model.checkpointQuantization?.scope).toBe("all-linear");
    expect(warnings).toEqual([]);
  });

  it("an unusual group size is sized at 128 and said so; a method it cannot read is never silently 16-bit", () => {
    expect(quant({ quant_method: "awq", bits: 4, group_size: 32 }).warnings.join(" ")).toMatch(/group_size 32/);
    const unknown = quant({ quant_method: "hqq", nbits: 3 });
    expect(unknown.model.checkpointQuantization).toBeUndefined();
    expect(unknown.warnings.join(" ")).toMatch(/quant_method "hqq" is not one Freehold reads/);
    expect(quant({ quant_method: "gptq", bits: 3 }).warnings.join(" ")).toMatch(/gptq with 3 bits is not sized/);
  });
});
