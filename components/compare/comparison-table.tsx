import Link from "next/link";
import { columnLetter, VERDICT_LABEL, type TComparison, type TComparisonRow } from "@/lib/domain/report";
import type { TVerdict } from "@/lib/domain/recommendation";
import type { TAssessmentStatus } from "@/lib/domain/assessment";
import { StatusBadge } from "../assessments/status-badge";
import { COMPARE_COLORS } from "./colors";

const VERDICT_CLASS: Record<TVerdict, string> = {
  "go-self-host": "bg-green-100 text-green-900",
  "go-hosted": "bg-emerald-100 text-emerald-900",
  hybrid: "bg-sky-100 text-sky-900",
  stay: "bg-slate-200 text-slate-900",
  blocked: "bg-red-100 text-red-900",
  insufficient: "bg-amber-100 text-amber-900",
};
const GROUP_HEADING: Partial<Record<TComparisonRow["group"], string>> = { "key-figure": "Key figures", stage: "Stage outcomes" };

/** A column's letter in its chart colour, so the table, legends and markers read together. */
export function ColumnLetter({ index }: { index: number }) {
  return (
    <span aria-hidden="true" className="inline-flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-bold text-white" style={{ backgroundColor: COMPARE_COLORS[index] }}>
      {columnLetter(index)}
    </span>
  );
}

function Row({ row }: { row: TComparisonRow }) {
  return (
    <tr data-row={row.key} data-differs={row.differs || undefined} className={`border-t border-slate-200 ${row.differs ? "bg-amber-50" : ""}`}>
      <th scope="row" className={`px-3 py-2 text-left align-top font-medium ${row.differs ? "border-l-4 border-amber-500" : "border-l-4 border-transparent"}`}>
        {row.label}
        {row.unit ? <span className="block text-xs font-normal text-slate-700">{row.unit}</span> : null}
        {row.differs ? <span className="mt-1 block w-fit rounded bg-amber-200 px-1.5 text-xs font-normal text-amber-950">Differs</span> : null}
      </th>
      {row.cells.map((c) => (
        <td key={c.reportId} data-best={c.isBest || undefined} className={`px-3 py-2 align-top tabular-nums ${c.isBest ? "bg-green-50 font-semibold text-green-950" : ""}`}>
          {c.display}
          {c.isBest ? <span className="ml-2 inline-block rounded bg-green-700 px-1.5 text-xs font-semibold text-white">Best</span> : null}
        </td>
      ))}
    </tr>
  );
}

/** The side-by-side table: one column per assessment, one row per figure and stage; best and differing values marked in words, not colour alone. */
export function ComparisonTable({ slug, comparison, rows, reviews }: { slug: string; comparison: TComparison; rows: TComparisonRow[]; reviews: { status: TAssessmentStatus; signOffs: number }[] }) {
  const groups = [...new Set(rows.map((r) => r.group))];
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} role="region" aria-label="Side-by-side comparison (scrolls sideways on narrow screens)">
      <table className="w-full min-w-[40rem] text-sm">
        <caption className="sr-only">Side-by-side comparison of {comparison.reports.length} assessments. “Best” marks the best value in a row; “Differs” marks rows whose values are not all the same.</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="w-48 px-3 py-2 text-left font-medium text-slate-700">
              Figure
            </th>
            {comparison.reports.map((r, i) => (
              <th key={r.id} scope="col" className="px-3 py-2 text-left align-top font-normal">
                <span className="flex items-start gap-2">
                  <ColumnLetter index={i} />
                  <span className="flex flex-col gap-1">
                    <Link href={`/o/${slug}/assessments/${r.id}`} className="font-semibold text-brand-700 underline">
                      <span className="sr-only">{columnLetter(i)}: </span>
                      {r.title}
                    </Link>
                    <span className="text-xs text-slate-700">
                      {r.candidateName} vs {r.incumbentName}
                    </span>
                    <span className={`w-fit rounded-full px-2 py-0.5 text-xs font-medium ${VERDICT_CLASS[r.verdict]}`}>{VERDICT_LABEL[r.verdict]}</span>
                    {reviews[i] ? (
                      <span className="flex flex-wrap items-center gap-1 text-xs text-slate-700" data-review-status={reviews[i].status}>
                        <StatusBadge status={reviews[i].status} />
                        {reviews[i].signOffs === 0 ? "no sign-offs" : `${reviews[i].signOffs} sign-off${reviews[i].signOffs === 1 ? "" : "s"}`}
                      </span>
                    ) : null}
                  </span>
                </span>
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g}>
            {GROUP_HEADING[g] ? (
              <tr className="border-t border-slate-300 bg-slate-100">
                <th scope="rowgroup" colSpan={comparison.reports.length + 1} className="px-3 py-1.5 text-left text-xs font-semibold tracking-wide text-slate-800 uppercase">
                  {GROUP_HEADING[g]}
                </th>
              </tr>
            ) : null}
            {rows
              .filter((r) => r.group === g)
              .map((r) => (
                <Row key={r.key} row={r} />
              ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
