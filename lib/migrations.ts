// Applies prisma/migrations to an in-memory PGlite database, which no CLI process can reach.
// Disk and PostgreSQL databases are migrated by `prisma migrate deploy` instead.
import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";

export function migrationsDir(cwd: string = process.cwd()): string {
  return path.join(cwd, "prisma", "migrations");
}

export function readMigrations(dir: string = migrationsDir()): { name: string; sql: string }[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

export async function applyMigrationsInMemory(db: PGlite, dir?: string): Promise<void> {
  for (const m of readMigrations(dir)) {
    await db.exec(m.sql);
  }
}
