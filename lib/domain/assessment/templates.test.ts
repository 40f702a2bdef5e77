import { describe, expect, it } from "vitest";
import { stageStatuses } from "./inputs";
import { isKnownCandidate, isKnownIncumbent } from "../catalog/options";
import { getGpu, getGpuCloudPrice, getGpuPurchasePrice } from "../catalog";
import { buildReport } from "../report/report";
import { ASSESSMENT_TEMPLATES, getTemplate } from "./templates";

describe("assessment templates", () => {
  it("has 3-4 templates with unique ids", () => {
    expect(ASSESSMENT_TEMPLATES.length).toBeGreaterThanOrEqual(3);
    expect(ASSESSMENT_TEMPLATES.length).toBeLessThanOrEqual(4);
    expect(new Set(ASSESSMENT_TEMPLATES.map((t) => t.id)).size).toBe(ASSESSMENT_TEMPLATES.length);
    expect(getTemplate(ASSESSMENT_TEMPLATES[0].id)).toBe(ASSESSMENT_TEMPLATES[0]);
    expect(getTemplate("nope")).toBeUndefined();
  });

  it.each(ASSESSMENT_TEMPLATES)("$id uses catalog ids that exist", (t) => {
    expect(isKnownCandidate(t.candidateModelId)).toBe(true);
    expect(isKnownIncumbent(t.incumbentApiId)).toBe(true);
    const infra = t.inputs.infrastructure!;
    expect(getGpu(infra.gpuId!)).toBeDefined();
    if (infra.pricing?.cloudPriceId) expect(getGpuCloudPrice(infra.pricing.cloudPriceId)?.gpuId).toBe(infra.gpuId);
    if (infra.pricing?.purchasePriceId) expect(getGpuPurchasePrice(infra.pricing.purchasePriceId)?.gpuId).toBe(infra.gpuId);
  });

  it.each(ASSESSMENT_TEMPLATES)("$id fills in every stage", (t) => {
    expect(Object.values(stageStatuses(t.inputs)).every((s) => s === "complete")).toBe(true);
  });

  it("gives verdicts a reviewer would sign: stay (capability not settled), go self-host (on-premises), stay (cheapest), not enough information (EU residency)", () => {
    const verdicts = ASSESSMENT_TEMPLATES.map(
      (t) =>
        buildReport({
          assessment: { id: t.id, title: t.name, description: t.description, candidateModelId: t.candidateModelId, incumbentApiId: t.incumbentApiId, status: "draft", version: 1, updatedAt: "2026-01-01T00:00:00.000Z" },
          inputs: t.inputs,
          options: { monteCarloSamples: 2_000 },
        }).recommendation.verdict,
    );
    expect(verdicts).toEqual(["stay", "go-self-host", "stay", "insufficient"]);
  });
});
