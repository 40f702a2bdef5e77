// Next.js calls register() once when a server process starts (next start, server.mjs, next dev).
// A server that cannot open its database must not start and then answer every request with 500:
// check it here and exit with the reason (e.g. a PGlite directory held by another process).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkDatabaseAtStart } = await import("@/lib/startup");
  // server.mjs waits for this before it listens, so no request reaches a server without a database.
  const check = checkDatabaseAtStart();
  (globalThis as Record<symbol, unknown>)[Symbol.for("freehold.startupCheck")] = check;
  await check;
}

export async function onRequestError(error: unknown, request: { path: string; method: string; headers: Record<string, string | string[] | undefined> }, context: { routerKind: string; routePath: string; routeType: string }) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("@/lib/log");
  const reqId = request.headers["x-request-id"];
  logger().error({ err: error, reqId: Array.isArray(reqId) ? reqId[0] : reqId, method: request.method, path: request.path.split("?")[0], route: context.routePath, kind: context.routeType }, "request error");
}
