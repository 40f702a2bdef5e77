import { describe, expect, it } from "vitest";
import { ZAssessmentInputs } from "../assessment/inputs";
import { ZCustomModel } from "./custom";
import { buildCustomCandidate, customModelId, isCustomModelId, type TCustomCandidateForm } from "./custom-candidate";
import { LLAMA_3_1_8B, MIXTRAL_8X7B } from "./hf-config.fixtures";
import { buildReport } from "../report/report";

const form = (over: Partial<TCustomCandidateForm> = {}): TCustomCandidateForm => ({
  name: "Our Llama 8B fine-tune",
  licenceId: "llama-3.1",
  configText: JSON.stringify(LLAMA_3_1_8B),
  ...over,
});

function built(over: Partial<TCustomCandidateForm> = {}) {
  const r = buildCustomCandidate(form(over), "2026-05-01");
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r;
}

function errorsOf(over: Partial<TCustomCandidateForm>) {
  const r = buildCustomCandidate(form(over), "2026-05-01");
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

describe("customModelId", () => {
  it.each([
    ["Our Llama 8B fine-tune", "custom:our-llama-8b-fine-tune"],
    ["  Qwen (v2.5) / legal ", "custom:qwen-v2-5-legal"],
    ["***", "custom:model"],
  ])("%s → %s", (name, id) => {
    expect(customModelId(name)).toBe(id);
    expect(isCustomModelId(id)).toBe(true);
  });

  it("never produces a catalog-shaped id", () => {
    expect(isCustomModelId("llama-3.3-70b-instruct")).toBe(false);
  });
});

describe("buildCustomCandidate", () => {
  it("describes a Llama-style config as a valid custom model with user provenance", () => {
    const { model, warnings } = built();
    expect(ZCustomModel.safeParse(model).success).toBe(true);
    expect(model).toMatchObject({
      id: "custom:our-llama-8b-fine-tune",
      name: "Our Llama 8B fine-tune",
      licenceId: "llama-3.1",
      totalParams: 8_030_261_248,
      activeParams: 8_030_261_248,
      layers: 32,
      kvHeads: 8,
      contextTokens: 131_072,
      provenance: { verification: "user", asOf: "2026-05-01" },
    });
    expect(warnings).toEqual([]);
  });

  it("keeps MoE active parameters below the total", () => {
    const { model } = built({ configText: JSON.stringify(MIXTRAL_8X7B), licenceId: "mistral-apache-2.0" });
    expect(model.activeParams).toBeLessThan(model.totalParams / 3);
    expect(model).toMatchObject({ experts: 8, expertsPerToken: 2 });
  });

  it("uses an entered context length over the config's", () => {
    expect(built({ contextTokens: 32_768 }).model.contextTokens).toBe(32_768);
  });

  it("asks for the context length when the config states none", () => {
    const { max_position_embeddings: _ctx, ...noContext } = LLAMA_3_1_8B;
    expect(errorsOf({ configText: JSON.stringify(noContext) })).toEqual({ contextTokens: expect.stringMatching(/no max_position_embeddings/) });
    expect(built({ configText: JSON.stringify(noContext), contextTokens: 8192 }).model.contextTokens).toBe(8192);
  });

  it("puts each problem at its own field", () => {
    expect(errorsOf({ configText: "{ not json" }).configText).toMatch(/^config\.json: not JSON/);
    const { num_hidden_layers: _l, vocab_size: _v, ...incomplete } = LLAMA_3_1_8B;
    expect(errorsOf({ configText: JSON.stringify(incomplete) }).configText).toBe("config.json: num_hidden_layers is missing; vocab_size is missing");
    expect(errorsOf({ configText: "  " }).configText).toBe("Paste the model's config.json.");
    expect(errorsOf({ name: " " })).toEqual({ name: expect.stringMatching(/name/) });
    expect(errorsOf({ licenceId: "not-a-licence" })).toEqual({ licenceId: expect.stringMatching(/licence/) });
    expect(errorsOf({ contextTokens: 1.5 })).toEqual({ contextTokens: expect.stringMatching(/whole number/) });
  });
});

describe("a custom candidate in the report", () => {
  it("is sized, on a custom GPU too, although neither has a source URL", () => {
    const { model } = built();
    const customGpu = { id: "custom-gpu", name: "MI325X", vendor: "AMD", memoryGb: 256, memoryBandwidthTbps: 6, bf16DenseTflops: 1307, tdpWatts: 1000, provenance: { sourceUrls: [], asOf: "2026-05-01", verification: "user" } };
    const report = buildReport({
      assessment: { id: "a", title: "t", description: "", candidateModelId: model.id, incumbentApiId: "openai-gpt-4o", status: "draft", version: 1, updatedAt: "2026-05-01T00:00:00Z" },
      inputs: ZAssessmentInputs.parse({ customModel: model, infrastructure: { customGpu, pricing: { usdPerGpuHour: 4 } }, economics: { inputTokensPerMonth: 1e9, outputTokensPerMonth: 1e8 } }),
      options: { monteCarloSamples: 200, seed: 1 },
    });
    const infra = report.stages.infrastructure;
    expect(infra.warnings.join(" ")).not.toMatch(/Invalid/);
    expect(infra.figures.find((f) => f.key === "weightsGb")?.value).toBeCloseTo((8_030_261_248 * 2) / 1e9, 6);
    expect(infra.summary).toMatch(/^Our Llama 8B fine-tune: MI325X, TP\d/);
  });
});
