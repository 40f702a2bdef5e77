// Fills in the portfolio summary columns of rows written before they existed (or before the last
// change of their meaning, SUMMARY_VERSION). Run by the seed on every `db:setup`; idempotent.
import { SUMMARY_VERSION, summaryForAssessment, type TSummaryColumns } from "@/lib/domain/report";
import { canonicalJson } from "@/lib/domain/report";
import { upgradeInputs, ZPriceBookValues, type TPriceBook } from "@/lib/domain/assessment";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const BATCH = 200;

/** Many assessments share content (bulk seeds, duplicates): compute each distinct one once. */
export function memoisedSummary(): (a: { title: string; description: string; candidateModelId: string; incumbentApiId: string }, rawInputs: unknown, priceBook?: TPriceBook | null) => TSummaryColumns {
  const cache = new Map<string, TSummaryColumns>();
  return (a, rawInputs, priceBook = null) => {
    const inputs = upgradeInputs(rawInputs);
    // Title and description do not move any figure; the models, the inputs and the price book do.
    const key = canonicalJson([a.candidateModelId, a.incumbentApiId, inputs, priceBook?.values ?? null]);
    let s = cache.get(key);
    if (!s) {
      s = summaryForAssessment({ id: "summary", ...a }, inputs, priceBook);
      cache.set(key, s);
    }
    return s;
  };
}

export async function backfillSummaries(db: PrismaClient): Promise<number> {
  const summarise = memoisedSummary();
  let done = 0;
  for (;;) {
    const rows = await db.assessment.findMany({
      where: { summaryVersion: { lt: SUMMARY_VERSION } },
      select: { id: true, title: true, description: true, candidateModelId: true, incumbentApiId: true, inputs: true, organization: { select: { priceBook: { select: { version: true, values: true, updatedByName: true, updatedAt: true } } } } },
      take: BATCH,
    });
    if (rows.length === 0) return done;
    for (const r of rows) {
      let summary: TSummaryColumns;
      try {
        const b = r.organization.priceBook;
        summary = summarise(r, r.inputs, b ? { version: b.version, values: ZPriceBookValues.parse(b.values), updatedByName: b.updatedByName, updatedAt: b.updatedAt.toISOString() } : null);
      } catch (e) {
        // An unreadable row keeps null figures but is not retried forever; the page shows the error.
        console.warn(`Assessment ${r.id}: summary not computed (${(e as Error).message})`);
        await db.assessment.update({ where: { id: r.id }, data: { summaryVersion: SUMMARY_VERSION } });
        continue;
      }
      // updatedAt is left alone: this is maintenance, not an edit.
      await db.$executeRaw`UPDATE "Assessment" SET "verdict" = ${summary.verdict}::"AssessmentVerdict", "monthlyOwnedUsd" = ${summary.monthlyOwnedUsd}, "monthlyApiUsd" = ${summary.monthlyApiUsd}, "crossoverTokensPerMonth" = ${summary.crossoverTokensPerMonth}, "capabilityGapPp" = ${summary.capabilityGapPp}, "licenceBlockers" = ${summary.licenceBlockers}, "summaryVersion" = ${summary.summaryVersion} WHERE "id" = ${r.id}`;
      done++;
    }
  }
}
