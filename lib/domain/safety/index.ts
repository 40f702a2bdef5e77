// Public surface of lib/domain/safety: other folders import only from here.
export * from "./safety";
export * from "./supply-chain";
