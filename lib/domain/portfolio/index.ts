// Public surface of lib/domain/portfolio: other folders import only from here.
export * from "./export";
export * from "./names";
export * from "./page";
export * from "./query";
export * from "./keyset";
export * from "./compare-selection";
export * from "./concentration";
