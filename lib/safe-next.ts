/** Only same-site paths: an open redirect after sign-in would be a phishing aid. */
export function safeNext(next: string | null | undefined, fallback = "/orgs"): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : fallback;
}
