"use client";
import { hasOtherChanges, type TAutosaveEvent, type TConflict } from "@/lib/wizard/autosave";
import { formatFieldValue, nameField } from "@/lib/wizard/field-labels";
import type { TFieldGroup } from "@/lib/wizard/stage-fields";

const fieldKey = (path: string) => `conflict-${path.replace(/[^a-zA-Z0-9_-]/g, "-")}`;

/** The fields someone else changed too, theirs beside mine: keep either per field, or all of one side. */
export function ConflictPanel({ conflict, groups, dispatch }: { conflict: TConflict; groups: TFieldGroup[]; dispatch: (e: TAutosaveEvent) => void }) {
  const hasFields = conflict.fields.length > 0;
  const isChosen = conflict.fields.every((f) => conflict.choices[f.path]);
  return (
    <div role="alert" className="flex flex-col gap-3 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
      <p>{conflict.message}</p>
      {hasFields ? (
        <>
          {hasOtherChanges(conflict) ? <p>The rest of your changes do not overlap theirs and are kept with theirs.</p> : null}
          {conflict.fields.map((f) => {
            const name = nameField(groups, f.path);
            return (
              <fieldset key={f.path} className="flex flex-col gap-1 rounded-md border border-amber-300 bg-white p-2">
                <legend className="px-1 font-medium">{name?.label ?? f.path}</legend>
                {(["theirs", "mine"] as const).map((side) => (
                  <label key={side} className="flex items-center gap-2">
                    <input
                      type="radio"
                      name={fieldKey(f.path)}
                      value={side}
                      checked={conflict.choices[f.path] === side}
                      onChange={() => dispatch({ type: "choose", path: f.path, choice: side })}
                    />
                    {side === "theirs" ? "Keep theirs" : "Keep mine"}: {formatFieldValue(name?.spec ?? null, f[side])}
                  </label>
                ))}
              </fieldset>
            );
          })}
        </>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {hasFields ? (
          <>
            <button type="button" className="rounded-md bg-brand-700 px-3 py-2 text-white disabled:opacity-60" disabled={!isChosen} onClick={() => dispatch({ type: "resolve" })}>
              Save my choices
            </button>
            <button type="button" className="rounded-md border border-slate-400 bg-white px-3 py-2" onClick={() => dispatch({ type: "resolve", choice: "theirs" })}>
              Keep all of theirs
            </button>
          </>
        ) : null}
        <button type="button" className="rounded-md bg-red-700 px-3 py-2 text-white" onClick={() => dispatch({ type: "resolve", choice: "mine" })}>
          {hasFields ? "Overwrite with my changes" : "Save again"}
        </button>
      </div>
    </div>
  );
}
