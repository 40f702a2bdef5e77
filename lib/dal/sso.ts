import "server-only";
import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/dal/audit";
import { InputError } from "@/lib/dal/errors";
import { orgIdWithRole } from "@/lib/dal/org-roles";
import { ssoJoinRole, type TActor, type TSsoJoinRole } from "@/lib/domain/shared";
import type { TOidcEndpoints } from "@/lib/auth/oidc";

// An organisation's single sign-on connection. Owners configure it (the role is in the query);
// the sign-in flow reads it by email domain, before anyone is signed in.

export type TSsoSettings = {
  issuer: string;
  clientId: string;
  domains: string[];
  defaultRole: TSsoJoinRole;
  passwordSignInDisabled: boolean;
  updatedByName: string;
  updatedAt: Date;
};

const ownerOrgId = (userId: string, slug: string) => orgIdWithRole(userId, slug, ["owner"], "Only an owner can configure single sign-on.");

/** The connection as every member may see it (never the secret); null when there is none. */
export async function getSsoSettings(userId: string, slug: string): Promise<TSsoSettings | null> {
  const row = await prisma().ssoConnection.findFirst({
    where: { organization: { slug, members: { some: { userId } } } },
    select: { issuer: true, clientId: true, defaultRole: true, passwordSignInDisabled: true, updatedByName: true, updatedAt: true, domains: { select: { domain: true }, orderBy: { domain: "asc" } } },
  });
  return row ? { ...row, defaultRole: ssoJoinRole(row.defaultRole), domains: row.domains.map((d) => d.domain) } : null;
}

export type TSsoSave = { issuer: string; clientId: string; clientSecretSealed: string | null; domains: string[]; defaultRole: TSsoJoinRole; passwordSignInDisabled: boolean; endpoints: TOidcEndpoints };

const domainTaken = (domains: string[]) =>
  new InputError({ domains: `${domains.join(", ")} already sign${domains.length === 1 ? "s" : ""} in through another organisation's identity provider.` });

export async function saveSsoConnection(actor: TActor, slug: string, input: TSsoSave): Promise<void> {
  const organizationId = await ownerOrgId(actor.userId, slug);
  try {
    await writeConnection(actor, organizationId, input);
  } catch (e) {
    // Two organisations claiming the same domain at the same moment: the primary key decides.
    if ((e as { code?: string }).code === "P2002") throw domainTaken(input.domains);
    throw e;
  }
}

async function writeConnection(actor: TActor, organizationId: string, input: TSsoSave): Promise<void> {
  await prisma().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${organizationId} FOR UPDATE`;
    const existing = await tx.ssoConnection.findUnique({ where: { organizationId }, select: { id: true } });
    const claimed = await tx.ssoDomain.findMany({ where: { domain: { in: input.domains }, connection: { organizationId: { not: organizationId } } }, select: { domain: true } });
    if (claimed.length) throw domainTaken(claimed.map((c) => c.domain));
    if (!existing && !input.clientSecretSealed) throw new InputError({ clientSecret: "Enter the client secret your identity provider gave Freehold." });
    const fields = {
      issuer: input.issuer,
      clientId: input.clientId,
      ...input.endpoints,
      defaultRole: input.defaultRole,
      passwordSignInDisabled: input.passwordSignInDisabled,
      updatedByName: actor.userName,
      ...(input.clientSecretSealed ? { clientSecretSealed: input.clientSecretSealed } : {}),
    };
    const connection = existing
      ? await tx.ssoConnection.update({ where: { id: existing.id }, data: fields, select: { id: true } })
      : await tx.ssoConnection.create({ data: { organizationId, ...fields, clientSecretSealed: input.clientSecretSealed ?? "" }, select: { id: true } });
    await tx.ssoDomain.deleteMany({ where: { connectionId: connection.id } });
    await tx.ssoDomain.createMany({ data: input.domains.map((domain) => ({ domain, connectionId: connection.id })) });
    // The secret never enters the audit log; only whether it changed.
    await recordAudit(tx, actor, {
      organizationId,
      action: existing ? "sso.updated" : "sso.configured",
      detail: { issuer: input.issuer, clientId: input.clientId, domains: input.domains, defaultRole: input.defaultRole, passwordSignInDisabled: input.passwordSignInDisabled, clientSecretChanged: Boolean(input.clientSecretSealed) },
    });
  });
}

export async function deleteSsoConnection(actor: TActor, slug: string): Promise<void> {
  const organizationId = await ownerOrgId(actor.userId, slug);
  await prisma().$transaction(async (tx) => {
    const done = await tx.ssoConnection.deleteMany({ where: { organizationId } });
    if (done.count) await recordAudit(tx, actor, { organizationId, action: "sso.removed", detail: {} });
  });
}
