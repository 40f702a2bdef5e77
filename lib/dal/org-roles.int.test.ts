import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, installTestPrisma, type TTestDb } from "@/lib/testing/test-db";
import { makeOrg, makeUser } from "@/lib/testing/fixtures";
import { orgIdWithRole } from "@/lib/dal/org-roles";
import { ForbiddenError, NotFoundError } from "@/lib/dal/errors";
import type { TActor } from "@/lib/domain/shared";

// Settings only some roles may change: the holder gets the organisation, a member without the role
// is told who may (403), and a non-member learns nothing (404, like an unknown slug).

let t: TTestDb;
let acme: { id: string; slug: string };
let owner: TActor, manager: TActor, analyst: TActor, outsider: TActor;

beforeAll(async () => {
  t = await createTestDatabase();
  installTestPrisma(t.prisma);
  acme = await makeOrg(t.prisma, "Acme");
  const globex = await makeOrg(t.prisma, "Globex");
  [owner, manager, analyst, outsider] = await Promise.all([
    makeUser(t.prisma, acme.id, "owner", "Oscar"),
    makeUser(t.prisma, acme.id, "manager", "Mia"),
    makeUser(t.prisma, acme.id, "analyst", "Ana"),
    makeUser(t.prisma, globex.id, "owner", "Olga"),
  ]);
});

afterAll(async () => {
  await t?.close();
});

describe("orgIdWithRole", () => {
  it("answers the organisation's id to a holder of one of the roles", async () => {
    await expect(orgIdWithRole(owner.userId, acme.slug, ["owner"], "Only an owner can.")).resolves.toBe(acme.id);
    await expect(orgIdWithRole(manager.userId, acme.slug, ["owner", "manager"], "Only an owner or a manager can.")).resolves.toBe(acme.id);
  });

  it("refuses a member without the role with a ForbiddenError that says who may", async () => {
    const refusal = orgIdWithRole(manager.userId, acme.slug, ["owner"], "Only an owner can configure this.");
    await expect(refusal).rejects.toBeInstanceOf(ForbiddenError);
    await expect(orgIdWithRole(analyst.userId, acme.slug, ["owner", "manager"], "Only an owner or a manager can.")).rejects.toThrow("Only an owner or a manager can.");
  });

  it("is a NotFoundError for another organisation's owner and for a slug that does not exist", async () => {
    await expect(orgIdWithRole(outsider.userId, acme.slug, ["owner"], "Only an owner can.")).rejects.toBeInstanceOf(NotFoundError);
    await expect(orgIdWithRole(owner.userId, "no-such-org", ["owner"], "Only an owner can.")).rejects.toBeInstanceOf(NotFoundError);
  });
});
