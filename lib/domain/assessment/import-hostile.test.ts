// Issue 17: hostile imports. Each case used to reach the database or the PDF, or crash the server.
import { describe, expect, it } from "vitest";
import { parseAssessmentImport, toExport } from "./export";
import { ASSESSMENT_TEMPLATES, getTemplate } from "./templates";
import { upgradeInputs } from "./inputs";
import { buildCustomCandidate } from "../catalog";
import { LLAMA_3_1_8B } from "../catalog/hf-config.fixtures";

const template = getTemplate(ASSESSMENT_TEMPLATES[0]!.id)!;
const built = buildCustomCandidate({ name: "Our Llama", licenceId: "llama-3.1", configText: JSON.stringify(LLAMA_3_1_8B) }, "2026-05-01");
if (!built.ok) throw new Error("fixture");
const custom = built.model;

function exportWith(change: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(
    JSON.stringify(
      toExport({
        organizationName: "Elsewhere",
        exportedAt: new Date("2026-11-28T10:00:00Z"),
        assessment: { id: "a1", title: "Imported", description: "", candidateModelId: custom.id, incumbentApiId: template.incumbentApiId, version: 1, status: "draft", inputs: { ...template.inputs, customModel: custom } },
      }),
    ),
  );
  change(doc);
  return JSON.stringify(doc);
}

const errorsOf = (text: string): string[] => {
  const r = parseAssessmentImport(text);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
};

describe("hostile assessment imports", () => {
  it("the untouched export imports", () => {
    expect(parseAssessmentImport(exportWith(() => {})).ok).toBe(true);
  });

  it("refuses a javascript: source URL on a custom model", () => {
    const errors = errorsOf(exportWith((d) => (d.assessment.inputs.customModel.provenance.sourceUrls = ["javascript:alert(document.cookie)"])));
    expect(errors.join("\n")).toMatch(/customModel\.provenance\.sourceUrls\[0\].*http:\/\/ or https:\/\//);
  });

  it("refuses a 100,000-character custom model name", () => {
    const errors = errorsOf(exportWith((d) => (d.assessment.inputs.customModel.name = "x".repeat(100_000))));
    expect(errors.join("\n")).toMatch(/customModel\.name.*at most 80/);
  });

  it("refuses NUL and lone surrogates in any string, at the field", () => {
    expect(errorsOf(exportWith((d) => (d.assessment.title = "Bad\u0000title"))).join("\n")).toMatch(/assessment\.title.*NUL/);
    expect(errorsOf(exportWith((d) => (d.assessment.description = "half \uD83D pair"))).join("\n")).toMatch(/assessment\.description.*broken character/);
  });

  it("refuses deeply nested JSON with a message instead of overflowing the stack", () => {
    const deep = `{"format":"freehold.assessment","formatVersion":1,"assessment":${"[".repeat(200_000)}${"]".repeat(200_000)}}`;
    expect(errorsOf(deep)[0]).toMatch(/nested more than 64 levels/);
  });

  it("refuses an empty file with a message", () => {
    expect(errorsOf("")[0]).toMatch(/not valid JSON/);
  });
});

describe("stored rows written before the tighter rules stay readable", () => {
  it("moves a non-web source URL into the note and cuts an over-long name", () => {
    const stored = { schemaVersion: 1, customModel: { ...custom, name: "y".repeat(500), provenance: { ...custom.provenance, sourceUrls: ["javascript:alert(1)", "https://huggingface.co/x"] } } };
    const inputs = upgradeInputs(stored);
    expect(inputs.customModel?.name).toHaveLength(80);
    expect(inputs.customModel?.provenance.sourceUrls).toEqual(["https://huggingface.co/x"]);
    expect(inputs.customModel?.provenance.note).toMatch(/not web links\): javascript:alert\(1\)/);
  });
});
