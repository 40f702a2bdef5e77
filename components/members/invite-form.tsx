"use client";
import { useActionState } from "react";
import { inviteMemberAction, type TInviteState } from "@/app/o/[slug]/members/actions";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { CopyLink } from "@/components/members/copy-link";
import { ROLES, ROLE_LABELS, ROLE_DESCRIPTIONS, type TRole } from "@/lib/auth/roles";

export function InviteForm({ slug, myRole }: { slug: string; myRole: TRole }) {
  const [state, action, pending] = useActionState<TInviteState, FormData>(inviteMemberAction.bind(null, slug), {});
  const roles = ROLES.filter((r) => r !== "owner" || myRole === "owner");
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      {state.errors?.form ? <FormMessage kind="error">{state.errors.form}</FormMessage> : null}
      {state.invitationUrl ? (
        <FormMessage kind="success">
          Invitation for {state.email} created. No email is sent: copy this link to them.
          <CopyLink url={state.invitationUrl} />
        </FormMessage>
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field label="Email" name="email" type="email" error={state.errors?.email} className="sm:w-72" />
        <SelectField
          label="Role"
          name="role"
          defaultValue="analyst"
          error={state.errors?.role}
          groups={[{ label: "Roles", options: roles.map((r) => ({ value: r, label: `${ROLE_LABELS[r]}: ${ROLE_DESCRIPTIONS[r]}` })) }]}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create invitation link"}
        </Button>
      </div>
    </form>
  );
}
