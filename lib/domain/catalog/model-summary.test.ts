import { describe, expect, it } from "vitest";
import { LLAMA_3_1_8B, MIXTRAL_8X7B } from "./hf-config.fixtures";
import { previewHfConfig } from "./model-summary";

const rows = (text: string) => {
  const p = previewHfConfig(text);
  if (!p.ok) throw new Error(p.errors.join("; "));
  return Object.fromEntries(p.rows.map((r) => [r.label, r.value]));
};

describe("previewHfConfig", () => {
  it("reads a dense Llama config with units on every figure", () => {
    expect(rows(JSON.stringify(LLAMA_3_1_8B))).toEqual({
      Parameters: "8.03 billion parameters (8,030,261,248)",
      "Active per token": "8.03 billion parameters (dense: all of them)",
      Layers: "32 layers",
      Attention: "32 query heads, 8 key/value heads (GQA)",
      Context: "131,072 tokens",
      "KV cache": "131,072 bytes per token at bf16, all layers",
    });
  });

  it("shows the experts a mixture-of-experts model runs per token", () => {
    expect(rows(JSON.stringify(MIXTRAL_8X7B))["Active per token"]).toBe("12.9 billion parameters: 2 of 8 experts (mixture of experts)");
  });

  it("says what is wrong with a config it cannot read", () => {
    expect(previewHfConfig('{"model_type": "llama",')).toEqual({ ok: false, errors: [expect.stringMatching(/^not JSON: /)] });
    expect(previewHfConfig("[1, 2]")).toEqual({ ok: false, errors: ["config must be a JSON object, got an array"] });
    const { hidden_size: _h, ...noHidden } = LLAMA_3_1_8B;
    expect(previewHfConfig(JSON.stringify(noHidden))).toEqual({ ok: false, errors: ["hidden_size is missing"] });
  });
});
