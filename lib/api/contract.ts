// The REST API's contract: every operation with its scope, parameters, request body and responses,
// as zod schemas. The handlers (handlers.ts) validate with these schemas and the OpenAPI document
// (openapi.ts) is generated from them, so the two cannot drift. Request bodies reuse the schemas the
// forms use (the create form's fields, the stage schemas, the import parser).
import { z } from "zod";
import { ASSESSMENT_STATUSES, EXPORT_FORMAT, EXPORT_FORMAT_VERSION, STAGE_SCHEMAS, ZAssessmentInputs, ZCreateAssessmentFields } from "@/lib/domain/assessment";
import { PORTFOLIO_SORTS, PORTFOLIO_STATUSES, PORTFOLIO_VERDICTS, PORTFOLIO_PAGE_SIZES, DEFAULT_PAGE_SIZE, COMPARE_MAX, COMPARE_MIN } from "@/lib/domain/portfolio";
import { VERDICT_LABELS, type TVerdict } from "@/lib/domain/recommendation";
import { STAGE_KEYS, ZFigure, zText, MAX_VERSION } from "@/lib/domain/shared";
import type { TApiTokenScope } from "@/lib/auth/api-token-scopes";

export const API_BASE_PATH = "/api/v1";

const VERDICTS = Object.keys(VERDICT_LABELS) as [TVerdict, ...TVerdict[]];
const ZStageStatus = z.enum(["not-started", "in-progress", "complete"]);
const ZDateTime = z.string().meta({ format: "date-time" });
const ZVersion = z.number().int().positive().max(MAX_VERSION).meta({ description: "The assessment's version (it counts saves)." });

// ---------------------------------------------------------------------------------------------
// Shared shapes

/** RFC 9457 problem details, with the fields this API adds. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  /** Validation problems per field path ("body" when about the whole body). */
  errors: z.record(z.string(), z.string()).optional(),
  /** On 409: the version stored now, to retry against. */
  currentVersion: z.number().int().optional(),
});
export type TProblem = z.infer<typeof ZProblem>;

export const ZAssessmentListItem = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  version: ZVersion,
  candidateModelId: z.string(),
  incumbentApiId: z.string(),
  verdict: z.string().nullable().meta({ description: "Stored verdict column (go_self_host, go_hosted, hybrid, stay_api, blocked, insufficient); null before the report was computed." }),
  monthlyOwnedUsd: z.number().nullable(),
  monthlyApiUsd: z.number().nullable(),
  crossoverTokensPerMonth: z.number().nullable(),
  capabilityGapPp: z.number().nullable(),
  licenceBlockers: z.number().int().nullable(),
  ownerName: z.string(),
  updatedByName: z.string(),
  updatedAt: ZDateTime,
});

export const ZAssessmentPage = z.object({
  items: z.array(ZAssessmentListItem),
  total: z.number().int().meta({ description: "Assessments matching the filters." }),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
});

export const ZListQuery = z.object({
  q: z.string().max(200).optional().meta({ description: "Words in the title or description." }),
  status: z.enum(PORTFOLIO_STATUSES).optional(),
  verdict: z.enum(PORTFOLIO_VERDICTS).optional(),
  model: z.string().max(120).optional().meta({ description: "Candidate model id." }),
  owner: z.string().max(64).optional().meta({ description: "Creator's user id." }),
  sort: z.enum(PORTFOLIO_SORTS).optional(),
  dir: z.enum(["asc", "desc"]).optional(),
  limit: z.coerce
    .number()
    .pipe(z.union(PORTFOLIO_PAGE_SIZES.map((n) => z.literal(n))))
    .optional()
    .meta({ description: `Page size: ${PORTFOLIO_PAGE_SIZES.join(", ")} (default ${DEFAULT_PAGE_SIZE}).` }),
  cursor: z.string().max(200).optional().meta({ description: "`nextCursor` of the previous page." }),
});

export const ZVerdictSummary = z.object({
  verdict: z.enum(VERDICTS),
  label: z.string(),
  headline: z.string(),
  isConclusive: z.boolean(),
  recommendedOptionId: z.string().nullable(),
  conditions: z.array(z.string()),
  missing: z.array(z.string()),
});

export const ZAssessmentDetail = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  version: ZVersion,
  candidateModelId: z.string(),
  incumbentApiId: z.string(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  createdByName: z.string(),
  updatedByName: z.string(),
  stageStatuses: z.record(z.enum(STAGE_KEYS), ZStageStatus),
  recommendation: ZVerdictSummary,
  keyFigures: z.array(ZFigure).meta({ description: "The report's key figures with units and formulas, as the results screen shows them." }),
  warnings: z.array(z.string()),
  inputs: ZAssessmentInputs,
});

export const ZCreateAssessmentBody = ZCreateAssessmentFields;

export const ZAssessmentRef = z.object({ id: z.string(), title: z.string(), status: z.enum(ASSESSMENT_STATUSES), version: ZVersion });

const STAGE_INPUT_SCHEMAS = STAGE_KEYS.map((k) => STAGE_SCHEMAS[k]);
export const ZStageUpdateBody = z.object({
  expectedVersion: ZVersion.meta({ description: "The version the change was made against; a different stored version is a 409." }),
  inputs: z.union(STAGE_INPUT_SCHEMAS as unknown as [z.ZodType, ...z.ZodType[]]).meta({ description: "The whole stage's inputs, replacing what is stored for that stage; validated by the stage form's schema." }),
});

export const ZStageUpdateResult = z.object({
  id: z.string(),
  version: ZVersion,
  stage: z.enum(STAGE_KEYS),
  stageStatus: ZStageStatus,
  stageStatuses: z.record(z.enum(STAGE_KEYS), ZStageStatus),
});

export const ZSubmitBody = z.object({
  expectedVersion: ZVersion,
  note: zText({ trim: true, multiline: true, max: 2000, tooLong: "Keep it under 2,000 characters." }).default("").meta({ description: "A note for the reviewer (as in the Submit form)." }),
});
export const ZSubmitResult = z.object({ id: z.string(), status: z.literal("in_review"), snapshotNumber: z.number().int().positive() });

export const ZAssessmentExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  exportedAt: ZDateTime,
  source: z.object({ organization: z.string(), assessmentId: z.string(), version: z.number().int(), status: z.string() }),
  assessment: z.object({ title: z.string(), description: z.string(), candidateModelId: z.string(), incumbentApiId: z.string(), inputs: ZAssessmentInputs }),
});

export const ZCompareQuery = z.object({
  ids: z.string().max(64 * COMPARE_MAX + COMPARE_MAX).meta({ description: `${COMPARE_MIN} to ${COMPARE_MAX} assessment ids, comma-separated.` }),
});

const ZComparisonCell = z.object({ reportId: z.string(), value: z.union([z.number(), z.string()]).nullable(), display: z.string(), isBest: z.boolean() });
export const ZComparison = z.object({
  reports: z.array(z.object({ id: z.string(), title: z.string(), candidateName: z.string(), incumbentName: z.string(), verdict: z.enum(VERDICTS) })),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      unit: z.string(),
      group: z.enum(["verdict", "key-figure", "stage"]),
      better: z.enum(["lower", "higher"]).nullable(),
      cells: z.array(ZComparisonCell),
      differs: z.boolean(),
    }),
  ),
  licenceFindingDiffs: z.array(
    z.object({
      key: z.string(),
      topic: z.string(),
      cells: z.array(z.object({ reportId: z.string(), licenceName: z.string().nullable(), severity: z.string().nullable(), title: z.string().nullable() })),
    }),
  ),
});

/** The BOM is checked against the CycloneDX 1.6 schema itself (see lib/domain/bom); here only its frame. */
export const ZCycloneDxBom = z
  .object({ bomFormat: z.literal("CycloneDX"), specVersion: z.literal("1.6"), serialNumber: z.string(), version: z.number().int(), metadata: z.object({}).loose(), components: z.array(z.object({}).loose()) })
  .loose()
  .meta({ description: "CycloneDX 1.6 ML-BOM; see https://cyclonedx.org/docs/1.6/json/", externalDocs: { url: "https://cyclonedx.org/docs/1.6/json/" } });

// ---------------------------------------------------------------------------------------------
// Operations

export type TMedia = "application/json" | "application/problem+json" | "application/pdf" | "application/vnd.cyclonedx+json";
export type TResponseSpec = { description: string; media?: TMedia; schema?: z.ZodType; schemaId?: string; headers?: Record<string, string> };
export type TPathParam = "id" | "stage";

export type TOperation = {
  method: "get" | "post" | "put";
  /** OpenAPI path below API_BASE_PATH, e.g. "/assessments/{id}". */
  path: string;
  scope: TApiTokenScope;
  summary: string;
  description?: string;
  params?: TPathParam[];
  query?: z.ZodObject;
  body?: { schema: z.ZodType; schemaId: string; description?: string };
  responses: Record<number, TResponseSpec>;
};

const json = (schema: z.ZodType, schemaId: string, description: string): TResponseSpec => ({ description, media: "application/json", schema, schemaId });
const problem = (description: string): TResponseSpec => ({ description, media: "application/problem+json", schema: ZProblem, schemaId: "Problem" });
const pdf = (description: string): TResponseSpec => ({ description, media: "application/pdf", headers: { "Content-Disposition": "attachment; filename=…" } });

/** One operation: how it is called, what it needs, what it answers. */
const op = (method: TOperation["method"], path: string, scope: TApiTokenScope, summary: string, rest: Omit<TOperation, "method" | "path" | "scope" | "summary">): TOperation => ({ method, path, scope, summary, ...rest });

export const OPERATIONS = {
  listAssessments: op("get", "/assessments", "read", "List the portfolio", {
    description: "The organisation's assessments with their key figures, filtered and sorted like the portfolio page, a page at a time.",
    query: ZListQuery,
    responses: { 200: json(ZAssessmentPage, "AssessmentPage", "One page of assessments.") },
  }),
  createAssessment: op("post", "/assessments", "write", "Create an assessment", {
    description: "Blank or from a template; the same rules as the New assessment form.",
    body: { schema: ZCreateAssessmentBody, schemaId: "CreateAssessment" },
    responses: { 201: json(ZAssessmentRef, "AssessmentRef", "Created.") },
  }),
  getAssessment: op("get", "/assessments/{id}", "read", "Read an assessment with its report figures and verdict", {
    params: ["id"],
    responses: { 200: json(ZAssessmentDetail, "AssessmentDetail", "The assessment, its stored inputs, key figures and recommendation.") },
  }),
  updateStage: op("put", "/assessments/{id}/stages/{stage}", "write", "Replace one stage's inputs", {
    description: "Applies only if the assessment is still at `expectedVersion`; otherwise 409 with `currentVersion`. Inputs are validated by the stage form's schema.",
    params: ["id", "stage"],
    body: { schema: ZStageUpdateBody, schemaId: "StageUpdate" },
    responses: { 200: json(ZStageUpdateResult, "StageUpdateResult", "Saved."), 409: problem("Someone saved first (`currentVersion`), or the assessment is in review.") },
  }),
  submitForReview: op("post", "/assessments/{id}/submit", "review", "Submit for review", {
    params: ["id"],
    body: { schema: ZSubmitBody, schemaId: "SubmitForReview" },
    responses: { 200: json(ZSubmitResult, "SubmitResult", "Submitted: an immutable snapshot was taken."), 409: problem("Not at `expectedVersion` (`currentVersion` says where it is), or already in review or approved.") },
  }),
  exportAssessment: op("get", "/assessments/{id}/export", "read", "Export the JSON document", {
    description: "The portable Freehold document that Import accepts (here or in another organisation).",
    params: ["id"],
    responses: { 200: json(ZAssessmentExport, "AssessmentExport", "The document.") },
  }),
  importAssessment: op("post", "/assessments/import", "write", "Import a JSON document", {
    description: "Creates an assessment from an export; validated whole, as the Import form does, so a bad document writes nothing.",
    body: { schema: ZAssessmentExport, schemaId: "AssessmentExportDocument" },
    responses: { 201: json(ZAssessmentRef, "AssessmentRef", "Created.") },
  }),
  assessmentPdf: op("get", "/assessments/{id}/pdf", "read", "Download the assessment memo (PDF)", {
    params: ["id"],
    responses: { 200: pdf("The memo.") },
  }),
  assessmentBom: op("get", "/assessments/{id}/bom", "read", "Download the AI bill of materials (CycloneDX 1.6 JSON)", {
    description: "The recommended deployment as an ML-BOM: model, licence, serving engine, hardware, adapters, guard model and evaluation evidence.",
    params: ["id"],
    responses: { 200: { description: "The BOM.", media: "application/vnd.cyclonedx+json", schema: ZCycloneDxBom, schemaId: "CycloneDxBom", headers: { "Content-Disposition": "attachment; filename=…" } } },
  }),
  compare: op("get", "/compare", "read", "Compare assessments", {
    query: ZCompareQuery,
    responses: { 200: json(ZComparison, "Comparison", "The comparison table: verdicts, key figures, stage outcomes and licence differences.") },
  }),
  comparePdf: op("get", "/compare/pdf", "read", "Download the comparison memo (PDF)", {
    query: ZCompareQuery,
    responses: { 200: pdf("The memo.") },
  }),
} satisfies Record<string, TOperation>;

export type TOperationId = keyof typeof OPERATIONS;

/** Answers every operation may give besides its own. */
export const COMMON_PROBLEMS: Record<number, string> = {
  400: "The query or body is malformed (not JSON, an unknown parameter value).",
  401: "No token, or an unknown, revoked or expired one.",
  403: "The token's scope, or its creator's role, does not allow this call.",
  404: "No such assessment in the token's organisation.",
  422: "The input broke a rule of its schema; `errors` says where.",
  429: "Too many calls with this token; wait `Retry-After` seconds.",
};
