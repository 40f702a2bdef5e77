// Stand-ins for what a Next request provides (the session, headers, the cache), so integration
// tests can call server actions, pages and route handlers in-process against a real test database
// and the real DAL. Use from a test file:
//   vi.mock("@/lib/auth/session", async () => (await import("@/lib/testing/fake-request")).sessionModule);
//   vi.mock("next/headers", async () => (await import("@/lib/testing/fake-request")).headersModule);
//   vi.mock("next/cache", async () => (await import("@/lib/testing/fake-request")).cacheModule);
import { redirect } from "next/navigation";
import type { TActor, TCurrentUser } from "@/lib/domain/shared";

let current: TCurrentUser | null = null;

/** Who the next call comes from (null: signed out). Users made by lib/testing/fixtures work. */
export function actAs(actor: (TActor & { email?: string }) | null): void {
  current = actor ? { id: actor.userId, name: actor.userName, email: actor.email ?? `${actor.userId}@test.example` } : null;
}

export const sessionModule = {
  getCurrentUser: async (): Promise<TCurrentUser | null> => current,
  requireUser: async (returnTo?: string): Promise<TCurrentUser> => current ?? redirect(returnTo ? `/sign-in?next=${encodeURIComponent(returnTo)}` : "/sign-in"),
};

export const headersModule = {
  headers: async () => new Headers({ host: "freehold.test", "x-forwarded-proto": "https" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
};

export const cacheModule = { revalidatePath: () => undefined, revalidateTag: () => undefined };

/** What Next's redirect() and notFound() throw, read back: "redirect:/path", "404", or null. */
export function nextSignal(e: unknown): string | null {
  const digest = (e as { digest?: unknown })?.digest;
  if (typeof digest !== "string") return null;
  if (digest.startsWith("NEXT_REDIRECT")) return `redirect:${digest.split(";")[2]}`;
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "404";
  return null;
}
