import "server-only";
import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/dal/errors";
import { orgWithRole, refuseWithoutRole } from "@/lib/dal/org-roles";
import { recordAudit } from "@/lib/dal/audit";
import type { TActor } from "@/lib/domain/shared";

// An organisation's review policy. Reading it needs membership; changing it needs the owner role,
// and both conditions are in the queries' `where`, so a foreign or under-privileged caller matches
// no row.

export type TReviewPolicy = { allowSelfApproval: boolean };

export async function getReviewPolicy(userId: string, slug: string): Promise<TReviewPolicy> {
  const org = await prisma().organization.findFirst({ where: { slug, members: { some: { userId } } }, select: { allowSelfApproval: true } });
  if (!org) throw new NotFoundError("Organisation not found");
  return org;
}

export async function setSelfApproval(actor: TActor, slug: string, allowSelfApproval: boolean): Promise<TReviewPolicy> {
  return prisma().$transaction(async (tx) => {
    const owned = orgWithRole(actor.userId, slug, ["owner"]);
    const org = await tx.organization.findFirst({ where: owned, select: { id: true, allowSelfApproval: true } });
    if (!org) return refuseWithoutRole(actor.userId, slug, "Only an owner can change the organisation's review policy.", tx);
    if (org.allowSelfApproval === allowSelfApproval) return { allowSelfApproval };
    await tx.organization.updateMany({ where: { id: org.id, ...owned }, data: { allowSelfApproval } });
    await recordAudit(tx, actor, { organizationId: org.id, action: "organization.review_policy_changed", detail: { allowSelfApproval } });
    return { allowSelfApproval };
  });
}
