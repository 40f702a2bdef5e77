// Single sign-on (OpenID Connect) settings as a form states them, checked before anything is
// fetched or stored. Pure: no network, no database.
import { z } from "zod";
import type { TRole } from "./roles";

/** Roles a person may get by signing in through the organisation's identity provider; never owner. */
export const SSO_JOIN_ROLES = ["manager", "analyst", "viewer"] as const satisfies readonly TRole[];
export type TSsoJoinRole = (typeof SSO_JOIN_ROLES)[number];
/** A stored role read back; anything unexpected grants the least. */
export const ssoJoinRole = (role: string): TSsoJoinRole => (role === "manager" || role === "analyst" ? role : "viewer");

export const SSO_MAX_DOMAINS = 20;
// A DNS name of at least two labels, each 1–63 letters, digits or inner hyphens (RFC 1035).
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/** The part after the last "@", lower-cased; null when there is none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 1 || at === email.length - 1) return null;
  return email.slice(at + 1).trim().toLowerCase();
}

/** "example.com, Example.org\nexample.net" → unique lower-case domains, or the reason it is not a list. */
export function parseDomainList(text: string): { domains: string[] } | { problem: string } {
  const parts = text
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
  if (parts.length === 0) return { problem: "Enter at least one email domain, e.g. example.com." };
  const bad = parts.find((d) => !DOMAIN.test(d));
  if (bad) return { problem: `“${bad}” is not a domain name (write it like example.com, without https:// or a path).` };
  const domains = [...new Set(parts)];
  if (domains.length > SSO_MAX_DOMAINS) return { problem: `At most ${SSO_MAX_DOMAINS} domains per organisation.` };
  return { domains };
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * An issuer is an https URL without query or fragment (OpenID Connect Discovery 1.0 §2). Plain http
 * is accepted only for a loopback address and only when the deployment allows it (tests).
 */
export function issuerProblem(issuer: string, opts: { allowLoopbackHttp: boolean }): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return "Enter the issuer as a full URL, e.g. https://login.example.com/realms/main.";
  }
  if (url.search || url.hash) return "The issuer URL has no query or fragment (…?x=1 or …#y).";
  if (url.username || url.password) return "The issuer URL must not contain a user name or password.";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && opts.allowLoopbackHttp && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return "The issuer must be an https:// URL.";
}

/** Issuers compare as strings; a trailing slash is the only difference tolerated. */
export const normaliseIssuer = (issuer: string): string => issuer.trim().replace(/\/+$/, "");

export const ZSsoForm = z.object({
  issuer: z.string().trim().min(1, "Enter the issuer URL of your identity provider.").max(500, "Keep the issuer URL under 500 characters."),
  clientId: z.string().trim().min(1, "Enter the client id your identity provider gave Freehold.").max(200, "Keep the client id under 200 characters."),
  // Blank on an existing connection keeps the stored secret.
  clientSecret: z.string().max(500, "Keep the client secret under 500 characters.").optional(),
  domains: z.string().max(2000, "Too many domains: at most 20."),
  defaultRole: z.enum(SSO_JOIN_ROLES, "Choose the role a new person gets: manager, analyst or viewer."),
  passwordSignInDisabled: z.literal("on").optional(),
});
export type TSsoForm = z.infer<typeof ZSsoForm>;

/** Why a sign-in through the identity provider was refused, as the sign-in page explains it. */
export const SSO_ERRORS = {
  no_connection: "No organisation in Freehold signs in with single sign-on for that email domain. Sign in with your password, or ask your owner to set up single sign-on.",
  state: "The sign-in took too long or was started in another browser tab. Start again.",
  provider_error: "Your identity provider did not sign you in.",
  token_exchange: "Freehold could not redeem the identity provider's answer (check the client id and secret in Settings).",
  wrong_audience: "The identity provider's token was issued for another application, not Freehold; nobody was signed in.",
  expired: "The identity provider's token had already expired; nobody was signed in. Check the clocks, then try again.",
  bad_token: "The identity provider's token could not be verified (signature, issuer or nonce); nobody was signed in.",
  no_email: "The identity provider did not say which email address you have (Freehold asks for the email scope).",
  domain_mismatch: "The identity provider signed you in with an email address outside the domains this organisation's single sign-on covers.",
  email_unverified: "The identity provider says your email address is not verified; nobody was signed in. Verify it there, then try again.",
  existing_account: "An account with this email already exists and is not a member of this organisation. Sign in with its password, or ask an owner to invite it first.",
} as const;
export type TSsoErrorCode = keyof typeof SSO_ERRORS;
export const isSsoErrorCode = (v: unknown): v is TSsoErrorCode => typeof v === "string" && Object.hasOwn(SSO_ERRORS, v);
