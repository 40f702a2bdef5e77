import "server-only";
import { prisma } from "@/lib/db";
import { issueApiTokenSecret, type TVerifiedToken } from "@/lib/auth/api-token";
import { API_TOKEN_ADMIN_ROLES, type TApiTokenScope } from "@/lib/auth/api-token-scopes";
import { NotFoundError, StateError } from "@/lib/dal/errors";
import { recordAudit } from "@/lib/dal/audit";
import { orgIdWithRole } from "@/lib/dal/org-roles";
import type { TActor } from "@/lib/domain/shared";

// API tokens of an organisation: created, listed and revoked by its owners and managers. The role
// is in each query's where, so a foreign or under-privileged caller matches no row.

export type TApiTokenRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdByName: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const adminOrgId = (userId: string, slug: string, what: string) => orgIdWithRole(userId, slug, API_TOKEN_ADMIN_ROLES, `Only an owner or a manager can ${what}.`);

export async function listApiTokens(userId: string, slug: string): Promise<TApiTokenRow[]> {
  const organizationId = await adminOrgId(userId, slug, "see the organisation's API tokens");
  return prisma().apiToken.findMany({
    where: { organizationId },
    select: { id: true, name: true, prefix: true, scopes: true, createdByName: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
}

export type TNewApiToken = { name: string; scopes: TApiTokenScope[]; expiresAt: Date };

/** Returns the secret: the only time it exists outside the caller's hands. */
export async function createApiToken(actor: TActor, slug: string, input: TNewApiToken): Promise<{ id: string; secret: string }> {
  const organizationId = await adminOrgId(actor.userId, slug, "create API tokens");
  const issued = issueApiTokenSecret();
  return prisma().$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { organizationId, name: input.name, scopes: input.scopes, expiresAt: input.expiresAt, secretHash: issued.secretHash, prefix: issued.prefix, createdById: actor.userId, createdByName: actor.userName },
      select: { id: true },
    });
    await recordAudit(tx, actor, { organizationId, action: "api_token.created", detail: { name: input.name, scopes: input.scopes, expiresAt: input.expiresAt.toISOString(), prefix: issued.prefix } });
    return { id: row.id, secret: issued.secret };
  });
}

export async function revokeApiToken(actor: TActor, slug: string, tokenId: string): Promise<void> {
  const organizationId = await adminOrgId(actor.userId, slug, "revoke API tokens");
  await prisma().$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, organizationId }, select: { name: true } });
    if (!token) throw new NotFoundError("API token not found");
    const done = await tx.apiToken.updateMany({ where: { id: tokenId, organizationId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (done.count === 0) throw new StateError("This token is already revoked.");
    await recordAudit(tx, actor, { organizationId, action: "api_token.revoked", detail: { name: token.name } });
  });
}

/** Who a token's calls are recorded as: its creator, named with the token, so the audit log shows both. */
export function tokenActor(token: TVerifiedToken): TActor {
  return { userId: token.createdById, userName: `${token.createdByName} (API token “${token.name}”)` };
}

/**
 * One audit row per API call, whatever its outcome, with the token's name. Filed under the
 * organisation, not the assessment: a change the call made has its own row on the assessment
 * (written by the DAL with the token's name), and reads would bury the history's changes.
 */
export async function recordApiCall(token: TVerifiedToken, call: { method: string; path: string; status: number }): Promise<void> {
  await prisma().$transaction((tx) =>
    recordAudit(tx, tokenActor(token), { organizationId: token.organizationId, action: "api.request", detail: { token: token.name, tokenId: token.id, method: call.method, path: call.path, status: call.status } }),
  );
}
