import { describe, expect, it } from "vitest";
import { assessmentMemoFilename, comparisonMemoFilename, contentDisposition, titleSlug } from "./memo-filename";

const DAY = new Date("2026-11-28T23:59:00.000Z");

describe("memo file names", () => {
  it.each([
    ["Łódź ≥ €5 analysis", "lodz-5-analysis"],
    ["Support summarisation (GPT-4o → Llama)", "support-summarisation-gpt-4o-llama"],
    ["€€€", "assessment"],
  ])("slugs %s as %s", (title, slug) => expect(titleSlug(title)).toBe(slug));

  it("names the assessment memo by title, version and date, with a Unicode filename*", () => {
    const name = assessmentMemoFilename("Łódź ≥ €5 analysis", 3, DAY);
    expect(name.ascii).toBe("freehold-lodz-5-analysis-v3-2026-11-28.pdf");
    const header = contentDisposition(name);
    expect(header).toMatch(/^attachment; filename="freehold-lodz-5-analysis-v3-2026-11-28\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe("Freehold - Łódź ≥ €5 analysis - v3 - 2026-11-28.pdf");
    expect(header).not.toMatch(/[^\x20-\x7e]/);
  });

  it("escapes characters RFC 5987 does not allow and strips path separators", () => {
    const header = contentDisposition(assessmentMemoFilename(`Bob's "plan" (a/b)*`, 1, DAY));
    expect(header.split("UTF-8''")[1]).not.toMatch(/['()*"/]/);
  });

  it("names a comparison after its assessments", () => {
    expect(comparisonMemoFilename(["Alpha", "Beta"], DAY).ascii).toBe("freehold-comparison-alpha-vs-beta-2026-11-28.pdf");
  });
});
