import "server-only";
import { cache } from "react";
import { prisma } from "@/lib/db";
import { isRole, slugify, type TActor, type TInvitationPreview, type TInvitationRow, type TMemberRow, type TOrgContext, type TOrgSummary } from "@/lib/domain/shared";
import { recordAudit } from "@/lib/dal/audit";
import { NotFoundError } from "@/lib/dal/errors";

export async function listMyOrganizations(userId: string): Promise<TOrgSummary[]> {
  const rows = await prisma().member.findMany({
    where: { userId },
    select: { role: true, organization: { select: { id: true, name: true, slug: true, _count: { select: { members: true } } } } },
    orderBy: { organization: { name: "asc" } },
  });
  return rows.flatMap((r) =>
    isRole(r.role) ? [{ id: r.organization.id, name: r.organization.name, slug: r.organization.slug, role: r.role, memberCount: r.organization._count.members }] : [],
  );
}

/**
 * Every organisation the user is a member of, with their role, by name: one query per request
 * (React's cache()), shared by the organisation switcher every /o/[slug] page shows and by
 * getOrgContext, which picks the URL's organisation from it. A user belongs to a handful.
 */
export const listMyMemberships = cache(async function listMyMemberships(userId: string): Promise<TOrgContext[]> {
  const rows = await prisma().member.findMany({
    where: { userId },
    select: { role: true, organization: { select: { id: true, name: true, slug: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return rows.flatMap((r) => (isRole(r.role) ? [{ ...r.organization, role: r.role }] : []));
});

/**
 * The organisation named in the URL, only if the user is a member; otherwise a 404. The layout and
 * the page both ask during one render, and the layout lists every membership anyway: one query.
 */
export const getOrgContext = cache(async function getOrgContext(userId: string, slug: string): Promise<TOrgContext> {
  const org = (await listMyMemberships(userId)).find((o) => o.slug === slug);
  if (!org) throw new NotFoundError("Organisation not found");
  return org;
});

/** A new organisation with the caller as its owner; the slug comes from the name, made unique. */
export async function createOrganization(actor: TActor, name: string): Promise<{ slug: string }> {
  const base = slugify(name);
  for (let attempt = 0; ; attempt++) {
    const taken = await prisma().organization.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
    const used = new Set(taken.map((t) => t.slug));
    let slug = base;
    for (let i = 2; used.has(slug); i++) slug = `${base}-${i}`;
    try {
      return await prisma().$transaction(async (tx) => {
        const org = await tx.organization.create({ data: { id: crypto.randomUUID(), name, slug }, select: { id: true, slug: true } });
        await tx.member.create({ data: { id: crypto.randomUUID(), organizationId: org.id, userId: actor.userId, role: "owner" } });
        await recordAudit(tx, actor, { organizationId: org.id, action: "organization.created", detail: { name, slug } });
        return { slug: org.slug };
      });
    } catch (e) {
      // Someone took the same slug between the read and the insert: pick the next one.
      if ((e as { code?: string }).code === "P2002" && attempt < 5) continue;
      throw e;
    }
  }
}

export async function listMembers(userId: string, slug: string): Promise<TMemberRow[]> {
  const rows = await prisma().member.findMany({
    where: { organization: { slug, members: { some: { userId } } } },
    select: { id: true, userId: true, role: true, createdAt: true, user: { select: { name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.flatMap((r) => (isRole(r.role) ? [{ id: r.id, userId: r.userId, name: r.user.name, email: r.user.email, role: r.role, joinedAt: r.createdAt }] : []));
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
  return rows.map((r) => ({ id: r.id, email: r.email, role: isRole(r.role) ? r.role : "viewer", status: r.status, expiresAt: r.expiresAt, inviterName: r.user.name }));
}

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
