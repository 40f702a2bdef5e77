// Public surface of lib/domain/sizing: other folders import only from here.
export * from "./cost";
export * from "./efficiency-defaults";
export * from "./inputs";
export * from "./layout-search";
export * from "./measurements";
export * from "./memory";
export * from "./quality";
export * from "./queueing";
export * from "./serving-model";
export * from "./sizing";
export * from "./traffic";
export * from "./measurement-import";
