// The per-account sign-in limit (issue 17 item 4): failures count per email, whatever the address,
// the same for emails with and without an account, across processes (one table), and reset.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, installTestPrisma, type TTestDb } from "@/lib/testing/test-db";
import { ACCOUNT_LIMIT, accountRetryAfter, clearFailedSignIns, recordFailedSignIn } from "@/lib/auth/account-limit";
import { takeApiCall } from "@/lib/auth/api-token";

let t: TTestDb;
beforeAll(async () => {
  t = await createTestDatabase();
  installTestPrisma(t.prisma);
});
afterAll(async () => {
  await t?.close();
});

describe("per-account sign-in limit", () => {
  it(`locks an email after ${ACCOUNT_LIMIT.max} failures for the rest of the window, then lets it try again`, async () => {
    const now = Date.now();
    for (let i = 0; i < ACCOUNT_LIMIT.max - 1; i++) await recordFailedSignIn("Victim@Example.com", now + i);
    expect(await accountRetryAfter("victim@example.com", now + 100)).toBe(0);
    await recordFailedSignIn("victim@example.com ", now + 200);
    const wait = await accountRetryAfter("VICTIM@example.com", now + 300);
    expect(wait).toBeGreaterThan(ACCOUNT_LIMIT.windowSeconds - 5);
    expect(await accountRetryAfter("victim@example.com", now + ACCOUNT_LIMIT.windowSeconds * 1000 + 1)).toBe(0);
  });

  it("counts concurrent failures exactly (one statement per failure)", async () => {
    const now = Date.now();
    await Promise.all(Array.from({ length: 25 }, () => recordFailedSignIn("burst@example.com", now)));
    const row = await t.prisma.rateLimit.findFirst({ where: { key: { startsWith: "account-signin:" } }, orderBy: { count: "desc" } });
    expect(row?.count).toBe(25);
  });

  it("a successful sign-in clears the count; no email is stored in clear", async () => {
    await recordFailedSignIn("clear@example.com");
    await clearFailedSignIns("clear@example.com");
    expect(await accountRetryAfter("clear@example.com")).toBe(0);
    const keys = (await t.prisma.rateLimit.findMany({ select: { key: true } })).map((r) => r.key);
    expect(keys.some((k) => k.includes("@"))).toBe(false);
  });
});

describe("per-token API call limit", () => {
  it("lets `perMinute` calls through in a window, refuses the next with the seconds left, and opens a new window after", async () => {
    const t0 = 1_900_000_000_000;
    const decisions = [];
    for (let i = 0; i < 5; i++) decisions.push(await takeApiCall("token-a", 4, t0 + i * 1000));
    expect(decisions).toEqual([{ ok: true }, { ok: true }, { ok: true }, { ok: true }, { ok: false, retryAfterSeconds: 56 }]);
    expect(await takeApiCall("token-b", 4, t0 + 4000)).toEqual({ ok: true }); // per token
    expect(await takeApiCall("token-a", 4, t0 + 59_500)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(await takeApiCall("token-a", 4, t0 + 60_001)).toEqual({ ok: true });
  });

  it("counts concurrent calls exactly once each (one statement; on PostgreSQL they really run at once)", async () => {
    const now = Date.now();
    const results = await Promise.all(Array.from({ length: 30 }, () => takeApiCall("token-concurrent", 10, now)));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(await t.prisma.rateLimit.findUniqueOrThrow({ where: { key: "api-token:token-concurrent" }, select: { count: true } })).toEqual({ count: 30 });
  });
});
