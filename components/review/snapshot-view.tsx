import { CURRENT_INPUTS_SCHEMA_VERSION } from "@/lib/domain/assessment";
import { diffInputs, type TFrozenFigure, type TVersionSide } from "@/lib/domain/report";
import { groupBy, groupByStage } from "./review-text";
import { formatFigure } from "@/lib/domain/shared";
import { labelInputChanges } from "@/lib/wizard/input-change-labels";

const EMPTY: TVersionSide = { title: "", candidateModelId: "", incumbentApiId: "", inputs: { schemaVersion: CURRENT_INPUTS_SCHEMA_VERSION } as TVersionSide["inputs"], figures: [] };

/** The frozen figures of a snapshot, by group, as they read when it was submitted. */
export function FrozenFigures({ figures }: { figures: TFrozenFigure[] }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {groupBy(figures, (f) => f.group).map(([group, list]) => (
        <div key={group} className="rounded-md border border-slate-200 p-3">
          <h3 className="pb-1 font-medium">{group}</h3>
          <dl aria-label={`${group} (frozen)`} className="flex flex-col divide-y divide-slate-100">
            {list.map((f) => (
              <div key={f.key} data-figure={f.key} className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 py-1.5 text-sm">
                <dt className="text-slate-700">{f.label}</dt>
                <dd className="text-right font-semibold tabular-nums">{formatFigure(f)}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}

/** Every input the snapshot holds, by stage. Listed as a diff from nothing, so paths and stage
 *  grouping are exactly those of the version comparison. */
export function InputsSummary({ side }: { side: TVersionSide }) {
  const rows = labelInputChanges(diffInputs(EMPTY, side).filter((c) => c.stage !== "Assessment"));
  if (rows.length === 0) return <p className="text-sm">No stage inputs were entered.</p>;
  return (
    <div className="flex flex-col gap-2">
      {groupByStage(rows).map(([stage, list]) => (
        <details key={stage} className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer font-medium">
            {stage} ({list.length} {list.length === 1 ? "input" : "inputs"})
          </summary>
          <dl className="mt-2 flex flex-col divide-y divide-slate-100 text-sm">
            {list.map((c) => (
              <div key={c.path} data-path={c.path} className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] gap-x-3 py-1">
                <dt title={c.path} className="break-words text-slate-700">
                  {c.label}
                </dt>
                <dd className="break-words">{c.after}</dd>
              </div>
            ))}
          </dl>
        </details>
      ))}
    </div>
  );
}
