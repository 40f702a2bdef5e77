"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { transferOwnershipAction } from "@/lib/actions/members";
import { fieldError, formError } from "@/lib/actions/result";

/** An owner hands the owner role to another member and becomes a manager. */
export function TransferOwnershipForm({ slug, candidates }: { slug: string; candidates: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(transferOwnershipAction.bind(null, slug), null);
  const error = formError(state);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        const name = candidates.find((c) => c.id === new FormData(e.currentTarget).get("memberId"))?.name ?? "this member";
        if (!window.confirm(`Make ${name} an owner and step down to manager? Only an owner can give the owner role back.`)) e.preventDefault();
      }}
      noValidate
      className="flex flex-col gap-3"
    >
      {error ? <FormMessage kind="error">{error}</FormMessage> : null}
      {state?.kind === "ok" ? <FormMessage kind="success">{state.message}</FormMessage> : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <SelectField
          label="New owner"
          name="memberId"
          placeholder="Choose a member…"
          defaultValue=""
          error={fieldError(state, "memberId")}
          groups={[{ label: "Members", options: candidates.map((c) => ({ value: c.id, label: c.name })) }]}
        />
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Transferring…" : "Transfer ownership"}
        </Button>
      </div>
    </form>
  );
}
