// Types for ./wasm-engine.mjs, for TypeScript callers (versions.test.ts) under the root tsconfig,
// which does not read JavaScript.
export declare function loadSchemaEngineWasm(): Promise<typeof import("@prisma/schema-engine-wasm")>;
/** The engine hash of the installed wasm build, read without instantiating it. */
export declare function schemaEngineWasmVersion(): string;
