// @ts-check
// The options every PGlite in this project is opened with: the app (lib/db/pglite-open.ts), the
// test databases (lib/testing/test-db.ts), the schema-engine stand-in (prisma/engine/adapters.mjs)
// and the migration tests (prisma/engine/test-support.ts).
//
// Why one place: the migrations create the pg_trgm extension (trigram indexes behind the portfolio
// search, issue 13), and PGlite can create or use an extension only if its bundle was passed when
// the instance was opened. A PGlite opened without it fails that migration ('extension "pg_trgm" is
// not available') or, on a database already migrated, every query that touches a trigram index. On
// PostgreSQL the extension ships with the server (Debian's postgresql package) and is trusted, so the
// database owner creates it; nothing to load there.
//
// Plain JavaScript (ESM) so that both `node prisma/engine/schema-engine.mjs` and the app's
// TypeScript code can import it. Types: ./pglite-options.d.mts.
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/** The extension bundles every PGlite is opened with. */
export const PGLITE_EXTENSIONS = Object.freeze({ pg_trgm });

/**
 * PGlite options with this project's extensions added.
 * @template {object} T
 * @param {T} [options]
 * @returns {T & { extensions: typeof PGLITE_EXTENSIONS }}
 */
export function pgliteOptions(options) {
  return /** @type {T & { extensions: typeof PGLITE_EXTENSIONS }} */ ({ ...options, extensions: PGLITE_EXTENSIONS });
}
