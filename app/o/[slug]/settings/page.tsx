import type { Metadata } from "next";
import { requireOrgMember } from "@/lib/dal/guards";
import { getReviewPolicy } from "@/lib/dal/org-policy";
import { ReviewPolicyForm } from "@/components/orgs/review-policy-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, org } = await requireOrgMember(slug, `/o/${slug}/settings`);
  const policy = await getReviewPolicy(user.id, slug);
  return (
    <section aria-labelledby="settings-heading" className="flex flex-col gap-4">
      <h1 id="settings-heading" className="text-2xl font-semibold">
        {org.name}: settings
      </h1>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 text-lg font-semibold">Review policy</h2>
        <ReviewPolicyForm slug={slug} allowSelfApproval={policy.allowSelfApproval} canChange={org.role === "owner"} />
      </div>
    </section>
  );
}
