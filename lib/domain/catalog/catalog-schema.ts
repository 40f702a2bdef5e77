// The schemas every catalog data file (data/*.json) is held to: one per kind. They are the kind's
// own schema with a stricter provenance (a web source, a date and a checked level for every row, never
// "user") and, for prices, the region the price applies to and its unit. Adding a model, GPU, licence
// or price is a data edit that these schemas check: at import, and in `npm run catalog:check`.
import { z } from "zod";
import { TEXT_MAX, ZGpu, ZHttpUrl, ZModelArchitecture, ZVerification, zText } from "../shared";
import { ZLicence } from "./licence-schema";
import { ZApiPrice, ZGpuCloudPrice, ZGpuPurchasePrice, ZHostedOpenWeightPrice } from "./price-schema";

/** "2026", "2026-11" or "2026-11-28": the date a source carries, or the day it was read when it carries none. */
export const CATALOG_DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export const ZCatalogProvenance = z.object({
  sourceUrls: z.array(ZHttpUrl).min(1, "every catalog row needs at least one source URL").max(20),
  asOf: zText({ min: 4, max: 10 }).refine((v) => CATALOG_DATE_PATTERN.test(v), "a date read: YYYY, YYYY-MM or YYYY-MM-DD"),
  verification: ZVerification.exclude(["user"]),
  note: zText({ max: TEXT_MAX.note, multiline: true }).optional(),
});

const region = zText({ min: 2, max: TEXT_MAX.name });

export const ZCatalogModel = ZModelArchitecture.extend({ provenance: ZCatalogProvenance });
export const ZCatalogGpu = ZGpu.extend({ provenance: ZCatalogProvenance });
export const ZCatalogLicence = ZLicence.extend({ provenance: ZCatalogProvenance });
/** A price row states its date twice (top level for display, provenance for the sources list): they must agree. */
const sameDateCheck = (row: { asOf: string; provenance: { asOf: string } }) => row.asOf === row.provenance.asOf;
const sameDate = [sameDateCheck, { path: ["asOf"], message: "must equal provenance.asOf" }] as [typeof sameDateCheck, { path: string[]; message: string }];

export const ZCatalogApiPrice = ZApiPrice.extend({ region, unit: z.literal("usd_per_million_tokens"), provenance: ZCatalogProvenance }).refine(...sameDate);
export const ZCatalogGpuCloudPrice = ZGpuCloudPrice.extend({ region, unit: z.literal("usd_per_gpu_hour"), provenance: ZCatalogProvenance }).refine(...sameDate);
export const ZCatalogGpuPurchasePrice = ZGpuPurchasePrice.extend({ region, unit: z.literal("usd_per_gpu"), provenance: ZCatalogProvenance }).refine(...sameDate);
export const ZCatalogHostedOpenWeightPrice = ZHostedOpenWeightPrice.extend({ region, unit: z.literal("usd_per_million_tokens"), provenance: ZCatalogProvenance }).refine(...sameDate);

/** Each data file and the schema its rows must pass; the file name is the one under data/. */
export const CATALOG_KINDS = {
  licences: ZCatalogLicence,
  models: ZCatalogModel,
  gpus: ZCatalogGpu,
  "api-prices": ZCatalogApiPrice,
  "gpu-cloud-prices": ZCatalogGpuCloudPrice,
  "gpu-purchase-prices": ZCatalogGpuPurchasePrice,
  "hosted-open-weight-prices": ZCatalogHostedOpenWeightPrice,
} as const;
export type TCatalogKind = keyof typeof CATALOG_KINDS;

/** Rows of one data file, validated; a bad row stops the import with the kind, row and field. */
export function parseCatalogRows<K extends TCatalogKind>(kind: K, rows: unknown): z.infer<(typeof CATALOG_KINDS)[K]>[] {
  const parsed = z.array(CATALOG_KINDS[kind]).safeParse(rows);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Catalog data ${kind}.json: row ${String(issue?.path[0])}: ${issue?.path.slice(1).join(".")} ${issue?.message}`);
  }
  return parsed.data as z.infer<(typeof CATALOG_KINDS)[K]>[];
}
