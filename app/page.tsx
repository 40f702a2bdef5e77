import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { listMyOrganizations } from "@/lib/dal/organizations";
import { buttonClass } from "@/components/ui/button";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const user = await getCurrentUser();
  if (user) {
    // One organisation: straight into it (the list of organisations is for choosing between several).
    const orgs = await listMyOrganizations(user.id);
    redirect(orgs.length === 1 ? `/o/${orgs[0].slug}/assessments` : "/orgs");
  }
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center gap-6 px-6 py-16">
      <h1 className="text-4xl font-semibold tracking-tight text-brand-800">Freehold</h1>
      <p className="text-lg text-slate-700">
        Decide whether to run an open-weights language model on your own infrastructure instead of, or beside, a closed API.
        Work through licence diligence, capability validation, infrastructure, adaptation, safety hardening and lifecycle
        operations, then see the economics and a go / hybrid / no-go recommendation with its reasons.
      </p>
      <div className="flex gap-3">
        <Link href="/sign-in" className={buttonClass("primary")}>
          Sign in
        </Link>
        <Link href="/sign-up" className={buttonClass("secondary")}>
          Create an account
        </Link>
      </div>
    </main>
  );
}
