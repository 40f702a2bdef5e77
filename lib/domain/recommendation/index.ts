// Public surface of lib/domain/recommendation: other folders import only from here.
export * from "./recommendation";
