import { describe, expect, it } from "vitest";
import { ZAssessmentInputs } from "../assessment/inputs";
import { buildReport, compareReports, type TComparisonRow, type TReport } from "./report";
import { parseComparedIds } from "./compare";
import { ASSESSMENT_TEMPLATES } from "../assessment/templates";

function reportOf(id: string, overrides: Partial<{ candidateModelId: string; reportId: string }> = {}): TReport {
  const t = ASSESSMENT_TEMPLATES.find((x) => x.id === id)!;
  return buildReport({
    assessment: { id: overrides.reportId ?? t.id, title: t.name, description: t.description, candidateModelId: overrides.candidateModelId ?? t.candidateModelId, incumbentApiId: t.incumbentApiId, status: "draft", version: 1, updatedAt: "2026-01-01T00:00:00.000Z" },
    inputs: t.inputs,
    options: { monteCarloSamples: 500 },
  });
}

const support = reportOf("support-summarisation");
const code = reportOf("internal-code-assistant");
const triage = reportOf("ticket-triage");
const comparison = compareReports([support, code, triage]);
const row = (key: string): TComparisonRow => comparison.rows.find((r) => r.key === key)!;
const best = (r: TComparisonRow) => r.cells.filter((c) => c.isBest).map((c) => c.reportId);

describe("compareReports", () => {
  it("has one row per key figure and per stage, a cell per report", () => {
    expect(comparison.reports.map((r) => r.id)).toEqual(["support-summarisation", "internal-code-assistant", "ticket-triage"]);
    expect(comparison.rows.filter((r) => r.group === "stage")).toHaveLength(7);
    expect(comparison.rows.filter((r) => r.group === "key-figure").length).toBeGreaterThanOrEqual(12);
    for (const r of comparison.rows) expect(r.cells).toHaveLength(3);
  });

  it.each([
    { key: "recommendedNpvUsd", expected: ["ticket-triage"] },
    // Lower is better for costs.
    { key: "monthlyApiCostUsd", expected: ["ticket-triage"] },
    { key: "monthlyOwnedCostUsd", expected: ["ticket-triage"] },
    // Higher is better for savings and readiness.
    { key: "monthlySavingUsd", expected: ["internal-code-assistant"] },
    { key: "safetyReadinessPct", expected: ["internal-code-assistant"] },
    // Earliest break-even wins; "not within the horizon" ranks last.
    { key: "breakEvenMonth", expected: ["internal-code-assistant"] },
    { key: "lifecycleFteEquivalent", expected: ["ticket-triage"] },
  ])("marks the best $key", ({ key, expected }) => {
    expect(best(row(key))).toEqual(expected);
    expect(row(key).differs).toBe(true);
  });

  it("shows each verdict and recommended option in words, never marking a verdict best", () => {
    expect(row("verdict").cells.map((c) => c.display)).toEqual(["Stay on the API", "Go: self-host", "Stay on the API"]);
    expect(best(row("verdict"))).toEqual([]);
    expect(row("recommendedOption").cells[1].display).toMatch(/owned hardware/);
  });

  it("shows reports without a value in words and never marks them best", () => {
    const breakEven = row("breakEvenMonth");
    expect(breakEven.cells.find((c) => c.reportId === "ticket-triage")).toMatchObject({ value: null, display: "not within 36 months", isBest: false });
    const crossover = row("crossoverTokensPerMonth");
    // 1.28T tokens/month since the default H100 price rose from $2.74 to $3.99/GPU-hour (December
    // 2026 catalog): owned cost per token moves close to gpt-4o mini's, so the crossover moves far out.
    expect(crossover.cells.find((c) => c.reportId === "ticket-triage")?.display).toMatch(/T tokens/);
  });

  it("ties are all best; identical reports differ nowhere and mark nothing", () => {
    const blockers = row("licenceBlockers");
    expect(blockers.differs).toBe(false);
    expect(best(blockers)).toEqual([]);
    const same = compareReports([support, reportOf("support-summarisation", { reportId: "copy" })]);
    expect(same.rows.every((r) => !r.differs)).toBe(true);
    expect(same.rows.every((r) => r.cells.every((c) => !c.isBest))).toBe(true);
    expect(same.licenceFindingDiffs).toEqual([]);
  });

  it("lists the licence findings that differ between licences, aligned by clause", () => {
    const diffs = compareReports([support, code]).licenceFindingDiffs;
    expect(diffs.length).toBeGreaterThan(0);
    for (const d of diffs) {
      expect(d.cells).toHaveLength(2);
      expect(d.cells[0].severity).not.toBe(d.cells[1].severity);
    }
    expect(diffs[0].cells.map((c) => c.licenceName)).toEqual(["Llama 3.3 Community License Agreement", "Qwen LICENSE AGREEMENT"]);
  });

  it("stage rows show the outcome, and 'Not started' for an empty stage", () => {
    const empty = buildReport({
      assessment: { id: "empty", title: "Empty", description: "", candidateModelId: "llama-3.3-70b-instruct", incumbentApiId: "openai-gpt-4o", status: "draft", version: 1, updatedAt: "2026-01-01T00:00:00.000Z" },
      inputs: ZAssessmentInputs.parse({}),
      options: { monteCarloSamples: 500 },
    });
    const c = compareReports([support, empty]);
    const safety = c.rows.find((r) => r.key === "stage.safety")!;
    expect(safety.cells.map((x) => x.display)).toEqual([support.stages.safety.outcome.label, "Not started"]);
    expect(safety.cells[1].isBest).toBe(false);
  });
});

describe("parseComparedIds", () => {
  it.each([
    { param: undefined, expected: [] },
    { param: "", expected: [] },
    { param: "a,b,c", expected: ["a", "b", "c"] },
    { param: " a , b ,,", expected: ["a", "b"] },
    { param: ["a", "b"], expected: ["a", "b"] },
    { param: ["a,b", "c"], expected: ["a", "b", "c"] },
    // Repeats collapse, first position kept, so ?ids=a,a is one assessment (and not a comparison).
    { param: "b,a,b", expected: ["b", "a"] },
    { param: ["a", "a"], expected: ["a"] },
  ])("reads $param as $expected", ({ param, expected }) => {
    expect(parseComparedIds(param)).toEqual(expected);
  });
});

describe("compareReports marks Best only where one exists (issue 14)", () => {
  const all = compareReports(ASSESSMENT_TEMPLATES.map((t) => reportOf(t.id)));
  const stage = (key: string) => all.rows.find((r) => r.key === `stage.${key}`)!;

  it("marks no Best when different outcomes tie at the top", () => {
    // Two "Pass" results with different gaps, and two "light" lifecycles, are not one best.
    expect(best(stage("capability"))).toEqual([]);
    expect(best(stage("lifecycle"))).toEqual([]);
    expect(best(stage("adaptation"))).toEqual([]);
  });

  it("still marks a single best outcome", () => {
    expect(best(stage("economics"))).toEqual(["internal-code-assistant"]);
    expect(best(stage("safety"))).toEqual(["internal-code-assistant"]);
  });

  it("marks no Best when every known value ties and another is unknown", () => {
    const empty = buildReport({
      assessment: { id: "empty", title: "Empty", description: "", candidateModelId: "llama-3.3-70b-instruct", incumbentApiId: "openai-gpt-4o", status: "draft", version: 1, updatedAt: "2026-01-01T00:00:00.000Z" },
      inputs: ZAssessmentInputs.parse({}),
      options: { monteCarloSamples: 500 },
    });
    const c = compareReports([support, reportOf("support-summarisation", { reportId: "copy" }), empty]);
    expect(c.rows.every((r) => r.cells.every((cell) => !cell.isBest))).toBe(true);
  });
});
