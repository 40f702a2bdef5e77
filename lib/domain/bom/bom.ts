// The AI bill of materials: the deployment an assessment sized, as a CycloneDX 1.6 JSON ML-BOM.
// It lists what the team would run: the model (repository, pinned revision, weight-file hashes when
// entered, licence), the serving engine, the hardware, adapters and fine-tuning data as declared in
// the adaptation stage, the guard model, and the evaluation evidence as external references. It
// states only what the assessment holds: anything not entered is left out and named in the
// metadata's "freehold:not-entered" property, never guessed.
import type { TAssessmentInputs } from "../assessment";
import { getLicence, getModel, type TLicence } from "../catalog";
import { VERDICT_LABELS } from "../recommendation";
import { resolveCandidate, type TReport } from "../report";
import { fileTitle, slugify, type TDownloadName } from "../shared";

type TJson = Record<string, unknown>;
type TProperty = { name: string; value: string };

export const BOM_SPEC_VERSION = "1.6";
export const BOM_MEDIA_TYPE = "application/vnd.cyclonedx+json";

const prop = (name: string, value: string | number | boolean): TProperty => ({ name: `freehold:${name}`, value: String(value) });
const hfUrl = (repo: string, revision?: string) => `https://huggingface.co/${repo}${revision ? `/tree/${revision}` : ""}`;
/** purl's huggingface type: pkg:huggingface/<owner>/<name>@<commit> (package-url spec, PURL-TYPES). */
const hfPurl = (repo: string, revision?: string) => `pkg:huggingface/${repo.split("/").map(encodeURIComponent).join("/")}${revision ? `@${revision}` : ""}`;

/** SPDX id (or expression) as CycloneDX wants it; a LicenseRef names the licence and links its text. */
export function bomLicence(licence: TLicence): TJson {
  const spdx = licence.spdx.trim();
  if (spdx.startsWith("LicenseRef-") || !/^[A-Za-z0-9.+-]+$/.test(spdx)) {
    if (/\s(AND|OR|WITH)\s/.test(spdx) && !spdx.includes("LicenseRef")) return { expression: spdx };
    const url = licence.commercialUseClause.sourceUrl ?? licence.provenance.sourceUrls[0];
    return { license: { name: spdx.startsWith("LicenseRef-") ? spdx : `LicenseRef-${licence.id}`, ...(url ? { url } : {}) } };
  }
  return { license: { id: spdx } };
}

function scoreOf(r: { score?: number; passCount?: number; sampleCount?: number } | undefined): number | null {
  if (!r) return null;
  if (r.score !== undefined) return r.score;
  return r.passCount !== undefined && r.sampleCount ? r.passCount / r.sampleCount : null;
}

export type TBomArgs = {
  report: TReport;
  inputs: TAssessmentInputs;
  organisationName: string;
  generatedAt: Date;
  /** A random UUID (the caller makes it: the domain has no randomness). */
  serialNumber: string;
};

export function buildAiBom(args: TBomArgs): TJson {
  const { report, inputs } = args;
  const meta = report.meta;
  const supply = inputs.safety?.supplyChain ?? {};
  const notEntered: string[] = [];
  const candidate = resolveCandidate(meta.candidate.id, inputs, []).model;
  const catalogModel = getModel(meta.candidate.id);
  const repo = supply.hfRepo ?? candidate?.hfId ?? catalogModel?.hfId;
  const revision = supply.pinnedRevision;
  if (!supply.hfRepo && !repo) notEntered.push("model repository");
  if (!revision) notEntered.push("pinned revision");
  if (!supply.weightFiles?.length) notEntered.push("weight file hashes");
  if (supply.safetensorsOnly === undefined) notEntered.push("safetensors only");
  if (supply.signatureVerified === undefined) notEntered.push("signature verification");
  if (!supply.servingEngine) notEntered.push("serving engine");

  const licenceId = inputs.licence?.licenceIdOverride ?? meta.candidate.licenceId;
  const licence = licenceId ? getLicence(licenceId) : undefined;
  if (!licence) notEntered.push("licence (not in the catalog)");

  const workloads = (inputs.capability?.workloads ?? []).flatMap((w) => {
    const s = scoreOf(w.candidate);
    return s === null ? [] : [{ type: w.metric, value: String(Math.round(s * 10_000) / 10_000), slice: w.name, ...(w.candidate?.sampleCount ? { confidenceInterval: undefined } : {}) }];
  });
  const evidence = (supply.evidence ?? []).map((e) => ({ type: "evidence", url: e.url, comment: e.label }));

  const modelRef = "model";
  const files = (supply.weightFiles ?? []).map((f, i) => ({ type: "file", "bom-ref": `model-file-${i + 1}`, name: f.file, hashes: [{ alg: "SHA-256", content: f.sha256 }] }));
  const model: TJson = {
    type: "machine-learning-model",
    "bom-ref": modelRef,
    name: repo ?? meta.candidate.name,
    description: meta.candidate.name,
    ...(revision ? { version: revision } : {}),
    ...(repo ? { purl: hfPurl(repo, revision) } : {}),
    ...(licence ? { licenses: [bomLicence(licence)] } : {}),
    externalReferences: [...(repo ? [{ type: "distribution", url: hfUrl(repo, revision) }] : []), ...evidence],
    modelCard: {
      modelParameters: {
        task: "text-generation",
        ...(meta.candidate.totalParams ? { modelArchitecture: `${Math.round(meta.candidate.totalParams / 1e8) / 10}B parameters${meta.candidate.activeParams && meta.candidate.activeParams < meta.candidate.totalParams ? ` (${Math.round(meta.candidate.activeParams / 1e8) / 10}B active)` : ""}` } : {}),
      },
      ...(workloads.length ? { quantitativeAnalysis: { performanceMetrics: workloads.map(({ confidenceInterval: _c, ...m }) => m) } } : {}),
    },
    properties: [
      ...(supply.safetensorsOnly !== undefined ? [prop("safetensors-only", supply.safetensorsOnly)] : []),
      ...(supply.signatureVerified !== undefined ? [prop("signature-verified", supply.signatureVerified)] : []),
      ...(meta.candidate.isCustom ? [prop("custom-model", true)] : []),
    ],
    ...(files.length ? { components: files } : {}),
  };

  const components: TJson[] = [model];
  const dependsOn = [modelRef];

  if (supply.servingEngine) {
    components.push({ type: "application", "bom-ref": "serving-engine", name: supply.servingEngine, ...(supply.servingEngineVersion ? { version: supply.servingEngineVersion } : {}), description: "Serving engine" });
    dependsOn.push("serving-engine");
  }

  const infra = report.stages.infrastructure.detail;
  if (infra) {
    const layout = infra.sizing.layout;
    components.push({
      type: "device",
      "bom-ref": "hardware",
      name: infra.gpu.name,
      manufacturer: { name: infra.gpu.vendor },
      description: `GPU as sized by the infrastructure stage (${infra.pricing.label})`,
      properties: [
        prop("gpu-memory-gb", infra.gpu.memoryGb),
        prop("gpus-per-replica", layout.gpusPerReplica),
        prop("tensor-parallel", layout.tensorParallel),
        prop("pipeline-stages", layout.pipelineStages),
        prop("weight-precision", layout.weightPrecision),
        prop("kv-cache-precision", layout.kvCachePrecision),
        ...(infra.sizing.replicas !== null ? [prop("replicas", infra.sizing.replicas)] : []),
        ...(infra.sizing.totalGpus !== null ? [prop("total-gpus", infra.sizing.totalGpus)] : []),
      ],
    });
    dependsOn.push("hardware");
  } else notEntered.push("hardware (infrastructure stage not sized)");

  const method = inputs.adaptation?.method;
  if (method && method !== "none") {
    const dataTokens = inputs.adaptation?.datasetTokens;
    components.push({
      type: "data",
      "bom-ref": "fine-tuning-data",
      name: "Fine-tuning data (as declared)",
      data: [{ type: "dataset", name: "Fine-tuning data", description: dataTokens ? `${dataTokens.toLocaleString("en-US")} tokens, as declared in the adaptation stage` : "Size not declared" }],
    });
    components.push({
      type: "machine-learning-model",
      "bom-ref": "adapter",
      name: `${meta.candidate.name} ${method === "full" ? "fine-tuned weights" : `${method.toUpperCase()} adapter`}`,
      description: `Planned ${method === "full" ? "full fine-tune" : `${method.toUpperCase()} adapter`} of the model, as declared in the adaptation stage`,
      modelCard: { modelParameters: { approach: { type: "supervised" }, task: "text-generation", datasets: [{ ref: "fine-tuning-data" }] } },
      properties: [prop("adaptation-method", method), prop("base-model", modelRef)],
    });
    dependsOn.push("adapter");
  }

  const guardStatus = inputs.safety?.controls?.["input-guard-model"] ?? inputs.safety?.controls?.["output-guard-model"];
  if (supply.guardModel) {
    components.push({ type: "machine-learning-model", "bom-ref": "guard-model", name: supply.guardModel, purl: hfPurl(supply.guardModel), description: "Guard model filtering prompts and answers", externalReferences: [{ type: "distribution", url: hfUrl(supply.guardModel) }], ...(guardStatus ? { properties: [prop("control-status", guardStatus)] } : {}) });
    dependsOn.push("guard-model");
  } else if (guardStatus === "in-place" || guardStatus === "planned") notEntered.push("guard model repository");

  const recommended = report.options.options.find((o) => o.id === report.recommendation.recommendedOptionId) ?? null;
  return {
    $schema: "http://cyclonedx.org/schema/bom-1.6.schema.json",
    bomFormat: "CycloneDX",
    specVersion: BOM_SPEC_VERSION,
    serialNumber: `urn:uuid:${args.serialNumber}`,
    version: 1,
    metadata: {
      timestamp: args.generatedAt.toISOString(),
      tools: { components: [{ type: "application", name: "Freehold", description: "Open-weights LLM adoption assessment" }] },
      component: { type: "application", "bom-ref": "deployment", name: `${meta.title}: ${meta.candidate.name} deployment`, version: `assessment v${meta.version}`, description: report.recommendation.headline },
      supplier: { name: args.organisationName },
      properties: [
        prop("assessment-id", meta.assessmentId),
        prop("assessment-version", meta.version),
        prop("assessment-status", meta.status),
        prop("verdict", VERDICT_LABELS[report.recommendation.verdict]),
        ...(recommended ? [prop("recommended-option", recommended.label)] : []),
        ...(notEntered.length ? [prop("not-entered", notEntered.join("; "))] : []),
      ],
    },
    components,
    dependencies: [{ ref: "deployment", dependsOn }, ...(dependsOn.includes("adapter") ? [{ ref: "adapter", dependsOn: [modelRef, "fine-tuning-data"] }] : [])],
  };
}

/** "<title>-v<version>.cdx.json" (CycloneDX's recommended extension). */
export function bomFilename(title: string, version: number): TDownloadName {
  return { ascii: `${slugify(title, { maxLength: 60, fallback: "assessment" })}-v${version}.cdx.json`, unicode: `${fileTitle(title).replace(/\s+/g, " ")}-v${version}.cdx.json` };
}
