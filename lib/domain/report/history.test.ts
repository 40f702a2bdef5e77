import { describe, expect, it } from "vitest";
import { CURRENT_INPUTS_SCHEMA_VERSION, ZAssessmentInputs, type TAssessmentInputs } from "../assessment";
import { canonicalJson, canonicalStageInputs, diffFigures, diffInputs, flattenJson, frozenFigures, fromDbVerdict, DB_VERDICT_LABELS, summaryColumns, toDbVerdict, type TFrozenFigure, type TVersionSide } from "./history";
import { buildReport, type TReport } from "../report/report";
import { ASSESSMENT_TEMPLATES } from "../assessment";

function reportOf(templateId: string, inputs?: TAssessmentInputs): TReport {
  const t = ASSESSMENT_TEMPLATES.find((x) => x.id === templateId)!;
  return buildReport({
    assessment: { id: t.id, title: t.name, description: t.description, candidateModelId: t.candidateModelId, incumbentApiId: t.incumbentApiId, status: "draft", version: 1, updatedAt: "2026-01-01T00:00:00.000Z" },
    inputs: inputs ?? t.inputs,
    options: { monteCarloSamples: 200 },
  });
}

const side = (inputs: TAssessmentInputs, over: Partial<TVersionSide> = {}): TVersionSide => ({ title: "A", candidateModelId: "m", incumbentApiId: "api", inputs, figures: [], ...over });
const fig = (key: string, value: number | null, over: Partial<TFrozenFigure> = {}): TFrozenFigure => ({ key, group: "Key figures", label: key, unit: "USD", value, ...over });

describe("canonicalJson", () => {
  it.each([
    { name: "key order does not matter", a: { b: 1, a: { d: 2, c: 3 } }, b: { a: { c: 3, d: 2 }, b: 1 } },
    { name: "undefined properties vanish", a: { a: 1, b: undefined }, b: { a: 1 } },
    { name: "undefined itself reads as null", a: undefined, b: null },
  ])("$name", ({ a, b }) => {
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it("keeps array order and value types", () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson({ a: "1" })).not.toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ b: [1, { y: true, x: null }], a: "é" })).toBe('{"a":"é","b":[1,{"x":null,"y":true}]}');
  });

  it("a stage's canonical text ignores other stages", () => {
    const t = ASSESSMENT_TEMPLATES[0]!.inputs;
    const changed = { ...t, economics: { ...t.economics, horizonMonths: 99 } };
    expect(canonicalStageInputs(changed, "licence")).toBe(canonicalStageInputs(t, "licence"));
    expect(canonicalStageInputs(changed, "economics")).not.toBe(canonicalStageInputs(t, "economics"));
    expect(canonicalStageInputs({ schemaVersion: CURRENT_INPUTS_SCHEMA_VERSION } as TAssessmentInputs, "licence")).toBe("null");
  });
});

describe("flattenJson", () => {
  it("gives dotted paths with array indices and drops empty containers and nulls", () => {
    expect([...flattenJson({ a: { b: [1, { c: "x" }], e: {}, f: [], g: null }, h: false })]).toEqual([
      ["a.b[0]", "1"],
      ["a.b[1].c", "x"],
      ["h", "false"],
    ]);
  });
});

describe("diffInputs", () => {
  const base = ZAssessmentInputs.parse({ economics: { horizonMonths: 36, inputTokensPerMonth: 1000 }, licence: { orgFacts: { regions: ["EU"] } } });

  it("equal versions have no differences, whatever the key order", () => {
    const reordered = ZAssessmentInputs.parse({ licence: { orgFacts: { regions: ["EU"] } }, economics: { inputTokensPerMonth: 1000, horizonMonths: 36 } });
    expect(diffInputs(side(base), side(reordered))).toEqual([]);
  });

  it("lists changed, added and removed inputs by path, grouped by stage, in path order", () => {
    const next = ZAssessmentInputs.parse({ economics: { horizonMonths: 24 }, licence: { orgFacts: { regions: ["EU", "US"] } }, adaptation: { method: "lora" } });
    expect(diffInputs(side(base), side(next))).toEqual([
      { path: "adaptation.method", stage: "Adaptation", before: "—", after: "lora" },
      { path: "economics.horizonMonths", stage: "Economics", before: "36", after: "24" },
      { path: "economics.inputTokensPerMonth", stage: "Economics", before: "1000", after: "—" },
      { path: "licence.orgFacts.regions[1]", stage: "Licence diligence", before: "—", after: "US" },
    ]);
  });

  it("includes the title and the model choices, and never the schema version", () => {
    const changes = diffInputs(side(base, { title: "Old", candidateModelId: "a" }), side({ ...base, schemaVersion: 99 } as unknown as TAssessmentInputs, { title: "New", candidateModelId: "b" }));
    expect(changes).toEqual([
      { path: "candidateModelId", stage: "Assessment", before: "a", after: "b" },
      { path: "title", stage: "Assessment", before: "Old", after: "New" },
    ]);
  });
});

describe("diffFigures", () => {
  it("equal figures (up to floating noise) are no difference", () => {
    expect(diffFigures([fig("a", 1), fig("b", null, { valueText: "never" })], [fig("a", 1 + 1e-12), fig("b", null, { valueText: "never" })])).toEqual([]);
  });

  it.each([
    { name: "a changed number has a delta", a: [fig("a", 100)], b: [fig("a", 250)], delta: 150 },
    { name: "a drop is a negative delta", a: [fig("a", 10)], b: [fig("a", 4)], delta: -6 },
    { name: "a value that became unknown has no delta", a: [fig("a", 10)], b: [fig("a", null)], delta: null },
    { name: "null with a different meaning is a change", a: [fig("a", null, { valueText: "never" })], b: [fig("a", null)], delta: null },
  ])("$name", ({ a, b, delta }) => {
    const [change] = diffFigures(a, b);
    expect(change).toMatchObject({ key: "a", unit: "USD", delta, before: a[0], after: b[0] });
  });

  it("keeps the newer version's order, then figures only the older one had", () => {
    const changes = diffFigures([fig("gone", 1), fig("x", 1), fig("y", 1)], [fig("y", 2), fig("new", 5), fig("x", 3)]);
    expect(changes.map((c) => [c.key, c.before?.value ?? null, c.after?.value ?? null, c.delta])).toEqual([
      ["y", 1, 2, 1],
      ["new", null, 5, null],
      ["x", 1, 3, 2],
      ["gone", 1, null, null],
    ]);
  });
});

describe("frozenFigures and summaryColumns", () => {
  const report = reportOf("support-summarisation");

  it("freezes every key figure and stage figure under a unique group.key", () => {
    const frozen = frozenFigures(report);
    const stageCount = Object.values(report.stages).reduce((n, s) => n + s.figures.length, 0);
    expect(frozen).toHaveLength(report.keyFigures.figures.length + stageCount);
    expect(new Set(frozen.map((f) => f.key)).size).toBe(frozen.length);
    expect(frozen[0]).toMatchObject({ group: "Key figures", key: `Key figures.${report.keyFigures.figures[0]!.key}` });
    // Frozen figures survive a JSON round trip (they are stored as JSON) and compare equal.
    expect(diffFigures(frozen, JSON.parse(JSON.stringify(frozen)) as TFrozenFigure[])).toEqual([]);
  });

  it("a changed economics input shows up in the figures diff", () => {
    const t = ASSESSMENT_TEMPLATES[0]!;
    const more = ZAssessmentInputs.parse({ ...t.inputs, economics: { ...t.inputs.economics, inputTokensPerMonth: (t.inputs.economics?.inputTokensPerMonth ?? 0) * 2 } });
    const changes = diffFigures(frozenFigures(report), frozenFigures(reportOf(t.id, more)));
    expect(changes.find((c) => c.key === "Key figures.economics.apiUsdPerMonth")?.delta).toBeGreaterThan(0);
  });

  it("summary columns follow the report's key figures and verdict", () => {
    const s = summaryColumns(report);
    expect(fromDbVerdict(s.verdict)).toBe(report.recommendation.verdict);
    expect(s.monthlyOwnedUsd).toBe(report.keyFigures.monthlyOwnedCostUsd);
    expect(s.monthlyApiUsd).toBe(report.keyFigures.monthlyApiCostUsd);
    expect(s.licenceBlockers).toBe(report.keyFigures.licenceBlockers);
    expect(s.crossoverTokensPerMonth).toBe(report.keyFigures.crossover.kind === "volume" ? report.keyFigures.crossover.tokensPerMonth : null);
  });

  it.each([
    ["go-self-host", "go_self_host"],
    ["go-hosted", "go_hosted"],
    ["hybrid", "hybrid"],
    ["stay", "stay_api"],
    ["blocked", "blocked"],
    ["insufficient", "insufficient"],
  ] as const)("verdict %s is stored as %s and read back", (verdict, db) => {
    expect(toDbVerdict(verdict)).toBe(db);
    expect(fromDbVerdict(db)).toBe(verdict);
  });

  it("reads the verdicts of the earlier scheme (kept on immutable snapshots) as labels, not as current verdicts", () => {
    expect(fromDbVerdict("go")).toBeNull();
    expect(fromDbVerdict("no_go")).toBeNull();
    expect(DB_VERDICT_LABELS.no_go).toMatch(/earlier verdict scheme/);
  });
});
