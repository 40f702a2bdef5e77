// Single sign-on settings and the membership a verified sign-in grants: owners only, a domain
// belongs to one organisation, joining happens once and is audited, the secret never leaves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, installTestPrisma, type TTestDb } from "@/lib/testing/test-db";
import { makeOrg, makeUser } from "@/lib/testing/fixtures";
import { deleteSsoConnection, getSsoSettings, saveSsoConnection, type TSsoSave } from "@/lib/dal/sso";
import { joinThroughSso, passwordSignInDisabledFor, ssoConnectionForDomain } from "@/lib/auth/sso-store";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/dal/errors";

let t: TTestDb;

beforeAll(async () => {
  t = await createTestDatabase();
  installTestPrisma(t.prisma);
});

afterAll(async () => {
  await t?.close();
});

const endpoints = { authorizationEndpoint: "https://idp.example/auth", tokenEndpoint: "https://idp.example/token", jwksUri: "https://idp.example/jwks", userinfoEndpoint: null };
const input = (domains: string[], extra: Partial<TSsoSave> = {}): TSsoSave => ({ issuer: "https://idp.example", clientId: "freehold", clientSecretSealed: "sealed-secret", domains, defaultRole: "analyst", passwordSignInDisabled: true, endpoints, ...extra });

describe("single sign-on connections", () => {
  it("only an owner configures it; other roles are refused, another organisation's owner sees a 404", async () => {
    const org = await makeOrg(t.prisma, "Acme SSO");
    const owner = await makeUser(t.prisma, org.id, "owner");
    const manager = await makeUser(t.prisma, org.id, "manager");
    const stranger = await makeUser(t.prisma, (await makeOrg(t.prisma, "Elsewhere")).id, "owner");
    await expect(saveSsoConnection(manager, org.slug, input(["acme-sso.example"]))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveSsoConnection(stranger, org.slug, input(["acme-sso.example"]))).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteSsoConnection(manager, org.slug)).rejects.toBeInstanceOf(ForbiddenError);
    await saveSsoConnection(owner, org.slug, input(["acme-sso.example", "acme-sso.test"]));
    // Every member reads the settings, never the secret; a stranger reads nothing.
    const seen = await getSsoSettings(manager.userId, org.slug);
    expect(seen).toMatchObject({ issuer: "https://idp.example", clientId: "freehold", domains: ["acme-sso.example", "acme-sso.test"], defaultRole: "analyst", passwordSignInDisabled: true });
    expect(JSON.stringify(seen)).not.toContain("sealed-secret");
    expect(await getSsoSettings(stranger.userId, org.slug)).toBeNull();
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { organizationId: org.id, action: "sso.configured" } });
    expect(JSON.stringify(audit.detail)).not.toContain("sealed-secret");
    expect(audit.detail).toMatchObject({ clientSecretChanged: true, domains: ["acme-sso.example", "acme-sso.test"] });
  });

  it("a domain belongs to one organisation; saving without a new secret keeps the stored one", async () => {
    const first = await makeOrg(t.prisma, "First SSO");
    const second = await makeOrg(t.prisma, "Second SSO");
    const a = await makeUser(t.prisma, first.id, "owner");
    const b = await makeUser(t.prisma, second.id, "owner");
    await saveSsoConnection(a, first.slug, input(["shared-sso.example"]));
    const refused = await saveSsoConnection(b, second.slug, input(["own-sso.example", "shared-sso.example"])).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as InputError).fields).toEqual({ domains: "shared-sso.example already signs in through another organisation's identity provider." });
    expect(await getSsoSettings(b.userId, second.slug)).toBeNull();
    await expect(saveSsoConnection(b, second.slug, input(["own-sso.example"], { clientSecretSealed: null }))).rejects.toBeInstanceOf(InputError);

    await saveSsoConnection(a, first.slug, input(["shared-sso.example", "more-sso.example"], { clientSecretSealed: null, passwordSignInDisabled: false }));
    const connection = await ssoConnectionForDomain("more-sso.example");
    expect(connection).toMatchObject({ slug: first.slug, clientSecretSealed: "sealed-secret", domains: expect.arrayContaining(["shared-sso.example", "more-sso.example"]) });
    expect(await passwordSignInDisabledFor("more-sso.example")).toBe(false);
    await deleteSsoConnection(a, first.slug);
    expect(await ssoConnectionForDomain("shared-sso.example")).toBeNull();
    // Now free for the second organisation.
    await saveSsoConnection(b, second.slug, input(["shared-sso.example"]));
    expect(await passwordSignInDisabledFor("shared-sso.example")).toBe(true);
  });

  it("a verified sign-in joins the organisation once, with the default role, audited", async () => {
    const org = await makeOrg(t.prisma, "Join SSO");
    const owner = await makeUser(t.prisma, org.id, "owner");
    await saveSsoConnection(owner, org.slug, input(["join-sso.example"], { defaultRole: "viewer" }));
    const connection = (await ssoConnectionForDomain("join-sso.example"))!;
    const person = await t.prisma.user.create({ data: { id: crypto.randomUUID(), name: "Ada", email: "ada@join-sso.example", emailVerified: true } });
    await joinThroughSso(person, connection);
    await joinThroughSso(person, connection);
    expect(await t.prisma.member.findMany({ where: { organizationId: org.id, userId: person.id }, select: { role: true } })).toEqual([{ role: "viewer" }]);
    expect(await t.prisma.auditEvent.count({ where: { organizationId: org.id, action: "sso.member_joined", actorId: person.id } })).toBe(1);
    // An existing member keeps the role they have.
    await t.prisma.member.updateMany({ where: { organizationId: org.id, userId: person.id }, data: { role: "manager" } });
    await joinThroughSso(person, connection);
    expect((await t.prisma.member.findFirstOrThrow({ where: { organizationId: org.id, userId: person.id } })).role).toBe("manager");
  });
});
