import type { SelectHTMLAttributes } from "react";

type TOption = { value: string; label: string };
type TGroup = { label: string; options: TOption[] };

type TProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  groups: TGroup[];
  placeholder?: string;
  hint?: string;
  error?: string;
};

export function SelectField({ label, name, groups, placeholder, hint, error, id, className = "", ...props }: TProps) {
  const selectId = id ?? `field-${name}`;
  const hintId = hint ? `${selectId}-hint` : undefined;
  const errorId = error ? `${selectId}-error` : undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={selectId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={selectId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={`rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${error ? "border-red-700" : "border-slate-300"}`}
        {...props}
      >
        {placeholder ? <option value="">{placeholder}</option> : null}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
