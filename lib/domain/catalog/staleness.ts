// How old a catalog figure is. A row's `asOf` is the date its source carries (or the day it was read
// when the source carries none): "2026", "2026-11" or "2026-11-28". The age counts from the FIRST
// day of that period, so a row dated only "2025" is treated as possibly read on 2025-01-01: a figure
// is never presented as fresher than its source shows. Today is always passed in, never read here.
import { CATALOG_DATE_PATTERN } from "./catalog-schema";

/** Rows older than this are flagged on screen, in the memo and by `npm run catalog:check`. */
export const CATALOG_STALE_AFTER_DAYS = 180;

const DAY_MS = 86_400_000;

/** The first day of the period an `asOf` names, as UTC milliseconds; null when it is not a catalog date. */
function periodStartMs(asOf: string): number | null {
  const m = CATALOG_DATE_PATTERN.exec(asOf.trim());
  if (!m) return null;
  const [year, month = "01", day = "01"] = asOf.trim().split("-");
  return Date.UTC(Number(year), Number(month) - 1, Number(day));
}

/** Whole days from the start of `asOf` to `todayIso` (YYYY-MM-DD); null when either is not a date. Never negative. */
export function catalogAgeDays(asOf: string, todayIso: string): number | null {
  const from = periodStartMs(asOf);
  const to = periodStartMs(todayIso.slice(0, 10));
  if (from === null || to === null) return null;
  return Math.max(0, Math.floor((to - from) / DAY_MS));
}

export type TCatalogAge = {
  asOf: string;
  ageDays: number | null;
  isStale: boolean;
  /** "read 2026-09-20, 77 days ago" or "dated 2025, at least 340 days old". */
  label: string;
};

export function catalogAge(asOf: string, todayIso: string): TCatalogAge {
  const ageDays = catalogAgeDays(asOf, todayIso);
  const isStale = ageDays !== null && ageDays > CATALOG_STALE_AFTER_DAYS;
  const isPeriod = asOf.trim().length < 10;
  const label =
    ageDays === null
      ? `as of ${asOf}`
      : isPeriod
        ? `dated ${asOf}, up to ${ageDays} days old`
        : `dated ${asOf}, ${ageDays === 0 ? "today" : `${ageDays} day${ageDays === 1 ? "" : "s"} old`}`;
  return { asOf, ageDays, isStale, label: isStale ? `${label}: older than ${CATALOG_STALE_AFTER_DAYS} days, re-check` : label };
}

/**
 * A picker option that offers a catalog row (a price, a provider): its own words, then the row's date
 * and, past the staleness threshold, "stale", so nobody picks a figure without seeing how old it is.
 * "AWS p5.48xlarge (h100-sxm), $6.88/GPU-h, on-demand, as of 2025-06, stale: older than 180 days".
 */
export function catalogOptionLabel(label: string, asOf: string, todayIso: string): string {
  const age = catalogAge(asOf, todayIso);
  return `${label}, as of ${asOf}${age.isStale ? `, stale: older than ${CATALOG_STALE_AFTER_DAYS} days` : ""}`;
}
