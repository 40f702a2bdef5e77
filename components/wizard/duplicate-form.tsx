"use client";
import { useActionState } from "react";
import { duplicateAssessmentAction } from "@/lib/actions/assessments";
import { formError } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";

export function DuplicateForm({ slug, id }: { slug: string; id: string }) {
  const [state, action, pending] = useActionState(duplicateAssessmentAction.bind(null, slug, id), null);
  const error = formError(state);
  return (
    <form action={action} className="flex flex-col items-start gap-2">
      {error ? <FormMessage kind="error">{error}</FormMessage> : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Duplicating…" : "Duplicate assessment"}
      </Button>
      <p className="text-xs text-slate-600">Creates “Copy of …” with every stage&apos;s inputs.</p>
    </form>
  );
}
