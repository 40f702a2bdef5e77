"use client";
import { useActionState } from "react";
import { changeRoleAction } from "@/lib/actions/members";
import { InlineResult } from "./inline-result";
import { Button } from "@/components/ui/button";
import { ROLES, ROLE_LABELS, type TRole } from "@/lib/domain/shared";

/** A member's role; a manager is not offered the owner role (only owners grant it). */
export function RoleForm({ slug, memberId, role, memberName, myRole }: { slug: string; memberId: string; role: TRole; memberName: string; myRole: TRole }) {
  const [state, action, pending] = useActionState(changeRoleAction.bind(null, slug, memberId), null);
  const roles = ROLES.filter((r) => r !== "owner" || myRole === "owner");
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${memberId}`}>
        Role of {memberName}
      </label>
      <select id={`role-${memberId}`} name="role" defaultValue={role} className="rounded border border-slate-300 bg-white px-2 py-1 text-sm">
        {roles.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Change role"}
      </Button>
      <InlineResult state={state} done={state?.kind === "ok" ? "Saved" : undefined} />
    </form>
  );
}
