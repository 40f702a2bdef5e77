// The session-signing secret. Production on PostgreSQL must set BETTER_AUTH_SECRET; the embedded
// default generates one on first start and keeps it beside the data, outside git, so a newcomer's
// one-line start works and restarts keep sessions valid.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { parseDatabaseUrl } from "@/lib/db/url";
import { env, type TEnv } from "@/lib/env";

export function resolveAuthSecret(e: TEnv): string {
  if (e.BETTER_AUTH_SECRET) return e.BETTER_AUTH_SECRET;
  const target = parseDatabaseUrl(e.DATABASE_URL);
  if (target.kind === "postgres" && e.NODE_ENV === "production") {
    throw new Error("BETTER_AUTH_SECRET is required in production with PostgreSQL (e.g. `openssl rand -base64 48`).");
  }
  if (target.kind !== "pglite-dir") return "freehold-ephemeral-" + crypto.randomBytes(24).toString("hex");
  const file = path.join(path.dirname(target.dir), "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(48).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}

let resolved: string | undefined;
/**
 * The secret of this process, resolved once: better-auth signs sessions with it and the single
 * sign-on settings encrypt client secrets with it, so both must see the same value (an in-memory
 * database would otherwise get a new random secret per call).
 */
export function authSecret(): string {
  resolved ??= resolveAuthSecret(env());
  return resolved;
}
