"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actorOrThrow } from "@/lib/auth/guards";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/dal/errors";
import { decideReview, signOffStage, submitForReview, withdrawSubmission } from "@/lib/dal/reviews";
import { STAGE_KEYS, zText } from "@/lib/domain/shared";
import { logServerError } from "@/lib/log";

// Review and sign-off actions. Each is a public endpoint: the bound slug and id are untrusted, and
// the role check lives in the DAL's queries (decideReview and signOffStage only match a row for an
// owner or manager), so a replayed request from an analyst is refused there, not here.

const ZSlug = z.string().min(1).max(80);
const ZId = z.string().min(1).max(64);
const ZText = zText({ trim: true, multiline: true, max: 2000, tooLong: "Keep it under 2,000 characters." });

export type TReviewState = { ok?: string; errors?: { text?: string; form?: string }; values?: { text: string } };

function messageFor(e: unknown): string {
  if (e instanceof ForbiddenError || e instanceof ConflictError) return e.message;
  if (e instanceof NotFoundError) return "This assessment no longer exists, or you are not a member of its organisation.";
  void logServerError(e, "review action");
  return "Something went wrong; nothing was changed. Try again.";
}

async function run(slug: string, id: string, text: string, ok: string, change: (s: string, i: string) => Promise<unknown>): Promise<TReviewState> {
  try {
    const s = ZSlug.parse(slug);
    const i = ZId.parse(id);
    await change(s, i);
    revalidatePath(`/o/${s}/assessments/${i}`, "layout");
    return { ok };
  } catch (e) {
    return { values: { text }, errors: { form: messageFor(e) } };
  }
}

const textOf = (formData: FormData) => String(formData.get("text") ?? "");

export async function submitForReviewAction(slug: string, id: string, _prev: TReviewState, formData: FormData): Promise<TReviewState> {
  const actor = await actorOrThrow();
  const text = textOf(formData);
  const note = ZText.safeParse(text);
  if (!note.success) return { values: { text }, errors: { text: note.error.issues[0]?.message } };
  const version = z.coerce.number().int().positive().safeParse(formData.get("version"));
  if (!version.success) return { values: { text }, errors: { form: "The form is missing its version; reload the page." } };
  return run(slug, id, text, "Submitted for review.", (s, i) => submitForReview(actor, s, i, version.data, note.data));
}

export async function withdrawSubmissionAction(slug: string, id: string, _prev: TReviewState, _formData: FormData): Promise<TReviewState> {
  const actor = await actorOrThrow();
  return run(slug, id, "", "Withdrawn: the assessment is a draft again.", (s, i) => withdrawSubmission(actor, s, i));
}

const ZOutcome = z.enum(["approved", "rejected"]);

/** Approve or reject, from the button pressed. A rejection without a comment is a field error. */
export async function decideReviewAction(slug: string, id: string, _prev: TReviewState, formData: FormData): Promise<TReviewState> {
  const actor = await actorOrThrow();
  const text = textOf(formData);
  const outcome = ZOutcome.safeParse(formData.get("outcome"));
  if (!outcome.success) return { values: { text }, errors: { form: "Choose Approve or Reject." } };
  const comment = ZText.safeParse(text);
  if (!comment.success) return { values: { text }, errors: { text: comment.error.issues[0]?.message } };
  if (outcome.data === "rejected" && !comment.data) return { values: { text }, errors: { text: "Say why it is rejected: the comment is what the analyst works from." } };
  return run(slug, id, text, outcome.data === "approved" ? "Approved." : "Rejected.", (s, i) => decideReview(actor, s, i, outcome.data, comment.data));
}

export async function signOffStageAction(slug: string, id: string, stage: string, _prev: TReviewState, formData: FormData): Promise<TReviewState> {
  const actor = await actorOrThrow();
  const text = textOf(formData);
  const key = z.enum(STAGE_KEYS).safeParse(stage);
  if (!key.success) return { values: { text }, errors: { form: "The page is out of date; reload it." } };
  const note = ZText.safeParse(text);
  if (!note.success) return { values: { text }, errors: { text: note.error.issues[0]?.message } };
  return run(slug, id, text, "Signed off.", (s, i) => signOffStage(actor, s, i, key.data, note.data));
}
