"use client";
import { useActionState } from "react";
import { acceptInvitationAction, type TAcceptState } from "@/app/invite/[id]/actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";

export function AcceptForm({ invitationId }: { invitationId: string }) {
  const [state, action, pending] = useActionState<TAcceptState, FormData>(acceptInvitationAction.bind(null, invitationId), {});
  return (
    <form action={action} className="flex flex-col gap-3">
      {state.error ? <FormMessage kind="error">{state.error}</FormMessage> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Joining…" : "Accept invitation"}
      </Button>
    </form>
  );
}
