// Types for ./wasm-engine.mjs (plain JavaScript so that Node can run the engine stand-in directly).
export declare function loadSchemaEngineWasm(): Promise<typeof import("@prisma/schema-engine-wasm")>;
export declare function schemaEngineWasmVersion(): string;
