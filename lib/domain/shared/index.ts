// Public surface of lib/domain/shared: other folders import only from here.
export * from "./csv";
export * from "./download-name";
export * from "./field-errors";
export * from "./figure";
export * from "./format";
export * from "./format-figure";
export * from "./make-figure";
export * from "./math";
export * from "./organisation";
export * from "./roles";
export * from "./slug";
export * from "./stages";
export * from "./types";
export * from "./text";
export * from "./url";
export * from "./json-depth";
export * from "./review";
