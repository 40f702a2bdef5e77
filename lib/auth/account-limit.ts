import "server-only";
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db";
import { countInWindow } from "./window-counter";

// A per-account limit on failed sign-ins, beside better-auth's per-address limit: an attacker who
// spreads guesses over many addresses still gets only ACCOUNT_LIMIT.max wrong passwords per window
// for one account. Failures for an email with no account count the same way, so the limit reveals
// nothing about which emails are registered. A successful sign-in clears the count.
//
// The counters are window counters (./window-counter.ts); keys are "account-signin:" + a hash of
// the email, so no address is stored in clear.

export const ACCOUNT_LIMIT = { windowSeconds: 15 * 60, max: 10 };

const keyFor = (email: string) => `account-signin:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;

/** Seconds until this account may try again, or 0 when it may try now. */
export async function accountRetryAfter(email: string, now = Date.now()): Promise<number> {
  const row = await prisma().rateLimit.findUnique({ where: { key: keyFor(email) }, select: { count: true, lastRequest: true } });
  if (!row) return 0;
  const windowEnds = Number(row.lastRequest) + ACCOUNT_LIMIT.windowSeconds * 1000;
  if (now >= windowEnds || row.count < ACCOUNT_LIMIT.max) return 0;
  return Math.ceil((windowEnds - now) / 1000);
}

/** Counts one failed sign-in; the window starts at the first failure. */
export async function recordFailedSignIn(email: string, now = Date.now()): Promise<void> {
  await countInWindow(keyFor(email), ACCOUNT_LIMIT.windowSeconds, now);
}

export async function clearFailedSignIns(email: string): Promise<void> {
  await prisma().rateLimit.deleteMany({ where: { key: keyFor(email) } });
}
