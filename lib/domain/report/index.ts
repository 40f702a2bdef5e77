// Public surface of lib/domain/report: other folders import only from here.
export * from "./compare";
export * from "./compare-charts";
export * from "./context";
export * from "./defaults";
export * from "./economics";
export * from "./history";
export * from "./report";
export * from "./gpu-offers";
export * from "./layout-table";
export * from "./stage-adaptation";
export * from "./stage-infrastructure";
export * from "./stage-kit";
export * from "./stage-licence-capability";
export * from "./stage-safety-lifecycle";
export * from "./summary";
export * from "./types";
