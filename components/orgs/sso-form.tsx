"use client";
import { useActionState } from "react";
import { saveSsoAction } from "@/lib/actions/sso";
import { fieldError, formError, isFailure, submittedValue } from "@/lib/actions/result";
import { Field, FormMessage } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { SaveRow } from "@/components/ui/save-row";
import { ROLE_LABELS, SSO_JOIN_ROLES, type TSsoJoinRole } from "@/lib/domain/shared";

export type TSsoFormValues = { issuer: string; clientId: string; domains: string[]; defaultRole: TSsoJoinRole; passwordSignInDisabled: boolean } | null;

/** An owner's OpenID Connect settings. The secret is write-only: blank keeps the stored one. */
export function SsoForm({ slug, current, redirectUri }: { slug: string; current: TSsoFormValues; redirectUri: string }) {
  const [state, action, pending] = useActionState(saveSsoAction.bind(null, slug), null);
  const failed = isFailure(state);
  const value = (field: string, saved: string) => (failed ? (submittedValue(state, field) ?? saved) : saved);
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      {formError(state) ? <FormMessage kind="error">{formError(state)}</FormMessage> : null}
      <p className="text-sm text-slate-700">
        Register Freehold with your identity provider (Entra ID, Okta, Keycloak, Google Workspace…) as a confidential web client using the authorization code flow, with
        this redirect URI: <code className="break-all">{redirectUri}</code>. Freehold asks for the scopes <code>openid email profile</code>.
      </p>
      <Field label="Issuer URL" name="issuer" type="url" defaultValue={value("issuer", current?.issuer ?? "")} error={fieldError(state, "issuer")} hint="Freehold reads <issuer>/.well-known/openid-configuration when you save." />
      <Field label="Client id" name="clientId" defaultValue={value("clientId", current?.clientId ?? "")} error={fieldError(state, "clientId")} autoComplete="off" />
      <Field
        label="Client secret"
        name="clientSecret"
        type="password"
        autoComplete="new-password"
        error={fieldError(state, "clientSecret")}
        hint={current ? "Stored encrypted and never shown again; leave blank to keep the stored secret." : "Stored encrypted and never shown again."}
      />
      <Field
        label="Email domains"
        name="domains"
        defaultValue={value("domains", current?.domains.join(", ") ?? "")}
        error={fieldError(state, "domains")}
        hint="Comma-separated, e.g. example.com, example.co.uk. People whose email is at these domains sign in through this provider; a domain belongs to one organisation."
      />
      <SelectField
        label="Role of a person joining through single sign-on"
        name="defaultRole"
        groups={[{ label: "Roles", options: SSO_JOIN_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })) }]}
        defaultValue={value("defaultRole", current?.defaultRole ?? "viewer")}
        error={fieldError(state, "defaultRole")}
        hint="Owners and managers can change it afterwards under Members. Nobody becomes an owner this way."
      />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="passwordSignInDisabled" defaultChecked={failed ? submittedValue(state, "passwordSignInDisabled") === "on" : (current?.passwordSignInDisabled ?? false)} className="mt-1" />
        <span>
          <strong>Turn off password sign-in for these domains.</strong> Password sign-in, sign-up and password reset are refused for their addresses; people use the identity
          provider only.
        </span>
      </label>
      <SaveRow label={current ? "Save single sign-on" : "Turn on single sign-on"} pending={pending} error={undefined} okText={state && !failed ? state.message : null} />
    </form>
  );
}
