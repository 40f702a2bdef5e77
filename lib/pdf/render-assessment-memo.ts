import type { TReport } from "@/lib/domain/report";
import { renderMemoDocument } from "./engine/render";
import { assessmentMemoDocument } from "./memo/assessment";
import type { TMemoOptions } from "./memo/options";

export type { TMemoOptions, TSignOff } from "./memo/options";

/** The assessment's decision memo as tagged PDF bytes, drawn only from the report model. */
export async function renderAssessmentMemo(report: TReport, options: TMemoOptions): Promise<Buffer> {
  return (await renderMemoDocument(assessmentMemoDocument(report, options))).bytes;
}
