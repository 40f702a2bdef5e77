import { describe, expect, it } from "vitest";
import { compareReports } from "@/lib/domain/report";
import { ASSESSMENT_TEMPLATES } from "@/lib/domain/assessment";
import { readPdf } from "./pdf-reader";
import { emptyReport, GENERATED_AT, templateReport } from "./pdf-test-kit";
import { BEST_MARK, renderComparisonMemo } from "./render-comparison-memo";

const OPTIONS = { organisationName: "Northwind Traders", generatedAt: GENERATED_AT };

describe("renderComparisonMemo", () => {
  it("prints every title and each row's best value marked, for all templates side by side", async () => {
    const reports = ASSESSMENT_TEMPLATES.map((_, i) => templateReport(i));
    const pdf = await readPdf(await renderComparisonMemo(reports, OPTIONS));
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(pdf.pages).toBeLessThanOrEqual(6);
    const plain = pdf.text.replace(/\s+/g, " ");
    for (const r of reports) expect(plain).toContain(r.meta.title);
    const comparison = compareReports(reports);
    let marked = 0;
    for (const row of comparison.rows) {
      expect(plain).toContain(row.label.split(" ")[0]);
      for (const cell of row.cells.filter((c) => c.isBest)) {
        // Long cells wrap inside the table, so only the mark and the value's first word are adjacent.
        expect(plain, `${row.label}: ${cell.display}`).toContain(`${BEST_MARK} ${cell.display.split(" ")[0]}`);
        marked += 1;
      }
    }
    expect(marked).toBeGreaterThan(5);
    expect(plain.split(BEST_MARK).length - 1).toBe(marked + 1); // + the legend
    expect(plain).toContain("Monthly cost against volume");
    expect(plain).toContain("Cumulative saving from owning");
  });

  it("lists each column's review status and sign-offs on the cover (issue 14)", async () => {
    const approved = { ...templateReport(0), meta: { ...templateReport(0).meta, status: "approved" } };
    const signOffsByReport = [[{ label: "Approved: submission 1 (version 4)", byName: "Morgan Manager", at: GENERATED_AT, note: null }], []];
    const pdf = await readPdf(await renderComparisonMemo([approved, templateReport(1)], { ...OPTIONS, signOffsByReport }));
    const plain = pdf.text.replace(/\s+/g, " ");
    expect(plain).toContain("(version 1, Approved): Llama 3.3 70B Instruct");
    expect(plain).toContain("(version 1, Draft): Qwen2.5 72B Instruct");
    expect(plain).toContain("Sign-offs: Approved: submission 1 (version 4): Morgan Manager");
    expect(plain).toContain("Sign-offs: none recorded");
  });

  it("shows a missing assessment's stages as Not started, not zero", async () => {
    const pdf = await readPdf(await renderComparisonMemo([templateReport(0), emptyReport("Łódź ≥ €5 analysis")], OPTIONS));
    const plain = pdf.text.replace(/\s+/g, " ");
    expect(plain).toContain("Łódź ≥ €5 analysis");
    expect(plain).toContain("Not started");
    expect(plain).toContain("No economics yet (not drawn): Łódź ≥ €5 analysis");
  });

  it("refuses fewer than two or more than four reports", async () => {
    await expect(renderComparisonMemo([templateReport(0)], OPTIONS)).rejects.toThrow(/2 to 4/);
    const five = [0, 1, 2, 3, 0].map((i) => templateReport(i));
    await expect(renderComparisonMemo(five, OPTIONS)).rejects.toThrow(/2 to 4/);
  });
});
