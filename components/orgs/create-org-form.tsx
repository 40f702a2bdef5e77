"use client";
import { useActionState } from "react";
import { createOrganizationAction, type TCreateOrgState } from "@/app/orgs/actions";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";

export function CreateOrgForm() {
  const [state, action, pending] = useActionState<TCreateOrgState, FormData>(createOrganizationAction, {});
  return (
    <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
      {state.errors?.form ? <FormMessage kind="error">{state.errors.form}</FormMessage> : null}
      <Field label="Organisation name" name="name" defaultValue={state.values?.name} error={state.errors?.name} className="sm:w-80" />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create organisation"}
      </Button>
    </form>
  );
}
