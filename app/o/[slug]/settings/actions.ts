"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actorOrThrow } from "@/lib/auth/guards";
import { ForbiddenError, NotFoundError } from "@/lib/dal/errors";
import { setSelfApproval } from "@/lib/dal/org-policy";
import { logServerError } from "@/lib/log";

const ZSlug = z.string().min(1).max(80);
const ZPolicy = z.enum(["separate", "self-allowed"]);

export type TPolicyState = { ok?: boolean; error?: string };

/** Owners choose whether a submitter may approve their own submission. */
export async function setReviewPolicyAction(slug: string, _prev: TPolicyState, formData: FormData): Promise<TPolicyState> {
  const actor = await actorOrThrow();
  const s = ZSlug.safeParse(slug);
  const policy = ZPolicy.safeParse(formData.get("policy"));
  if (!s.success || !policy.success) return { error: "Choose one of the two review policies." };
  try {
    await setSelfApproval(actor, s.data, policy.data === "self-allowed");
  } catch (e) {
    if (e instanceof ForbiddenError) return { error: e.message };
    if (e instanceof NotFoundError) return { error: "You are not a member of this organisation." };
    await logServerError(e, "setReviewPolicyAction");
    return { error: "Something went wrong; nothing was changed. Try again." };
  }
  revalidatePath(`/o/${s.data}`, "layout");
  return { ok: true };
}
