import Link from "next/link";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { OrgSwitcher } from "@/components/layout/org-switcher";
import type { TCurrentUser } from "@/lib/domain/shared";

type TProps = {
  user: TCurrentUser;
  org?: { slug: string; name: string; role: string };
  orgs?: { slug: string; name: string }[];
};

export function AppHeader({ user, org, orgs }: TProps) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
        <Link href="/orgs" className="text-lg font-semibold tracking-tight text-brand-800">
          Freehold
        </Link>
        {org && orgs ? <OrgSwitcher current={org.slug} orgs={orgs} /> : null}
        {org ? (
          <nav aria-label="Sections" className="flex gap-1 text-sm">
            <Link className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100" href={`/o/${org.slug}/assessments`}>
              Assessments
            </Link>
            <Link className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100" href={`/o/${org.slug}/members`}>
              Members
            </Link>
            <Link className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100" href={`/o/${org.slug}/price-book`}>
              Price book
            </Link>
            <Link className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100" href={`/o/${org.slug}/settings`}>
              Settings
            </Link>
          </nav>
        ) : null}
        <div className="ml-auto flex items-center gap-3 text-sm text-slate-700">
          <span>
            {user.name}
            {org ? <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{org.role}</span> : null}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
