import { assessmentBomResponse } from "@/lib/export/download-routes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  return assessmentBomResponse(slug, id);
}
