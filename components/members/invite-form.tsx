"use client";
import { useActionState } from "react";
import { inviteMemberAction } from "@/lib/actions/members";
import { fieldError, formError, submittedValue } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { CopyLink } from "@/components/members/copy-link";
import { ROLES, ROLE_LABELS, ROLE_DESCRIPTIONS, type TRole } from "@/lib/domain/shared";

export function InviteForm({ slug, myRole }: { slug: string; myRole: TRole }) {
  const [state, action, pending] = useActionState(inviteMemberAction.bind(null, slug), null);
  const error = formError(state);
  const created = state?.kind === "ok" ? state : null;
  const roles = ROLES.filter((r) => r !== "owner" || myRole === "owner");
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      {error ? <FormMessage kind="error">{error}</FormMessage> : null}
      {created ? (
        <FormMessage kind="success">
          Invitation for {created.email} created. No email is sent: copy this link to them.
          <CopyLink url={created.invitationUrl} />
        </FormMessage>
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field label="Email" name="email" type="email" defaultValue={submittedValue(state, "email")} error={fieldError(state, "email")} className="sm:w-72" />
        <SelectField
          label="Role"
          name="role"
          defaultValue={submittedValue(state, "role") ?? "analyst"}
          error={fieldError(state, "role")}
          groups={[{ label: "Roles", options: roles.map((r) => ({ value: r, label: `${ROLE_LABELS[r]}: ${ROLE_DESCRIPTIONS[r]}` })) }]}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create invitation link"}
        </Button>
      </div>
    </form>
  );
}
