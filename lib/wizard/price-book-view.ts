import "server-only";
import { API_PRICES, catalogOptionLabel } from "@/lib/domain/catalog";
import { DEFAULT_STAFFING_TEMPLATE } from "@/lib/domain/lifecycle";
import { defaultCloudPrice, defaultPurchasePrice, ENGINE_OWNED_DEFAULTS, OPTION_DEFAULTS, REPORT_DEFAULTS } from "@/lib/domain/report";
import { PRICE_BOOK_FIELD, type TPriceBookFormRows } from "@/lib/domain/assessment";

// One shared formatter: toLocaleString with options builds a new Intl.NumberFormat on every call
// (see stage-fields.ts). Same output.
const USD_AMOUNT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const usd = (x: number) => `$${USD_AMOUNT.format(x)}`;

/**
 * What each price-book field falls back to when blank: the catalog row or stated default, by field
 * name. Catalog rows carry their date and, older than 180 days on `todayIso`, "stale".
 */
export function catalogPriceHints(rows: TPriceBookFormRows, todayIso: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of rows.apis) {
    const p = API_PRICES.find((r) => r.id === a.id);
    if (p) out[PRICE_BOOK_FIELD.api(a.id)] = `${catalogOptionLabel(`Catalog: ${usd(p.inputUsdPerMTok)} in / ${usd(p.outputUsdPerMTok)} out per M tokens`, p.asOf, todayIso)}; blank uses the vendor's discount.`;
  }
  for (const g of rows.gpus) {
    const hour = defaultCloudPrice(g.id);
    const buy = defaultPurchasePrice(g.id);
    out[PRICE_BOOK_FIELD.gpuHour(g.id)] = hour ? catalogOptionLabel(`Catalog: ${usd(hour.usdPerGpuHour)} (${hour.provider}, median on-demand)`, hour.asOf, todayIso) : "Catalog: no hourly price";
    out[PRICE_BOOK_FIELD.gpuPurchase(g.id)] = buy ? catalogOptionLabel(`Catalog: ${usd(buy.usdPerGpu)}`, buy.asOf, todayIso) : "Catalog: no purchase price";
  }
  for (const r of DEFAULT_STAFFING_TEMPLATE) out[PRICE_BOOK_FIELD.role(r.role)] = `Freehold default: ${usd(r.loadedUsdPerYear)} a year`;
  out[PRICE_BOOK_FIELD.usdPerKwh] = `Freehold default: ${usd(ENGINE_OWNED_DEFAULTS.usdPerKwh)} per kWh`;
  out[PRICE_BOOK_FIELD.powerUsageEffectiveness] = `Freehold default: ${ENGINE_OWNED_DEFAULTS.powerUsageEffectiveness}`;
  out[PRICE_BOOK_FIELD.discountRatePercent] = `Freehold default: ${OPTION_DEFAULTS.discountRatePercent}% a year`;
  out[PRICE_BOOK_FIELD.horizonMonths] = `Freehold default: ${REPORT_DEFAULTS.horizonMonths} months`;
  return out;
}
