import { describe, expect, it } from "vitest";
import { cleanDraft, getIn, placeErrors, setIn } from "./draft";

describe("setIn / getIn", () => {
  it("sets nested paths without mutating, creating arrays for numeric segments", () => {
    const before = { a: { b: 1 } };
    const after = setIn(before, "a.c.0.d", 2);
    expect(before).toEqual({ a: { b: 1 } });
    expect(after).toEqual({ a: { b: 1, c: [{ d: 2 }] } });
    expect(getIn(after, "a.c.0.d")).toBe(2);
    expect(getIn(after, "a.x.y")).toBeUndefined();
  });
});

describe("cleanDraft", () => {
  it.each([
    [{ a: "", b: undefined, c: { d: " " } }, undefined],
    [{ a: 0, b: false }, { a: 0, b: false }],
    [{ rows: [{ x: "" }, { x: 1 }] }, { rows: [{}, { x: 1 }] }],
    [{ s: "12abc" }, { s: "12abc" }],
  ])("%j → %j", (input, expected) => {
    expect(cleanDraft(input)).toEqual(expected);
  });
});

describe("placeErrors", () => {
  const fields = ["gpuId", "workloads", "uncertainty.growthPercentRange.low", "uncertainty.growthPercentRange.high", "sizing.peak.method"];

  it("keeps field and list-item errors, moves an object's error to its first field, lists the rest", () => {
    const { byPath, unplaced } = placeErrors(
      {
        gpuId: "a catalog id",
        "workloads.0.id": 'duplicate workload id "x"',
        "uncertainty.growthPercentRange": "low must not exceed high",
        "(form)": "something else",
      },
      fields,
    );
    expect(byPath).toEqual({ gpuId: "a catalog id", "workloads.0.id": 'duplicate workload id "x"', "uncertainty.growthPercentRange.low": "low must not exceed high" });
    expect(unplaced).toEqual([["(form)", "something else"]]);
  });

  it("never replaces a field's own error with its parent's", () => {
    const { byPath } = placeErrors({ "uncertainty.growthPercentRange.low": "Required: enter a number.", "uncertainty.growthPercentRange": "low must not exceed high" }, fields);
    expect(byPath).toEqual({ "uncertainty.growthPercentRange.low": "Required: enter a number." });
  });
});
