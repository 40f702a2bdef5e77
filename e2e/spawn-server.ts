// Starts extra Freehold servers (server.mjs on an existing build) for the suites that need more
// than Playwright's one: a server without trusted proxies, two replicas on one PostgreSQL, a server
// killed with SIGKILL mid-write. Loopback only; every child is stopped by the caller.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "..");

/** A fresh PGlite directory URL under the OS temp dir. */
export function freshPgliteUrl(prefix = "freehold-extra-"): { url: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { url: `pglite:${path.join(dir, "pglite")}`, dir };
}

/** prisma migrate deploy (+ demo seed) against a database URL. */
export function prepareDatabase(databaseUrl: string, { seed = true }: { seed?: boolean } = {}): void {
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: root, env, stdio: "pipe" });
  if (seed) execFileSync("npx", ["tsx", "prisma/seed.ts"], { cwd: root, env, stdio: "pipe" });
}

/**
 * Spawns `node server.mjs` and resolves once /api/health answers 200 (or rejects with its output
 * when it exits first or takes longer than `timeoutMs`).
 */
export type TExit = { code: number | null; signal: NodeJS.Signals | null };
export type TServer = {
  child: ChildProcess;
  port: number;
  url: string;
  output: string[];
  exited: Promise<TExit>;
  stop(signal?: NodeJS.Signals): Promise<TExit>;
};
type TStartOptions = { port: number; databaseUrl: string; env?: Record<string, string>; timeoutMs?: number };

export async function startServer({ port, databaseUrl, env = {}, timeoutMs = 120_000 }: TStartOptions): Promise<TServer> {
  const output: string[] = [];
  const child = spawn(process.execPath, ["server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, BETTER_AUTH_URL: `http://127.0.0.1:${port}`, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", TRUSTED_PROXIES: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => output.push(String(d)));
  child.stderr.on("data", (d) => output.push(String(d)));
  const exited = new Promise<TExit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const done = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 250))]);
    if (done) throw new Error(`server on port ${port} exited (${JSON.stringify(done)}) before it was healthy:\n${output.join("")}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server on port ${port} not healthy after ${timeoutMs} ms:\n${output.join("")}`);
    }
  }
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    output,
    exited,
    /** Sends a signal and waits for the exit. */
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs server.mjs expecting it to refuse to start; resolves with its exit code and output. */
export function runServerExpectingExit({ port, databaseUrl, env = {}, timeoutMs = 120_000 }: TStartOptions): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const out: string[] = [];
    const child = spawn(process.execPath, ["server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (d) => out.push(String(d)));
    child.stderr.on("data", (d) => out.push(String(d)));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not exit within ${timeoutMs} ms:\n${out.join("")}`));
    }, timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output: out.join("") });
    });
  });
}
