import { describe, expect, it } from "vitest";
import { logTicks, uniqueRowsBy } from "./chart-data";

describe("uniqueRowsBy", () => {
  const whole = (v: number) => Math.round(v).toLocaleString("en-US");

  it("lists a step drawn as two points a hair apart once, keeping the first", () => {
    const rows = [
      { x: 0, owned: 10 },
      { x: 1000, owned: 10 },
      { x: 1000 * (1 + 1e-9), owned: 20 },
      { x: 2000, owned: 20 },
    ];
    expect(uniqueRowsBy(rows, "x", whole)).toEqual([rows[0], rows[1], rows[3]]);
  });

  it("keeps rows whose key is not a number, compared as text", () => {
    const rows = [{ label: "a" }, { label: "b" }, { label: "a" }];
    expect(uniqueRowsBy(rows, "label", whole)).toEqual([{ label: "a" }, { label: "b" }]);
  });
});

describe("logTicks", () => {
  it("uses 1, 2 and 5 × 10^k within one or two decades", () => {
    expect(logTicks([5e7, 1e6, 3e6])).toEqual([1e6, 2e6, 5e6, 1e7, 2e7, 5e7]);
  });

  it("falls back to powers of ten over a wide range", () => {
    expect(logTicks([3e5, 2e10])).toEqual([1e6, 1e7, 1e8, 1e9, 1e10]);
  });

  it("thins powers of ten to at most maxTicks", () => {
    const ticks = logTicks([1, 1e15], 6);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks[0]).toBe(1);
  });

  it("gives nothing for a range a log axis cannot place", () => {
    expect(logTicks([0, 10])).toEqual([]);
    expect(logTicks([])).toEqual([]);
  });
});
