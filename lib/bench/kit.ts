// What the benchmark scripts share: order statistics of timings, and the report input of a template
// (the first template is the benchmark's workload: every stage filled in).
import { ASSESSMENT_TEMPLATES } from "../domain/assessment/templates";
import type { TBuildReportArgs } from "../domain/report/report";

export function stats(samples: number[]): { median: number; p90: number; p95: number; min: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  return { median: at(0.5), p90: at(0.9), p95: at(0.95), min: sorted[0] };
}

export function templateReportArgs(index = 0): { template: (typeof ASSESSMENT_TEMPLATES)[number]; args: TBuildReportArgs } {
  const template = ASSESSMENT_TEMPLATES[index];
  return {
    template,
    args: {
      assessment: {
        id: "bench",
        title: template.name,
        description: template.description,
        candidateModelId: template.candidateModelId,
        incumbentApiId: template.incumbentApiId,
        status: "draft",
        version: 1,
        updatedAt: "2026-01-01T00:00:00.000Z",
      },
      inputs: template.inputs,
    },
  };
}
