import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import type { TCurrentUser } from "@/lib/domain/shared";

/** The signed-in user, verified against the session row (a cookie alone proves nothing). */
export const getCurrentUser = cache(async (): Promise<TCurrentUser | null> => {
  // headers() first: during `next build` it bails out of prerendering before auth() is created.
  const requestHeaders = await headers();
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email };
});

export async function requireUser(returnTo?: string): Promise<TCurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/sign-in?next=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}
