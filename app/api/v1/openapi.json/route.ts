import { openApiText } from "@/lib/api/openapi";

// The API's description is public (it holds no data), so tools can fetch it without a token.
export const dynamic = "force-static";

export function GET() {
  return new Response(openApiText(), { headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
