// The catalog: licences, models, GPUs and prices, each with provenance, plus the schemas an
// organisation uses to add its own.
export * from "./licences";
export * from "./models";
export * from "./gpus";
export * from "./prices";
export * from "./custom";
export * from "./options";
export * from "./safety-controls";
export * from "./safety-frameworks";
export * from "./hf-config";
export * from "./model-summary";
export * from "./custom-candidate";
export * from "./lookup";
export * from "./vendor-terms";
export * from "./openness";
export * from "./catalog-schema";
export * from "./staleness";
export * from "./check";
export * from "./catalog-date";
