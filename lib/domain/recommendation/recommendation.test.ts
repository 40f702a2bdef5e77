import { describe, expect, it } from "vitest";
import { MIN_PROBABILITY_FOR_GO, rankReasons, recommend, REASON_SEVERITY_ORDER, type TRecommendationInput, type TVerdict } from "./recommendation";

type TEconomics = NonNullable<TRecommendationInput["economics"]>;

/** Everything favours owning: clean licence, capability pass, owning $20k/month cheaper. */
const economics: TEconomics = {
  status: "complete",
  plannedTokensPerMonth: 10e9,
  apiUsdPerMonth: 60_000,
  ownedUsdPerMonth: 40_000,
  monthlySavingUsd: 20_000,
  crossoverTokensPerMonth: 6e9,
  breakEvenMonth: 4,
  horizonMonths: 36,
  oneTimeUsd: 60_000,
  horizonSavingBeforeOneTimeUsd: 720_000,
  bestHybridShare: 1,
  bestHybridUsdPerMonth: 40_000,
  apiUsdPerMillionTokens: 6,
  ownedFullReplicaUsdPerMillionTokens: 1.2,
  maxUsdPerGpuHourForCrossover: 14,
  probabilityOwnedCheaper: 0.9,
};

const base: TRecommendationInput = {
  candidateName: "Llama 3.3 70B",
  incumbentName: "OpenAI gpt-4o",
  licence: { status: "complete", licenceName: "Llama 3.3 licence", blockers: [], needsCounsel: [] },
  capability: {
    status: "complete",
    verdict: "pass",
    weightedGap: -0.005,
    interval: { lower: -0.02, upper: 0.01 },
    tolerance: 0.03,
    sampleGrowthFactor: null,
    workloads: [{ name: "Summaries", verdict: "pass", samplesNeededPerSide: null }],
  },
  infrastructure: { status: "complete", fits: true, latencyTargetMet: true, gpuName: "H100" },
  economics,
  safety: { status: "complete", readinessPct: 80, topGaps: [] },
  lifecycle: { status: "complete", fteEquivalent: 1.5, level: "moderate", usdPerMonth: 25_000 },
  defaultedInputs: [],
};

function withInput(patch: Partial<TRecommendationInput>): TRecommendationInput {
  return { ...base, ...patch };
}
const withEconomics = (patch: Partial<TEconomics>) => withInput({ economics: { ...economics, ...patch } });

type TCase = {
  name: string;
  input: TRecommendationInput;
  verdict: TVerdict;
  isConclusive?: boolean;
  firstReason?: { kind: string; severity: string };
  change?: RegExp;
  condition?: RegExp;
  hybridShareOpen?: number | null;
};

const cases: TCase[] = [
  { name: "everything favours owning", input: base, verdict: "go", isConclusive: true, change: /If volume fell below 6B tokens\/month \(60% of today's\)/ },
  {
    name: "a licence blocker",
    input: withInput({ licence: { status: "complete", licenceName: "Qwen Research licence", blockers: [{ title: "Commercial use is not allowed" }], needsCounsel: [] } }),
    verdict: "no-go",
    firstReason: { kind: "licence", severity: "blocker" },
    change: /A licence that permits what you plan \(commercial use is not allowed\)/,
  },
  {
    name: "a blocker found on default facts still blocks",
    input: withInput({ licence: { status: "not-started", licenceName: "CC-BY-NC-4.0", blockers: [{ title: "Commercial use is not allowed" }], needsCounsel: [] } }),
    verdict: "no-go",
    firstReason: { kind: "licence", severity: "blocker" },
  },
  {
    name: "licence checked on default facts only",
    input: withInput({ licence: { status: "not-started", licenceName: "Apache-2.0", blockers: [], needsCounsel: [] } }),
    verdict: "go",
    isConclusive: false,
    condition: /Licence diligence: enter your users/,
  },
  {
    name: "clauses for counsel",
    input: withInput({ licence: { status: "complete", licenceName: "Llama 3.3 licence", blockers: [], needsCounsel: [{ title: "EU multimodal clause" }] } }),
    verdict: "go",
    condition: /Counsel to review 1 licence clause/,
  },
  { name: "no licence on file", input: withInput({ licence: null }), verdict: "go", isConclusive: false, condition: /record the model's licence/ },
  {
    name: "the model does not fit",
    input: withInput({ infrastructure: { status: "complete", fits: false, latencyTargetMet: false, gpuName: "L4" } }),
    verdict: "no-go",
    firstReason: { kind: "infrastructure", severity: "blocker" },
    change: /more memory/,
  },
  {
    name: "capability fails on every workload",
    input: withInput({ capability: { ...base.capability!, verdict: "fail", weightedGap: -0.08, interval: { lower: -0.11, upper: -0.05 }, workloads: [{ name: "Summaries", verdict: "fail", samplesNeededPerSide: null }] } }),
    verdict: "no-go",
    firstReason: { kind: "capability", severity: "blocker" },
    change: /A capability gap within the −3 pp tolerance: today the upper 95% limit is −5 pp/,
  },
  {
    name: "capability fails overall but passes on one workload",
    input: withInput({
      capability: {
        ...base.capability!,
        verdict: "fail",
        weightedGap: -0.06,
        interval: { lower: -0.09, upper: -0.04 },
        workloads: [
          { name: "Summaries", verdict: "pass", samplesNeededPerSide: null },
          { name: "Legal Q&A", verdict: "fail", samplesNeededPerSide: null },
        ],
      },
    }),
    verdict: "hybrid",
    firstReason: { kind: "capability", severity: "limiting" },
  },
  {
    name: "capability inconclusive",
    input: withInput({
      capability: { ...base.capability!, verdict: "inconclusive", weightedGap: -0.014, interval: { lower: -0.043, upper: 0.015 }, sampleGrowthFactor: 7, workloads: [{ name: "Summaries", verdict: "inconclusive", samplesNeededPerSide: 3500 }] },
    }),
    verdict: "hybrid",
    isConclusive: false,
    change: /n ≥ 3,500 samples per side on each workload \(about 7× today's samples\)/,
  },
  {
    name: "capability results without sample sizes",
    input: withInput({ capability: { ...base.capability!, verdict: "no-interval", interval: null } }),
    verdict: "hybrid",
    change: /Sample counts/,
  },
  { name: "capability not validated", input: withInput({ capability: null }), verdict: "hybrid", isConclusive: false, change: /on your own workloads/ },
  {
    name: "economics missing",
    input: withInput({ economics: null, economicsMissing: "the monthly input and output tokens are not entered" }),
    verdict: "no-go",
    isConclusive: false,
    firstReason: { kind: "economics", severity: "blocker" },
  },
  {
    name: "the API is cheaper below a crossover",
    input: withEconomics({ ownedUsdPerMonth: 70_000, monthlySavingUsd: -10_000, crossoverTokensPerMonth: 23e9, breakEvenMonth: null, bestHybridShare: 0, bestHybridUsdPerMonth: 60_000 }),
    verdict: "no-go",
    firstReason: { kind: "economics", severity: "blocker" },
    change: /At 2\.3× today's volume \(23B tokens\/month\) owning becomes cheaper/,
  },
  {
    name: "owning never gets cheaper",
    input: withEconomics({ ownedUsdPerMonth: 90_000, monthlySavingUsd: -30_000, crossoverTokensPerMonth: null, breakEvenMonth: null, bestHybridShare: 0, bestHybridUsdPerMonth: 60_000, ownedFullReplicaUsdPerMillionTokens: 7.5, maxUsdPerGpuHourForCrossover: 1.9 }),
    verdict: "no-go",
    change: /no volume makes it cheaper\. A GPU price below \$1\.90\/GPU-hour/,
  },
  {
    name: "cheaper per month, one-time costs never recovered",
    input: withEconomics({ monthlySavingUsd: 1_000, ownedUsdPerMonth: 59_000, breakEvenMonth: null, oneTimeUsd: 100_000, horizonSavingBeforeOneTimeUsd: 36_000 }),
    verdict: "no-go",
    change: /One-time costs below \$36,000 \(today \$100,000\) would break even within 36 months/,
  },
  {
    name: "dearer today, growth pays back within the horizon",
    input: withEconomics({ ownedUsdPerMonth: 64_000, monthlySavingUsd: -4_000, crossoverTokensPerMonth: 11e9, breakEvenMonth: 19, bestHybridShare: 0, bestHybridUsdPerMonth: 60_000 }),
    verdict: "hybrid",
    firstReason: { kind: "economics", severity: "limiting" },
  },
  {
    name: "owning everything is dearer, but routing a share fills whole replicas",
    input: withEconomics({ ownedUsdPerMonth: 62_000, monthlySavingUsd: -2_000, crossoverTokensPerMonth: 12e9, breakEvenMonth: null, bestHybridShare: 0.6, bestHybridUsdPerMonth: 55_000 }),
    verdict: "hybrid",
    hybridShareOpen: 0.6,
  },
  {
    name: "a hybrid saving too small to run two stacks",
    input: withEconomics({ ownedUsdPerMonth: 62_000, monthlySavingUsd: -2_000, crossoverTokensPerMonth: 12e9, breakEvenMonth: null, bestHybridShare: 0.6, bestHybridUsdPerMonth: 59_900 }),
    verdict: "no-go",
  },
  {
    name: "the saving is thin against the uncertainty",
    input: withEconomics({ probabilityOwnedCheaper: MIN_PROBABILITY_FOR_GO - 0.15 }),
    verdict: "hybrid",
    change: /≥ 70% of scenarios favour owning/,
  },
  {
    name: "safety readiness is low",
    input: withInput({ safety: { status: "complete", readinessPct: 30, topGaps: ["Output filtering with a guard model"] } }),
    verdict: "go",
    condition: /Raise safety readiness above 50% before go-live \(start with Output filtering/,
    change: /Safety readiness of 50% or more \(today 30%\)/,
  },
  { name: "safety not assessed", input: withInput({ safety: { status: "not-started", readinessPct: 0, topGaps: [] } }), verdict: "go", condition: /Assess safety hardening/ },
  {
    name: "a heavy lifecycle burden",
    input: withInput({ lifecycle: { status: "complete", fteEquivalent: 4.2, level: "heavy", usdPerMonth: 70_000 } }),
    verdict: "go",
    condition: /Staff the lifecycle team/,
  },
  {
    name: "licence blocker and economics both against: blockers come first",
    input: withInput({
      licence: { status: "complete", licenceName: "X", blockers: [{ title: "No licence for EU-based organisations" }], needsCounsel: [] },
      economics: { ...economics, monthlySavingUsd: -5_000, ownedUsdPerMonth: 65_000, breakEvenMonth: null, bestHybridShare: 0, bestHybridUsdPerMonth: 60_000 },
    }),
    verdict: "no-go",
    firstReason: { kind: "licence", severity: "blocker" },
  },
];

describe("recommend", () => {
  it.each(cases)("$name → $verdict", ({ input, verdict, isConclusive, firstReason, change, condition, hybridShareOpen }) => {
    const r = recommend(input);
    expect(r.verdict).toBe(verdict);
    expect(r.headline.toLowerCase().startsWith(verdict === "no-go" ? "no-go" : verdict)).toBe(true);
    if (isConclusive !== undefined) expect(r.isConclusive).toBe(isConclusive);
    if (firstReason) expect(r.reasons[0]).toMatchObject(firstReason);
    if (change) expect(r.whatWouldChange.map((c) => c.text).join("\n")).toMatch(change);
    if (condition) expect(r.conditions.join("\n")).toMatch(condition);
    if (hybridShareOpen !== undefined) expect(r.hybridShareOpen).toBe(hybridShareOpen);
    // Ranked: severity order never goes backwards.
    const ranks = r.reasons.map((x) => REASON_SEVERITY_ORDER.indexOf(x.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("a go lists what would turn it back (towards no-go); a no-go lists what would turn it to go", () => {
    expect(recommend(base).whatWouldChange.every((c) => c.direction === "towards-no-go" || c.kind === "safety")).toBe(true);
    const noGo = recommend(cases.find((c) => c.name === "the API is cheaper below a crossover")!.input);
    expect(noGo.whatWouldChange.length).toBeGreaterThan(0);
    expect(noGo.whatWouldChange.every((c) => c.direction === "towards-go")).toBe(true);
  });

  it("passes the defaulted inputs through as assumptions", () => {
    expect(recommend(withInput({ defaultedInputs: ["GPU: H100", "Horizon: 36 months"] })).assumptions).toEqual(["GPU: H100", "Horizon: 36 months"]);
  });

  it("hybridShareOpen is null unless the verdict is a cost-driven hybrid", () => {
    expect(recommend(base).hybridShareOpen).toBeNull();
    const capped = recommend(withInput({ capability: null, economics: { ...economics, bestHybridShare: 0.5 } }));
    expect(capped.verdict).toBe("hybrid");
    expect(capped.hybridShareOpen).toBeNull();
  });

  it("ranks by severity, then weight", () => {
    const ranked = rankReasons([
      { kind: "safety", severity: "condition", weight: 50, text: "c" },
      { kind: "economics", severity: "supporting", weight: 75, text: "s" },
      { kind: "licence", severity: "blocker", weight: 90, text: "b1" },
      { kind: "capability", severity: "limiting", weight: 80, text: "l" },
      { kind: "infrastructure", severity: "blocker", weight: 95, text: "b0" },
    ]);
    expect(ranked.map((r) => r.text)).toEqual(["b0", "b1", "l", "c", "s"]);
  });
});
