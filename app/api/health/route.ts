import { databaseAnswers } from "@/lib/dal/health";

// For load balancers and orchestrators: 200 when this process can serve (its database answers),
// 503 while the database is unreachable or the process is draining for shutdown. No secrets, no
// version details, never cached.
export const dynamic = "force-dynamic";

export async function GET() {
  const draining = (globalThis as Record<symbol, unknown>)[Symbol.for("freehold.draining")] === true;
  const database = (await databaseAnswers()) ? "ok" : "unreachable";
  const ok = database === "ok" && !draining;
  return Response.json({ status: ok ? "ok" : "unavailable", database, draining }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
