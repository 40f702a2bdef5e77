// Serves a production build on a fresh, throwaway PGlite database for the e2e suite:
// migrate (through the real Prisma CLI), seed the demo data, build, start.
import { execSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const port = process.argv[2] ?? "3100";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "freehold-e2e-"));
// Playwright stands in for a reverse proxy on loopback: each test sends its own X-Forwarded-For so
// one test's sign-ins never fill another's rate-limit bucket. e2e/security.spec.ts starts a server
// without this to prove the header is ignored from untrusted peers.
const env = {
  ...process.env,
  DATABASE_URL: `pglite:${path.join(dir, "pglite")}`,
  BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
  TRUSTED_PROXIES: process.env.TRUSTED_PROXIES ?? "127.0.0.1",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  // e2e/sso.spec.ts runs its OpenID provider on http://127.0.0.1.
  FREEHOLD_SSO_LOOPBACK_HTTP: "on",
};
const run = (cmd) => execSync(cmd, { stdio: "inherit", env });

run("npx prisma migrate deploy");
run("npx tsx prisma/seed.ts");
if (process.env.E2E_SKIP_BUILD !== "1") run("npx next build");
// The production server (server.mjs), as `npm start` runs it.
const server = spawn(process.execPath, ["server.mjs", "-p", port, "-H", "127.0.0.1"], { stdio: "inherit", env });
const stop = () => {
  server.kill("SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => process.exit(code ?? 0));
