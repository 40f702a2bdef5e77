// Runs before every page, route handler and server action (Next 16's proxy, formerly middleware):
// a per-request CSP nonce and the security headers, the request id, and the body-size limit for
// declared lengths. It proves nothing about the session: pages and actions check that themselves.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { securityHeaders } from "@/lib/security-headers";
import { REQUEST_ID_HEADER } from "@/lib/client-ip";
import limits from "@/lib/limits.json";

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function isHttps(request: NextRequest): boolean {
  // server.mjs drops X-Forwarded-Proto unless a trusted proxy sent it; BETTER_AUTH_URL names the
  // public URL when TLS ends at a proxy we do not list.
  return request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:" || (env().BETTER_AUTH_URL?.startsWith("https://") ?? false);
}

export function proxy(request: NextRequest) {
  const e = env();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const headers = securityHeaders({ nonce, isHttps: isHttps(request), isDev: e.NODE_ENV === "development" });
  const incomingId = request.headers.get(REQUEST_ID_HEADER) ?? "";
  const requestId = REQUEST_ID.test(incomingId) ? incomingId : crypto.randomUUID();

  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limits.maxRequestBodyBytes) {
    const mb = Math.round(limits.maxRequestBodyBytes / 1024 / 1024);
    const response = NextResponse.json(
      { error: "payload_too_large", message: `The request body is too large (${declared.toLocaleString("en-US")} bytes); the limit is ${mb} MB.` },
      { status: 413 },
    );
    for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
    response.headers.set("X-Request-Id", requestId);
    return response;
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]!);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  response.headers.set("X-Request-Id", requestId);
  return response;
}

export const config = {
  // Everything but build assets (next.config.js gives those the static headers).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
