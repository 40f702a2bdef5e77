import "server-only";
import { prisma } from "@/lib/db";
import type { TOidcEndpoints } from "@/lib/auth/oidc";
import { ssoJoinRole, type TSsoJoinRole } from "@/lib/domain/shared";

// What the single sign-on flow reads and writes before anyone is signed in: the connection that
// covers an email domain, and the membership a verified sign-in grants. The owner-facing settings
// (with the role in every query) are in lib/dal/sso.ts.

export type TSsoConnection = TOidcEndpoints & { id: string; organizationId: string; slug: string; issuer: string; clientId: string; clientSecretSealed: string; defaultRole: TSsoJoinRole; passwordSignInDisabled: boolean; domains: string[] };

const CONNECTION_SELECT = {
  id: true,
  organizationId: true,
  issuer: true,
  clientId: true,
  clientSecretSealed: true,
  authorizationEndpoint: true,
  tokenEndpoint: true,
  jwksUri: true,
  userinfoEndpoint: true,
  defaultRole: true,
  passwordSignInDisabled: true,
  organization: { select: { slug: true } },
  domains: { select: { domain: true } },
} as const;

type TConnectionRow = { organization: { slug: string }; domains: { domain: string }[]; defaultRole: string } & Omit<TSsoConnection, "slug" | "domains" | "defaultRole">;
const toConnection = ({ organization, domains, defaultRole, ...rest }: TConnectionRow): TSsoConnection => ({ ...rest, slug: organization.slug, defaultRole: ssoJoinRole(defaultRole), domains: domains.map((d) => d.domain) });

/** For the sign-in flow only (no caller yet): the connection that covers this email domain. */
export async function ssoConnectionForDomain(domain: string): Promise<TSsoConnection | null> {
  const row = await prisma().ssoDomain.findUnique({ where: { domain }, select: { connection: { select: CONNECTION_SELECT } } });
  return row ? toConnection(row.connection) : null;
}

/** For the sign-in callback: the connection the sign-in started with. */
export async function ssoConnectionById(id: string): Promise<TSsoConnection | null> {
  const row = await prisma().ssoConnection.findUnique({ where: { id }, select: CONNECTION_SELECT });
  return row ? toConnection(row) : null;
}

/** Whether this email's domain must sign in through its organisation's identity provider. */
export async function passwordSignInDisabledFor(domain: string): Promise<boolean> {
  const row = await prisma().ssoDomain.findFirst({ where: { domain, connection: { passwordSignInDisabled: true } }, select: { domain: true } });
  return Boolean(row);
}

export async function isMemberOf(userId: string, organizationId: string): Promise<boolean> {
  return (await prisma().member.count({ where: { userId, organizationId } })) > 0;
}

/** After a verified sign-in: the person becomes a member with the connection's default role, once. */
export async function joinThroughSso(user: { id: string; name: string; email: string }, connection: TSsoConnection): Promise<void> {
  await prisma().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${connection.organizationId} FOR UPDATE`;
    const member = await tx.member.findFirst({ where: { organizationId: connection.organizationId, userId: user.id }, select: { id: true } });
    if (member) return;
    await tx.member.create({ data: { id: crypto.randomUUID(), organizationId: connection.organizationId, userId: user.id, role: connection.defaultRole } });
    // lib/auth sits below the DAL, so the audit row is written here directly, in the same shape.
    await tx.auditEvent.create({
      data: { organizationId: connection.organizationId, assessmentId: null, actorId: user.id, actorName: user.name, action: "sso.member_joined", detail: { email: user.email, role: connection.defaultRole, issuer: connection.issuer } },
    });
  });
}
