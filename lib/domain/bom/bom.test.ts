import { describe, expect, it } from "vitest";
import { cycloneDxErrors } from "@/lib/testing/cyclonedx";
import { ASSESSMENT_TEMPLATES, getTemplate, ZAssessmentInputs, type TAssessmentInputs } from "@/lib/domain/assessment";
import { getLicence } from "@/lib/domain/catalog";
import { buildReport } from "@/lib/domain/report";
import { bomFilename, bomLicence, buildAiBom } from "./bom";

const template = getTemplate(ASSESSMENT_TEMPLATES[0]!.id)!;
const REVISION = "6f6073b423013f6a7d4d9f39144961bfbfbc386b";
const SHA = "3b4c".repeat(16);

function bomFor(inputs: TAssessmentInputs, candidateModelId = template.candidateModelId) {
  const report = buildReport({ assessment: { id: "a1", title: "Support bot", description: "", candidateModelId, incumbentApiId: template.incumbentApiId, status: "draft", version: 3, updatedAt: "2026-12-01T00:00:00.000Z" }, inputs });
  return buildAiBom({ report, inputs, organisationName: "Acme", generatedAt: new Date("2026-12-06T05:00:00Z"), serialNumber: "0f8fad5b-d9cb-469f-a165-70867728950e" });
}

type TComponent = { "bom-ref": string; type: string; name: string; version?: string; purl?: string; licenses?: unknown[]; components?: { hashes: { alg: string; content: string }[] }[]; externalReferences?: { type: string; url: string }[]; properties?: { name: string; value: string }[] };
const component = (bom: ReturnType<typeof bomFor>, ref: string) => (bom.components as TComponent[]).find((c) => c["bom-ref"] === ref);
const metaProp = (bom: ReturnType<typeof bomFor>, name: string) => ((bom.metadata as { properties: { name: string; value: string }[] }).properties.find((p) => p.name === `freehold:${name}`))?.value;

describe("AI bill of materials (CycloneDX 1.6)", () => {
  const supplied = ZAssessmentInputs.parse({
    ...template.inputs,
    adaptation: { ...template.inputs.adaptation, method: "lora", datasetTokens: 5_000_000 },
    safety: {
      ...template.inputs.safety,
      supplyChain: {
        hfRepo: "meta-llama/Llama-3.3-70B-Instruct",
        pinnedRevision: REVISION,
        weightFiles: [{ file: "model-00001-of-00030.safetensors", sha256: SHA }],
        safetensorsOnly: true,
        signatureVerified: true,
        servingEngine: "vLLM",
        servingEngineVersion: "0.8.5",
        guardModel: "meta-llama/Llama-Guard-3-8B",
        evidence: [{ label: "Red-team report Q3", url: "https://example.com/redteam-q3.pdf" }],
      },
    },
  });

  it("validates against the CycloneDX 1.6 JSON schema, with everything entered and with nothing entered", async () => {
    expect(await cycloneDxErrors(bomFor(supplied))).toBeNull();
    expect(await cycloneDxErrors(bomFor(ZAssessmentInputs.parse({})))).toBeNull();
  });

  it("the schema check can fail: a BOM with a bad hash algorithm is refused", async () => {
    const bom = bomFor(supplied);
    component(bom, "model")!.components![0]!.hashes[0]!.alg = "SHA-257";
    expect(await cycloneDxErrors(bom)).not.toBeNull();
  });

  it("lists the pinned model with its file hashes, engine, hardware, adapter and its data, guard model and evidence", () => {
    const bom = bomFor(supplied);
    const model = component(bom, "model")!;
    expect(model).toMatchObject({ type: "machine-learning-model", name: "meta-llama/Llama-3.3-70B-Instruct", version: REVISION, purl: `pkg:huggingface/meta-llama/Llama-3.3-70B-Instruct@${REVISION}` });
    expect(model.components![0]!.hashes).toEqual([{ alg: "SHA-256", content: SHA }]);
    expect(model.externalReferences).toContainEqual({ type: "evidence", url: "https://example.com/redteam-q3.pdf", comment: "Red-team report Q3" });
    expect(model.properties).toEqual(expect.arrayContaining([{ name: "freehold:safetensors-only", value: "true" }, { name: "freehold:signature-verified", value: "true" }]));
    expect(component(bom, "serving-engine")).toMatchObject({ name: "vLLM", version: "0.8.5" });
    expect(component(bom, "hardware")!.type).toBe("device");
    expect(component(bom, "adapter")!.name).toMatch(/LORA adapter/);
    expect(component(bom, "fine-tuning-data")!.type).toBe("data");
    expect(component(bom, "guard-model")!.purl).toBe("pkg:huggingface/meta-llama/Llama-Guard-3-8B");
    expect(metaProp(bom, "not-entered")).toBeUndefined();
  });

  it("says what was not entered instead of guessing", () => {
    const bom = bomFor(ZAssessmentInputs.parse(template.inputs));
    expect(metaProp(bom, "not-entered")).toMatch(/pinned revision; weight file hashes; safetensors only; signature verification; serving engine/);
    expect(component(bom, "model")!.version).toBeUndefined();
  });

  it("gives the licence as an SPDX id, or as a LicenseRef with a link to its text", () => {
    expect(bomLicence(getLicence("mistral-apache-2.0")!)).toEqual({ license: { id: "Apache-2.0" } });
    const llama = getLicence("llama-3.3")!;
    const ref = bomLicence(llama) as { license: { name: string; url: string } };
    expect(ref.license.name).toMatch(/^LicenseRef-/);
    expect(ref.license.url).toMatch(/^https:\/\//);
  });

  it("names the file after the assessment", () => {
    expect(bomFilename("Support bot", 3)).toEqual({ ascii: "support-bot-v3.cdx.json", unicode: "Support bot-v3.cdx.json" });
  });
});
