import type { Metadata } from "next";
import { requireOrgMember } from "@/lib/auth/guards";
import { listMembers, listPendingInvitations } from "@/lib/dal/organizations";
import { canManageMembers, ROLE_LABELS } from "@/lib/auth/roles";
import { InviteForm } from "@/components/members/invite-form";
import { RoleForm } from "@/components/members/role-form";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, org } = await requireOrgMember(slug, `/o/${slug}/members`);
  const members = await listMembers(user.id, slug);
  const manage = canManageMembers(org.role);
  const invitations = manage ? await listPendingInvitations(user.id, slug) : [];
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="members-heading" className="flex flex-col gap-3">
        <h1 id="members-heading" className="text-2xl font-semibold">
          {org.name}: members
        </h1>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Members of {org.name}</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Name</th>
                <th scope="col" className="px-4 py-2 font-medium">Email</th>
                <th scope="col" className="px-4 py-2 font-medium">Role</th>
                <th scope="col" className="px-4 py-2 font-medium">Joined</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id} className="border-t border-slate-200">
                  <td className="px-4 py-2">{m.name}</td>
                  <td className="px-4 py-2">{m.email}</td>
                  <td className="px-4 py-2">
                    {manage && m.userId !== user.id ? <RoleForm slug={slug} memberId={m.id} role={m.role} memberName={m.name} /> : ROLE_LABELS[m.role]}
                  </td>
                  <td className="px-4 py-2 text-slate-700">{formatDate(m.joinedAt)}</td>
                </tr>
              ))}
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
              <ul className="flex flex-col gap-1 text-sm">
                {invitations.map((i) => (
                  <li key={i.id}>
                    {i.email} as {ROLE_LABELS[i.role]}, invited by {i.inviterName}, link{" "}
                    <code className="rounded bg-slate-100 px-1">/invite/{i.id}</code> valid until {formatDate(i.expiresAt)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
