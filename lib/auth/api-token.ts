import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { countInWindow } from "./window-counter";
import { API_TOKEN_PREFIX_LENGTH, API_TOKEN_SCOPES, type TApiTokenScope } from "./api-token-scopes";

// Verification of REST API tokens (Authorization: Bearer fh_...). The secret is 32 random bytes;
// only its SHA-256 is stored, so a copy of the database does not hand out working tokens. A salted
// slow hash (as for passwords) is not needed: the secret has 256 bits of entropy, nothing to guess.

const SECRET_PREFIX = "fh_";
const SECRET_SHAPE = /^fh_[A-Za-z0-9_-]{43}$/;

export type TIssuedSecret = { secret: string; secretHash: string; prefix: string };

export const hashApiTokenSecret = (secret: string): string => createHash("sha256").update(secret, "utf8").digest("hex");

/** A new secret, its hash (what is stored) and its visible prefix. The secret is shown once. */
export function issueApiTokenSecret(): TIssuedSecret {
  const secret = `${SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, secretHash: hashApiTokenSecret(secret), prefix: secret.slice(0, API_TOKEN_PREFIX_LENGTH) };
}

export type TVerifiedToken = {
  id: string;
  name: string;
  organizationId: string;
  slug: string;
  scopes: TApiTokenScope[];
  createdById: string;
  createdByName: string;
};

export type TTokenCheck = { ok: true; token: TVerifiedToken } | { ok: false; reason: "missing" | "malformed" | "unknown" | "revoked" | "expired" };

/** Reads the bearer token of a request and checks it against the stored hashes; marks it used. */
export async function verifyApiToken(authorization: string | null, now = new Date()): Promise<TTokenCheck> {
  if (!authorization) return { ok: false, reason: "missing" };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match || !SECRET_SHAPE.test(match[1]!)) return { ok: false, reason: "malformed" };
  const row = await prisma().apiToken.findUnique({
    where: { secretHash: hashApiTokenSecret(match[1]!) },
    select: { id: true, name: true, organizationId: true, scopes: true, createdById: true, createdByName: true, expiresAt: true, revokedAt: true, organization: { select: { slug: true } } },
  });
  if (!row) return { ok: false, reason: "unknown" };
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  if (row.expiresAt <= now) return { ok: false, reason: "expired" };
  await prisma().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  const scopes = row.scopes.filter((s): s is TApiTokenScope => (API_TOKEN_SCOPES as readonly string[]).includes(s));
  return { ok: true, token: { id: row.id, name: row.name, organizationId: row.organizationId, slug: row.organization.slug, scopes, createdById: row.createdById, createdByName: row.createdByName } };
}

export type TRateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Per-token rate limit: at most `perMinute` calls in each minute-long window, counted in the
 * database so that every replica shares the count (a per-process limit would let N replicas allow
 * N times as many). The window starts at the token's first call after the previous one ended.
 */
export async function takeApiCall(tokenId: string, perMinute: number, now = Date.now()): Promise<TRateDecision> {
  const { count, windowEndsMs } = await countInWindow(`api-token:${tokenId}`, 60, now);
  if (count <= perMinute) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEndsMs - now) / 1000)) };
}
