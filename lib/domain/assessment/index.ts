// Public surface of lib/domain/assessment: other folders import only from here.
export * from "./export";
export * from "./import-source";
export * from "./inputs";
export * from "./records";
export * from "./templates";
export * from "./price-book";
export * from "./attachments";
export * from "./create-input";
