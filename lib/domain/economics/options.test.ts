import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capitalRecoveryFactor } from "../shared";
import { cashFlow, discountFactor, monthlyCostUsd, paybackMonth, summariseCash, trendFactor, vendorMonthlyUsd, type TPerTokenCost, type TReplicaCost, type TVolumePlan } from "./options";

const plan: TVolumePlan = { inputTokensPerMonth: 9e8, outputTokensPerMonth: 1e8, monthlyGrowthPercent: 0, horizonMonths: 36 };
const api: TPerTokenCost = { kind: "per-token", usdPerMillionInputTokens: 2.5, usdPerMillionOutputTokens: 10, fixedUsdPerMonth: 0, oneTimeUsd: 0, priceTrendPercentPerYear: 0 };
const rented: TReplicaCost = {
  kind: "replicas",
  replicaUsdPerMonth: 2_000,
  replicaCapacityTokensPerMonth: 4e8,
  minReplicas: 1,
  fixedUsdPerMonth: 500,
  marginalUsdPerMillionTokens: 0,
  oneTimeUsd: 10_000,
  gpuPriceTrendPercentPerYear: 0,
  owned: null,
  commitmentMonths: null,
};

describe("cost models", () => {
  it("prices input and output tokens each at their own price", () => {
    // 900M × $2.50/M + 100M × $10/M = $2,250 + $1,000 (formulas.md "Money").
    expect(monthlyCostUsd(api, 9e8, 1e8)).toBeCloseTo(3_250, 9);
    expect(vendorMonthlyUsd(api, 9e8, 1e8)).toBeCloseTo(3_250, 9);
  });

  it("climbs the replica staircase: ⌈1e9 ÷ 4e8⌉ = 3 replicas", () => {
    expect(monthlyCostUsd(rented, 9e8, 1e8)).toBeCloseTo(500 + 3 * 2_000, 9);
    expect(vendorMonthlyUsd(rented, 9e8, 1e8)).toBe(0);
  });

  it("a hybrid pays the API for its share, the open side for the rest, and the router once", () => {
    const h = { kind: "hybrid" as const, openShare: 0.4, open: rented, api, routerUsdPerMonth: 1_000 };
    // API on 60%: 0.6 × 3,250 = 1,950; open on 400M tokens: 1 replica = 2,000 + fixed 500; router 1,000.
    expect(monthlyCostUsd(h, 9e8, 1e8)).toBeCloseTo(1_950 + 2_500 + 1_000, 9);
    expect(vendorMonthlyUsd(h, 9e8, 1e8)).toBeCloseTo(1_950, 9);
  });
});

describe("cash flows", () => {
  it("one-time costs are paid in month 0; a per-token option pays the same every month on a flat plan", () => {
    const flow = cashFlow({ ...api, oneTimeUsd: 5_000 }, plan);
    expect(flow.months).toHaveLength(37);
    expect(flow.months[0].usd).toBe(5_000);
    expect(flow.months.slice(1).every((m) => Math.abs(m.usd - 3_250) < 1e-9)).toBe(true);
  });

  it("a price trend compounds monthly: −10% a year leaves 0.9 of the price in month 13", () => {
    expect(trendFactor(-10, 13)).toBeCloseTo(0.9, 12);
    const flow = cashFlow({ ...api, priceTrendPercentPerYear: -10 }, plan);
    expect(flow.months[13].usd).toBeCloseTo(3_250 * 0.9, 9);
  });

  it("owned hardware: bought up front, replaced at the end of its life, book value counted back", () => {
    const owned: TReplicaCost = { ...rented, oneTimeUsd: 0, owned: { capexUsdPerReplica: 120_000, opexUsdPerReplicaMonth: 300, lifeMonths: 48 } };
    const flow = cashFlow(owned, { ...plan, horizonMonths: 36 });
    // Three replicas for 1e9 tokens, bought before go-live.
    expect(flow.months[0]).toMatchObject({ usd: 360_000, capexUsd: 360_000 });
    expect(flow.months[1].usd).toBeCloseTo(500 + 3 * 300, 9);
    // After 36 of 48 months a quarter of the price is left: 3 × 120,000 × 12/48.
    expect(flow.residualUsd).toBeCloseTo(90_000, 6);
    const longer = cashFlow(owned, { ...plan, horizonMonths: 60 }, 60);
    expect(longer.months[48].capexUsd).toBeCloseTo(360_000, 6);
    expect(longer.residualUsd).toBeCloseTo(360_000 * (36 / 48), 6);
  });

  it("volume growth buys more hardware when it is needed, not before", () => {
    const owned: TReplicaCost = { ...rented, owned: { capexUsdPerReplica: 100_000, opexUsdPerReplicaMonth: 0, lifeMonths: 60 } };
    const flow = cashFlow(owned, { ...plan, inputTokensPerMonth: 3e8, outputTokensPerMonth: 0, monthlyGrowthPercent: 10 });
    expect(flow.months[0].capexUsd).toBe(100_000);
    const firstBuy = flow.months.findIndex((m, i) => i > 0 && m.capexUsd > 0);
    // 3e8 × 1.1^(m−1) passes 4e8 in month 5 (1.1^4 = 1.46).
    expect(firstBuy).toBe(5);
  });

  it("reserved capacity records its commitment", () => {
    expect(cashFlow({ ...rented, commitmentMonths: 12 }, plan).committedUsd).toBeCloseTo(3 * 2_000 * 12, 9);
  });
});

describe("present value, TCO and payback", () => {
  it("discounts at an annual rate compounded monthly: 1 paid in month 12 at 10% is worth 1 ÷ 1.1", () => {
    expect(discountFactor(10, 12)).toBeCloseTo(1 / 1.1, 12);
    expect(discountFactor(10, 0)).toBe(1);
  });

  it("the present value of the capital-recovery payments equals the price (the CRF's definition)", () => {
    // CRF at 8% over 4 years: annual payment P·CRF repays P at 8% (formulas.md "Money").
    const crf = capitalRecoveryFactor(0.08, 4);
    const pv = [1, 2, 3, 4].reduce((s, y) => s + (100_000 * crf) / Math.pow(1.08, y), 0);
    expect(pv).toBeCloseTo(100_000, 6);
  });

  it("summarises NPV, horizon total, 3-year TCO and the vendor's share", () => {
    const flow = cashFlow({ ...api, oneTimeUsd: 1_000 }, plan, 36);
    const s = summariseCash(flow, 36, 0);
    expect(s.horizonUsd).toBeCloseTo(1_000 + 36 * 3_250, 6);
    expect(s.npvUsd).toBeCloseTo(s.horizonUsd, 6);
    expect(s.tco36Usd).toBeCloseTo(s.horizonUsd, 6);
    expect(s.npvVendorUsd).toBeCloseTo(36 * 3_250, 6);
    expect(s.upfrontUsd).toBe(1_000);
  });

  it("payback is the first month cumulative cash is no more than today's", () => {
    const today = cashFlow(api, plan);
    const option = cashFlow({ ...rented, oneTimeUsd: 10_000 }, plan);
    // Saving per month: 3,250 − (500 + 6,000) < 0: never pays back.
    expect(paybackMonth(option, today, 36)).toBeNull();
    const cheap = cashFlow({ ...api, usdPerMillionInputTokens: 1, usdPerMillionOutputTokens: 1, oneTimeUsd: 4_500 }, plan);
    // Saves 3,250 − 1,000 = 2,250 a month: 4,500 is back after month 2.
    expect(paybackMonth(cheap, today, 36)).toBe(2);
  });

  it("NPV falls as the discount rate rises, for any non-negative cash (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true }), (oneTime, r1, r2) => {
        const flow = cashFlow({ ...api, oneTimeUsd: oneTime }, plan);
        const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
        expect(summariseCash(flow, 36, hi).npvUsd).toBeLessThanOrEqual(summariseCash(flow, 36, lo).npvUsd + 1e-6);
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it("work is one step per month whatever the volume (1e17 tokens/month)", () => {
    const t0 = performance.now();
    const flow = cashFlow({ ...rented, owned: { capexUsdPerReplica: 1, opexUsdPerReplicaMonth: 1, lifeMonths: 12 } }, { ...plan, inputTokensPerMonth: 1e17, monthlyGrowthPercent: 30, horizonMonths: 60 }, 60);
    expect(flow.months).toHaveLength(61);
    expect(performance.now() - t0).toBeLessThan(50);
  });
});
