import { attachmentResponse } from "@/lib/export/attachment-routes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; id: string; attachmentId: string }> }) {
  const { slug, id, attachmentId } = await params;
  return attachmentResponse(slug, id, attachmentId);
}
