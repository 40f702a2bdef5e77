"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auth } from "@/lib/auth/auth";
import { getCurrentUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";

export type TAcceptState = { error?: string };

export async function acceptInvitationAction(invitationId: string, _prev: TAcceptState, _formData: FormData): Promise<TAcceptState> {
  const user = await getCurrentUser();
  if (!user) return { error: "Sign in first." };
  const id = z.string().min(1).max(64).parse(invitationId);
  let slug: string | undefined;
  try {
    const result = await auth().api.acceptInvitation({ body: { invitationId: id }, headers: await headers() });
    const orgId = result?.invitation?.organizationId;
    slug = orgId ? (await prisma().organization.findUnique({ where: { id: orgId }, select: { slug: true } }))?.slug : undefined;
  } catch (e) {
    const message = (e as { body?: { message?: string } })?.body?.message;
    return { error: message ? `The invitation could not be accepted: ${message}.` : "The invitation could not be accepted." };
  }
  redirect(slug ? `/o/${slug}/assessments` : "/orgs");
}
