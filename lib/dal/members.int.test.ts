// Membership rules in the DAL, and the owner race: owners changing each other's roles at the same
// moment must never leave an organisation without an owner. On PostgreSQL (TEST_DATABASE_URL) the
// two transactions really run at once on two connections; the organisation row lock orders them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, installTestPrisma, type TTestDb } from "@/lib/testing/test-db";
import { makeOrg, makeUser } from "@/lib/testing/fixtures";
import { acceptInvitation, changeMemberRole, createInvitation, leaveOrganization, removeMember, revokeInvitation, transferOwnership } from "@/lib/dal/members";
import { ForbiddenError, InputError, NotFoundError, StateError } from "@/lib/dal/errors";
import { listMembers, listPendingInvitations } from "@/lib/dal/organizations";
import type { TActor } from "@/lib/domain/shared";

let t: TTestDb;

beforeAll(async () => {
  t = await createTestDatabase();
  installTestPrisma(t.prisma);
});

afterAll(async () => {
  await t?.close();
});

const memberOf = async (orgId: string, u: TActor) => (await t.prisma.member.findFirstOrThrow({ where: { organizationId: orgId, userId: u.userId } })).id;
const owners = (orgId: string) => t.prisma.member.count({ where: { organizationId: orgId, role: "owner" } });

describe("membership rules", () => {
  it("the last owner cannot be demoted, removed or leave; with a second owner each works", async () => {
    const org = await makeOrg(t.prisma, "Solo");
    const owner = await makeUser(t.prisma, org.id, "owner");
    const me = await memberOf(org.id, owner);
    await expect(changeMemberRole(owner, org.slug, me, "manager")).rejects.toBeInstanceOf(StateError);
    await expect(removeMember(owner, org.slug, me)).rejects.toBeInstanceOf(StateError);
    await expect(leaveOrganization(owner, org.slug)).rejects.toBeInstanceOf(StateError);
    const second = await makeUser(t.prisma, org.id, "owner");
    await changeMemberRole(owner, org.slug, me, "manager");
    expect(await owners(org.id)).toBe(1);
    await expect(changeMemberRole(second, org.slug, await memberOf(org.id, second), "viewer")).rejects.toBeInstanceOf(StateError);
  });

  it("managers manage everyone but owners; analysts and viewers manage no one", async () => {
    const org = await makeOrg(t.prisma, "Roles");
    const owner = await makeUser(t.prisma, org.id, "owner");
    const manager = await makeUser(t.prisma, org.id, "manager");
    const analyst = await makeUser(t.prisma, org.id, "analyst");
    const viewer = await makeUser(t.prisma, org.id, "viewer");
    const ownerId = await memberOf(org.id, owner);
    const viewerId = await memberOf(org.id, viewer);
    await expect(changeMemberRole(manager, org.slug, ownerId, "manager")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeMemberRole(manager, org.slug, viewerId, "owner")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeMember(manager, org.slug, ownerId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeMemberRole(analyst, org.slug, viewerId, "analyst")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(transferOwnership(manager, org.slug, viewerId)).rejects.toBeInstanceOf(ForbiddenError);
    await changeMemberRole(manager, org.slug, viewerId, "analyst");
    await removeMember(manager, org.slug, viewerId);
    expect((await listMembers(owner.userId, org.slug)).map((m) => m.role).sort()).toEqual(["analyst", "manager", "owner"]);
  });

  it("transfer ownership swaps the roles in one step; a foreign member id is not found", async () => {
    const org = await makeOrg(t.prisma, "Hand-over");
    const other = await makeOrg(t.prisma, "Other");
    const owner = await makeUser(t.prisma, org.id, "owner");
    const analyst = await makeUser(t.prisma, org.id, "analyst");
    const stranger = await makeUser(t.prisma, other.id, "viewer");
    await expect(transferOwnership(owner, org.slug, await memberOf(other.id, stranger))).rejects.toBeInstanceOf(NotFoundError);
    await expect(transferOwnership(owner, org.slug, await memberOf(org.id, owner))).rejects.toBeInstanceOf(InputError);
    await transferOwnership(owner, org.slug, await memberOf(org.id, analyst));
    const roles = Object.fromEntries((await listMembers(owner.userId, org.slug)).map((m) => [m.userId, m.role]));
    expect(roles).toEqual({ [owner.userId]: "manager", [analyst.userId]: "owner" });
    const audit = await t.prisma.auditEvent.findMany({ where: { organizationId: org.id }, select: { action: true } });
    expect(audit.map((a) => a.action)).toContain("member.ownership_transferred");
  });

  it("invitations: one pending link per address, revocable, accepted once by the invited address only", async () => {
    const org = await makeOrg(t.prisma, "Inviting");
    const manager = await makeUser(t.prisma, org.id, "manager");
    const invitee = await makeUser(t.prisma, null, "viewer");
    const other = await makeUser(t.prisma, null, "viewer");
    await expect(createInvitation(manager, org.slug, { email: invitee.email, role: "owner" })).rejects.toBeInstanceOf(InputError);
    await expect(createInvitation(manager, org.slug, { email: manager.email, role: "viewer" })).rejects.toBeInstanceOf(InputError);
    const first = await createInvitation(manager, org.slug, { email: invitee.email, role: "viewer" });
    const second = await createInvitation(manager, org.slug, { email: invitee.email, role: "analyst" });
    expect((await listPendingInvitations(manager.userId, org.slug)).map((i) => i.id)).toEqual([second.id]);
    await expect(acceptInvitation({ id: invitee.userId, name: invitee.userName, email: invitee.email }, first.id)).rejects.toBeInstanceOf(StateError);
    await expect(acceptInvitation({ id: other.userId, name: other.userName, email: other.email }, second.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await acceptInvitation({ id: invitee.userId, name: invitee.userName, email: invitee.email.toUpperCase() }, second.id)).toEqual({ slug: org.slug });
    await expect(acceptInvitation({ id: invitee.userId, name: invitee.userName, email: invitee.email }, second.id)).rejects.toBeInstanceOf(StateError);
    expect((await listMembers(manager.userId, org.slug)).find((m) => m.userId === invitee.userId)?.role).toBe("analyst");
    const third = await createInvitation(manager, org.slug, { email: other.email, role: "viewer" });
    await revokeInvitation(manager, org.slug, third.id);
    await expect(revokeInvitation(manager, org.slug, third.id)).rejects.toBeInstanceOf(StateError);
    await expect(acceptInvitation({ id: other.userId, name: other.userName, email: other.email }, third.id)).rejects.toBeInstanceOf(StateError);
  });
});

describe(`owner race (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  const ROUNDS = 20;

  it(`two owners demoting each other at once, ${ROUNDS} rounds: one wins, an owner always remains`, async () => {
    const org = await makeOrg(t.prisma, "Race");
    const a = await makeUser(t.prisma, org.id, "owner", "Ada");
    const b = await makeUser(t.prisma, org.id, "owner", "Bea");
    const [ma, mb] = [await memberOf(org.id, a), await memberOf(org.id, b)];
    let bothWon = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await t.prisma.member.updateMany({ where: { id: { in: [ma, mb] } }, data: { role: "owner" } });
      const results = await Promise.allSettled([changeMemberRole(a, org.slug, mb, "manager"), changeMemberRole(b, org.slug, ma, "manager")]);
      const won = results.filter((r) => r.status === "fulfilled").length;
      // The loser is refused either as the last owner's demoter or, once demoted, as a non-owner.
      for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ForbiddenError);
      if (won === 2) bothWon += 1;
      expect(await owners(org.id), `round ${round}`).toBe(1);
    }
    expect(bothWon).toBe(0);
  });

  it(`two owners leaving, or removing each other, at once, ${ROUNDS} rounds: an owner always remains`, async () => {
    const org = await makeOrg(t.prisma, "Race2");
    for (let round = 0; round < ROUNDS; round++) {
      const a = await makeUser(t.prisma, org.id, "owner");
      const b = await makeUser(t.prisma, org.id, "owner");
      await t.prisma.member.deleteMany({ where: { organizationId: org.id, userId: { notIn: [a.userId, b.userId] } } });
      const race = round % 2 === 0 ? [leaveOrganization(a, org.slug), leaveOrganization(b, org.slug)] : [removeMember(a, org.slug, await memberOf(org.id, b)), removeMember(b, org.slug, await memberOf(org.id, a))];
      const results = await Promise.allSettled(race);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await owners(org.id), `round ${round}`).toBe(1);
    }
  });
});
