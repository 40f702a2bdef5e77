// Types for ./pglite-lock.mjs (plain JavaScript so that Node can run the engine stand-in directly).

export declare const LOCK_FILE_NAME: ".freehold.lock";

export interface PgliteLockRecord {
  pid: number;
  owner?: string;
  startTime?: string | null;
  host?: string;
  since?: string;
}

export interface AcquirePgliteLockOptions {
  /** Who is locking ("app", "schema-engine", ...); stored in the lock file. Default "app". */
  owner?: string;
  /** How long to wait (ms) for a live holder whose owner is in waitForOwners. Default 10000. */
  waitMs?: number;
  /** Owners worth waiting for. Default ["schema-engine"] (a CLI command shutting down). */
  waitForOwners?: string[];
  /** Advice appended to the error message instead of the default one. */
  hint?: string;
  /** Remove the lock when the process emits "exit". Default true. */
  releaseOnExit?: boolean;
}

export declare class PgliteLockError extends Error {
  readonly code: "PGLITE_LOCKED";
  readonly dir: string;
  readonly pid: number;
  readonly owner: string | undefined;
}

/** Path of the lock file of a data directory. */
export declare function pgliteLockPath(dir: string): string;

/** The current lock record of `dir`, or null if unlocked. */
export declare function readPgliteLock(dir: string): PgliteLockRecord | null;

/**
 * Takes the lock of a PGlite data directory (creating the directory). Returns an idempotent
 * release function. Throws PgliteLockError if a live process holds the lock.
 */
export declare function acquirePgliteLock(dir: string, options?: AcquirePgliteLockOptions): () => void;

/** Like acquirePgliteLock, but waits (for a schema-engine holder) without blocking the event loop. */
export declare function acquirePgliteLockAsync(dir: string, options?: AcquirePgliteLockOptions): Promise<() => void>;

/** Removes the lock of `dir` if this process holds it. */
export declare function releasePgliteLock(dir: string): void;
