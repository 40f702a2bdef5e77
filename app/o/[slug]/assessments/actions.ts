"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actorOrThrow } from "@/lib/auth/guards";
import { createAssessment, deleteAssessment, getAssessment, updateAssessment } from "@/lib/dal/assessments";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/dal/errors";
import { isKnownCandidate, isKnownIncumbent } from "@/lib/domain/catalog";
import { getTemplate } from "@/lib/domain/assessment";
import { parseAssessmentImport } from "@/lib/domain/assessment";
import { importSource } from "@/lib/domain/assessment";
import { zText } from "@/lib/domain/shared";
import { logServerError } from "@/lib/log";

const ZSlug = z.string().min(1).max(80);
const ZId = z.string().min(1).max(64);

const ZTitle = zText({ trim: true, min: 3, max: 120, tooShort: "Give the assessment a title of at least 3 characters.", tooLong: "Keep the title under 120 characters." });

const ZCreate = z.object({
  title: ZTitle,
  description: zText({ trim: true, multiline: true, max: 2000, tooLong: "Keep the description under 2,000 characters." }).default(""),
  // A new assessment has no inputs yet, so only catalog models qualify.
  candidateModelId: z.string().refine((id) => isKnownCandidate(id), "Choose a candidate model from the list."),
  incumbentApiId: z.string().refine(isKnownIncumbent, "Choose the API you use today from the list."),
});

type TCreateFields = "title" | "description" | "candidateModelId" | "incumbentApiId" | "templateId";
export type TCreateState = { errors?: Partial<Record<TCreateFields | "form", string>>; values?: Partial<Record<TCreateFields, string>> };

function fieldErrors<K extends string>(error: z.ZodError): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0]) as K;
    out[key] ??= issue.message;
  }
  return out;
}

function messageFor(e: unknown): string {
  if (e instanceof ForbiddenError || e instanceof ConflictError) return e.message;
  if (e instanceof NotFoundError) return "This assessment no longer exists, or you are not a member of its organisation.";
  void logServerError(e, "assessment action");
  return "Something went wrong; nothing was changed. Try again.";
}

export async function createAssessmentAction(slug: string, _prev: TCreateState, formData: FormData): Promise<TCreateState> {
  const actor = await actorOrThrow();
  const values = {
    title: String(formData.get("title") ?? ""),
    description: String(formData.get("description") ?? ""),
    candidateModelId: String(formData.get("candidateModelId") ?? ""),
    incumbentApiId: String(formData.get("incumbentApiId") ?? ""),
    templateId: String(formData.get("templateId") ?? ""),
  };
  const template = values.templateId ? getTemplate(values.templateId) : undefined;
  if (values.templateId && !template) return { values, errors: { templateId: "Choose a template from the list, or a blank assessment." } };
  const parsed = ZCreate.safeParse({
    ...values,
    candidateModelId: values.candidateModelId || template?.candidateModelId || "",
    incumbentApiId: values.incumbentApiId || template?.incumbentApiId || "",
  });
  if (!parsed.success) return { values, errors: fieldErrors<TCreateFields>(parsed.error) };
  let id: string;
  try {
    id = (await createAssessment(actor, ZSlug.parse(slug), { ...parsed.data, inputs: template?.inputs })).id;
  } catch (e) {
    return { values, errors: { form: messageFor(e) } };
  }
  redirect(`/o/${slug}/assessments/${id}`);
}

export type TRenameState = { ok?: boolean; errors?: { title?: string; form?: string }; version?: number; values?: { title: string } };

export async function renameAssessmentAction(slug: string, id: string, _prev: TRenameState, formData: FormData): Promise<TRenameState> {
  const actor = await actorOrThrow();
  const values = { title: String(formData.get("title") ?? "") };
  const version = z.coerce.number().int().positive().safeParse(formData.get("version"));
  const title = ZTitle.safeParse(values.title);
  if (!title.success) return { values, errors: { title: title.error.issues[0]?.message } };
  if (!version.success) return { values, errors: { form: "The form is missing its version; reload the page." } };
  try {
    const updated = await updateAssessment(actor, ZSlug.parse(slug), ZId.parse(id), { expectedVersion: version.data, title: title.data });
    revalidatePath(`/o/${slug}/assessments`);
    return { ok: true, version: updated.version, values: { title: updated.title } };
  } catch (e) {
    return { values, errors: { form: messageFor(e) } };
  }
}

export type TDeleteState = { error?: string };

export async function deleteAssessmentAction(slug: string, id: string, _prev: TDeleteState, _formData: FormData): Promise<TDeleteState> {
  const actor = await actorOrThrow();
  try {
    await deleteAssessment(actor, ZSlug.parse(slug), ZId.parse(id));
  } catch (e) {
    return { error: messageFor(e) };
  }
  revalidatePath(`/o/${slug}/assessments`);
  redirect(`/o/${slug}/assessments`);
}

const ZModels = z.object({
  // Checked against the catalog and this assessment's custom model once the row is read (below).
  candidateModelId: z.string().min(1, "Choose a candidate model from the list."),
  incumbentApiId: z.string().refine(isKnownIncumbent, "Choose the API you use today from the list."),
});

export type TModelsState = { ok?: boolean; version?: number; errors?: { candidateModelId?: string; incumbentApiId?: string; form?: string } };

/** Changes the candidate model and the incumbent API; the licence and prices follow the new choice. */
export async function changeModelsAction(slug: string, id: string, _prev: TModelsState, formData: FormData): Promise<TModelsState> {
  const actor = await actorOrThrow();
  const version = z.coerce.number().int().positive().safeParse(formData.get("version"));
  const parsed = ZModels.safeParse({ candidateModelId: String(formData.get("candidateModelId") ?? ""), incumbentApiId: String(formData.get("incumbentApiId") ?? "") });
  if (!parsed.success) return { errors: fieldErrors<"candidateModelId" | "incumbentApiId">(parsed.error) };
  if (!version.success) return { errors: { form: "The form is missing its version; reload the page." } };
  try {
    // The update applies only while the row is still at the form's version, so the custom model
    // checked here is the one it changes (a concurrent edit makes it a conflict).
    const current = await getAssessment(actor.userId, ZSlug.parse(slug), ZId.parse(id));
    if (!isKnownCandidate(parsed.data.candidateModelId, current.inputs.customModel)) return { errors: { candidateModelId: "Choose a candidate model from the list." } };
    const updated = await updateAssessment(actor, ZSlug.parse(slug), ZId.parse(id), { expectedVersion: version.data, ...parsed.data });
    revalidatePath(`/o/${slug}/assessments/${id}`, "layout");
    return { ok: true, version: updated.version };
  } catch (e) {
    return { errors: { form: messageFor(e) } };
  }
}

export type TImportState = { errors?: string[] };

/**
 * Creates an assessment in this organisation from a Freehold JSON export (possibly another
 * organisation's). The file is validated whole first, so a bad one writes nothing.
 */
export async function importAssessmentAction(slug: string, _prev: TImportState, formData: FormData): Promise<TImportState> {
  const actor = await actorOrThrow();
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { errors: ["Choose a Freehold assessment export (a .json file) to import."] };
  const text = await file.text();
  const parsed = parseAssessmentImport(text);
  if (!parsed.ok) return { errors: parsed.errors };
  let id: string;
  try {
    id = (await createAssessment(actor, ZSlug.parse(slug), { ...parsed.data, auditAction: "assessment.imported", auditDetail: importSource(text) })).id;
  } catch (e) {
    return { errors: [e instanceof NotFoundError ? "You are not a member of this organisation." : messageFor(e)] };
  }
  revalidatePath(`/o/${slug}/assessments`);
  redirect(`/o/${slug}/assessments/${id}`);
}
