import "server-only";
import { takeApiCall, verifyApiToken } from "@/lib/auth/api-token";
import { recordApiCall, tokenActor } from "@/lib/dal/api-tokens";
import { ConflictError, ForbiddenError, InputError, NotFoundError, StateError } from "@/lib/dal/errors";
import { logServerError } from "@/lib/log";
import limits from "@/lib/limits.json";
import { OPERATIONS, type TOperationId } from "./contract";
import { HANDLERS } from "./handlers";
import { ApiProblem, problemResponse } from "./problem";

// Every /api/v1 route handler is apiRoute(operationId): the token is checked (401), then its rate
// (429), then its scope (403); the handler runs as the token's creator in the token's organisation;
// expected failures become RFC 9457 problems; every call that a valid token made is audited with
// the token's name. Refused tokens (401) are not audited: there is no organisation to file them under.


const UNAUTHORIZED: Record<string, string> = {
  missing: "Send an API token: Authorization: Bearer <token> (create one in the organisation's settings).",
  malformed: "The Authorization header is not a Freehold API token (Bearer fh_…).",
  unknown: "This API token is not known. It may have been mistyped, or its organisation deleted.",
  revoked: "This API token has been revoked.",
  expired: "This API token has expired; create a new one in the organisation's settings.",
};

function fromError(e: unknown, operation: string): Response {
  if (e instanceof ApiProblem) return problemResponse(e.status, e.message, e.extra, e.headers);
  if (e instanceof NotFoundError) return problemResponse(404, "No such assessment in this token's organisation.");
  if (e instanceof ConflictError) return problemResponse(409, e.message, { currentVersion: e.currentVersion });
  if (e instanceof StateError) return problemResponse(409, e.message);
  if (e instanceof ForbiddenError) return problemResponse(403, `${e.message} (The token acts with its creator's role.)`);
  if (e instanceof InputError) return problemResponse(422, e.message, { errors: e.fields });
  void logServerError(e, `api ${operation}`);
  return problemResponse(500, "Something went wrong; nothing was changed. Try again; if it keeps failing, tell your administrator.");
}

export function apiRoute(operation: TOperationId) {
  const op = OPERATIONS[operation];
  // Next passes no params (undefined) to a route without dynamic segments.
  return async (request: Request, context: { params?: Promise<Record<string, string | string[]> | undefined> }): Promise<Response> => {
    const check = await verifyApiToken(request.headers.get("authorization"));
    if (!check.ok) return problemResponse(401, UNAUTHORIZED[check.reason]!, {}, { "WWW-Authenticate": `Bearer realm="freehold", error="invalid_token"` });
    const token = check.token;
    const rate = await takeApiCall(token.id, limits.apiCallsPerMinutePerToken);
    if (!rate.ok) return problemResponse(429, `This token made more than ${limits.apiCallsPerMinutePerToken} calls in a minute. Retry after ${rate.retryAfterSeconds} s.`, {}, { "Retry-After": String(rate.retryAfterSeconds) });
    const url = new URL(request.url);
    const params = Object.fromEntries(Object.entries((await context?.params) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
    let response: Response;
    if (!token.scopes.includes(op.scope)) {
      response = problemResponse(403, `This token's scopes (${token.scopes.join(", ")}) do not include "${op.scope}", which this call needs.`);
    } else {
      try {
        const text = request.method === "GET" ? "" : await request.text();
        response = await HANDLERS[operation]({ userId: token.createdById, actor: tokenActor(token), slug: token.slug, params, url, text });
      } catch (e) {
        response = fromError(e, operation);
      }
    }
    try {
      await recordApiCall(token, { method: request.method, path: url.pathname, status: response.status });
    } catch (e) {
      void logServerError(e, `api audit ${operation}`);
    }
    return response;
  };
}
