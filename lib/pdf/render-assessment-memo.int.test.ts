import { describe, expect, it } from "vitest";
import { STAGE_KEYS, STAGE_TITLES } from "@/lib/domain/assessment-inputs";
import type { TReport } from "@/lib/domain/report-types";
import { ASSESSMENT_TEMPLATES } from "@/lib/domain/templates";
import { breakEvenText, crossoverText, formatDateTime } from "@/lib/format";
import { formatFigureValue } from "@/lib/format-figure";
import { emptyReport, GENERATED_AT, readPdf, templateReport, type TPdfRead } from "./pdf-test-kit";
import { renderAssessmentMemo } from "./render-assessment-memo";

const OPTIONS = { organisationName: "Northwind Traders", generatedAt: GENERATED_AT };

async function memo(report: TReport): Promise<TPdfRead> {
  const bytes = await renderAssessmentMemo(report, OPTIONS);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  return readPdf(bytes);
}

/** The executive-summary figures as the report model formats them (independently of the memo code). */
function expectedKeyFigures(r: TReport): string[] {
  const k = r.keyFigures;
  const out = [
    formatFigureValue(k.plannedTokensPerMonth, "tokens/month"),
    formatFigureValue(k.monthlyApiCostUsd, "USD/month"),
    formatFigureValue(k.monthlyOwnedCostUsd, "USD/month"),
    crossoverText(k.crossover),
    breakEvenText(k.breakEvenMonth, k.horizonMonths),
  ];
  if (k.capability.weightedGapPp !== null) out.push(formatFigureValue(k.capability.weightedGapPp, "pp"));
  return out;
}

describe("renderAssessmentMemo", () => {
  describe.each(ASSESSMENT_TEMPLATES.map((t, i) => ({ name: t.id, index: i })))("template $name", ({ index }) => {
    it("prints the report model's key figures, every stage and the footer, in 6-30 pages", async () => {
      const report = templateReport(index);
      const pdf = await memo(report);
      expect(pdf.pages).toBeGreaterThanOrEqual(6);
      expect(pdf.pages).toBeLessThanOrEqual(30);
      expect(pdf.flat).toContain(report.meta.title);
      expect(pdf.flat).toContain("Northwind Traders");
      expect(pdf.flat).toContain(`${report.meta.candidate.name}`);
      expect(pdf.flat).toContain(`${report.meta.incumbent.name}`);
      expect(pdf.flat).toContain("No sign-offs recorded");
      for (const value of expectedKeyFigures(report)) expect(pdf.flat, value).toContain(value);
      const blockers = report.keyFigures.licenceBlockers;
      expect(blockers).not.toBeNull();
      expect(pdf.flat).toMatch(new RegExp(`Licence blockers ${blockers} `));
      // Ranked reasons in the model's order.
      const firstWords = report.recommendation.reasons.map((r) => r.text.slice(0, 30).replace(/\s+/g, " "));
      const positions = firstWords.map((w) => pdf.flat.indexOf(w));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      for (const key of STAGE_KEYS) expect(pdf.flat).toContain(STAGE_TITLES[key]);
      expect(pdf.flat).not.toContain("Not started");
      // Licence clauses are quoted with their source.
      const quoted = report.stages.licence.findings.find((f) => f.quote && f.sourceUrl);
      if (quoted) expect(pdf.text.replace(/\s+/g, " ")).toContain(quoted.quote!.slice(0, 40).replace(/\s+/g, " "));
      expect(pdf.flat).toContain(`Page 1 of ${pdf.pages}`);
      expect(pdf.flat).toContain(`Page ${pdf.pages} of ${pdf.pages}`);
      expect(pdf.flat).toContain(`version ${report.meta.version} · generated ${formatDateTime(GENERATED_AT)}`);
      expect(pdf.flat).toContain("Economics charts");
      expect(pdf.flat).toContain("Sources");
    });
  });

  it("marks every stage of an empty assessment Not started and never prints an unknown figure as $0", async () => {
    const report = emptyReport();
    expect(report.keyFigures.monthlyOwnedCostUsd).toBeNull();
    const pdf = await memo(report);
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(pdf.pages).toBeLessThanOrEqual(12);
    for (const key of STAGE_KEYS) expect(pdf.flat).toMatch(new RegExp(`${STAGE_TITLES[key]}: Not started`));
    expect(pdf.flat.match(/Not started: no results for this stage/g)).toHaveLength(STAGE_KEYS.length);
    expect(pdf.flat).toContain("Owned cost per month at the plan not known");
    expect(pdf.flat).toContain("Licence blockers not known");
    expect(pdf.flat).toContain("Capability gap (candidate − incumbent) not assessed");
    expect(pdf.flat).not.toMatch(/\$0(?![.,\d])/);
  });

  it("marks only the missing stage of a partly filled assessment", async () => {
    const t = ASSESSMENT_TEMPLATES[1];
    const { economics: _economics, ...rest } = t.inputs;
    const { reportFrom } = await import("./pdf-test-kit");
    const report = reportFrom({ id: "partial", title: "Partly filled", candidateModelId: t.candidateModelId, incumbentApiId: t.incumbentApiId, inputs: rest });
    const pdf = await memo(report);
    expect(pdf.flat).toContain("Economics: Not started");
    expect(pdf.flat.match(/Not started: no results for this stage/g)).toHaveLength(1);
    expect(pdf.flat).toContain(`${STAGE_TITLES.licence}: Complete`);
  });

  it("round-trips a Unicode title (Łódź ≥ €5 analysis) in the text and the footer", async () => {
    const title = "Łódź ≥ €5 analysis";
    const pdf = await memo(templateReport(0, title));
    expect(pdf.text).toContain(title);
    expect(pdf.flat).toContain(`Freehold · ${title} · version 1`);
  });
});
