"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAssessment, deleteAssessment, getAssessment, updateAssessment } from "@/lib/dal/assessments";
import { isKnownCandidate, isKnownIncumbent } from "@/lib/domain/catalog";
import { getTemplate, importedTitle, importSource, MAX_IMPORT_CHARS, parseAssessmentImport, ZAssessmentTitle, ZCreateAssessment } from "@/lib/domain/assessment";
import { EDITOR_ROLES, zText } from "@/lib/domain/shared";
import { invalid, orgFormAction, redirectTo, ZFormVersion as ZVersion, ZId } from "./safe-action";

// Assessments: create (blank, from a template, or from an imported file), rename, change models,
// duplicate, delete. The DAL checks the role again in its queries.

const ZNoFields = z.object({});

export const createAssessmentAction = orgFormAction({ name: "createAssessment", args: z.tuple([]), form: ZCreateAssessment, roles: EDITOR_ROLES, forbidden: "Your role in this organisation cannot create assessments." }, async ({ org, ...actor }, form) => {
  const template = form.templateId ? getTemplate(form.templateId) : undefined;
  const { id } = await createAssessment(actor, org.slug, { title: form.title, description: form.description, candidateModelId: form.candidateModelId, incumbentApiId: form.incumbentApiId, inputs: template?.inputs });
  return redirectTo(`/o/${org.slug}/assessments/${id}`);
});

export const renameAssessmentAction = orgFormAction(
  { name: "renameAssessment", args: z.tuple([ZId]), form: z.object({ title: ZAssessmentTitle, version: ZVersion }), roles: EDITOR_ROLES, forbidden: "Your role in this organisation can read this assessment but not change it." },
  async ({ org, ...actor }, form, id) => {
    const updated = await updateAssessment(actor, org.slug, id, { expectedVersion: form.version, title: form.title });
    revalidatePath(`/o/${org.slug}/assessments`);
    return { kind: "ok" as const, version: updated.version, title: updated.title };
  },
);

export const deleteAssessmentAction = orgFormAction({ name: "deleteAssessment", args: z.tuple([ZId]), form: ZNoFields, roles: EDITOR_ROLES, forbidden: "Your role in this organisation cannot delete assessments." }, async ({ org, ...actor }, _form, id) => {
  await deleteAssessment(actor, org.slug, id);
  revalidatePath(`/o/${org.slug}/assessments`);
  return redirectTo(`/o/${org.slug}/assessments`);
});

const ZModels = z.object({
  // Checked against the catalog and this assessment's custom model once the row is read (below).
  candidateModelId: z.string().min(1, "Choose a candidate model from the list.").max(200),
  incumbentApiId: z.string().refine(isKnownIncumbent, "Choose the API you use today from the list."),
  version: ZVersion,
});

/** Changes the candidate model and the incumbent API; the licence and prices follow the new choice. */
export const changeModelsAction = orgFormAction({ name: "changeModels", args: z.tuple([ZId]), form: ZModels, roles: EDITOR_ROLES, forbidden: "Your role in this organisation can read this assessment but not change it." }, async ({ org, ...actor }, form, id) => {
  // The update applies only while the row is still at the form's version, so the custom model
  // checked here is the one it changes (a concurrent edit makes it a conflict).
  const current = await getAssessment(actor.userId, org.slug, id);
  if (!isKnownCandidate(form.candidateModelId, current.inputs.customModel)) return invalid({ candidateModelId: "Choose a candidate model from the list." });
  const updated = await updateAssessment(actor, org.slug, id, { expectedVersion: form.version, candidateModelId: form.candidateModelId, incumbentApiId: form.incumbentApiId });
  revalidatePath(`/o/${org.slug}/assessments/${id}`, "layout");
  return { kind: "ok" as const, version: updated.version };
});

export const duplicateAssessmentAction = orgFormAction({ name: "duplicateAssessment", args: z.tuple([ZId]), form: ZNoFields, roles: EDITOR_ROLES, forbidden: "Your role in this organisation cannot create assessments." }, async ({ org, ...actor }, _form, id) => {
  const source = await getAssessment(actor.userId, org.slug, id);
  const created = await createAssessment(actor, org.slug, {
    title: `Copy of ${source.title}`.slice(0, 120),
    description: source.description,
    candidateModelId: source.candidateModelId,
    incumbentApiId: source.incumbentApiId,
    inputs: source.inputs,
  });
  revalidatePath(`/o/${org.slug}/assessments`);
  return redirectTo(`/o/${org.slug}/assessments/${created.id}`);
});

const ZImportFile = z.object({
  file: z
    .instanceof(File, { message: "Choose a Freehold assessment export (a .json file) to import." })
    .refine((f) => f.size > 0, "Choose a Freehold assessment export (a .json file) to import.")
    .refine((f) => f.size <= MAX_IMPORT_CHARS * 4, "The file is too large to be a Freehold assessment export."),
});

/**
 * Creates an assessment in this organisation from a Freehold JSON export (possibly another
 * organisation's). The file is validated whole first, so a bad one writes nothing.
 */
export const importAssessmentAction = orgFormAction({ name: "importAssessment", args: z.tuple([]), form: ZImportFile, roles: EDITOR_ROLES, forbidden: "Your role in this organisation cannot create assessments." }, async ({ org, ...actor }, form) => {
  const text = await form.file.text();
  const parsed = parseAssessmentImport(text);
  if (!parsed.ok) return invalid({ file: parsed.errors.join("\n") });
  const { id } = await createAssessment(actor, org.slug, { ...parsed.data, title: importedTitle(parsed.data.title, new Date()), auditAction: "assessment.imported", auditDetail: importSource(text) });
  revalidatePath(`/o/${org.slug}/assessments`);
  return redirectTo(`/o/${org.slug}/assessments/${id}`);
});
