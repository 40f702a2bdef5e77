import { comparisonMemoResponse } from "@/lib/pdf/memo-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return comparisonMemoResponse(slug, new URL(request.url).searchParams.get("ids"));
}
