// The real Prisma CLI, driven through the offline schema-engine stand-in (prisma/engine), against a
// fresh PGlite directory per test, or a fresh database on TEST_DATABASE_URL's PostgreSQL server.
import { afterAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { pathToFileURL } from "node:url";
import { createTestDatabase, REPO_ROOT, runPrisma, testServerUrl, writeScratchProject, type TTestDatabase } from "./test-support";

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function freshDatabase(): Promise<TTestDatabase> {
  const db = await createTestDatabase();
  cleanups.push(() => db.drop());
  return db;
}

const target = testServerUrl() ? "PostgreSQL (TEST_DATABASE_URL)" : "PGlite";

// Each test spawns the Prisma CLI several times (seconds each on a loaded 2-core machine).
describe(`prisma migrate through the schema-engine stand-in, on ${target}`, { timeout: 180_000 }, () => {
  it("applies a failing migration atomically, records the failure, and status reports it", async () => {
    const db = await freshDatabase();
    const project = writeScratchProject({
      // `;` inside a comment, a string and a $$ body: the stock pg adapter split scripts on `;`.
      "20240101000000_good": `-- first; migration
CREATE TABLE "good" ("id" INTEGER PRIMARY KEY, "note" TEXT DEFAULT 'a;b');
CREATE FUNCTION "one"() RETURNS integer AS $$ SELECT 1; $$ LANGUAGE sql;
`,
      "20240102000000_bad": `CREATE TABLE "first_of_bad" ("id" INTEGER PRIMARY KEY);
CREATE TABLE "good" ("id" INTEGER PRIMARY KEY);
`,
    });
    cleanups.push(() => fs.rmSync(project.dir, { recursive: true, force: true }));
    const env = { DATABASE_URL: db.url };

    const deploy = await runPrisma(["migrate", "deploy", "--config", project.config], env);
    expect(deploy.code, deploy.output).not.toBe(0);
    expect(deploy.output).toContain("P3018");
    expect(deploy.output).toContain("Migration name: 20240102000000_bad");
    expect(deploy.output).toMatch(/relation "good" already exists/);

    const rows = await db.query<{ migration_name: string; finished: boolean; logs: string | null; steps: number }>(
      `SELECT migration_name, finished_at IS NOT NULL AS finished, logs, applied_steps_count AS steps
         FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.map((r) => [r.migration_name, r.finished])).toEqual([
      ["20240101000000_good", true],
      ["20240102000000_bad", false],
    ]);
    expect(rows[1].logs).toMatch(/already exists/);
    expect(rows[1].steps).toBe(0);

    const [tables] = await db.query<{ first_of_bad: string | null; good: string | null; one: number }>(
      `SELECT to_regclass('public.first_of_bad')::text AS first_of_bad, to_regclass('public.good')::text AS good, "one"() AS one`,
    );
    expect(tables.first_of_bad).toBeNull(); // the failing migration left nothing behind
    expect(tables.good).toBe("good");
    expect(tables.one).toBe(1);

    const status = await runPrisma(["migrate", "status", "--config", project.config], env);
    expect(status.code).not.toBe(0);
    expect(status.output).toContain("Following migration have failed");
    expect(status.output).toContain("20240102000000_bad");
  });

  it("deploys the project's migrations; status is up to date and the database matches the schema", async () => {
    const db = await freshDatabase();
    const env = { DATABASE_URL: db.url };

    const deploy = await runPrisma(["migrate", "deploy"], env);
    expect(deploy.code, deploy.output).toBe(0);
    expect(deploy.output).toMatch(/applied|No pending migrations/);

    const status = await runPrisma(["migrate", "status"], env);
    expect(status.code, status.output).toBe(0);
    expect(status.output).toContain("Database schema is up to date!");

    // Introspects the live database (pg_catalog "char" columns and all) and compares.
    const diff = await runPrisma(
      ["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      env,
    );
    expect(diff.code, diff.output).toBe(0);
    expect(diff.output).toContain("No difference detected.");
  });

  it("has migrations that produce exactly prisma/schema.prisma (no drift)", async () => {
    // Replays prisma/migrations on a shadow database and compares with the schema.
    const db = testServerUrl() ? await freshDatabase() : undefined;
    const env = { DATABASE_URL: db?.url ?? "pglite:memory" };
    expect(fs.readdirSync(path.join(REPO_ROOT, "prisma", "migrations")).length).toBeGreaterThan(0);

    const diff = await runPrisma(
      ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      env,
    );
    expect(
      diff.code,
      `prisma/migrations and prisma/schema.prisma differ: run \`npx prisma migrate dev --name <change>\`\n${diff.output}`,
    ).toBe(0);
    expect(diff.output).toContain("No difference detected.");
  });

  it("the drift check does fail when the schema and the migrations differ", async () => {
    const db = testServerUrl() ? await freshDatabase() : undefined;
    const project = writeScratchProject(
      { "20240101000000_init": `CREATE TABLE "thing" ("id" INTEGER NOT NULL, CONSTRAINT "thing_pkey" PRIMARY KEY ("id"));\n` },
      `model thing {\n  id   Int    @id\n  name String\n}\n`,
    );
    cleanups.push(() => fs.rmSync(project.dir, { recursive: true, force: true }));
    const diff = await runPrisma(
      [
        "migrate",
        "diff",
        "--config",
        project.config,
        "--from-migrations",
        path.join(project.dir, "migrations"),
        "--to-schema",
        path.join(project.dir, "schema.prisma"),
        "--exit-code",
      ],
      { DATABASE_URL: db?.url ?? "pglite:memory" },
    );
    expect(diff.code, diff.output).toBe(2);
    expect(diff.output).toMatch(/Added column|name/);
  });

  it.skipIf(Boolean(testServerUrl()))("refuses a PGlite directory that the app has open", async () => {
    const db = await freshDatabase();
    const dir = db.url.slice("pglite:".length);
    const lockModule = pathToFileURL(path.join(__dirname, "../../lib/db/pglite-lock.mjs")).href;
    const holder = spawn(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const { acquirePgliteLock } = await import(${JSON.stringify(lockModule)});
         acquirePgliteLock(${JSON.stringify(dir)}, { owner: "app" });
         console.log("locked");
         setTimeout(() => {}, 60000);`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    cleanups.push(() => void holder.kill("SIGKILL"));
    await new Promise<void>((resolve) => holder.stdout!.on("data", (d: Buffer) => d.toString().includes("locked") && resolve()));

    const status = await runPrisma(["migrate", "status"], { DATABASE_URL: db.url });
    expect(status.code).not.toBe(0);
    expect(status.output).toContain(`is in use by process ${holder.pid} (is the app running?)`);
    expect(status.output).toContain("DATABASE_URL=postgres://");
  });
});
