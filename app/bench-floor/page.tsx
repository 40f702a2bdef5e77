import { notFound } from "next/navigation";
import { connection } from "next/server";
import { env } from "@/lib/env";

// npm run bench:http's floor: the cheapest dynamic page this build can serve (the root layout and
// one heading), so every other page's time is printed as a ratio to it. A 404 unless the benchmark
// started the server (FREEHOLD_BENCH_FLOOR=on); read at request time, never at build time.
export default async function BenchFloorPage() {
  await connection();
  if (env().FREEHOLD_BENCH_FLOOR !== "on") notFound();
  return <h1 className="p-8 text-2xl font-semibold">Benchmark floor</h1>;
}
