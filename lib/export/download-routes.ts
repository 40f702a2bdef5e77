import "server-only";
import { getCurrentUser } from "@/lib/auth/session";
import { getAssessment } from "@/lib/dal/assessments";
import { NotFoundError } from "@/lib/dal/errors";
import { getOrgContext } from "@/lib/dal/organizations";
import { listPortfolioForExport } from "@/lib/dal/portfolio";
import { toExport } from "@/lib/domain/assessment";
import { assessmentJsonFilename, portfolioCsv, portfolioCsvFilename } from "@/lib/domain/portfolio";
import { candidateName, incumbentName } from "@/lib/domain/portfolio";
import { parsePortfolioSearchParams } from "@/lib/domain/portfolio";
import { contentDisposition } from "@/lib/domain/shared";

// Route handlers for the CSV and JSON downloads. Like the PDF memos (lib/pdf/memo-route.ts) each one
// re-checks the caller, and the DAL puts the tenant in every query: a slug the caller is not a
// member of, or another organisation's assessment id, is a 404 that reveals nothing.

function textResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

function attachment(body: string, contentType: string, disposition: string): Response {
  return new Response(body, {
    status: 200,
    headers: { "Content-Type": contentType, "Content-Disposition": disposition, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
  });
}

async function withCaller(what: string, run: (userId: string) => Promise<Response>): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return textResponse(401, `Sign in to export ${what}.`);
  try {
    return await run(user.id);
  } catch (e) {
    if (e instanceof NotFoundError) return textResponse(404, "Not found.");
    console.error(`Export of ${what} failed`, e);
    return textResponse(500, "The export could not be produced. Try again; if it keeps failing, tell your administrator.");
  }
}

/** The list's rows as CSV: same search, filters and sort as the page (all pages). */
export function portfolioCsvResponse(slug: string, params: URLSearchParams): Promise<Response> {
  return withCaller("assessments", async (userId) => {
    const rows = await listPortfolioForExport(userId, slug, parsePortfolioSearchParams(params));
    const name = portfolioCsvFilename(slug, new Date());
    return attachment(portfolioCsv(rows, { candidate: candidateName, incumbent: incumbentName }), "text/csv; charset=utf-8", contentDisposition({ ascii: name, unicode: name }));
  });
}

/** One assessment as a portable Freehold JSON document (importable into any organisation). */
export function assessmentJsonResponse(slug: string, id: string): Promise<Response> {
  return withCaller("this assessment", async (userId) => {
    const [org, assessment] = await Promise.all([getOrgContext(userId, slug), getAssessment(userId, slug, id)]);
    const doc = toExport({ organizationName: org.name, exportedAt: new Date(), assessment });
    return attachment(`${JSON.stringify(doc, null, 2)}\n`, "application/json; charset=utf-8", contentDisposition(assessmentJsonFilename(assessment.title, assessment.version)));
  });
}
