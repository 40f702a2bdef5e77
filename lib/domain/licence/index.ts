// Public surface of lib/domain/licence: other folders import only from here.
export * from "./facts";
export * from "./findings";
export * from "./labels";
export * from "./licence";
export * from "./rules-duties";
export * from "./rules-scope";
