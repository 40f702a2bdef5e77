import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TAuditEvent } from "@/lib/domain/report";
import type { TActor } from "@/lib/domain/shared";

export type TAuditInput = {
  organizationId: string;
  assessmentId?: string;
  action: string;
  detail: Prisma.InputJsonValue;
};

/** Written inside the caller's transaction, so a change and its audit row commit together. */
export async function recordAudit(tx: Prisma.TransactionClient, actor: TActor, event: TAuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId: event.organizationId,
      assessmentId: event.assessmentId ?? null,
      actorId: actor.userId,
      actorName: actor.userName,
      action: event.action,
      detail: event.detail,
    },
  });
}

export async function listAssessmentAudit(userId: string, slug: string, assessmentId: string): Promise<TAuditEvent[]> {
  // AuditEvent has no foreign keys (it outlives what it describes), so the caller's memberships
  // are looked up first and only their organisation ids go into the events query.
  const orgIds = (
    await prisma().member.findMany({ where: { userId, organization: { slug } }, select: { organizationId: true } })
  ).map((m) => m.organizationId);
  return prisma().auditEvent.findMany({
    where: { assessmentId, organizationId: { in: orgIds } },
    select: { id: true, actorName: true, action: true, detail: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
}
