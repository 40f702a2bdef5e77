"use client";
import { useActionState } from "react";
import { signOffStageAction } from "@/lib/actions/review";
import { fieldError, formError, submittedValue } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { TextAreaField } from "./text-area-field";

export function SignOffForm({ slug, id, stage }: { slug: string; id: string; stage: string }) {
  const [state, action, pending] = useActionState(signOffStageAction.bind(null, slug, id, stage), null);
  const error = formError(state);
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      {error ? <FormMessage kind="error">{error}</FormMessage> : null}
      {state?.kind === "ok" ? <FormMessage kind="success">{state.message}</FormMessage> : null}
      <TextAreaField label="Sign-off note (optional)" name="text" id="sign-off-note" defaultValue={submittedValue(state, "text") ?? ""} error={fieldError(state, "text")} hint="What you checked, e.g. “Counsel read clause 2”." />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Signing off…" : "Sign off this stage"}
        </Button>
      </div>
    </form>
  );
}
