// Builders for tenants and users in integration tests; unique ids so tests never collide.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TRole } from "@/lib/domain/shared";
import type { TActor } from "@/lib/domain/shared";

let counter = 0;

export async function makeOrg(db: PrismaClient, name = "Org"): Promise<{ id: string; slug: string }> {
  counter += 1;
  const slug = `${name.toLowerCase().replace(/\W+/g, "-")}-${counter}-${Math.random().toString(36).slice(2, 6)}`;
  const org = await db.organization.create({ data: { id: crypto.randomUUID(), name, slug } });
  return { id: org.id, slug: org.slug };
}

export async function makeUser(db: PrismaClient, orgId: string | null, role: TRole, name = `${role} user`): Promise<TActor & { email: string }> {
  counter += 1;
  const id = crypto.randomUUID();
  const email = `${role}-${counter}-${id.slice(0, 6)}@test.example`;
  await db.user.create({ data: { id, name, email } });
  if (orgId) await db.member.create({ data: { id: crypto.randomUUID(), organizationId: orgId, userId: id, role } });
  return { userId: id, userName: name, email };
}
