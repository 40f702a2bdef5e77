// Prisma CLI configuration (Prisma 7). The datasource URL comes from DATABASE_URL:
//   pglite:<dir>     embedded PGlite on disk (default: pglite:.data/pglite, relative to this folder)
//   pglite:memory    throwaway in-memory PGlite
//   postgres://...   a real PostgreSQL server
// Migrations run through prisma/engine/schema-engine.mjs, an offline stand-in for Prisma's native
// schema-engine binary (see prisma/engine/README.md), so no engine download is ever attempted.
import path from "node:path";
import { defineConfig } from "prisma/config";

const root = __dirname;

// The CLI spawns this program instead of downloading the native engine. An explicit setting wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "prisma", "engine", "schema-engine.mjs");

/** pglite:<relative dir> is resolved against the repository root, so any working directory works. */
function resolveDatabaseUrl(url: string): string {
  if (!url.startsWith("pglite:")) return url;
  const rest = url.slice("pglite:".length);
  if (rest === "memory" || rest === "" || path.isAbsolute(rest)) return url;
  return `pglite:${path.resolve(root, rest)}`;
}

export default defineConfig({
  schema: path.join(root, "prisma", "schema.prisma"),
  migrations: { path: path.join(root, "prisma", "migrations") },
  datasource: {
    url: resolveDatabaseUrl(process.env.DATABASE_URL || "pglite:.data/pglite"),
    ...(process.env.SHADOW_DATABASE_URL ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } : {}),
  },
});
