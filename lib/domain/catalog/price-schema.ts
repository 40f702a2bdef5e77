// Price rows. Prices go stale, so every row carries the date it was valid (`asOf`) next to its
// provenance; organisations override them with their own quotes (ZCustom* in custom.ts).
import { z } from "zod";
import { TEXT_MAX, ZProvenance, zText } from "../shared";

const usdPerMTok = z.number().nonnegative().max(10_000);
const usdPerGpuHour = z.number().positive().max(1000);
/** Where the price applies ("us-east-1", "global list price"); catalog rows state it, quotes may not. */
const region = zText({ min: 2, max: TEXT_MAX.name }).optional();
const id = zText({ min: 1, max: TEXT_MAX.id }).refine((v) => /^[a-z0-9][a-z0-9.-]*$/.test(v), "kebab-case id");

/** A range that a single point value was taken from (we use the midpoint; see the row's note). */
const ZRange = z
  .object({ low: z.number().nonnegative(), high: z.number().nonnegative() })
  .refine((r) => r.low <= r.high, "low must not exceed high");

export const ZApiPrice = z.object({
  id,
  vendor: zText({ min: 1, max: TEXT_MAX.name }),
  model: zText({ min: 1, max: TEXT_MAX.name }),
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
  /** Asynchronous batch endpoint price, when the vendor states one (often 50% of the list price). */
  batchInputUsdPerMTok: usdPerMTok.optional(),
  batchOutputUsdPerMTok: usdPerMTok.optional(),
  isDeprecated: z.boolean().optional(),
  /** Announced shutdown of the model on the vendor's API, when the catalog has a dated source. */
  retiresOn: zText({ min: 4, max: 40 }).optional(),
  region,
  unit: z.literal("usd_per_million_tokens").optional(),
  asOf: zText({ min: 4, max: 40 }),
  provenance: ZProvenance,
});
export type TApiPrice = z.infer<typeof ZApiPrice>;

export const ZGpuCloudPrice = z.object({
  id,
  provider: zText({ min: 1, max: TEXT_MAX.name }),
  sku: zText({ min: 1, max: TEXT_MAX.name }),
  gpuId: zText({ min: 1, max: TEXT_MAX.name }),
  gpusPerInstance: z.number().int().positive().max(64),
  /** capacity-block: AWS's short-term reservation of a whole instance, paid up front. */
  pricingModel: z.enum(["on-demand", "reserved", "capacity-block", "dedicated"]),
  usdPerGpuHour,
  usdPerGpuHourRange: ZRange.optional(),
  region,
  unit: z.literal("usd_per_gpu_hour").optional(),
  asOf: zText({ min: 4, max: 40 }),
  provenance: ZProvenance,
});
export type TGpuCloudPrice = z.infer<typeof ZGpuCloudPrice>;

export const ZGpuPurchasePrice = z.object({
  id,
  item: zText({ min: 1, max: TEXT_MAX.name }),
  /** Absent when the catalog has no spec row for the card (e.g. RTX 5090). */
  gpuId: zText({ min: 1, max: TEXT_MAX.name }).optional(),
  usdPerGpu: z.number().positive().max(10_000_000),
  usdPerGpuRange: ZRange.optional(),
  region,
  unit: z.literal("usd_per_gpu").optional(),
  asOf: zText({ min: 4, max: 40 }),
  provenance: ZProvenance,
});
export type TGpuPurchasePrice = z.infer<typeof ZGpuPurchasePrice>;

export const ZHostedOpenWeightPrice = z.object({
  id,
  provider: zText({ min: 1, max: TEXT_MAX.name }),
  model: zText({ min: 1, max: TEXT_MAX.name }),
  /** Catalog model served, when it is one of MODELS. */
  modelId: zText({ min: 1, max: TEXT_MAX.name }).optional(),
  inputUsdPerMTok: usdPerMTok,
  outputUsdPerMTok: usdPerMTok,
  region,
  unit: z.literal("usd_per_million_tokens").optional(),
  asOf: zText({ min: 4, max: 40 }),
  provenance: ZProvenance,
});
export type THostedOpenWeightPrice = z.infer<typeof ZHostedOpenWeightPrice>;
