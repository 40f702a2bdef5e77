import type { Metadata } from "next";
import { requireOrgMember } from "@/lib/dal/guards";
import { getReviewPolicy } from "@/lib/dal/org-policy";
import { ReviewPolicyForm } from "@/components/orgs/review-policy-form";
import { listApiTokens } from "@/lib/dal/api-tokens";
import { API_TOKEN_ADMIN_ROLES } from "@/lib/auth/api-token-scopes";
import { ApiTokensSection } from "./api-tokens";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, org } = await requireOrgMember(slug, `/o/${slug}/settings`);
  const policy = await getReviewPolicy(user.id, slug);
  const canManageTokens = API_TOKEN_ADMIN_ROLES.includes(org.role);
  const tokens = canManageTokens ? await listApiTokens(user.id, slug) : [];
  return (
    <section aria-labelledby="settings-heading" className="flex flex-col gap-4">
      <h1 id="settings-heading" className="text-2xl font-semibold">
        {org.name}: settings
      </h1>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 text-lg font-semibold">Review policy</h2>
        <ReviewPolicyForm slug={slug} allowSelfApproval={policy.allowSelfApproval} canChange={org.role === "owner"} />
      </div>
      <section aria-labelledby="api-tokens-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="api-tokens-heading" className="mb-3 text-lg font-semibold">
          API tokens
        </h2>
        {canManageTokens ? <ApiTokensSection slug={slug} tokens={tokens} now={new Date()} /> : <p className="text-sm text-slate-700">Only an owner or a manager can create and see API tokens.</p>}
      </section>
    </section>
  );
}
