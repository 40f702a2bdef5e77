// Where an imported export came from, for the audit trail of the copy. Read leniently: the import
// itself is validated by parseAssessmentImport; a missing or odd `source` only means less detail.
import { z } from "zod";
import { jsonDepthProblem } from "../shared";

const ZSource = z.object({
  source: z.object({
    organization: z.string().catch(""),
    assessmentId: z.string().catch(""),
  }),
});

export function importSource(text: string): { sourceOrganization: string; sourceAssessmentId: string } {
  if (jsonDepthProblem(text)) return { sourceOrganization: "", sourceAssessmentId: "" };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { sourceOrganization: "", sourceAssessmentId: "" };
  }
  const parsed = ZSource.safeParse(raw);
  if (!parsed.success) return { sourceOrganization: "", sourceAssessmentId: "" };
  // Audit detail is shown in the history; a file can put anything here, so keep it short.
  return { sourceOrganization: parsed.data.source.organization.slice(0, 200), sourceAssessmentId: parsed.data.source.assessmentId.slice(0, 64) };
}
