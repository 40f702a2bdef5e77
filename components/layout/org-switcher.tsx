"use client";
import { useRouter } from "next/navigation";

export function OrgSwitcher({ current, orgs }: { current: string; orgs: { slug: string; name: string }[] }) {
  const router = useRouter();
  return (
    <div className="flex items-center gap-2 text-sm text-slate-700">
      <label htmlFor="org-switcher" className="sr-only sm:not-sr-only">
        Organisation
      </label>
      <select
        id="org-switcher"
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        value={current}
        onChange={(e) => router.push(e.target.value === "" ? "/orgs" : `/o/${e.target.value}/assessments`)}
      >
        {orgs.map((o) => (
          <option key={o.slug} value={o.slug}>
            {o.name}
          </option>
        ))}
        <option value="">All organisations…</option>
      </select>
    </div>
  );
}
