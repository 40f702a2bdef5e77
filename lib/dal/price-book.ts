import "server-only";
import { prisma } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/dal/errors";
import { orgWithRole, refuseWithoutRole } from "@/lib/dal/org-roles";
import { recordAudit } from "@/lib/dal/audit";
import { APPROVER_ROLES, type TActor } from "@/lib/domain/shared";
import { changedPriceBookFields, EMPTY_PRICE_BOOK_VALUES, ZPriceBookValues, type TPriceBook, type TPriceBookValues } from "@/lib/domain/assessment";
import type { Prisma } from "@/lib/generated/prisma/client";

// The organisation's price book. Every member reads it (every assessment uses it); owners and
// managers change it. Both conditions are in the queries' `where`, so a foreign caller matches no
// organisation (404) and an analyst or viewer matches no editable one (403).

/** The columns a report needs, selected wherever an assessment is read. */
export const priceBookSelect = { version: true, values: true, updatedByName: true, updatedAt: true } satisfies Prisma.PriceBookSelect;

type TPriceBookRow = Prisma.PriceBookGetPayload<{ select: typeof priceBookSelect }>;

/** A stored row as the domain's price book; a row that no longer validates is refused loudly rather than silently ignored. */
export function toPriceBook(row: TPriceBookRow | null | undefined): TPriceBook | null {
  if (!row) return null;
  return { version: row.version, values: ZPriceBookValues.parse(row.values), updatedByName: row.updatedByName, updatedAt: row.updatedAt.toISOString() };
}

/** The book and whether the caller may change it; version 0 and empty values when none was saved yet. */
export async function getPriceBook(userId: string, slug: string): Promise<{ book: TPriceBook | null; values: TPriceBookValues; version: number }> {
  const org = await prisma().organization.findFirst({ where: { slug, members: { some: { userId } } }, select: { priceBook: { select: priceBookSelect } } });
  if (!org) throw new NotFoundError("Organisation not found");
  const book = toPriceBook(org.priceBook);
  return { book, values: book?.values ?? EMPTY_PRICE_BOOK_VALUES, version: book?.version ?? 0 };
}

/**
 * Saves a new version of the book if the stored one is still `expectedVersion` (a stale form is a
 * ConflictError, never a silent overwrite). Audited with each field it changed; an unchanged book
 * is not a new version.
 */
export async function savePriceBook(actor: TActor, slug: string, values: TPriceBookValues, expectedVersion: number): Promise<{ version: number; changed: string[] }> {
  const parsed = ZPriceBookValues.parse(values);
  return prisma().$transaction(async (tx) => {
    const org = await tx.organization.findFirst({ where: orgWithRole(actor.userId, slug, APPROVER_ROLES), select: { id: true, priceBook: { select: priceBookSelect } } });
    if (!org) return refuseWithoutRole(actor.userId, slug, "Only an owner or a manager can change the organisation's price book.", tx);
    const current = toPriceBook(org.priceBook);
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== expectedVersion) {
      throw new ConflictError(`Someone else saved the price book (now version ${currentVersion}) after you opened version ${expectedVersion}. Reload to see their changes.`, currentVersion);
    }
    const changes = changedPriceBookFields(current?.values ?? EMPTY_PRICE_BOOK_VALUES, parsed);
    if (changes.length === 0) return { version: currentVersion, changed: [] };
    const version = currentVersion + 1;
    const data = { values: parsed as Prisma.InputJsonValue, version, updatedById: actor.userId, updatedByName: actor.userName };
    if (current) {
      // The version in the where: two saves racing past the check above cannot both win.
      const updated = await tx.priceBook.updateMany({ where: { organizationId: org.id, version: currentVersion }, data });
      if (updated.count === 0) throw new ConflictError("Someone else saved the price book at the same moment. Reload to see their changes.", currentVersion);
    } else {
      await tx.priceBook.create({ data: { organizationId: org.id, ...data } });
    }
    // The portfolio's summary columns were computed with the old book: marked for recomputation
    // (the backfill in prisma/summaries.ts, run on every db:setup); each report itself reads the new book at once.
    // Raw SQL, so updatedAt (an edit's time) is left alone.
    await tx.$executeRaw`UPDATE "Assessment" SET "summaryVersion" = 0 WHERE "organizationId" = ${org.id}`;
    await recordAudit(tx, actor, {
      organizationId: org.id,
      action: "organization.price_book_changed",
      detail: { fromVersion: currentVersion, toVersion: version, fields: changes.map((c) => c.field), changes },
    });
    return { version, changed: changes.map((c) => c.field) };
  });
}

/** The organisation's audit entries about its price book, newest first (members only). */
export async function listPriceBookAudit(userId: string, slug: string): Promise<{ id: string; actorName: string; detail: unknown; createdAt: Date }[]> {
  const orgIds = (await prisma().member.findMany({ where: { userId, organization: { slug } }, select: { organizationId: true } })).map((m) => m.organizationId);
  if (orgIds.length === 0) throw new NotFoundError("Organisation not found");
  return prisma().auditEvent.findMany({
    where: { organizationId: { in: orgIds }, action: "organization.price_book_changed" },
    select: { id: true, actorName: true, detail: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}
