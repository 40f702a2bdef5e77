import { env } from "@/lib/env";
import { assessmentMemoInputs, assessmentMemoPdf, type TAssessmentMemoInputs } from "@/lib/export/memo-routes";
import { textResponse, withCaller } from "@/lib/export/route-kit";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// npm run bench:http's floor for the PDF route: the session check and the bare memo render. What
// the memo is drawn from is read once per assessment, with the caller's tenancy like the real route
// (/o/[slug]/assessments/[id]/pdf), and kept; every later request only renders the PDF. A 404
// unless the benchmark started the server (see ../page.tsx).
const inputsByKey = new Map<string, Promise<TAssessmentMemoInputs>>();

export async function GET(request: Request) {
  if (env().FREEHOLD_BENCH_FLOOR !== "on") return textResponse(404, "Not found.");
  const url = new URL(request.url);
  const slug = url.searchParams.get("slug") ?? "";
  const id = url.searchParams.get("id") ?? "";
  return withCaller("this memo", "The memo could not be rendered.", async (userId) => {
    const key = `${userId}/${slug}/${id}`;
    let inputs = inputsByKey.get(key);
    if (!inputs) {
      inputs = assessmentMemoInputs(userId, slug, id);
      inputsByKey.set(key, inputs);
      inputs.catch(() => inputsByKey.delete(key));
    }
    return assessmentMemoPdf(await inputs);
  });
}
