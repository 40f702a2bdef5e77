import { prisma } from "@/lib/db";

// For load balancers and orchestrators: 200 when this process can serve (its database answers),
// 503 while the database is unreachable or the process is draining for shutdown. No secrets, no
// version details, never cached.
export const dynamic = "force-dynamic";

const DB_TIMEOUT_MS = 2000;

export async function GET() {
  const draining = (globalThis as Record<symbol, unknown>)[Symbol.for("freehold.draining")] === true;
  let database: "ok" | "unreachable" = "ok";
  try {
    await Promise.race([
      prisma().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database check timed out")), DB_TIMEOUT_MS).unref()),
    ]);
  } catch {
    database = "unreachable";
  }
  const ok = database === "ok" && !draining;
  return Response.json({ status: ok ? "ok" : "unavailable", database, draining }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
