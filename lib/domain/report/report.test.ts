import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessCapability } from "../capability/capability";
import { getApiPrice, getGpu, getModel } from "../catalog";
import { ZAssessmentInputs, type TAssessmentInputs, type TAssessmentInputsRaw } from "../assessment/inputs";
import { STAGE_KEYS } from "../shared";
import { computeEconomics, ownedReplicaFromSizing, parseEconomicsInputs, toEconomicsScalars } from "../economics/economics";
import { assessLicence } from "../licence/licence";
import { getLicence } from "../catalog/licences";
import { assessLifecycle } from "../lifecycle/lifecycle";
import { buildReport, DEFAULT_MONTE_CARLO_SAMPLES, horizonNetSavingUsd, type TReport, type TReportAssessment } from "./report";
import { assessSafety } from "../safety/safety";
import { sizeDeployment } from "../sizing/sizing";
import { ASSESSMENT_TEMPLATES, type TAssessmentTemplate } from "../assessment/templates";
import { runEconomicsMonteCarlo, type TUncertainEconomicsInput } from "../economics/uncertainty";

const SAMPLES = 2_000;

function assessmentOf(t: Pick<TAssessmentTemplate, "id" | "name" | "description" | "candidateModelId" | "incumbentApiId">): TReportAssessment {
  return { id: t.id, title: t.name, description: t.description, candidateModelId: t.candidateModelId, incumbentApiId: t.incumbentApiId, status: "draft", version: 3, updatedAt: "2026-02-01T10:00:00.000Z" };
}

function reportFor(t: TAssessmentTemplate, samples = SAMPLES): TReport {
  return buildReport({ assessment: assessmentOf(t), inputs: t.inputs, options: { monteCarloSamples: samples, seed: 7 } });
}

const EMPTY: TReportAssessment = assessmentOf({ id: "empty", name: "Empty", description: "", candidateModelId: "llama-3.3-70b-instruct", incumbentApiId: "openai-gpt-4o" });

function build(inputs: TAssessmentInputsRaw, assessment: TReportAssessment = EMPTY): TReport {
  return buildReport({ assessment, inputs: ZAssessmentInputs.parse(inputs), options: { monteCarloSamples: SAMPLES } });
}

/** Every path whose value is not plain JSON (non-finite number, undefined in an array, Date, Map, function...). */
function nonJsonPaths(value: unknown, path = "$"): string[] {
  if (value === null || typeof value === "string" || typeof value === "boolean") return [];
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => (v === undefined ? [`${path}[${i}] = undefined`] : nonJsonPaths(v, `${path}[${i}]`)));
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return [`${path} is a ${(value as object).constructor?.name ?? "non-plain object"}`];
    return Object.entries(value).flatMap(([k, v]) => (v === undefined ? [] : nonJsonPaths(v, `${path}.${k}`)));
  }
  return [`${path} is a ${typeof value}`];
}

function valueAt(root: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), root);
}

const templateReports = ASSESSMENT_TEMPLATES.map((t) => ({ t, r: reportFor(t) }));

describe.each(templateReports)("report for template $t.id", ({ t, r }) => {
  it("is plain JSON with no NaN or Infinity anywhere", () => {
    expect(nonJsonPaths(r)).toEqual([]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("has every stage complete, with figures that carry formulas", () => {
    for (const key of STAGE_KEYS) {
      const stage = r.stages[key];
      expect(stage.status, key).toBe("complete");
      expect(stage.figures.length, key).toBeGreaterThan(0);
      for (const f of stage.figures) expect(f.formula.length, `${key} ${f.key}`).toBeGreaterThan(0);
      expect(stage.summary.length).toBeGreaterThan(0);
    }
    expect(r.meta.completedStages).toBe(7);
    // The only warning a template may carry: its incumbent is retiring (gpt-4o and gpt-4o mini
    // shut down on 2027-01-14 per the December 2026 catalog).
    expect(r.warnings).toEqual(getApiPrice(t.incumbentApiId)?.isDeprecated ? [expect.stringMatching(/is marked deprecated in the catalog/)] : []);
  });

  it("key figures equal the engine modules' own outputs for the same inputs", () => {
    const econ = r.stages.economics.detail!;
    const engine = computeEconomics(econ.inputs);
    const k = r.keyFigures;
    expect(k.monthlyApiCostUsd).toBe(engine.api.usdPerMonth);
    expect(k.monthlyOwnedCostUsd).toBe(engine.owned.usdPerMonth);
    expect(k.monthlySavingUsd).toBe(engine.monthlySavingUsd);
    expect(k.apiUsdPerMillionTokens).toBe(engine.api.usdPerMillionTokens);
    expect(k.ownedUsdPerMillionTokens).toBe(engine.owned.usdPerMillionTokens);
    expect(k.breakEvenMonth).toBe(engine.breakEvenMonth);
    expect(k.crossover.kind).toBe(engine.crossover.kind);
    if (engine.crossover.kind === "volume" && k.crossover.kind === "volume") expect(k.crossover.tokensPerMonth).toBe(engine.crossover.tokensPerMonth);

    // The API side from the catalog (or the entered price) and the entered volumes, independently.
    const e = t.inputs.economics!;
    const price = e.apiPriceOverride ?? { inputUsdPerMTok: getApiPrice(t.incumbentApiId)!.inputUsdPerMTok, outputUsdPerMTok: getApiPrice(t.incumbentApiId)!.outputUsdPerMTok };
    expect(k.monthlyApiCostUsd).toBeCloseTo((e.inputTokensPerMonth! * price.inputUsdPerMTok + e.outputTokensPerMonth! * price.outputUsdPerMTok) / 1e6, 6);

    // The owned staircase comes from sizing the chosen layout (on the GPU the search chose) at the chosen pricing mode.
    const infra = r.stages.infrastructure.detail!;
    const sizing = sizeDeployment(infra.inputs, getModel(t.candidateModelId)!, getGpu(infra.gpu.id)!, { calibration: infra.sizing.calibration });
    const replica = ownedReplicaFromSizing(sizing, t.inputs.infrastructure!.pricing!.mode!)!;
    expect(econ.inputs.owned.replicaUsdPerMonth).toBe(replica.replicaUsdPerMonth);
    expect(econ.inputs.owned.replicaCapacityTokensPerMonth).toBe(replica.replicaCapacityTokensPerMonth);
    expect(econ.inputs.owned.minReplicas).toBe(t.inputs.infrastructure!.sizing!.minReplicas);

    // The other stages, straight from the template's stage inputs.
    const capability = assessCapability({ workloads: t.inputs.capability!.workloads!, toleranceScore: t.inputs.capability!.toleranceScore });
    expect(k.capability.weightedGapPp).toBe(capability.overall.weightedGap! * 100);
    expect(k.capability.verdict).toBe(capability.overall.verdict);
    const safety = assessSafety({ controls: t.inputs.safety!.controls, costs: t.inputs.safety!.costs });
    expect(k.safetyReadinessPct).toBe(safety.readinessPct);
    const lifecycle = assessLifecycle({ ...t.inputs.lifecycle!, refresh: { ...t.inputs.lifecycle!.refresh!, retuneUsdPerRefresh: r.stages.lifecycle.detail!.inputs.refresh!.retuneUsdPerRefresh } } as Parameters<typeof assessLifecycle>[0]);
    expect(k.lifecycleFte).toBe(lifecycle.burden.totalFte);
    expect(k.lifecycleFteEquivalent).toBe(lifecycle.burden.fteEquivalent);
    const model = getModel(t.candidateModelId)!;
    const findings = assessLicence({ licence: getLicence(model.licenceId)!, facts: t.inputs.licence!.orgFacts as Parameters<typeof assessLicence>[0]["facts"], model });
    expect(k.licenceBlockers).toBe(findings.filter((f) => f.severity === "blocker").length);
  });

  it("key figure list and flat key figures agree", () => {
    const k = r.keyFigures;
    const value = (key: string) => k.figures.find((f) => f.key === key)?.value;
    expect(value("economics.apiUsdPerMonth")).toBe(k.monthlyApiCostUsd);
    expect(value("economics.ownedUsdPerMonth")).toBe(k.monthlyOwnedCostUsd);
    expect(value("economics.breakEvenMonth")).toBe(k.breakEvenMonth);
    expect(value("monteCarlo.probabilityOwnedCheaper")).toBe(k.probabilityOwnedCheaper);
    expect(value("licence.blockers")).toBe(k.licenceBlockers);
    expect(value("safety.readinessPct")).toBe(k.safetyReadinessPct);
    expect(value("lifecycle.fteEquivalent")).toBe(k.lifecycleFteEquivalent);
    expect(value("capability.weightedGap")).toBeCloseTo(k.capability.weightedGapPp!, 12);
  });

  it("wires people, safety and lifecycle into the owned cost once each", () => {
    const owned = r.stages.economics.detail!.inputs.owned;
    const lifecycle = r.stages.lifecycle.detail!.result.cost;
    const safety = r.stages.safety.detail!;
    expect((owned.peopleFte * owned.loadedUsdPerFteYear) / 12).toBeCloseTo(lifecycle.peopleUsdPerMonth, 6);
    expect(owned.lifecycleUsdPerMonth).toBeCloseTo(lifecycle.totalUsdPerMonth - lifecycle.peopleUsdPerMonth, 6);
    expect(owned.safetyStackUsdPerMonth).toBeCloseTo(safety.result.cost.guardUsdPerMonth + safety.result.cost.redTeamUsdPerMonth + safety.result.cost.otherUsdPerMonth, 9);
    expect(r.stages.economics.detail!.inputs.oneTime.adaptationUsd).toBe(r.stages.adaptation.detail!.plan?.oneTimeCostUsd ?? 0);
  });

  it("the Monte Carlo and the tornado run on the same record as the economics", () => {
    const mc = r.charts.monteCarlo!;
    const s = toEconomicsScalars(parseEconomicsInputs(r.stages.economics.detail!.inputs));
    const uncertain: TUncertainEconomicsInput[] = mc.inputs.map((x) => ({
      key: x.key as TUncertainEconomicsInput["key"],
      distribution: x.shape === "uniform" ? { kind: "uniform", low: x.low, high: x.high } : x.shape === "lognormal" ? { kind: "lognormal", p10: x.low, p90: x.high } : { kind: "triangular", low: x.low, mode: x.base, high: x.high },
    }));
    const again = runEconomicsMonteCarlo(s, { uncertain, samples: SAMPLES, seed: 7 });
    expect(mc.probabilityOwnedCheaper).toBe(again.probabilityOwnedCheaper);
    expect(mc.samples).toBe(SAMPLES);
    const last = r.charts.cumulative!.points.at(-1)!;
    expect(r.charts.tornado!.baseOutput).toBeCloseTo(last.cumulativeApiUsd - last.cumulativeOwnedUsd, 6);
    expect(horizonNetSavingUsd(s)).toBe(r.charts.tornado!.baseOutput);
  });

  it("lists as assumptions only inputs the template left out", () => {
    for (const a of r.assumptions) expect(valueAt(t.inputs, a.path), a.path).toBeUndefined();
    expect(r.assumptions.length).toBeGreaterThan(0);
  });

  it("charts carry their markers", () => {
    const c = r.charts;
    expect(c.costVsVolume!.plannedTokensPerMonth).toBe(r.keyFigures.plannedTokensPerMonth);
    if (r.keyFigures.crossover.kind === "volume") expect(c.costVsVolume!.crossover!.tokensPerMonth).toBe(r.keyFigures.crossover.tokensPerMonth);
    else expect(c.costVsVolume!.crossover).toBeNull();
    expect(c.cumulative!.breakEven?.month ?? null).toBe(r.keyFigures.breakEvenMonth);
    expect(c.ownedBreakdown!.points).toHaveLength(c.cumulative!.horizonMonths);
    expect(c.tornado!.bars.length).toBeGreaterThan(0);
    expect(c.monteCarlo!.monthlySavingUsd.histogram.reduce((s, b) => s + b.count, 0)).toBe(SAMPLES);
  });

  it("sources are deduplicated and each says what it backs", () => {
    const urls = r.sources.map((s) => s.url).filter((u) => u !== null);
    expect(new Set(urls).size).toBe(urls.length);
    for (const s of r.sources) expect(s.backs.length).toBeGreaterThan(0);
    expect(r.sources.some((s) => s.backs.some((b) => b.startsWith("Licence terms")))).toBe(true);
    expect(r.sources.some((s) => s.backs.some((b) => b.startsWith("GPU specification")))).toBe(true);
    expect(r.sources.some((s) => s.backs.some((b) => b.startsWith("API price")))).toBe(true);
  });
});

describe("an empty assessment", () => {
  const r = build({});

  it("builds, with every stage not started", () => {
    for (const key of STAGE_KEYS) expect(r.stages[key].status, key).toBe("not-started");
    expect(r.meta.completedStages).toBe(0);
    expect(nonJsonPaths(r)).toEqual([]);
  });

  it("presents no numbers as results: no figures, null key figures, no charts", () => {
    for (const key of STAGE_KEYS) expect(r.stages[key].figures, key).toEqual([]);
    const { figures, crossover, capability, ...plain } = r.keyFigures;
    for (const [name, value] of Object.entries(plain)) expect(value, name).toBeNull();
    expect(crossover).toEqual({ kind: "unknown" });
    expect(capability).toEqual({ verdict: "not-assessed", weightedGapPp: null, lowerPp: null, upperPp: null, tolerancePp: null });
    for (const f of figures) expect(f.value, f.key).toBeNull();
    expect(Object.values(r.charts).every((c) => c === null)).toBe(true);
  });

  it("lists the defaults it would use as assumptions, stage by stage, with their basis", () => {
    const stagesWithDefaults = new Set(r.assumptions.map((a) => a.stage));
    for (const key of STAGE_KEYS) expect(stagesWithDefaults.has(key), key).toBe(true);
    for (const a of r.assumptions) {
      expect(a.basis.length).toBeGreaterThan(0);
      expect(a.display.length).toBeGreaterThan(0);
    }
    expect(r.assumptions.find((a) => a.path === "infrastructure.gpuId")?.display).toBe("NVIDIA H100 SXM5 80GB");
    expect(r.stages.lifecycle.assumptions.find((a) => a.path === "lifecycle.staffing")?.provenance).not.toBeNull();
  });

  it("a blank says \"not enough information\", names the missing stages, and never says no-go", () => {
    expect(r.recommendation.verdict).toBe("insufficient");
    expect(r.recommendation.missing).toEqual(["Licence diligence", "Capability validation", "Economics"]);
    expect(r.recommendation.headline).toMatch(/^Not enough information: complete Licence diligence, Capability validation, Economics/);
    expect(r.recommendation.recommendedOptionId).toBeNull();
    expect(r.recommendation.isConclusive).toBe(false);
    expect(r.recommendation.reasons[0].text).toMatch(/monthly input and output tokens are not entered/);
    expect(r.recommendation.assumptions.length).toBe(r.assumptions.length);
  });
});

describe("partial drafts", () => {
  it("with only volumes, computes the economics on defaults and keeps the other stages not started", () => {
    const r = build({ economics: { inputTokensPerMonth: 3e9, outputTokensPerMonth: 4e8 } });
    expect(r.stages.economics.status).toBe("complete");
    expect(r.keyFigures.monthlyApiCostUsd).toBeCloseTo(3000 * 2.5 + 400 * 10, 6);
    expect(r.stages.infrastructure.status).toBe("not-started");
    expect(r.stages.infrastructure.figures).toEqual([]);
    // The owned cost rests on defaults, and says so.
    expect(r.stages.economics.assumptions.map((a) => a.path)).toContain("economics.oneTime.setupUsd");
    expect(r.assumptions.map((a) => a.path)).toContain("lifecycle.staffing");
    expect(r.keyFigures.lifecycleFteEquivalent).toBeNull();
    expect(nonJsonPaths(r)).toEqual([]);
  });

  it("derives a missing output volume from the request shape", () => {
    const r = build({ infrastructure: { sizing: { promptTokensPerRequest: 2000, outputTokensPerRequest: 500 } }, economics: { inputTokensPerMonth: 4e9 } });
    expect(r.keyFigures.plannedTokensPerMonth).toBeCloseTo(5e9, 0);
    expect(r.assumptions.find((a) => a.path === "economics.outputTokensPerMonth")?.value).toBeCloseTo(1e9, 0);
  });

  it("without volumes, sizing shows per-replica figures and leaves traffic figures empty, not zero", () => {
    const r = build({ infrastructure: { gpuId: "h100-sxm-80gb", sizing: { promptTokensPerRequest: 1000, outputTokensPerRequest: 200 } } });
    const figures = r.stages.infrastructure.figures;
    expect(figures.find((f) => f.key === "replicas")?.value).toBeNull();
    expect(figures.find((f) => f.key === "averageRequestsPerSecond")?.value).toBeNull();
    expect(figures.find((f) => f.key === "gpusPerReplica")?.value).toBeGreaterThan(0);
    expect(r.keyFigures.monthlyOwnedCostUsd).toBeNull();
  });

  it("a cross-field problem becomes a stage warning, not an exception", () => {
    const r = build({ infrastructure: { sizing: { promptTokensPerRequest: 200_000, outputTokensPerRequest: 500 } }, economics: { inputTokensPerMonth: 1e9, outputTokensPerMonth: 1e8 } });
    expect(r.stages.infrastructure.detail).toBeNull();
    expect(r.stages.infrastructure.warnings.join(" ")).toMatch(/exceed the model's context window/);
    expect(r.keyFigures.monthlyApiCostUsd).toBeNull();
    // Self-hosting cannot be sized; the open model's licence and capability stages have no inputs.
    expect(r.recommendation.verdict).toBe("insufficient");
  });

  it("unknown catalog ids are warnings, and the report still builds", () => {
    const r = build({ economics: { inputTokensPerMonth: 1e9, outputTokensPerMonth: 1e8 } }, { ...EMPTY, candidateModelId: "no-such-model", incumbentApiId: "no-such-api" });
    expect(r.warnings.join(" ")).toMatch(/no-such-model.*not in the catalog/);
    expect(r.warnings.join(" ")).toMatch(/no-such-api.*not in the catalog/);
    expect(r.meta.candidate.isKnown).toBe(false);
    expect(r.stages.licence.detail).toBeNull();
    expect(nonJsonPaths(r)).toEqual([]);
  });

  it("a custom model whose id is the candidate is used instead of the catalog", () => {
    const base = getModel("llama-3.1-8b")!;
    const customModel = { ...base, id: "acme-8b", name: "Acme 8B", provenance: { sourceUrls: [], asOf: "2026-01", verification: "user" as const } };
    const r = build({ customModel, economics: { inputTokensPerMonth: 1e9, outputTokensPerMonth: 1e8 } }, { ...EMPTY, candidateModelId: "acme-8b" });
    expect(r.meta.candidate).toMatchObject({ name: "Acme 8B", isCustom: true, isKnown: true, licenceId: "llama-3.1" });
    expect(r.sources.some((s) => s.url === null && s.verification === "user")).toBe(true);
  });

  it("a licence that forbids commercial use blocks even before the licence stage is filled in", () => {
    const r = build({ licence: { licenceIdOverride: "qwen-research" }, economics: { inputTokensPerMonth: 1e9, outputTokensPerMonth: 1e8 } });
    expect(r.keyFigures.licenceBlockers).toBeGreaterThan(0);
    expect(r.keyFigures.figures.find((f) => f.key === "licence.blockers")?.value).toBe(r.keyFigures.licenceBlockers);
    expect(r.stages.licence.status).toBe("in-progress");
    expect(r.stages.licence.outcome.tone).toBe("bad");
    expect(r.recommendation.verdict).toBe("blocked");
    expect(r.recommendation.blockedBy).toBe("licence");
    expect(r.recommendation.headline).toMatch(/^Blocked by the licence: /);
    expect(r.recommendation.reasons[0]).toMatchObject({ kind: "licence", severity: "blocker" });
  });

  it("with the licence stage not started, only blockers are shown, and they still count", () => {
    const customModel = { ...getModel("llama-3.1-8b")!, id: "aya-like", name: "Aya-like 8B", licenceId: "cohere-cc-by-nc-4.0", provenance: { sourceUrls: [], asOf: "2026-01", verification: "user" as const } };
    const r = build({ customModel, economics: { inputTokensPerMonth: 1e9, outputTokensPerMonth: 1e8 } }, { ...EMPTY, candidateModelId: "aya-like" });
    expect(r.stages.licence.status).toBe("not-started");
    expect(r.stages.licence.figures).toEqual([]);
    expect(r.stages.licence.findings.length).toBeGreaterThan(0);
    expect(r.stages.licence.findings.every((f) => f.severity === "blocker")).toBe(true);
    expect(r.keyFigures.licenceBlockers).toBe(r.stages.licence.findings.length);
    expect(r.recommendation.verdict).toBe("blocked");
  });

  it("an API price override replaces the catalog price and is sourced to the user", () => {
    const r = build({ economics: { inputTokensPerMonth: 1e9, outputTokensPerMonth: 1e9, apiPriceOverride: { inputUsdPerMTok: 1, outputUsdPerMTok: 2, asOf: "2026-03" } } });
    expect(r.keyFigures.monthlyApiCostUsd).toBeCloseTo(3000, 9);
    expect(r.meta.incumbent).toMatchObject({ isPriceOverride: true, inputUsdPerMTok: 1, outputUsdPerMTok: 2, asOf: "2026-03" });
    expect(r.sources.find((s) => s.url === null)?.backs[0]).toMatch(/your price/);
  });
});

describe("counting staff once", () => {
  const t = ASSESSMENT_TEMPLATES[0];
  const with_ = (safetyCosts: Record<string, number>): TAssessmentInputs => ({ ...t.inputs, safety: { ...t.inputs.safety, costs: { ...t.inputs.safety!.costs, ...safetyCosts } } });

  it("safety staff and monitoring tooling entered in the safety stage do not change the owned cost, and a warning says why", () => {
    const before = reportFor(t);
    const after = buildReport({ assessment: assessmentOf(t), inputs: with_({ safetyStaffFte: 1, safetyStaffLoadedUsdPerYear: 240_000, monitoringToolingUsdPerMonth: 900 }), options: { monteCarloSamples: SAMPLES, seed: 7 } });
    expect(after.keyFigures.monthlyOwnedCostUsd).toBe(before.keyFigures.monthlyOwnedCostUsd);
    expect(after.stages.safety.detail!.notCountedUsdPerMonth).toBeCloseTo(20_000 + 900, 9);
    expect(after.stages.safety.warnings.join(" ")).toMatch(/counted once, in lifecycle operations/);
  });

  it("guard serving and red-team costs do add to it", () => {
    const before = reportFor(t);
    const after = buildReport({ assessment: assessmentOf(t), inputs: with_({ otherUsdPerMonth: 1_300 }), options: { monteCarloSamples: SAMPLES, seed: 7 } });
    expect(after.keyFigures.monthlyOwnedCostUsd! - before.keyFigures.monthlyOwnedCostUsd!).toBeCloseTo(1_000, 6);
  });
});

describe("determinism", () => {
  it("the same inputs and seed give the same report; the default is 10,000 samples", () => {
    const t = ASSESSMENT_TEMPLATES[1];
    const a = buildReport({ assessment: assessmentOf(t), inputs: t.inputs });
    const b = buildReport({ assessment: assessmentOf(t), inputs: t.inputs });
    expect(a).toEqual(b);
    expect(a.meta.monteCarlo).toEqual({ samples: DEFAULT_MONTE_CARLO_SAMPLES, seed: 1 });
    expect(a.charts.monteCarlo!.samples).toBe(10_000);
  });
});

describe("any valid draft", () => {
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const draft = fc.record(
    {
      licence: maybe(fc.record({ licenceIdOverride: maybe(fc.constantFrom("qwen-research", "mistral-apache-2.0", "llama-4", "not-in-catalog")), orgFacts: maybe(fc.record({ monthlyActiveUsers: maybe(fc.integer({ min: 0, max: 2e9 })), regions: maybe(fc.constantFrom(["EU"], ["US", "EU"], [])) }, { requiredKeys: [] })) }, { requiredKeys: [] })),
      infrastructure: maybe(
        fc.record(
          {
            gpuId: maybe(fc.constantFrom("h100-sxm-80gb", "l4-24gb", "mi300x-192gb", "a100-40gb-sxm", "no-such-gpu")),
            sizing: maybe(
              fc.record(
                {
                  promptTokensPerRequest: maybe(fc.integer({ min: 1, max: 60_000 })),
                  outputTokensPerRequest: maybe(fc.integer({ min: 1, max: 4_000 })),
                  minReplicas: maybe(fc.integer({ min: 1, max: 4 })),
                  layoutSearch: maybe(fc.constantFrom("this-gpu" as const, "all-gpus" as const)),
                  weightPrecision: maybe(fc.constantFrom("bf16" as const, "fp8" as const, "int4" as const, "fp4" as const, "gguf_q4_k_m" as const)),
                  kvCachePrecision: maybe(fc.constantFrom("bf16" as const, "fp8" as const)),
                  tensorParallelOverride: maybe(fc.constantFrom(1, 2, 4, 8)),
                  ttftSeconds: maybe(fc.double({ min: 0.05, max: 30, noNaN: true })),
                  hasSpareReplica: maybe(fc.boolean()),
                  regions: maybe(fc.integer({ min: 1, max: 3 })),
                  minOutputTokensPerSecondPerSequence: maybe(fc.double({ min: 0, max: 200, noNaN: true })),
                },
                { requiredKeys: [] },
              ),
            ),
            pricing: maybe(
              fc.record(
                { mode: maybe(fc.constantFrom("cloudOnDemand" as const, "cloudReserved" as const, "owned" as const)), usdPerGpuHour: maybe(fc.double({ min: 0.1, max: 20, noNaN: true })), reservedDiscountPercent: maybe(fc.double({ min: 0, max: 100, noNaN: true })) },
                { requiredKeys: [] },
              ),
            ),
          },
          { requiredKeys: [] },
        ),
      ),
      adaptation: maybe(fc.record({ method: maybe(fc.constantFrom("none" as const, "lora" as const, "qlora" as const, "full" as const)), datasetTokens: maybe(fc.double({ min: 1e5, max: 1e10, noNaN: true })), quantization: maybe(fc.record({ precision: maybe(fc.constantFrom("bf16" as const, "fp8" as const, "int4" as const, "gguf_q4_k_m" as const)), qualityDelta: maybe(fc.record({ points: fc.double({ min: -5, max: 1, noNaN: true }), source: fc.constantFrom("measured" as const, "assumed" as const) })) }, { requiredKeys: [] })) }, { requiredKeys: [] })),
      lifecycle: maybe(fc.record({ staffing: maybe(fc.constantFrom([], [{ role: "SRE", fte: 0.5, loadedUsdPerYear: 150_000 }])) }, { requiredKeys: [] })),
      economics: maybe(
        fc.record(
          {
            inputTokensPerMonth: maybe(fc.double({ min: 0, max: 1e12, noNaN: true })),
            outputTokensPerMonth: maybe(fc.double({ min: 0, max: 1e11, noNaN: true })),
            horizonMonths: maybe(fc.integer({ min: 12, max: 60 })),
            monthlyVolumeGrowthPercent: maybe(fc.double({ min: -50, max: 100, noNaN: true })),
            oneTime: maybe(fc.record({ setupUsd: maybe(fc.double({ min: 0, max: 1e7, noNaN: true })) }, { requiredKeys: [] })),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  );

  it("builds a plain-JSON report without throwing", () => {
    fc.assert(
      fc.property(draft, fc.constantFrom("llama-3.3-70b-instruct", "llama-3.1-8b", "deepseek-v3", "gpt-oss-20b"), fc.constantFrom("openai-gpt-4o", "openai-gpt-4o-mini", "anthropic-claude-opus-4.1"), (raw, candidateModelId, incumbentApiId) => {
        const inputs = ZAssessmentInputs.parse(JSON.parse(JSON.stringify(raw)));
        const r = buildReport({ assessment: { ...EMPTY, candidateModelId, incumbentApiId }, inputs, options: { monteCarloSamples: 200 } });
        expect(nonJsonPaths(r), JSON.stringify(nonJsonPaths(r).slice(0, 6))).toEqual([]);
        // No text either: a sentence must never read "NaN×" or "undefined".
        expect(JSON.stringify(r).replaceAll("at the plan is undefined", "")).not.toMatch(/\bNaN\b|Infinity|undefined/);
        for (const key of STAGE_KEYS) if (r.stages[key].status === "not-started") expect(r.stages[key].figures).toEqual([]);
      }),
      { numRuns: 60, seed: 20260201 },
    );
  });
});
