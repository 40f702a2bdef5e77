import "server-only";
import { prisma } from "@/lib/db";
import { canChangeRole, canManageMembers, INVITATION_TTL_SECONDS, isRole, ROLE_LABELS, type TActor, type TRole } from "@/lib/domain/shared";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "./audit";
import { ForbiddenError, InputError, NotFoundError, StateError } from "./errors";

// Membership changes: invite, revoke, accept, change role, remove, leave, transfer ownership.
// Each runs in one transaction that first locks the organisation's row (SELECT … FOR UPDATE), so
// membership changes of one organisation happen one after another: two owners demoting each other
// at the same moment cannot both see "there is another owner" and leave none. The caller's own
// membership and role are read after the lock, inside the same transaction.

type TTx = Prisma.TransactionClient;
type TMe = { memberId: string; role: TRole };
type TOrgRef = { id: string; slug: string };

const LAST_OWNER = "An organisation needs at least one owner. Make someone else owner first.";

async function inOrganization<T>(actor: TActor, slug: string, change: (tx: TTx, org: TOrgRef, me: TMe) => Promise<T>): Promise<T> {
  return prisma().$transaction(async (tx) => {
    const org = await tx.organization.findFirst({ where: { slug, members: { some: { userId: actor.userId } } }, select: { id: true, slug: true } });
    if (!org) throw new NotFoundError("Organisation not found");
    await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${org.id} FOR UPDATE`;
    const me = await tx.member.findFirst({ where: { organizationId: org.id, userId: actor.userId }, select: { id: true, role: true } });
    if (!me || !isRole(me.role)) throw new NotFoundError("Organisation not found");
    return change(tx, org, { memberId: me.id, role: me.role });
  });
}

function requireAdmin(me: TMe, what: string): void {
  if (!canManageMembers(me.role)) throw new ForbiddenError(`Only owners and managers of this organisation can ${what}.`);
}

async function targetMember(tx: TTx, org: TOrgRef, memberId: string) {
  const target = await tx.member.findFirst({ where: { id: memberId, organizationId: org.id }, select: { id: true, userId: true, role: true, user: { select: { name: true, email: true } } } });
  if (!target || !isRole(target.role)) throw new NotFoundError("That member is not in this organisation.");
  return { ...target, role: target.role };
}

/** Refuses a change that would leave the organisation without an owner (counted under the lock). */
async function keepAnOwner(tx: TTx, org: TOrgRef, losing: { role: TRole }): Promise<void> {
  if (losing.role !== "owner") return;
  const owners = await tx.member.count({ where: { organizationId: org.id, role: "owner" } });
  if (owners <= 1) throw new StateError(LAST_OWNER);
}

export async function createInvitation(actor: TActor, slug: string, input: { email: string; role: TRole }): Promise<{ id: string }> {
  return inOrganization(actor, slug, async (tx, org, me) => {
    requireAdmin(me, "invite members");
    if (input.role === "owner" && me.role !== "owner") throw new InputError({ role: "Only an owner can invite another owner." });
    const member = await tx.member.findFirst({ where: { organizationId: org.id, user: { email: input.email } }, select: { id: true } });
    if (member) throw new InputError({ email: `${input.email} is already a member of this organisation.` });
    // A new link replaces any earlier pending one for the same address.
    await tx.invitation.updateMany({ where: { organizationId: org.id, email: input.email, status: "pending" }, data: { status: "canceled" } });
    const invitation = await tx.invitation.create({
      data: { id: crypto.randomUUID(), organizationId: org.id, email: input.email, role: input.role, status: "pending", expiresAt: new Date(Date.now() + INVITATION_TTL_SECONDS * 1000), inviterId: actor.userId },
      select: { id: true },
    });
    await recordAudit(tx, actor, { organizationId: org.id, action: "invitation.created", detail: { email: input.email, role: input.role } });
    return invitation;
  });
}

export async function revokeInvitation(actor: TActor, slug: string, invitationId: string): Promise<void> {
  await inOrganization(actor, slug, async (tx, org, me) => {
    requireAdmin(me, "revoke invitations");
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, organizationId: org.id }, select: { email: true, role: true, status: true } });
    if (!invitation) throw new NotFoundError("Invitation not found");
    if (invitation.role === "owner" && me.role !== "owner") throw new ForbiddenError("Only an owner can revoke an invitation to the owner role.");
    const done = await tx.invitation.updateMany({ where: { id: invitationId, organizationId: org.id, status: "pending" }, data: { status: "canceled" } });
    if (done.count === 0) throw new StateError("This invitation is no longer pending (accepted, revoked or replaced).");
    await recordAudit(tx, actor, { organizationId: org.id, action: "invitation.revoked", detail: { email: invitation.email } });
  });
}

/** The invited person joins with the invited role. The link is the proof, with the invited address. */
export async function acceptInvitation(user: { id: string; name: string; email: string }, invitationId: string): Promise<{ slug: string }> {
  return prisma().$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { id: invitationId }, select: { organizationId: true, email: true, role: true, status: true, expiresAt: true, organization: { select: { slug: true } } } });
    if (!invitation) throw new NotFoundError("Invitation not found");
    if (invitation.email.toLowerCase() !== user.email.toLowerCase()) throw new ForbiddenError(`This invitation is for ${invitation.email}: sign in with that address.`);
    await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${invitation.organizationId} FOR UPDATE`;
    const taken = await tx.invitation.updateMany({ where: { id: invitationId, status: "pending", expiresAt: { gt: new Date() } }, data: { status: "accepted" } });
    if (taken.count === 0) throw new StateError("This invitation has expired or has already been used. Ask for a new link.");
    const role = isRole(invitation.role) ? invitation.role : "viewer";
    const existing = await tx.member.findFirst({ where: { organizationId: invitation.organizationId, userId: user.id }, select: { id: true } });
    if (!existing) await tx.member.create({ data: { id: crypto.randomUUID(), organizationId: invitation.organizationId, userId: user.id, role } });
    await recordAudit(tx, { userId: user.id, userName: user.name }, { organizationId: invitation.organizationId, action: "invitation.accepted", detail: { email: invitation.email, role } });
    return { slug: invitation.organization.slug };
  });
}

export async function changeMemberRole(actor: TActor, slug: string, memberId: string, role: TRole): Promise<void> {
  await inOrganization(actor, slug, async (tx, org, me) => {
    requireAdmin(me, "change roles");
    const target = await targetMember(tx, org, memberId);
    if (target.role === role) return;
    if (!canChangeRole(me.role, target.role, role)) throw new ForbiddenError("Only an owner can grant or remove the owner role.");
    if (role !== "owner") await keepAnOwner(tx, org, target);
    await tx.member.update({ where: { id: target.id }, data: { role } });
    await recordAudit(tx, actor, { organizationId: org.id, action: "member.role_changed", detail: { member: target.user.name, from: target.role, to: role } });
  });
}

export async function removeMember(actor: TActor, slug: string, memberId: string): Promise<void> {
  await inOrganization(actor, slug, async (tx, org, me) => {
    const target = await targetMember(tx, org, memberId);
    if (target.id !== me.memberId) {
      requireAdmin(me, "remove members");
      if (target.role === "owner" && me.role !== "owner") throw new ForbiddenError("Only an owner can remove another owner.");
    }
    await keepAnOwner(tx, org, target);
    await tx.member.delete({ where: { id: target.id } });
    await recordAudit(tx, actor, { organizationId: org.id, action: "member.removed", detail: { member: target.user.name, role: target.role } });
  });
}

/** The caller leaves; the last owner cannot (transfer ownership first). */
export async function leaveOrganization(actor: TActor, slug: string): Promise<void> {
  await inOrganization(actor, slug, async (tx, org, me) => {
    await keepAnOwner(tx, org, me);
    await tx.member.delete({ where: { id: me.memberId } });
    await recordAudit(tx, actor, { organizationId: org.id, action: "member.left", detail: { role: me.role } });
  });
}

/** An owner hands the owner role to another member and becomes a manager, in one step. */
export async function transferOwnership(actor: TActor, slug: string, memberId: string): Promise<void> {
  await inOrganization(actor, slug, async (tx, org, me) => {
    if (me.role !== "owner") throw new ForbiddenError("Only an owner can transfer ownership.");
    const target = await targetMember(tx, org, memberId);
    if (target.id === me.memberId) throw new InputError({ memberId: "Choose another member to make owner." });
    await tx.member.update({ where: { id: target.id }, data: { role: "owner" } });
    await tx.member.update({ where: { id: me.memberId }, data: { role: "manager" } });
    await recordAudit(tx, actor, { organizationId: org.id, action: "member.ownership_transferred", detail: { to: target.user.name, previousRole: ROLE_LABELS[target.role] } });
  });
}
