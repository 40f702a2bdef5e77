"use client";
import { useActionState } from "react";
import { duplicateAssessmentAction, type TDuplicateState } from "@/app/o/[slug]/assessments/wizard-actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";

export function DuplicateForm({ slug, id }: { slug: string; id: string }) {
  const [state, action, pending] = useActionState<TDuplicateState, FormData>(duplicateAssessmentAction.bind(null, slug, id), {});
  return (
    <form action={action} className="flex flex-col items-start gap-2">
      {state.error ? <FormMessage kind="error">{state.error}</FormMessage> : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Duplicating…" : "Duplicate assessment"}
      </Button>
      <p className="text-xs text-slate-600">Creates “Copy of …” with every stage&apos;s inputs.</p>
    </form>
  );
}
