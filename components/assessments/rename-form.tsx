"use client";
import { useActionState } from "react";
import { renameAssessmentAction, type TRenameState } from "@/app/o/[slug]/assessments/actions";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";

export function RenameForm({ slug, id, title, version }: { slug: string; id: string; title: string; version: number }) {
  const [state, action, pending] = useActionState<TRenameState, FormData>(renameAssessmentAction.bind(null, slug, id), {});
  // The page re-renders with the newest version after any save; our own last save may be newer.
  const currentVersion = Math.max(state.version ?? 0, version);
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      {state.errors?.form ? <FormMessage kind="error">{state.errors.form}</FormMessage> : null}
      {state.ok ? <FormMessage kind="success">Saved as version {currentVersion}.</FormMessage> : null}
      <input type="hidden" name="version" value={currentVersion} />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field label="Title" name="title" defaultValue={state.values?.title ?? title} error={state.errors?.title} className="sm:w-96" />
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Rename"}
        </Button>
      </div>
    </form>
  );
}
