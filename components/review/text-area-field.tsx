import type { TextareaHTMLAttributes } from "react";
import { FieldFrame } from "@/components/ui/field-frame";

type TProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; hint?: string; error?: string };

/** A labelled textarea whose error is announced and tied to it, like Field. */
export function TextAreaField({ label, name, hint, error, id, className = "", ...props }: TProps) {
  return (
    <FieldFrame id={id ?? `field-${name}`} label={label} hint={hint} error={error} className={className}>
      {({ inputId, describedBy, invalid }) => (
        <textarea
          id={inputId}
          name={name}
          rows={3}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          className={`rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${error ? "border-red-700" : "border-slate-300"}`}
          {...props}
        />
      )}
    </FieldFrame>
  );
}
