// The relying-party side of OpenID Connect (Core 1.0, authorization code flow with PKCE):
// discovery, the authorization URL, the code exchange and ID token validation. The token checks
// are jose's (signature against the issuer's published keys, iss, aud, exp with a minute of clock
// tolerance); the nonce and the authorised party are checked here.
import { createHash, randomBytes } from "node:crypto";
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { normaliseIssuer, type TSsoErrorCode } from "@/lib/domain/shared";

export type TOidcEndpoints = { authorizationEndpoint: string; tokenEndpoint: string; jwksUri: string; userinfoEndpoint: string | null };

const FETCH_TIMEOUT_MS = 10_000;
const CLOCK_TOLERANCE_SECONDS = 60;

export class OidcError extends Error {
  constructor(
    readonly code: TSsoErrorCode,
    detail: string,
  ) {
    super(detail);
  }
}

async function getJson(url: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(url, { ...init, redirect: "error", signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}${text ? `: ${text.slice(0, 200)}` : ""}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${url} did not answer JSON`);
  }
}

const str = (o: Record<string, unknown>, k: string): string | null => (typeof o[k] === "string" && o[k] ? (o[k] as string) : null);

/** Reads `<issuer>/.well-known/openid-configuration`; throws with a sentence a person can act on. */
export async function discover(issuer: string): Promise<TOidcEndpoints> {
  const url = `${normaliseIssuer(issuer)}/.well-known/openid-configuration`;
  let doc: unknown;
  try {
    doc = await getJson(url);
  } catch (e) {
    throw new Error(`Could not read ${url} (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (!doc || typeof doc !== "object") throw new Error(`${url} is not a discovery document.`);
  const d = doc as Record<string, unknown>;
  // Discovery §4.3: the issuer in the document must be the one asked for, or tokens could be
  // accepted from a different issuer than the owner configured.
  if (normaliseIssuer(str(d, "issuer") ?? "") !== normaliseIssuer(issuer)) throw new Error(`The discovery document names the issuer “${str(d, "issuer") ?? "(none)"}”, not ${issuer}.`);
  const authorizationEndpoint = str(d, "authorization_endpoint");
  const tokenEndpoint = str(d, "token_endpoint");
  const jwksUri = str(d, "jwks_uri");
  if (!authorizationEndpoint || !tokenEndpoint || !jwksUri) throw new Error(`The discovery document at ${url} lacks authorization_endpoint, token_endpoint or jwks_uri.`);
  return { authorizationEndpoint, tokenEndpoint, jwksUri, userinfoEndpoint: str(d, "userinfo_endpoint") };
}

const base64url = (b: Buffer) => b.toString("base64url");
export const randomToken = () => base64url(randomBytes(32));
/** RFC 7636 S256 challenge of a verifier. */
export const pkceChallenge = (verifier: string) => base64url(createHash("sha256").update(verifier).digest());

export function authorizationUrl(endpoint: string, p: { clientId: string; redirectUri: string; state: string; nonce: string; codeVerifier: string; loginHint?: string }): string {
  const url = new URL(endpoint);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", p.clientId);
  url.searchParams.set("redirect_uri", p.redirectUri);
  url.searchParams.set("scope", "openid email profile");
  url.searchParams.set("state", p.state);
  url.searchParams.set("nonce", p.nonce);
  url.searchParams.set("code_challenge", pkceChallenge(p.codeVerifier));
  url.searchParams.set("code_challenge_method", "S256");
  if (p.loginHint) url.searchParams.set("login_hint", p.loginHint);
  return url.toString();
}

/** The token endpoint's answer; client_secret_basic (Core §9), the method every provider supports. */
export async function exchangeCode(p: { tokenEndpoint: string; clientId: string; clientSecret: string; code: string; redirectUri: string; codeVerifier: string }): Promise<{ idToken: string; accessToken: string | null }> {
  const basic = Buffer.from(`${encodeURIComponent(p.clientId)}:${encodeURIComponent(p.clientSecret)}`).toString("base64");
  const body = new URLSearchParams({ grant_type: "authorization_code", code: p.code, redirect_uri: p.redirectUri, code_verifier: p.codeVerifier });
  let answer: unknown;
  try {
    answer = await getJson(p.tokenEndpoint, { method: "POST", body, headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded", accept: "application/json" } });
  } catch (e) {
    throw new OidcError("token_exchange", e instanceof Error ? e.message : String(e));
  }
  const a = (answer ?? {}) as Record<string, unknown>;
  const idToken = str(a, "id_token");
  if (!idToken) throw new OidcError("token_exchange", "the token endpoint returned no id_token");
  return { idToken, accessToken: str(a, "access_token") };
}

const jwksByUri = new Map<string, JWTVerifyGetKey>();
/** One key set per URI for the process: jose caches the keys and refetches on an unknown key id. */
export function remoteKeys(jwksUri: string): JWTVerifyGetKey {
  let keys = jwksByUri.get(jwksUri);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: FETCH_TIMEOUT_MS });
    jwksByUri.set(jwksUri, keys);
  }
  return keys;
}

export type TIdentity = { subject: string; email: string | null; emailVerified: boolean | null; name: string | null };

/** Core §3.1.3.7: signature, iss, aud, exp, azp and nonce; returns who the token is about. */
export async function verifyIdToken(idToken: string, p: { keys: JWTVerifyGetKey; issuer: string; clientId: string; nonce: string; now?: Date }): Promise<TIdentity> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, p.keys, {
      issuer: [normaliseIssuer(p.issuer), normaliseIssuer(p.issuer) + "/"],
      audience: p.clientId,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: p.now,
      algorithms: ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"],
      requiredClaims: ["sub", "exp", "iat"],
    }));
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired) throw new OidcError("expired", e.message);
    if (e instanceof joseErrors.JWTClaimValidationFailed && e.claim === "aud") throw new OidcError("wrong_audience", e.message);
    throw new OidcError("bad_token", e instanceof Error ? e.message : String(e));
  }
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if ((audiences.length > 1 || payload.azp !== undefined) && payload.azp !== p.clientId) throw new OidcError("wrong_audience", "the token's authorised party (azp) is another client");
  if (payload.nonce !== p.nonce) throw new OidcError("bad_token", "the token's nonce is not the one this sign-in sent");
  const claims = payload as Record<string, unknown>;
  return {
    subject: payload.sub as string,
    email: str(claims, "email")?.toLowerCase() ?? null,
    emailVerified: typeof claims.email_verified === "boolean" ? claims.email_verified : null,
    name: str(claims, "name"),
  };
}

/** Userinfo (Core §5.3) for providers that keep the email out of the ID token; its sub must match. */
export async function userinfo(endpoint: string, accessToken: string, subject: string): Promise<Pick<TIdentity, "email" | "emailVerified" | "name">> {
  const info = (await getJson(endpoint, { headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" } })) as Record<string, unknown>;
  if (info.sub !== subject) throw new OidcError("bad_token", "userinfo is about another subject than the ID token");
  return { email: str(info, "email")?.toLowerCase() ?? null, emailVerified: typeof info.email_verified === "boolean" ? info.email_verified : null, name: str(info, "name") };
}
