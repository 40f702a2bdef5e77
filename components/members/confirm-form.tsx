"use client";
import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { TActionFailure } from "@/lib/actions/result";
import { InlineResult } from "./inline-result";

type TConfirmAction = (previous: unknown, formData: FormData) => Promise<{ kind: "ok"; message: string } | TActionFailure>;

/** One button that asks before it does something that cannot be undone, and says how it went. */
export function ConfirmForm({ action, label, pendingLabel, question, children }: { action: TConfirmAction; label: string; pendingLabel: string; question: string; children?: ReactNode }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!window.confirm(question)) e.preventDefault();
      }}
      className="flex flex-wrap items-center gap-2"
    >
      {children}
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
      <InlineResult state={state} done={state?.kind === "ok" ? state.message : undefined} />
    </form>
  );
}
