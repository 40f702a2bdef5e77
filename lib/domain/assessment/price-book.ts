// The organisation's price book: the prices and planning figures an organisation has negotiated or
// decided once, for every assessment. Precedence for each figure: the catalog (or Freehold's
// stated default) < the price book < what this assessment entered. The book is keyed by catalog
// ids and vendor names, so a GPU or an API the catalog adds gets a row without a code change, and a
// key the catalog no longer lists is ignored rather than failing the report.
import { z } from "zod";
import { API_PRICES, GPUS, ZRegion, type TApiPrice, type TRegion } from "../catalog";
import { fmt } from "../shared";

const percent = z.number({ error: "Enter a number." }).min(0, "A discount cannot be below 0%.").max(100, "A discount cannot exceed 100%.");
const usdPerGpuHour = z.number({ error: "Enter a number." }).positive("Enter a price above 0.").max(1000, "Above $1,000 per GPU-hour: check the unit.");
const usdPerGpu = z.number({ error: "Enter a number." }).positive("Enter a price above 0.").max(10_000_000, "Above $10,000,000 per GPU: check the unit.");
const key = z.string().min(1).max(200);
const loadedUsdPerYear = z.number({ error: "Enter a number." }).min(0, "Enter 0 or more.").max(5_000_000, "Above $5,000,000 a year: check the unit.");
const SCALARS = {
  usdPerKwh: z.number({ error: "Enter a number." }).min(0, "Enter 0 or more.").max(10, "Above $10 per kWh: check the unit."),
  powerUsageEffectiveness: z.number({ error: "Enter a number." }).min(1, "PUE is at least 1.").max(5, "PUE above 5 is implausible."),
  discountRatePercent: z.number({ error: "Enter a number." }).min(0, "Enter 0 or more.").max(50, "Keep the discount rate at or below 50%."),
  horizonMonths: z.number({ error: "Enter a number." }).int("Enter whole months.").min(12, "The horizon is at least 12 months.").max(60, "The horizon is at most 60 months."),
};

export const ZPriceBookGpu = z.strictObject({ usdPerGpuHour: usdPerGpuHour.optional(), purchaseUsdPerGpu: usdPerGpu.optional() });

export const ZPriceBookValues = z.strictObject({
  /** Negotiated discount off list price, by API vendor name as the catalog spells it. */
  apiVendorDiscountPercent: z.record(key, percent).default({}),
  /** By API price id; wins over the vendor's discount. */
  apiModelDiscountPercent: z.record(key, percent).default({}),
  /** Internal price per GPU type (catalog GPU id): hourly (cloud modes) and purchase (owned). */
  gpus: z.record(key, ZPriceBookGpu).default({}),
  /** Loaded cost (salary, benefits, tax, overhead) per role name of the default team. */
  roleLoadedUsdPerYear: z.record(key, loadedUsdPerYear).default({}),
  usdPerKwh: SCALARS.usdPerKwh.optional(),
  powerUsageEffectiveness: SCALARS.powerUsageEffectiveness.optional(),
  discountRatePercent: SCALARS.discountRatePercent.optional(),
  horizonMonths: SCALARS.horizonMonths.optional(),
  allowedRegions: z.array(ZRegion).max(ZRegion.options.length).default([]),
});
export type TPriceBookValues = z.infer<typeof ZPriceBookValues>;

/** The book as the report needs it: its values, version and who last changed it. */
export type TPriceBook = { version: number; values: TPriceBookValues; updatedByName: string; updatedAt: string };

export const EMPTY_PRICE_BOOK_VALUES: TPriceBookValues = ZPriceBookValues.parse({});

/** Where a figure came from, in the words the screens use. */
export const FIGURE_SOURCE = { catalog: "catalog", priceBook: "organisation price book", assessment: "this assessment" } as const;
export type TFigureSource = keyof typeof FIGURE_SOURCE;

/** "organisation price book, set by Ann Lee on 2026-12-06 (version 3)". */
export function priceBookOrigin(book: TPriceBook): string {
  return `${FIGURE_SOURCE.priceBook}, set by ${book.updatedByName} on ${book.updatedAt.slice(0, 10)} (version ${book.version})`;
}

/** The discount that applies to an API price row: its own, else its vendor's; null when none is set. */
export function apiDiscountFor(values: TPriceBookValues, row: Pick<TApiPrice, "id" | "vendor">): { percent: number; scope: "model" | "vendor" } | null {
  const own = values.apiModelDiscountPercent[row.id];
  if (own !== undefined) return { percent: own, scope: "model" };
  const vendor = values.apiVendorDiscountPercent[row.vendor];
  return vendor !== undefined ? { percent: vendor, scope: "vendor" } : null;
}

export type TResolvedApiPrice = { inputUsdPerMTok: number; outputUsdPerMTok: number; source: TFigureSource; discountPercent: number | null };

/** An API's price per million tokens: the assessment's own price, else the catalog's less the book's discount, else the catalog's. */
export function resolveApiPrice(args: { row: TApiPrice | null; book: TPriceBook | null; entered: { inputUsdPerMTok: number; outputUsdPerMTok: number } | null }): TResolvedApiPrice | null {
  if (args.entered) return { ...args.entered, source: "assessment", discountPercent: null };
  if (!args.row) return null;
  const discount = args.book ? apiDiscountFor(args.book.values, args.row) : null;
  if (!discount) return { inputUsdPerMTok: args.row.inputUsdPerMTok, outputUsdPerMTok: args.row.outputUsdPerMTok, source: "catalog", discountPercent: null };
  const factor = 1 - discount.percent / 100;
  return { inputUsdPerMTok: args.row.inputUsdPerMTok * factor, outputUsdPerMTok: args.row.outputUsdPerMTok * factor, source: "priceBook", discountPercent: discount.percent };
}

/** A number the assessment may enter: entered, else the book's, else the catalog's or default; with where it came from. */
export function resolveFigure<T>(entered: T | undefined, fromBook: T | undefined, fallback: T): { value: T; source: TFigureSource } {
  if (entered !== undefined) return { value: entered, source: "assessment" };
  if (fromBook !== undefined) return { value: fromBook, source: "priceBook" };
  return { value: fallback, source: "catalog" };
}

/** Owned-hardware terms the book sets (power tariff, PUE), to lay over the engine defaults. */
export function priceBookOwnedTerms(book: TPriceBook | null | undefined): { usdPerKwh?: number; powerUsageEffectiveness?: number } {
  const v = book?.values;
  return { ...(v?.usdPerKwh !== undefined ? { usdPerKwh: v.usdPerKwh } : {}), ...(v?.powerUsageEffectiveness !== undefined ? { powerUsageEffectiveness: v.powerUsageEffectiveness } : {}) };
}

/** The book's internal price for a GPU, when it has one. */
export function priceBookGpu(book: TPriceBook | null | undefined, gpuId: string): z.infer<typeof ZPriceBookGpu> | null {
  return book?.values.gpus[gpuId] ?? null;
}

/** Scalar defaults the book sets, by the input path the assumption log records them under. */
export function priceBookDefaultsByPath(values: TPriceBookValues): Record<string, number> {
  const out: Record<string, number> = {};
  if (values.discountRatePercent !== undefined) out["economics.finance.discountRatePercent"] = values.discountRatePercent;
  if (values.horizonMonths !== undefined) out["economics.horizonMonths"] = values.horizonMonths;
  if (values.usdPerKwh !== undefined) out["infrastructure.pricing.owned.usdPerKwh"] = values.usdPerKwh;
  if (values.powerUsageEffectiveness !== undefined) out["infrastructure.pricing.owned.powerUsageEffectiveness"] = values.powerUsageEffectiveness;
  return out;
}

// ---------------------------------------------------------------------------------------------
// The form: one row per vendor, API, GPU and default-team role the catalog lists.

export type TPriceBookFormRows = {
  vendors: string[];
  apis: { id: string; label: string }[];
  gpus: { id: string; label: string }[];
  regions: TRegion[];
};

export function priceBookFormRows(roles: readonly string[]): TPriceBookFormRows & { roles: string[] } {
  const live = API_PRICES.filter((p) => !p.isDeprecated);
  return {
    vendors: [...new Set(live.map((p) => p.vendor))].sort((a, b) => a.localeCompare(b)),
    apis: live.map((p) => ({ id: p.id, label: `${p.vendor} ${p.model}` })),
    gpus: GPUS.map((g) => ({ id: g.id, label: g.name })),
    regions: [...ZRegion.options],
    roles: [...roles],
  };
}

/** Form field names, shared by the form and the parser. */
export const PRICE_BOOK_FIELD = {
  vendor: (vendor: string) => `vendor:${vendor}`,
  api: (id: string) => `api:${id}`,
  gpuHour: (id: string) => `gpuHour:${id}`,
  gpuPurchase: (id: string) => `gpuPurchase:${id}`,
  role: (role: string) => `role:${role}`,
  region: (region: string) => `region:${region}`,
  usdPerKwh: "usdPerKwh",
  powerUsageEffectiveness: "powerUsageEffectiveness",
  discountRatePercent: "discountRatePercent",
  horizonMonths: "horizonMonths",
} as const;

const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * The submitted form as price-book values, or one message per field that is wrong. Blank means
 * "not set" (the catalog applies); keys come from the catalog, so a field for an id the catalog
 * does not list is ignored.
 */
export function parsePriceBookForm(entries: Record<string, unknown>, roles: readonly string[]): { ok: true; values: TPriceBookValues } | { ok: false; errors: Record<string, string> } {
  const rows = priceBookFormRows(roles);
  const errors: Record<string, string> = {};
  const read = (field: string, schema: z.ZodType<number>): number | undefined => {
    const raw = entries[field];
    if (typeof raw !== "string") return undefined;
    const text = raw.replace(/[,_\s$%]/g, "");
    if (text === "") return undefined;
    if (!NUMBER_TEXT.test(text)) {
      errors[field] = `"${raw.slice(0, 40)}" is not a number.`;
      return undefined;
    }
    const r = schema.safeParse(Number(text));
    if (!r.success) {
      errors[field] = r.error.issues[0]?.message ?? "Check this value.";
      return undefined;
    }
    return r.data;
  };
  const values: TPriceBookValues = { ...EMPTY_PRICE_BOOK_VALUES, apiVendorDiscountPercent: {}, apiModelDiscountPercent: {}, gpus: {}, roleLoadedUsdPerYear: {}, allowedRegions: [] };
  for (const v of rows.vendors) {
    const n = read(PRICE_BOOK_FIELD.vendor(v), percent);
    if (n !== undefined) values.apiVendorDiscountPercent[v] = n;
  }
  for (const a of rows.apis) {
    const n = read(PRICE_BOOK_FIELD.api(a.id), percent);
    if (n !== undefined) values.apiModelDiscountPercent[a.id] = n;
  }
  for (const g of rows.gpus) {
    const hour = read(PRICE_BOOK_FIELD.gpuHour(g.id), usdPerGpuHour);
    const purchase = read(PRICE_BOOK_FIELD.gpuPurchase(g.id), usdPerGpu);
    if (hour !== undefined || purchase !== undefined) values.gpus[g.id] = { ...(hour !== undefined ? { usdPerGpuHour: hour } : {}), ...(purchase !== undefined ? { purchaseUsdPerGpu: purchase } : {}) };
  }
  for (const role of rows.roles) {
    const n = read(PRICE_BOOK_FIELD.role(role), loadedUsdPerYear);
    if (n !== undefined) values.roleLoadedUsdPerYear[role] = n;
  }
  for (const f of ["usdPerKwh", "powerUsageEffectiveness", "discountRatePercent", "horizonMonths"] as const) {
    const n = read(PRICE_BOOK_FIELD[f], SCALARS[f]);
    if (n !== undefined) values[f] = n;
  }
  values.allowedRegions = rows.regions.filter((r) => entries[PRICE_BOOK_FIELD.region(r)] !== undefined && entries[PRICE_BOOK_FIELD.region(r)] !== "");
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, values };
}

/** The fields whose value differs between two versions of the book, as readable names (for the audit log). */
export function changedPriceBookFields(before: TPriceBookValues, after: TPriceBookValues): { field: string; from: string; to: string }[] {
  const out: { field: string; from: string; to: string }[] = [];
  const show = (v: unknown) => (v === undefined ? "not set" : Array.isArray(v) ? (v.length ? v.join(", ") : "none") : typeof v === "number" ? fmt(v) : String(v));
  const compare = (field: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ field, from: show(a), to: show(b) });
  };
  const keysOf = (a: object, b: object) => [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const k of keysOf(before.apiVendorDiscountPercent, after.apiVendorDiscountPercent)) compare(`API discount: ${k} (%)`, before.apiVendorDiscountPercent[k], after.apiVendorDiscountPercent[k]);
  for (const k of keysOf(before.apiModelDiscountPercent, after.apiModelDiscountPercent)) compare(`API discount: ${k} (%)`, before.apiModelDiscountPercent[k], after.apiModelDiscountPercent[k]);
  for (const k of keysOf(before.gpus, after.gpus)) {
    compare(`GPU ${k}: USD per GPU-hour`, before.gpus[k]?.usdPerGpuHour, after.gpus[k]?.usdPerGpuHour);
    compare(`GPU ${k}: purchase USD per GPU`, before.gpus[k]?.purchaseUsdPerGpu, after.gpus[k]?.purchaseUsdPerGpu);
  }
  for (const k of keysOf(before.roleLoadedUsdPerYear, after.roleLoadedUsdPerYear)) compare(`Loaded cost: ${k} (USD/year)`, before.roleLoadedUsdPerYear[k], after.roleLoadedUsdPerYear[k]);
  compare("Power tariff (USD/kWh)", before.usdPerKwh, after.usdPerKwh);
  compare("PUE", before.powerUsageEffectiveness, after.powerUsageEffectiveness);
  compare("Discount rate (% per year)", before.discountRatePercent, after.discountRatePercent);
  compare("Horizon (months)", before.horizonMonths, after.horizonMonths);
  compare("Allowed regions", before.allowedRegions, after.allowedRegions);
  return out;
}
