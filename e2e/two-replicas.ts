// The scale path (issue 17): two app processes on one PostgreSQL, as behind a load balancer. Each
// check alternates requests between the replicas and expects what one process gives: a session
// made on one works (and ends) on the other, the sign-in rate limit counts across both, an edit
// saved on one is a conflict for a stale save on the other, and SIGTERM lets in-flight requests
// finish while the other replica keeps serving. Needs a build; `npx tsx e2e/two-replicas.ts`.
// Loopback only, bounded.
import { execFileSync } from "node:child_process";
import { prepareDatabase, startServer, type TServer } from "./spawn-server";
import { startDurablePostgres } from "./durability";
import { actionId, listAssessmentIds, onReplica, readAssessment, saveEconomics, sessionEmail, signInSession, signOut } from "./http-client";

const PORT_A = Number(process.env.REPLICA_PORT ?? 3180);
const PORT_B = PORT_A + 1;
const PG_PORT = Number(process.env.REPLICA_PG_PORT ?? 55471);
const PASSWORD = "freehold-demo-2026";

type TCheck = { name: string; run: () => Promise<void> };
function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function main() {
  const pg = startDurablePostgres(PG_PORT);
  const servers: TServer[] = [];
  let passed = 0;
  let failed = 0;
  try {
    execFileSync("psql", [`${pg.url}/postgres`, "-qc", "CREATE DATABASE freehold_replicas"]);
    const url = `${pg.url}/freehold_replicas`;
    prepareDatabase(url);
    // One public URL and one secret, as two replicas behind a load balancer share them.
    const shared = { BETTER_AUTH_SECRET: "two-replicas-test-secret-0123456789abcdef", BETTER_AUTH_URL: `http://127.0.0.1:${PORT_A}`, TRUSTED_PROXIES: "127.0.0.1" };
    const [a, b] = await Promise.all([startServer({ port: PORT_A, databaseUrl: url, env: shared }), startServer({ port: PORT_B, databaseUrl: url, env: shared })]);
    servers.push(a, b);
    const origin = a.url;
    const saveId = actionId("saveStageAction");

    const checks: TCheck[] = [
      {
        name: "a session made on A is valid on B, and signing out on B ends it on A",
        run: async () => {
          const s = await signInSession(a.url, "analyst@northwind.example", PASSWORD, { origin, forwardedFor: "10.60.0.1" });
          assert((await sessionEmail(onReplica(s, b.url))) === "analyst@northwind.example", "B does not see A's session");
          assert((await signOut(onReplica(s, b.url))) === 200, "sign-out on B failed");
          assert((await sessionEmail(s)) === null, "A still accepts a session signed out on B");
        },
      },
      {
        name: "the sign-in limit counts attempts on both replicas (10 per minute per address)",
        run: async () => {
          const statuses: number[] = [];
          for (let i = 0; i < 14; i++) {
            const target = i % 2 === 0 ? a : b;
            const res = await fetch(`${target.url}/api/auth/sign-in/email`, {
              method: "POST",
              headers: { "content-type": "application/json", origin, "x-forwarded-for": "10.60.0.2" },
              body: JSON.stringify({ email: `nobody${i}@replicas.example`, password: "not the password" }),
            });
            statuses.push(res.status);
          }
          assert(statuses.filter((s) => s === 401).length === 10 && statuses.slice(10).every((s) => s === 429), `statuses ${statuses.join(",")}`);
        },
      },
      {
        name: "a save on A makes a stale save on B a conflict (optimistic locking across replicas)",
        run: async () => {
          const s = await signInSession(a.url, "owner@northwind.example", PASSWORD, { origin, forwardedFor: "10.60.0.3" });
          let target: { id: string; version: number } | undefined;
          for (const id of await listAssessmentIds(s, "northwind")) {
            const stored = await readAssessment(s, "northwind", id);
            if (stored.status !== "in_review") target = { id, version: stored.version };
            if (target) break;
          }
          assert(target, "no editable demo assessment");
          const first = await saveEconomics(s, "northwind", target.id, target.version, 2_000_000_000, saveId);
          assert(first.kind === "saved", `save on A: ${JSON.stringify(first)}`);
          const stale = await saveEconomics(onReplica(s, b.url), "northwind", target.id, target.version, 3_000_000_000, saveId);
          assert(stale.kind === "conflict" && stale.currentVersion === first.version, `stale save on B: ${JSON.stringify(stale)}`);
          const fresh = await saveEconomics(onReplica(s, b.url), "northwind", target.id, first.version, 3_000_000_000, saveId);
          assert(fresh.kind === "saved", `fresh save on B: ${JSON.stringify(fresh)}`);
          assert((await readAssessment(s, "northwind", target.id)).inputTokensPerMonth === 3_000_000_000, "A does not read B's save");
        },
      },
      {
        name: "/api/health answers 503 while the database is down and 200 once it is back",
        run: async () => {
          const before = await fetch(`${b.url}/api/health`);
          assert(before.status === 200, `health before: ${before.status}`);
          await pg.halt();
          const down = await fetch(`${b.url}/api/health`);
          const body = (await down.json()) as Record<string, unknown>;
          assert(down.status === 503 && body.database === "unreachable", `health while down: ${down.status} ${JSON.stringify(body)}`);
          assert(!JSON.stringify(body).includes("postgres://"), "health leaks the database URL");
          await pg.resume();
          let status = 0;
          for (let i = 0; i < 20 && status !== 200; i++) {
            status = (await fetch(`${b.url}/api/health`)).status;
            if (status !== 200) await new Promise((r) => setTimeout(r, 250));
          }
          assert(status === 200, `health after restart: ${status}`);
        },
      },
      {
        name: "SIGTERM on A finishes its in-flight request; A exits 0; B keeps serving",
        run: async () => {
          const s = await signInSession(a.url, "owner@northwind.example", PASSWORD, { origin, forwardedFor: "10.60.0.4" });
          const [id] = await listAssessmentIds(s, "northwind");
          // A PDF takes long enough to be in flight when the signal arrives.
          const pdf = fetch(`${a.url}/o/northwind/assessments/${id}/pdf`, { headers: { cookie: s.cookie } }).then(async (r) => ({ status: r.status, bytes: (await r.arrayBuffer()).byteLength }));
          await new Promise((r) => setTimeout(r, 30));
          a.child.kill("SIGTERM");
          const [result, exit] = await Promise.all([pdf, a.exited]);
          assert(result.status === 200 && result.bytes > 1000, `in-flight PDF: ${JSON.stringify(result)}`);
          assert(exit.code === 0, `A exited with ${JSON.stringify(exit)}`);
          const health = await fetch(`${b.url}/api/health`);
          assert(health.status === 200, `B health ${health.status}`);
          assert((await sessionEmail(onReplica(s, b.url))) === "owner@northwind.example", "B lost the session when A stopped");
        },
      },
    ];
    for (const check of checks) {
      try {
        await check.run();
        passed++;
        console.log(`  ✓ ${check.name}`);
      } catch (e) {
        failed++;
        console.log(`  ✗ ${check.name}\n    ${(e as Error).message}`);
      }
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop("SIGTERM")));
    pg.stop();
  }
  console.log(`two replicas: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log("two replicas: 0 passed, 1 failed");
  process.exit(1);
});
