// Applies prisma/migrations to an in-memory PGlite database, which no CLI process can reach.
// Disk and PostgreSQL databases are migrated by `prisma migrate deploy` instead.
import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";

export function migrationsDir(cwd: string = process.cwd()): string {
  // The folder is read at run time on purpose; the ignore keeps Turbopack from tracing the project.
  return path.join(/*turbopackIgnore: true*/ cwd, "prisma", "migrations");
}

export function readMigrations(dir: string = migrationsDir()): { name: string; sql: string }[] {
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8") }));
}

export async function applyMigrationsInMemory(db: PGlite, dir?: string): Promise<void> {
  for (const m of readMigrations(dir)) {
    await db.exec(m.sql);
  }
}
