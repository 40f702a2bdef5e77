"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createOrganization } from "@/lib/dal/organizations";
import { setSelfApproval } from "@/lib/dal/org-policy";
import { zText } from "@/lib/domain/shared";
import { orgFormAction, redirectTo, userFormAction } from "./safe-action";

const ZCreateOrg = z.object({
  name: zText({ trim: true, min: 2, max: 80, tooShort: "Give the organisation a name of at least 2 characters.", tooLong: "Keep the name under 80 characters." }),
});

/** A new organisation, with the caller as its owner. */
export const createOrganizationAction = userFormAction({ name: "createOrganization", args: z.tuple([]), form: ZCreateOrg }, async (caller, form) => {
  const { slug } = await createOrganization(caller, form.name);
  return redirectTo(`/o/${slug}/assessments`);
});

const ZPolicy = z.object({ policy: z.enum(["separate", "self-allowed"], "Choose one of the two review policies.") });

/** Owners choose whether a submitter may approve their own submission (the DAL checks the role again, in its query). */
export const setReviewPolicyAction = orgFormAction({ name: "setReviewPolicy", args: z.tuple([]), form: ZPolicy, roles: ["owner"], forbidden: "Only an owner can change the organisation's review policy." }, async ({ org, ...actor }, form) => {
  const policy = await setSelfApproval(actor, org.slug, form.policy === "self-allowed");
  revalidatePath(`/o/${org.slug}`, "layout");
  return { kind: "ok" as const, ...policy };
});
