import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { H100_SXM, LLAMA_3_1_70B } from "../__fixtures__/sizing-models";
import { apiCostUsd, computeEconomics, ownedReplicaFromSizing, parseEconomicsInputs, toEconomicsScalars, usdPerMillionTokensFromGpuPrice, type TEconomicsInputsRaw } from "./economics";
import * as core from "./core";
import { DomainInputError } from "../shared/field-errors";
import { sizeDeployment } from "../sizing/sizing";

/** 50/50 mix at $2.50 / $10 per million: blended $6.25 per million. */
const base: TEconomicsInputsRaw = {
  inputTokensPerMonth: 1e9,
  outputTokensPerMonth: 1e9,
  api: { usdPerMillionInputTokens: 2.5, usdPerMillionOutputTokens: 10 },
  owned: { replicaUsdPerMonth: 2000, replicaCapacityTokensPerMonth: 1e9, otherFixedUsdPerMonth: 10_000 },
};

function nonFinitePaths(value: unknown, path = "$"): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFinitePaths(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => nonFinitePaths(v, `${path}.${k}`));
  return [];
}

describe("cost per million tokens from a GPU price", () => {
  it.each([
    // formulas.md: usd_per_gpu_hour × gpus / (tokens_per_second × 3600) × 1e6.
    { name: "$2/h, 1 GPU, 1000 tok/s", usd: 2, gpus: 1, tps: 1000, utilisation: 1, expected: 0.5556 },
    // Reference facts `self_host_vs_api_crossover.example_oracle`: 2 × H100 at $2.99, 6,378 tok/s → $0.2604.
    { name: "2 × $2.99/h, 6378 tok/s", usd: 2.99, gpus: 2, tps: 6378, utilisation: 1, expected: 0.2604 },
    // Same blog example at 30% utilisation: 4 × $6.40/4 per GPU-hour... ($6.40/h for 4 GPUs), 3,400 tok/s → ~$1.74.
    { name: "4 GPUs at $1.60/h, 3400 tok/s, 30% busy", usd: 1.6, gpus: 4, tps: 3400, utilisation: 0.3, expected: 1.743 },
  ])("$name → $expected per million", ({ usd, gpus, tps, utilisation, expected }) => {
    expect(usdPerMillionTokensFromGpuPrice(usd, gpus, tps, utilisation)).toBeCloseTo(expected, 3);
  });

  it("has no value at zero throughput", () => {
    expect(usdPerMillionTokensFromGpuPrice(2, 1, 0)).toBeNull();
  });
});

describe("API cost", () => {
  it("prices input and output separately: 1M in at $2.50 + 1M out at $10 = $12.50, not $25", () => {
    expect(apiCostUsd(1e6, 1e6, 2.5, 10)).toBe(12.5);
    const r = computeEconomics({ ...base, inputTokensPerMonth: 1e6, outputTokensPerMonth: 1e6 });
    expect(r.api.usdPerMonth).toBeCloseTo(12.5, 12);
    expect(r.api.usdPerMonth).not.toBeCloseTo(25, 0);
    expect(r.api.usdPerMillionTokens).toBeCloseTo(6.25, 12);
  });

  it.each([
    { inTok: 3e6, outTok: 1e6, expected: 3 * 2.5 + 10 },
    { inTok: 0, outTok: 2e6, expected: 20 },
    { inTok: 5e6, outTok: 0, expected: 12.5 },
  ])("$inTok in + $outTok out = $$expected", ({ inTok, outTok, expected }) => {
    expect(computeEconomics({ ...base, inputTokensPerMonth: inTok, outputTokensPerMonth: outTok }).api.usdPerMonth).toBeCloseTo(expected, 10);
  });
});

describe("owned cost", () => {
  it("adds infrastructure steps, people, safety, lifecycle and marginal cost", () => {
    const r = computeEconomics({
      ...base,
      inputTokensPerMonth: 1.5e9,
      outputTokensPerMonth: 1e9,
      owned: { replicaUsdPerMonth: 2000, replicaCapacityTokensPerMonth: 1e9, minReplicas: 2, peopleFte: 1.5, loadedUsdPerFteYear: 240_000, safetyStackUsdPerMonth: 3000, lifecycleUsdPerMonth: 1000, marginalUsdPerMillionTokens: 0.1 },
    });
    expect(r.owned.replicas).toBe(3);
    expect(r.owned.breakdown).toEqual({ infrastructureUsd: 6000, peopleUsd: 30_000, safetyStackUsd: 3000, lifecycleUsd: 1000, otherFixedUsd: 0, marginalUsd: 250 });
    expect(r.owned.usdPerMonth).toBeCloseTo(40_250, 9);
    expect(r.owned.usdPerMillionTokens).toBeCloseTo(40_250 / 2500, 9);
  });

  it("the staircase from sizing reproduces sizing's replica count at the planned volume", () => {
    const sizing = sizeDeployment(
      { promptTokensPerRequest: 1000, outputTokensPerRequest: 500, traffic: { kind: "requests", requestsPerMonth: 3e6 }, cost: { cloudOnDemand: { usdPerGpuHour: 3 } } },
      LLAMA_3_1_70B,
      H100_SXM,
    );
    const owned = ownedReplicaFromSizing(sizing, "cloudOnDemand")!;
    const r = computeEconomics({ ...base, inputTokensPerMonth: 3e9, outputTokensPerMonth: 1.5e9, owned });
    expect(r.owned.replicas).toBe(sizing.replicas);
    expect(r.owned.breakdown.infrastructureUsd).toBeCloseTo(sizing.costs.cloudOnDemand!.usdPerMonth, 6);
    expect(ownedReplicaFromSizing(sizing, "owned")).toBeNull();
  });
});

describe("crossover on the staircase", () => {
  it("by hand: F = $10k, R = $2k per 1B tokens, API $6.25/M → 3 replicas, V* = 2.56B tokens", () => {
    const r = computeEconomics(base);
    // k₀ = ⌈10,000 / (1e9 × 6.25e-6 − 2,000)⌉ = ⌈2.35⌉ = 3; V* = (10,000 + 3 × 2,000) / 6.25e-6.
    expect(r.crossover).toEqual({ kind: "volume", tokensPerMonth: expect.closeTo(2.56e9, -2), replicas: 3 });
    // The smooth-average answer F / (a − R/c) = 2.35B lands in a step where owning still costs more.
    const s = toEconomicsScalars(parseEconomicsInputs(base));
    expect(core.ownedMonthlyUsd(s, 2.353e9)).toBeGreaterThan(core.apiMonthlyUsd(s, 2.353e9));
  });

  it.each([
    { name: "a replica costs more per token than the API", owned: { replicaUsdPerMonth: 7000, replicaCapacityTokensPerMonth: 1e9 }, reason: "owned-cost-per-token-not-below-api" },
    { name: "marginal cost alone exceeds the API price", owned: { replicaUsdPerMonth: 1, replicaCapacityTokensPerMonth: 1e9, marginalUsdPerMillionTokens: 7 }, reason: "owned-cost-per-token-not-below-api" },
    { name: "equal per-token cost", owned: { replicaUsdPerMonth: 6250, replicaCapacityTokensPerMonth: 1e9 }, reason: "owned-cost-per-token-not-below-api" },
    { name: "fixed costs push it past the sane maximum", owned: { replicaUsdPerMonth: 2000, replicaCapacityTokensPerMonth: 1e9, otherFixedUsdPerMonth: 1e11 }, reason: "beyond-max-volume" },
  ])("never when $name", ({ owned, reason }) => {
    const r = computeEconomics({ ...base, owned });
    expect(r.crossover).toEqual({ kind: "never", reason });
    expect(r.figures.find((f) => f.key === "economics.crossoverTokensPerMonth")?.value).toBeNull();
  });

  it("is 0 when owning is cheaper from the first token (no fixed costs, cheap replica)", () => {
    const r = computeEconomics({ ...base, owned: { replicaUsdPerMonth: 0, replicaCapacityTokensPerMonth: 1e9 } });
    expect(r.crossover).toEqual({ kind: "volume", tokensPerMonth: 0, replicas: 1 });
  });
});

describe("break-even month", () => {
  it("by hand, flat volume: saving $750/month against $2,000 one-time → month 3", () => {
    // API = 1e8 × 2.5/M + 1e8 × 10/M = $1,250; owned = one $500 replica. Cumulative: (1,250 vs 2,500), (2,500 vs 3,000), (3,750 vs 3,500).
    const r = computeEconomics({
      ...base,
      inputTokensPerMonth: 1e8,
      outputTokensPerMonth: 1e8,
      owned: { replicaUsdPerMonth: 500, replicaCapacityTokensPerMonth: 1e9 },
      oneTime: { adaptationUsd: 1500, setupUsd: 500 },
    });
    expect(r.monthlySavingUsd).toBeCloseTo(750, 9);
    expect(r.breakEvenMonth).toBe(3);
    expect(r.series.cumulative[2]).toMatchObject({ cumulativeApiUsd: 3750, cumulativeOwnedUsd: 3500 });
  });

  it("by hand, volume doubling monthly: second replica in month 4, break-even month 4", () => {
    // Volume 2e8, 4e8, 8e8, 1.6e9 → API 1,250, 2,500, 5,000, 10,000 (Σ 18,750); owned 500, 500, 500, 1,000 + 10,000 one-time (Σ 12,500).
    const r = computeEconomics({
      ...base,
      inputTokensPerMonth: 1e8,
      outputTokensPerMonth: 1e8,
      owned: { replicaUsdPerMonth: 500, replicaCapacityTokensPerMonth: 1e9 },
      oneTime: { setupUsd: 10_000 },
      monthlyVolumeGrowthPercent: 100,
    });
    expect(r.breakEvenMonth).toBe(4);
    expect(r.series.ownedBreakdown[3].infrastructureUsd).toBe(1000);
    expect(r.series.cumulative[3].cumulativeApiUsd).toBeCloseTo(18_750, 9);
  });

  it("null when owning never catches up within the horizon", () => {
    const r = computeEconomics({ ...base, inputTokensPerMonth: 1e6, outputTokensPerMonth: 1e6 });
    expect(r.breakEvenMonth).toBeNull();
    expect(r.series.cumulative).toHaveLength(36);
  });
});

describe("hybrid", () => {
  it("routes a share to the open model and finds the cheapest share at a replica boundary", () => {
    // 3e9 tokens: API alone $18,750; owned alone 10,000 + 3 × 2,000 = $16,000. Three full replicas is the best split.
    const r = computeEconomics({ ...base, inputTokensPerMonth: 1.5e9, outputTokensPerMonth: 1.5e9, hybridShareOpen: 0.5 });
    expect(r.hybrid.usdPerMonth).toBeCloseTo(9375 + 10_000 + 2 * 2000, 6);
    expect(r.hybrid.bestShare).toBe(1);
    expect(r.hybrid.bestUsdPerMonth).toBeCloseTo(16_000, 6);
    const small = computeEconomics({ ...base, inputTokensPerMonth: 1e8, outputTokensPerMonth: 1e8 });
    expect(small.hybrid.bestShare).toBe(0);
  });
});

describe("chart series", () => {
  it("cost-vs-volume covers the crossover and draws each replica step", () => {
    const r = computeEconomics(base);
    const points = r.series.costVsVolume;
    expect(points[0].tokensPerMonth).toBe(0);
    expect(points.some((p) => p.tokensPerMonth === (r.crossover as { tokensPerMonth: number }).tokensPerMonth)).toBe(true);
    for (let i = 1; i < points.length; i += 1) expect(points[i].tokensPerMonth).toBeGreaterThan(points[i - 1].tokensPerMonth);
    const riser = points.findIndex((p) => p.tokensPerMonth === 2e9);
    expect(points[riser + 1].ownedUsd - points[riser].ownedUsd).toBeCloseTo(2000, 0);
  });
});

describe("validation", () => {
  it.each([
    { inputs: { ...base, inputTokensPerMonth: -1 }, field: "inputTokensPerMonth" },
    { inputs: { ...base, horizonMonths: 6 }, field: "horizonMonths" },
    { inputs: { ...base, hybridShareOpen: 1.5 }, field: "hybridShareOpen" },
    { inputs: { ...base, owned: { replicaUsdPerMonth: 1, replicaCapacityTokensPerMonth: 0 } }, field: "owned.replicaCapacityTokensPerMonth" },
    { inputs: { ...base, api: { usdPerMillionInputTokens: 1 } }, field: "api.usdPerMillionOutputTokens" },
  ])("rejects bad $field", ({ inputs, field }) => {
    expect(() => computeEconomics(inputs as TEconomicsInputsRaw)).toThrow(DomainInputError);
    expect(() => computeEconomics(inputs as TEconomicsInputsRaw)).toThrow(field);
  });
});

/** Non-negative amounts without subnormal dust: 0 or at least `min`. */
const amount = (min: number, max: number) => fc.oneof(fc.constant(0), fc.double({ min, max, noNaN: true }));

const arbScalars = fc.record({
  inputTokensPerMonth: amount(1, 1e12),
  outputTokensPerMonth: amount(1, 1e12),
  apiUsdPerMillionInputTokens: fc.double({ min: 0.01, max: 100, noNaN: true }),
  apiUsdPerMillionOutputTokens: fc.double({ min: 0.01, max: 200, noNaN: true }),
  fixedUsdPerMonth: amount(0.01, 1e6),
  peopleUsdPerMonth: amount(0.01, 1e6),
  replicaUsdPerMonth: amount(0.01, 1e5),
  replicaCapacityTokensPerMonth: fc.double({ min: 1e6, max: 1e11, noNaN: true }),
  minReplicas: fc.integer({ min: 1, max: 4 }),
  spareReplicas: fc.integer({ min: 0, max: 2 }),
  marginalUsdPerMillionTokens: amount(1e-4, 5),
  oneTimeUsd: amount(0.01, 1e6),
  monthlyVolumeGrowthPercent: fc.double({ min: -10, max: 20, noNaN: true }),
  horizonMonths: fc.integer({ min: 12, max: 60 }),
  hybridShareOpen: fc.double({ min: 0, max: 1, noNaN: true }),
  maxCrossoverTokensPerMonth: fc.constant(1e15),
});

describe("properties", () => {
  it("API cost is linear in volume: f(a + b) = f(a) + f(b)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e13, noNaN: true }), fc.double({ min: 0, max: 1e13, noNaN: true }), fc.double({ min: 0, max: 1e13, noNaN: true }), fc.double({ min: 0, max: 1e13, noNaN: true }), (i1, o1, i2, o2) => {
        const whole = apiCostUsd(i1 + i2, o1 + o2, 2.5, 10);
        expect(whole).toBeCloseTo(apiCostUsd(i1, o1, 2.5, 10) + apiCostUsd(i2, o2, 2.5, 10), Math.max(0, 6 - Math.ceil(Math.log10(whole + 1))));
      }),
    );
  });

  it("at the crossover owned ≤ API, and at every smaller volume owned > API", () => {
    fc.assert(
      fc.property(arbScalars, fc.double({ min: 0, max: 1, noNaN: true }), (s, fraction) => {
        const v = core.crossoverTokensPerMonth(s);
        if (!Number.isFinite(v)) return;
        const tolerance = 1e-9 * Math.max(1, core.apiMonthlyUsd(s, v));
        expect(core.ownedMonthlyUsd(s, v)).toBeLessThanOrEqual(core.apiMonthlyUsd(s, v) + tolerance);
        const below = v * fraction * (1 - 1e-6);
        if (v > 0) expect(core.ownedMonthlyUsd(s, below)).toBeGreaterThan(core.apiMonthlyUsd(s, below));
      }),
      { numRuns: 500 },
    );
  });

  it("no crossover means owning is never strictly cheaper, at any volume tried", () => {
    fc.assert(
      fc.property(arbScalars, fc.double({ min: 0, max: 1e15, noNaN: true }), (s, volume) => {
        if (Number.isFinite(core.crossoverTokensPerMonth(s)) || volume > s.maxCrossoverTokensPerMonth) return;
        expect(core.ownedMonthlyUsd(s, volume)).toBeGreaterThanOrEqual(core.apiMonthlyUsd(s, volume) * (1 - 1e-12));
      }),
      { numRuns: 300 },
    );
  });

  it("owned cost never falls as volume grows", () => {
    fc.assert(
      fc.property(arbScalars, fc.double({ min: 0, max: 1e13, noNaN: true }), fc.double({ min: 0, max: 1e13, noNaN: true }), (s, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(core.ownedMonthlyUsd(s, high)).toBeGreaterThanOrEqual(core.ownedMonthlyUsd(s, low));
      }),
    );
  });

  it("break-even with flat volume is ⌊one-time ÷ saving⌋ + 1, and unchanged when every price is scaled", () => {
    fc.assert(
      fc.property(arbScalars, fc.double({ min: 0.01, max: 100, noNaN: true }), (raw, scale) => {
        const s = { ...raw, monthlyVolumeGrowthPercent: 0 };
        const saving = core.monthlySavingUsd(s);
        const month = core.breakEvenMonthOrZero(s);
        const ratio = s.oneTimeUsd / saving;
        if (saving > 0 && Math.abs(ratio - Math.round(ratio)) > 1e-6) {
          const expected = Math.floor(ratio) + 1;
          expect(month).toBe(expected <= s.horizonMonths ? expected : 0);
        }
        if (saving <= 0) expect(month).toBe(0);
        const scaled = {
          ...s,
          apiUsdPerMillionInputTokens: s.apiUsdPerMillionInputTokens * scale,
          apiUsdPerMillionOutputTokens: s.apiUsdPerMillionOutputTokens * scale,
          fixedUsdPerMonth: s.fixedUsdPerMonth * scale,
          peopleUsdPerMonth: s.peopleUsdPerMonth * scale,
          replicaUsdPerMonth: s.replicaUsdPerMonth * scale,
          marginalUsdPerMillionTokens: s.marginalUsdPerMillionTokens * scale,
          oneTimeUsd: s.oneTimeUsd * scale,
        };
        if (Math.abs(saving) > 1e-6 * core.apiMonthlyUsd(s, core.plannedTokensPerMonth(s)) && Math.abs(ratio - Math.round(ratio)) > 1e-6) {
          expect(core.breakEvenMonthOrZero(scaled)).toBe(month);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("the best hybrid share is never worse than all-API, all-owned or the chosen share", () => {
    fc.assert(
      fc.property(arbScalars, (s) => {
        const v = core.plannedTokensPerMonth(s);
        const best = core.bestHybridShare(s, v).usdPerMonth;
        const slack = 1e-9 * Math.max(1, best);
        expect(best).toBeLessThanOrEqual(core.hybridMonthlyUsd(s, v, 0) + slack);
        expect(best).toBeLessThanOrEqual(core.hybridMonthlyUsd(s, v, 1) + slack);
        expect(best).toBeLessThanOrEqual(core.hybridMonthlyUsd(s, v, s.hybridShareOpen) + slack);
      }),
      { numRuns: 300 },
    );
  });

  it("no output is NaN or Infinity", () => {
    fc.assert(
      fc.property(arbScalars, (s) => {
        const r = computeEconomics({
          inputTokensPerMonth: s.inputTokensPerMonth,
          outputTokensPerMonth: s.outputTokensPerMonth,
          api: { usdPerMillionInputTokens: s.apiUsdPerMillionInputTokens, usdPerMillionOutputTokens: s.apiUsdPerMillionOutputTokens },
          owned: { replicaUsdPerMonth: s.replicaUsdPerMonth, replicaCapacityTokensPerMonth: s.replicaCapacityTokensPerMonth, minReplicas: s.minReplicas, spareReplicas: s.spareReplicas, otherFixedUsdPerMonth: s.fixedUsdPerMonth, marginalUsdPerMillionTokens: s.marginalUsdPerMillionTokens },
          oneTime: { otherUsd: s.oneTimeUsd },
          monthlyVolumeGrowthPercent: s.monthlyVolumeGrowthPercent,
          horizonMonths: s.horizonMonths,
          hybridShareOpen: s.hybridShareOpen,
        });
        expect(nonFinitePaths(r)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe("bounded work for every volume", () => {
  // The engine runs inside page requests: its loops must be bounded by the horizon (or a fixed
  // constant), never by the token volume, or one extreme input stalls the server for every tenant.
  const extreme = toEconomicsScalars(
    parseEconomicsInputs({
      inputTokensPerMonth: 1e15,
      outputTokensPerMonth: 0,
      api: { usdPerMillionInputTokens: 10, usdPerMillionOutputTokens: 10 },
      owned: { replicaUsdPerMonth: 1, replicaCapacityTokensPerMonth: 1 },
      monthlyVolumeGrowthPercent: 30,
    }),
  );
  const scalars = { ...extreme, horizonMonths: 120 };

  it("break-even takes one step per month of a 120-month horizon at 1e15 tokens/month growing 30%", () => {
    const work: core.TLoopWork = { steps: 0 };
    const month = core.breakEvenMonthOrZero({ ...scalars, fixedUsdPerMonth: 1e12 }, work);
    expect(month).toBe(0);
    expect(work.steps).toBe(120);
  });

  it("the same bound holds for every volume from 1 to 1e17 tokens/month", () => {
    for (const volume of [1, 1e6, 1e12, 1e15, 1e17]) {
      const work: core.TLoopWork = { steps: 0 };
      core.breakEvenMonthOrZero({ ...scalars, inputTokensPerMonth: volume, fixedUsdPerMonth: 1e15 }, work);
      expect(work.steps).toBeLessThanOrEqual(scalars.horizonMonths);
    }
  });

  it("the cheapest hybrid share evaluates at most 10,002 splits whatever the volume", () => {
    for (const volume of [1e9, 1e15, 1e17]) {
      const work: core.TLoopWork = { steps: 0 };
      core.bestHybridShare(scalars, volume, work);
      expect(work.steps).toBeLessThanOrEqual(10_002);
    }
  });

  it("a full report's economics at the extreme stays finite", () => {
    const result = computeEconomics(
      parseEconomicsInputs({
        inputTokensPerMonth: 1e17,
        outputTokensPerMonth: 0,
        api: { usdPerMillionInputTokens: 10, usdPerMillionOutputTokens: 10 },
        owned: { replicaUsdPerMonth: 1, replicaCapacityTokensPerMonth: 1 },
        monthlyVolumeGrowthPercent: 100,
        horizonMonths: 60,
      }),
    );
    expect(nonFinitePaths(result.series)).toEqual([]);
  });
});
