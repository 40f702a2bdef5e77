import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listMyOrganizations } from "@/lib/dal/organizations";
import { AppHeader } from "@/components/layout/app-header";
import { CreateOrgForm } from "@/components/orgs/create-org-form";
import { ROLE_LABELS } from "@/lib/domain/shared";

export const metadata: Metadata = { title: "Organisations" };

export default async function OrgsPage() {
  const user = await requireUser("/orgs");
  const orgs = await listMyOrganizations(user.id);
  return (
    <>
      <AppHeader user={user} />
      <main id="main" className="mx-auto flex max-w-6xl flex-col gap-8 px-4 py-8">
        <section aria-labelledby="orgs-heading" className="flex flex-col gap-3">
          <h1 id="orgs-heading" className="text-2xl font-semibold">
            Your organisations
          </h1>
          {orgs.length === 0 ? (
            <p className="text-slate-700">You are not a member of any organisation yet. Create one below, or open an invitation link a colleague sent you.</p>
          ) : (
            <ul className="grid gap-3 sm:grid-cols-2">
              {orgs.map((o) => (
                <li key={o.id}>
                  <Link href={`/o/${o.slug}/assessments`} className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600">
                    <span className="block font-medium text-slate-900">{o.name}</span>
                    <span className="text-sm text-slate-600">
                      {ROLE_LABELS[o.role]} · {o.memberCount} {o.memberCount === 1 ? "member" : "members"}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="create-org-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="create-org-heading" className="text-lg font-semibold">
            Create an organisation
          </h2>
          <p className="text-sm text-slate-700">You will be its owner and can invite colleagues with a link.</p>
          <CreateOrgForm />
        </section>
      </main>
    </>
  );
}
