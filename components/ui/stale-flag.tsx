import { CATALOG_STALE_AFTER_DAYS } from "@/lib/domain/catalog";

/** The on-screen mark of a catalog figure whose source is older than CATALOG_STALE_AFTER_DAYS. */
export function StaleFlag() {
  return (
    <strong className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900" data-testid="stale-flag">
      Stale: older than {CATALOG_STALE_AFTER_DAYS} days, re-check
    </strong>
  );
}
