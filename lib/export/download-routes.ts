import "server-only";
import { getAssessment } from "@/lib/dal/assessments";
import { getOrgContext } from "@/lib/dal/organizations";
import { listPortfolioForExport } from "@/lib/dal/portfolio";
import { toExport } from "@/lib/domain/assessment";
import { getModel } from "@/lib/domain/catalog";
import { assessmentJsonFilename, portfolioCsv, portfolioCsvFilename } from "@/lib/domain/portfolio";
import { candidateName, incumbentName } from "@/lib/domain/portfolio";
import { parsePortfolioSearchParams } from "@/lib/domain/portfolio";
import { contentDisposition } from "@/lib/domain/shared";
import { attachment, withCaller } from "./route-kit";

// Route handlers for the CSV and JSON downloads. Like the PDF memos (memo-routes.ts) each one
// re-checks the caller (route-kit.ts).

const FAILURE = "The export could not be produced. Try again; if it keeps failing, tell your administrator.";

/** The list's rows as CSV: same search, filters and sort as the page (all pages). */
export function portfolioCsvResponse(slug: string, params: URLSearchParams): Promise<Response> {
  return withCaller("assessments", FAILURE, async (userId) => {
    const rows = await listPortfolioForExport(userId, slug, parsePortfolioSearchParams(params));
    // The list knows a custom candidate only by its id; its name lives in that assessment's inputs.
    const named = await Promise.all(
      rows.map(async (r) => (getModel(r.candidateModelId) ? r : { ...r, candidateName: (await getAssessment(userId, slug, r.id)).inputs.customModel?.name ?? null })),
    );
    const name = portfolioCsvFilename(slug, new Date());
    return attachment(portfolioCsv(named, { candidate: candidateName, incumbent: incumbentName }), "text/csv; charset=utf-8", contentDisposition({ ascii: name, unicode: name }));
  });
}

/** One assessment as a portable Freehold JSON document (importable into any organisation). */
export function assessmentJsonResponse(slug: string, id: string): Promise<Response> {
  return withCaller("this assessment", FAILURE, async (userId) => {
    const [org, assessment] = await Promise.all([getOrgContext(userId, slug), getAssessment(userId, slug, id)]);
    const doc = toExport({ organizationName: org.name, exportedAt: new Date(), assessment });
    return attachment(`${JSON.stringify(doc, null, 2)}\n`, "application/json; charset=utf-8", contentDisposition(assessmentJsonFilename(assessment.title, assessment.version)));
  });
}
