import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { PGlite } from "@electric-sql/pglite";
import { needsAnalyze, refreshPlannerStatistics } from "./pglite-statistics";

describe("needsAnalyze (autovacuum's analyze threshold: 50 rows + 10%)", () => {
  it("refreshes a never-analysed table with rows, and one that moved past the threshold", () => {
    expect(needsAnalyze(-1, 0)).toBe(false);
    expect(needsAnalyze(-1, 1)).toBe(true);
    expect(needsAnalyze(1000, 1150)).toBe(false);
    expect(needsAnalyze(1000, 1151)).toBe(true);
    expect(needsAnalyze(1000, 849)).toBe(true);
    expect(needsAnalyze(0, 50)).toBe(false);
    expect(needsAnalyze(0, 51)).toBe(true);
  });

  it("is symmetric in growth and shrinkage and never fires at the estimate itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 0, max: 1e6 }), (rows, delta) => {
        expect(needsAnalyze(rows, rows)).toBe(false);
        if (rows - delta >= 0) expect(needsAnalyze(rows, rows + delta)).toBe(needsAnalyze(rows, rows - delta));
      }),
    );
  });
});

describe("refreshPlannerStatistics", () => {
  let db: PGlite;
  const estimate = async () => (await db.query<{ reltuples: number }>(`SELECT reltuples FROM pg_class WHERE relname = 'Grows'`)).rows[0]!.reltuples;
  const insert = (n: number) => db.exec(`INSERT INTO "Grows" (v) SELECT 'row ' || g FROM generate_series(1, ${n}) g`);

  beforeAll(async () => {
    db = new PGlite();
    await db.exec(`CREATE TABLE "Grows" (id serial PRIMARY KEY, v text); CREATE TABLE "Other" (id int)`);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("analyses a table only when its size moved past the threshold, and only the tables asked for", async () => {
    expect(await refreshPlannerStatistics(db, ["Grows", "Other"])).toEqual([]);
    await insert(1000);
    expect(await refreshPlannerStatistics(db, ["Other"])).toEqual([]);
    expect(await refreshPlannerStatistics(db, ["Grows", "Other"])).toEqual(["Grows"]);
    expect(await estimate()).toBe(1000);
    await insert(150);
    expect(await refreshPlannerStatistics(db, ["Grows"])).toEqual([]);
    await insert(1);
    expect(await refreshPlannerStatistics(db, ["Grows"])).toEqual(["Grows"]);
    expect(await estimate()).toBe(1151);
  });
});

describe("a PGlite data directory the app opens", () => {
  it("gets fresh statistics on a timer as a growing table grows", async () => {
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const { openPglite } = await import("./pglite-open");
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "freehold-stats-")), "pglite");
    const { db, close } = await openPglite({ kind: "pglite-dir", dir }, { statisticsCheckMs: 50 });
    try {
      await db.exec(`CREATE TABLE "Assessment" (id serial PRIMARY KEY, title text)`);
      await db.exec(`INSERT INTO "Assessment" (title) SELECT 'row ' || g FROM generate_series(1, 500) g`);
      const estimate = async () => (await db.query<{ reltuples: number }>(`SELECT reltuples FROM pg_class WHERE relname = 'Assessment'`)).rows[0]!.reltuples;
      const deadline = Date.now() + 10_000;
      while ((await estimate()) !== 500 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await estimate()).toBe(500);
    } finally {
      await close();
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });
});
