import type { TProblem } from "./contract";

// RFC 9457 problem details. `type` is a stable URI per kind of problem (under the API's own path,
// not resolvable: the RFC allows that) so a client can branch on it rather than on the prose.

const TITLES: Record<number, { slug: string; title: string }> = {
  400: { slug: "bad-request", title: "Malformed request" },
  401: { slug: "unauthorized", title: "Missing or invalid API token" },
  403: { slug: "forbidden", title: "Not allowed" },
  404: { slug: "not-found", title: "Not found" },
  409: { slug: "conflict", title: "Conflict" },
  422: { slug: "invalid-input", title: "Invalid input" },
  429: { slug: "rate-limited", title: "Too many requests" },
  500: { slug: "internal", title: "Internal error" },
};

/** An expected failure a handler raises; the route wrapper turns it into a problem response. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly extra: Partial<TProblem> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export function problemResponse(status: number, detail: string, extra: Partial<TProblem> = {}, headers: Record<string, string> = {}): Response {
  const known = TITLES[status] ?? TITLES[500]!;
  const body: TProblem = { type: `/api/v1/problems/${known.slug}`, title: known.title, status, detail, ...extra };
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers } });
}
