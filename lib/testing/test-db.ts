// A fresh database per test file: in-memory PGlite by default, or a new database on the
// PostgreSQL server named by TEST_DATABASE_URL (CI runs the suites both ways).
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrationsInMemory, readMigrations } from "@/lib/db/migrations";
import { pgliteOptions } from "@/lib/db/pglite-options.mjs";

export type TTestDb = { prisma: PrismaClient; kind: "pglite" | "postgres"; close: () => Promise<void> };

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createTestDatabase(): Promise<TTestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = new PGlite(pgliteOptions());
    await applyMigrationsInMemory(db);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
    return {
      prisma,
      kind: "pglite",
      close: async () => {
        await prisma.$disconnect();
        await db.close();
      },
    };
  }
  const name = `freehold_test_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const migrator = new pg.Client({ connectionString: url });
  await migrator.connect();
  for (const m of readMigrations()) await migrator.query(m.sql);
  await migrator.end();
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return {
    prisma,
    kind: "postgres",
    close: async () => {
      await prisma.$disconnect();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Points the app's `prisma()` at a test database, as the DAL reads it from globalThis. */
export function installTestPrisma(client: PrismaClient): void {
  (globalThis as unknown as { freeholdPrisma?: PrismaClient }).freeholdPrisma = client;
}
