import { describe, expect, it } from "vitest";
import { compareReports, memoSections, type TReport } from "@/lib/domain/report";
import { STAGE_KEYS, STAGE_TITLES, tokensText } from "@/lib/domain/shared";
import { ASSESSMENT_TEMPLATES } from "@/lib/domain/assessment";
import { tornadoBars } from "./charts/bar-charts";
import { summaryFigures } from "./memo/summary";
import { readPdf, readStructure, structElements, type TStructElement } from "./pdf-reader";
import { GENERATED_AT, templateReport } from "./pdf-test-kit";
import { renderAssessmentMemo } from "./render-assessment-memo";
import { renderComparisonMemo } from "./render-comparison-memo";

const OPTIONS = { organisationName: "Northwind Traders", generatedAt: GENERATED_AT };

const clean = (text: string) => text.replace(/\s+/g, " ").trim();
const textsOf = (elements: TStructElement[], role: string) => elements.filter((e) => e.role === role).map((e) => clean(e.text));

/** The structure read back from a memo, with the checks every memo must pass. */
async function taggedMemo(bytes: Buffer) {
  const pdf = await readPdf(bytes);
  expect(pdf.isTagged).toBe(true);
  expect(pdf.lang).toBe("en-GB");
  expect(pdf.displaysTitle).toBe(true);
  const { pages } = await readStructure(bytes);
  expect(pages).toHaveLength(pdf.pages);
  pages.forEach((p, i) => {
    // Reading order: the tree visits the page's content in the order it is drawn.
    expect(p.treeIds, `page ${i + 1}`).toEqual(p.drawnIds);
    expect(p.tree.children.map((c) => c.role)).toEqual(["Document"]);
    // The footer is a pagination artifact, not part of the text.
    expect(p.tree.text).not.toMatch(/Page \d+ of \d+/);
  });
  const elements = structElements(pages.map((p) => p.tree));
  // Every table row starts with its header cell; every list item has a label and a body.
  for (const tr of elements.filter((e) => e.role === "TR")) expect(tr.children[0]?.role).toBe("TH");
  for (const li of elements.filter((e) => e.role === "LI")) expect(li.children.map((c) => c.role)).toEqual(["Lbl", "LBody"]);
  // Header cells say what they head: pdf.js does not read attributes back, but the structure
  // elements are plain (uncompressed) objects in the file.
  const scopes = new Set(bytes.toString("latin1").match(/\/Scope \/\w+/g));
  return { pdf, elements, scopes };
}

describe("tagged memos", () => {
  it("assessment memo: title, language, headings in order, header cells, lists, figures whose alt text is their key numbers", async () => {
    const report = templateReport(0);
    const { pdf, elements, scopes } = await taggedMemo(await renderAssessmentMemo(report, OPTIONS));
    // Row headers (the summary's label | value table), column headers (the options and finance tables).
    expect([...scopes].sort()).toEqual(["/Scope /Column", "/Scope /Row"]);
    expect(pdf.title).toBe(`${report.meta.title} (version ${report.meta.version})`);
    expect(textsOf(elements, "H1")).toEqual([report.meta.title]);
    expect(textsOf(elements, "H2")).toEqual(["Executive summary", ...memoSections(report).map((m) => m.heading), ...STAGE_KEYS.map((k) => STAGE_TITLES[k]), "Economics charts", "Assumptions", "Sources", "Evidence files"]);
    expect(textsOf(elements, "H3")).toContain("Reasons, most important first");
    const headerCells = textsOf(elements, "TH");
    for (const f of summaryFigures(report)) expect(headerCells).toContain(f.label);
    expect(textsOf(elements, "TD")).toContain(summaryFigures(report)[0].value);
    // The ranked reasons are a list, in the model's order.
    const bodies = textsOf(elements, "LBody");
    const positions = report.recommendation.reasons.map((r) => bodies.findIndex((b) => b.includes(clean(r.text))));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Four charts, each a figure whose alternative text gives its numbers.
    const figures = elements.filter((e) => e.role === "Figure");
    expect(figures.map((f) => f.alt?.split(".")[0])).toEqual(["Monthly cost against volume (tokens per month)", "Cumulative cost over 36 months", "Owned cost breakdown per month", `Sensitivity: ${report.charts.tornado?.outputLabel}`]);
    const { costVsVolume, cumulative, tornado } = report.charts;
    expect(figures[0].alt).toContain(`Planned volume ${tokensText(costVsVolume!.plannedTokensPerMonth)}`);
    expect(figures[0].alt).toContain(`Crossover ${tokensText(costVsVolume!.crossover!.tokensPerMonth)}`);
    expect(figures[1].alt).toContain(`Break-even month ${cumulative!.breakEven!.month}`);
    for (const bar of tornadoBars(tornado!)) expect(figures[3].alt).toContain(`${bar.label}: `);
    // Each chart's axes say what they measure, in which unit.
    for (const title of ["Tokens per month", "USD per month", "Month", "Cumulative USD", `${tornado!.outputLabel} (USD)`]) expect(pdf.flat).toContain(title);
    // Links are Link elements around the linked text (a long URL runs over two lines).
    const links = textsOf(elements, "Link").map((l) => l.replace(/\s/g, ""));
    for (const src of report.sources) if (src.url) expect(links).toContain(src.url);
  });

  it("comparison memo: title, column and row header cells, and each overlaid chart's numbers per assessment", async () => {
    const reports = ASSESSMENT_TEMPLATES.map((_, i) => templateReport(i));
    const { pdf, elements, scopes } = await taggedMemo(await renderComparisonMemo(reports, OPTIONS));
    expect([...scopes].sort()).toEqual(["/Scope /Column", "/Scope /Row"]);
    expect(pdf.title).toBe(`Comparison: ${reports.map((r) => r.meta.title).join(" / ")}`);
    expect(textsOf(elements, "H1")).toEqual(["Comparing 4 assessments"]);
    expect(textsOf(elements, "H2")).toEqual(["Verdicts and recommended options", "Charts"]);
    const headerCells = textsOf(elements, "TH");
    expect(headerCells).toEqual(expect.arrayContaining(["A", "B", "C", "D", ...compareReports(reports).rows.map((r) => clean(r.label))]));
    const figures = elements.filter((e) => e.role === "Figure");
    expect(figures).toHaveLength(2);
    for (const f of figures) for (const r of reports) expect(f.alt).toContain(r.meta.title);
    // Each report's crossover and break-even are marked on the overlaid charts, with the axes' units.
    for (const r of reports) {
      const { costVsVolume, cumulative } = r.charts;
      if (costVsVolume?.crossover) expect(figures[0].alt).toContain(`${r.meta.title}: crossover ${tokensText(costVsVolume.crossover.tokensPerMonth)}`);
      if (cumulative?.breakEven) expect(figures[1].alt).toContain(`${r.meta.title}: break-even month ${cumulative.breakEven.month}`);
    }
    expect(reports.some((r) => r.charts.costVsVolume?.crossover) && reports.some((r) => r.charts.cumulative?.breakEven)).toBe(true);
    for (const title of ["Tokens per month", "USD per month", "Month", "Cumulative saving (USD)"]) expect(pdf.flat).toContain(title);
  });
});

/** A report whose every source URL, and a licence finding's, is `url`. */
function withSourceUrl(report: TReport, url: string): TReport {
  const out = structuredClone(report);
  out.sources = out.sources.map((s) => ({ ...s, url }));
  const finding = out.stages.licence.findings.find((f) => f.sourceUrl);
  if (finding) finding.sourceUrl = url;
  return out;
}

describe("links in memos", () => {
  it("never turns a javascript: URL into a link: it prints as plain text, with no link annotation", async () => {
    const report = withSourceUrl(templateReport(0), "javascript:alert(1)");
    const pdf = await readPdf(await renderAssessmentMemo(report, OPTIONS));
    expect(pdf.flat).toContain("javascript:alert(1)");
    expect(pdf.links.filter((l) => !/^https?:\/\//.test(l))).toEqual([]);
    // The template's own http(s) links elsewhere are still there, so annotations were read at all.
    expect(pdf.links.length).toBeGreaterThan(0);
  });

  it("keeps an http(s) source URL a working link", async () => {
    const pdf = await readPdf(await renderAssessmentMemo(withSourceUrl(templateReport(1), "https://example.com/terms"), OPTIONS));
    expect(pdf.links).toContain("https://example.com/terms");
  });
});
