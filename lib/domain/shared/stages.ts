// The assessment's stages: keys, titles and status. Zod-free so client components can import them
// without shipping the input schemas.
export const STAGE_KEYS = ["licence", "capability", "infrastructure", "adaptation", "safety", "lifecycle", "economics"] as const;
export type TStageKey = (typeof STAGE_KEYS)[number];
export type TStageStatus = "not-started" | "in-progress" | "complete";

export const STAGE_TITLES: Record<TStageKey, string> = {
  licence: "Licence diligence",
  capability: "Capability validation",
  infrastructure: "Infrastructure",
  adaptation: "Adaptation",
  safety: "Safety hardening",
  lifecycle: "Lifecycle operations",
  economics: "Economics",
};
