import type { SelectHTMLAttributes } from "react";
import { FieldFrame } from "@/components/ui/field-frame";

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
  return (
    <FieldFrame id={id ?? `field-${name}`} label={label} hint={hint} error={error} className={className}>
      {({ inputId, describedBy, invalid }) => (
        <select
          id={inputId}
          name={name}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          className={`w-full min-w-0 rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${error ? "border-red-700" : "border-slate-300"}`}
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
      )}
    </FieldFrame>
  );
}
