import type { Metadata } from "next";
import { requireOrgMember } from "@/lib/dal/guards";
import { getReviewPolicy } from "@/lib/dal/org-policy";
import { ReviewPolicyForm } from "@/components/orgs/review-policy-form";
import { listApiTokens } from "@/lib/dal/api-tokens";
import { API_TOKEN_ADMIN_ROLES } from "@/lib/auth/api-token-scopes";
import { ApiTokensSection } from "./api-tokens";
import { getSsoSettings } from "@/lib/dal/sso";
import { auth } from "@/lib/auth/auth";
import { SsoForm } from "@/components/orgs/sso-form";
import { deleteSsoAction } from "@/lib/actions/sso";
import { ConfirmForm } from "@/components/members/confirm-form";
import { ROLE_LABELS } from "@/lib/domain/shared";
import { formatDate } from "@/lib/domain/report";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, org } = await requireOrgMember(slug, `/o/${slug}/settings`);
  const policy = await getReviewPolicy(user.id, slug);
  const canManageTokens = API_TOKEN_ADMIN_ROLES.includes(org.role);
  const [tokens, sso, authContext] = await Promise.all([canManageTokens ? listApiTokens(user.id, slug) : [], getSsoSettings(user.id, slug), auth().$context]);
  const redirectUri = `${authContext.baseURL}/sso/callback`;
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
      <section aria-labelledby="sso-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="sso-heading" className="mb-3 text-lg font-semibold">
          Single sign-on (OpenID Connect)
        </h2>
        {sso ? (
          <p className="mb-3 text-sm text-slate-700">
            On: people at {sso.domains.join(", ")} sign in through {sso.issuer} and join as {ROLE_LABELS[sso.defaultRole]}; password sign-in for these domains is{" "}
            {sso.passwordSignInDisabled ? "off" : "still allowed"}. Last changed by {sso.updatedByName}, {formatDate(sso.updatedAt)}.
          </p>
        ) : (
          <p className="mb-3 text-sm text-slate-700">Off: everyone signs in with an email and password.</p>
        )}
        {org.role === "owner" ? (
          <div className="flex flex-col gap-3">
            <SsoForm slug={slug} current={sso} redirectUri={redirectUri} />
            {sso ? <ConfirmForm action={deleteSsoAction.bind(null, slug)} label="Turn off single sign-on" pendingLabel="Turning off…" question="Turn off single sign-on? People at these domains then sign in with a password (they may need to reset it)." /> : null}
          </div>
        ) : (
          <p className="text-sm text-slate-700">Only an owner can configure single sign-on.</p>
        )}
      </section>
    </section>
  );
}
