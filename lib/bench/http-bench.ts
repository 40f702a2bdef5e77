// npm run bench:http — server time of Freehold's pages on the existing production build (it builds
// nothing: run `npm run build` first). It migrates a throwaway PGlite database, seeds the demo data,
// a 10,000-assessment organisation ("bulk") and a 10-assessment one ("bulk-10"), starts server.mjs
// with FREEHOLD_BENCH_FLOOR=on (the only way the floor pages under /bench-floor exist), signs in and
// requests every page in turn, round after round, so the floors and the pages share the machine's
// load. Prints page, median, p95, floor, ratio and goal; then the economics page and the floor under
// 10 concurrent clients, the CSV's first byte, each page's first-load JavaScript and cold starts.
//
// Options (env): BENCH_ROUNDS (default 30), BENCH_PORT (default 3190), BENCH_CONCURRENT_SECONDS
// (default 20; 0 skips the concurrency run), BENCH_BULK (default 10000), BENCH_COLD_ROUNDS (default
// 3: cold starts of the floor and of the signed-in landing page, alternating), BENCH_DATABASE_URL
// (a PostgreSQL server's URL: the benchmark creates its throwaway database there, and drops it after,
// instead of an embedded PGlite one).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { stats } from "./kit";

const root = path.resolve(import.meta.dirname, "../..");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const WARM_UP_ROUNDS = 3;
const PORT = Number(process.env.BENCH_PORT ?? 3190);
const CONCURRENT_SECONDS = Number(process.env.BENCH_CONCURRENT_SECONDS ?? 20);
const BULK = Number(process.env.BENCH_BULK ?? 10_000);
const COLD_ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 3);
const POSTGRES_SERVER_URL = process.env.BENCH_DATABASE_URL;
const BASE = `http://127.0.0.1:${PORT}`;
const DEMO = { email: "owner@northwind.example", password: "freehold-demo-2026", slug: "northwind" };

type TFloor = "floor" | "signed-in floor" | "bare memo render" | "portfolio at 10";
type TPage = { name: string; path: string; floor: TFloor | null; goal: number | null };

function log(line: string) {
  process.stderr.write(`[bench:http] ${line}\n`);
}

function prepareDatabase(env: NodeJS.ProcessEnv) {
  const run = (args: string[]) => execFileSync("npx", args, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  log("migrating a throwaway database");
  run(["prisma", "migrate", "deploy"]);
  log("seeding the demo data");
  run(["tsx", "prisma/seed.ts"]);
  log(`seeding ${BULK.toLocaleString("en-US")} assessments into "bulk" and 10 into "bulk-10"`);
  run(["tsx", "prisma/seed-bulk.ts", "--assessments", String(BULK), "--org", "bulk"]);
  run(["tsx", "prisma/seed-bulk.ts", "--assessments", "10", "--org", "bulk-10"]);
}

/** An organisation's assessments, oldest first (read before the server takes the PGlite lock). */
async function assessmentIds(databaseUrl: string, slug: string): Promise<string[]> {
  const { createPrismaClient, closePrismaClient } = await import("../db");
  const db = createPrismaClient(databaseUrl);
  try {
    const rows = await db.assessment.findMany({ where: { organization: { slug } }, select: { id: true, inputs: true }, orderBy: { createdAt: "asc" } });
    // Those with economics entered first: their pages draw every chart and run the Monte Carlo.
    const hasEconomics = (inputs: unknown) => typeof inputs === "object" && inputs !== null && "economics" in inputs;
    return [...rows.filter((r) => hasEconomics(r.inputs)), ...rows.filter((r) => !hasEconomics(r.inputs))].map((r) => r.id);
  } finally {
    await closePrismaClient(db);
  }
}

type TThrowawayDatabase = { url: string; label: string; drop: () => Promise<void> };

/** The benchmark's own database: PGlite in `dir`, or a new database on BENCH_DATABASE_URL's server. */
async function throwawayDatabase(dir: string): Promise<TThrowawayDatabase> {
  if (!POSTGRES_SERVER_URL) return { url: `pglite:${path.join(dir, "pglite")}`, label: "PGlite (embedded: it runs in the server's own thread)", drop: async () => {} };
  const { default: pg } = await import("pg");
  const admin = async <T>(run: (c: InstanceType<typeof pg.Client>) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: POSTGRES_SERVER_URL });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  };
  const name = `freehold_bench_${process.pid}_${Date.now()}`;
  const version = await admin(async (c) => {
    await c.query(`CREATE DATABASE ${name}`);
    return (await c.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
  });
  const url = new URL(POSTGRES_SERVER_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), label: `PostgreSQL ${version} (a separate server on this machine)`, drop: () => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))) };
}

async function waitForServer(server: ChildProcess): Promise<number> {
  const start = performance.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      const r = await fetch(`${BASE}/api/health`);
      if (r.ok) return performance.now() - start;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ["server.mjs", "-p", String(PORT), "-H", "127.0.0.1"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await exited;
}

/**
 * Cold start: a new server process, then the page requested until it answers 200; the time from
 * spawn to the end of that response. The server is stopped before this returns (PGlite's lock).
 */
async function coldStartMs(env: NodeJS.ProcessEnv, pagePath: string, cookie: string): Promise<number> {
  const start = performance.now();
  const server = startServer(env);
  try {
    while (performance.now() - start < 120_000) {
      if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
      try {
        const r = await timed(`${BASE}${pagePath}`, cookie);
        if (r.status === 200) return performance.now() - start;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`${pagePath} did not answer 200 within 120 s of a cold start`);
  } finally {
    await stopServer(server);
  }
}

async function signIn(): Promise<string> {
  const r = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE },
    body: JSON.stringify({ email: DEMO.email, password: DEMO.password }),
  });
  if (!r.ok) throw new Error(`sign-in failed: ${r.status} ${await r.text()}`);
  return r.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** Whole-response time: headers and every byte of the body. */
async function timed(url: string, cookie: string): Promise<{ ms: number; status: number; body: Buffer }> {
  const start = performance.now();
  const r = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const body = Buffer.from(await r.arrayBuffer());
  return { ms: performance.now() - start, status: r.status, body };
}

async function firstByteMs(url: string, cookie: string): Promise<{ firstByte: number; total: number; bytes: number }> {
  const start = performance.now();
  const r = await fetch(url, { headers: { cookie } });
  const reader = r.body!.getReader();
  let firstByte = -1;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (firstByte < 0) firstByte = performance.now() - start;
    bytes += value.byteLength;
  }
  return { firstByte, total: performance.now() - start, bytes };
}

/** Sum of the gzipped sizes of every script the page's HTML loads. */
async function firstLoadJsKb(pagePath: string, cookie: string, cache: Map<string, number>): Promise<number> {
  const html = (await timed(`${BASE}${pagePath}`, cookie)).body.toString("utf8");
  const scripts = new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!));
  let total = 0;
  for (const src of scripts) {
    if (!cache.has(src)) cache.set(src, gzipSync((await timed(`${BASE}${src}`, cookie)).body).length);
    total += cache.get(src)!;
  }
  return total / 1024;
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** `clients` loops requesting the page for `seconds`; requests per second and p95. */
async function underLoad(url: string, cookie: string, clients: number, seconds: number): Promise<{ rps: number; p95: number; errors: number }> {
  const end = performance.now() + seconds * 1000;
  const times: number[] = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const r = await timed(url, cookie);
        if (r.status !== 200) errors += 1;
        times.push(r.ms);
      }
    }),
  );
  return { rps: times.length / seconds, p95: stats(times).p95, errors };
}

const fmt = (x: number) => x.toFixed(1).padStart(7);

async function main() {
  // NEXT_DIST_DIR (next.config.js) lets a second build sit beside the first, e.g. before and after a change.
  if (!fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
    console.error("bench:http needs a production build and builds nothing itself: run `npm run build` first.");
    process.exit(1);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "freehold-bench-http-"));
  const database = await throwawayDatabase(dir);
  const databaseUrl = database.url;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_URL: BASE,
    NEXT_TELEMETRY_DISABLED: "1",
    FREEHOLD_BENCH_FLOOR: "on",
    FREEHOLD_RATE_LIMIT: "off",
    // Production refuses to start on PostgreSQL without a secret (PGlite keeps one in its data directory).
    ...(POSTGRES_SERVER_URL ? { BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? `bench-${randomBytes(24).toString("hex")}` } : {}),
    LOG_LEVEL: "warn",
  };
  let server: ChildProcess | undefined;
  try {
    prepareDatabase(env);
    const ids = await assessmentIds(databaseUrl, DEMO.slug);
    // The demo organisation has three assessments; the comparison of four takes them from "bulk-10".
    const compareIds = (await assessmentIds(databaseUrl, "bulk-10")).slice(0, 4);
    const a = `/o/${DEMO.slug}/assessments/${ids[0]}`;
    log("starting the production server");
    server = startServer(env);
    const startMs = await waitForServer(server);
    const cookie = await signIn();
    const floorCheck = await timed(`${BASE}/bench-floor`, "");
    if (floorCheck.status !== 200) throw new Error(`/bench-floor answered ${floorCheck.status}: is FREEHOLD_BENCH_FLOOR read by this build?`);

    const stagePages: TPage[] = ["licence", "capability", "infrastructure", "adaptation", "safety", "lifecycle"].map((s) => ({ name: `stage: ${s}`, path: `${a}/stages/${s}`, floor: "signed-in floor", goal: 1.5 }));
    const portfolio = (slug: string, query: string) => `/o/${slug}/assessments${query}`;
    const portfolioQueries: [string, string][] = [
      ["page 1", ""],
      ["search + filter", "?q=support&status=draft"],
      ["sort by owned cost", "?sort=owned&dir=asc"],
      ["last page", "?sort=crossover&page=100000"],
    ];
    const pages: TPage[] = [
      { name: "floor (one heading)", path: "/bench-floor", floor: null, goal: null },
      { name: "signed-in floor", path: "/bench-floor/signed-in", floor: "floor", goal: null },
      ...stagePages,
      { name: "overview", path: a, floor: "signed-in floor", goal: 1.5 },
      { name: "economics", path: `${a}/economics`, floor: "signed-in floor", goal: 1.5 },
      { name: "recommendation", path: `${a}/recommendation`, floor: "signed-in floor", goal: 1.5 },
      { name: "compare of 4", path: `/o/bulk-10/compare?ids=${compareIds.join(",")}`, floor: "signed-in floor", goal: 3 },
      { name: "bare memo render", path: `/bench-floor/memo?slug=${DEMO.slug}&id=${ids[0]}`, floor: "signed-in floor", goal: null },
      { name: "PDF memo", path: `${a}/pdf`, floor: "bare memo render", goal: 2 },
      ...portfolioQueries.flatMap(([name, query]): TPage[] => [
        { name: `portfolio at 10: ${name}`, path: portfolio("bulk-10", query), floor: null, goal: null },
        { name: `portfolio at ${BULK}: ${name}`, path: portfolio("bulk", query), floor: "portfolio at 10", goal: 2 },
      ]),
    ];

    // Every page once to check it serves, then warm-up rounds, then the timed rounds.
    for (const p of pages) {
      const r = await timed(`${BASE}${p.path}`, cookie);
      if (r.status !== 200) throw new Error(`${p.path} answered ${r.status}`);
    }
    log(`${WARM_UP_ROUNDS} warm-up + ${ROUNDS} timed rounds over ${pages.length} pages`);
    const samples = new Map<string, number[]>(pages.map((p) => [p.name, []]));
    // What each page sends (HTML with its RSC payload, or the PDF): server time grows with it.
    const responseKiB = new Map<string, number>();
    for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round += 1) {
      for (const p of pages) {
        const r = await timed(`${BASE}${p.path}`, cookie);
        if (round >= WARM_UP_ROUNDS) samples.get(p.name)!.push(r.ms);
        responseKiB.set(p.name, r.body.length / 1024);
      }
    }
    const median = (name: string) => stats(samples.get(name)!).median;
    const floorOf = (p: TPage): number | null => {
      if (p.floor === "floor") return median("floor (one heading)");
      if (p.floor === "signed-in floor") return median("signed-in floor");
      if (p.floor === "bare memo render") return median("bare memo render");
      if (p.floor === "portfolio at 10") return median(p.name.replace(`portfolio at ${BULK}`, "portfolio at 10"));
      return null;
    };

    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    console.log(`\nbench:http — ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} CPU(s) (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${os.loadavg()[0]!.toFixed(2)}; database ${database.label}`);
    console.log(`Medians of ${ROUNDS} interleaved rounds (after ${WARM_UP_ROUNDS} warm-up), whole response, signed in as ${DEMO.email}; server ready ${startMs.toFixed(0)} ms after start\n`);
    console.log(`| page | KiB sent | median ms | p95 ms | floor | floor ms | ratio | goal |`);
    console.log(`|---|---:|---:|---:|---|---:|---:|---|`);
    for (const p of pages) {
      const s = stats(samples.get(p.name)!);
      const floorMs = floorOf(p);
      const ratio = floorMs ? s.median / floorMs : null;
      const goal = p.goal === null ? "" : `<= ${p.goal}x ${ratio !== null && ratio <= p.goal ? "met" : "NOT met"}`;
      console.log(`| ${p.name} | ${responseKiB.get(p.name)!.toFixed(0)} | ${fmt(s.median)} | ${fmt(s.p95)} | ${p.floor ?? ""} | ${floorMs ? fmt(floorMs) : ""} | ${ratio ? ratio.toFixed(2) + "x" : ""} | ${goal} |`);
    }

    const csv = [];
    for (let i = 0; i < 5; i += 1) csv.push(await firstByteMs(`${BASE}/o/bulk/assessments/export.csv`, cookie));
    const csvStats = { firstByte: stats(csv.map((c) => c.firstByte)).median, total: stats(csv.map((c) => c.total)).median };
    console.log(`\nCSV of ${BULK.toLocaleString("en-US")} rows: first byte ${csvStats.firstByte.toFixed(0)} ms (goal < 200 ms ${csvStats.firstByte < 200 ? "met" : "NOT met"}), whole file ${csvStats.total.toFixed(0)} ms, ${(csv[0]!.bytes / 1024).toFixed(0)} KiB (median of 5)`);

    const scriptSizes = new Map<string, number>();
    const floorJs = await firstLoadJsKb("/bench-floor", cookie, scriptSizes);
    console.log(`\nFirst-load JavaScript (gzip, every <script src> in the page's HTML); floor ${floorJs.toFixed(1)} kB, goal <= floor + 150 kB`);
    for (const p of [pages[2]!, ...pages.filter((x) => ["overview", "economics", "recommendation", "compare of 4", `portfolio at ${BULK}: page 1`].includes(x.name))]) {
      const kb = await firstLoadJsKb(p.path, cookie, scriptSizes);
      console.log(`  ${p.name.padEnd(34)} ${kb.toFixed(1).padStart(7)} kB  floor + ${(kb - floorJs).toFixed(1)} kB ${kb - floorJs <= 150 ? "met" : "NOT met"}`);
    }

    if (CONCURRENT_SECONDS > 0) {
      console.log(`\n10 concurrent clients for ${CONCURRENT_SECONDS} s each:`);
      for (const [name, pagePath] of [
        ["signed-in floor", "/bench-floor/signed-in"],
        ["economics", `${a}/economics`],
      ] as const) {
        const before = rssMiB(server.pid!);
        const load = await underLoad(`${BASE}${pagePath}`, cookie, 10, CONCURRENT_SECONDS);
        const after = rssMiB(server.pid!);
        console.log(`  ${name.padEnd(16)} ${load.rps.toFixed(1).padStart(7)} requests/s, p95 ${load.p95.toFixed(0)} ms, ${load.errors} errors, server RSS ${before.toFixed(0)} -> ${after.toFixed(0)} MiB (+${(after - before).toFixed(0)})`);
      }
    }

    // Alternating cold starts: the floor page, then the page a signed-in member lands on.
    await stopServer(server);
    const landing = `/o/${DEMO.slug}/assessments`;
    const cold = { floor: [] as number[], landing: [] as number[] };
    for (let i = 0; i < COLD_ROUNDS; i += 1) {
      cold.floor.push(await coldStartMs(env, "/bench-floor", ""));
      cold.landing.push(await coldStartMs(env, landing, cookie));
    }
    const coldFloor = stats(cold.floor).median;
    const coldLanding = stats(cold.landing).median;
    const coldRatio = coldLanding / coldFloor;
    console.log(`\nCold start (spawn to the page's 200, median of ${COLD_ROUNDS}, alternating): floor ${coldFloor.toFixed(0)} ms, signed-in ${landing} ${coldLanding.toFixed(0)} ms, ratio ${coldRatio.toFixed(2)}x (goal <= 1.5x ${coldRatio <= 1.5 ? "met" : "NOT met"})`);
  } finally {
    if (server) await stopServer(server);
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
