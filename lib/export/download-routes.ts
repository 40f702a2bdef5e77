import "server-only";
import { randomUUID } from "node:crypto";
import { getAssessment } from "@/lib/dal/assessments";
import { reportFor } from "@/lib/wizard/report-for";
import { BOM_MEDIA_TYPE, bomFilename, buildAiBom } from "@/lib/domain/bom";
import { getOrgContext } from "@/lib/dal/organizations";
import { listPortfolioForExport } from "@/lib/dal/portfolio";
import { toExport, type TAssessmentExport } from "@/lib/domain/assessment";
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
    const name = portfolioCsvFilename(slug, new Date());
    return attachment(portfolioCsv(rows, { candidate: candidateName, incumbent: incumbentName }), "text/csv; charset=utf-8", contentDisposition({ ascii: name, unicode: name }));
  });
}

/** One assessment as a portable Freehold JSON document (importable into any organisation). */
/** The export document and its file name, for a caller already identified (session or API token). */
export async function assessmentExportFor(userId: string, slug: string, id: string): Promise<{ doc: TAssessmentExport; disposition: string }> {
  const [org, assessment] = await Promise.all([getOrgContext(userId, slug), getAssessment(userId, slug, id)]);
  const doc = toExport({ organizationName: org.name, exportedAt: new Date(), assessment });
  return { doc, disposition: contentDisposition(assessmentJsonFilename(assessment.title, assessment.version)) };
}

export function assessmentJsonResponse(slug: string, id: string): Promise<Response> {
  return withCaller("this assessment", FAILURE, async (userId) => {
    const { doc, disposition } = await assessmentExportFor(userId, slug, id);
    return attachment(`${JSON.stringify(doc, null, 2)}\n`, "application/json; charset=utf-8", disposition);
  });
}

/** The AI bill of materials (CycloneDX 1.6 JSON) for a caller already identified (session or API token). */
export async function assessmentBomFor(userId: string, slug: string, id: string): Promise<Response> {
  const [org, a] = await Promise.all([getOrgContext(userId, slug), getAssessment(userId, slug, id)]);
  const bom = buildAiBom({ report: reportFor(a, a.inputs), inputs: a.inputs, organisationName: org.name, generatedAt: new Date(), serialNumber: randomUUID() });
  return attachment(`${JSON.stringify(bom, null, 2)}\n`, BOM_MEDIA_TYPE, contentDisposition(bomFilename(a.title, a.version)));
}

export function assessmentBomResponse(slug: string, id: string): Promise<Response> {
  return withCaller("this bill of materials", FAILURE, (userId) => assessmentBomFor(userId, slug, id));
}
