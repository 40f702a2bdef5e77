// The catalog: licences, models, GPUs and prices, each with provenance, plus the schemas an
// organisation uses to add its own.
export * from "./licences";
export * from "./models";
export * from "./gpus";
export * from "./prices";
export * from "./custom";
