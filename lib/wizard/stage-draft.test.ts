import { describe, expect, it } from "vitest";
import { ZAssessmentInputs, ZEconomicsStageInputs, ZInfrastructureStageInputs } from "@/lib/domain/assessment";
import { DEFAULT_UNCERTAINTY_RANGES } from "@/lib/domain/report";
import { CUSTOM_GPU_ID, initialStageDraft, prepareStageDraft, UNCERTAINTY_FORM_RANGES } from "./stage-draft";

const TODAY = "2026-05-01";
const GPU = { name: "MI325X", memoryGb: 256, memoryBandwidthTbps: 6, bf16DenseTflops: 1307, tdpWatts: 1000 };

describe("prepareStageDraft: custom GPU", () => {
  it("completes what the team entered with a server-owned id, vendor and provenance", () => {
    const prepared = prepareStageDraft("infrastructure", { gpuId: "h100-sxm-80gb", customGpu: { ...GPU, vendor: "" } }, TODAY);
    const parsed = ZInfrastructureStageInputs.parse(prepared);
    expect(parsed.customGpu).toEqual({ ...GPU, id: CUSTOM_GPU_ID, vendor: "not stated", provenance: { sourceUrls: [], asOf: TODAY, verification: "user", note: expect.any(String) } });
  });

  it("replaces an id or provenance sent by the client", () => {
    const forged = { ...GPU, id: "h100-sxm-80gb", provenance: { sourceUrls: ["https://example.com"], asOf: "2020-01-01", verification: "verified-primary" } };
    const prepared = prepareStageDraft("infrastructure", { customGpu: forged }, TODAY) as { customGpu: { id: string; provenance: { verification: string; asOf: string } } };
    expect(prepared.customGpu.id).toBe(CUSTOM_GPU_ID);
    expect(prepared.customGpu.provenance).toMatchObject({ verification: "user", asOf: TODAY });
  });

  it("drops the custom GPU once its entered fields are cleared, even with a stored id left over", () => {
    expect(prepareStageDraft("infrastructure", { gpuId: "h100-sxm-80gb", customGpu: { id: CUSTOM_GPU_ID, name: "", memoryGb: undefined, provenance: { asOf: TODAY } } }, TODAY)).toEqual({ gpuId: "h100-sxm-80gb" });
  });

  it("leaves missing required values for the schema to name at their fields", () => {
    const r = ZInfrastructureStageInputs.safeParse(prepareStageDraft("infrastructure", { customGpu: { name: "X", memoryGb: 80 } }, TODAY));
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["customGpu.memoryBandwidthTbps", "customGpu.bf16DenseTflops", "customGpu.tdpWatts"]);
  });
});

describe("prepareStageDraft: Monte Carlo ranges", () => {
  it("saves every form row once one is edited: the entered values, the defaults for the rest", () => {
    const ranges: unknown[] = [];
    ranges[2] = { highMultiplier: 1.5 };
    const prepared = prepareStageDraft("economics", { inputTokensPerMonth: 1e9, uncertainty: { ranges } }, TODAY);
    const parsed = ZEconomicsStageInputs.parse(prepared);
    expect(parsed.uncertainty?.ranges).toEqual(DEFAULT_UNCERTAINTY_RANGES.map((d, i) => (i === 2 ? { ...d, highMultiplier: 1.5 } : d)));
  });

  it("stores no list when no range is edited, so the defaults stay assumptions", () => {
    expect(prepareStageDraft("economics", { inputTokensPerMonth: 5, uncertainty: { ranges: [{ key: "inputTokensPerMonth" }, {}] } }, TODAY)).toEqual({ inputTokensPerMonth: 5 });
    expect(prepareStageDraft("economics", { uncertainty: { ranges: [{}], growthPercentRange: { low: 0, high: 4 } } }, TODAY)).toEqual({ uncertainty: { growthPercentRange: { low: 0, high: 4 } } });
  });

  it("keeps a refused value for the schema to report at its row", () => {
    const ranges = [{ lowMultiplier: 2 }];
    const r = ZEconomicsStageInputs.safeParse(prepareStageDraft("economics", { uncertainty: { ranges } }, TODAY));
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["uncertainty.ranges.0.lowMultiplier"]);
  });
});

describe("initialStageDraft", () => {
  it("puts stored ranges in form row order, so row i always edits the same input", () => {
    const last = UNCERTAINTY_FORM_RANGES[UNCERTAINTY_FORM_RANGES.length - 1];
    const inputs = ZAssessmentInputs.parse({
      economics: { uncertainty: { ranges: [{ key: "marginalUsdPerMillionTokens", lowMultiplier: 0.5, highMultiplier: 2 }, { ...last, lowMultiplier: 0.5 }] } },
    });
    const ranges = (initialStageDraft(inputs, "economics").uncertainty as { ranges: { key?: string }[] }).ranges;
    expect(ranges).toHaveLength(UNCERTAINTY_FORM_RANGES.length + 1);
    expect(ranges[UNCERTAINTY_FORM_RANGES.length - 1]).toEqual({ ...last, lowMultiplier: 0.5 });
    expect(ranges[0]).toEqual({});
    expect(ranges[UNCERTAINTY_FORM_RANGES.length].key).toBe("marginalUsdPerMillionTokens");
  });

  it("returns other stages as stored", () => {
    const inputs = ZAssessmentInputs.parse({ adaptation: { loraRank: 8 } });
    expect(initialStageDraft(inputs, "adaptation")).toEqual({ loraRank: 8 });
    expect(initialStageDraft(inputs, "safety")).toEqual({});
  });
});
