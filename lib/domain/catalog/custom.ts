// Schemas for what an organisation describes itself: a model, licence, GPU or price that is not
// in the catalog (or overrides a stale one). Same fields as the catalog, but the provenance says
// "user" and may lack a URL: an internal quote or a measured number is still a valid source.
import { z } from "zod";
import { TEXT_MAX, ZGpu, ZHttpUrl, ZModelArchitecture, ZProvenance, zText, type TModelArchitecture } from "../shared";
import { ZLicence } from "./licence-schema";
import { ZApiPrice, ZGpuCloudPrice, ZGpuPurchasePrice, ZHostedOpenWeightPrice } from "./price-schema";

export const ZUserProvenance = ZProvenance.safeExtend({
  /** Web links only (http/https): each is rendered as a link on the page and in the memo. */
  sourceUrls: z.array(ZHttpUrl).max(20),
  verification: z.literal("user"),
});
export type TUserProvenance = z.infer<typeof ZUserProvenance>;

type TArchitectureShape = Pick<
  TModelArchitecture,
  "totalParams" | "activeParams" | "layers" | "attentionHeads" | "kvHeads" | "attentionType" | "slidingWindowLayers" | "kvLoraRank" | "qkRopeHeadDim" | "experts" | "expertsPerToken"
>;

/** Cross-field rules the per-field bounds cannot express; catalog tests run them too. */
export function architectureIssues(m: TArchitectureShape): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (m.activeParams > m.totalParams) issues.push({ path: "activeParams", message: "activeParams cannot exceed totalParams" });
  if (m.kvHeads > m.attentionHeads) issues.push({ path: "kvHeads", message: "kvHeads cannot exceed attentionHeads" });
  if (m.slidingWindowLayers !== undefined && m.slidingWindowLayers > m.layers)
    issues.push({ path: "slidingWindowLayers", message: "slidingWindowLayers cannot exceed layers" });
  if (m.attentionType === "mla" && (m.kvLoraRank === undefined || m.qkRopeHeadDim === undefined))
    issues.push({ path: "kvLoraRank", message: "MLA models need kvLoraRank and qkRopeHeadDim to size the KV cache" });
  if (m.attentionType === "mqa" && m.kvHeads !== 1) issues.push({ path: "kvHeads", message: "MQA means exactly one KV head" });
  if (m.expertsPerToken !== undefined && (m.experts === undefined || m.expertsPerToken > m.experts))
    issues.push({ path: "expertsPerToken", message: "expertsPerToken needs experts and cannot exceed it" });
  return issues;
}

/** The longest custom model name; the form and imported files share it (see custom-candidate.ts). */
export const MAX_CUSTOM_MODEL_NAME = 80;

export const ZCustomModel = ZModelArchitecture.extend({
  name: zText({ trim: true, min: 1, max: MAX_CUSTOM_MODEL_NAME, tooLong: `a custom model's name must be at most ${MAX_CUSTOM_MODEL_NAME} characters` }),
  id: zText({ min: 1, max: TEXT_MAX.id }),
  provenance: ZUserProvenance,
}).superRefine((m, ctx) => {
  for (const issue of architectureIssues(m)) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
});
export type TCustomModel = z.infer<typeof ZCustomModel>;

export const ZCustomLicence = ZLicence.extend({ provenance: ZUserProvenance });
export type TCustomLicence = z.infer<typeof ZCustomLicence>;

export const ZCustomGpu = ZGpu.extend({ provenance: ZUserProvenance });
export type TCustomGpu = z.infer<typeof ZCustomGpu>;

export const ZCustomApiPrice = ZApiPrice.extend({ provenance: ZUserProvenance });
export type TCustomApiPrice = z.infer<typeof ZCustomApiPrice>;

export const ZCustomGpuCloudPrice = ZGpuCloudPrice.extend({ provenance: ZUserProvenance });
export type TCustomGpuCloudPrice = z.infer<typeof ZCustomGpuCloudPrice>;

export const ZCustomGpuPurchasePrice = ZGpuPurchasePrice.extend({ provenance: ZUserProvenance });
export type TCustomGpuPurchasePrice = z.infer<typeof ZCustomGpuPurchasePrice>;

export const ZCustomHostedOpenWeightPrice = ZHostedOpenWeightPrice.extend({ provenance: ZUserProvenance });
export type TCustomHostedOpenWeightPrice = z.infer<typeof ZCustomHostedOpenWeightPrice>;
