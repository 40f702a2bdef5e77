// Public surface of lib/domain/sizing: other folders import only from here.
export * from "./cost";
export * from "./efficiency-defaults";
export * from "./inputs";
export * from "./memory";
export * from "./placement";
export * from "./sizing";
export * from "./throughput";
export * from "./traffic";
