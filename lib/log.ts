import "server-only";
import pino from "pino";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { REQUEST_ID_HEADER } from "@/lib/client-ip";

// Structured logs (one JSON object a line on stdout), with the request id that server.mjs or
// proxy.ts gave the request, so an error a user reports ("reference abc123") is found in the log.

const globalForLog = globalThis as unknown as { freeholdLogger?: pino.Logger };

export function logger(): pino.Logger {
  globalForLog.freeholdLogger ??= pino({
    level: env().LOG_LEVEL,
    base: { service: "freehold", pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Never log credentials or session material, whatever a caller passes.
    redact: { paths: ["password", "*.password", "newPassword", "*.newPassword", "headers.cookie", "*.headers.cookie", "token", "*.token"], censor: "[redacted]" },
  });
  return globalForLog.freeholdLogger;
}

/** The current request's id, when called while handling a request. */
export async function currentRequestId(): Promise<string | undefined> {
  try {
    return (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
  } catch {
    return undefined; // outside a request (scripts, start-up)
  }
}

/** Logs an unexpected error from a server action or route with the request id. */
export async function logServerError(error: unknown, where: string): Promise<void> {
  logger().error({ err: error, reqId: await currentRequestId(), where }, `unexpected error in ${where}`);
}
