import "server-only";
import { randomUUID } from "node:crypto";
import { getAssessment } from "@/lib/dal/assessments";
import { reportFor } from "@/lib/wizard/report-for";
import { BOM_MEDIA_TYPE, bomFilename, buildAiBom } from "@/lib/domain/bom";
import { getOrgContext } from "@/lib/dal/organizations";
import { portfolioExportBatches } from "@/lib/dal/portfolio";
import { toExport, type TAssessmentExport } from "@/lib/domain/assessment";
import { getModel } from "@/lib/domain/catalog";
import { assessmentJsonFilename, portfolioCsvFilename, portfolioCsvLines, portfolioCsvStart } from "@/lib/domain/portfolio";
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
    // Streamed a batch at a time: the download starts at once at 10,000 rows, and the server never
    // holds the whole file. Access is checked before the first byte (a 404 stays a 404).
    const batches = await portfolioExportBatches(userId, slug, parsePortfolioSearchParams(params));
    const name = portfolioCsvFilename(slug, new Date());
    const names = { candidate: candidateName, incumbent: incumbentName };
    const encoder = new TextEncoder();
    let isStarted = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!isStarted) {
          isStarted = true;
          controller.enqueue(encoder.encode(portfolioCsvStart()));
          return;
        }
        try {
          const next = await batches.next();
          if (next.done) controller.close();
          else {
            // The list knows a custom candidate only by its id; its name lives in that assessment's inputs.
            const named = await Promise.all(
              next.value.map(async (r) => (getModel(r.candidateModelId) ? r : { ...r, candidateName: (await getAssessment(userId, slug, r.id)).inputs.customModel?.name ?? null })),
            );
            controller.enqueue(encoder.encode(portfolioCsvLines(named, names)));
          }
        } catch (e) {
          // Headers are sent: all that is left is to cut the download short, so it cannot pass for complete.
          console.error("Export of assessments failed mid-stream", e);
          controller.error(e);
        }
      },
      async cancel() {
        await batches.return(undefined);
      },
    });
    return attachment(body, "text/csv; charset=utf-8", contentDisposition({ ascii: name, unicode: name }));
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
