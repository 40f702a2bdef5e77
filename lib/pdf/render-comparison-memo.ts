import { COMPARE_MAX, COMPARE_MIN } from "@/lib/domain/portfolio";
import type { TReport } from "@/lib/domain/report";
import { renderMemoDocument } from "./engine/render";
import { comparisonMemoDocument } from "./memo/comparison";
import type { TMemoOptions } from "./memo/options";

export { BEST_MARK } from "./memo/comparison";

/** Side-by-side memo of 2-4 reports as tagged PDF bytes: the comparison table and overlaid charts. */
export async function renderComparisonMemo(reports: readonly TReport[], options: TMemoOptions): Promise<Buffer> {
  if (reports.length < COMPARE_MIN || reports.length > COMPARE_MAX) throw new RangeError(`Compare ${COMPARE_MIN} to ${COMPARE_MAX} assessments (got ${reports.length}).`);
  return (await renderMemoDocument(comparisonMemoDocument(reports, options))).bytes;
}
