import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erlangC, maxArrivalRateForWait, waitQuantileSeconds } from "./queueing";

describe("Erlang C (M/M/c)", () => {
  // Hand values: M/M/1 waits with probability ρ; M/M/2 at a = 1 gives C = 1/3
  // (C = a^c/c! · c/(c − a) ÷ (Σ_{k<c} a^k/k! + a^c/c! · c/(c − a)) = 1 ÷ (2 + 1)).
  it.each([
    { c: 1, a: 0.5, expected: 0.5 },
    { c: 1, a: 0.9, expected: 0.9 },
    { c: 2, a: 1, expected: 1 / 3 },
    // c = 10, a = 8: the textbook table value 0.4092.
    { c: 10, a: 8, expected: 0.40918 },
  ])("c = $c, a = $a → $expected", ({ c, a, expected }) => {
    expect(erlangC(c, a)).toBeCloseTo(expected, 4);
  });

  it("stays in [0, 1] for a thousand servers (no factorial overflow)", () => {
    const v = erlangC(1000, 990);
    expect(v).toBeGreaterThan(0);
    expect(v).toBeLessThan(1);
  });

  it("M/M/1 wait quantile: P(W > t) = ρ e^(−(μ − λ)t)", () => {
    // μ = 1, λ = 0.8: t95 = ln(0.8 / 0.05) / 0.2 = 13.86 s.
    expect(waitQuantileSeconds(1, 1, 0.8, 0.95)).toBeCloseTo(Math.log(16) / 0.2, 9);
    expect(waitQuantileSeconds(1, 1, 0.01, 0.95)).toBe(0);
    expect(waitQuantileSeconds(4, 1, 4, 0.95)).toBe(Number.POSITIVE_INFINITY);
  });

  it("the largest arrival rate within a wait meets it, and a little more does not", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0.001, max: 30, noNaN: true }), (c, mu, wait) => {
        const lambda = maxArrivalRateForWait(c, mu, 0.95, wait);
        expect(lambda).toBeLessThan(c * mu);
        expect(waitQuantileSeconds(c, mu, lambda, 0.95)).toBeLessThanOrEqual(wait + 1e-9);
        expect(waitQuantileSeconds(c, mu, Math.min(c * mu, lambda * 1.01 + 1e-9), 0.95)).toBeGreaterThan(wait * 0.999);
      }),
      { numRuns: 100 },
    );
  });

  it("more slots take more traffic within the same wait", () => {
    expect(maxArrivalRateForWait(16, 1, 0.95, 0.5)).toBeGreaterThan(maxArrivalRateForWait(8, 1, 0.95, 0.5));
  });
});
