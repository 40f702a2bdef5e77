// Public surface of lib/domain/economics: other folders import only from here.
export * from "./core";
export * from "./distributions";
export * from "./economics";
export * from "./uncertainty";
export * from "./options";
