"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { decideReview, signOffStage, submitForReview, withdrawSubmission } from "@/lib/dal/reviews";
import { APPROVER_ROLES, EDITOR_ROLES, STAGE_KEYS, zText } from "@/lib/domain/shared";
import { invalid, orgFormAction, ZFormVersion as ZVersion, ZId } from "./safe-action";

// Review and sign-off. The role check is also in the DAL's queries (decideReview and signOffStage
// only match a row for an owner or manager), so the rule holds whichever way a request arrives.

const ZText = zText({ trim: true, multiline: true, max: 2000, tooLong: "Keep it under 2,000 characters." }).default("");

const ok = (message: string) => ({ kind: "ok" as const, message });
const refresh = (slug: string, id: string) => revalidatePath(`/o/${slug}/assessments/${id}`, "layout");

export const submitForReviewAction = orgFormAction(
  { name: "submitForReview", args: z.tuple([ZId]), form: z.object({ text: ZText, version: ZVersion }), roles: EDITOR_ROLES, forbidden: "Your role in this organisation cannot submit assessments for review." },
  async ({ org, ...actor }, form, id) => {
    await submitForReview(actor, org.slug, id, form.version, form.text);
    refresh(org.slug, id);
    return ok("Submitted for review.");
  },
);

export const withdrawSubmissionAction = orgFormAction({ name: "withdrawSubmission", args: z.tuple([ZId]), form: z.object({}), roles: EDITOR_ROLES, forbidden: "Your role in this organisation cannot withdraw submissions." }, async ({ org, ...actor }, _form, id) => {
  await withdrawSubmission(actor, org.slug, id);
  refresh(org.slug, id);
  return ok("Withdrawn: the assessment is a draft again.");
});

const ZDecision = z.object({ outcome: z.enum(["approved", "rejected"], "Choose Approve or Reject."), text: ZText });

/** Approve or reject, from the button pressed. A rejection without a comment is a field error. */
export const decideReviewAction = orgFormAction({ name: "decideReview", args: z.tuple([ZId]), form: ZDecision, roles: APPROVER_ROLES, forbidden: "Only an owner or a manager can approve or reject an assessment." }, async ({ org, ...actor }, form, id) => {
  if (form.outcome === "rejected" && !form.text) return invalid({ text: "Say why it is rejected: the comment is what the analyst works from." });
  await decideReview(actor, org.slug, id, form.outcome, form.text);
  refresh(org.slug, id);
  return ok(form.outcome === "approved" ? "Approved." : "Rejected.");
});

export const signOffStageAction = orgFormAction(
  { name: "signOffStage", args: z.tuple([ZId, z.string().pipe(z.enum(STAGE_KEYS))]), form: z.object({ text: ZText }), roles: APPROVER_ROLES, forbidden: "Only an owner or a manager can sign off a stage." },
  async ({ org, ...actor }, form, id, stage) => {
    await signOffStage(actor, org.slug, id, stage, form.text);
    refresh(org.slug, id);
    return ok("Signed off.");
  },
);
