"use client";
import { useActionState } from "react";
import { deleteAssessmentAction } from "@/lib/actions/assessments";
import { formError } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";

export function DeleteForm({ slug, id, title }: { slug: string; id: string; title: string }) {
  const [state, action, pending] = useActionState(deleteAssessmentAction.bind(null, slug, id), null);
  const error = formError(state);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Delete "${title}"? Its audit history is kept, but the assessment cannot be restored.`)) e.preventDefault();
      }}
      className="flex flex-col gap-2"
    >
      {error ? <FormMessage kind="error">{error}</FormMessage> : null}
      <div>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Deleting…" : "Delete assessment"}
        </Button>
      </div>
    </form>
  );
}
