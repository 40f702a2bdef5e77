// Durability under crashes (issue 17 (d)): acknowledged saves must survive
//   - kill -9 of the app server on embedded PGlite (process crash), and
//   - `pg_ctl restart -m immediate` of a PostgreSQL with fsync and synchronous_commit on (a crash of
//     the database server, recovered from its WAL).
// Writers save the economics stage through the real server action over HTTP (as the wizard does)
// and remember each acknowledged version; after the crash and restart, every writer's assessment
// must hold at least its last acknowledged version, with that save's value when the version is
// equal. Needs a build (`next build`); run with `npx tsx e2e/durability.ts [pglite|postgres|all]`.
// Loopback only; rounds and durations are bounded.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freshPgliteUrl, prepareDatabase, startServer, type TServer } from "./spawn-server";
import { actionId, listAssessmentIds, readAssessment, saveEconomics, signInSession, type TSession } from "./http-client";

const PORT = Number(process.env.DURABILITY_PORT ?? 3170);
const PG_PORT = Number(process.env.DURABILITY_PG_PORT ?? 55470);
const ROUNDS = Number(process.env.DURABILITY_ROUNDS ?? 3);
const WRITERS = 3;
const SLUG = "northwind";
const PASSWORD = "freehold-demo-2026";
const APP_ENV = { FREEHOLD_RATE_LIMIT: "off" };

type TAck = { version: number; value: number };
type TWriter = { id: string; acked: TAck | null; attempts: number; acks: number; stop: boolean; done: Promise<void> };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (msg: string) => console.log(`[durability] ${msg}`);

/** One writer: sequential saves on its own assessment until told to stop or the deadline passes. */
function startWriter(session: () => TSession, id: string, startVersion: number, saveId: string, deadline: number, tolerateErrors: boolean): TWriter {
  const w: TWriter = { id, acked: null, attempts: 0, acks: 0, stop: false, done: Promise.resolve() };
  w.done = (async () => {
    let version = startVersion;
    while (!w.stop && Date.now() < deadline) {
      const value = 1_000_000_000 + Math.floor(Math.random() * 1e9);
      w.attempts++;
      try {
        const r = await saveEconomics(session(), SLUG, id, version, value, saveId);
        if (r.kind === "saved") {
          w.acked = { version: r.version, value };
          w.acks++;
          version = r.version;
        } else if (r.kind === "conflict") version = r.currentVersion;
        else if (!tolerateErrors) throw new Error(`save failed: ${JSON.stringify(r)}`);
        else await sleep(100);
      } catch (e) {
        if (!tolerateErrors) return; // the server is gone: this writer is done
        await sleep(200);
      }
    }
  })();
  return w;
}

async function verify(session: TSession, writers: TWriter[]): Promise<{ acked: number; lost: number }> {
  let lost = 0;
  for (const w of writers) {
    if (!w.acked) continue;
    const stored = await readAssessment(session, SLUG, w.id);
    const ok = stored.version > w.acked.version || (stored.version === w.acked.version && stored.inputTokensPerMonth === w.acked.value);
    if (!ok) {
      lost++;
      log(`LOST: ${w.id} acknowledged version ${w.acked.version} (value ${w.acked.value}), stored version ${stored.version} (value ${stored.inputTokensPerMonth})`);
    }
  }
  return { acked: writers.reduce((n, w) => n + w.acks, 0), lost };
}

async function writableAssessments(session: TSession, saveId: string): Promise<{ id: string; version: number }[]> {
  const out: { id: string; version: number }[] = [];
  for (const id of await listAssessmentIds(session, SLUG)) {
    const stored = await readAssessment(session, SLUG, id);
    if (stored.status === "in_review") continue;
    const probe = await saveEconomics(session, SLUG, id, stored.version, 1_000_000, saveId);
    if (probe.kind === "saved") out.push({ id, version: probe.version });
    if (out.length === WRITERS) break;
  }
  if (out.length < WRITERS) throw new Error(`only ${out.length} writable demo assessments`);
  return out;
}

async function pgliteKillRounds(saveId: string): Promise<{ acked: number; lost: number }> {
  const db = freshPgliteUrl("freehold-durability-");
  prepareDatabase(db.url);
  let total = { acked: 0, lost: 0 };
  let server: TServer = await startServer({ port: PORT, databaseUrl: db.url, env: APP_ENV });
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const session = await signInSession(server.url, "owner@northwind.example", PASSWORD);
      const targets = await writableAssessments(session, saveId);
      const writers = targets.map((t) => startWriter(() => session, t.id, t.version, saveId, Date.now() + 30_000, false));
      await sleep(1500 + Math.random() * 2000);
      server.child.kill("SIGKILL");
      await server.exited;
      await Promise.all(writers.map((w) => w.done));
      server = await startServer({ port: PORT, databaseUrl: db.url, env: APP_ENV });
      const check = await verify(await signInSession(server.url, "owner@northwind.example", PASSWORD), writers);
      log(`pglite round ${round}: kill -9 after ${check.acked} acknowledged saves (${writers.reduce((n, w) => n + w.attempts, 0)} attempted), ${check.lost} lost`);
      total = { acked: total.acked + check.acked, lost: total.lost + check.lost };
    }
  } finally {
    await server.stop("SIGTERM");
    fs.rmSync(db.dir, { recursive: true, force: true });
  }
  return total;
}

// ---- A PostgreSQL of our own, configured for durability (unlike the fast test server) ----

function pgBin(): string {
  const dirs = fs.existsSync("/usr/lib/postgresql") ? fs.readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of dirs) if (fs.existsSync(`/usr/lib/postgresql/${v}/bin/pg_ctl`)) return `/usr/lib/postgresql/${v}/bin`;
  throw new Error("PostgreSQL server binaries not found (apt-get install -y postgresql)");
}

const ownerCommand = (cmd: string, args: string[]): [string, string[]] => (process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args]);

function asOwner(cmd: string, args: string[]): string {
  const [file, argv] = ownerCommand(cmd, args);
  return execFileSync(file, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Like asOwner, without blocking the event loop (writers keep sending while it runs). */
async function asOwnerAsync(cmd: string, args: string[]): Promise<void> {
  const [file, argv] = ownerCommand(cmd, args);
  await promisify(execFile)(file, argv);
}

export type TTestPostgres = { url: string; restartImmediate: () => Promise<void>; halt: () => Promise<void>; resume: () => Promise<void>; stop: () => void };

export function startDurablePostgres(port: number): TTestPostgres {
  const bin = pgBin();
  const data = fs.mkdtempSync(path.join(os.tmpdir(), `freehold-pg-durable-${port}-`));
  fs.chmodSync(data, 0o700);
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres:postgres", data]);
  asOwner(`${bin}/initdb`, ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"]);
  // fsync, synchronous_commit and full_page_writes on: PostgreSQL's durable defaults, stated.
  const opts = `-p ${port} -k ${data} -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c full_page_writes=on -c max_connections=100`;
  asOwner(`${bin}/pg_ctl`, ["-D", data, "-l", `${data}/server.log`, "-w", "-t", "60", "-o", opts, "start"]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}`,
    // Immediate mode: no checkpoint, no clean shutdown; the server recovers from its WAL on start.
    restartImmediate: () => asOwnerAsync(`${bin}/pg_ctl`, ["-D", data, "-l", `${data}/server.log`, "-w", "-t", "60", "-m", "immediate", "-o", opts, "restart"]),
    halt: () => asOwnerAsync(`${bin}/pg_ctl`, ["-D", data, "-m", "fast", "-w", "stop"]),
    resume: () => asOwnerAsync(`${bin}/pg_ctl`, ["-D", data, "-l", `${data}/server.log`, "-w", "-t", "60", "-o", opts, "start"]),
    stop: () => {
      try {
        asOwner(`${bin}/pg_ctl`, ["-D", data, "-m", "fast", "-w", "stop"]);
      } catch {
        /* already stopped */
      }
      fs.rmSync(data, { recursive: true, force: true });
    },
  };
}

async function postgresRestartRounds(saveId: string): Promise<{ acked: number; lost: number }> {
  const pg = startDurablePostgres(PG_PORT);
  let total = { acked: 0, lost: 0 };
  let server: TServer | undefined;
  try {
    execFileSync("psql", [`${pg.url}/postgres`, "-qc", "CREATE DATABASE freehold_durability"]);
    const url = `${pg.url}/freehold_durability`;
    prepareDatabase(url);
    server = await startServer({ port: PORT, databaseUrl: url, env: { ...APP_ENV, BETTER_AUTH_SECRET: "durability-test-secret-0123456789abcdef" } });
    const restarts = Math.max(2, Math.min(ROUNDS, 3));
    for (let round = 1; round <= restarts; round++) {
      const session = await signInSession(server.url, "owner@northwind.example", PASSWORD);
      const targets = await writableAssessments(session, saveId);
      // Writers keep going through the restart (saves fail while the database is down).
      const writers = targets.map((t) => startWriter(() => session, t.id, t.version, saveId, Date.now() + 60_000, true));
      await sleep(1500 + Math.random() * 1500);
      await pg.restartImmediate();
      await sleep(2000); // saves resume on fresh connections
      for (const w of writers) w.stop = true;
      await Promise.all(writers.map((w) => w.done));
      const check = await verify(session, writers);
      log(`postgres round ${round}: pg_ctl restart -m immediate with ${check.acked} acknowledged saves (${writers.reduce((n, w) => n + w.attempts, 0)} attempted, the rest refused while it was down), ${check.lost} lost`);
      total = { acked: total.acked + check.acked, lost: total.lost + check.lost };
    }
  } finally {
    await server?.stop("SIGTERM");
    pg.stop();
  }
  return total;
}

async function main() {
  const which = process.argv[2] ?? "all";
  const saveId = actionId("saveStageAction");
  let passed = 0;
  let failed = 0;
  if (which === "all" || which === "pglite") {
    const r = await pgliteKillRounds(saveId);
    log(`PGlite: ${r.acked} acknowledged saves over ${ROUNDS} kill -9 rounds, ${r.lost} lost`);
    if (r.lost === 0 && r.acked > 0) passed++;
    else failed++;
  }
  if (which === "all" || which === "postgres") {
    const r = await postgresRestartRounds(saveId);
    log(`PostgreSQL: ${r.acked} acknowledged saves over immediate restarts, ${r.lost} lost`);
    if (r.lost === 0 && r.acked > 0) passed++;
    else failed++;
  }
  console.log(`durability: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    console.log("durability: 0 passed, 1 failed");
    process.exit(1);
  });
}
