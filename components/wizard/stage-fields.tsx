"use client";
import { useState } from "react";
import { getIn } from "@/lib/wizard/draft";
import type { TAssumedList, TFieldGroup, TFieldSpec } from "@/lib/wizard/stage-fields";
import { formatNumberText, parseNumberText, percentReadingOf, type TPercentReading } from "@/lib/wizard/number-text";

export type TFieldContext = {
  draft: unknown;
  errors: Record<string, string>;
  defaults: Record<string, string>;
  assumed?: Record<string, TAssumedList>;
  onChange: (path: string, value: unknown) => void;
};

const inputClass = (error?: string) => `w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${error ? "border-red-700" : "border-slate-300"}`;
const fieldId = (path: string) => `f-${path.replace(/[^a-zA-Z0-9_-]/g, "-")}`;

function NumberInput({ id, value, onChange, describedBy, error, percent }: { id: string; value: unknown; onChange: (v: unknown) => void; describedBy?: string; error?: string; percent: TPercentReading }) {
  const [text, setText] = useState(formatNumberText(value));
  // Keep what the user typed ("1." or "90%") while it still means the stored value; else show the value grouped.
  const shown = parseNumberText(text, percent) === value || (value === undefined && text.trim() === "") ? text : formatNumberText(value);
  return (
    <input
      id={id}
      type="text"
      inputMode="decimal"
      value={shown}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy}
      className={inputClass(error)}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseNumberText(e.target.value, percent));
      }}
    />
  );
}

function Hint({ id, spec, defaultText }: { id: string; spec: TFieldSpec; defaultText?: string }) {
  const unit = "unit" in spec && spec.unit ? `In ${spec.unit}${percentReadingOf(spec.unit) === "fraction" ? " (90% is read as 0.9)" : ""}.` : "";
  const parts = [unit, spec.hint ?? "", defaultText ? `Default: ${defaultText}.` : ""].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <p id={id} className="text-xs text-slate-600">
      {parts.join(" ")}
    </p>
  );
}

export function FieldRenderer({ spec, path, ctx }: { spec: TFieldSpec; path: string; ctx: TFieldContext }) {
  const id = fieldId(path);
  const error = ctx.errors[path];
  const value = getIn(ctx.draft, path);
  // The report's assumption for this input when it logged one, else the spec's stated default.
  const defaultText = ctx.defaults[path] ?? (spec.defaultKey ? ctx.defaults[spec.defaultKey] : undefined) ?? spec.fallback;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hasHint = Boolean(("unit" in spec && spec.unit) || spec.hint || defaultText);
  if (spec.when && getIn(ctx.draft, spec.when.path) !== spec.when.equals) return null;
  const describedBy = [hasHint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const errorText = error ? (
    <p id={errorId} className="text-sm text-red-700">
      {error}
    </p>
  ) : null;

  if (spec.kind === "list") return <ListField spec={spec} path={path} ctx={ctx} />;
  if (spec.kind === "multi") {
    const selected = Array.isArray(value) ? (value as string[]) : [];
    return (
      <fieldset className="flex flex-col gap-1 sm:col-span-2" aria-describedby={describedBy}>
        <legend className="text-sm font-medium text-slate-800">{spec.label}</legend>
        <div className="grid grid-cols-2 gap-1 md:grid-cols-3">
          {spec.options.map((o) => (
            <label key={o.value} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={selected.includes(o.value)}
                onChange={(e) => ctx.onChange(path, e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value))}
              />
              {o.label}
            </label>
          ))}
        </div>
        <Hint id={hintId} spec={spec} defaultText={defaultText} />
        {errorText}
      </fieldset>
    );
  }
  let control;
  if (spec.kind === "number") {
    control = <NumberInput id={id} value={value} onChange={(v) => ctx.onChange(path, v)} describedBy={describedBy} error={error} percent={percentReadingOf(spec.unit)} />;
  } else if (spec.kind === "text") {
    control = (
      <input
        id={id}
        type="text"
        value={typeof value === "string" ? value : ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass(error)}
        onChange={(e) => ctx.onChange(path, e.target.value === "" ? undefined : e.target.value)}
      />
    );
  } else {
    const options = spec.kind === "bool" ? [{ value: "yes", label: "Yes" }, { value: "no", label: "No" }] : spec.options;
    const isNumeric = spec.kind === "select" && spec.isNumeric === true;
    const current = spec.kind === "bool" ? (value === true ? "yes" : value === false ? "no" : "") : typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
    control = (
      <select
        id={id}
        value={current}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass(error)}
        onChange={(e) => {
          const v = e.target.value;
          ctx.onChange(path, v === "" ? undefined : spec.kind === "bool" ? v === "yes" : isNumeric ? Number(v) : v);
        }}
      >
        <option value="">{spec.kind === "select" && spec.emptyLabel ? spec.emptyLabel : "Not answered (use default)"}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {spec.label}
      </label>
      {control}
      <Hint id={hintId} spec={spec} defaultText={defaultText} />
      {errorText}
    </div>
  );
}

/** The rows the results charge while none are entered, marked assumed with their source; one click makes them editable rows. */
function AssumedRows({ spec, assumed, onEdit }: { spec: Extract<TFieldSpec, { kind: "list" }>; assumed: TAssumedList; onEdit: () => void }) {
  const cell = (v: unknown) => (typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: 2 }) : String(v ?? ""));
  return (
    <section aria-label={`Assumed ${spec.label.toLowerCase()}`} className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3">
      <p className="text-sm text-slate-800">
        <span className="mr-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold uppercase">assumed</span>
        Nothing entered yet: the results charge these rows, {assumed.chargedText}. Source: {assumed.source}.
      </p>
      <table className="text-left text-sm">
        <thead>
          <tr>
            {spec.columns.map((c) => (
              <th key={c.path} scope="col" className="pr-4 font-medium">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {assumed.rows.map((r, i) => (
            <tr key={i}>
              {spec.columns.map((c) => (
                <td key={c.path} className="pr-4">
                  {cell(r[c.path])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <button type="button" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100" onClick={onEdit}>
          Edit the assumed {spec.label.toLowerCase()}
        </button>
      </div>
    </section>
  );
}

function ListField({ spec, path, ctx }: { spec: Extract<TFieldSpec, { kind: "list" }>; path: string; ctx: TFieldContext }) {
  const stored = getIn(ctx.draft, path) as unknown[] | undefined;
  const rows = stored ?? [];
  const assumed = stored === undefined ? ctx.assumed?.[path] : undefined;
  return (
    <div className="flex flex-col gap-3 sm:col-span-2">
      {assumed ? <AssumedRows spec={spec} assumed={assumed} onEdit={() => ctx.onChange(path, assumed.rows)} /> : rows.length === 0 ? <p className="text-sm text-slate-700">No {spec.label.toLowerCase()}: nothing is charged for it.</p> : null}
      {rows.map((_, i) => (
        <fieldset key={i} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2 lg:grid-cols-3">
          <legend className="px-1 text-sm font-semibold">
            {spec.itemLabel} {i + 1}
          </legend>
          {spec.columns.map((c) => (
            <FieldRenderer key={c.path} spec={c} path={`${path}.${i}.${c.path}`} ctx={ctx} />
          ))}
          <div className="flex items-end">
            <button
              type="button"
              className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-100"
              onClick={() => ctx.onChange(path, rows.filter((__, j) => j !== i))}
            >
              Remove {spec.itemLabel.toLowerCase()} {i + 1}
            </button>
          </div>
        </fieldset>
      ))}
      <div>
        <button type="button" className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-100" onClick={() => ctx.onChange(path, [...rows, spec.newItem])}>
          {spec.addLabel}
        </button>
      </div>
    </div>
  );
}

const holdsError = (g: TFieldGroup, errors: Record<string, string>) => Object.keys(errors).some((p) => g.fields.some((f) => p === f.path || p.startsWith(`${f.path}.`)));

function GroupFields({ group, ctx }: { group: TFieldGroup; ctx: TFieldContext }) {
  return (
    <div className={`grid gap-4 ${group.columns === 3 ? "sm:grid-cols-2 lg:grid-cols-3" : "sm:grid-cols-2"}`}>
      {group.fields.map((f) => (
        <FieldRenderer key={f.path} spec={f} path={f.path} ctx={ctx} />
      ))}
    </div>
  );
}

/** A group that stays closed until opened; it opens by itself when one of its fields is refused, so no error hides. */
function CollapsedGroup({ group, ctx }: { group: TFieldGroup; ctx: TFieldContext }) {
  const [open, setOpen] = useState(false);
  return (
    <details open={open || holdsError(group, ctx.errors)} onToggle={(e) => setOpen(e.currentTarget.open)} className="rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer text-base font-semibold">{group.title}</summary>
      <section aria-label={group.title} className="mt-3 flex flex-col gap-3">
        {group.description ? <p className="text-sm text-slate-700">{group.description}</p> : null}
        <GroupFields group={group} ctx={ctx} />
      </section>
    </details>
  );
}

export function FieldGroups({ groups, ctx }: { groups: TFieldGroup[]; ctx: TFieldContext }) {
  return (
    <>
      {groups.map((g) =>
        g.collapsed ? (
          <CollapsedGroup key={g.title} group={g} ctx={ctx} />
        ) : (
          <section key={g.title} aria-label={g.title} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="text-base font-semibold">{g.title}</h2>
            {g.description ? <p className="text-sm text-slate-700">{g.description}</p> : null}
            <GroupFields group={g} ctx={ctx} />
          </section>
        ),
      )}
    </>
  );
}
