"use client";
import { useActionState } from "react";
import { setReviewPolicyAction } from "@/lib/actions/organisations";
import { formError, isFailure } from "@/lib/actions/result";
import { SaveRow } from "@/components/ui/save-row";

export function ReviewPolicyForm({ slug, allowSelfApproval, canChange }: { slug: string; allowSelfApproval: boolean; canChange: boolean }) {
  const [state, action, pending] = useActionState(setReviewPolicyAction.bind(null, slug), null);
  const error = formError(state) ?? (isFailure(state) && state.kind === "invalid" ? state.errors.policy : undefined);
  const current = allowSelfApproval ? "self-allowed" : "separate";
  return (
    <form action={action} className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-2" disabled={!canChange}>
        <legend className="mb-1 font-medium">Who may approve a submission</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="policy" value="separate" defaultChecked={current === "separate"} className="mt-1" />
          <span>
            <strong>Someone other than the submitter</strong> (recommended: separation of duties). An owner or manager who submitted a version cannot approve it.
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="policy" value="self-allowed" defaultChecked={current === "self-allowed"} className="mt-1" />
          <span>
            <strong>The submitter may approve their own submission</strong> (small teams). Each such approval is marked on the history and the PDF memo as
            approved by the submitter, allowed by organisation policy.
          </span>
        </label>
      </fieldset>
      {canChange ? (
        <SaveRow label="Save review policy" pending={pending} error={error} okText={state && !isFailure(state) ? "Saved" : null} />
      ) : (
        <p className="text-sm text-slate-700">Only an owner can change this.</p>
      )}
    </form>
  );
}
