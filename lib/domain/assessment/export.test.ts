import { describe, expect, it } from "vitest";
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, MAX_IMPORT_CHARS, importedTitle, parseAssessmentImport, toExport } from "./export";
import { ASSESSMENT_TEMPLATES, getTemplate } from "./templates";

const template = getTemplate(ASSESSMENT_TEMPLATES[0]!.id)!;
const assessment = {
  id: "asm_1",
  title: "Support summarisation: Llama 3.3 70B vs GPT-4o",
  description: "Summaries of support tickets, EU customers.",
  candidateModelId: template.candidateModelId,
  incumbentApiId: template.incumbentApiId,
  version: 4,
  status: "approved",
  inputs: template.inputs,
};
const exported = () => toExport({ organizationName: "Northwind Support", exportedAt: new Date("2026-11-28T10:00:00Z"), assessment });
/** The export as JSON with `change` applied to a parsed copy. */
const variant = (change: (doc: Record<string, any>) => void): string => {
  const doc = JSON.parse(JSON.stringify(exported()));
  change(doc);
  return JSON.stringify(doc);
};
const errorsOf = (text: string) => {
  const r = parseAssessmentImport(text);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
};

describe("toExport", () => {
  it("wraps the assessment with the format marker, version and source", () => {
    const doc = exported();
    expect(doc.format).toBe(EXPORT_FORMAT);
    expect(doc.formatVersion).toBe(EXPORT_FORMAT_VERSION);
    expect(doc.exportedAt).toBe("2026-11-28T10:00:00.000Z");
    expect(doc.source).toEqual({ organization: "Northwind Support", assessmentId: "asm_1", version: 4, status: "approved" });
  });
});

describe("parseAssessmentImport", () => {
  it("round-trips: toExport → JSON → parse gives back the assessment's content", () => {
    const r = parseAssessmentImport(JSON.stringify(exported(), null, 2));
    expect(r).toEqual({
      ok: true,
      data: { title: assessment.title, description: assessment.description, candidateModelId: assessment.candidateModelId, incumbentApiId: assessment.incumbentApiId, inputs: assessment.inputs },
    });
  });

  it("round-trips every template", () => {
    for (const t of ASSESSMENT_TEMPLATES) {
      const full = getTemplate(t.id)!;
      const doc = toExport({ organizationName: "O", exportedAt: new Date(), assessment: { ...assessment, candidateModelId: full.candidateModelId, incumbentApiId: full.incumbentApiId, inputs: full.inputs } });
      const r = parseAssessmentImport(JSON.stringify(doc));
      expect(r.ok && r.data.inputs, t.id).toEqual(full.inputs);
    }
  });

  it.each([
    ["malformed JSON", "{ \"format\": ", /^The file is not valid JSON: /],
    ["an empty file", "", /^The file is not valid JSON: /],
    ["another tool's file", JSON.stringify({ results: { mmlu: { acc: 0.8 } } }), /^This is not a Freehold assessment export: the file must have "format": "freehold.assessment"/],
    ["a wrong format marker", variant((d) => (d.format = "freehold.comparison")), /^This is not a Freehold assessment export/],
    ["a JSON array", "[1,2]", /^This is not a Freehold assessment export/],
    ["a newer format version", variant((d) => (d.formatVersion = 2)), /^This export uses format version 2; this version of Freehold reads version 1\.$/],
  ])("refuses %s with a specific message", (_what, text, message) => {
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it("refuses a file over the size limit before parsing it", () => {
    expect(errorsOf(" ".repeat(MAX_IMPORT_CHARS + 1))[0]).toMatch(/^The file is too large \(1,000,001 characters; the limit is 1,000,000\)\.$/);
  });

  it("names each invalid stage input by its path", () => {
    const errors = errorsOf(
      variant((d) => {
        d.assessment.inputs.economics.inputTokensPerMonth = -5;
        d.assessment.inputs.economics.outputTokensPerMonth = "lots";
      }),
    );
    expect(errors.some((e) => e.startsWith("assessment.inputs.economics.inputTokensPerMonth"))).toBe(true);
    expect(errors.some((e) => e.startsWith("assessment.inputs.economics.outputTokensPerMonth"))).toBe(true);
  });

  it("refuses inputs from a newer schema", () => {
    expect(errorsOf(variant((d) => (d.assessment.inputs.schemaVersion = 99)))[0]).toMatch(/^assessment\.inputs\.schemaVersion: written by a newer version of Freehold \(v99\)/);
  });

  it("refuses an unknown model and an unknown API without a price, each with its own message", () => {
    const errors = errorsOf(
      variant((d) => {
        d.assessment.candidateModelId = "not-a-model";
        d.assessment.incumbentApiId = "not-an-api";
        delete d.assessment.inputs.economics.apiPriceOverride;
      }),
    );
    expect(errors).toEqual([
      'assessment.candidateModelId: "not-a-model" is neither in the catalog nor described as a custom model in the inputs.',
      'assessment.incumbentApiId: "not-an-api" is not in the catalog and the inputs give no API price.',
    ]);
  });

  it("refuses a missing or too short title and lists every problem of the assessment at once", () => {
    const errors = errorsOf(
      variant((d) => {
        d.assessment.title = "x";
        delete d.assessment.candidateModelId;
      }),
    );
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/^assessment\.title: the title must have at least 3 characters/), expect.stringMatching(/^assessment\.candidateModelId: /)]));
  });

  it("accepts a file without a description", () => {
    const r = parseAssessmentImport(variant((d) => delete d.assessment.description));
    expect(r.ok && r.data.description).toBe("");
  });
});

describe("importedTitle", () => {
  it("marks the copy with the import date and stays within the title limit", () => {
    expect(importedTitle("Support summarisation", new Date("2026-12-05T23:30:00Z"))).toBe("Support summarisation (imported 2026-12-05)");
    const long = importedTitle("x".repeat(120), new Date("2026-12-05T00:00:00Z"));
    expect(long).toHaveLength(120);
    expect(long.endsWith("… (imported 2026-12-05)")).toBe(true);
  });
});
