import { requireOrgMember } from "@/lib/dal/guards";
import { listMyMemberships } from "@/lib/dal/organizations";
import { AppHeader } from "@/components/layout/app-header";

export default async function OrgLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, org } = await requireOrgMember(slug, `/o/${slug}/assessments`);
  // The same cached query requireOrgMember just ran: no second round trip for the switcher.
  const orgs = await listMyMemberships(user.id);
  return (
    <>
      <AppHeader user={user} org={org} orgs={orgs} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
