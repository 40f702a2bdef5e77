import "server-only";
import type { BetterAuthPlugin } from "better-auth";
import { createAuthEndpoint } from "better-auth/api";
import { setSessionCookie } from "better-auth/cookies";
import { symmetricDecrypt } from "better-auth/crypto";
import { z } from "zod";
import { authorizationUrl, exchangeCode, OidcError, randomToken, remoteKeys, userinfo, verifyIdToken, type TIdentity } from "@/lib/auth/oidc";
import { isMemberOf, joinThroughSso, ssoConnectionById, ssoConnectionForDomain } from "@/lib/auth/sso-store";
import { emailDomain, type TSsoErrorCode } from "@/lib/domain/shared";
import { logger } from "@/lib/log";
import { safeNext } from "@/lib/safe-next";

// Sign-in through an organisation's OpenID Connect provider, as two better-auth endpoints so the
// session is created and its cookie set exactly as for a password sign-in:
//   GET /api/auth/sso/start?email=…&next=…   finds the provider by the email's domain, redirects there
//   GET /api/auth/sso/callback?code&state     checks the answer, signs the person in, joins them
// The state, nonce and PKCE verifier live in a single-use verification row for ten minutes; the
// state is also in a signed, HttpOnly cookie, so an answer only completes the sign-in in the
// browser that started it (login CSRF, Core §3.1.2.1 / RFC 6749 §10.12).

const STATE_TTL_SECONDS = 600;
const STATE_COOKIE = "sso_state";
const ACCOUNT_PREFIX = "sso:";

const ZPending = z.object({ connectionId: z.string(), nonce: z.string(), codeVerifier: z.string(), next: z.string().nullable(), email: z.string() });

const signInPage = (code: TSsoErrorCode, email?: string) => `/sign-in?sso_error=${code}${email ? `&email=${encodeURIComponent(email)}` : ""}`;

export function ssoPlugin(): BetterAuthPlugin {
  return {
    id: "freehold-sso",
    endpoints: {
      ssoStart: createAuthEndpoint(
        "/sso/start",
        { method: "GET", query: z.object({ email: z.string().max(320), next: z.string().max(2000).optional() }) },
        async (ctx) => {
          const email = ctx.query.email.trim().toLowerCase();
          const domain = emailDomain(email);
          const connection = domain ? await ssoConnectionForDomain(domain) : null;
          if (!connection) throw ctx.redirect(signInPage("no_connection", email));
          const state = randomToken();
          const pending = { connectionId: connection.id, nonce: randomToken(), codeVerifier: randomToken(), next: safeNext(ctx.query.next, "") || null, email };
          await ctx.context.internalAdapter.createVerificationValue({ identifier: `sso-state:${state}`, value: JSON.stringify(pending), expiresAt: new Date(Date.now() + STATE_TTL_SECONDS * 1000) });
          const cookie = ctx.context.createAuthCookie(STATE_COOKIE, { maxAge: STATE_TTL_SECONDS });
          // Lax: the provider's redirect back is a top-level GET, which Lax cookies accompany.
          await ctx.setSignedCookie(cookie.name, state, ctx.context.secret, { ...cookie.attributes, sameSite: "lax" });
          throw ctx.redirect(
            authorizationUrl(connection.authorizationEndpoint, { clientId: connection.clientId, redirectUri: `${ctx.context.baseURL}/sso/callback`, state, nonce: pending.nonce, codeVerifier: pending.codeVerifier, loginHint: email }),
          );
        },
      ),
      ssoCallback: createAuthEndpoint(
        "/sso/callback",
        { method: "GET", query: z.object({ code: z.string().max(4096).optional(), state: z.string().max(200).optional(), error: z.string().max(200).optional(), error_description: z.string().max(1000).optional() }) },
        async (ctx) => {
          const cookie = ctx.context.createAuthCookie(STATE_COOKIE, { maxAge: STATE_TTL_SECONDS });
          const cookieState = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
          ctx.setCookie(cookie.name, "", { ...cookie.attributes, maxAge: 0 });
          const refuse = (code: TSsoErrorCode, detail: string, email?: string): never => {
            logger().warn({ event: "sso.refused", code, detail }, "single sign-on refused");
            throw ctx.redirect(signInPage(code, email));
          };
          const state = ctx.query.state;
          if (!state || !cookieState || cookieState !== state) return refuse("state", "state missing or not this browser's");
          const row = await ctx.context.internalAdapter.consumeVerificationValue(`sso-state:${state}`);
          const pending = row ? ZPending.safeParse(JSON.parse(row.value)) : null;
          if (!pending?.success) return refuse("state", "state unknown, used or expired");
          const { email: startedWith, nonce, codeVerifier, next } = pending.data;
          if (ctx.query.error || !ctx.query.code) return refuse("provider_error", `${ctx.query.error ?? "no code"}: ${ctx.query.error_description ?? ""}`, startedWith);
          const connection = await ssoConnectionById(pending.data.connectionId);
          if (!connection) return refuse("no_connection", "connection removed during sign-in", startedWith);

          let identity: TIdentity;
          try {
            const clientSecret = await symmetricDecrypt({ key: ctx.context.secret, data: connection.clientSecretSealed });
            const tokens = await exchangeCode({ tokenEndpoint: connection.tokenEndpoint, clientId: connection.clientId, clientSecret, code: ctx.query.code, redirectUri: `${ctx.context.baseURL}/sso/callback`, codeVerifier });
            identity = await verifyIdToken(tokens.idToken, { keys: remoteKeys(connection.jwksUri), issuer: connection.issuer, clientId: connection.clientId, nonce });
            if (!identity.email && connection.userinfoEndpoint && tokens.accessToken) identity = { ...identity, ...(await userinfo(connection.userinfoEndpoint, tokens.accessToken, identity.subject)) };
          } catch (e) {
            if (e instanceof OidcError) return refuse(e.code, e.message, startedWith);
            throw e;
          }
          const email = identity.email;
          if (!email) return refuse("no_email", "no email claim", startedWith);
          // The provider vouches only for the domains its organisation configured, and a provider
          // that says the address is unverified is not believed at all.
          const domain = emailDomain(email);
          if (!domain || !connection.domains.includes(domain)) return refuse("domain_mismatch", `signed in as an address at ${domain ?? "no domain"}`, startedWith);
          if (identity.emailVerified === false) return refuse("email_unverified", "email_verified is false", startedWith);

          const adapter = ctx.context.internalAdapter;
          const accountKey = { providerId: `${ACCOUNT_PREFIX}${connection.id}`, accountId: identity.subject };
          const linked = await adapter.findAccountByKey(accountKey);
          let user = linked ? await adapter.findUserById(linked.userId) : null;
          if (!user) {
            const existing = await adapter.findUserByEmail(email);
            if (existing) {
              // An existing account is linked only when this organisation already has it as a member:
              // otherwise any owner could claim a domain and take over its people's accounts.
              if (!(await isMemberOf(existing.user.id, connection.organizationId))) return refuse("existing_account", email, email);
              user = existing.user;
            } else {
              user = await adapter.createUser({ email, name: identity.name ?? email.split("@")[0] ?? email, emailVerified: true }, { method: "sso-oidc", sso: { providerId: accountKey.providerId } });
            }
            await adapter.linkAccount({ ...accountKey, userId: user.id });
          }
          await joinThroughSso({ id: user.id, name: user.name, email: user.email }, connection);
          const session = await adapter.createSession(user.id);
          await setSessionCookie(ctx, { session, user });
          logger().info({ event: "sso.signed_in", organizationId: connection.organizationId, userId: user.id }, "signed in through single sign-on");
          throw ctx.redirect(next ?? `/o/${connection.slug}`);
        },
      ),
    },
  };
}
