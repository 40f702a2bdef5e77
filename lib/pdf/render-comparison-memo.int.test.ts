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
