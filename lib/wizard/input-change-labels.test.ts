import { describe, expect, it } from "vitest";
import { labelInputChanges } from "./input-change-labels";

const change = (path: string, before: string, after: string) => ({ path, stage: "any", before, after });

describe("labelInputChanges", () => {
  it("names a stage field by its form label and groups its numbers", () => {
    const [c] = labelInputChanges([change("economics.inputTokensPerMonth", "10200000000", "—")]);
    expect(c).toMatchObject({ label: "Input tokens", before: "10,200,000,000", after: "—", path: "economics.inputTokensPerMonth" });
  });

  it("names a list cell by its row and column, as the form does", () => {
    expect(labelInputChanges([change("capability.workloads[0].candidate.sampleCount", "20", "3")])[0].label).toBe("Workload 1: Candidate samples");
  });

  it("shows a choice by its option's label, also for one entry of a multiple choice", () => {
    const [precision, region] = labelInputChanges([change("infrastructure.sizing.weightPrecision", "gguf_q4_k_m", "bf16"), change("licence.orgFacts.regions[0]", "EEA-non-EU", "EU")]);
    expect(precision).toMatchObject({ label: "Weight precision", before: "GGUF Q4_K_M (approx.)", after: "BF16" });
    expect(region).toMatchObject({ label: "Regions where the model is used", before: "EEA outside the EU (Norway, Iceland, Liechtenstein)", after: "EU" });
  });

  it("names the assessment's own fields and the custom model's keys in words", () => {
    const [title, model, custom] = labelInputChanges([change("title", "a", "b"), change("candidateModelId", "x", "y"), change("customModel.numHiddenLayers", "32", "40")]);
    expect([title.label, model.label, custom.label]).toEqual(["Title", "Candidate model", "Custom model: num hidden layers"]);
  });

  it("keeps the stored path for what no field edits, so nothing is hidden", () => {
    expect(labelInputChanges([change("economics.notAFormField", "w1", "w2")])[0]).toMatchObject({ label: "economics.notAFormField", before: "w1" });
  });
});
