// Public surface of lib/domain/adaptation: other folders import only from here.
export * from "./adaptation";
export * from "./inputs";
export * from "./quantization-effect";
