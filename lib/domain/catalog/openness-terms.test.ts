import { describe, expect, it } from "vitest";
import { MODELS } from "./models";
import { getModelOpenness, MODEL_OPENNESS, mofClassOf } from "./openness";
import { API_PRICES, HOSTED_OPEN_WEIGHT_PRICES } from "./prices";
import { getVendorTerms, processingOffersFor, VENDOR_TERMS } from "./vendor-terms";

describe("model openness (Model Openness Framework)", () => {
  it("every catalog model says what its release opens, with sources", () => {
    for (const m of MODELS) {
      const o = getModelOpenness(m.id);
      expect(o, m.id).toBeDefined();
      expect(o!.provenance.sourceUrls[0]).toBe("https://arxiv.org/abs/2403.13784");
    }
    expect(MODEL_OPENNESS.length).toBe(MODELS.length);
  });

  it("classes follow the components: OLMo 2 is Class I, Apache-2.0 weights with a paper Class III, Llama below Class III", () => {
    expect(getModelOpenness("olmo-2-0325-32b")!.mofClass).toBe("I");
    expect(getModelOpenness("qwen3-32b")!.mofClass).toBe("III");
    expect(getModelOpenness("llama-3.3-70b-instruct")!.mofClass).toBe("none");
    // A blog post is not a technical report.
    expect(getModelOpenness("mistral-small-24b-instruct-2501")!.mofClass).toBe("none");
    const all = { weights: "open", inferenceCode: "open", trainingCode: "open", trainingData: "open", technicalReport: "open", intermediateCheckpoints: "open" } as const;
    expect(mofClassOf(all)).toBe("I");
    expect(mofClassOf({ ...all, intermediateCheckpoints: "not-released" })).toBe("II");
    expect(mofClassOf({ ...all, trainingCode: "not-released" })).toBe("III");
    expect(mofClassOf({ ...all, weights: "restricted" })).toBe("none");
  });
});

describe("vendor terms: where data is processed, batch and cache", () => {
  it("every API vendor and hosted provider in the catalog has terms, each offer sourced", () => {
    const vendors = new Set([...API_PRICES.map((p) => p.vendor), ...HOSTED_OPEN_WEIGHT_PRICES.map((p) => p.provider)]);
    for (const v of vendors) expect(getVendorTerms(v), v).toBeDefined();
    for (const t of VENDOR_TERMS) for (const o of t.processing) expect(o.provenance.sourceUrls.length, `${t.vendor} ${o.id}`).toBeGreaterThan(0);
  });

  it("OpenAI's EU residency covers the EEA and Switzerland for the listed models only", () => {
    expect(processingOffersFor("OpenAI", "openai-gpt-4o-mini").map((o) => o.id)).toEqual(["standard", "eu-data-residency"]);
    expect(processingOffersFor("OpenAI", "openai-gpt-5").map((o) => o.id)).toEqual(["standard"]);
    expect(processingOffersFor("OpenAI", "openai-gpt-4o-mini")[1].regions).toEqual(["EU", "EEA-non-EU", "CH"]);
    expect(getVendorTerms("OpenAI")!.batch?.discountPercent).toBe(50);
  });

  it("undocumented processing regions are stated as not found, never assumed", () => {
    for (const v of ["Groq", "DeepInfra", "Fireworks AI", "Google", "Nebius AI Studio", "Crusoe Cloud"]) expect(processingOffersFor(v, "x")[0].regions).toBeNull();
    expect(processingOffersFor("Unknown vendor", "x")[0]).toMatchObject({ regions: null, priceMultiplier: 1 });
  });

  it("DeepSeek's API processes in China, as its privacy policy states (cross-checked)", () => {
    expect(processingOffersFor("DeepSeek", "deepseek-v3.2")).toEqual([expect.objectContaining({ regions: ["CN"], priceMultiplier: 1 })]);
    expect(processingOffersFor("DeepSeek", "deepseek-v3.2")[0].provenance).toMatchObject({ verification: "cross-checked", asOf: "2026-12-06" });
  });
});
