// @ts-check
// Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm).
// Its entry file does `import * as wasm from "./schema_engine_bg.wasm"`, which plain Node cannot
// load, so the module is instantiated here by hand with its wasm-bindgen glue.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

let loaded;

/** @returns {Promise<typeof import("@prisma/schema-engine-wasm")>} the glue module, initialised */
export function loadSchemaEngineWasm() {
  loaded ??= (async () => {
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = await import(gluePath);
    const bytes = fs.readFileSync(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    // wasm-bindgen's start function; exports are untyped at this boundary.
    /** @type {() => void} */ (instance.exports.__wbindgen_start)();
    return glue;
  })();
  return loaded;
}

/** The engine hash of the installed wasm build, read without instantiating it. */
export function schemaEngineWasmVersion() {
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  return String(pkg.version).split("-").pop()?.split(".").pop() ?? "";
}
