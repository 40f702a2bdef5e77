"use client";
import { useActionState } from "react";
import { changeRoleAction, type TRoleState } from "@/app/o/[slug]/members/actions";
import { Button } from "@/components/ui/button";
import { ROLES, ROLE_LABELS, type TRole } from "@/lib/auth/roles";

export function RoleForm({ slug, memberId, role, memberName }: { slug: string; memberId: string; role: TRole; memberName: string }) {
  const [state, action, pending] = useActionState<TRoleState, FormData>(changeRoleAction.bind(null, slug, memberId), {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${memberId}`}>
        Role of {memberName}
      </label>
      <select id={`role-${memberId}`} name="role" defaultValue={role} className="rounded border border-slate-300 bg-white px-2 py-1 text-sm">
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Change role"}
      </Button>
      {state.error ? (
        <span role="alert" className="text-sm text-red-700">
          {state.error}
        </span>
      ) : null}
      {state.ok ? <span role="status" className="text-sm text-green-800">Saved</span> : null}
    </form>
  );
}
