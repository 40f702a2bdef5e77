// Opens an embedded PGlite database. A data directory gets a PID lock first: PGlite is
// single-process, and two processes writing one directory silently lose rows and break indexes.
import path from "node:path";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { acquirePgliteLock } from "./pglite-lock.mjs";
import { pgliteOptions } from "./pglite-options.mjs";
import { refreshPlannerStatistics, STATISTICS_CHECK_INTERVAL_MS } from "./pglite-statistics";
import { applyMigrationsInMemory } from "@/lib/db/migrations";
import type { TDatabaseTarget } from "@/lib/db/url";

export type TOpenPglite = { db: PGlite; close: () => Promise<void> };

export async function openPglite(target: Extract<TDatabaseTarget, { kind: "pglite-memory" | "pglite-dir" }>, { statisticsCheckMs = STATISTICS_CHECK_INTERVAL_MS } = {}): Promise<TOpenPglite> {
  if (target.kind === "pglite-memory") {
    const db = new PGlite(pgliteOptions());
    await applyMigrationsInMemory(db);
    return { db, close: () => db.close() };
  }
  fs.mkdirSync(path.dirname(target.dir), { recursive: true });
  // Waits briefly for a Prisma CLI command that is just finishing (e.g. `migrate deploy` before start).
  const release = acquirePgliteLock(target.dir, { owner: "app", waitMs: 5000 });
  try {
    const db = new PGlite(target.dir, pgliteOptions());
    await db.waitReady;
    // PGlite runs no autovacuum, so nothing else ever gathers the planner's statistics: without
    // them it guesses every organisation is small and, for instance, never uses the portfolio
    // search's trigram indexes. ANALYZE samples a bounded number of rows per table (well under a
    // second at 10,000 assessments), so it is done on every open.
    await db.exec("ANALYZE");
    // And while it runs, a table that grows gets fresh statistics (./pglite-statistics.ts). Plain
    // console, not lib/log: scripts (seed, bulk load) open the database outside the app.
    const statistics = setInterval(() => {
      refreshPlannerStatistics(db).catch((e) => console.error("PGlite planner statistics refresh failed:", e instanceof Error ? e.message : e));
    }, statisticsCheckMs);
    statistics.unref();
    return {
      db,
      close: async () => {
        clearInterval(statistics);
        await db.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
