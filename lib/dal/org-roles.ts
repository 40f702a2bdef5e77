import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TRole } from "@/lib/domain/shared";
import { ForbiddenError, NotFoundError } from "./errors";

// Organisation settings that only some roles may change (review policy, price book, API tokens,
// single sign-on) put the role in the query, then say why a caller was refused: a member without
// the role is told who may; anyone else learns nothing, not even that the organisation exists.

/** A where on Organization: the organisation `slug`, only if the user holds one of `roles` in it. */
export function orgWithRole(userId: string, slug: string, roles: readonly TRole[]): Prisma.OrganizationWhereInput {
  return { slug, members: { some: { userId, role: { in: [...roles] } } } };
}

/** The refusal for a caller the role query did not find: a NotFoundError for a non-member, else a ForbiddenError saying `onlyWho`. */
export async function refuseWithoutRole(userId: string, slug: string, onlyWho: string, db: Pick<Prisma.TransactionClient, "organization"> = prisma()): Promise<never> {
  const isMember = await db.organization.count({ where: { slug, members: { some: { userId } } } });
  if (!isMember) throw new NotFoundError("Organisation not found");
  throw new ForbiddenError(onlyWho);
}

/** The organisation's id when the user holds one of `roles` in it; refuseWithoutRole otherwise. */
export async function orgIdWithRole(userId: string, slug: string, roles: readonly TRole[], onlyWho: string): Promise<string> {
  const org = await prisma().organization.findFirst({ where: orgWithRole(userId, slug, roles), select: { id: true } });
  return org ? org.id : refuseWithoutRole(userId, slug, onlyWho);
}
