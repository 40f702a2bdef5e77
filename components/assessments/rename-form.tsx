"use client";
import { useActionState } from "react";
import { renameAssessmentAction } from "@/lib/actions/assessments";
import { fieldError, formError, submittedValue } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";

export function RenameForm({ slug, id, title, version }: { slug: string; id: string; title: string; version: number }) {
  const [state, action, pending] = useActionState(renameAssessmentAction.bind(null, slug, id), null);
  const saved = state?.kind === "ok" ? state : null;
  const error = formError(state) ?? fieldError(state, "version");
  // The page re-renders with the newest version after any save; our own last save may be newer.
  const currentVersion = Math.max(saved?.version ?? 0, version);
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      {error ? <FormMessage kind="error">{error}</FormMessage> : null}
      {saved ? <FormMessage kind="success">Saved as version {currentVersion}.</FormMessage> : null}
      <input type="hidden" name="version" value={currentVersion} />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field label="Title" name="title" defaultValue={saved?.title ?? submittedValue(state, "title") ?? title} error={fieldError(state, "title")} className="sm:w-96" />
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Rename"}
        </Button>
      </div>
    </form>
  );
}
