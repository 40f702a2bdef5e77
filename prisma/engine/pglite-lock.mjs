// @ts-check
// A PID lock for a PGlite data directory. PGlite is single-process: two processes that open the
// same directory silently lose rows and corrupt indexes, so every opener (the app, the Prisma
// schema-engine stand-in, scripts) takes this lock first.
//
// Plain JavaScript (ESM, no TypeScript) so that both `node prisma/engine/schema-engine.mjs` and the
// app's TypeScript code can import it. Types: ./pglite-lock.d.mts.
//
// The lock is the file `<dir>/.freehold.lock`, created atomically (O_EXCL), holding JSON:
//   {"pid":123,"owner":"app","startTime":"4567","host":"...","since":"2026-..."}
// - A lock whose process is gone (or whose PID now belongs to a different process: start time
//   differs, see /proc/<pid>/stat) is stale and is taken over.
// - A lock held by this very process (same PID) is taken over too: after a container restart the
//   app often gets the same PID as the run that left the lock behind.
// - A live holder -> PgliteLockError with a message that says what to do. If the holder is a
//   short-lived schema-engine (owner "schema-engine"), the caller first waits for it (`waitMs`).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const LOCK_FILE_NAME = ".freehold.lock";

export class PgliteLockError extends Error {
  /**
   * @param {string} message
   * @param {{ dir: string, pid: number, owner?: string }} holder
   */
  constructor(message, holder) {
    super(message);
    this.name = "PgliteLockError";
    this.code = "PGLITE_LOCKED";
    this.dir = holder.dir;
    this.pid = holder.pid;
    this.owner = holder.owner;
  }
}

/** Path of the lock file for a data directory. */
export function pgliteLockPath(dir) {
  return path.join(path.resolve(dir), LOCK_FILE_NAME);
}

/** Linux: the start time (in clock ticks since boot) of a process, to detect PID reuse. */
function processStartTime(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 2 (comm) may contain spaces and parentheses: split after the last ")".
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return rest[19] ?? null; // field 22 overall
  } catch {
    return null;
  }
}

function isProcessAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e && e.code === "EPERM"; // exists, owned by another user
  }
}

/** Reads the lock of `dir`; null when there is none or it is unreadable/corrupt. */
export function readPgliteLock(dir) {
  let text;
  try {
    text = fs.readFileSync(pgliteLockPath(dir), "utf8");
  } catch {
    return null;
  }
  try {
    const info = JSON.parse(text);
    if (info && Number.isInteger(info.pid)) return info;
  } catch {
    const pid = Number.parseInt(text.trim(), 10); // a bare PID is accepted too
    if (Number.isInteger(pid)) return { pid };
  }
  return { pid: -1 }; // corrupt: treated as stale
}

/** Whether a lock record belongs to a live process (other than this one). */
function isLiveForeignHolder(info) {
  if (!info || info.pid === process.pid) return false;
  if (info.host && info.host !== os.hostname()) return true; // cannot check: assume live
  if (!isProcessAlive(info.pid)) return false;
  if (info.startTime) {
    const now = processStartTime(info.pid);
    if (now !== null && now !== String(info.startTime)) return false; // PID reused
  }
  return true;
}

function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function describeHolder(info) {
  return info.owner === "schema-engine" ? `a Prisma CLI command (schema-engine, process ${info.pid})` : `process ${info.pid}`;
}

function prepare(dir, options) {
  const { owner = "app", waitMs = 10_000, waitForOwners = ["schema-engine"], hint, releaseOnExit = true } = options;
  const absDir = path.resolve(dir);
  fs.mkdirSync(absDir, { recursive: true });
  return {
    absDir,
    lockPath: pgliteLockPath(absDir),
    record: { pid: process.pid, owner, startTime: processStartTime(process.pid), host: os.hostname(), since: new Date().toISOString() },
    deadline: Date.now() + waitMs,
    waitForOwners,
    hint,
    releaseOnExit,
    takeovers: 0,
  };
}

/** One attempt: "acquired", "wait" (a schema-engine holds it; try again soon), or throws. */
function attempt(st) {
  try {
    const fd = fs.openSync(st.lockPath, "wx", 0o644);
    try {
      fs.writeSync(fd, JSON.stringify(st.record) + "\n");
    } finally {
      fs.closeSync(fd);
    }
    return "acquired";
  } catch (e) {
    if (!e || e.code !== "EEXIST") throw e;
  }
  const holder = readPgliteLock(st.absDir);
  if (holder && isLiveForeignHolder(holder)) {
    if (st.waitForOwners.includes(holder.owner) && Date.now() < st.deadline) return "wait";
    const advice =
      st.hint ??
      "Stop it, or use DATABASE_URL=postgres://... (a PostgreSQL server allows many processes) or a different pglite: directory.";
    throw new PgliteLockError(
      `PGlite database directory ${st.absDir} is in use by ${describeHolder(holder)} (is the app running?). ` +
        `Only one process may open a PGlite directory at a time. ${advice}`,
      { dir: st.absDir, pid: holder.pid, owner: holder.owner },
    );
  }
  // Stale (or ours): take it over. Renaming is atomic, so of two processes taking over the same
  // stale lock only one removes it; the other then retries and finds the winner's fresh lock.
  if (++st.takeovers > 50) throw new Error(`Could not take the lock ${st.lockPath} (too much contention).`);
  const grave = `${st.lockPath}.stale-${process.pid}-${st.takeovers}`;
  try {
    fs.renameSync(st.lockPath, grave);
    const moved = readLockFile(grave);
    if (moved && moved.pid !== (holder ? holder.pid : undefined) && isLiveForeignHolder(moved)) {
      // We moved someone's fresh lock (it replaced the stale one between our read and rename):
      // put it back if the slot is still free; either way, retry.
      try {
        fs.linkSync(grave, st.lockPath);
      } catch {
        /* someone else holds it now */
      }
    }
    fs.rmSync(grave, { force: true });
  } catch (e) {
    if (!e || e.code !== "ENOENT") throw e;
  }
  return "retry";
}

function releaser(st) {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    if (st.releaseOnExit) process.removeListener("exit", release);
    const current = readPgliteLock(st.absDir);
    if (current && current.pid === process.pid) fs.rmSync(st.lockPath, { force: true });
  };
  if (st.releaseOnExit) process.once("exit", release);
  return release;
}

/**
 * Takes the lock of a PGlite data directory (creating the directory if needed).
 * Returns an idempotent release function. Throws PgliteLockError when a live process holds it.
 * While waiting for a schema-engine holder it blocks the thread; servers may prefer
 * acquirePgliteLockAsync.
 *
 * @param {string} dir data directory
 * @param {{ owner?: string, waitMs?: number, waitForOwners?: string[], hint?: string, releaseOnExit?: boolean }} [options]
 *   owner: who is locking ("app", "schema-engine", ...; stored in the file).
 *   waitMs: how long to wait for a live holder whose owner is in `waitForOwners` (default
 *     ["schema-engine"]: a Prisma CLI command, which holds the lock for seconds and may still be
 *     closing the database when the CLI has already exited). Default 10000. Any other live holder
 *     (e.g. the app) fails at once.
 *   hint: advice that replaces the default one at the end of the error message.
 *   releaseOnExit: remove the lock on process "exit" (default true).
 * @returns {() => void}
 */
export function acquirePgliteLock(dir, options = {}) {
  const st = prepare(dir, options);
  for (;;) {
    const r = attempt(st);
    if (r === "acquired") return releaser(st);
    if (r === "wait") sleepSync(100);
  }
}

/** Like acquirePgliteLock, but waits without blocking the event loop. */
export async function acquirePgliteLockAsync(dir, options = {}) {
  const st = prepare(dir, options);
  for (;;) {
    const r = attempt(st);
    if (r === "acquired") return releaser(st);
    if (r === "wait") await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function readLockFile(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** Removes the lock of `dir` if this process holds it. */
export function releasePgliteLock(dir) {
  const current = readPgliteLock(dir);
  if (current && current.pid === process.pid) fs.rmSync(pgliteLockPath(dir), { force: true });
}
