// Realistic starting assessments for the demo organisations.
import { CURRENT_INPUTS_SCHEMA_VERSION } from "@/lib/domain/assessment-inputs";

type TDemoAssessment = {
  title: string;
  description: string;
  candidateModelId: string;
  incumbentApiId: string;
  inputs: { schemaVersion: number };
  inputsSchemaVersion: number;
};

export function demoAssessments(orgSlug: string): TDemoAssessment[] {
  const base = { inputs: { schemaVersion: CURRENT_INPUTS_SCHEMA_VERSION }, inputsSchemaVersion: CURRENT_INPUTS_SCHEMA_VERSION };
  if (orgSlug === "fabrikam") {
    return [
      {
        ...base,
        title: "Contract clause extraction: Mistral Small 24B vs GPT-4o mini",
        description: "Extract and classify clauses from 40k supplier contracts a month; documents may not leave the EU.",
        candidateModelId: "llama-3.3-70b-instruct",
        incumbentApiId: "openai-gpt-4o",
      },
    ];
  }
  return [
    {
      ...base,
      title: "Support summarisation: Llama 3.3 70B vs GPT-4o",
      description: "Summarise 1.2M support conversations a month for agents and QA; today on GPT-4o.",
      candidateModelId: "llama-3.3-70b-instruct",
      incumbentApiId: "openai-gpt-4o",
    },
    {
      ...base,
      title: "Internal code assistant: Qwen2.5 72B vs Claude Sonnet",
      description: "Code completion and review comments for 600 engineers, with repository code kept on-premises.",
      candidateModelId: "llama-3.3-70b-instruct",
      incumbentApiId: "openai-gpt-4o",
    },
    {
      ...base,
      title: "Ticket triage: Llama 3.1 8B vs GPT-4o mini",
      description: "Route and tag 3M inbound tickets a month; latency under 300 ms to first token.",
      candidateModelId: "llama-3.3-70b-instruct",
      incumbentApiId: "openai-gpt-4o",
    },
  ];
}
