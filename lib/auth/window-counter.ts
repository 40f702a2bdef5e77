import "server-only";
import { prisma } from "@/lib/db";

// Fixed-window counters kept in better-auth's RateLimit table, so every server process (replica)
// counts into the same row. One statement per count: concurrent requests on several processes all
// count. `lastRequest` holds the start of the current window. Keys carry a prefix of their own
// ("account-signin:", "api-token:") and can never collide with better-auth's "<ip>|<path>" keys.

export type TWindowCount = { count: number; windowEndsMs: number };

/** Adds one to the key's count in its current window (a new window once the last one is over). */
export async function countInWindow(key: string, windowSeconds: number, now = Date.now()): Promise<TWindowCount> {
  const expiredBefore = BigInt(now - windowSeconds * 1000);
  const rows = await prisma().$queryRaw<{ count: number; lastRequest: bigint }[]>`
    INSERT INTO "RateLimit" ("id", "key", "count", "lastRequest") VALUES (${crypto.randomUUID()}, ${key}, 1, ${BigInt(now)})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."lastRequest" < ${expiredBefore} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "lastRequest" = CASE WHEN "RateLimit"."lastRequest" < ${expiredBefore} THEN ${BigInt(now)} ELSE "RateLimit"."lastRequest" END
    RETURNING "count", "lastRequest"`;
  const row = rows[0];
  if (!row) throw new Error(`RateLimit upsert for ${key} returned no row`);
  return { count: Number(row.count), windowEndsMs: Number(row.lastRequest) + windowSeconds * 1000 };
}
