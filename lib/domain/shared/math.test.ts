import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capitalRecoveryFactor, fmt, mulberry32, normalQuantile, percentileSorted, poissonQuantile } from "./math";

describe("capital recovery factor", () => {
  it.each([
    // Standard annuity-table values: A/P at 8% over 5 years = 0.25046; 10% over 3 years = 0.40211.
    { rate: 0.08, years: 5, crf: 0.250456 },
    { rate: 0.1, years: 3, crf: 0.402115 },
    { rate: 0, years: 4, crf: 0.25 },
    { rate: 0, years: 3, crf: 1 / 3 },
  ])("r = $rate, n = $years → $crf", ({ rate, years, crf }) => {
    expect(capitalRecoveryFactor(rate, years)).toBeCloseTo(crf, 6);
  });

  it("approaches straight line as the rate goes to 0 and rises with the rate", () => {
    expect(capitalRecoveryFactor(1e-9, 5)).toBeCloseTo(0.2, 6);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.integer({ min: 1, max: 30 }), (a, b, n) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(capitalRecoveryFactor(hi, n)).toBeGreaterThanOrEqual(capitalRecoveryFactor(lo, n) - 1e-12);
      }),
    );
  });
});

describe("normal and Poisson quantiles", () => {
  it.each([
    { p: 0.5, z: 0 },
    { p: 0.9, z: 1.2815515655446004 },
    { p: 0.975, z: 1.959963984540054 },
    { p: 0.01, z: -2.3263478740408408 },
  ])("Φ⁻¹($p) = $z", ({ p, z }) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 7);
  });

  it("stays finite at 0 and 1", () => {
    expect(Number.isFinite(normalQuantile(0))).toBe(true);
    expect(Number.isFinite(normalQuantile(1))).toBe(true);
  });

  it.each([
    // Poisson(10): P(X ≤ 14) = 0.9165, P(X ≤ 15) = 0.9513.
    { lambda: 10, q: 0.95, k: 15 },
    { lambda: 1, q: 0.95, k: 3 },
    { lambda: 0, q: 0.95, k: 0 },
    // Normal approximation branch: 1000 + 1.645·√1000 ≈ 1052.
    { lambda: 1000, q: 0.95, k: 1052 },
  ])("Poisson($lambda) quantile $q = $k", ({ lambda, q, k }) => {
    expect(poissonQuantile(lambda, q)).toBe(k);
  });
});

describe("percentiles", () => {
  it("interpolates between order statistics and propagates +Infinity", () => {
    const xs = Float64Array.from([1, 2, 3, 4, 5]);
    expect(percentileSorted(xs, 0.5)).toBe(3);
    expect(percentileSorted(xs, 0.1)).toBeCloseTo(1.4, 12);
    expect(percentileSorted(Float64Array.from([1, 2, Infinity, Infinity]), 0.5)).toBe(Infinity);
    expect(percentileSorted(Float64Array.from([1, 2, 3, Infinity]), 0.5)).toBe(2.5);
  });
});

describe("seeded generator", () => {
  it("repeats for a seed and stays in [0, 1)", () => {
    const a = mulberry32(99);
    const b = mulberry32(99);
    for (let i = 0; i < 1000; i += 1) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe("formula number formatting", () => {
  it.each([
    { x: 327_680, text: "327,680" },
    { x: 70.55e9, text: "70.55e9" },
    { x: 989e12, text: "989e12" },
    { x: 0.30192080445, text: "0.3019" },
    { x: 2_628_000, text: "2,628,000" },
    { x: 1234.5678, text: "1,235" },
    { x: -5, text: "-5" },
    { x: null, text: "n/a" },
    { x: Number.NaN, text: "n/a" },
  ])("$x → $text", ({ x, text }) => {
    expect(fmt(x)).toBe(text);
  });
});
