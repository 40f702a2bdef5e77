"use server";
import { z } from "zod";
import { createOrganization } from "@/lib/dal/organizations";
import { redirectTo, userFormAction } from "./safe-action";

const ZCreateOrg = z.object({
  name: z.string().trim().min(2, "Give the organisation a name of at least 2 characters.").max(80, "Keep the name under 80 characters."),
});

/** A new organisation, with the caller as its owner. */
export const createOrganizationAction = userFormAction({ name: "createOrganization", args: z.tuple([]), form: ZCreateOrg }, async (caller, form) => {
  const { slug } = await createOrganization(caller, form.name);
  return redirectTo(`/o/${slug}/assessments`);
});
