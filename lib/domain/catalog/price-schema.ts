// Price rows. Prices go stale, so every row carries the date it was valid (`asOf`) next to its
// provenance; organisations override them with their own quotes (ZCustom* in custom.ts).
import { z } from "zod";
import { ZProvenance } from "../shared";

const usdPerMTok = z.number().nonnegative().max(10_000);
const usdPerGpuHour = z.number().positive().max(1000);
const id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "kebab-case id");

/** A range that a single point value was taken from (we use the midpoint; see the row's note). */
const ZRange = z
  .object({ low: z.number().nonnegative(), high: z.number().nonnegative() })
  .refine((r) => r.low <= r.high, "low must not exceed high");

export const ZApiPrice = z.object({
  id,
  vendor: z.string().min(1),
  model: z.string().min(1),
  inputUsdPerMTok: usdPerMTok,
  outputUsdPerMTok: usdPerMTok,
  /** Price of input tokens served from the prompt cache (a cache hit). */
  cachedInputUsdPerMTok: usdPerMTok.optional(),
  cacheWrite5mUsdPerMTok: usdPerMTok.optional(),
  cacheWrite1hUsdPerMTok: usdPerMTok.optional(),
  /** Gemini Pro bills the whole request at a higher rate once the prompt exceeds a size. */
  longContextTier: z
    .object({ aboveInputTokens: z.number().int().positive(), inputUsdPerMTok: usdPerMTok, outputUsdPerMTok: usdPerMTok })
    .optional(),
  isDeprecated: z.boolean().optional(),
  /** Announced shutdown of the model on the vendor's API, when the catalog has a dated source. */
  retiresOn: z.string().min(4).optional(),
  asOf: z.string().min(4),
  provenance: ZProvenance,
});
export type TApiPrice = z.infer<typeof ZApiPrice>;

export const ZGpuCloudPrice = z.object({
  id,
  provider: z.string().min(1),
  sku: z.string().min(1),
  gpuId: z.string().min(1),
  gpusPerInstance: z.number().int().positive().max(64),
  /** capacity-block: AWS's short-term reservation of a whole instance, paid up front. */
  pricingModel: z.enum(["on-demand", "reserved", "capacity-block", "dedicated"]),
  usdPerGpuHour,
  usdPerGpuHourRange: ZRange.optional(),
  asOf: z.string().min(4),
  provenance: ZProvenance,
});
export type TGpuCloudPrice = z.infer<typeof ZGpuCloudPrice>;

export const ZGpuPurchasePrice = z.object({
  id,
  item: z.string().min(1),
  /** Absent when the catalog has no spec row for the card (e.g. RTX 5090). */
  gpuId: z.string().min(1).optional(),
  usdPerGpu: z.number().positive().max(10_000_000),
  usdPerGpuRange: ZRange.optional(),
  asOf: z.string().min(4),
  provenance: ZProvenance,
});
export type TGpuPurchasePrice = z.infer<typeof ZGpuPurchasePrice>;

export const ZHostedOpenWeightPrice = z.object({
  id,
  provider: z.string().min(1),
  model: z.string().min(1),
  /** Catalog model served, when it is one of MODELS. */
  modelId: z.string().min(1).optional(),
  inputUsdPerMTok: usdPerMTok,
  outputUsdPerMTok: usdPerMTok,
  asOf: z.string().min(4),
  provenance: ZProvenance,
});
export type THostedOpenWeightPrice = z.infer<typeof ZHostedOpenWeightPrice>;
