import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { getCurrentUser } from "@/lib/auth/session";
import { safeNext } from "@/lib/safe-next";
import { isSsoErrorCode, SSO_ERRORS } from "@/lib/domain/shared";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; email?: string; sso_error?: string }> }) {
  const { next, email, sso_error } = await searchParams;
  if (await getCurrentUser()) redirect(safeNext(next, "/"));
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Sign in</h1>
      <AuthForm mode="sign-in" next={next ?? null} defaultEmail={email} ssoError={isSsoErrorCode(sso_error) ? SSO_ERRORS[sso_error] : undefined} />
    </>
  );
}
