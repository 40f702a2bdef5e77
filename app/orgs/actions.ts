"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auth } from "@/lib/auth/auth";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { slugify } from "@/lib/slug";
import { zText } from "@/lib/domain/shared";
import { logServerError } from "@/lib/log";

const ZCreateOrg = z.object({
  name: zText({ trim: true, min: 2, max: 80, tooShort: "Give the organisation a name of at least 2 characters.", tooLong: "Keep the name under 80 characters." }),
});

export type TCreateOrgState = { errors?: { name?: string; form?: string }; values?: { name: string } };

export async function createOrganizationAction(_prev: TCreateOrgState, formData: FormData): Promise<TCreateOrgState> {
  await requireUser();
  const values = { name: String(formData.get("name") ?? "") };
  const parsed = ZCreateOrg.safeParse(values);
  if (!parsed.success) return { values, errors: { name: parsed.error.issues[0]?.message } };
  const base = slugify(parsed.data.name);
  let slug = base;
  for (let i = 2; await prisma().organization.findUnique({ where: { slug }, select: { id: true } }); i++) slug = `${base}-${i}`;
  try {
    await auth().api.createOrganization({ body: { name: parsed.data.name, slug }, headers: await headers() });
  } catch (e) {
    await logServerError(e, "createOrganization");
    return { values, errors: { form: "The organisation could not be created. Try again." } };
  }
  redirect(`/o/${slug}/assessments`);
}
