import "server-only";
import { prisma } from "@/lib/db";
import { isRole, type TRole } from "@/lib/auth/roles";
import { NotFoundError } from "@/lib/dal/errors";

export type TOrgSummary = { id: string; name: string; slug: string; role: TRole; memberCount: number };
export type TOrgContext = { id: string; name: string; slug: string; role: TRole };

export async function listMyOrganizations(userId: string): Promise<TOrgSummary[]> {
  const rows = await prisma().member.findMany({
    where: { userId },
    select: { role: true, organization: { select: { id: true, name: true, slug: true, _count: { select: { members: true } } } } },
    orderBy: { organization: { name: "asc" } },
  });
  return rows
    .filter((r) => isRole(r.role))
    .map((r) => ({
      id: r.organization.id,
      name: r.organization.name,
      slug: r.organization.slug,
      role: r.role as TRole,
      memberCount: r.organization._count.members,
    }));
}

/** The organisation named in the URL, only if the user is a member; otherwise a 404. */
export async function getOrgContext(userId: string, slug: string): Promise<TOrgContext> {
  const member = await prisma().member.findFirst({
    where: { userId, organization: { slug } },
    select: { role: true, organization: { select: { id: true, name: true, slug: true } } },
  });
  if (!member || !isRole(member.role)) throw new NotFoundError("Organisation not found");
  return { ...member.organization, role: member.role };
}

export type TMemberRow = { id: string; userId: string; name: string; email: string; role: TRole; joinedAt: Date };
export type TInvitationRow = { id: string; email: string; role: TRole; status: string; expiresAt: Date; inviterName: string };

export async function listMembers(userId: string, slug: string): Promise<TMemberRow[]> {
  const rows = await prisma().member.findMany({
    where: { organization: { slug, members: { some: { userId } } } },
    select: { id: true, userId: true, role: true, createdAt: true, user: { select: { name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows
    .filter((r) => isRole(r.role))
    .map((r) => ({ id: r.id, userId: r.userId, name: r.user.name, email: r.user.email, role: r.role as TRole, joinedAt: r.createdAt }));
}

export async function listPendingInvitations(userId: string, slug: string): Promise<TInvitationRow[]> {
  const rows = await prisma().invitation.findMany({
    where: {
      status: "pending",
      expiresAt: { gt: new Date() },
      organization: { slug, members: { some: { userId, role: { in: ["owner", "manager"] } } } },
    },
    select: { id: true, email: true, role: true, status: true, expiresAt: true, user: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role && isRole(r.role) ? r.role : "viewer",
    status: r.status,
    expiresAt: r.expiresAt,
    inviterName: r.user.name,
  }));
}

export type TInvitationPreview = { id: string; email: string; role: string; organizationName: string; inviterName: string; isUsable: boolean };

/** What the invite page shows before sign-in: only the id in the link grants sight of it. */
export async function getInvitationPreview(invitationId: string): Promise<TInvitationPreview> {
  const row = await prisma().invitation.findUnique({
    where: { id: invitationId },
    select: { id: true, email: true, role: true, status: true, expiresAt: true, organization: { select: { name: true } }, user: { select: { name: true } } },
  });
  if (!row) throw new NotFoundError("Invitation not found");
  return {
    id: row.id,
    email: row.email,
    role: row.role ?? "viewer",
    organizationName: row.organization.name,
    inviterName: row.user.name,
    isUsable: row.status === "pending" && row.expiresAt > new Date(),
  };
}
