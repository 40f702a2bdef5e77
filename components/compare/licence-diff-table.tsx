import { columnLetter, type TComparison } from "@/lib/domain/report";
import type { TFindingSeverity } from "@/lib/domain/licence";
import { ColumnLetter } from "./comparison-table";

const SEVERITY: Record<TFindingSeverity, { label: string; className: string }> = {
  blocker: { label: "Blocker", className: "bg-red-100 text-red-900" },
  "needs-counsel": { label: "Needs counsel", className: "bg-amber-100 text-amber-900" },
  obligation: { label: "Obligation", className: "bg-sky-100 text-sky-900" },
  clear: { label: "Clear", className: "bg-green-100 text-green-900" },
};

/** "acceptable-use" reads "Acceptable use". */
const topicText = (topic: string) => topic.charAt(0).toUpperCase() + topic.slice(1).replaceAll("-", " ");

/** The licence findings whose severity (or presence) differs between the compared assessments. */
export function LicenceDiffTable({ comparison }: { comparison: TComparison }) {
  if (comparison.licenceFindingDiffs.length === 0) return <p className="text-sm text-slate-700">The licence findings are the same for every assessment compared.</p>;
  // Every diff row carries each report's licence name; the first row's serve as column subtitles.
  const licenceNames = comparison.licenceFindingDiffs[0].cells.map((c) => c.licenceName ?? "Licence not known");
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} role="region" aria-label="Licence findings that differ (scrolls sideways on narrow screens)">
      <table className="w-full min-w-[40rem] text-sm">
        <caption className="sr-only">Licence findings that differ between the assessments, with their severities</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="w-48 px-3 py-2 text-left font-medium text-slate-700">
              Topic
            </th>
            {comparison.reports.map((r, i) => (
              <th key={r.id} scope="col" className="px-3 py-2 text-left align-top font-normal">
                <span className="flex items-start gap-2">
                  <ColumnLetter index={i} />
                  <span>
                    <span className="sr-only">{columnLetter(i)}: </span>
                    <span className="font-semibold">{r.title}</span>
                    <span className="block text-xs text-slate-700">{licenceNames[i]}</span>
                  </span>
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparison.licenceFindingDiffs.map((d) => (
            <tr key={d.key} className="border-t border-slate-200">
              <th scope="row" className="px-3 py-2 text-left align-top font-medium">
                {topicText(d.topic)}
              </th>
              {d.cells.map((c) => (
                <td key={c.reportId} className="px-3 py-2 align-top">
                  {c.severity ? (
                    <>
                      <span className={`inline-block rounded px-1.5 text-xs font-semibold ${SEVERITY[c.severity].className}`}>{SEVERITY[c.severity].label}</span> {c.title}
                    </>
                  ) : (
                    <span className="text-slate-700">Not raised</span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
