// Public surface of lib/domain/capability: other folders import only from here.
export * from "./capability";
export * from "./eval-import-json";
export * from "./eval-import-lm-eval";
export * from "./eval-import-promptfoo";
export * from "./eval-import";
export * from "./inputs";
export * from "./stats";
export * from "./eval-import-lm-eval-samples";
