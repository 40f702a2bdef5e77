import "server-only";
import { env } from "@/lib/env";
import { prisma } from "@/lib/db";
import { logger } from "@/lib/log";
import { parseDatabaseUrl } from "@/lib/db/url";

const POSTGRES_WAIT_MS = 30_000;

/**
 * Opens the database once at start. PGlite: takes the directory's lock now, so a second server on
 * the same directory exits at once naming the holder. PostgreSQL: waits up to 30 s for the server
 * (it may be starting beside us), then exits with the driver's reason.
 */
export async function checkDatabaseAtStart(): Promise<void> {
  const e = env();
  if (e.NEXT_PHASE === "phase-production-build") return; // `next build` never opens the database
  const target = parseDatabaseUrl(e.DATABASE_URL);
  const deadline = Date.now() + (target.kind === "postgres" ? POSTGRES_WAIT_MS : 0);
  for (let attempt = 1; ; attempt++) {
    try {
      await prisma().$queryRaw`SELECT 1`;
      logger().info({ database: target.kind }, "database ready");
      return;
    } catch (err) {
      // Prisma wraps the driver's message in a paragraph about the call; the reason is the last line.
      const reason = (err instanceof Error ? err.message : String(err)).trim().split("\n").filter(Boolean).at(-1) ?? String(err);
      if (Date.now() >= deadline || (err as { code?: string }).code === "PGLITE_LOCKED" || /PGlite database directory .* is in use/.test(reason)) {
        logger().fatal({ err, database: target.kind }, `Freehold cannot open its database, so it will not start: ${reason}`);
        // stderr as well, for a person reading the terminal rather than the JSON log.
        console.error(`\nFreehold cannot open its database: ${reason}\n`);
        process.exit(1);
      }
      if (attempt === 1) logger().warn({ reason }, "database not reachable yet; retrying for up to 30 s");
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
