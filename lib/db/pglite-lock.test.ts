// The PID lock that keeps a second process out of a PGlite data directory.
import { afterEach, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  acquirePgliteLock,
  acquirePgliteLockAsync,
  pgliteLockPath,
  PgliteLockError,
  readPgliteLock,
} from "./pglite-lock.mjs";

const LOCK_MODULE = pathToFileURL(path.join(__dirname, "pglite-lock.mjs")).href;
const dirs: string[] = [];
const children: ChildProcess[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "freehold-lock-"));
  dirs.push(dir);
  return path.join(dir, "pglite");
}

/** A separate process that takes the lock and holds it for `holdMs` (or until killed). */
async function lockInChild(dir: string, owner: string, holdMs = 60_000): Promise<ChildProcess> {
  const code = `
    const { acquirePgliteLock } = await import(${JSON.stringify(LOCK_MODULE)});
    const release = acquirePgliteLock(${JSON.stringify(dir)}, { owner: ${JSON.stringify(owner)} });
    console.log("locked");
    setTimeout(() => { release(); process.exit(0); }, ${holdMs});
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("locked") && resolve());
    child.on("exit", (c) => reject(new Error(`lock holder exited early (${c})`)));
  });
  return child;
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("PGlite directory lock", () => {
  it("creates the directory and a lock file with this PID; release removes it", () => {
    const dir = tempDir();
    const release = acquirePgliteLock(dir, { releaseOnExit: false });
    expect(fs.existsSync(dir)).toBe(true);
    expect(readPgliteLock(dir)).toMatchObject({ pid: process.pid, owner: "app" });
    release();
    release(); // idempotent
    expect(fs.existsSync(pgliteLockPath(dir))).toBe(false);
  });

  it("refuses a directory locked by another live process, with a message that says what to do", async () => {
    const dir = tempDir();
    const holder = await lockInChild(dir, "app");
    let error: unknown;
    try {
      acquirePgliteLock(dir, { releaseOnExit: false });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PgliteLockError);
    const message = (error as Error).message;
    expect(message).toContain(`database directory ${path.resolve(dir)} is in use by process ${holder.pid}`);
    expect(message).toContain("(is the app running?)");
    expect(message).toContain("DATABASE_URL=postgres://");
    expect((error as PgliteLockError).pid).toBe(holder.pid);
    await expect(acquirePgliteLockAsync(dir, { releaseOnExit: false })).rejects.toBeInstanceOf(PgliteLockError);
    // The holder's lock is untouched.
    expect(readPgliteLock(dir)?.pid).toBe(holder.pid);
  });

  it("takes over a stale lock whose process is gone", async () => {
    const dir = tempDir();
    fs.mkdirSync(dir, { recursive: true });
    const pid = await deadPid();
    fs.writeFileSync(pgliteLockPath(dir), JSON.stringify({ pid, owner: "app" }));
    const release = acquirePgliteLock(dir, { releaseOnExit: false });
    expect(readPgliteLock(dir)?.pid).toBe(process.pid);
    release();
  });

  it("takes over a lock whose PID now belongs to another process (PID reuse)", async () => {
    const dir = tempDir();
    const other = await lockInChild(tempDir(), "app"); // any live process
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(pgliteLockPath(dir), JSON.stringify({ pid: other.pid, owner: "app", startTime: "1" }));
    const release = acquirePgliteLock(dir, { releaseOnExit: false });
    expect(readPgliteLock(dir)?.pid).toBe(process.pid);
    release();
  });

  it("takes over a lock left with this process's own PID (e.g. PID 1 after a container restart)", () => {
    const dir = tempDir();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(pgliteLockPath(dir), `${process.pid}\n`);
    const release = acquirePgliteLock(dir, { releaseOnExit: false });
    expect(readPgliteLock(dir)).toMatchObject({ pid: process.pid, owner: "app" });
    release();
  });

  it("waits for a schema-engine holder that is finishing, but not past waitMs", async () => {
    const dir = tempDir();
    await lockInChild(dir, "schema-engine", 600);
    expect(() => acquirePgliteLock(dir, { waitMs: 0, releaseOnExit: false })).toThrow(PgliteLockError);
    const started = Date.now();
    const release = await acquirePgliteLockAsync(dir, { waitMs: 10_000, releaseOnExit: false });
    expect(Date.now() - started).toBeLessThan(9_000);
    expect(readPgliteLock(dir)?.pid).toBe(process.pid);
    release();
  });

  it("does not wait for the app", async () => {
    const dir = tempDir();
    await lockInChild(dir, "app");
    const started = Date.now();
    expect(() => acquirePgliteLock(dir, { waitMs: 10_000, releaseOnExit: false })).toThrow(/is in use by process/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
