import { describe, expect, it } from "vitest";
import { CURRENT_INPUTS_SCHEMA_VERSION, hasEnteredValue, parseAssessmentInputs, stageStatus, stageStatuses, upgradeInputs, ZAssessmentInputs, type TAssessmentInputsRaw } from "./inputs";
import { STAGE_KEYS, type TStageKey } from "../shared";
import { type TStageStatus } from "../shared";
import { SAFETY_CONTROL_IDS } from "../catalog/safety-controls";
import { DomainInputError } from "../shared/field-errors";
import { ASSESSMENT_TEMPLATES } from "./templates";

const allControls = Object.fromEntries(SAFETY_CONTROL_IDS.map((id) => [id, "missing" as const]));

describe("stored inputs schema", () => {
  it("an empty document is a valid, not-started assessment", () => {
    const inputs = ZAssessmentInputs.parse({});
    expect(inputs).toEqual({ schemaVersion: CURRENT_INPUTS_SCHEMA_VERSION });
    expect(Object.values(stageStatuses(inputs))).toEqual(STAGE_KEYS.map(() => "not-started"));
  });

  it("writes no defaults: a draft stores only what was typed", () => {
    const inputs = ZAssessmentInputs.parse({ licence: { orgFacts: { monthlyActiveUsers: 10 } }, infrastructure: { sizing: { minReplicas: 2 } }, economics: { horizonMonths: 24 } });
    expect(inputs.licence).toEqual({ orgFacts: { monthlyActiveUsers: 10 } });
    expect(inputs.infrastructure).toEqual({ sizing: { minReplicas: 2 } });
    expect(inputs.economics).toEqual({ horizonMonths: 24 });
  });

  it.each<{ name: string; raw: unknown; path: string }>([
    { name: "negative users", raw: { licence: { orgFacts: { monthlyActiveUsers: -1 } } }, path: "licence.orgFacts.monthlyActiveUsers" },
    { name: "a region listed twice", raw: { licence: { orgFacts: { regions: ["EU", "EU"] } } }, path: "licence.orgFacts.regions" },
    { name: "tolerance in percent", raw: { capability: { toleranceScore: 3 } }, path: "capability.toleranceScore" },
    {
      name: "duplicate workload ids",
      raw: { capability: { workloads: [1, 2].map(() => ({ id: "w", name: "W", weight: 1, metric: "accuracy" })) } },
      path: "capability.workloads[1].id",
    },
    { name: "zero prompt tokens", raw: { infrastructure: { sizing: { promptTokensPerRequest: 0 } } }, path: "infrastructure.sizing.promptTokensPerRequest" },
    { name: "an unknown pricing mode", raw: { infrastructure: { pricing: { mode: "spot" } } }, path: "infrastructure.pricing.mode" },
    { name: "an id that is not kebab-case", raw: { infrastructure: { gpuId: "H100 SXM" } }, path: "infrastructure.gpuId" },
    { name: "an unknown fine-tuning method", raw: { adaptation: { method: "dpo" } }, path: "adaptation.method" },
    { name: "an unknown safety control", raw: { safety: { controls: { "no-such-control": "in-place" } } }, path: "safety.controls.no-such-control" },
    { name: "negative FTE", raw: { lifecycle: { staffing: [{ role: "SRE", fte: -1, loadedUsdPerYear: 1 }] } }, path: "lifecycle.staffing[0].fte" },
    { name: "a one-month horizon", raw: { economics: { horizonMonths: 1 } }, path: "economics.horizonMonths" },
    { name: "a hybrid share above 1", raw: { economics: { hybridShareOpen: 1.5 } }, path: "economics.hybridShareOpen" },
    {
      name: "a lognormal range starting at 0",
      raw: { economics: { uncertainty: { ranges: [{ key: "oneTimeUsd", lowMultiplier: 0, highMultiplier: 2, shape: "lognormal" }] } } },
      path: "economics.uncertainty.ranges[0].lowMultiplier",
    },
    { name: "an unknown key in a stage", raw: { economics: { volume: 3 } }, path: "economics" },
    { name: "an unknown stage", raw: { pricing: {} }, path: "(root)" },
  ])("rejects $name at $path", ({ raw, path }) => {
    const result = parseAssessmentInputs(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain(path);
  });

  it("templates round-trip through the schema unchanged", () => {
    for (const t of ASSESSMENT_TEMPLATES) expect(ZAssessmentInputs.parse(JSON.parse(JSON.stringify(t.inputs)))).toEqual(t.inputs);
  });
});

describe("stage status", () => {
  const complete: Record<TStageKey, TAssessmentInputsRaw[TStageKey]> = {
    licence: { orgFacts: { monthlyActiveUsers: 0, annualRevenueUsd: 1e6, sector: "general", intendedUses: ["summarisation"], regions: ["US"] } },
    capability: {
      workloads: [{ id: "a", name: "A", weight: 1, metric: "accuracy", candidate: { score: 0.8, sampleCount: 100 }, incumbent: { score: 0.8, sampleCount: 100 } }],
    },
    infrastructure: { gpuId: "h100-sxm-80gb", sizing: { promptTokensPerRequest: 1000, outputTokensPerRequest: 200 }, pricing: { mode: "cloudOnDemand", usdPerGpuHour: 3 } },
    adaptation: { method: "none" },
    safety: { controls: allControls, costs: { redTeamExercisesPerYear: 1 } },
    lifecycle: {
      staffing: [],
      refresh: { refreshesPerYear: 1, evalGpuHoursPerRefresh: 1, usdPerGpuHour: 1, evalPersonDaysPerRefresh: 1, usdPerPersonDay: 1 },
      patching: { hoursPerMonth: 1, usdPerHour: 1 },
    },
    economics: { inputTokensPerMonth: 1e9, outputTokensPerMonth: 1e8 },
  };

  const cases: { name: string; stage: TStageKey; value: unknown; expected: TStageStatus }[] = [
    ...STAGE_KEYS.map((stage) => ({ name: "nothing entered", stage, value: undefined, expected: "not-started" as const })),
    ...STAGE_KEYS.map((stage) => ({ name: "everything needed", stage, value: complete[stage], expected: "complete" as const })),
    { name: "empty objects and arrays do not count", stage: "licence", value: { orgFacts: { intendedUses: [], regions: [] } }, expected: "not-started" },
    { name: "facts without regions", stage: "licence", value: { orgFacts: { monthlyActiveUsers: 0, annualRevenueUsd: 0, sector: "general", intendedUses: ["summarisation"] } }, expected: "in-progress" },
    { name: "a licence override alone", stage: "licence", value: { licenceIdOverride: "mistral-apache-2.0" }, expected: "in-progress" },
    { name: "workloads without both results", stage: "capability", value: { workloads: [{ id: "a", name: "A", weight: 1, metric: "accuracy", candidate: { score: 0.8 } }] }, expected: "in-progress" },
    { name: "GPU only", stage: "infrastructure", value: { gpuId: "h100-sxm-80gb" }, expected: "in-progress" },
    {
      name: "owned without a purchase price",
      stage: "infrastructure",
      value: { gpuId: "h100-sxm-80gb", sizing: { promptTokensPerRequest: 1, outputTokensPerRequest: 1 }, pricing: { mode: "owned" } },
      expected: "in-progress",
    },
    {
      name: "owned with a catalog purchase price",
      stage: "infrastructure",
      value: { gpuId: "h100-sxm-80gb", sizing: { promptTokensPerRequest: 1, outputTokensPerRequest: 1 }, pricing: { mode: "owned", purchasePriceId: "h100-unit" } },
      expected: "complete",
    },
    { name: "LoRA without a dataset", stage: "adaptation", value: { method: "lora" }, expected: "in-progress" },
    { name: "LoRA with a dataset", stage: "adaptation", value: { method: "lora", datasetTokens: 1e6 }, expected: "complete" },
    { name: "FP8 named without a quality number", stage: "adaptation", value: { method: "none", quantization: { precision: "fp8" } }, expected: "in-progress" },
    {
      name: "FP8 with an assumed quality number",
      stage: "adaptation",
      value: { method: "none", quantization: { precision: "fp8", qualityDelta: { points: -0.5, source: "assumed" } } },
      expected: "complete",
    },
    { name: "some controls", stage: "safety", value: { controls: { "pii-redaction": "in-place" } }, expected: "in-progress" },
    { name: "all controls, no costs", stage: "safety", value: { controls: allControls }, expected: "in-progress" },
    { name: "staffing only", stage: "lifecycle", value: { staffing: [{ role: "SRE", fte: 1, loadedUsdPerYear: 1 }] }, expected: "in-progress" },
    { name: "input tokens only", stage: "economics", value: { inputTokensPerMonth: 1e9 }, expected: "in-progress" },
    { name: "a horizon only", stage: "economics", value: { horizonMonths: 24 }, expected: "in-progress" },
  ];

  it.each(cases)("$stage: $name → $expected", ({ stage, value, expected }) => {
    const inputs = ZAssessmentInputs.parse(value === undefined ? {} : { [stage]: value });
    expect(stageStatus(inputs, stage)).toBe(expected);
  });

  it.each([
    { value: undefined, expected: false },
    { value: "", expected: false },
    { value: "  ", expected: false },
    { value: [], expected: false },
    { value: { a: [], b: {} }, expected: false },
    { value: 0, expected: true },
    { value: false, expected: true },
    { value: { a: [{ b: 1 }] }, expected: true },
  ])("hasEnteredValue($value) = $expected", ({ value, expected }) => {
    expect(hasEnteredValue(value)).toBe(expected);
  });
});

describe("upgradeInputs", () => {
  it("reads a current document, and a missing one as empty", () => {
    const t = ASSESSMENT_TEMPLATES[0];
    expect(upgradeInputs(JSON.parse(JSON.stringify(t.inputs)))).toEqual(t.inputs);
    expect(upgradeInputs(null)).toEqual({ schemaVersion: CURRENT_INPUTS_SCHEMA_VERSION });
    expect(upgradeInputs(undefined)).toEqual({ schemaVersion: CURRENT_INPUTS_SCHEMA_VERSION });
    expect(upgradeInputs({})).toEqual({ schemaVersion: CURRENT_INPUTS_SCHEMA_VERSION });
  });

  it("upgrades a v1 document: a stored range on the fixed costs (which then included people) also covers staffing", () => {
    const v1 = {
      schemaVersion: 1,
      economics: {
        inputTokensPerMonth: 1e9,
        uncertainty: { ranges: [{ key: "fixedUsdPerMonth", lowMultiplier: 0.8, highMultiplier: 1.4, shape: "triangular" }, { key: "oneTimeUsd", lowMultiplier: 0.9, highMultiplier: 1.5 }] },
      },
    };
    const up = upgradeInputs(v1);
    expect(up.schemaVersion).toBe(CURRENT_INPUTS_SCHEMA_VERSION);
    expect(up.economics?.uncertainty?.ranges).toEqual([
      { key: "fixedUsdPerMonth", lowMultiplier: 0.8, highMultiplier: 1.4, shape: "triangular" },
      { key: "oneTimeUsd", lowMultiplier: 0.9, highMultiplier: 1.5 },
      { key: "peopleUsdPerMonth", lowMultiplier: 0.8, highMultiplier: 1.4, shape: "triangular" },
    ]);
    // A v1 document without ranges, or without a fixed-cost range, is read unchanged apart from its version.
    expect(upgradeInputs({ schemaVersion: 1, economics: { horizonMonths: 24 } })).toEqual({ schemaVersion: CURRENT_INPUTS_SCHEMA_VERSION, economics: { horizonMonths: 24 } });
    expect(upgradeInputs({ schemaVersion: 1 })).toEqual({ schemaVersion: CURRENT_INPUTS_SCHEMA_VERSION });
  });

  it("v1 → v3: the served precision becomes the infrastructure pin, the quality change stays with its precision", () => {
    const v1 = {
      schemaVersion: 1,
      infrastructure: { gpuId: "h100-sxm-80gb", sizing: { promptTokensPerRequest: 8500, tensorParallelOverride: 2, kvCachePrecision: "fp8" } },
      adaptation: { method: "none", quantization: { servedPrecision: "fp8", qualityDelta: { points: -0.4, source: "measured" } } },
    };
    expect(upgradeInputs(v1)).toEqual({
      schemaVersion: CURRENT_INPUTS_SCHEMA_VERSION,
      infrastructure: { gpuId: "h100-sxm-80gb", sizing: { promptTokensPerRequest: 8500, tensorParallelOverride: 2, kvCachePrecision: "fp8", weightPrecision: "fp8" } },
      adaptation: { method: "none", quantization: { precision: "fp8", qualityDelta: { points: -0.4, source: "measured" } } },
    });
    // A v1 row without a served precision is unchanged apart from its version.
    expect(upgradeInputs({ schemaVersion: 1, adaptation: { method: "none" } })).toEqual({ schemaVersion: CURRENT_INPUTS_SCHEMA_VERSION, adaptation: { method: "none" } });
    // A v2 row (written before serving model v2) moves the same way.
    expect(upgradeInputs({ schemaVersion: 2, adaptation: { quantization: { servedPrecision: "int4" } } })).toEqual({
      schemaVersion: CURRENT_INPUTS_SCHEMA_VERSION,
      infrastructure: { sizing: { weightPrecision: "int4" } },
      adaptation: { quantization: { precision: "int4" } },
    });
    // A v1 row that served bf16 keeps bf16 pinned: it sizes exactly as before.
    expect(upgradeInputs({ schemaVersion: 1, adaptation: { quantization: { servedPrecision: "bf16" } } })).toEqual({
      schemaVersion: CURRENT_INPUTS_SCHEMA_VERSION,
      infrastructure: { sizing: { weightPrecision: "bf16" } },
      adaptation: { quantization: { precision: "bf16" } },
    });
  });

  it("v3 → v4: a v3 document is read as it is (the supply-chain inputs are new and optional)", () => {
    const v3 = { schemaVersion: 3, safety: { controls: { "input-guard-model": "in-place" } }, adaptation: { method: "lora", datasetTokens: 2_000_000 } };
    expect(upgradeInputs(v3)).toEqual({ ...v3, schemaVersion: 4 });
  });

  it("v4 keeps the supply-chain inputs and refuses a pickle file under safetensors-only, a branch name as revision, a short hash", () => {
    const supplyChain = { hfRepo: "meta-llama/Llama-3.3-70B-Instruct", pinnedRevision: "6f6073b423013f6a7d4d9f39144961bfbfbc386b", safetensorsOnly: true, signatureVerified: false, weightFiles: [{ file: "model-00001-of-00030.safetensors", sha256: "A".repeat(64) }] };
    expect(upgradeInputs({ schemaVersion: 4, safety: { supplyChain } }).safety?.supplyChain?.weightFiles?.[0]?.sha256).toBe("a".repeat(64));
    const bad = (patch: object) => () => upgradeInputs({ schemaVersion: 4, safety: { supplyChain: { ...supplyChain, ...patch } } });
    expect(bad({ weightFiles: [{ file: "pytorch_model.bin", sha256: "a".repeat(64) }] })).toThrow(/pytorch_model\.bin is a pickle-based file/);
    expect(bad({ pinnedRevision: "main" })).toThrow(/full 40-character commit hash/);
    expect(bad({ weightFiles: [{ file: "x.safetensors", sha256: "abc" }] })).toThrow(/SHA-256 is 64 hexadecimal characters/);
    expect(bad({ hfRepo: "not a repo" })).toThrow(/Hugging Face repository id/);
  });

  it.each<{ name: string; raw: unknown; message: RegExp }>([
    { name: "a foreign shape", raw: { stages: [{ name: "licence" }], modelId: "x" }, message: /Invalid assessment inputs \(v4\): \(root\): Unrecognized keys: "stages", "modelId"/ },
    { name: "an array", raw: [1, 2], message: /expected an object of stage inputs, got an array/ },
    { name: "a string", raw: "{}", message: /expected an object of stage inputs, got string/ },
    { name: "a newer version", raw: { schemaVersion: 7 }, message: /written by a newer version of Freehold \(v7\); this build reads up to v4/ },
    { name: "a version that is not a number", raw: { schemaVersion: "1" }, message: /schemaVersion: expected a whole number ≥ 1, got "1"/ },
    { name: "an invalid field", raw: { schemaVersion: 1, economics: { horizonMonths: 600 } }, message: /economics\.horizonMonths/ },
  ])("rejects $name with a clear error", ({ raw, message }) => {
    expect(() => upgradeInputs(raw)).toThrow(DomainInputError);
    expect(() => upgradeInputs(raw)).toThrow(message);
  });
});
