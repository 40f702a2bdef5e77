import type { Metadata } from "next";
import { requireOrgMember } from "@/lib/dal/guards";
import { listMembers, listPendingInvitations } from "@/lib/dal/organizations";
import { leaveOrganizationAction, removeMemberAction, revokeInvitationAction } from "@/lib/actions/members";
import { canChangeRole, canManageMembers, ROLE_LABELS } from "@/lib/domain/shared";
import { formatDate } from "@/lib/domain/report";
import { InviteForm } from "@/components/members/invite-form";
import { RoleForm } from "@/components/members/role-form";
import { ConfirmForm } from "@/components/members/confirm-form";
import { TransferOwnershipForm } from "@/components/members/transfer-ownership-form";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, org } = await requireOrgMember(slug, `/o/${slug}/members`);
  const members = await listMembers(user.id, slug);
  const manage = canManageMembers(org.role);
  const invitations = manage ? await listPendingInvitations(user.id, slug) : [];
  const others = members.filter((m) => m.userId !== user.id);
  const isLastOwner = org.role === "owner" && members.filter((m) => m.role === "owner").length <= 1;
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="members-heading" className="flex flex-col gap-3">
        <h1 id="members-heading" className="text-2xl font-semibold">
          {org.name}: members
        </h1>
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Members of {org.name}</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Name</th>
                <th scope="col" className="px-4 py-2 font-medium">Email</th>
                <th scope="col" className="px-4 py-2 font-medium">Role</th>
                <th scope="col" className="px-4 py-2 font-medium">Joined</th>
                {manage ? <th scope="col" className="px-4 py-2 font-medium">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.map((m) => {
                // Managers manage everyone but owners; only an owner touches the owner role.
                const canTouch = manage && m.userId !== user.id && canChangeRole(org.role, m.role, m.role);
                return (
                  <tr key={m.id} className="border-t border-slate-200">
                    <td className="px-4 py-2">{m.name}</td>
                    <td className="px-4 py-2">{m.email}</td>
                    <td className="px-4 py-2">{canTouch ? <RoleForm slug={slug} memberId={m.id} role={m.role} memberName={m.name} myRole={org.role} /> : ROLE_LABELS[m.role]}</td>
                    <td className="px-4 py-2 text-slate-700">{formatDate(m.joinedAt)}</td>
                    {manage ? (
                      <td className="px-4 py-2">
                        {canTouch ? (
                          <ConfirmForm action={removeMemberAction.bind(null, slug, m.id)} label={`Remove ${m.name}`} pendingLabel="Removing…" question={`Remove ${m.name} from ${org.name}? They lose access at once; their assessments stay.`} />
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      {manage ? (
        <section aria-labelledby="invite-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="invite-heading" className="text-lg font-semibold">
            Invite a member
          </h2>
          <InviteForm slug={slug} myRole={org.role} />
          {invitations.length ? (
            <>
              <h3 className="mt-2 font-medium">Pending invitations</h3>
              <ul className="flex flex-col gap-2 text-sm">
                {invitations.map((i) => (
                  <li key={i.id} className="flex flex-wrap items-center gap-2">
                    <span>
                      {i.email} as {ROLE_LABELS[i.role]}, invited by {i.inviterName}, link <code className="rounded bg-slate-100 px-1">/invite/{i.id}</code> valid until {formatDate(i.expiresAt)}
                    </span>
                    {i.role !== "owner" || org.role === "owner" ? (
                      <ConfirmForm action={revokeInvitationAction.bind(null, slug, i.id)} label={`Revoke invitation for ${i.email}`} pendingLabel="Revoking…" question={`Revoke the invitation for ${i.email}? The link stops working.`} />
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="membership-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="membership-heading" className="text-lg font-semibold">
          Your membership
        </h2>
        <p className="text-sm text-slate-700">You are {ROLE_LABELS[org.role].toLowerCase()} of {org.name}.</p>
        {org.role === "owner" && others.length ? (
          <>
            <h3 className="font-medium">Transfer ownership</h3>
            <TransferOwnershipForm slug={slug} candidates={others.map((m) => ({ id: m.id, name: `${m.name} (${ROLE_LABELS[m.role]})` }))} />
          </>
        ) : null}
        {isLastOwner ? (
          <p className="text-sm text-slate-700">You are the only owner, so you cannot leave: make someone else owner first.</p>
        ) : (
          <ConfirmForm action={leaveOrganizationAction.bind(null, slug)} label="Leave organisation" pendingLabel="Leaving…" question={`Leave ${org.name}? You lose access to its assessments until someone invites you again.`} />
        )}
      </section>
    </div>
  );
}
