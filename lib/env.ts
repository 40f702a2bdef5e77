// The one place that reads process.env. Everything else asks this module.
import { z } from "zod";

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
  // Comma-separated proxy addresses whose X-Forwarded-For may be trusted for rate limiting.
  TRUSTED_PROXIES: z.string().optional(),
  FREEHOLD_RATE_LIMIT: z.enum(["on", "off"]).default("on"),
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
