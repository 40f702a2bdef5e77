import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { or404 } from "@/lib/dal/guards";
import { getInvitationPreview } from "@/lib/dal/organizations";
import { AcceptForm } from "@/components/members/accept-form";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const invitation = await or404(getInvitationPreview(id));
  const user = await getCurrentUser();
  const here = `/invite/${id}`;
  const q = `?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`;
  return (
    <main id="main" className="mx-auto flex max-w-lg flex-col gap-4 px-6 py-16">
      <h1 className="text-2xl font-semibold">Join {invitation.organizationName}</h1>
      <p className="text-slate-800">
        {invitation.inviterName} invited <strong>{invitation.email}</strong> to join {invitation.organizationName} on Freehold as{" "}
        <strong>{invitation.role}</strong>.
      </p>
      {!invitation.isUsable ? (
        <p className="text-red-800">This invitation has expired or has already been used. Ask for a new link.</p>
      ) : !user ? (
        <div className="flex flex-wrap gap-3">
          <Link href={`/sign-up${q}`} className={buttonClass("primary")}>
            Create an account to accept
          </Link>
          <Link href={`/sign-in${q}`} className={buttonClass("secondary")}>
            I already have an account
          </Link>
        </div>
      ) : user.email.toLowerCase() !== invitation.email.toLowerCase() ? (
        <div className="flex flex-col gap-3">
          <p className="text-slate-800">
            You are signed in as {user.email}. This invitation is for {invitation.email}: sign out and sign in with that address.
          </p>
          <div>
            <SignOutButton />
          </div>
        </div>
      ) : (
        <AcceptForm invitationId={id} />
      )}
    </main>
  );
}
