import type { TReport } from "@/lib/domain/report";
import { renderMemoDocument } from "./engine/render";
import { comparisonMemoDocument } from "./memo/comparison";
import type { TMemoOptions } from "./memo/options";

export { BEST_MARK } from "./memo/comparison";

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

/** Side-by-side memo of 2-4 reports as tagged PDF bytes: the comparison table and overlaid charts. */
export async function renderComparisonMemo(reports: readonly TReport[], options: TMemoOptions): Promise<Buffer> {
  if (reports.length < MIN_COMPARED || reports.length > MAX_COMPARED) throw new RangeError(`Compare ${MIN_COMPARED} to ${MAX_COMPARED} assessments (got ${reports.length}).`);
  return (await renderMemoDocument(comparisonMemoDocument(reports, options))).bytes;
}
