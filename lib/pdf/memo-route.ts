import "server-only";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { getAssessment } from "@/lib/dal/assessments";
import { NotFoundError } from "@/lib/dal/errors";
import { listSignOffLines } from "@/lib/dal/reviews";
import { getOrgContext } from "@/lib/dal/organizations";
import { reportFor } from "@/lib/wizard/report-for";
import { assessmentMemoFilename, comparisonMemoFilename, contentDisposition } from "./memo-filename";
import { renderAssessmentMemo } from "./render-assessment-memo";
import { MAX_COMPARED, MIN_COMPARED, renderComparisonMemo } from "./render-comparison-memo";

// Route handlers for the memos. The report comes from reportFor, the same call the results screen
// makes, so the PDF prints the figures the screen shows. Each one re-checks the caller: the tenant is in every DAL query, so
// another organisation's id (or a slug the user is not a member of) is a 404 that reveals nothing.

function textResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

function pdfResponse(bytes: Buffer, name: { ascii: string; unicode: string }): Response {
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(name),
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

async function withCaller(run: (userId: string) => Promise<Response>): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return textResponse(401, "Sign in to export this memo.");
  try {
    return await run(user.id);
  } catch (e) {
    if (e instanceof NotFoundError) return textResponse(404, "Not found.");
    console.error("PDF memo failed", e);
    return textResponse(500, "The PDF could not be produced. Try again; if it keeps failing, tell your administrator.");
  }
}

export function assessmentMemoResponse(slug: string, id: string): Promise<Response> {
  return withCaller(async (userId) => {
    const org = await getOrgContext(userId, slug);
    const assessment = await getAssessment(userId, slug, id);
    const generatedAt = new Date();
    const signOffs = await listSignOffLines(userId, slug, id, assessment.inputs);
    const bytes = await renderAssessmentMemo(reportFor(assessment, assessment.inputs), { organisationName: org.name, generatedAt, signOffs });
    return pdfResponse(bytes, assessmentMemoFilename(assessment.title, assessment.version, generatedAt));
  });
}

const ZCompareIds = z
  .string()
  .transform((s) => [...new Set(s.split(",").map((x) => x.trim()).filter(Boolean))])
  .pipe(z.array(z.string().min(1).max(64)).min(MIN_COMPARED).max(MAX_COMPARED));

export function comparisonMemoResponse(slug: string, idsParam: string | null): Promise<Response> {
  return withCaller(async (userId) => {
    const org = await getOrgContext(userId, slug);
    const ids = ZCompareIds.safeParse(idsParam ?? "");
    if (!ids.success) return textResponse(400, `Choose ${MIN_COMPARED} to ${MAX_COMPARED} different assessments to compare (?ids=a,b).`);
    const assessments = await Promise.all(ids.data.map((id) => getAssessment(userId, slug, id)));
    const generatedAt = new Date();
    const bytes = await renderComparisonMemo(assessments.map((a) => reportFor(a, a.inputs)), { organisationName: org.name, generatedAt });
    return pdfResponse(bytes, comparisonMemoFilename(assessments.map((a) => a.title), generatedAt));
  });
}
