"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actorOrThrow } from "@/lib/auth/guards";
import { createAssessment, getAssessment, updateAssessment } from "@/lib/dal/assessments";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/dal/errors";
import { STAGE_SCHEMAS, ZAssessmentInputs, stageStatuses, type TAssessmentInputs } from "@/lib/domain/assessment";
import { STAGE_KEYS, type TStageKey, type TStageStatus } from "@/lib/domain/shared";
import type { TWorkloadResult } from "@/lib/domain/capability";
import { buildCustomCandidate, type TCustomCandidateErrors } from "@/lib/domain/catalog";
import { lmEvalTaskToWorkloadResult, MAX_EVAL_FILE_CHARS, parseEvalFile, promptfooTallyToWorkloadResult } from "@/lib/domain/capability";
import type { TReportCharts, TReportStages, TKeyFigures } from "@/lib/domain/report";
import { issueMessage } from "@/lib/wizard/issue-message";
import { reportFor } from "@/lib/wizard/report-for";
import type { TDraft } from "@/lib/wizard/draft";
import { planStageSave, type TConflictField } from "@/lib/wizard/plan-stage-save";
import { initialStageDraft, prepareStageDraft } from "@/lib/wizard/stage-draft";

const ZSlug = z.string().min(1).max(80);
const ZId = z.string().min(1).max(64);
const ZStage = z.enum(STAGE_KEYS);
const ZVersion = z.number().int().positive();

export type TStageResults = {
  stage: TReportStages[TStageKey];
  statuses: Record<TStageKey, TStageStatus>;
  charts: TReportCharts | null;
  keyFigures: TKeyFigures | null;
};

export type TSaveStageResult =
  /** `merged`: the stage as stored, when the save was merged onto someone else's (the editor adopts it); null otherwise. */
  | ({ kind: "saved"; version: number; merged: TDraft | null } & TStageResults)
  | { kind: "invalid"; errors: Record<string, string> }
  /** `fields`: what both sides changed; `theirs`/`merged`: the stored stage and theirs-plus-mine, as the form holds them (null when unknown). */
  | { kind: "conflict"; currentVersion: number; message: string; fields: TConflictField[]; theirs: TDraft | null; merged: TDraft | null }
  | { kind: "error"; message: string };

type TSaveFailure = Extract<TSaveStageResult, { kind: "conflict" | "error" }>;

/** A failed write as the editor shows it: a conflict to resolve, or a message. */
function saveFailure(e: unknown): TSaveFailure {
  if (e instanceof ConflictError) return { kind: "conflict", currentVersion: e.currentVersion, message: e.message, fields: [], theirs: null, merged: null };
  if (e instanceof ForbiddenError) return { kind: "error", message: e.message };
  if (e instanceof NotFoundError) return { kind: "error", message: "This assessment no longer exists, or you are not a member of its organisation." };
  console.error(e);
  return { kind: "error", message: "Something went wrong; nothing was saved. Try again." };
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Validates one stage's draft and saves it into the stored inputs. If someone saved since
 * `expectedVersion`, the draft's changes from `base` (the stage inputs the editor started from) are
 * merged onto theirs field by field, and only a field both changed is a conflict. `base` only
 * decides what counts as the caller's change, so it is validated like the draft; a caller who lies
 * about it could at most overwrite knowingly, which the conflict dialog offers anyway. An invalid
 * draft saves nothing, so a typo never replaces valid data.
 */
export async function saveStageAction(slug: string, id: string, stage: string, expectedVersion: number, draft: unknown, base?: unknown): Promise<TSaveStageResult> {
  const actor = await actorOrThrow();
  const args = z.tuple([ZSlug, ZId, ZStage, ZVersion]).safeParse([slug, id, stage, expectedVersion]);
  if (!args.success) return { kind: "error", message: "The page is out of date; reload it." };
  const [s, i, key, version] = args.data;
  const parsed = STAGE_SCHEMAS[key].safeParse(prepareStageDraft(key, draft, today()));
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.join(".") || "(form)"] ??= issueMessage(issue);
    return { kind: "invalid", errors };
  }
  const startedFrom = base === undefined ? undefined : STAGE_SCHEMAS[key].safeParse(prepareStageDraft(key, base, today()));
  if (startedFrom && !startedFrom.success) return { kind: "error", message: "The page is out of date; reload it." };
  try {
    const current = await getAssessment(actor.userId, s, i);
    const plan = planStageSave({ stage: key, baseVersion: version, base: startedFrom?.data, mine: parsed.data, current: { version: current.version, stageInputs: current.inputs[key] } });
    const asForm = (stageInputs: unknown) => initialStageDraft({ ...current.inputs, [key]: stageInputs } as TAssessmentInputs, key);
    if (plan.kind === "conflict") {
      return { kind: "conflict", currentVersion: current.version, message: plan.message, fields: plan.fields, theirs: asForm(current.inputs[key]), merged: asForm(plan.merged) };
    }
    const inputs = ZAssessmentInputs.parse({ ...current.inputs, [key]: plan.stageInputs });
    const updated = await updateAssessment(actor, s, i, { expectedVersion: plan.expectedVersion, inputs, inputsChange: plan.change });
    revalidatePath(`/o/${s}/assessments/${i}`, "layout");
    const report = reportFor(updated, inputs);
    const isEconomics = key === "economics";
    return {
      kind: "saved",
      version: updated.version,
      merged: plan.isMerged ? initialStageDraft(inputs, key) : null,
      stage: report.stages[key],
      statuses: stageStatuses(inputs),
      charts: isEconomics ? report.charts : null,
      keyFigures: isEconomics ? report.keyFigures : null,
    };
  } catch (e) {
    return saveFailure(e);
  }
}

export type TSaveCustomModelResult =
  | { kind: "saved"; version: number; stage: TReportStages["infrastructure"]; candidateName: string; warnings: string[] }
  | { kind: "invalid"; errors: TCustomCandidateErrors }
  | TSaveFailure;

const ZCustomModelForm = z.strictObject({
  name: z.string().max(1000),
  licenceId: z.string().max(200),
  configText: z.string(),
  contextTokens: z.number().optional(),
});

/**
 * Describes the candidate from a pasted config.json and makes it the assessment's candidate, in one
 * versioned write: the custom model goes into the inputs and candidateModelId becomes its id, so
 * the report never sees one without the other. The config is parsed again here; the browser's
 * preview is only a preview.
 */
export async function saveCustomModelAction(slug: string, id: string, expectedVersion: number, form: unknown): Promise<TSaveCustomModelResult> {
  const actor = await actorOrThrow();
  const args = z.tuple([ZSlug, ZId, ZVersion, ZCustomModelForm]).safeParse([slug, id, expectedVersion, form]);
  if (!args.success) return { kind: "error", message: "The page is out of date; reload it." };
  const [s, i, version, fields] = args.data;
  const built = buildCustomCandidate(fields, today());
  if (!built.ok) return { kind: "invalid", errors: built.errors };
  try {
    const current = await getAssessment(actor.userId, s, i);
    const inputs = ZAssessmentInputs.parse({ ...current.inputs, customModel: built.model });
    const updated = await updateAssessment(actor, s, i, { expectedVersion: version, inputs, candidateModelId: built.model.id });
    revalidatePath(`/o/${s}/assessments`, "layout");
    const report = reportFor(updated, inputs);
    return { kind: "saved", version: updated.version, stage: report.stages.infrastructure, candidateName: report.meta.candidate.name, warnings: built.warnings };
  } catch (e) {
    return saveFailure(e);
  }
}

export type TImportedItem = { key: string; label: string; result: TWorkloadResult; detail: string };
export type TImportResult = { ok: true; format: "lm-eval-harness" | "promptfoo"; items: TImportedItem[]; warnings: string[] } | { ok: false; errors: string[] };

/** Parses an uploaded evaluation file (read as text in the browser) into results to map onto workloads. */
export async function importEvalFileAction(text: string, fileName: string): Promise<TImportResult> {
  await actorOrThrow();
  if (typeof text !== "string" || text.length > MAX_EVAL_FILE_CHARS) {
    return { ok: false, errors: [`The file is too large: the limit is ${MAX_EVAL_FILE_CHARS.toLocaleString("en-US")} characters.`] };
  }
  const parsed = parseEvalFile(text, { fileName: String(fileName).slice(0, 200) });
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => (e.path && e.path !== "(root)" && !e.message.startsWith(e.path) ? `${e.path}: ${e.message}` : e.message)) };
  const items: TImportedItem[] = [];
  if (parsed.data.format === "lm-eval-harness") {
    for (const task of parsed.data.result.tasks) {
      const result = lmEvalTaskToWorkloadResult(task);
      if (result) items.push({ key: task.task, label: task.alias || task.task, result, detail: `${task.metric ?? "score"}${task.sampleCount ? `, ${task.sampleCount} samples` : ""}${task.limited ? ", limited run" : ""}` });
    }
    return { ok: true, format: "lm-eval-harness", items, warnings: parsed.data.result.warnings };
  }
  for (const p of parsed.data.result.providers) {
    const result = promptfooTallyToWorkloadResult(p);
    if (result) items.push({ key: p.key, label: p.key, result, detail: `${p.passCount} of ${p.sampleCount} passed` });
  }
  return { ok: true, format: "promptfoo", items, warnings: parsed.data.result.warnings };
}

export type TDuplicateState = { error?: string };

export async function duplicateAssessmentAction(slug: string, id: string, _prev: TDuplicateState, _formData: FormData): Promise<TDuplicateState> {
  const actor = await actorOrThrow();
  let newId: string;
  try {
    const source = await getAssessment(actor.userId, ZSlug.parse(slug), ZId.parse(id));
    const created = await createAssessment(actor, slug, {
      title: `Copy of ${source.title}`.slice(0, 120),
      description: source.description,
      candidateModelId: source.candidateModelId,
      incumbentApiId: source.incumbentApiId,
      inputs: source.inputs,
    });
    newId = created.id;
  } catch (e) {
    if (e instanceof ForbiddenError) return { error: e.message };
    if (e instanceof NotFoundError) return { error: "This assessment no longer exists." };
    console.error(e);
    return { error: "Something went wrong; nothing was copied. Try again." };
  }
  revalidatePath(`/o/${slug}/assessments`);
  redirect(`/o/${slug}/assessments/${newId}`);
}
