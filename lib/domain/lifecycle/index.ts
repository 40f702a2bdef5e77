// Public surface of lib/domain/lifecycle: other folders import only from here.
export * from "./lifecycle";
