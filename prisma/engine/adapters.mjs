// @ts-check
// Migration-aware driver adapter factories for the schema-engine stand-in, chosen by URL:
//   postgres:// | postgresql://  -> @prisma/adapter-pg, with fixes
//   pglite:<dir> | pglite:memory -> pglite-prisma-adapter on @electric-sql/pglite, with fixes
//
// Defects of the stock adapters worked around here (versions pinned in package.json):
// - adapter-pg 7.10: columns of type "char" (OID 18, used all over pg_catalog) fail with
//   "Column type 'char' could not be deserialized from the database". Reported as text (OID 25).
// - adapter-pg 7.10: connectToShadowDb() with a connection string connects the shadow pool to the
//   MAIN database (the connection string wins over `database`), so migrate dev replays the whole
//   history on the main database. The shadow database URL is built here instead.
// - adapter-pg 7.10: executeScript() splits the script on ";" and runs the pieces one by one: it
//   breaks on ";" inside comments, strings and $$ bodies, and a failing migration leaves its first
//   statements applied. Here the whole script goes in ONE simple-protocol round trip, which
//   PostgreSQL runs as one implicit transaction (exactly what the native engine does).
// - pglite-prisma-adapter 0.7.2: executeScript() does not await the script, so a failing migration
//   is recorded as applied (and the error surfaces later as an unhandled rejection). Awaited here.
// - pglite-prisma-adapter 0.7.2: the shadow PGlite instance is never closed; here each shadow is a
//   fresh in-memory PGlite that is closed when the engine disposes of it.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { acquirePgliteLock } from "../../lib/db/pglite-lock.mjs";
import { pgliteOptions } from "../../lib/db/pglite-options.mjs";

const require = createRequire(import.meta.url);
const importDep = (name) => import(require.resolve(name));

const OID_CHAR = 18;
const OID_TEXT = 25;

/**
 * @typedef {{ kind: "pglite-memory" } | { kind: "pglite-dir", dir: string } | { kind: "postgres", url: string }} TTarget
 */

/**
 * Parses a datasource URL. Relative pglite directories are resolved against `cwd`.
 * @param {unknown} url
 * @param {string} [cwd]
 * @returns {TTarget}
 */
export function parseDatasourceUrl(url, cwd = process.cwd()) {
  if (typeof url !== "string" || url.length === 0) throw new Error("The datasource URL is empty.");
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  if (url.startsWith("pglite:")) {
    let rest = url.slice("pglite:".length);
    if (rest.startsWith("//")) rest = rest.slice(2); // tolerate pglite://dir
    if (rest === "memory" || rest === "memory://") return { kind: "pglite-memory" };
    if (rest.length === 0) throw new Error('The datasource URL "pglite:" needs a directory, e.g. pglite:.data/pglite');
    return { kind: "pglite-dir", dir: path.resolve(cwd, rest) };
  }
  throw new Error(
    `Unsupported datasource URL "${url.slice(0, 24)}...": this schema engine understands postgres://, postgresql://, pglite:<dir> and pglite:memory.`,
  );
}

// ---------------------------------------------------------------- PGlite

// A fresh PGlite cluster costs ~3-5 s of initdb; loading a tarball of one takes ~1 s. The first
// fresh cluster made on a machine is saved (per PGlite version) and reused for every later shadow
// database and new data directory.
function templateCandidates(version) {
  const file = `pglite-template-${version}.tar.gz`;
  const pkgDir = path.dirname(path.dirname(require.resolve("@electric-sql/pglite")));
  const nodeModules = path.resolve(pkgDir, "..", "..");
  return [path.join(nodeModules, ".cache", "freehold", file), path.join(os.tmpdir(), `freehold-${process.getuid?.() ?? "u"}`, file)];
}

function pgliteVersion() {
  const pkgDir = path.dirname(path.dirname(require.resolve("@electric-sql/pglite")));
  return JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")).version;
}

let templatePromise;
/** @returns {Promise<Blob | undefined>} a gzip tarball of a freshly initialised cluster */
function pgliteTemplate(PGlite) {
  templatePromise ??= (async () => {
    if (process.env.FREEHOLD_PGLITE_TEMPLATE === "off") return undefined;
    const candidates = templateCandidates(pgliteVersion());
    for (const file of candidates) {
      try {
        const bytes = fs.readFileSync(file);
        if (bytes.length > 1024) return new Blob([bytes]);
      } catch {
        /* not there yet */
      }
    }
    const fresh = new PGlite();
    await fresh.waitReady;
    const blob = await fresh.dumpDataDir("gzip");
    await fresh.close();
    const bytes = Buffer.from(await blob.arrayBuffer());
    for (const file of candidates) {
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, bytes);
        fs.renameSync(tmp, file);
        break;
      } catch {
        /* try the next location; not caching is fine */
      }
    }
    return new Blob([bytes]);
  })().catch(() => undefined);
  return templatePromise;
}

/** A new in-memory PGlite, from the template when there is one. */
async function freshMemoryPglite(PGlite) {
  const template = await pgliteTemplate(PGlite);
  const db = new PGlite(pgliteOptions(template ? { loadDataDir: template } : {}));
  await db.waitReady;
  return db;
}

/** Opens a PGlite data directory; an empty (or missing) directory is created from the template. */
async function openPgliteDir(PGlite, dir) {
  const entries = fs.existsSync(dir) ? fs.readdirSync(dir).filter((e) => !e.startsWith(".freehold.lock")) : [];
  const template = entries.length === 0 ? await pgliteTemplate(PGlite) : undefined;
  const db = new PGlite(dir, pgliteOptions(template ? { loadDataDir: template } : {}));
  await db.waitReady;
  return db;
}

/** The last database error of an executeScript call (for the P3018 message). */
/** @type {{ last: { code: string | null, message: string } | null }} */
export const scriptErrors = { last: null };

function rememberScriptError(e) {
  scriptErrors.last = { code: e?.code ?? null, message: e?.message ?? String(e) };
}

/** Makes a stock PrismaPGlite adapter await its scripts. */
function fixPgliteAdapter(adapter, db) {
  adapter.executeScript = async (script) => {
    scriptErrors.last = null;
    try {
      await db.exec(script);
    } catch (e) {
      rememberScriptError(e);
      adapter.onError(e); // throws a DriverAdapterError for database errors
    }
  };
  return adapter;
}

/**
 * @param {TTarget & { kind: "pglite-memory" | "pglite-dir" }} target
 * @param {{ lockWaitMs?: number }} [options]
 */
export async function createPgliteMigrationFactory(target, options = {}) {
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([importDep("@electric-sql/pglite"), importDep("pglite-prisma-adapter")]);
  let release = () => {};
  let db;
  const shadows = new Set();

  async function open() {
    if (db) return db;
    if (target.kind === "pglite-dir") {
      release = acquirePgliteLock(target.dir, {
        owner: "schema-engine",
        waitMs: options.lockWaitMs ?? 15_000,
        hint: "Stop it and run the command again, or point DATABASE_URL at a PostgreSQL server (postgres://...) or another pglite: directory.",
      });
      try {
        db = await openPgliteDir(PGlite, target.dir);
      } catch (e) {
        release();
        db = undefined;
        throw e;
      }
    } else {
      db = await freshMemoryPglite(PGlite);
    }
    return db;
  }

  const factory = {
    provider: "postgres",
    adapterName: "pglite-prisma-adapter",
    async connect() {
      const client = await open();
      const adapter = fixPgliteAdapter(await new PrismaPGlite(client).connect(), client);
      adapter.dispose = async () => {}; // the database stays open until the engine exits
      return adapter;
    },
    async connectToShadowDb() {
      const shadow = await freshMemoryPglite(PGlite); // fresh, in memory
      shadows.add(shadow);
      const adapter = fixPgliteAdapter(await new PrismaPGlite(shadow).connect(), shadow);
      adapter.dispose = async () => {
        if (shadows.delete(shadow)) await shadow.close();
      };
      return adapter;
    },
  };

  return {
    factory,
    describe: target.kind === "pglite-dir" ? `PGlite database at ${target.dir}` : "in-memory PGlite database",
    async dispose() {
      for (const s of shadows) await s.close().catch(() => {});
      shadows.clear();
      if (db) {
        const d = db;
        db = undefined;
        await d.close().catch(() => {});
      }
      release();
    },
  };
}

// ---------------------------------------------------------------- PostgreSQL

function fixCharOid(result) {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const f of r?.fields ?? []) if (f.dataTypeID === OID_CHAR) f.dataTypeID = OID_TEXT;
  }
  return result;
}

/** Patches a pg Client so that "char" columns are reported as text. */
function patchClient(client) {
  if (client.__freeholdPatched) return;
  client.__freeholdPatched = true;
  const query = client.query.bind(client);
  client.query = (...args) => {
    // pg.Pool#query calls client.query(text, values, callback): fix results on either path.
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const cb = args[last];
      args[last] = (err, res) => cb(err, err ? res : fixCharOid(res));
    }
    const r = query(...args);
    return r && typeof r.then === "function" ? r.then(fixCharOid) : r;
  };
}

/** Splits a postgres URL into a pg config (+ the `schema` query parameter, which pg ignores). */
function pgConfig(url, database) {
  const u = new URL(url);
  const schema = u.searchParams.get("schema") ?? undefined;
  u.searchParams.delete("schema");
  if (database !== undefined) u.pathname = `/${encodeURIComponent(database)}`;
  const config = { connectionString: u.toString() };
  if (schema) config.options = `-c search_path="${schema.replaceAll('"', '""')}"`;
  return { config, schema };
}

export function databaseNameOf(url) {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  return name || new URL(url).username || "postgres";
}

export function quoteIdent(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}

const RESET_SHADOW_SQL = `DO $$
DECLARE s text;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
  CREATE SCHEMA public;
END $$;`;

function sameDatabase(a, b) {
  const x = new URL(a);
  const y = new URL(b);
  const port = (u) => u.port || "5432";
  return x.hostname === y.hostname && port(x) === port(y) && databaseNameOf(a) === databaseNameOf(b);
}

/** A shadow database name next to `db`: `<db>_shadow_<random>`, at most 63 bytes. */
export function shadowDatabaseName(db) {
  const suffix = `_shadow_${crypto.randomBytes(4).toString("hex")}`;
  let base = db;
  while (Buffer.byteLength(base + suffix) > 63) base = base.slice(0, -1);
  return base + suffix;
}

async function dropDatabase(pool, name) {
  try {
    await pool.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  } catch (e) {
    if (e && e.code === "42601") await pool.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`); // before PostgreSQL 13
    else throw e;
  }
}

/**
 * @param {string} url postgres:// URL of the main database
 * @param {{ shadowDatabaseUrl?: string }} [options]
 */
export async function createPgMigrationFactory(url, options = {}) {
  const [{ default: pg }, { PrismaPg }] = await Promise.all([importDep("pg"), importDep("@prisma/adapter-pg")]);
  const pools = new Set();
  const shadows = new Map(); // name -> pool

  function newPool(config) {
    // One connection, never closed while idle: the engine is sequential, and session state (the
    // migration advisory lock) must stay on one connection, as with the native engine.
    const pool = new pg.Pool({ ...config, max: 1, idleTimeoutMillis: 0 });
    pool.on("connect", patchClient);
    pool.on("error", () => {}); // an idle client lost: the next query reconnects
    pools.add(pool);
    return pool;
  }

  async function adapterFor(pool, schema) {
    const adapter = await new PrismaPg(pool, schema ? { schema } : undefined).connect();
    adapter.executeScript = async (script) => {
      scriptErrors.last = null;
      try {
        await pool.query(script); // no parameters -> simple query protocol: one implicit transaction
      } catch (e) {
        rememberScriptError(e);
        adapter.onError(e);
      }
    };
    return adapter;
  }

  const main = pgConfig(url);
  const mainPool = newPool(main.config);

  const factory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      const adapter = await adapterFor(mainPool, main.schema);
      adapter.dispose = async () => {}; // closed when the engine exits
      return adapter;
    },
    async connectToShadowDb() {
      if (options.shadowDatabaseUrl) {
        // A configured shadow database is emptied before use, as the native engine does.
        if (sameDatabase(options.shadowDatabaseUrl, url)) {
          throw new Error("The shadow database URL points at the main database. Use a separate, disposable database (or leave SHADOW_DATABASE_URL unset).");
        }
        const shadow = pgConfig(options.shadowDatabaseUrl);
        const pool = newPool(shadow.config);
        await pool.query(RESET_SHADOW_SQL);
        const adapter = await adapterFor(pool, shadow.schema);
        adapter.dispose = async () => {
          pools.delete(pool);
          await pool.end();
        };
        return adapter;
      }
      const name = shadowDatabaseName(databaseNameOf(url));
      await mainPool.query(`CREATE DATABASE ${quoteIdent(name)}`);
      const pool = newPool(pgConfig(url, name).config);
      shadows.set(name, pool);
      const adapter = await adapterFor(pool, main.schema);
      adapter.dispose = async () => {
        if (!shadows.has(name)) return;
        shadows.delete(name);
        pools.delete(pool);
        await pool.end().catch(() => {});
        await dropDatabase(mainPool, name);
      };
      return adapter;
    },
  };

  return {
    factory,
    describe: `PostgreSQL database ${databaseNameOf(url)}`,
    async dispose() {
      for (const [name, pool] of shadows) {
        pools.delete(pool);
        await pool.end().catch(() => {});
        await dropDatabase(mainPool, name).catch(() => {});
      }
      shadows.clear();
      for (const pool of pools) await pool.end().catch(() => {});
      pools.clear();
    },
  };
}

/**
 * The adapter factory for a datasource URL (not yet bound with bindMigrationAwareSqlAdapterFactory).
 * @param {string} url
 * @param {{ shadowDatabaseUrl?: string, cwd?: string, lockWaitMs?: number }} [options]
 * @returns {Promise<{ factory: object, describe: string, dispose(): Promise<void> }>}
 */
export async function createMigrationFactory(url, { shadowDatabaseUrl, cwd, lockWaitMs } = {}) {
  const target = parseDatasourceUrl(url, cwd);
  if (target.kind === "postgres") return createPgMigrationFactory(target.url, { shadowDatabaseUrl });
  return createPgliteMigrationFactory(target, { lockWaitMs });
}
