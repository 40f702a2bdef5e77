// Helpers for the integration tests of the schema-engine stand-in: run the real Prisma CLI and make
// throwaway databases (PGlite directories, or databases on TEST_DATABASE_URL's PostgreSQL server).
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { acquirePgliteLockAsync } from "../../lib/db/pglite-lock.mjs";
import { pgliteOptions } from "../../lib/db/pglite-options.mjs";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const ENGINE = path.join(REPO_ROOT, "prisma", "engine", "schema-engine.mjs");
const PRISMA_CLI = path.join(REPO_ROOT, "node_modules", "prisma", "build", "index.js");

export interface TCliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout + stderr */
  output: string;
}

/** Runs the real Prisma CLI (through the stand-in engine) from the repository root. */
export function runPrisma(args: string[], env: Record<string, string | undefined> = {}): Promise<TCliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [PRISMA_CLI, ...args],
      {
        cwd: REPO_ROOT,
        timeout: 120_000,
        maxBuffer: 16 * 1024 * 1024,
        env: {
          ...process.env,
          PRISMA_SCHEMA_ENGINE_BINARY: ENGINE,
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
          CHECKPOINT_DISABLE: "1",
          NO_COLOR: "1",
          FORCE_COLOR: "0",
          ...env,
        },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}` });
      },
    );
  });
}

export function tempDir(prefix = "freehold-engine-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TTestDatabase {
  kind: "pglite" | "postgres";
  url: string;
  /** Runs a query on the database (opening and closing a connection around it). */
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  drop(): Promise<void>;
}

/** The PostgreSQL server to test against, if any (TEST_DATABASE_URL=postgres://...). */
export function testServerUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

/** A fresh, empty database: on TEST_DATABASE_URL's server when set, else a PGlite directory. */
export async function createTestDatabase(): Promise<TTestDatabase> {
  const server = testServerUrl();
  if (server) {
    const name = `freehold_t_${crypto.randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(server);
    u.pathname = `/${name}`;
    const url = u.toString();
    return {
      kind: "postgres",
      url,
      async query(sql) {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          return (await c.query(sql)).rows;
        } finally {
          await c.end();
        }
      },
      async drop() {
        const c = new pg.Client({ connectionString: server });
        await c.connect();
        try {
          await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await c.end();
        }
      },
    };
  }
  const root = tempDir("freehold-pglite-");
  const dir = path.join(root, "db");
  return {
    kind: "pglite",
    url: `pglite:${dir}`,
    async query(sql) {
      // The CLI may have exited while its engine is still closing the database: the lock waits.
      const release = await acquirePgliteLockAsync(dir, { owner: "test", releaseOnExit: false });
      const db = new PGlite(dir, pgliteOptions());
      try {
        return (await db.query(sql)).rows as never[];
      } finally {
        await db.close();
        release();
      }
    },
    async drop() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * A throwaway Prisma project (config, schema with only a datasource, migrations) outside the repo.
 * Returns the config path to pass as `--config`.
 */
export function writeScratchProject(migrations: Record<string, string>, schemaExtra = ""): { dir: string; config: string } {
  const dir = tempDir("freehold-project-");
  const migrationsDir = path.join(dir, "migrations");
  fs.mkdirSync(migrationsDir);
  fs.writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
  for (const [name, sql] of Object.entries(migrations)) {
    fs.mkdirSync(path.join(migrationsDir, name));
    fs.writeFileSync(path.join(migrationsDir, name, "migration.sql"), sql);
  }
  fs.writeFileSync(path.join(dir, "schema.prisma"), `datasource db {\n  provider = "postgresql"\n}\n${schemaExtra}`);
  const config = path.join(dir, "prisma.config.mjs");
  fs.writeFileSync(
    config,
    `export default {
  schema: ${JSON.stringify(path.join(dir, "schema.prisma"))},
  migrations: { path: ${JSON.stringify(migrationsDir)} },
  datasource: { url: process.env.DATABASE_URL },
};
`,
  );
  return { dir, config };
}
