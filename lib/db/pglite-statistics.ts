// PGlite runs no autovacuum, so nothing refreshes the planner's statistics as tables grow: a
// portfolio imported after the server started is planned as if it were still small, and the
// search's trigram indexes go unused until a restart (the app runs ANALYZE when it opens a data
// directory). This is the part of autovacuum that matters here, on a timer: a table whose row count
// has moved by more than autovacuum's analyze threshold (50 rows + 10%, PostgreSQL's defaults)
// since the planner last looked gets VACUUM ANALYZE. VACUUM too, because rows just inserted sit in
// the GIN indexes' pending list, and with it the planner still prefers a scan.
import type { PGlite } from "@electric-sql/pglite";

/** The tables that grow with use and whose plans depend on their size. */
export const GROWING_TABLES = ["Assessment", "AuditEvent", "AssessmentSnapshot", "Attachment"] as const;

/** How often the app checks (a count per table; a VACUUM ANALYZE only past the threshold). */
export const STATISTICS_CHECK_INTERVAL_MS = 10 * 60_000;

/** autovacuum_analyze_threshold + autovacuum_analyze_scale_factor × the planner's row estimate. */
export function needsAnalyze(plannerRows: number, actualRows: number): boolean {
  // reltuples is -1 for a table never analysed (PostgreSQL 14+).
  if (plannerRows < 0) return actualRows > 0;
  return Math.abs(actualRows - plannerRows) > 50 + 0.1 * plannerRows;
}

/** VACUUM ANALYZEs the tables that need it; returns their names. */
export async function refreshPlannerStatistics(db: PGlite, tables: readonly string[] = GROWING_TABLES): Promise<string[]> {
  const estimates = await db.query<{ relname: string; reltuples: number }>(`SELECT relname, reltuples FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND relname = ANY($1)`, [[...tables]]);
  const refreshed: string[] = [];
  for (const { relname, reltuples } of estimates.rows) {
    // The names come from pg_class (and a fixed list), never from a request.
    const quoted = `"${relname.replace(/"/g, '""')}"`;
    const { count } = (await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${quoted}`)).rows[0]!;
    if (!needsAnalyze(reltuples, count)) continue;
    await db.exec(`VACUUM ANALYZE ${quoted}`);
    refreshed.push(relname);
  }
  return refreshed;
}
