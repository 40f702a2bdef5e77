import "server-only";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import type { TCurrentUser, TOrgContext } from "@/lib/domain/shared";
import { NotFoundError } from "./errors";
import { getOrgContext } from "./organizations";

// Page guards. They live in the DAL (not lib/auth) so the layers run one way: the DAL uses the
// session from lib/auth, and lib/auth knows nothing of the DAL.

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
