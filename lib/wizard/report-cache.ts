// The full report (six stages, tornado, 10,000-sample Monte Carlo, options, finance) takes tens of
// milliseconds, and every assessment page, the comparison and both PDFs need it. buildReport is pure:
// the same assessment row, the same catalog and the same prices give the same report. So it is built
// once per (assessment id, version, row fields the report shows, catalog version, pricing version)
// and shared by every page, action and PDF that asks for that version in this process.

import type { TReport } from "@/lib/domain/report";

/**
 * The catalog (models, licences, GPUs, API prices) is compiled into the build, so within one server
 * process it cannot change: a constant is its version. A catalog that changes at run time passes its
 * own version in TReportCacheVersions.
 */
export const BUILT_IN_CATALOG_VERSION = "built-in";
/** The price-book version when no organisation price book is in play. */
export const DEFAULT_PRICING_VERSION = "none";

export type TReportCacheVersions = {
  catalogVersion?: string | number;
  /** Bumped by the organisation's price book on every change, so no report outlives a price it used. */
  pricingVersion?: string | number;
};

/** What of the assessment row goes into the report; inputs change only with the version. */
export type TReportCacheSubject = {
  id: string;
  version: number;
  /** Status, title and the like change without a new version (a review moves the status), so they are part of the key. */
  status: string;
  title: string;
  description: string;
  candidateModelId: string;
  incumbentApiId: string;
  updatedAt: Date;
};

export function reportCacheKey(a: TReportCacheSubject, versions: TReportCacheVersions = {}): string {
  return JSON.stringify([
    a.id,
    a.version,
    a.updatedAt.getTime(),
    a.status,
    a.title,
    a.description,
    a.candidateModelId,
    a.incumbentApiId,
    String(versions.catalogVersion ?? BUILT_IN_CATALOG_VERSION),
    String(versions.pricingVersion ?? DEFAULT_PRICING_VERSION),
  ]);
}

/**
 * A report is about 200 KiB of JSON (a few times that on the heap), so the cache holds the most
 * recently used few dozen: enough for the assessments people have open, bounded in memory.
 */
export const REPORT_CACHE_MAX_ENTRIES = 48;

/** Reports are shared between requests, so nothing may change one after it is cached. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export type TReportCache = {
  get(key: string, build: () => TReport): TReport;
  readonly size: number;
  clear(): void;
};

/** A least-recently-used map of built reports (a Map iterates in insertion order; a hit re-inserts). */
export function createReportCache(maxEntries = REPORT_CACHE_MAX_ENTRIES): TReportCache {
  const entries = new Map<string, TReport>();
  return {
    get(key, build) {
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const report = deepFreeze(build());
      entries.set(key, report);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return report;
    },
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
    },
  };
}
