import type { TFigureChange, TInputChange } from "@/lib/domain/report";
import { groupByStage } from "./review-text";
import { formatFigure, formatFigureValue } from "@/lib/domain/shared";
import { labelInputChanges } from "@/lib/wizard/input-change-labels";

const ABSENT = "—";

/** The change in a figure's own unit, signed: "+$1,200 /month", "−3 pp". */
function formatDelta(c: TFigureChange): string {
  if (c.delta === null) return ABSENT;
  const text = formatFigureValue(Math.abs(c.delta), c.unit);
  return c.delta > 0 ? `+${text}` : c.delta < 0 ? `−${text}` : text;
}

const cell = "border-b border-slate-100 px-2 py-1.5 align-top";
const head = "border-b border-slate-300 px-2 py-1.5 text-left font-medium";

/** Changed inputs grouped by stage, then changed figures with their deltas; "No differences" when equal. */
export function VersionDiff({ inputs, figures, fromName, toName }: { inputs: TInputChange[]; figures: TFigureChange[]; fromName: string; toName: string }) {
  if (inputs.length === 0 && figures.length === 0) {
    return (
      <p role="status" className="rounded-md border border-slate-300 bg-slate-50 p-3 text-sm">
        No differences: {fromName} and {toName} have the same inputs and figures.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="changed-inputs-heading" className="flex flex-col gap-3">
        <h3 id="changed-inputs-heading" className="text-base font-semibold">
          Changed inputs ({inputs.length})
        </h3>
        {inputs.length === 0 ? <p className="text-sm">No input changed.</p> : null}
        {groupByStage(labelInputChanges(inputs)).map(([stage, changes]) => (
          <div key={stage} className="relative overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="text-left font-medium text-slate-800">{stage}</caption>
              <thead>
                <tr>
                  <th scope="col" className={head}>Input</th>
                  <th scope="col" className={head}>{fromName}</th>
                  <th scope="col" className={head}>{toName}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.path} data-path={c.path}>
                    {/* The form's name for the field; the stored path stays in a tooltip for whoever reads the JSON. */}
                    <th scope="row" title={c.path} className={`${cell} text-left font-normal break-words`}>
                      {c.label}
                    </th>
                    <td className={`${cell} break-words`}>{c.before}</td>
                    <td className={`${cell} break-words`}>{c.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>
      <section aria-labelledby="changed-figures-heading" className="flex flex-col gap-3">
        <h3 id="changed-figures-heading" className="text-base font-semibold">
          Changed figures ({figures.length})
        </h3>
        {figures.length === 0 ? (
          <p className="text-sm">No figure changed.</p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr>
                  <th scope="col" className={head}>Figure</th>
                  <th scope="col" className={`${head} text-right`}>{fromName}</th>
                  <th scope="col" className={`${head} text-right`}>{toName}</th>
                  <th scope="col" className={`${head} text-right`}>Change</th>
                </tr>
              </thead>
              <tbody>
                {figures.map((c) => (
                  <tr key={c.key} data-figure={c.key}>
                    <th scope="row" className={`${cell} text-left font-normal`}>
                      <span className="text-xs text-slate-600">{c.group} · </span>
                      {c.label}
                    </th>
                    <td className={`${cell} text-right tabular-nums`}>{c.before ? formatFigure(c.before) : ABSENT}</td>
                    <td className={`${cell} text-right tabular-nums`}>{c.after ? formatFigure(c.after) : ABSENT}</td>
                    <td className={`${cell} text-right font-medium tabular-nums`}>{formatDelta(c)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
