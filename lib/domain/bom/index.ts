// Public surface of lib/domain/bom: other folders import only from here.
export * from "./bom";
