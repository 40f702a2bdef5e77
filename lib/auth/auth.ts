import "server-only";
import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { authSecret } from "@/lib/auth/secret";
import { PASSWORD_MAX_LENGTH, passwordProblem } from "@/lib/auth/password-policy";
import { accountRetryAfter, clearFailedSignIns, recordFailedSignIn } from "@/lib/auth/account-limit";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import { ssoPlugin } from "@/lib/auth/sso-plugin";
import { passwordSignInDisabledFor } from "@/lib/auth/sso-store";
import { emailDomain } from "@/lib/domain/shared";

export const SIGN_IN_LIMIT = { windowSeconds: 60, max: 10 };

/** Endpoints that set a new password, and the body field that carries it. */
const NEW_PASSWORD_FIELDS: Record<string, "password" | "newPassword"> = {
  "/sign-up/email": "password",
  "/change-password": "newPassword",
  "/reset-password": "newPassword",
  "/set-password": "newPassword",
};

const PASSWORD_PATHS_BY_EMAIL: Record<string, true> = { "/sign-in/email": true, "/sign-up/email": true, "/request-password-reset": true };

const bodyString = (body: unknown, key: string): string | undefined => {
  const v = body && typeof body === "object" ? (body as Record<string, unknown>)[key] : undefined;
  return typeof v === "string" ? v : undefined;
};

// Runs before every auth endpoint: the password policy (ASVS V2.1) on new passwords, and the
// per-account sign-in limit. Both answer the same whether or not the email has an account.
const beforeHook = createAuthMiddleware(async (ctx) => {
  const field = NEW_PASSWORD_FIELDS[ctx.path];
  if (field) {
    const password = bodyString(ctx.body, field);
    const problem = password === undefined ? null : passwordProblem(password, { email: bodyString(ctx.body, "email"), name: bodyString(ctx.body, "name") });
    if (problem) throw new APIError("BAD_REQUEST", { message: problem, code: "PASSWORD_POLICY" });
  }
  if (ctx.path in PASSWORD_PATHS_BY_EMAIL) {
    // An organisation that turned password sign-in off for its domain: its people use its
    // identity provider, and nobody creates a password account at that domain either.
    const domain = emailDomain(bodyString(ctx.body, "email") ?? "");
    if (domain && (await passwordSignInDisabledFor(domain))) {
      throw new APIError("FORBIDDEN", { message: `People at ${domain} sign in with single sign-on: use “Sign in with single sign-on” below.`, code: "SSO_REQUIRED" });
    }
  }
  if (ctx.path === "/sign-in/email") {
    const email = bodyString(ctx.body, "email");
    const wait = email ? await accountRetryAfter(email) : 0;
    if (wait > 0) {
      throw new APIError(
        "TOO_MANY_REQUESTS",
        { message: `Too many failed sign-in attempts for this email. Try again in ${Math.ceil(wait / 60)} minute(s).`, code: "ACCOUNT_RATE_LIMITED" },
        { "Retry-After": String(wait), "X-Retry-After": String(wait) },
      );
    }
  }
});

const afterHook = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/sign-in/email") return;
  const email = bodyString(ctx.body, "email");
  if (!email) return;
  const returned = ctx.context.returned;
  if (isAPIError(returned)) {
    if (returned.statusCode === 401) await recordFailedSignIn(email);
  } else if (ctx.context.newSession) {
    await clearFailedSignIns(email);
  }
});

function createAuth() {
  const e = env();
  return betterAuth({
    appName: "Freehold",
    baseURL: e.BETTER_AUTH_URL,
    secret: authSecret(),
    database: prismaAdapter(prisma(), { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      // The policy (lib/auth/password-policy.ts) counts code points; these byte-ish bounds only
      // stop absurd bodies before hashing (an emoji is 2 UTF-16 units).
      minPasswordLength: 12,
      maxPasswordLength: PASSWORD_MAX_LENGTH * 2,
      // Sign-up never signs in. With autoSignIn off, better-auth answers a sign-up for an existing
      // email exactly like a new one (200, no session, after hashing the password so the timing
      // matches), so the sign-up response does not reveal who has an account. The form then signs
      // in with the same credentials, which succeeds for a new account.
      autoSignIn: false,
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      // better-auth turns rate limiting off outside production unless told; we want it everywhere
      // (tests prove it), with the rows in the database so every server process sees them.
      enabled: e.FREEHOLD_RATE_LIMIT === "on",
      storage: "database",
      window: 60,
      max: 200,
      customRules: {
        "/sign-in/email": { window: SIGN_IN_LIMIT.windowSeconds, max: SIGN_IN_LIMIT.max },
        "/sign-up/email": { window: 60, max: 10 },
        // Every page load asks for the session; counting those would only fill the table.
        "/get-session": false,
      },
    },
    hooks: { before: beforeHook, after: afterHook },
    advanced: {
      // The client address comes from our server (server.mjs), which sets this header from the
      // socket, or from X-Forwarded-For only when the socket is one of TRUSTED_PROXIES, and drops
      // any value a client sent. X-Forwarded-For itself is never read here: a client can write it.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // The session lookup every signed-in request makes reads the session and its user in one query
      // (Prisma's relationJoins) instead of two. Still a database read per request: no cookie cache.
      database: { generateId: () => crypto.randomUUID(), joins: true },
    },
    plugins: [
      // No organization plugin: organisations, members and invitations belong to the DAL
      // (lib/dal/members.ts), whose rules (the last owner, owner-only changes) run inside one
      // locked transaction. The plugin's /api/auth/organization/* endpoints would be a second way
      // in that skips them.
      ssoPlugin(),
      nextCookies(),
    ],
  });
}

type TAuth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { freeholdAuth?: TAuth };

/** Built on first use so `next build` never reads secrets or opens the database. */
export function auth(): TAuth {
  globalForAuth.freeholdAuth ??= createAuth();
  return globalForAuth.freeholdAuth;
}
