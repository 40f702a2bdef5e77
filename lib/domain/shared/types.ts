// Shared shapes of the decision engine. Pure data: no next, react, prisma or env here.
import { z } from "zod";
import { TEXT_MAX, ZHttpUrl, zText } from "./text";

/** How far a fact was checked, from facts.json's `verification_levels`. */
export const ZVerification = z.enum(["verified-primary", "verified-copy", "cross-checked", "secondary", "unverified", "user"]);
export type TVerification = z.infer<typeof ZVerification>;

/**
 * Where a value comes from. Every catalog entry and every default carries a source URL. A value a
 * team entered itself (verification "user": a quote, a measurement, a pasted config.json) may have
 * none, and the engine, which re-checks the models and GPUs it is given, must still compute with it.
 */
export const ZProvenance = z
  .object({
    /** Web links only: each may be rendered as a link on a page and in the memo. */
    sourceUrls: z.array(ZHttpUrl).max(20),
    /** ISO date (or month) the source was read or the price was valid. */
    asOf: zText({ min: 4, max: 40 }),
    verification: ZVerification,
    note: zText({ max: TEXT_MAX.note, multiline: true }).optional(),
  })
  .refine((p) => p.verification === "user" || p.sourceUrls.length > 0, { path: ["sourceUrls"], message: 'a source URL is required unless your team entered the value (verification "user")' });
export type TProvenance = z.infer<typeof ZProvenance>;

export const ZAttentionType = z.enum(["mha", "gqa", "mqa", "mla"]);
export type TAttentionType = z.infer<typeof ZAttentionType>;

/**
 * A model's architecture as the sizing formulas need it. Counts are plain numbers; parameter
 * totals are in units of parameters (not billions) so no formula has to guess a scale.
 */
export const ZModelArchitecture = z.object({
  id: zText({ min: 1, max: TEXT_MAX.id }),
  name: zText({ min: 1, max: TEXT_MAX.name }),
  hfId: zText({ max: TEXT_MAX.name }).optional(),
  licenceId: zText({ min: 1, max: TEXT_MAX.id }),
  totalParams: z.number().positive().max(1e13),
  /** Parameters touched per token; equals totalParams for dense models. */
  activeParams: z.number().positive().max(1e13),
  layers: z.number().int().positive().max(1000),
  hiddenSize: z.number().int().positive().max(1_000_000),
  intermediateSize: z.number().int().positive().max(10_000_000).optional(),
  attentionHeads: z.number().int().positive().max(10_000),
  kvHeads: z.number().int().positive().max(10_000),
  headDim: z.number().int().positive().max(10_000),
  vocabSize: z.number().int().positive().max(10_000_000),
  contextTokens: z.number().int().positive().max(100_000_000),
  attentionType: ZAttentionType,
  /** Sliding-window attention: window size and how many of `layers` use it (rest are global). */
  slidingWindowTokens: z.number().int().positive().optional(),
  slidingWindowLayers: z.number().int().nonnegative().optional(),
  /** MLA (DeepSeek-V2/V3): cached latent width per layer = kvLoraRank + qkRopeHeadDim. */
  kvLoraRank: z.number().int().positive().optional(),
  qkRopeHeadDim: z.number().int().positive().optional(),
  /** MoE */
  experts: z.number().int().positive().optional(),
  expertsPerToken: z.number().int().positive().optional(),
  sharedExperts: z.number().int().nonnegative().optional(),
  /** Accepts image (or other non-text) input; some licences (Llama 3.2/4 in the EU) treat these differently. */
  isMultimodal: z.boolean().optional(),
  provenance: ZProvenance,
});
export type TModelArchitecture = z.infer<typeof ZModelArchitecture>;

export const ZGpu = z.object({
  id: zText({ min: 1, max: TEXT_MAX.id }),
  name: zText({ min: 1, max: TEXT_MAX.name }),
  vendor: zText({ min: 1, max: TEXT_MAX.name }),
  memoryGb: z.number().positive().max(10_000),
  memoryBandwidthTbps: z.number().positive().max(1000),
  bf16DenseTflops: z.number().positive().max(1_000_000),
  fp8DenseTflops: z.number().positive().max(1_000_000).optional(),
  int8DenseTops: z.number().positive().max(1_000_000).optional(),
  tdpWatts: z.number().positive().max(100_000),
  provenance: ZProvenance,
});
export type TGpu = z.infer<typeof ZGpu>;
