import "server-only";
import type { TAssessmentSummary } from "@/lib/domain/assessment";
import type { TAssessmentInputs } from "@/lib/domain/assessment";
import { buildReport, type TReport } from "@/lib/domain/report";
import { createReportCache, reportCacheKey, type TReportCacheVersions } from "./report-cache";

// One cache per server process, kept on globalThis so a dev-mode reload does not start a second.
const globalForReports = globalThis as unknown as { freeholdReports?: ReturnType<typeof createReportCache> };
const reports = (globalForReports.freeholdReports ??= createReportCache());

/**
 * The one report every wizard page, action and PDF shows, from a DAL row and its inputs, with the
 * organisation's price book the row carries: built once per version of the assessment, of the
 * catalog and of the price book (see report-cache.ts) and then shared, so the Monte Carlo runs once
 * per saved version rather than on every page request. The inputs must be the row's own (they
 * change only with its version).
 */
export function reportFor(a: TAssessmentSummary, inputs: TAssessmentInputs, versions?: TReportCacheVersions): TReport {
  // Catalog figures show their age as of today, not as of the assessment's last edit, so the day is
  // part of the cache key: a report cached yesterday would print yesterday's ages.
  const today = new Date().toISOString().slice(0, 10);
  const key = reportCacheKey(a, { pricingVersion: pricingVersion(a), ...versions, catalogVersion: `${versions?.catalogVersion ?? "built-in"}@${today}` });
  return reports.get(key, () =>
    buildReport({
      assessment: {
        id: a.id,
        title: a.title,
        description: a.description,
        candidateModelId: a.candidateModelId,
        incumbentApiId: a.incumbentApiId,
        status: a.status,
        version: a.version,
        updatedAt: a.updatedAt.toISOString(),
      },
      inputs,
      priceBook: a.priceBook ?? null,
      options: { today },
    }),
  );
}

/** The version of the price book a report of this row uses; 0 when the organisation has none. */
export function pricingVersion(a: TAssessmentSummary): number {
  return a.priceBook?.version ?? 0;
}
