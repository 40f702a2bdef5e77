"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getAssessment, updateAssessment } from "@/lib/dal/assessments";
import { STAGE_SCHEMAS, ZAssessmentInputs, stageStatuses, type TAssessmentInputs } from "@/lib/domain/assessment";
import { EDITOR_ROLES, STAGE_KEYS, zText, type TStageKey, type TStageStatus, MAX_VERSION } from "@/lib/domain/shared";
import type { TWorkloadResult } from "@/lib/domain/capability";
import { buildCustomCandidate, type TCustomCandidateErrors } from "@/lib/domain/catalog";
import { lmEvalTaskToWorkloadResult, MAX_EVAL_FILE_CHARS, parseEvalFile, promptfooTallyToWorkloadResult } from "@/lib/domain/capability";
import type { TReportCharts, TReportStages, TKeyFigures } from "@/lib/domain/report";
import { issueMessage } from "@/lib/wizard/issue-message";
import { reportFor } from "@/lib/wizard/report-for";
import type { TDraft } from "@/lib/wizard/draft";
import { planStageSave, type TConflictField } from "@/lib/wizard/plan-stage-save";
import { initialStageDraft, prepareStageDraft } from "@/lib/wizard/stage-draft";
import type { TActionFailure } from "./result";
import { invalid, orgAction, userAction, ZId } from "./safe-action";

// The wizard's stage editor: autosave of one stage, the custom candidate model, and parsing an
// uploaded evaluation file. Failures other than a refused draft come from the action wrapper.

const ZStage = z.enum(STAGE_KEYS);
const ZVersion = z.number().int().positive().max(MAX_VERSION);

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
  /** `fields`: what both sides changed; `theirs`/`merged`: the stored stage and theirs-plus-mine, as the form holds them. */
  | { kind: "conflict"; currentVersion: number; message: string; fields: TConflictField[]; theirs: TDraft | null; merged: TDraft | null }
  | TActionFailure;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Validates one stage's draft and saves it into the stored inputs. If someone saved since
 * `expectedVersion`, the draft's changes from `base` (the stage inputs the editor started from) are
 * merged onto theirs field by field, and only a field both changed is a conflict. `base` only
 * decides what counts as the caller's change, so it is validated like the draft; a caller who lies
 * about it could at most overwrite knowingly, which the conflict panel offers anyway. An invalid
 * draft saves nothing, so a typo never replaces valid data.
 */
export const saveStageAction = orgAction({ name: "saveStage", args: z.tuple([ZId, ZStage, ZVersion, z.unknown(), z.unknown().optional()]), roles: EDITOR_ROLES, forbidden: "Your role in this organisation can read this assessment but not change it." }, async ({ org, ...actor }, i, key, version, draft, base?: unknown): Promise<TSaveStageResult> => {
  const s = org.slug;
  const parsed = STAGE_SCHEMAS[key].safeParse(prepareStageDraft(key, draft, today()));
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.join(".") || "(form)"] ??= issueMessage(issue);
    return { kind: "invalid", errors };
  }
  const startedFrom = base === undefined ? undefined : STAGE_SCHEMAS[key].safeParse(prepareStageDraft(key, base, today()));
  if (startedFrom && !startedFrom.success) return invalid({ form: "The page is out of date; reload it." });
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
});

export type TSaveCustomModelResult =
  | { kind: "saved"; version: number; stage: TReportStages["infrastructure"]; candidateName: string; warnings: string[] }
  | { kind: "invalid"; errors: TCustomCandidateErrors }
  | TActionFailure;

// Lengths bound the request here; what a person typed wrong (a control character pasted into the
// config, say) is checked in the handler so that the message lands at that field.
const ZCustomModelForm = z.strictObject({
  name: z.string().max(1000),
  licenceId: z.string().max(200),
  configText: z.string().max(5_000_000),
  contextTokens: z.number().optional(),
});
const CUSTOM_TEXT_FIELDS = { name: zText({ max: 1000 }), licenceId: zText({ max: 200 }), configText: zText({ max: 5_000_000, multiline: true }) };

function customTextErrors(fields: z.infer<typeof ZCustomModelForm>): TCustomCandidateErrors {
  const errors: TCustomCandidateErrors = {};
  for (const [key, schema] of Object.entries(CUSTOM_TEXT_FIELDS) as [keyof typeof CUSTOM_TEXT_FIELDS, (typeof CUSTOM_TEXT_FIELDS)[keyof typeof CUSTOM_TEXT_FIELDS]][]) {
    const r = schema.safeParse(fields[key]);
    if (!r.success) errors[key] = r.error.issues[0]?.message;
  }
  return errors;
}

/**
 * Describes the candidate from a pasted config.json and makes it the assessment's candidate, in one
 * versioned write: the custom model goes into the inputs and candidateModelId becomes its id, so
 * the report never sees one without the other. The config is parsed again here; the browser's
 * preview is only a preview.
 */
export const saveCustomModelAction = orgAction(
  { name: "saveCustomModel", args: z.tuple([ZId, ZVersion, ZCustomModelForm]), roles: EDITOR_ROLES, forbidden: "Your role in this organisation can read this assessment but not change it." },
  async ({ org, ...actor }, i, version, fields): Promise<TSaveCustomModelResult> => {
    const s = org.slug;
    const textErrors = customTextErrors(fields);
    if (Object.keys(textErrors).length) return { kind: "invalid", errors: textErrors };
    const built = buildCustomCandidate(fields, today());
    if (!built.ok) return { kind: "invalid", errors: built.errors };
    const current = await getAssessment(actor.userId, s, i);
    const inputs = ZAssessmentInputs.parse({ ...current.inputs, customModel: built.model });
    const updated = await updateAssessment(actor, s, i, { expectedVersion: version, inputs, candidateModelId: built.model.id });
    revalidatePath(`/o/${s}/assessments`, "layout");
    const report = reportFor(updated, inputs);
    return { kind: "saved", version: updated.version, stage: report.stages.infrastructure, candidateName: report.meta.candidate.name, warnings: built.warnings };
  },
);

export type TImportedItem = {
  key: string;
  label: string;
  result: TWorkloadResult;
  detail: string;
  /** The model the file says produced this result (lm-eval model_name / model_args, promptfoo provider). */
  model: string | null;
  /** lm-eval groups: the subtasks this row aggregates (importing both would count samples twice). */
  subtasks?: string[];
  /** The workload a "new workload" choice creates: one per lm-eval task, one per promptfoo file. */
  newWorkload: { id: string; name: string };
};
/** promptfoo only: two providers graded on the same tests, for a paired comparison. */
export type TImportedPair = { a: string; b: string; items: number; bothPass: number; aOnly: number; bOnly: number; bothFail: number };
export type TImportResult = { kind: "ok"; format: "lm-eval-harness" | "promptfoo"; items: TImportedItem[]; warnings: string[]; pairs?: TImportedPair[] } | { kind: "unreadable"; errors: string[] };

const workloadIdOf = (key: string) => key.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").slice(0, 100) || "imported";

/** Parses an uploaded evaluation file (read as text in the browser) into results to map onto workloads. */
const ZEvalFile = z.tuple([
  z.string().max(MAX_EVAL_FILE_CHARS, `The file is too large: the limit is ${MAX_EVAL_FILE_CHARS.toLocaleString("en-US")} characters.`),
  z.string().transform((name) => name.slice(0, 200)),
]);

export const importEvalFileAction = userAction({ name: "importEvalFile", args: ZEvalFile }, async (_caller, text, fileName): Promise<TImportResult> => {
  const parsed = parseEvalFile(text, { fileName });
  if (!parsed.ok) return { kind: "unreadable", errors: parsed.errors.map((e) => (e.path && e.path !== "(root)" && !e.message.startsWith(e.path) ? `${e.path}: ${e.message}` : e.message)) };
  const items: TImportedItem[] = [];
  if (parsed.data.format === "lm-eval-harness") {
    const model = parsed.data.result.modelName;
    for (const task of parsed.data.result.tasks) {
      const result = lmEvalTaskToWorkloadResult(task);
      const label = task.alias || task.task;
      const aggregate = task.isGroup && task.subtasks.length ? `, aggregate of ${task.subtasks.length} subtask${task.subtasks.length === 1 ? "" : "s"}` : "";
      if (result) {
        items.push({
          key: task.task,
          label,
          result,
          detail: `${task.metric ?? "score"}${task.sampleCount ? `, ${task.sampleCount} samples` : ""}${aggregate}${task.limited ? ", limited run" : ""}`,
          model,
          ...(task.isGroup ? { subtasks: task.subtasks } : {}),
          newWorkload: { id: workloadIdOf(task.task), name: label },
        });
      }
    }
    return { kind: "ok", format: "lm-eval-harness", items, warnings: parsed.data.result.warnings };
  }
  // Every provider of one promptfoo run answered the same tests: they share one new workload.
  const fileStem = fileName.replace(/\.json$/i, "") || "promptfoo";
  for (const p of parsed.data.result.providers) {
    const result = promptfooTallyToWorkloadResult(p);
    if (result) items.push({ key: p.key, label: p.key, result, detail: `${p.passCount} of ${p.sampleCount} passed`, model: p.key, newWorkload: { id: workloadIdOf(fileStem), name: fileStem } });
  }
  return { kind: "ok", format: "promptfoo", items, warnings: parsed.data.result.warnings, pairs: parsed.data.result.pairs };
});
