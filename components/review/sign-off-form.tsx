"use client";
import { useActionState } from "react";
import { signOffStageAction, type TReviewState } from "@/app/o/[slug]/assessments/review-actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { TextAreaField } from "./text-area-field";

export function SignOffForm({ slug, id, stage }: { slug: string; id: string; stage: string }) {
  const [state, action, pending] = useActionState<TReviewState, FormData>(signOffStageAction.bind(null, slug, id, stage), {});
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      {state.errors?.form ? <FormMessage kind="error">{state.errors.form}</FormMessage> : null}
      {state.ok ? <FormMessage kind="success">{state.ok}</FormMessage> : null}
      <TextAreaField label="Sign-off note (optional)" name="text" id="sign-off-note" defaultValue={state.values?.text ?? ""} error={state.errors?.text} hint="What you checked, e.g. “Counsel read clause 2”." />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Signing off…" : "Sign off this stage"}
        </Button>
      </div>
    </form>
  );
}
