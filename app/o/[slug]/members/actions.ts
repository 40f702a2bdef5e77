"use server";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auth } from "@/lib/auth/auth";
import { getCurrentUser } from "@/lib/auth/session";
import { getOrgContext } from "@/lib/dal/organizations";
import { canManageMembers, ROLES } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";

const ZInvite = z.object({
  email: z.email("Enter an email address like name@company.com.").transform((s) => s.toLowerCase()),
  role: z.enum(ROLES, "Choose a role."),
});

export type TInviteState = { errors?: { email?: string; role?: string; form?: string }; invitationUrl?: string; email?: string };

async function managerContext(slug: string) {
  const user = await getCurrentUser();
  if (!user) return null;
  try {
    const org = await getOrgContext(user.id, slug);
    return canManageMembers(org.role) ? { user, org } : null;
  } catch {
    return null;
  }
}

/** The origin people reach the app at: BETTER_AUTH_URL when set, else this request's host. */
async function appOrigin(): Promise<string> {
  const configured = env().BETTER_AUTH_URL;
  if (configured) return configured.replace(/\/$/, "");
  const h = await headers();
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${h.get("x-forwarded-host") ?? h.get("host")}`;
}

function betterAuthMessage(e: unknown): string {
  const message = (e as { body?: { message?: string }; message?: string })?.body?.message ?? (e as Error)?.message;
  return message ? `${message}.`.replace(/\.\.$/, ".") : "The invitation could not be created.";
}

export async function inviteMemberAction(slug: string, _prev: TInviteState, formData: FormData): Promise<TInviteState> {
  const ctx = await managerContext(slug);
  if (!ctx) return { errors: { form: "Only owners and managers of this organisation can invite members." } };
  const parsed = ZInvite.safeParse({ email: String(formData.get("email") ?? "").trim(), role: formData.get("role") });
  if (!parsed.success) {
    const errors: TInviteState["errors"] = {};
    for (const i of parsed.error.issues) errors[i.path[0] as "email" | "role"] ??= i.message;
    return { errors };
  }
  if (parsed.data.role === "owner" && ctx.org.role !== "owner") return { errors: { role: "Only an owner can invite another owner." } };
  try {
    const invitation = await auth().api.createInvitation({
      body: { email: parsed.data.email, role: parsed.data.role, organizationId: ctx.org.id, resend: true },
      headers: await headers(),
    });
    revalidatePath(`/o/${slug}/members`);
    return { invitationUrl: `${await appOrigin()}/invite/${invitation.id}`, email: parsed.data.email };
  } catch (e) {
    return { errors: { form: betterAuthMessage(e) } };
  }
}

export type TRoleState = { error?: string; ok?: boolean };

export async function changeRoleAction(slug: string, memberId: string, _prev: TRoleState, formData: FormData): Promise<TRoleState> {
  const ctx = await managerContext(slug);
  if (!ctx) return { error: "Only owners and managers of this organisation can change roles." };
  const role = z.enum(ROLES).safeParse(formData.get("role"));
  if (!role.success) return { error: "Choose a role." };
  const target = await prisma().member.findFirst({ where: { id: memberId, organizationId: ctx.org.id }, select: { role: true, userId: true } });
  if (!target) return { error: "That member is not in this organisation." };
  if ((role.data === "owner" || target.role === "owner") && ctx.org.role !== "owner") return { error: "Only an owner can grant or remove the owner role." };
  if (target.role === "owner" && role.data !== "owner") {
    const owners = await prisma().member.count({ where: { organizationId: ctx.org.id, role: "owner" } });
    if (owners <= 1) return { error: "An organisation needs at least one owner. Make someone else owner first." };
  }
  try {
    await auth().api.updateMemberRole({ body: { memberId, role: role.data, organizationId: ctx.org.id }, headers: await headers() });
  } catch (e) {
    return { error: betterAuthMessage(e) };
  }
  revalidatePath(`/o/${slug}/members`);
  return { ok: true };
}
