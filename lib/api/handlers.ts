import "server-only";
import { z } from "zod";
import { createAssessment, getAssessment, updateAssessment } from "@/lib/dal/assessments";
import { isKeyFor, listPortfolioAfter } from "@/lib/dal/portfolio";
import { submitForReview } from "@/lib/dal/reviews";
import { assessmentBomFor, assessmentExportFor } from "@/lib/export/download-routes";
import { assessmentMemoFor, comparisonMemoFor, COMPARE_IDS_MESSAGE, ZCompareIds } from "@/lib/export/memo-routes";
import { reportFor } from "@/lib/wizard/report-for";
import { issueMessage } from "@/lib/wizard/issue-message";
import { prepareStageDraft } from "@/lib/wizard/stage-draft";
import { getTemplate, importSource, parseAssessmentImport, STAGE_SCHEMAS, stageStatuses, ZAssessmentInputs, ZCreateAssessment, type TAssessmentDetail } from "@/lib/domain/assessment";
import { decodeKeyset, encodeKeyset, parsePortfolioQuery } from "@/lib/domain/portfolio";
import { compareReports } from "@/lib/domain/report";
import { VERDICT_LABELS } from "@/lib/domain/recommendation";
import { STAGE_KEYS, type TActor } from "@/lib/domain/shared";
import { ZListQuery, ZStageUpdateBody, ZSubmitBody, type TOperationId } from "./contract";
import { ApiProblem } from "./problem";

// One handler per operation of contract.ts: thin, calling the DAL and the same domain functions the
// pages and actions call. The caller is the token's creator (`userId`), limited to the token's
// organisation (`slug`); the DAL puts both in every query, so another organisation's id is a 404.

export type TApiContext = {
  userId: string;
  actor: TActor;
  slug: string;
  params: Record<string, string>;
  url: URL;
  /** The request body as sent (empty for GET). */
  text: string;
};

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });

/** Zod issues as problem `errors`, keyed by field path, in the forms' words. */
function invalid(error: z.ZodError, prefix = ""): ApiProblem {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[[prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "body"] ??= issueMessage(issue);
  return new ApiProblem(422, Object.entries(errors).map(([k, v]) => `${k}: ${v}`).join("; "), { errors });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiProblem(400, "The request body must be JSON (Content-Type: application/json).");
  }
}

function validate<T>(schema: z.ZodType<T>, value: unknown, prefix = ""): T {
  const r = schema.safeParse(value);
  if (!r.success) throw invalid(r.error, prefix);
  return r.data;
}

const iso = (d: Date) => d.toISOString();
const today = () => new Date().toISOString().slice(0, 10);
const ref = (a: { id: string; title: string; status: string; version: number }) => ({ id: a.id, title: a.title, status: a.status, version: a.version });

function detailBody(a: TAssessmentDetail) {
  const report = reportFor(a, a.inputs);
  const r = report.recommendation;
  return {
    id: a.id,
    title: a.title,
    description: a.description,
    status: a.status,
    version: a.version,
    candidateModelId: a.candidateModelId,
    incumbentApiId: a.incumbentApiId,
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
    createdByName: a.createdByName,
    updatedByName: a.updatedByName,
    stageStatuses: stageStatuses(a.inputs),
    recommendation: { verdict: r.verdict, label: VERDICT_LABELS[r.verdict], headline: r.headline, isConclusive: r.isConclusive, recommendedOptionId: r.recommendedOptionId, conditions: r.conditions, missing: r.missing },
    keyFigures: report.keyFigures.figures,
    warnings: report.warnings,
    inputs: a.inputs,
  };
}

const ZStageParam = z.enum(STAGE_KEYS);
// The stage comes from the path, so its inputs are checked by that stage's schema after this.
const ZStageBody = ZStageUpdateBody.extend({ inputs: z.unknown() });

function compareIds(url: URL): string[] {
  const ids = ZCompareIds.safeParse(url.searchParams.get("ids") ?? "");
  if (!ids.success) throw new ApiProblem(400, COMPARE_IDS_MESSAGE);
  return ids.data;
}

export const HANDLERS: Record<TOperationId, (c: TApiContext) => Promise<Response>> = {
  async listAssessments({ userId, slug, url }) {
    const q = validate(ZListQuery, Object.fromEntries(url.searchParams));
    const query = parsePortfolioQuery({ q: q.q, status: q.status, verdict: q.verdict, model: q.model, owner: q.owner, sort: q.sort, dir: q.dir, size: q.limit === undefined ? undefined : String(q.limit) });
    const after = q.cursor === undefined ? null : decodeKeyset(q.cursor);
    if (q.cursor !== undefined && (after === null || !isKeyFor(after, query))) throw new ApiProblem(400, "The cursor is not one this API gave out for this sort and direction; start again without it.");
    const result = await listPortfolioAfter(userId, slug, query, after);
    return json({
      items: result.rows.map(({ updatedAt, ...row }) => ({ ...row, updatedAt: iso(updatedAt) })),
      total: result.total,
      nextCursor: result.next ? encodeKeyset(result.next) : null,
    });
  },

  async createAssessment({ actor, slug, text }) {
    const body = validate(ZCreateAssessment, parseJson(text));
    const template = body.templateId ? getTemplate(body.templateId) : undefined;
    const created = await createAssessment(actor, slug, { title: body.title, description: body.description, candidateModelId: body.candidateModelId, incumbentApiId: body.incumbentApiId, inputs: template?.inputs });
    return json(ref(created), 201);
  },

  async getAssessment({ userId, slug, params }) {
    return json(detailBody(await getAssessment(userId, slug, params.id!)));
  },

  async updateStage({ actor, slug, params, text }) {
    const stage = ZStageParam.safeParse(params.stage);
    if (!stage.success) throw new ApiProblem(404, `No stage "${params.stage}"; the stages are ${STAGE_KEYS.join(", ")}.`);
    const key = stage.data;
    const body = validate(ZStageBody, parseJson(text));
    const stageInputs = validate(STAGE_SCHEMAS[key] as z.ZodType<unknown>, prepareStageDraft(key, body.inputs, today()), "inputs");
    const current = await getAssessment(actor.userId, slug, params.id!);
    const before = (current.inputs[key] ?? {}) as Record<string, unknown>;
    const after = stageInputs as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
    const inputs = ZAssessmentInputs.parse({ ...current.inputs, [key]: stageInputs });
    // The DAL applies it only while the row is at expectedVersion (else a ConflictError: 409).
    const updated = await updateAssessment(actor, slug, params.id!, { expectedVersion: body.expectedVersion, inputs, inputsChange: { stage: key, fields } });
    const statuses = stageStatuses(inputs);
    return json({ id: updated.id, version: updated.version, stage: key, stageStatus: statuses[key], stageStatuses: statuses });
  },

  async submitForReview({ actor, slug, params, text }) {
    const body = validate(ZSubmitBody, parseJson(text));
    const { number } = await submitForReview(actor, slug, params.id!, body.expectedVersion, body.note);
    return json({ id: params.id!, status: "in_review", snapshotNumber: number });
  },

  async exportAssessment({ userId, slug, params }) {
    const { doc, disposition } = await assessmentExportFor(userId, slug, params.id!);
    return new Response(`${JSON.stringify(doc, null, 2)}\n`, { headers: { "Content-Type": "application/json", "Content-Disposition": disposition, "Cache-Control": "private, no-store" } });
  },

  async importAssessment({ actor, slug, text }) {
    const parsed = parseAssessmentImport(text);
    if (!parsed.ok) throw new ApiProblem(422, parsed.errors.join("\n"), { errors: Object.fromEntries(parsed.errors.map((e, i) => [e.match(/^([\w.[\]]+):/)?.[1] ?? `body[${i}]`, e])) });
    const created = await createAssessment(actor, slug, { ...parsed.data, auditAction: "assessment.imported", auditDetail: importSource(text) });
    return json(ref(created), 201);
  },

  assessmentPdf: ({ userId, slug, params }) => assessmentMemoFor(userId, slug, params.id!),

  assessmentBom: ({ userId, slug, params }) => assessmentBomFor(userId, slug, params.id!),

  async compare({ userId, slug, url }) {
    const ids = compareIds(url);
    const assessments = await Promise.all(ids.map((id) => getAssessment(userId, slug, id)));
    return json(compareReports(assessments.map((a) => reportFor(a, a.inputs))));
  },

  comparePdf: ({ userId, slug, url }) => comparisonMemoFor(userId, slug, compareIds(url)),
};
