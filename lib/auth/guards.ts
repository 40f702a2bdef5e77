import "server-only";
import { notFound } from "next/navigation";
import { requireUser, getCurrentUser, type TCurrentUser } from "@/lib/auth/session";
import { getOrgContext, type TOrgContext } from "@/lib/dal/organizations";
import { NotFoundError } from "@/lib/dal/errors";
import type { TActor } from "@/lib/dal/audit";

/** Runs a DAL read and turns "not yours / not there" into Next's 404 page. */
export async function or404<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}

/** For pages under /o/[slug]: the signed-in user and their membership, or sign-in / 404. */
export async function requireOrgMember(slug: string, returnTo: string): Promise<{ user: TCurrentUser; org: TOrgContext }> {
  const user = await requireUser(returnTo);
  const org = await or404(getOrgContext(user.id, slug));
  return { user, org };
}

/** For server actions: they are public endpoints, so each one re-checks who is calling. */
export async function actorOrThrow(): Promise<TActor> {
  const user = await getCurrentUser();
  if (!user) throw new NotFoundError("Not signed in");
  return { userId: user.id, userName: user.name };
}
