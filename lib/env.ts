// The one place that reads process.env. Everything else asks this module.
import { isIP } from "node:net";
import { z } from "zod";

/** "10.0.0.1", "10.0.0.0/8", "::1", "fd00::/8". */
function isIpOrCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split("/");
  const family = isIP(address ?? "");
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits >= 0 && bits <= (family === 4 ? 32 : 128);
}

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Unset or "pglite:<dir>" -> embedded PGlite on disk; "pglite:memory" -> in-memory (tests);
  // "postgres://..." -> real PostgreSQL.
  DATABASE_URL: z
    .string()
    .refine((v) => /^(pglite:|postgres(ql)?:\/\/)/.test(v), "DATABASE_URL must start with pglite: or postgres://")
    .default("pglite:.data/pglite"),
  BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters").optional(),
  BETTER_AUTH_URL: z.url().optional(),
  // Comma-separated proxy addresses/CIDRs whose X-Forwarded-For (and -Proto) may be trusted.
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .refine((v) => !v || v.split(",").map((s) => s.trim()).filter(Boolean).every(isIpOrCidr), "TRUSTED_PROXIES must be comma-separated IP addresses or CIDR ranges"),
  FREEHOLD_RATE_LIMIT: z.enum(["on", "off"]).default("on"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // "on" only when npm run bench:http starts the server: it serves the benchmark's floor pages
  // (app/bench-floor), which are a 404 everywhere else.
  FREEHOLD_BENCH_FLOOR: z.enum(["on", "off"]).default("off"),
  // "on" lets a single sign-on issuer be plain http on a loopback address (the e2e suite's own
  // OpenID provider). Everywhere else an issuer must be https.
  FREEHOLD_SSO_LOOPBACK_HTTP: z.enum(["on", "off"]).default("off"),
  // Set by Next itself; "phase-production-build" while `next build` runs (no database then).
  NEXT_PHASE: z.string().optional(),
});

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

export function env(): TEnv {
  if (!cached) {
    const parsed = ZEnv.safeParse(process.env);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${details}`);
    }
    cached = parsed.data;
  }
  return cached;
}
