import fc from "fast-check";

type TArb<A> = A extends fc.Arbitrary<infer T> ? T : never;
import { describe, expect, it } from "vitest";
import {
  compareOptions,
  DECIDABLE_CAPABILITY,
  isDecidable,
  MIN_PROBABILITY_FOR_GO,
  rankReasons,
  recommend,
  REASON_SEVERITY_ORDER,
  type TCapabilityStatus,
  type TDecisionOption,
  type TOptionFamily,
  type TRecommendationInput,
} from "./recommendation";

let seq = 0;
/** An option with plain defaults: feasible, capability met, costed. */
function opt(p: Partial<TDecisionOption> & { npvUsd: number | null }): TDecisionOption {
  seq += 1;
  const family = p.family ?? "api";
  return {
    id: p.id ?? `o${seq}`,
    kind: p.kind ?? (family === "api" ? "api-tier" : family === "hosted-open" ? "hosted-serverless" : family === "hybrid" ? "hybrid" : "self-owned"),
    family,
    label: p.label ?? `Option ${seq}`,
    provider: "p",
    vendor: family === "api" ? "VendorA" : null,
    isIncumbent: false,
    isConfiguredSelfHost: false,
    isOpenModel: family !== "api",
    monthlyUsd: p.npvUsd === null ? null : p.npvUsd / 36,
    usdPerMillionTokens: 1,
    oneTimeUsd: 0,
    npvVendorUsd: 0,
    horizonUsd: p.npvUsd,
    tco36Usd: p.npvUsd,
    upfrontUsd: 0,
    residualUsd: 0,
    committedUsd: 0,
    openShare: null,
    checks: [],
    capability: { status: family === "api" ? "baseline" : "meets", text: "capability" },
    isFeasible: p.npvUsd !== null,
    exclusions: [],
    formula: "f",
    notes: [],
    sources: [],
    ...p,
  };
}

const incumbent = (npvUsd: number, extra: Partial<TDecisionOption> = {}) => opt({ id: "incumbent", kind: "incumbent", label: "Today's API", isIncumbent: true, npvUsd, ...extra });
const excluded = (o: TDecisionOption, text = "Processes data outside the EU."): TDecisionOption => ({ ...o, isFeasible: false, exclusions: [text], checks: [{ key: "residency", status: "broken", text }] });

const base: TRecommendationInput = {
  candidateName: "Llama 3.3 70B",
  incumbentName: "OpenAI gpt-4o",
  licence: { status: "complete", licenceName: "Llama 3.3 licence", blockers: [], needsCounsel: [] },
  capability: { status: "complete", verdict: "pass", weightedGap: 0.005, interval: { lower: -0.01, upper: 0.02 }, tolerance: 0.03, sampleGrowthFactor: null, workloads: [{ name: "w", verdict: "pass", samplesNeededPerSide: null }] },
  infrastructure: { status: "complete", fits: true, latencyTargetMet: true, gpuName: "H100" },
  economics: null,
  safety: { status: "complete", readinessPct: 80, topGaps: [] },
  lifecycle: { status: "complete", fteEquivalent: 1, level: "light", usdPerMonth: 20_000 },
  defaultedInputs: ["Horizon: 36 months"],
  options: [],
  context: { horizonMonths: 36, discountRatePercent: 8, missingStages: [], notCostedReason: null },
};
const withOptions = (options: TDecisionOption[], patch: Partial<TRecommendationInput> = {}): TRecommendationInput => ({ ...base, ...patch, options });

describe("recommend: the verdict follows the cheapest feasible option with known capability", () => {
  it.each<{ name: string; options: TDecisionOption[]; verdict: string; pick: string }>([
    { name: "owning is cheapest", options: [incumbent(1_000_000), opt({ id: "own", family: "self-hosted", npvUsd: 600_000 })], verdict: "go-self-host", pick: "own" },
    { name: "hosted open weights is cheapest", options: [incumbent(1_000_000), opt({ id: "own", family: "self-hosted", npvUsd: 600_000 }), opt({ id: "hosted", family: "hosted-open", npvUsd: 200_000 })], verdict: "go-hosted", pick: "hosted" },
    { name: "today's API is cheapest", options: [incumbent(100_000), opt({ id: "own", family: "self-hosted", npvUsd: 600_000 })], verdict: "stay", pick: "incumbent" },
    { name: "a validated cheaper tier: stay and switch", options: [incumbent(100_000), opt({ id: "tier", family: "api", npvUsd: 50_000, capability: { status: "meets", text: "validated" } })], verdict: "stay", pick: "tier" },
    { name: "a hybrid cheaper than both sides", options: [incumbent(1_000_000), opt({ id: "own", family: "self-hosted", npvUsd: 900_000 }), opt({ id: "mix", family: "hybrid", npvUsd: 700_000, openShare: 0.6 })], verdict: "hybrid", pick: "mix" },
    { name: "a hybrid dearer than a side is not recommended", options: [incumbent(1_000_000), opt({ id: "own", family: "self-hosted", npvUsd: 900_000 }), opt({ id: "mix", family: "hybrid", npvUsd: 1_300_000, openShare: 0.5 })], verdict: "go-self-host", pick: "own" },
    { name: "a tie goes to today's API", options: [incumbent(500_000), opt({ id: "own", family: "self-hosted", npvUsd: 500_000 })], verdict: "stay", pick: "incumbent" },
  ])("$name → $verdict", ({ options, verdict, pick }) => {
    const r = recommend(withOptions(options));
    expect(r.verdict).toBe(verdict);
    expect(r.recommendedOptionId).toBe(pick);
    expect(r.nonCostReasons).toEqual([]);
  });

  it("a hybrid's share is reported only for a hybrid", () => {
    const r = recommend(withOptions([incumbent(1_000_000), opt({ id: "mix", family: "hybrid", npvUsd: 700_000, openShare: 0.6 })]));
    expect(r.hybridShareOpen).toBe(0.6);
    expect(recommend(withOptions([incumbent(100_000), opt({ id: "mix", family: "hybrid", npvUsd: 700_000, openShare: 0.6 })])).hybridShareOpen).toBeNull();
  });
});

describe("recommend: non-cost reasons are printed when the pick is not the cheapest", () => {
  it("capability not settled keeps today's API and says why the cheaper route is not taken", () => {
    const open = opt({ id: "hosted", family: "hosted-open", label: "Llama on Groq", npvUsd: 300_000, capability: { status: "not-settled", text: "Gap −1.4 pp straddles −3 pp." } });
    const r = recommend(withOptions([incumbent(1_500_000), open], { capability: { ...base.capability!, verdict: "inconclusive" } }));
    expect(r.verdict).toBe("stay");
    expect(r.recommendedOptionId).toBe("incumbent");
    expect(r.nonCostReasons).toHaveLength(1);
    expect(r.nonCostReasons[0]).toMatch(/Llama on Groq is cheaper .* not recommended: Gap −1.4 pp straddles/);
    expect(r.reasons.some((x) => x.kind === "capability" && x.severity === "limiting")).toBe(true);
  });

  it("unvalidated API tiers are named together, with the step that would make them eligible", () => {
    const r = recommend(withOptions([incumbent(100_000), opt({ label: "nano", npvUsd: 10_000, capability: { status: "not-validated", text: "n" } })]));
    expect(r.verdict).toBe("stay");
    expect(r.nonCostReasons[0]).toMatch(/1 other API offering\(s\) cost less but are not validated .*nano/);
  });

  it(`risk: a self-hosted pick that fewer than ${MIN_PROBABILITY_FOR_GO * 100}% of scenarios favour gives way to the API, with the reason`, () => {
    const own = opt({ id: "own", family: "self-hosted", isConfiguredSelfHost: true, npvUsd: 900_000 });
    const economics = { status: "complete" as const, plannedTokensPerMonth: 1e9, apiUsdPerMonth: 1, ownedUsdPerMonth: 1, monthlySavingUsd: 1, crossoverTokensPerMonth: 5e8, breakEvenMonth: 3, horizonMonths: 36, oneTimeUsd: 0, horizonSavingBeforeOneTimeUsd: 1, bestHybridShare: 1, bestHybridUsdPerMonth: 1, apiUsdPerMillionTokens: 1, ownedFullReplicaUsdPerMillionTokens: 1, maxUsdPerGpuHourForCrossover: null, probabilityOwnedCheaper: 0.55 };
    const r = recommend(withOptions([incumbent(1_000_000), own], { economics }));
    expect(r.verdict).toBe("stay");
    expect(r.nonCostReasons[0]).toMatch(/only 55% of simulated scenarios favour it/);
    expect(recommend(withOptions([incumbent(1_000_000), own], { economics: { ...economics, probabilityOwnedCheaper: 0.8 } })).verdict).toBe("go-self-host");
  });
});

describe("recommend: blocked and not enough information", () => {
  it("a licence blocker says Blocked with the clause, and keeps the API meanwhile", () => {
    const r = recommend(withOptions([incumbent(1_000_000), opt({ id: "own", family: "self-hosted", npvUsd: 100_000 })], { licence: { status: "complete", licenceName: "Qwen research licence", blockers: [{ title: "Commercial use is not permitted", section: "§2", quote: "for non-commercial purposes only" }], needsCounsel: [] } }));
    expect(r.verdict).toBe("blocked");
    expect(r.blockedBy).toBe("licence");
    expect(r.headline).toBe("Blocked by the licence: Qwen research licence: Commercial use is not permitted (§2). Meanwhile stay on Today's API.");
    expect(r.recommendedOptionId).toBe("incumbent");
    expect(rankReasons(r.reasons)[0]).toMatchObject({ kind: "licence", severity: "blocker" });
    expect(r.reasons[0].text).toMatch(/"for non-commercial purposes only"/);
  });

  it("every option excluded by a constraint is Blocked, naming the constraint", () => {
    const r = recommend(withOptions([excluded(incumbent(100_000)), excluded(opt({ family: "hosted-open", npvUsd: 50_000 }))]));
    expect(r.verdict).toBe("blocked");
    expect(r.blockedBy).toBe("constraint");
    expect(r.recommendedOptionId).toBeNull();
    expect(r.headline).toMatch(/no option meets your constraints. Processes data outside the EU./);
  });

  it("nothing costed (a blank) is not enough information, naming the stages", () => {
    const r = recommend({ ...base, options: [], context: { ...base.context, notCostedReason: "the monthly input and output tokens are not entered (economics stage)", missingStages: ["licence", "capability", "economics"] } });
    expect(r.verdict).toBe("insufficient");
    expect(r.missing).toEqual(["Licence diligence", "Capability validation", "Economics"]);
    expect(r.isConclusive).toBe(false);
  });

  it("a cheaper open route with no capability results is not enough information, not a stay", () => {
    const open = opt({ id: "own", family: "self-hosted", npvUsd: 300_000, capability: { status: "not-validated", text: "no results" } });
    const r = recommend(withOptions([incumbent(1_000_000), open], { capability: null }));
    expect(r.verdict).toBe("insufficient");
    expect(r.missing).toEqual(["Capability validation"]);
  });

  it("today's API excluded by residency and the compliant routes not settled: not enough information", () => {
    const open = opt({ id: "eu", family: "hosted-open", label: "Mistral EU endpoint", npvUsd: 5_000, capability: { status: "not-settled", text: "straddles" } });
    const r = recommend(withOptions([excluded(incumbent(8_000)), open], { capability: { ...base.capability!, verdict: "inconclusive" } }));
    expect(r.verdict).toBe("insufficient");
    expect(r.headline).toMatch(/OpenAI gpt-4o as used today is excluded by data residency/);
    expect(r.headline).toMatch(/cheapest: Mistral EU endpoint/);
  });
});

describe("ranking", () => {
  it("ranks reasons blockers first, then by weight", () => {
    const ranked = rankReasons([
      { kind: "safety", severity: "supporting", weight: 1, text: "a" },
      { kind: "licence", severity: "blocker", weight: 2, text: "b" },
      { kind: "economics", severity: "limiting", weight: 3, text: "c" },
    ]);
    expect(ranked.map((r) => r.severity)).toEqual(["blocker", "limiting", "supporting"]);
    expect(REASON_SEVERITY_ORDER[0]).toBe("blocker");
  });
});

// ---------------------------------------------------------------------------------------------
// Invariants over generated option sets

const FAMILIES: TOptionFamily[] = ["api", "hosted-open", "self-hosted", "hybrid"];
const STATUSES: TCapabilityStatus[] = ["baseline", "meets", "partial", "not-settled", "not-validated", "fails"];

const arbOption = fc.record({
  family: fc.constantFrom(...FAMILIES),
  npv: fc.option(fc.double({ min: 0, max: 1e7, noNaN: true }), { nil: null, freq: 8 }),
  feasible: fc.boolean(),
  status: fc.constantFrom(...STATUSES),
  licenceUnknown: fc.boolean(),
  configured: fc.boolean(),
});

const arbInput = fc.record({
  options: fc.array(arbOption, { minLength: 0, maxLength: 8 }),
  incumbentNpv: fc.option(fc.double({ min: 0, max: 1e7, noNaN: true }), { nil: null, freq: 8 }),
  incumbentFeasible: fc.boolean(),
  blockers: fc.boolean(),
  capabilityStarted: fc.boolean(),
  licenceStarted: fc.boolean(),
  probability: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
});

function generated(g: TArb<typeof arbInput>): TRecommendationInput {
  const options: TDecisionOption[] = [];
  if (g.incumbentNpv !== null) options.push(g.incumbentFeasible ? incumbent(g.incumbentNpv) : excluded(incumbent(g.incumbentNpv)));
  g.options.forEach((o, i) => {
    let x = opt({ id: `g${i}`, family: o.family, npvUsd: o.npv, isConfiguredSelfHost: o.family === "self-hosted" && o.configured, capability: { status: o.status === "baseline" && o.family !== "api" ? "meets" : o.status, text: `capability ${o.status}` } });
    if (x.isOpenModel && o.licenceUnknown) x = { ...x, checks: [{ key: "licence", status: "unknown", text: "licence not checked" }] };
    if (!o.feasible) x = excluded(x);
    options.push(x);
  });
  const economics = g.probability === null ? null : { status: "complete" as const, plannedTokensPerMonth: 1e9, apiUsdPerMonth: 1, ownedUsdPerMonth: 1, monthlySavingUsd: 1, crossoverTokensPerMonth: null, breakEvenMonth: null, horizonMonths: 36, oneTimeUsd: 0, horizonSavingBeforeOneTimeUsd: 0, bestHybridShare: 0, bestHybridUsdPerMonth: 0, apiUsdPerMillionTokens: 1, ownedFullReplicaUsdPerMillionTokens: 1, maxUsdPerGpuHourForCrossover: null, probabilityOwnedCheaper: g.probability };
  return {
    ...base,
    options,
    economics,
    licence: { status: g.licenceStarted ? "complete" : "not-started", licenceName: "L", blockers: g.blockers ? [{ title: "Blocked use" }] : [], needsCounsel: [] },
    capability: g.capabilityStarted ? base.capability : null,
    context: { ...base.context, notCostedReason: options.some((o) => o.npvUsd !== null) ? null : "nothing costed" },
  };
}

describe("invariants (fast-check)", () => {
  it("the recommended option is never dearer than a feasible alternative unless a printed non-cost reason requires it", () => {
    fc.assert(
      fc.property(arbInput, (g) => {
        const input = generated(g);
        const r = recommend(input);
        const rec = input.options.find((o) => o.id === r.recommendedOptionId);
        if (!rec || r.verdict === "blocked") return;
        expect(rec.isFeasible).toBe(true);
        const cheaper = input.options.filter((o) => o.isFeasible && o.npvUsd !== null && compareOptions(o, rec) < 0);
        if (cheaper.length > 0) {
          expect(r.nonCostReasons.length).toBeGreaterThan(0);
          for (const o of cheaper) {
            // A cheaper option passed over is either not decidable (capability, licence) or lost to the stated risk rule.
            const isRisk = r.nonCostReasons.some((t) => /simulated scenarios favour/.test(t));
            expect(!isDecidable(o) || isRisk).toBe(true);
          }
        }
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it("a hybrid is recommended only when it is the cheapest decidable option or a stated reason requires it", () => {
    fc.assert(
      fc.property(arbInput, (g) => {
        const input = generated(g);
        const r = recommend(input);
        if (r.verdict !== "hybrid") return;
        const rec = input.options.find((o) => o.id === r.recommendedOptionId)!;
        expect(rec.family).toBe("hybrid");
        const decidable = input.options.filter(isDecidable);
        const cheapestDecidable = [...decidable].sort(compareOptions)[0];
        expect(cheapestDecidable.id === rec.id || r.nonCostReasons.length > 0).toBe(true);
      }),
      { numRuns: 400, seed: 12 },
    );
  });

  it("a verdict never rests on an unknown: no go, hybrid or stay without a cost and a known capability (and licence, for open weights)", () => {
    fc.assert(
      fc.property(arbInput, (g) => {
        const input = generated(g);
        const r = recommend(input);
        if (input.context.notCostedReason) expect(r.verdict).toBe("insufficient");
        if (!["go-self-host", "go-hosted", "hybrid", "stay"].includes(r.verdict)) return;
        const rec = input.options.find((o) => o.id === r.recommendedOptionId)!;
        expect(rec.npvUsd).not.toBeNull();
        expect(DECIDABLE_CAPABILITY).toContain(rec.capability.status);
        if (rec.isOpenModel) expect(rec.checks.some((c) => c.key === "licence" && c.status === "unknown")).toBe(false);
        if (r.verdict !== "stay") expect(input.licence?.blockers ?? []).toEqual([]);
      }),
      { numRuns: 400, seed: 13 },
    );
  });
});
