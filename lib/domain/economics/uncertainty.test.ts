import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEconomicsInputs, toEconomicsScalars, type TEconomicsInputsRaw } from "./economics";
import * as core from "./core";
import { DomainInputError } from "../shared/field-errors";
import { mulberry32 } from "../shared/math";
import {
  compileDistribution,
  distributionMean,
  economicsOutputs,
  fillColumn,
  histogramSorted,
  runEconomicsMonteCarlo,
  sampleDistribution,
  tornado,
  type TDistribution,
  type TUncertainEconomicsInput,
} from "./uncertainty";

const economics: TEconomicsInputsRaw = {
  inputTokensPerMonth: 2e9,
  outputTokensPerMonth: 1e9,
  api: { usdPerMillionInputTokens: 2.5, usdPerMillionOutputTokens: 10 },
  owned: { replicaUsdPerMonth: 4000, replicaCapacityTokensPerMonth: 1.2e9, peopleFte: 1, loadedUsdPerFteYear: 180_000 },
  oneTime: { adaptationUsd: 20_000 },
  monthlyVolumeGrowthPercent: 3,
};
const base = toEconomicsScalars(parseEconomicsInputs(economics));

const uncertain: TUncertainEconomicsInput[] = [
  { key: "inputTokensPerMonth", distribution: { kind: "lognormal", p10: 1e9, p90: 5e9 } },
  { key: "outputTokensPerMonth", distribution: { kind: "lognormal", p10: 5e8, p90: 2e9 } },
  { key: "apiUsdPerMillionOutputTokens", distribution: { kind: "triangular", low: 4, mode: 10, high: 12 } },
  { key: "replicaUsdPerMonth", distribution: { kind: "uniform", low: 3000, high: 6000 } },
  { key: "replicaCapacityTokensPerMonth", distribution: { kind: "lognormal", p10: 6e8, p90: 2e9 } },
  { key: "monthlyVolumeGrowthPercent", distribution: { kind: "uniform", low: 0, high: 8 } },
];

/** Draws n values of a distribution from a seeded stream. */
function draw(d: TDistribution, n: number, seed = 7): number[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => sampleDistribution(d, random()));
}
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const quantile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))];

describe("distributions", () => {
  it.each([
    { d: { kind: "uniform", low: 2, high: 10 }, expectedMean: 6 },
    { d: { kind: "triangular", low: 0, mode: 3, high: 12 }, expectedMean: 5 },
    { d: { kind: "triangular", low: 1, mode: 1, high: 4 }, expectedMean: 2 },
    { d: { kind: "lognormal", p10: 1, p90: 100 }, expectedMean: distributionMean({ kind: "lognormal", p10: 1, p90: 100 }) },
  ] as const)("$d.kind sample mean ≈ analytic mean $expectedMean", ({ d, expectedMean }) => {
    expect(distributionMean(d)).toBeCloseTo(expectedMean, 9);
    const sampled = mean(draw(d, 100_000));
    expect(Math.abs(sampled - expectedMean) / expectedMean).toBeLessThan(d.kind === "lognormal" ? 0.05 : 0.01);
  });

  it("triangular mean is (low + mode + high) / 3 and samples stay inside", () => {
    const xs = draw({ kind: "triangular", low: 10, mode: 20, high: 60 }, 50_000);
    expect(mean(xs)).toBeCloseTo(30, 0);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...xs)).toBeLessThanOrEqual(60);
  });

  it("lognormal from P10/P90 reproduces its P10, median √(P10·P90) and P90", () => {
    const xs = draw({ kind: "lognormal", p10: 2, p90: 50 }, 100_000);
    expect(quantile(xs, 0.1) / 2).toBeCloseTo(1, 1);
    expect(quantile(xs, 0.5) / 10).toBeCloseTo(1, 1);
    expect(quantile(xs, 0.9) / 50).toBeCloseTo(1, 1);
  });

  it("the inlined column generator draws the same stream as mulberry32", () => {
    const d = compileDistribution({ kind: "uniform", low: 0, high: 1 });
    const column = new Float64Array(1000);
    const state = Uint32Array.of(123);
    fillColumn(d, column, 0, 1, state);
    const random = mulberry32(123);
    for (let i = 0; i < column.length; i += 1) expect(column[i]).toBe(random());
  });

  it("histogram bins count every finite value once", () => {
    const sorted = Float64Array.from([1, 2, 2, 3, 9, Number.POSITIVE_INFINITY]);
    const bins = histogramSorted(sorted, sorted.length, 4);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(5);
    expect(bins[0]).toEqual({ from: 1, to: 3, count: 3 });
    expect(bins[3]).toEqual({ from: 7, to: 9, count: 1 });
  });
});

describe("tornado", () => {
  it("sorts bars by swing and keeps low/high outputs", () => {
    const f = (x: Readonly<Record<"a" | "b" | "c", number>>) => 2 * x.a + x.b * x.b - x.c;
    const result = tornado(f, { a: 1, b: 1, c: 1 }, [
      { key: "a", label: "A", low: 0, high: 2 },
      { key: "b", label: "B", low: 0, high: 3 },
      { key: "c", label: "C", low: 0.5, high: 1.5 },
    ]);
    expect(result.baseOutput).toBe(2);
    expect(result.bars.map((b) => b.key)).toEqual(["b", "a", "c"]);
    expect(result.bars[0]).toMatchObject({ outputAtLow: 1, outputAtHigh: 10, swing: 9, isUnbounded: false });
  });

  it("puts inputs that flip the answer into 'none' first, and leaves the base record untouched", () => {
    const scalars = { ...base };
    const result = tornado(economicsOutputs.crossoverTokensPerMonth, scalars, [
      { key: "fixedUsdPerMonth", label: "Fixed costs", low: 0, high: 40_000 },
      { key: "replicaUsdPerMonth", label: "Replica cost", low: 2000, high: 20_000 },
    ]);
    expect(result.bars[0].key).toBe("replicaUsdPerMonth");
    expect(result.bars[0].isUnbounded).toBe(true);
    expect(result.bars[0].outputAtHigh).toBeNull();
    expect(result.bars[1].swing).toBeGreaterThan(0);
    expect(scalars).toEqual(base);
  });
});

describe("Monte Carlo over the economics", () => {
  it("is deterministic for a seed and changes with the seed", () => {
    const a = runEconomicsMonteCarlo(base, { uncertain, samples: 2000, seed: 11 });
    const b = runEconomicsMonteCarlo(base, { uncertain, samples: 2000, seed: 11 });
    const c = runEconomicsMonteCarlo(base, { uncertain, samples: 2000, seed: 12 });
    expect(b).toEqual(a);
    expect(c.monthlySavingUsd.mean).not.toBe(a.monthlySavingUsd.mean);
  });

  it("P(owned cheaper) is 1 when owning is always cheaper, 0 when never", () => {
    const cheap = runEconomicsMonteCarlo({ ...base, fixedUsdPerMonth: 0, peopleUsdPerMonth: 0 }, {
      uncertain: [{ key: "replicaUsdPerMonth", distribution: { kind: "uniform", low: 0, high: 100 } }],
      samples: 1000,
    });
    expect(cheap.probabilityOwnedCheaper).toBe(1);
    expect(cheap.crossoverTokensPerMonth.neverShare).toBe(0);
    const dear = runEconomicsMonteCarlo(base, {
      uncertain: [{ key: "replicaUsdPerMonth", distribution: { kind: "uniform", low: 1e6, high: 2e6 } }],
      samples: 1000,
    });
    expect(dear.probabilityOwnedCheaper).toBe(0);
    expect(dear.crossoverTokensPerMonth).toMatchObject({ neverShare: 1, p10: "never", p50: "never", p90: "never", histogram: [] });
    expect(dear.breakEvenMonth).toEqual({ withinHorizonShare: 0, p10: null, p50: null, p90: null });
  });

  it("with nothing uncertain every sample equals the deterministic answer", () => {
    const r = runEconomicsMonteCarlo(base, { uncertain: [], samples: 100 });
    const saving = core.monthlySavingUsd(base);
    expect(r.monthlySavingUsd).toMatchObject({ mean: expect.closeTo(saving, 6), p10: saving, p50: saving, p90: saving });
    expect(r.crossoverTokensPerMonth.p50).toBe(core.crossoverTokensPerMonth(base));
    expect(r.probabilityOwnedCheaper).toBe(saving > 0 ? 1 : 0);
  });

  it("reports the share of 'never' and puts percentiles that land there as 'never'", () => {
    // Replica cost spans the API's price per token: above ~7,500 USD per 1.2B tokens there is no crossover.
    const r = runEconomicsMonteCarlo(base, {
      uncertain: [{ key: "replicaUsdPerMonth", distribution: { kind: "uniform", low: 0, high: 15_000 } }],
      samples: 10_000,
      seed: 3,
    });
    const apiPerReplica = core.apiUsdPerToken(base) * base.replicaCapacityTokensPerMonth;
    expect(r.crossoverTokensPerMonth.neverShare).toBeCloseTo(1 - apiPerReplica / 15_000, 1);
    expect(typeof r.crossoverTokensPerMonth.p10).toBe("number");
    expect(r.crossoverTokensPerMonth.p90).toBe("never");
    expect(r.crossoverTokensPerMonth.histogram.reduce((s, b) => s + b.count, 0)).toBe(Math.round(10_000 * (1 - r.crossoverTokensPerMonth.neverShare)));
  });

  it("summaries are ordered and figures carry formulas", () => {
    const r = runEconomicsMonteCarlo(base, { uncertain, samples: 5000, seed: 5 });
    expect(r.monthlySavingUsd.p10).toBeLessThanOrEqual(r.monthlySavingUsd.p50);
    expect(r.monthlySavingUsd.p50).toBeLessThanOrEqual(r.monthlySavingUsd.p90);
    expect(r.monthlySavingUsd.histogram.reduce((s, b) => s + b.count, 0)).toBe(5000);
    expect(r.figures.every((f) => f.formula.includes("5,000 seeded samples (seed 5)"))).toBe(true);
  });

  it.each([
    { name: "negative capacity", input: { key: "replicaCapacityTokensPerMonth", distribution: { kind: "uniform", low: 0, high: 1e9 } }, field: "uncertain[0].distribution" },
    { name: "share above 1", input: { key: "hybridShareOpen", distribution: { kind: "uniform", low: 0.5, high: 1.5 } }, field: "uncertain[0].distribution" },
    { name: "mode outside range", input: { key: "oneTimeUsd", distribution: { kind: "triangular", low: 0, mode: 5, high: 4 } }, field: "uncertain[0].distribution.mode" },
    { name: "a count", input: { key: "minReplicas", distribution: { kind: "uniform", low: 1, high: 3 } }, field: "uncertain[0].key" },
  ])("rejects $name naming $field", ({ input, field }) => {
    const run = () => runEconomicsMonteCarlo(base, { uncertain: [input as never], samples: 10 });
    expect(run).toThrow(DomainInputError);
    expect(run).toThrow(field);
  });

  it("rejects the same input listed twice", () => {
    expect(() => runEconomicsMonteCarlo(base, { uncertain: [uncertain[0], uncertain[0]] })).toThrow("uncertain");
  });

  it("the fused per-sample evaluation equals the separate functions", () => {
    fc.assert(
      fc.property(
        fc.record({
          inputTokensPerMonth: fc.double({ min: 0, max: 1e12, noNaN: true }),
          outputTokensPerMonth: fc.double({ min: 0, max: 1e12, noNaN: true }),
          replicaUsdPerMonth: fc.double({ min: 0, max: 1e5, noNaN: true }),
          replicaCapacityTokensPerMonth: fc.double({ min: 1e6, max: 1e11, noNaN: true }),
          fixedUsdPerMonth: fc.double({ min: 0, max: 1e6, noNaN: true }),
          peopleUsdPerMonth: fc.double({ min: 0, max: 1e6, noNaN: true }),
          marginalUsdPerMillionTokens: fc.double({ min: 0, max: 5, noNaN: true }),
          monthlyVolumeGrowthPercent: fc.double({ min: -20, max: 30, noNaN: true }),
          minReplicas: fc.integer({ min: 1, max: 3 }),
          spareReplicas: fc.integer({ min: 0, max: 2 }),
        }),
        (partial) => {
          const s = { ...base, ...partial };
          const out = new Float64Array(3);
          core.evaluateSample(s, out);
          expect(out[core.SAMPLE_SAVING]).toBe(core.monthlySavingUsd(s));
          expect(out[core.SAMPLE_CROSSOVER]).toBe(core.crossoverTokensPerMonth(s));
          expect(out[core.SAMPLE_BREAK_EVEN]).toBe(core.breakEvenMonthOrZero(s));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("break-even stepping agrees with re-deriving the replica count every month", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e6, max: 1e11, noNaN: true }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.double({ min: 0, max: 20_000, noNaN: true }),
        (volume, growthPercent, replicaUsd) => {
          const s = { ...base, inputTokensPerMonth: volume, outputTokensPerMonth: volume / 2, monthlyVolumeGrowthPercent: growthPercent, replicaUsdPerMonth: replicaUsd };
          let cumApi = 0;
          let cumOwned = s.oneTimeUsd;
          let expected = 0;
          for (let month = 1; month <= s.horizonMonths; month += 1) {
            const v = core.volumeInMonth(s, month);
            cumApi += core.apiMonthlyUsd(s, v);
            cumOwned += core.ownedMonthlyUsd(s, v);
            if (cumApi > cumOwned) {
              expected = month;
              break;
            }
          }
          const tie = Math.abs(cumApi - cumOwned) < 1e-6 * Math.max(1, cumApi);
          if (!tie) expect(core.breakEvenMonthOrZero(s)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("10,000 samples stay fast once warm (generous bound for a shared CI machine)", () => {
    runEconomicsMonteCarlo(base, { uncertain, samples: 10_000, seed: 1 });
    const start = performance.now();
    runEconomicsMonteCarlo(base, { uncertain, samples: 10_000, seed: 2 });
    expect(performance.now() - start).toBeLessThan(250);
  });
});
