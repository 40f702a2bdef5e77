"use client";
import { useActionState } from "react";
import { createApiTokenAction } from "@/lib/actions/api-tokens";
import { fieldError, formError, submittedValue } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { CopyLink } from "@/components/members/copy-link";
import { API_SCOPE_LABEL, API_TOKEN_MAX_DAYS, API_TOKEN_SCOPES } from "@/lib/auth/api-token-scopes";

/** Creates a token and shows its secret once; the list below the form never shows it again. */
export function CreateTokenForm({ slug }: { slug: string }) {
  const [state, action, pending] = useActionState(createApiTokenAction.bind(null, slug), null);
  const error = formError(state);
  const created = state?.kind === "ok" ? state : null;
  const scopesError = fieldError(state, "scopes");
  const submitted = state && state.kind !== "ok";
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      {error ? <FormMessage kind="error">{error}</FormMessage> : null}
      {created ? (
        <FormMessage kind="success">
          Token “{created.name}” created. Copy it now: it is shown only this once (Freehold keeps only its SHA-256 hash).
          <CopyLink url={created.secret} label="New API token" />
        </FormMessage>
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field label="Token name" name="name" defaultValue={submittedValue(state, "name")} error={fieldError(state, "name")} hint="What uses it, e.g. “CI pipeline”. The audit log shows this name." className="sm:w-72" />
        <Field
          label="Valid for (days)"
          name="expiresInDays"
          type="number"
          min={1}
          max={API_TOKEN_MAX_DAYS}
          defaultValue={submittedValue(state, "expiresInDays") ?? "90"}
          error={fieldError(state, "expiresInDays")}
          hint={`1 to ${API_TOKEN_MAX_DAYS}`}
          className="sm:w-40"
        />
      </div>
      <fieldset className="flex flex-col gap-1" aria-describedby={scopesError ? "scopes-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">Scopes (the token never does more than your own role allows)</legend>
        {API_TOKEN_SCOPES.map((s) => (
          <label key={s} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={`scope_${s}`} defaultChecked={submitted ? submittedValue(state, `scope_${s}`) === "on" : s === "read"} />
            {API_SCOPE_LABEL[s]}
          </label>
        ))}
        {scopesError ? (
          <p id="scopes-error" className="text-sm text-red-700">
            {scopesError}
          </p>
        ) : null}
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create API token"}
        </Button>
      </div>
    </form>
  );
}
