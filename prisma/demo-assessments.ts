// The demo organisations' assessments: the product's own templates, with short titles.
import { CURRENT_INPUTS_SCHEMA_VERSION, type TAssessmentInputs } from "@/lib/domain/assessment";
import { getTemplate } from "@/lib/domain/assessment";
import type { Prisma } from "@/lib/generated/prisma/client";

type TDemoAssessment = {
  title: string;
  description: string;
  candidateModelId: string;
  incumbentApiId: string;
  inputs: Prisma.InputJsonValue;
  inputsSchemaVersion: number;
};

const DEMO_TITLES: Record<string, [templateId: string, title: string][]> = {
  northwind: [
    ["support-summarisation", "Support summarisation: Llama 3.3 70B vs GPT-4o"],
    ["internal-code-assistant", "Internal code assistant: Qwen2.5 72B vs Claude Sonnet 4.5"],
    ["ticket-triage", "Ticket triage: Llama 3.1 8B vs GPT-4o mini"],
  ],
  fabrikam: [["contract-extraction-eu", "Contract clause extraction: Mistral Small 24B vs GPT-4o mini"]],
};

export function demoAssessments(orgSlug: string): TDemoAssessment[] {
  return (DEMO_TITLES[orgSlug] ?? []).map(([templateId, title]) => {
    const t = getTemplate(templateId);
    if (!t) throw new Error(`Demo data names an unknown template "${templateId}"`);
    return {
      title,
      description: t.description,
      candidateModelId: t.candidateModelId,
      incumbentApiId: t.incumbentApiId,
      inputs: t.inputs satisfies TAssessmentInputs as Prisma.InputJsonValue,
      inputsSchemaVersion: CURRENT_INPUTS_SCHEMA_VERSION,
    };
  });
}
