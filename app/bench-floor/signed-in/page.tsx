import { notFound } from "next/navigation";
import { connection } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

// npm run bench:http's signed-in floor: the session check every signed-in page makes, then one
// heading. A 404 unless the benchmark started the server (see ../page.tsx).
export default async function BenchSignedInFloorPage() {
  await connection();
  if (env().FREEHOLD_BENCH_FLOOR !== "on") notFound();
  const user = await requireUser("/bench-floor/signed-in");
  return <h1 className="p-8 text-2xl font-semibold">Benchmark floor for {user.name}</h1>;
}
