import { describe, expect, it } from "vitest";
import { planStageSave, type TPlanStageSave } from "./plan-stage-save";

const lifecycle = { patching: { hoursPerMonth: 10, usdPerHour: 100 }, monitoringToolingUsdPerMonth: 500 };
const plan = (p: Partial<TPlanStageSave>) => planStageSave({ stage: "lifecycle", baseVersion: 3, base: lifecycle, mine: lifecycle, current: { version: 3, stageInputs: lifecycle }, ...p });

describe("planStageSave", () => {
  it("writes the draft as it is when nobody saved since, naming the fields it changed", () => {
    const mine = { ...lifecycle, patching: { hoursPerMonth: 11, usdPerHour: 100 } };
    expect(plan({ mine })).toEqual({ kind: "write", stageInputs: mine, expectedVersion: 3, isMerged: false, change: { stage: "lifecycle", fields: ["Patching effort"] } });
  });

  it("merges changes to different fields onto the stored version, and writes against that version", () => {
    const mine = { ...lifecycle, patching: { hoursPerMonth: 11, usdPerHour: 100 } };
    const theirs = { ...lifecycle, patching: { hoursPerMonth: 10, usdPerHour: 120 } };
    expect(plan({ mine, current: { version: 5, stageInputs: theirs } })).toEqual({
      kind: "write",
      stageInputs: { ...lifecycle, patching: { hoursPerMonth: 11, usdPerHour: 120 } },
      expectedVersion: 5,
      isMerged: true,
      change: { stage: "lifecycle", fields: ["Patching effort"], mergedFromVersion: 3 },
    });
  });

  it("is a conflict when the same field changed on both sides, with both values and my changes on theirs", () => {
    const mine = { ...lifecycle, patching: { hoursPerMonth: 22, usdPerHour: 100 }, monitoringToolingUsdPerMonth: 600 };
    const theirs = { ...lifecycle, patching: { hoursPerMonth: 11, usdPerHour: 120 } };
    const r = plan({ mine, current: { version: 4, stageInputs: theirs } });
    expect(r).toMatchObject({ kind: "conflict", fields: [{ path: "patching.hoursPerMonth", mine: 22, theirs: 11 }] });
    expect(r.kind === "conflict" && r.merged).toEqual({ patching: { hoursPerMonth: 22, usdPerHour: 120 }, monitoringToolingUsdPerMonth: 600 });
    expect(r.kind === "conflict" && r.message).toMatch(/^Someone else saved this assessment \(now version 4\) after you opened version 3, and changed a field you changed too/);
  });

  it("without a base, every field that differs from the stored version is a conflict", () => {
    const mine = { ...lifecycle, patching: { hoursPerMonth: 22, usdPerHour: 100 } };
    const theirs = { ...lifecycle, monitoringToolingUsdPerMonth: 900 };
    const r = plan({ base: undefined, mine, current: { version: 4, stageInputs: theirs } });
    expect(r.kind === "conflict" && r.fields.map((f) => f.path).sort()).toEqual(["monitoringToolingUsdPerMonth", "patching.hoursPerMonth"]);
  });

  it("is a conflict on the fields involved when two valid changes are invalid together", () => {
    const range = (low: number, high: number) => ({ uncertainty: { growthPercentRange: { low, high } } });
    const r = planStageSave({ stage: "economics", baseVersion: 1, base: range(1, 5), mine: range(4, 5), current: { version: 2, stageInputs: range(1, 3) } });
    expect(r.kind).toBe("conflict");
    if (r.kind !== "conflict") return;
    expect(r.fields).toEqual([
      { path: "uncertainty.growthPercentRange.low", mine: 4, theirs: 1 },
      { path: "uncertainty.growthPercentRange.high", mine: 5, theirs: 3 },
    ]);
    expect(r.merged).toEqual(range(4, 5));
    expect(r.message).toMatch(/each valid but not together/);
  });

  it("names changed fields by their form labels, in form order, leaving out what the server sets", () => {
    const base = { gpuId: "h100-sxm-80gb", sizing: { peak: { method: "factor", peakToAverageRatio: 3 } } };
    const mine = { gpuId: "h200-sxm-141gb", sizing: { peak: { method: "factor", peakToAverageRatio: 4 } } };
    const r = planStageSave({ stage: "infrastructure", baseVersion: 1, base, mine, current: { version: 1, stageInputs: base } });
    expect(r.kind === "write" && r.change).toEqual({ stage: "infrastructure", fields: ["GPU", "Peak-to-average ratio"] });
  });
});
