"use client";
import { useActionState } from "react";
import { acceptInvitationAction } from "@/lib/actions/members";
import { formError } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";

export function AcceptForm({ invitationId }: { invitationId: string }) {
  const [state, action, pending] = useActionState(acceptInvitationAction.bind(null, invitationId), null);
  const error = formError(state);
  return (
    <form action={action} className="flex flex-col gap-3">
      {error ? <FormMessage kind="error">{error}</FormMessage> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Joining…" : "Accept invitation"}
      </Button>
    </form>
  );
}
