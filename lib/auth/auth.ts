import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { resolveAuthSecret } from "@/lib/auth/secret";

export const SIGN_IN_LIMIT = { windowSeconds: 60, max: 10 };

function createAuth() {
  const e = env();
  const trustedProxies = e.TRUSTED_PROXIES?.split(",").map((s) => s.trim()).filter(Boolean);
  return betterAuth({
    appName: "Freehold",
    baseURL: e.BETTER_AUTH_URL,
    secret: resolveAuthSecret(e),
    database: prismaAdapter(prisma(), { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      autoSignIn: true,
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
    advanced: {
      // Behind a reverse proxy, TRUSTED_PROXIES lets better-auth walk X-Forwarded-For past it.
      ipAddress: trustedProxies?.length ? { trustedProxies } : undefined,
      database: { generateId: () => crypto.randomUUID() },
    },
    plugins: [
      // No organization plugin: organisations, members and invitations belong to the DAL
      // (lib/dal/members.ts), whose rules (the last owner, owner-only changes) run inside one
      // locked transaction. The plugin's /api/auth/organization/* endpoints would be a second way
      // in that skips them.
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
