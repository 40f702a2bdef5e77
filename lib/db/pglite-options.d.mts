// Types for ./pglite-options.mjs (plain JavaScript so that Node can run the engine stand-in directly).
import type { Extension } from "@electric-sql/pglite";

/** The extension bundles every PGlite is opened with (pg_trgm: the portfolio search's indexes). */
export declare const PGLITE_EXTENSIONS: Readonly<{ pg_trgm: Extension }>;

/** PGlite options with this project's extensions added. */
export declare function pgliteOptions<T extends object = object>(options?: T): T & { extensions: typeof PGLITE_EXTENSIONS };
