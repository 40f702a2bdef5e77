import { describe, expect, it } from "vitest";
import { ZGpu, ZModelArchitecture, type TModelArchitecture, type TProvenance } from "../shared/types";
import {
  API_PRICES,
  architectureIssues,
  getApiPrice,
  getGpu,
  getGpuCloudPrice,
  getLicence,
  getModel,
  GPU_CLOUD_PRICES,
  GPU_PURCHASE_PRICES,
  GPUS,
  HOSTED_OPEN_WEIGHT_PRICES,
  LICENCES,
  MODELS,
  ZApiPrice,
  ZCustomApiPrice,
  ZCustomModel,
  ZGpuCloudPrice,
  ZGpuPurchasePrice,
  ZHostedOpenWeightPrice,
  ZLicence,
  type TClause,
  type TLicence,
} from "./index";

const isUrl = (s: string) => /^https?:\/\/\S+$/.test(s);
const hasUrlAndDate = (p: TProvenance) => p.sourceUrls.some(isUrl) && p.asOf.length >= 4;

function clausesOf(l: TLicence): TClause[] {
  return [
    l.commercialUseClause,
    ...l.thresholds.map((t) => t.clause),
    ...(l.acceptableUsePolicy ? [l.acceptableUsePolicy.clause] : []),
    ...l.useRestrictions.map((r) => r.clause),
    ...[l.attribution.noticeText, l.attribution.builtWithDisplay?.clause, l.attribution.modelNamePrefix?.clause].filter(
      (c): c is TClause => c !== undefined,
    ),
    l.redistribution.clause,
    l.outputsToTrainOtherModels.clause,
    ...l.geographicRestrictions.map((g) => g.clause),
    ...l.termination.map((t) => t.clause),
    ...l.unilateralChanges.map((u) => u.clause),
    ...l.otherDuties.map((d) => d.clause),
  ];
}

/** 2 * L * n_kv * d_h * 2 bytes (bf16), or the MLA latent; the formula from formulas.md. */
function kvBytesPerTokenBf16(m: TModelArchitecture): number {
  if (m.attentionType === "mla") return (m.kvLoraRank! + m.qkRopeHeadDim!) * m.layers * 2;
  return 2 * m.layers * m.kvHeads * m.headDim * 2;
}

const kinds = [
  { kind: "licences", items: LICENCES, schema: ZLicence },
  { kind: "models", items: MODELS, schema: ZModelArchitecture },
  { kind: "gpus", items: GPUS, schema: ZGpu },
  { kind: "api prices", items: API_PRICES, schema: ZApiPrice },
  { kind: "gpu cloud prices", items: GPU_CLOUD_PRICES, schema: ZGpuCloudPrice },
  { kind: "gpu purchase prices", items: GPU_PURCHASE_PRICES, schema: ZGpuPurchasePrice },
  { kind: "hosted open-weights prices", items: HOSTED_OPEN_WEIGHT_PRICES, schema: ZHostedOpenWeightPrice },
] as const;

describe.each(kinds)("catalog $kind", ({ items, schema }) => {
  it("every entry parses with its schema", () => {
    for (const item of items) {
      const parsed = schema.safeParse(item);
      expect(parsed.success, `${item.id}: ${parsed.success ? "" : parsed.error.message}`).toBe(true);
    }
  });

  it("ids are unique and kebab-case", () => {
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
  });

  it("every entry has a source URL and a date", () => {
    for (const item of items) expect(hasUrlAndDate(item.provenance), item.id).toBe(true);
  });
});

describe("catalog sizes", () => {
  it("holds the minimum counts", () => {
    expect(LICENCES.length).toBeGreaterThanOrEqual(20);
    expect(LICENCES).toHaveLength(29);
    expect(MODELS.length).toBeGreaterThanOrEqual(25);
    expect(GPUS.length).toBeGreaterThanOrEqual(12);
    expect(API_PRICES.length).toBeGreaterThanOrEqual(20);
    expect(API_PRICES).toHaveLength(78);
  });
});

describe("catalog links", () => {
  it("every model's licenceId names a licence", () => {
    for (const m of MODELS) expect(getLicence(m.licenceId), `${m.id} -> ${m.licenceId}`).toBeDefined();
  });

  it("every cloud price names a GPU; purchase and hosted rows name known ids when they name one", () => {
    for (const p of GPU_CLOUD_PRICES) expect(getGpu(p.gpuId), p.id).toBeDefined();
    for (const p of GPU_PURCHASE_PRICES) if (p.gpuId) expect(getGpu(p.gpuId), p.id).toBeDefined();
    for (const p of HOSTED_OPEN_WEIGHT_PRICES) if (p.modelId) expect(getModel(p.modelId), p.id).toBeDefined();
  });

  it("price rows state the same date at top level and in provenance", () => {
    for (const p of [...API_PRICES, ...GPU_CLOUD_PRICES, ...GPU_PURCHASE_PRICES, ...HOSTED_OPEN_WEIGHT_PRICES])
      expect(p.asOf, p.id).toBe(p.provenance.asOf);
  });

  it("every licence clause carries a URL", () => {
    for (const l of LICENCES) for (const c of clausesOf(l)) expect(isUrl(c.sourceUrl), `${l.id}: ${c.sourceUrl}`).toBe(true);
  });

  it("unknown ids return undefined", () => {
    expect(getModel("no-such-model")).toBeUndefined();
    expect(getLicence("no-such-licence")).toBeUndefined();
    expect(getGpu("no-such-gpu")).toBeUndefined();
    expect(getApiPrice("no-such-price")).toBeUndefined();
  });
});

describe("model architectures are internally consistent", () => {
  it.each(MODELS.map((m) => [m.id, m] as const))("%s", (_id, m) => {
    expect(architectureIssues(m)).toEqual([]);
    if (m.experts === undefined) expect(m.activeParams).toBe(m.totalParams);
    else expect(m.activeParams).toBeLessThan(m.totalParams);
  });
});

describe("spot checks against facts.json values", () => {
  it("models", () => {
    const llama8b = getModel("llama-3.1-8b")!;
    expect(llama8b).toMatchObject({ totalParams: 8_030_261_248, layers: 32, hiddenSize: 4096, kvHeads: 8, vocabSize: 128_256 });
    expect(llama8b.attentionType).toBe("gqa");
    expect(getModel("mixtral-8x7b-v0.1")).toMatchObject({ totalParams: 46.7e9, activeParams: 12.9e9, experts: 8, expertsPerToken: 2 });
    expect(getModel("deepseek-v3")).toMatchObject({ attentionType: "mla", kvLoraRank: 512, qkRopeHeadDim: 64, layers: 61, experts: 256 });
    expect(getModel("qwen3-235b-a22b")).toMatchObject({ totalParams: 235e9, activeParams: 22e9, kvHeads: 4 });
    expect(getModel("gemma-2-9b")).toMatchObject({ headDim: 256, slidingWindowTokens: 4096, slidingWindowLayers: 21 });
    expect(getModel("olmo-2-1124-7b")!.attentionType).toBe("mha");
    expect(getModel("llama-4-scout-17b-16e")!.isMultimodal).toBe(true);
    expect(getModel("llama-3.3-70b-instruct")!.licenceId).toBe("llama-3.3");
  });

  it.each([
    ["llama-3.1-8b", 131_072],
    ["llama-3.1-70b", 327_680],
    ["llama-3.1-405b", 516_096],
    ["llama-4-scout-17b-16e", 196_608],
    ["mixtral-8x22b-v0.1", 229_376],
    ["mistral-small-24b-instruct-2501", 163_840],
    ["qwen2.5-7b-instruct", 57_344],
    ["qwen3-8b", 147_456],
    ["qwen3-235b-a22b", 192_512],
    ["deepseek-v3", 70_272],
    ["gemma-2-9b", 344_064],
    ["gemma-2-27b", 376_832],
    ["gemma-3-27b-it", 507_904],
    ["phi-4", 204_800],
    ["gpt-oss-120b", 73_728],
    ["gpt-oss-20b", 49_152],
    ["olmo-2-1124-13b", 819_200],
  ])("%s KV cache per token (bf16, every layer) matches the facts' derived %i bytes", (id, bytes) => {
    expect(kvBytesPerTokenBf16(getModel(id)!)).toBe(bytes);
  });

  it("GPUs use dense, not sparse, peaks", () => {
    expect(getGpu("h100-sxm-80gb")).toMatchObject({ bf16DenseTflops: 989, fp8DenseTflops: 1979, memoryBandwidthTbps: 3.35, tdpWatts: 700 });
    expect(getGpu("l4-24gb")).toMatchObject({ bf16DenseTflops: 121, fp8DenseTflops: 242.5, tdpWatts: 72 });
    expect(getGpu("mi300x-192gb")).toMatchObject({ memoryGb: 192, bf16DenseTflops: 1307.4, memoryBandwidthTbps: 5.3 });
    expect(getGpu("b200-180gb")).toMatchObject({ bf16DenseTflops: 2250, memoryBandwidthTbps: 8 });
    expect(getGpu("a100-80gb-sxm")!.fp8DenseTflops).toBeUndefined();
  });

  it("prices", () => {
    expect(getApiPrice("openai-gpt-4o")).toMatchObject({ inputUsdPerMTok: 2.5, outputUsdPerMTok: 10, cachedInputUsdPerMTok: 1.25 });
    expect(getApiPrice("anthropic-claude-sonnet-4.6")).toMatchObject({ inputUsdPerMTok: 3, outputUsdPerMTok: 15, cachedInputUsdPerMTok: 0.3 });
    expect(getApiPrice("google-gemini-2.5-pro")!.longContextTier).toEqual({
      aboveInputTokens: 200_000,
      inputUsdPerMTok: 2.5,
      outputUsdPerMTok: 15,
    });
    expect(getApiPrice("deepseek-reasoner-r1")).toMatchObject({ inputUsdPerMTok: 0.55, outputUsdPerMTok: 2.19 });
    expect(getGpuCloudPrice("aws-p5-capacity-block")).toMatchObject({ usdPerGpuHour: 4.916, gpuId: "h100-sxm-80gb" });
    // December 2026: Lambda's 8x H100 SXM list price read in the SkyPilot catalog (was a $2.49-2.99 range).
    expect(getGpuCloudPrice("lambda-h100-sxm-on-demand")!.usdPerGpuHour).toBeCloseTo(3.99, 3);
    // AWS p5 on-demand after the June 2025 cut ($55.04 per 8-GPU instance-hour), replacing $12.29.
    expect(getGpuCloudPrice("aws-p5-48xlarge-on-demand")!.usdPerGpuHour).toBeCloseTo(6.88, 3);
  });

  it("licences", () => {
    const l31 = getLicence("llama-3.1")!;
    expect(l31.thresholds[0]).toMatchObject({ metric: "monthly-active-users", value: 700_000_000, measuredAt: "release-date" });
    expect(l31.thresholds[0].clause.quote).toContain("700 million monthly active users");
    expect(l31.attribution.modelNamePrefix?.prefix).toBe("Llama");
    expect(getLicence("llama-3")!.outputsToTrainOtherModels.status).toBe("prohibited");
    expect(getLicence("llama-3.2")!.geographicRestrictions[0]).toMatchObject({ region: "EU", appliesToModels: "multimodal-only" });
    expect(getLicence("qwen-licence")!.thresholds[0].value).toBe(100_000_000);
    expect(getLicence("stability-community")!.thresholds[0]).toMatchObject({ metric: "annual-revenue-usd", value: 1_000_000 });
    expect(getLicence("cohere-cc-by-nc-4.0")!.commercialUse).toBe("non-commercial");
    expect(getLicence("mistral-mrl")!.commercialUse).toBe("research-only");
    expect(getLicence("gemma")!.useRestrictions.some((r) => r.clause.quote.startsWith("Making automated decisions"))).toBe(true);
  });
});

describe("custom entries", () => {
  const custom = {
    id: "custom-acme-13b",
    name: "Acme 13B (internal)",
    licenceId: "apache-2.0-internal",
    totalParams: 13e9,
    activeParams: 13e9,
    layers: 40,
    hiddenSize: 5120,
    attentionHeads: 40,
    kvHeads: 8,
    headDim: 128,
    vocabSize: 32_000,
    contextTokens: 8192,
    attentionType: "gqa",
    provenance: { sourceUrls: [], asOf: "2026-11", verification: "user" },
  };

  it("accepts a user-described model without a URL", () => {
    expect(ZCustomModel.safeParse(custom).success).toBe(true);
  });

  it("rejects a custom model claiming catalog-grade verification or impossible counts", () => {
    expect(ZCustomModel.safeParse({ ...custom, provenance: { ...custom.provenance, verification: "verified-primary" } }).success).toBe(false);
    const r = ZCustomModel.safeParse({ ...custom, activeParams: 20e9 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(["activeParams"]);
  });

  it("accepts an organisation's negotiated API price", () => {
    const price = { ...getApiPrice("openai-gpt-4o")!, id: "custom-gpt-4o-enterprise", inputUsdPerMTok: 2, provenance: custom.provenance };
    expect(ZCustomApiPrice.safeParse(price).success).toBe(true);
  });
});
