import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldFrame } from "@/components/ui/field-frame";

type TFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  hint?: ReactNode;
  error?: string;
};

/** A labelled input whose error is announced and tied to it with aria-describedby. */
export function Field({ label, name, hint, error, id, className = "", ...props }: TFieldProps) {
  return (
    <FieldFrame id={id ?? `field-${name}`} label={label} hint={hint} error={error} className={className}>
      {({ inputId, describedBy, invalid }) => (
        <input
          id={inputId}
          name={name}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          className={`rounded-md border px-3 py-2 text-sm shadow-sm ${error ? "border-red-700" : "border-slate-300"} bg-white`}
          {...props}
        />
      )}
    </FieldFrame>
  );
}

export function FormMessage({ kind, children }: { kind: "error" | "success" | "info"; children: ReactNode }) {
  const styles = {
    error: "border-red-300 bg-red-50 text-red-800",
    success: "border-green-300 bg-green-50 text-green-800",
    info: "border-slate-300 bg-white text-slate-800",
  }[kind];
  return (
    <div role={kind === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${styles}`}>
      {children}
    </div>
  );
}
