import { describe, expect, it } from "vitest";
import { ZAssessmentInputs, type TAssessmentInputs } from "../assessment/inputs";
import { overlayCostVsVolume, overlayCumulative } from "./compare-charts";
import { buildReport, type TReport } from "./report";
import { ASSESSMENT_TEMPLATES } from "../assessment/templates";

function reportOf(templateId: string, economics: Partial<NonNullable<TAssessmentInputs["economics"]>> = {}): TReport {
  const t = ASSESSMENT_TEMPLATES.find((x) => x.id === templateId)!;
  return buildReport({
    assessment: { id: t.id, title: t.name, description: "", candidateModelId: t.candidateModelId, incumbentApiId: t.incumbentApiId, status: "draft", version: 1, updatedAt: "2026-01-01T00:00:00.000Z" },
    inputs: { ...t.inputs, economics: { ...t.inputs.economics, ...economics } },
    options: { monteCarloSamples: 200 },
  });
}

const support = reportOf("support-summarisation");
const code = reportOf("internal-code-assistant");
const triage = reportOf("ticket-triage");
const empty = buildReport({
  assessment: { id: "empty", title: "Empty", description: "", candidateModelId: "llama-3.3-70b-instruct", incumbentApiId: "openai-gpt-4o", status: "draft", version: 1, updatedAt: "2026-01-01T00:00:00.000Z" },
  inputs: ZAssessmentInputs.parse({}),
  options: { monteCarloSamples: 200 },
});

describe("overlayCostVsVolume", () => {
  const chart = overlayCostVsVolume([support, code, triage]);

  it("has an API and an owned series per report, lettered in order", () => {
    expect(chart.series.map((s) => s.label)).toEqual(["A API", "A owned", "B API", "B owned", "C API", "C owned"]);
    expect(chart.series.map((s) => s.index)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it("keeps every positive-volume point of each report exactly, and no zero volume (log axis)", () => {
    [support, code, triage].forEach((r, i) => {
      const points = r.charts.costVsVolume!.points.filter((p) => p.tokensPerMonth > 0);
      const own = chart.rows.filter((row) => row[`r${i}-owned`] !== null);
      expect(own.map((row) => [row.x, row[`r${i}-api`], row[`r${i}-owned`]])).toEqual(points.map((p) => [p.tokensPerMonth, p.apiUsd, p.ownedUsd]));
    });
    expect(chart.rows.every((row) => row.x > 0)).toBe(true);
    expect(chart.rows.map((row) => row.x)).toEqual([...chart.rows.map((row) => row.x)].sort((a, b) => a - b));
    expect(new Set(chart.rows.map((row) => row.x)).size).toBe(chart.rows.length);
  });

  it("marks each report's crossover where the report puts it", () => {
    for (const [i, r] of [support, code, triage].entries()) {
      const crossover = r.charts.costVsVolume!.crossover;
      const marker = chart.markers.find((m) => m.index === i);
      if (crossover) expect(marker).toEqual({ index: i, x: crossover.tokensPerMonth, y: crossover.usdPerMonth, label: `${"ABC"[i]} crossover` });
      else expect(marker).toBeUndefined();
    }
    expect(chart.markers.length).toBeGreaterThan(0);
    expect(chart.notes).toHaveLength(3);
    expect(chart.notes[1]).toMatch(/^B: crossover at .+ tokens a month/);
  });

  it("leaves out a report without economics and says so", () => {
    const partial = overlayCostVsVolume([empty, code]);
    expect(partial.series.map((s) => s.key)).toEqual(["r1-api", "r1-owned"]);
    expect(partial.notes[0]).toBe("A: no economics yet (not drawn).");
    expect(partial.markers.every((m) => m.index === 1)).toBe(true);
  });
});

describe("overlayCumulative", () => {
  const chart = overlayCumulative([support, code, triage]);

  it("shares the month axis: one row per month, every report's cumulative spend in it", () => {
    expect(chart.rows.map((row) => row.x)).toEqual(triage.charts.cumulative!.points.map((p) => p.month));
    const last = chart.rows.at(-1)!;
    expect(last["r2-api"]).toBe(triage.charts.cumulative!.points.at(-1)!.cumulativeApiUsd);
    expect(last["r0-owned"]).toBe(support.charts.cumulative!.points.at(-1)!.cumulativeOwnedUsd);
  });

  it("marks break-even on the owned line, and says when there is none", () => {
    const breakEven = code.charts.cumulative!.breakEven!;
    expect(chart.markers).toContainEqual({ index: 1, x: breakEven.month, y: breakEven.cumulativeOwnedUsd, label: "B break-even" });
    expect(chart.markers.find((m) => m.index === 2)).toBeUndefined();
    expect(chart.notes[2]).toBe("C: owning does not break even within 36 months.");
  });

  it("fills with null where a report's horizon ends before another's", () => {
    const shortHorizon = reportOf("internal-code-assistant", { horizonMonths: 12 });
    const mixed = overlayCumulative([shortHorizon, triage]);
    expect(mixed.rows).toHaveLength(36);
    expect(mixed.rows[11]["r0-owned"]).not.toBeNull();
    expect(mixed.rows[12]["r0-owned"]).toBeNull();
    expect(mixed.rows[12]["r1-owned"]).not.toBeNull();
  });
});
