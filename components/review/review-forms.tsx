"use client";
import { useActionState } from "react";
import { decideReviewAction, submitForReviewAction, withdrawSubmissionAction } from "@/lib/actions/review";
import { fieldError, formError, submittedValue, type TFormState } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { TextAreaField } from "./text-area-field";

function Messages({ state }: { state: TFormState<{ kind: "ok"; message: string }> }) {
  const error = formError(state);
  if (error) return <FormMessage kind="error">{error}</FormMessage>;
  return state?.kind === "ok" ? <FormMessage kind="success">{state.message}</FormMessage> : null;
}

export function SubmitForReviewForm({ slug, id, version }: { slug: string; id: string; version: number }) {
  const [state, action, pending] = useActionState(submitForReviewAction.bind(null, slug, id), null);
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      <Messages state={state} />
      <input type="hidden" name="version" value={version} />
      <TextAreaField label="Note for the reviewer (optional)" name="text" id="review-note" defaultValue={submittedValue(state, "text") ?? ""} error={fieldError(state, "text")} hint="What changed, or what to look at first." />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Submitting…" : "Submit for review"}
        </Button>
      </div>
    </form>
  );
}

export function WithdrawForm({ slug, id }: { slug: string; id: string }) {
  const [state, action, pending] = useActionState(withdrawSubmissionAction.bind(null, slug, id), null);
  return (
    <form action={action} className="flex flex-col gap-2">
      <Messages state={state} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Withdrawing…" : "Withdraw"}
        </Button>
      </div>
      <p className="text-xs text-slate-600">Takes the submission back so the assessment can be edited; the submitted snapshot stays in the history.</p>
    </form>
  );
}

/** One comment box, two buttons: the button pressed is the outcome. */
export function DecisionForm({ slug, id }: { slug: string; id: string }) {
  const [state, action, pending] = useActionState(decideReviewAction.bind(null, slug, id), null);
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      <Messages state={state} />
      <TextAreaField label="Comment" name="text" id="review-comment" defaultValue={submittedValue(state, "text") ?? ""} error={fieldError(state, "text")} hint="Optional when approving; required when rejecting (it is what the analyst works from)." />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="outcome" value="approved" disabled={pending}>
          Approve
        </Button>
        <Button type="submit" name="outcome" value="rejected" variant="danger" disabled={pending}>
          Reject
        </Button>
      </div>
    </form>
  );
}
