"use server";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { acceptInvitation, changeMemberRole, createInvitation, leaveOrganization, removeMember, revokeInvitation, transferOwnership } from "@/lib/dal/members";
import { env } from "@/lib/env";
import { MEMBER_ADMIN_ROLES, ROLES } from "@/lib/domain/shared";
import { orgFormAction, redirectTo, userFormAction, ZId } from "./safe-action";

// Members and invitations of one organisation. Who may do what (owners and managers manage; only
// owners touch the owner role; the last owner stays) is decided in lib/dal/members.ts, inside the
// transaction that makes the change.

const ZRole = z.enum(ROLES, "Choose a role.");
const ZNoFields = z.object({});
const ANY_MEMBER = ["owner", "manager", "analyst", "viewer"] as const;

const members = (slug: string) => revalidatePath(`/o/${slug}/members`);
const done = (message: string) => ({ kind: "ok" as const, message });

/** The origin people reach the app at: BETTER_AUTH_URL when set, else this request's host. */
async function appOrigin(): Promise<string> {
  const configured = env().BETTER_AUTH_URL;
  if (configured) return configured.replace(/\/$/, "");
  const h = await headers();
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${h.get("x-forwarded-host") ?? h.get("host")}`;
}

const ZInvite = z.object({
  email: z
    .string()
    .trim()
    .max(254, "Keep the address under 254 characters.")
    .pipe(z.email("Enter an email address like name@company.com."))
    .transform((s) => s.toLowerCase()),
  role: ZRole,
});

export const inviteMemberAction = orgFormAction({ name: "inviteMember", args: z.tuple([]), form: ZInvite, roles: MEMBER_ADMIN_ROLES, forbidden: "Only owners and managers of this organisation can invite members." }, async ({ org, ...actor }, form) => {
  const invitation = await createInvitation(actor, org.slug, form);
  members(org.slug);
  return { kind: "ok" as const, invitationUrl: `${await appOrigin()}/invite/${invitation.id}`, email: form.email };
});

export const revokeInvitationAction = orgFormAction({ name: "revokeInvitation", args: z.tuple([ZId]), form: ZNoFields, roles: MEMBER_ADMIN_ROLES, forbidden: "Only owners and managers of this organisation can revoke invitations." }, async ({ org, ...actor }, _form, invitationId) => {
  await revokeInvitation(actor, org.slug, invitationId);
  members(org.slug);
  return done("Invitation revoked: the link no longer works.");
});

export const changeRoleAction = orgFormAction({ name: "changeRole", args: z.tuple([ZId]), form: z.object({ role: ZRole }), roles: MEMBER_ADMIN_ROLES, forbidden: "Only owners and managers of this organisation can change roles." }, async ({ org, ...actor }, form, memberId) => {
  await changeMemberRole(actor, org.slug, memberId, form.role);
  members(org.slug);
  return done("Saved");
});

export const removeMemberAction = orgFormAction({ name: "removeMember", args: z.tuple([ZId]), form: ZNoFields, roles: MEMBER_ADMIN_ROLES, forbidden: "Only owners and managers of this organisation can remove members." }, async ({ org, ...actor }, _form, memberId) => {
  await removeMember(actor, org.slug, memberId);
  members(org.slug);
  return done("Member removed.");
});

export const transferOwnershipAction = orgFormAction({ name: "transferOwnership", args: z.tuple([]), form: z.object({ memberId: ZId.or(z.literal("")).refine(Boolean, "Choose the member who becomes owner.") }), roles: ["owner"], forbidden: "Only an owner can transfer ownership." }, async ({ org, ...actor }, form) => {
  await transferOwnership(actor, org.slug, form.memberId);
  members(org.slug);
  return done("Ownership transferred: you are now a manager.");
});

export const leaveOrganizationAction = orgFormAction({ name: "leaveOrganization", args: z.tuple([]), form: ZNoFields, roles: ANY_MEMBER }, async ({ org, ...actor }) => {
  await leaveOrganization(actor, org.slug);
  revalidatePath("/orgs");
  return redirectTo("/orgs");
});

/** The invited person (signed in with the invited address) joins; the invite page's only action. */
export const acceptInvitationAction = userFormAction({ name: "acceptInvitation", args: z.tuple([ZId]), form: ZNoFields }, async (caller, _form, invitationId) => {
  const { slug } = await acceptInvitation({ id: caller.userId, name: caller.userName, email: caller.email }, invitationId);
  return redirectTo(`/o/${slug}/assessments`);
});
