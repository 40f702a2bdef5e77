import "server-only";
import type { TAssessmentSummary } from "@/lib/domain/assessment";
import type { TAssessmentInputs } from "@/lib/domain/assessment";
import { buildReport, type TReport } from "@/lib/domain/report";

/**
 * The one report every wizard page and action shows, from a DAL row and its inputs, with the
 * organisation's price book the row carries. A cache of reports keys on the assessment's version
 * and `pricingVersion(a)`.
 */
export function reportFor(a: TAssessmentSummary, inputs: TAssessmentInputs): TReport {
  return buildReport({
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
  });
}

/** The version of the price book a report of this row uses; 0 when the organisation has none. */
export function pricingVersion(a: TAssessmentSummary): number {
  return a.priceBook?.version ?? 0;
}
