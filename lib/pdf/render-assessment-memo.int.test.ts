import { describe, expect, it } from "vitest";
import { STAGE_KEYS } from "@/lib/domain/shared";
import { STAGE_TITLES } from "@/lib/domain/shared";
import type { TReport } from "@/lib/domain/report";
import { ASSESSMENT_TEMPLATES } from "@/lib/domain/assessment";
import { breakEvenText, crossoverText, formatDateTime } from "@/lib/domain/report";
import { formatFigureValue } from "@/lib/domain/shared";
import { renderMemoDocument } from "./engine/render";
import { CONTENT_HEIGHT, FOOTER, PAGE } from "./engine/theme";
import { assessmentMemoDocument } from "./memo/assessment";
import { signOffText } from "./memo/cover";
import type { TMemoOptions, TSignOff } from "./memo/options";
import { readPdf, type TPdfRead } from "./pdf-reader";
import { bodyLines, emptyReport, GENERATED_AT, templateReport } from "./pdf-test-kit";
import { renderAssessmentMemo } from "./render-assessment-memo";

const OPTIONS = { organisationName: "Northwind Traders", generatedAt: GENERATED_AT };

async function memo(report: TReport, options: TMemoOptions = OPTIONS): Promise<TPdfRead> {
  const bytes = await renderAssessmentMemo(report, options);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  return readPdf(bytes);
}

/** Page numbers as printed: "Page n of N" on every page, n counting up, N the real page count. */
function expectPageNumbers(pdf: TPdfRead) {
  pdf.pageTexts.forEach((text, i) => expect(text.replace(/\s+/g, " "), `page ${i + 1}`).toContain(`Page ${i + 1} of ${pdf.pages}`));
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
    it("prints the report model's key figures, every stage and the footer, in 8-20 pages", async () => {
      const report = templateReport(index);
      const pdf = await memo(report);
      expect(pdf.pages).toBeGreaterThanOrEqual(8);
      expect(pdf.pages).toBeLessThanOrEqual(20);
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
      // Searched from the reasons heading: the verdict box and the verdict section may repeat a reason's words.
      const reasonsStart = pdf.flat.indexOf("Reasons, most important first");
      const positions = firstWords.map((w) => pdf.flat.indexOf(w, reasonsStart));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      for (const key of STAGE_KEYS) expect(pdf.flat).toContain(STAGE_TITLES[key]);
      expect(pdf.flat).not.toContain("Not started");
      // Licence clauses are quoted with their source.
      const quoted = report.stages.licence.findings.find((f) => f.quote && f.sourceUrl);
      if (quoted) expect(pdf.text.replace(/\s+/g, " ")).toContain(quoted.quote!.slice(0, 40).replace(/\s+/g, " "));
      // Every source, and every finding's source, is a working link.
      for (const url of [...report.sources.flatMap((src) => (src.url ? [src.url] : [])), ...report.stages.licence.findings.flatMap((f) => (f.sourceUrl ? [f.sourceUrl] : []))]) expect(pdf.links).toContain(url);
      expectPageNumbers(pdf);
      expect(pdf.flat).toContain(`version ${report.meta.version} · generated ${formatDateTime(GENERATED_AT)}`);
      expect(pdf.flat).toContain("Economics charts");
      expect(pdf.flat).toContain("Sources");
      // The serving layout the owned cost rests on, what binds it, and the alternatives it beat.
      const chosen = report.stages.infrastructure.detail!.search!.rows.find((r) => r.isChosen)!;
      expect(pdf.flat).toContain("Serving layout");
      expect(pdf.flat).toContain(`TP${chosen.tensorParallel}, weights ${chosen.weightPrecisionLabel}`);
      expect(pdf.flat).toContain("Binding constraint");
      expect(pdf.flat).toContain("Alternative 1");
    });
  });

  it("marks every stage of an empty assessment Not started and never prints an unknown figure as $0", async () => {
    const report = emptyReport();
    expect(report.keyFigures.monthlyOwnedCostUsd).toBeNull();
    const pdf = await memo(report);
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(pdf.pages).toBeLessThanOrEqual(8);
    for (const key of STAGE_KEYS) expect(pdf.flat).toMatch(new RegExp(`${STAGE_TITLES[key]}: Not started`));
    expect(pdf.flat.match(/Not started: no results for this stage/g)).toHaveLength(STAGE_KEYS.length);
    expectPageNumbers(pdf);
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

  it("prints no near-empty page for an empty assessment: stages not started are compact", async () => {
    const pdf = await memo(emptyReport());
    const counts = pdf.pageTexts.map((t) => bodyLines(t).length);
    // Every page but the last is mostly full; the last still carries more than a stray line or two.
    counts.slice(0, -1).forEach((n, i) => expect(n, `page ${i + 1} of ${pdf.pages}: ${counts.join(", ")} lines`).toBeGreaterThanOrEqual(30));
    expect(counts.at(-1)).toBeGreaterThanOrEqual(5);
    // The seven "Not started" notes sit together on at most two pages, not one page each.
    const pagesWithNotes = pdf.pageTexts.map((t, i) => (t.includes("Not started: no results") ? i : -1)).filter((i) => i >= 0);
    expect(pagesWithNotes.length).toBeLessThanOrEqual(2);
    // The executive summary starts on the cover page.
    expect(pdf.pageTexts[0]).toContain("Executive summary");
  });

  it("prints every sign-off on page 1, and compactly when there are many", async () => {
    const at = (d: number) => new Date(Date.UTC(2026, 10, d, 9, 30));
    const two: TSignOff[] = [
      { label: "Stage signed off: Licence diligence", byName: "Maria Manager", at: at(20), note: null },
      { label: "Approved: submission 2 (version 7)", byName: "Olu Owner", at: at(27), note: "Go for the pilot; revisit at 20B tokens/month." },
    ];
    const pdf = await memo(templateReport(0), { ...OPTIONS, signOffs: two });
    const page1 = pdf.pageTexts[0].replace(/\s+/g, " ");
    for (const so of two) expect(page1).toContain(signOffText(so));
    expect(page1).toContain("Approved: submission 2 (version 7): Olu Owner, 27 Nov 2026, 09:30 UTC (“Go for the pilot; revisit at 20B tokens/month.”)");
    expect(pdf.flat).not.toContain("No sign-offs recorded");

    const many: TSignOff[] = Array.from({ length: 14 }, (_, i) => ({ label: `Stage signed off: check ${i + 1}`, byName: `Reviewer ${i + 1}`, at: at(1 + i), note: i % 3 === 0 ? "Looked at the sources." : null }));
    const crowded = await memo(templateReport(1), { ...OPTIONS, signOffs: many });
    const crowdedPage1 = crowded.pageTexts[0].replace(/\s+/g, " ");
    for (const so of many) expect(crowdedPage1).toContain(signOffText(so));
    expect(crowdedPage1).toContain("Sign-offs (14)");
    expectPageNumbers(crowded);
  });

  it("fits every page: the pieces on a page are no taller than it, and no text runs into the footer", async () => {
    const reports = [...ASSESSMENT_TEMPLATES.map((_, i) => templateReport(i)), emptyReport(), templateReport(0, "Łódź ≥ €5 analysis", "Ünïcödé description — with “quotes”, ≥ and € signs. ".repeat(6))];
    for (const report of reports) {
      const { bytes, pages } = await renderMemoDocument(assessmentMemoDocument(report, OPTIONS));
      pages.forEach((units, i) => expect(units.reduce((sum, u) => sum + u.height, 0), `${report.meta.title}, page ${i + 1}`).toBeLessThanOrEqual(CONTENT_HEIGHT));
      const pdf = await readPdf(bytes);
      expect(pdf.pages).toBe(pages.length);
      // Text baselines as drawn: body text inside the margins, the footer's lines below them.
      const footerTop = PAGE.height - FOOTER.bottom - 2 * FOOTER.line;
      pdf.pageItems.forEach((items, i) => {
        const body = items.filter((it) => it.top < footerTop);
        expect(body.length, `${report.meta.title}, page ${i + 1}`).toBeGreaterThan(0);
        for (const it of body) expect(it.top, `${report.meta.title}, page ${i + 1}: ${it.str}`).toBeLessThanOrEqual(PAGE.height - PAGE.bottom);
        for (const it of body) expect(it.top).toBeGreaterThan(PAGE.top);
      });
    }
  });

  it("breaks text longer than a page across pages: a long description and a very long sign-off note", async () => {
    const sentence = "This description runs on for a long time to test text taller than a page. ";
    const description = `${sentence.repeat(140)}Last words of the description.`;
    const note = `${"A sign-off note that goes on and on. ".repeat(160)}Last words of the note.`;
    const signOffs: TSignOff[] = [{ label: "Approved: submission 1 (version 1)", byName: "Olu Owner", at: GENERATED_AT, note }];
    const pdf = await memo(templateReport(3, undefined, description), { ...OPTIONS, signOffs });
    // The text of every page without its footer, so a sentence cut by a page break reads on.
    const plain = pdf.pageTexts
      .map((t) => bodyLines(t).join(" "))
      .join(" ")
      .replace(/\s+/g, " ");
    expect(plain.split("This description runs on").length - 1).toBe(140);
    expect(plain).toContain("Last words of the description.");
    expect(plain.split("A sign-off note that goes on and on.").length - 1).toBe(160);
    expect(plain).toContain("Last words of the note.");
    expect(pdf.flat).toContain("Executive summary");
    expectPageNumbers(pdf);
  });
});
