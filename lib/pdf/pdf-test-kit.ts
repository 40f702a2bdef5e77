// Test helpers: build reports the way the app does (pdf-reader.ts reads the memos back).
import { ZAssessmentInputs, type TAssessmentInputs } from "@/lib/domain/assessment";
import { buildReport } from "@/lib/domain/report";
import type { TReport } from "@/lib/domain/report";
import { ASSESSMENT_TEMPLATES } from "@/lib/domain/assessment";

export const GENERATED_AT = new Date("2026-11-28T09:30:00.000Z");

export function reportFrom(args: { id: string; title: string; description?: string; candidateModelId: string; incumbentApiId: string; inputs: TAssessmentInputs; version?: number }): TReport {
  return buildReport({
    assessment: {
      id: args.id,
      title: args.title,
      description: args.description ?? "",
      candidateModelId: args.candidateModelId,
      incumbentApiId: args.incumbentApiId,
      status: "draft",
      version: args.version ?? 1,
      updatedAt: "2026-11-20T12:00:00.000Z",
    },
    inputs: args.inputs,
    // Fewer samples keep the suite quick; the memo prints whatever the model holds.
    options: { monteCarloSamples: 2_000 },
  });
}

export function templateReport(index: number, title?: string, description?: string): TReport {
  const t = ASSESSMENT_TEMPLATES[index];
  return reportFrom({ id: t.id, title: title ?? t.name, description, candidateModelId: t.candidateModelId, incumbentApiId: t.incumbentApiId, inputs: t.inputs });
}

/** Non-empty lines of a page's layout text, the footer's two lines excluded. */
export function bodyLines(pageText: string): string[] {
  return pageText.split("\n").filter((l) => l.trim() !== "" && !/^\s*(Freehold ·|generated )/.test(l) && !/Page \d+ of \d+\s*$/.test(l));
}

export function emptyReport(title = "Nothing entered yet"): TReport {
  const t = ASSESSMENT_TEMPLATES[0];
  return reportFrom({ id: "empty", title, candidateModelId: t.candidateModelId, incumbentApiId: t.incumbentApiId, inputs: ZAssessmentInputs.parse({}) });
}
