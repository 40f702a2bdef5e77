import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZAdaptationStageInputs, ZEconomicsStageInputs, ZInfrastructureStageInputs, ZSafetyStageInputs } from "@/lib/domain/assessment";
import { issueMessage } from "./issue-message";

/** path → message, as the stage form would show them. */
function messages(schema: z.ZodType, value: unknown): Record<string, string> {
  const r = schema.safeParse(value);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), issueMessage(i)]));
}

describe("issueMessage", () => {
  it("names a missing value, a non-number and a fraction where a whole number goes", () => {
    expect(messages(ZInfrastructureStageInputs, { sizing: { peak: { method: "factor" } } })).toEqual({ "sizing.peak.peakToAverageRatio": "Required: enter a number." });
    expect(messages(ZInfrastructureStageInputs, { sizing: { promptTokensPerRequest: "12abc" } })).toEqual({ "sizing.promptTokensPerRequest": "Enter a number (digits only, e.g. 1500)." });
    expect(messages(ZAdaptationStageInputs, { loraRank: 1.5 })).toEqual({ loraRank: "Enter a whole number." });
  });

  it("states bounds in plain words", () => {
    expect(messages(ZEconomicsStageInputs, { uncertainty: { ranges: [{ key: "oneTimeUsd", lowMultiplier: 2, highMultiplier: 0.5 }] } })).toEqual({
      "uncertainty.ranges.0.lowMultiplier": "Enter at most 1.",
      "uncertainty.ranges.0.highMultiplier": "Enter at least 1.",
    });
    expect(messages(ZInfrastructureStageInputs, { customGpu: { memoryGb: 0 } })["customGpu.memoryGb"]).toBe("Enter more than 0.");
    expect(messages(ZAdaptationStageInputs, { loraTargets: [] })).toEqual({ loraTargets: "Choose at least one." });
  });

  it("asks for a choice that is missing, and keeps messages the schema wrote itself", () => {
    expect(messages(ZInfrastructureStageInputs, { sizing: { peak: { peakToAverageRatio: 3 } } })).toEqual({ "sizing.peak.method": "Required: choose one of the options." });
    expect(messages(ZSafetyStageInputs, { costs: { guardServing: { mode: "gpu", gpuCount: 1, usdPerGpuHour: 5000 } } })).toEqual({ "costs.guardServing.usdPerGpuHour": "usdPerGpuHour looks too large (> 1000)" });
    expect(messages(ZEconomicsStageInputs, { uncertainty: { growthPercentRange: { low: 5, high: 1 } } })).toEqual({ "uncertainty.growthPercentRange": "low must not exceed high" });
  });
});
