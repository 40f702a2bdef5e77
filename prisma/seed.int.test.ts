import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TTestDb } from "@/lib/testing/test-db";
import { seedDemo } from "./seed";
import { DEMO_USERS } from "./demo-data";

let t: TTestDb;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

async function counts() {
  const db = t.prisma;
  return {
    users: await db.user.count(),
    accounts: await db.account.count(),
    orgs: await db.organization.count(),
    members: await db.member.count(),
    assessments: await db.assessment.count(),
    audit: await db.auditEvent.count(),
  };
}

it("seeds the demo organisations once; a second run adds nothing", async () => {
  expect((await seedDemo(t.prisma)).created).toBe(true);
  const first = await counts();
  expect(first.orgs).toBe(2);
  expect(first.users).toBe(DEMO_USERS.length + 1);
  expect(first.assessments).toBeGreaterThanOrEqual(3);
  expect((await seedDemo(t.prisma)).created).toBe(false);
  expect(await counts()).toEqual(first);
  const roles = await t.prisma.member.findMany({ where: { organization: { slug: "northwind" } }, select: { role: true } });
  expect(roles.map((r) => r.role).sort()).toEqual(["analyst", "manager", "owner", "viewer"]);
});
