import "server-only";
import { getCurrentUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/dal/errors";

// What every download route does around its work: re-check the caller, and turn failures into
// plain-text answers. The DAL puts the tenant in every query, so a slug the caller is not a member
// of, or another organisation's id, is a NotFoundError: a 404 that reveals nothing.

export function textResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** A download: the body as a file the browser saves under `disposition`'s name, never cached or sniffed. */
export function attachment(body: string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>, contentType: string, disposition: string): Response {
  // A stream's length is not known up front: it goes out chunked.
  const length = typeof body === "string" ? Buffer.byteLength(body) : body instanceof Uint8Array ? body.byteLength : null;
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": disposition,
      ...(length === null ? {} : { "Content-Length": String(length) }),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** Runs `run` for the signed-in user: 401 without one, 404 for what the DAL does not find, 500 (logged) for the rest. */
export async function withCaller(what: string, failure: string, run: (userId: string) => Promise<Response>): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return textResponse(401, `Sign in to export ${what}.`);
  try {
    return await run(user.id);
  } catch (e) {
    if (e instanceof NotFoundError) return textResponse(404, "Not found.");
    console.error(`Export of ${what} failed`, e);
    return textResponse(500, failure);
  }
}
