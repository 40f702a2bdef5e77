import { comparisonMemoResponse } from "@/lib/export/memo-routes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return comparisonMemoResponse(slug, new URL(request.url).searchParams.get("ids"));
}
