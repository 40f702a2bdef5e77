// Opens the database that DATABASE_URL names, lazily: nothing connects until the first query, so
// `next build` workers and module imports never touch (or lock) the PGlite data directory.
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { parseDatabaseUrl, type TDatabaseTarget } from "@/lib/db/url";
import { env } from "@/lib/env";

type TDriverFactory = Pick<SqlMigrationAwareDriverAdapterFactory, "provider" | "adapterName" | "connect">;

// PrismaClient.$disconnect() leaves an embedded PGlite open (and the process alive); scripts call
// closePrismaClient() so the database is shut down cleanly and its lock released.
const closers = new WeakMap<PrismaClient, () => Promise<void>>();

function pgliteFactory(
  target: Extract<TDatabaseTarget, { kind: "pglite-memory" | "pglite-dir" }>,
  onOpen: (close: () => Promise<void>) => void,
): TDriverFactory {
  return {
    provider: "postgres",
    adapterName: "freehold-pglite",
    async connect(): Promise<SqlDriverAdapter> {
      const { openPglite } = await import("@/lib/db/pglite-open");
      const { db, close } = await openPglite(target);
      onOpen(close);
      const { PrismaPGlite } = await import("pglite-prisma-adapter");
      return new PrismaPGlite(db).connect();
    },
  };
}

export async function closePrismaClient(client: PrismaClient): Promise<void> {
  await client.$disconnect();
  await closers.get(client)?.();
}

async function pgFactory(url: string): Promise<TDriverFactory> {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  return new PrismaPg({ connectionString: url });
}

export function createPrismaClient(databaseUrl: string): PrismaClient {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === "postgres") {
    let inner: Promise<TDriverFactory> | undefined;
    const adapter: TDriverFactory = {
      provider: "postgres",
      adapterName: "freehold-pg",
      async connect() {
        inner ??= pgFactory(target.url);
        return (await inner).connect();
      },
    };
    return new PrismaClient({ adapter });
  }
  let close: (() => Promise<void>) | undefined;
  const client = new PrismaClient({ adapter: pgliteFactory(target, (c) => (close = c)) });
  closers.set(client, async () => close?.());
  return client;
}

const globalForPrisma = globalThis as unknown as { freeholdPrisma?: PrismaClient };

/** The app's one client. Kept on globalThis so dev-mode reloads don't open a second PGlite. */
export function prisma(): PrismaClient {
  if (!globalForPrisma.freeholdPrisma) {
    const client = createPrismaClient(env().DATABASE_URL);
    globalForPrisma.freeholdPrisma = client;
    // server.mjs calls this after the last request on shutdown (PGlite: flush, release the lock).
    (globalThis as Record<symbol, unknown>)[Symbol.for("freehold.closeDatabase")] = () => closePrismaClient(client);
  }
  return globalForPrisma.freeholdPrisma;
}
