#!/usr/bin/env node
// @ts-check
// A stand-in for Prisma's native `schema-engine` binary, for machines that cannot download it.
// The Prisma CLI spawns whatever PRISMA_SCHEMA_ENGINE_BINARY names (prisma.config.ts sets it to
// this file), so `prisma migrate dev|deploy|status|reset|diff` and `db push|execute` work offline.
//
// It speaks the native engine's interface:
//   schema-engine --datamodels <file>... --datasource '{"url":...}'   JSON-RPC 2.0 on stdin/stdout,
//                                                                      one message a line
//   schema-engine --datasource '{"url":...}' cli can-connect-to-database|create-database|drop-database
//   schema-engine --version
// Logs go to stderr as JSON lines ({"level","fields":{"message",...},"target"}), as the CLI expects.
//
// Each JSON-RPC method is forwarded to the same schema engine compiled to WebAssembly
// (@prisma/schema-engine-wasm, the build whose hash matches the CLI), which reaches the database
// through a driver adapter picked by the URL (see ./adapters.mjs): postgres:// -> @prisma/adapter-pg,
// pglite:<dir> | pglite:memory -> PGlite. See ./README.md.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { createRequire } from "node:module";
import { loadSchemaEngineWasm, schemaEngineWasmVersion } from "./wasm-engine.mjs";
import { createMigrationFactory, parseDatasourceUrl, databaseNameOf, quoteIdent, scriptErrors } from "./adapters.mjs";
import { readPgliteLock, acquirePgliteLock, PgliteLockError } from "./pglite-lock.mjs";

const require = createRequire(import.meta.url);

// ------------------------------------------------------------------ logging (stderr, JSON lines)

/** @type {Record<string, number>} */
const LEVELS = { ERROR: 1, WARN: 2, INFO: 3, DEBUG: 4, TRACE: 5 };
const maxLevel = (() => {
  const v = String(process.env.RUST_LOG ?? "info").toUpperCase();
  for (const part of v.split(",")) {
    const level = LEVELS[part.split("=").pop() ?? ""];
    if (level) return level;
  }
  return LEVELS.INFO;
})();

function logLine(level, fields) {
  if ((LEVELS[level] ?? 3) > maxLevel) return;
  const entry = { timestamp: new Date().toISOString(), level, fields, target: "schema_engine::logger" };
  process.stderr.write(JSON.stringify(entry) + "\n");
}

/** Forwards a log line of the wasm engine (already JSON) to stderr, honouring RUST_LOG. */
function forwardWasmLog(raw) {
  const text = String(raw).trim();
  if (!text) return;
  for (const line of text.split("\n")) {
    try {
      const entry = JSON.parse(line);
      if ((LEVELS[String(entry.level).toUpperCase()] ?? 3) > maxLevel) continue;
      process.stderr.write(JSON.stringify(entry) + "\n");
    } catch {
      logLine("INFO", { message: line });
    }
  }
}

// ------------------------------------------------------------------ arguments

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ datamodels: string[], datasource: { url?: string, shadowDatabaseUrl?: string } | undefined, cli: string | undefined, version: boolean, help: boolean, previewFeatures: string[] }} */
  const out = { datamodels: [], datasource: undefined, cli: undefined, version: false, help: false, previewFeatures: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (a.includes("=")) return a.slice(a.indexOf("=") + 1);
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    const flag = a.split("=")[0];
    if (flag === "--datamodels" || flag === "-d") out.datamodels.push(value());
    else if (flag === "--datasource") out.datasource = JSON.parse(value());
    else if (flag === "--enabled-preview-features") out.previewFeatures = value().split(",");
    else if (flag === "--extension-types") value(); // accepted, unused
    else if (flag === "--version" || flag === "-V") out.version = true;
    else if (flag === "--help" || flag === "-h") out.help = true;
    else if (a === "cli") {
      out.cli = argv[++i];
      if (!out.cli) throw new Error("cli needs a subcommand: can-connect-to-database, create-database or drop-database");
    } else throw new Error(`Unknown argument: ${a}`);
  }
  return out;
}

const HELP = `schema-engine (Freehold stand-in for Prisma's native schema engine, backed by @prisma/schema-engine-wasm)

USAGE:
    schema-engine [--datamodels <file>...] [--datasource '{"url":"..."}']      JSON-RPC on stdin/stdout
    schema-engine --datasource '{"url":"..."}' cli <can-connect-to-database|create-database|drop-database>
    schema-engine --version

URLs: postgres://..., postgresql://..., pglite:<dir>, pglite:memory
`;

// ------------------------------------------------------------------ errors

// The wasm engine's panic hook reports the panic message here before trapping (a RuntimeError).
/** @type {string | undefined} */
let lastPanicMessage;
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    lastPanicMessage = String(message);
  },
};

/**
 * The wasm engine reports a migration that fails on the main database as a generic
 * "external connector error"; the native engine reports P3018 with the database error. Rebuild it.
 */
function asMigrationFailure(e) {
  if (e?.name !== "SchemaConnectorError" || typeof e.message !== "string") return e;
  const m = /apply_migrations::Applying migration\s+with migration_name="([^"]*)"/.exec(e.message);
  if (!m || !scriptErrors.last) return e;
  const meta = {
    migration_name: m[1],
    database_error_code: scriptErrors.last.code ?? "",
    database_error: `ERROR: ${scriptErrors.last.message}`,
  };
  const message =
    "A migration failed to apply. New migrations cannot be applied before the error is recovered from. " +
    "Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\n" +
    `Migration name: ${meta.migration_name}\n\n` +
    `Database error code: ${meta.database_error_code}\n\n` +
    `Database error:\n${meta.database_error}\n`;
  return Object.assign(new Error(message), { code: "P3018", meta });
}

/** Maps an error thrown by the wasm engine (or our own code) to a JSON-RPC error object. */
function toRpcError(e, errorRegistry) {
  // A plain JS error thrown by the driver adapter (e.g. our lock error) is kept in the registry;
  // the wasm engine only reports "external connector error" with its id.
  const idMatch = /External error id#(\d+)/.exec(String(e?.message ?? ""));
  const id = idMatch ? Number(idMatch[1]) : undefined;
  const registered = Number.isInteger(id) ? errorRegistry?.consumeError?.(id) : undefined;
  if (registered?.error) e = registered.error;
  e = asMigrationFailure(e);
  if (e instanceof WebAssembly.RuntimeError) {
    const message = lastPanicMessage ?? e.message;
    lastPanicMessage = undefined;
    return {
      code: 4466,
      message: "An error happened. Check the data field for details.",
      data: { is_panic: true, message, error: { message }, backtrace: e.stack ?? null },
    };
  }
  const message = e instanceof PgliteLockError ? e.message : (e?.message ?? String(e));
  const data = { is_panic: false, message, backtrace: null };
  if (typeof e?.code === "string" && /^P\d{4}$/.test(e.code)) {
    data.error_code = e.code;
    data.meta = e.meta ?? null;
  }
  return { code: 4466, message: "An error happened. Check the data field for details.", data };
}

// ------------------------------------------------------------------ CLI subcommands

function hostOf(url) {
  const u = new URL(url);
  return `${u.hostname || "localhost"}:${u.port || 5432}`;
}

/** A user-facing error (with a Prisma error code) for a failed PostgreSQL connection. */
function pgConnectError(e, url) {
  const u = new URL(url);
  const host = hostOf(url);
  if (e?.code === "3D000") {
    return { code: "P1003", message: `Database \`${databaseNameOf(url)}\` does not exist on the database server at \`${host}\`.` };
  }
  if (e?.code === "28P01" || e?.code === "28000") {
    return {
      code: "P1000",
      message: `Authentication failed against database server, the provided database credentials for \`${decodeURIComponent(u.username)}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at the configured address.`,
    };
  }
  if (["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT", "EAI_AGAIN"].includes(e?.code)) {
    return { code: "P1001", message: `Can't reach database server at \`${host}\`\n\nPlease make sure your database server is running at \`${host}\`.` };
  }
  return { code: undefined, message: e?.message ?? String(e) };
}

async function withPgClient(url, database, fn) {
  const { default: pg } = await import(require.resolve("pg"));
  const u = new URL(url);
  u.searchParams.delete("schema");
  if (database !== undefined) u.pathname = `/${encodeURIComponent(database)}`;
  const client = new pg.Client({ connectionString: u.toString(), connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Runs fn against the maintenance database ("postgres", else "template1"). */
async function withMaintenanceDb(url, fn) {
  try {
    return await withPgClient(url, "postgres", fn);
  } catch (e) {
    if (e?.code === "3D000") return withPgClient(url, "template1", fn);
    throw e;
  }
}

async function runCli(sub, datasource) {
  const url = datasource?.url;
  if (!url) throw new Error("The datasource URL is missing (--datasource '{\"url\":...}').");
  const target = parseDatasourceUrl(url);
  if (target.kind === "postgres") {
    try {
      if (sub === "can-connect-to-database") {
        await withPgClient(url, undefined, (c) => c.query("SELECT 1"));
        return "Connection successful";
      }
      if (sub === "create-database") {
        const name = databaseNameOf(url);
        await withMaintenanceDb(url, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
        return `Database '${name}' was successfully created.`;
      }
      if (sub === "drop-database") {
        const name = databaseNameOf(url);
        await withMaintenanceDb(url, async (c) => {
          try {
            await c.query(`DROP DATABASE ${quoteIdent(name)} WITH (FORCE)`);
          } catch (e) {
            if (e?.code === "42601") await c.query(`DROP DATABASE ${quoteIdent(name)}`);
            else throw e;
          }
        });
        return `The database '${name}' was successfully dropped.`;
      }
    } catch (e) {
      throw Object.assign(new Error(pgConnectError(e, url).message), { code: pgConnectError(e, url).code });
    }
  } else {
    // PGlite creates its database on first open. Only check that nobody else has it open.
    if (sub === "can-connect-to-database" || sub === "create-database") {
      if (target.kind === "pglite-dir") {
        const holder = readPgliteLock(target.dir);
        if (holder && holder.pid !== process.pid) {
          // acquire + release reports a live holder with the standard message (and takes over stale locks)
          const release = acquirePgliteLock(target.dir, { owner: "schema-engine", waitMs: 15_000 });
          release();
        }
        if (sub === "create-database") fs.mkdirSync(target.dir, { recursive: true });
      }
      return sub === "create-database" ? "Database created." : "Connection successful";
    }
    if (sub === "drop-database") {
      if (target.kind === "pglite-dir") {
        const release = acquirePgliteLock(target.dir, { owner: "schema-engine", waitMs: 15_000 });
        try {
          for (const entry of fs.readdirSync(target.dir)) {
            if (entry !== ".freehold.lock") fs.rmSync(path.join(target.dir, entry), { recursive: true, force: true });
          }
        } finally {
          release();
        }
      }
      return "The database was successfully dropped.";
    }
  }
  throw new Error(`Unknown cli subcommand: ${sub}`);
}

// ------------------------------------------------------------------ JSON-RPC server

async function serve(args) {
  const datasource = args.datasource ?? {};
  const datamodels = args.datamodels.map((file) => [file, fs.readFileSync(path.resolve(file), "utf8")]);

  let enginePromise;
  let adapterHandle;
  let errorRegistry;
  let glue;

  async function engine() {
    enginePromise ??= (async () => {
      if (!datasource.url) throw new Error("No datasource URL was given (set datasource.url in prisma.config.ts).");
      glue = await loadSchemaEngineWasm();
      const { bindMigrationAwareSqlAdapterFactory } = await import(require.resolve("@prisma/driver-adapter-utils"));
      adapterHandle = await createMigrationFactory(datasource.url, { shadowDatabaseUrl: datasource.shadowDatabaseUrl });
      const bound = bindMigrationAwareSqlAdapterFactory(adapterHandle.factory);
      errorRegistry = bound.errorRegistry;
      return glue.SchemaEngine.new({ datamodels: datamodels.length > 0 ? datamodels : undefined }, forwardWasmLog, bound);
    })();
    return enginePromise;
  }

  const write = (msg) =>
    /** @type {Promise<void>} */ (
      new Promise((resolve) => {
      if (!process.stdout.write(JSON.stringify(msg) + "\n")) process.stdout.once("drain", resolve);
      else resolve();
    }));

  // Requests we send to the CLI (only "print"), awaiting its answer.
  let nextOwnId = 1;
  const pendingOwn = new Map();
  function askCli(method, params) {
    const id = `stand-in-${nextOwnId++}`;
    return new Promise((resolve) => {
      pendingOwn.set(id, resolve);
      void write({ jsonrpc: "2.0", id, method, params });
    });
  }

  // The wasm engine gets its shadow-database view of the migration history from devDiagnostic and
  // reuses it in evaluateDataLoss/createMigration ("PostgreSQL shadow DB must be provided through an
  // external factory" otherwise). The CLI calls devDiagnostic first, but `migrate dev` then applies
  // pending migrations, which makes that view stale: refresh it when anything changed since.
  let historyViewFresh = false;
  const CHANGES_HISTORY = new Set(["applyMigrations", "reset", "markMigrationApplied", "markMigrationRolledBack", "schemaPush", "dbExecute"]);

  async function refreshHistoryView(params) {
    if (historyViewFresh || !params?.migrationsList) return;
    try {
      await (await engine()).devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters ?? { externalTables: [], externalEnums: [] } });
      historyViewFresh = true;
    } catch {
      /* let the real call report whatever is wrong */
    }
  }

  async function dispatch(method, params) {
    if (method === "evaluateDataLoss" || method === "createMigration") await refreshHistoryView(params);
    if (CHANGES_HISTORY.has(method)) historyViewFresh = false;
    const result = await dispatchRaw(method, params);
    if (method === "devDiagnostic") historyViewFresh = true;
    return result;
  }

  async function dispatchRaw(method, params) {
    switch (method) {
      case "getDatabaseVersion":
        // The wasm engine only accepts an explicit datasource or nothing.
        return (await engine()).version(params?.datasource ? params : undefined);
      case "createDatabase": {
        const url = params?.datasource?.url ?? datasource.url;
        const msg = await runCli("create-database", { url });
        return { databaseName: parseDatasourceUrl(url).kind === "postgres" ? databaseNameOf(url) : msg };
      }
      case "diff": {
        const result = await (await engine()).diff(params);
        if (result?.stdout) {
          // The native engine prints through the CLI (a "print" request); the CLI adds a newline.
          await askCli("print", { content: result.stdout.replace(/\n$/, "") });
        }
        return { exitCode: result?.exitCode ?? 0, stdout: null };
      }
      case "debugPanic":
        return (await engine()).debugPanic();
      case "applyMigrations":
      case "createMigration":
      case "dbExecute":
      case "devDiagnostic":
      case "diagnoseMigrationHistory":
      case "ensureConnectionValidity":
      case "evaluateDataLoss":
      case "introspect":
      case "introspectSql":
      case "markMigrationApplied":
      case "markMigrationRolledBack":
      case "reset":
      case "schemaPush": {
        const eng = await engine();
        const result = await eng[method](params);
        return result === undefined ? {} : result;
      }
      default:
        throw Object.assign(new Error(`Method not supported by this schema engine: ${method}`), { rpcCode: -32601 });
    }
  }

  // Requests run one at a time, in order.
  let queue = Promise.resolve();
  let fatal = false;

  function handle(line) {
    let msg;
    try {
      msg = JSON.parse(line);
    } catch {
      void write({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (msg.method === undefined && msg.id !== undefined && pendingOwn.has(msg.id)) {
      pendingOwn.get(msg.id)(msg.result);
      pendingOwn.delete(msg.id);
      return;
    }
    if (typeof msg.method !== "string") return;
    queue = queue.then(async () => {
      if (fatal) return;
      try {
        const result = await dispatch(msg.method, msg.params);
        if (msg.id !== undefined) await write({ jsonrpc: "2.0", id: msg.id, result: result ?? null });
      } catch (e) {
        if (e?.rpcCode) {
          await write({ jsonrpc: "2.0", id: msg.id, error: { code: e.rpcCode, message: e.message } });
          return;
        }
        const error = toRpcError(e, errorRegistry);
        logLine("ERROR", { message: error.data.message, ...(error.data.error_code ? { error_code: error.data.error_code } : {}) });
        if (msg.id !== undefined) await write({ jsonrpc: "2.0", id: msg.id, error });
        if (error.data.is_panic) {
          fatal = true; // a panicked wasm instance is unusable; the native engine exits with 101
          void shutdown(101); // (not awaited: shutdown waits for this queue to drain)
        }
      }
    });
  }

  let shuttingDown;
  function shutdown(code = 0) {
    if (shuttingDown) return shuttingDown;
    // Never hang on the way out: a stuck request gets 10 s (the database stays consistent: an
    // interrupted migration is one transaction), a second signal exits at once.
    setTimeout(() => process.exit(code), 10_000).unref();
    shuttingDown = (async () => {
      try {
        await queue.catch(() => {});
        if (enginePromise) {
          const eng = await enginePromise.catch(() => undefined);
          try {
            eng?.free();
          } catch {
            /* ignore */
          }
        }
        await adapterHandle?.dispose();
      } finally {
        process.exit(code);
      }
    })();
    return shuttingDown;
  }

  // The CLI ends stdin and immediately sends SIGTERM (on Linux): finish the current request, close
  // the database cleanly (releasing the PGlite lock), then exit.
  // (stdin closing and one SIGTERM are the normal end; only a second signal means "now".)
  let signals = 0;
  const onSignal = (code) => () => (++signals > 1 ? process.exit(code) : void shutdown(code));
  process.on("SIGTERM", onSignal(0));
  process.on("SIGINT", onSignal(130));

  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on("line", (line) => {
    if (line.trim()) handle(line);
  });
  rl.on("close", () => void shutdown(0));
}

// ------------------------------------------------------------------ main

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`error: ${e.message}\n\n${HELP}`);
    process.exit(2);
  }
  if (args.version) {
    process.stdout.write(`schema-engine-cli ${schemaEngineWasmVersion()}\n`);
    return;
  }
  if (args.help) {
    process.stdout.write(HELP);
    return;
  }
  if (args.cli) {
    // The CLI skips the first stderr line and reads the rest as JSON log lines.
    logLine("INFO", { message: "Starting schema engine CLI", git_hash: schemaEngineWasmVersion() });
    try {
      const message = await runCli(args.cli, args.datasource);
      logLine("INFO", { message });
      process.exit(0);
    } catch (e) {
      logLine("ERROR", { is_panic: false, error_code: e?.code && /^P\d{4}$/.test(e.code) ? e.code : "", message: e?.message ?? String(e) });
      process.exit(1);
    }
  }
  logLine("INFO", { message: "Starting schema engine RPC server", git_hash: schemaEngineWasmVersion() });
  await serve(args);
}

// Errors thrown inside the wasm engine's callbacks escape every promise: report them the way the
// native engine reports a crash (an ERROR log line, exit code 101), which the CLI turns into a message.
process.on("uncaughtException", (e) => {
  logLine("ERROR", { is_panic: true, message: e?.message ?? String(e), backtrace: e?.stack ?? "" });
  process.exit(101);
});

main().catch((e) => {
  logLine("ERROR", { is_panic: false, message: e?.stack ?? String(e) });
  process.exit(1);
});
