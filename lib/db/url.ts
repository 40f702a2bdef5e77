// Parses DATABASE_URL into the kind of database to open. Shared by the app and its scripts.
import path from "node:path";

export type TDatabaseTarget =
  | { kind: "pglite-memory" }
  | { kind: "pglite-dir"; dir: string }
  | { kind: "postgres"; url: string };

export function parseDatabaseUrl(url: string, cwd: string = process.cwd()): TDatabaseTarget {
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return { kind: "postgres", url };
  if (url.startsWith("pglite:")) {
    const rest = url.slice("pglite:".length);
    if (rest === "memory") return { kind: "pglite-memory" };
    if (rest.length === 0) throw new Error('DATABASE_URL "pglite:" needs a directory, e.g. pglite:.data/pglite');
    return { kind: "pglite-dir", dir: path.resolve(cwd, rest) };
  }
  throw new Error(`DATABASE_URL must start with pglite: or postgres:// (got "${url.slice(0, 20)}...")`);
}
