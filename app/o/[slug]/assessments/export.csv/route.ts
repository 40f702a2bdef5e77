import type { NextRequest } from "next/server";
import { portfolioCsvResponse } from "@/lib/export/download-routes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return portfolioCsvResponse(slug, request.nextUrl.searchParams);
}
