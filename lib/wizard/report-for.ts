import "server-only";
import type { TAssessmentSummary } from "@/lib/domain/assessment";
import type { TAssessmentInputs } from "@/lib/domain/assessment";
import { buildReport, type TReport } from "@/lib/domain/report";

/** The one report every wizard page and action shows, from a DAL row and its inputs. */
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
    // Catalog figures show their age as of today, not as of the assessment's last edit.
    options: { today: new Date().toISOString().slice(0, 10) },
  });
}
