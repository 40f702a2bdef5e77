"use client";
import { useActionState } from "react";
import { createOrganizationAction } from "@/lib/actions/organisations";
import { fieldError, formError, submittedValue } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";

export function CreateOrgForm() {
  const [state, action, pending] = useActionState(createOrganizationAction, null);
  const error = formError(state);
  return (
    <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
      {error ? <FormMessage kind="error">{error}</FormMessage> : null}
      <Field label="Organisation name" name="name" defaultValue={submittedValue(state, "name")} error={fieldError(state, "name")} className="sm:w-80" />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create organisation"}
      </Button>
    </form>
  );
}
