"use client";
import { useActionState, useState, type FormEvent } from "react";
import { importAssessmentAction } from "@/lib/actions/assessments";
import { fieldError, formError } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";

const chars = new Intl.NumberFormat("en-US");

/** Upload of a Freehold JSON export; every reason a file is refused is listed next to the field. */
export function ImportAssessmentForm({ slug, maxChars }: { slug: string; maxChars: number }) {
  const [state, action, pending] = useActionState(importAssessmentAction.bind(null, slug), null);
  const [tooLarge, setTooLarge] = useState("");
  const refused = fieldError(state, "file") ?? formError(state);
  const errors = tooLarge ? [tooLarge] : refused ? refused.split("\n") : [];

  // Checked here as well as on the server: a file over the limit would otherwise be cut off by
  // the server action's request size limit with a generic error instead of this message.
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    const file = new FormData(e.currentTarget).get("file");
    if (file instanceof File && file.size > maxChars) {
      e.preventDefault();
      setTooLarge(`The file is too large (${chars.format(file.size)} bytes; the limit is ${chars.format(maxChars)}).`);
    } else setTooLarge("");
  }

  return (
    <form action={action} onSubmit={onSubmit} className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="import-file" className="text-sm font-medium text-slate-800">
          Assessment file (JSON)
        </label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".json,application/json"
          required
          aria-invalid={errors.length > 0 ? true : undefined}
          aria-describedby={`import-file-hint${errors.length > 0 ? " import-file-errors" : ""}`}
          className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
        />
        <p id="import-file-hint" className="text-xs text-slate-600">
          A file made with &ldquo;Export JSON&rdquo; on an assessment, from this or another organisation. It becomes a new draft here.
        </p>
        {errors.length > 0 ? (
          <div id="import-file-errors" role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            <p className="font-medium">Nothing was imported:</p>
            <ul className="mt-1 list-disc pl-5">
              {errors.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Importing…" : "Import assessment"}
        </Button>
      </div>
    </form>
  );
}
