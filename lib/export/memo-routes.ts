import "server-only";
import { z } from "zod";
import { getAssessment } from "@/lib/dal/assessments";
import { getAssessmentForMemo } from "@/lib/dal/assessment-pages";
import { listSignOffLines } from "@/lib/dal/reviews";
import { getOrgContext } from "@/lib/dal/organizations";
import { assessmentMemoFilename, comparisonMemoFilename, contentDisposition } from "@/lib/pdf/memo-filename";
import { renderAssessmentMemo, type TMemoOptions } from "@/lib/pdf/render-assessment-memo";
import type { TReport } from "@/lib/domain/report";
import { COMPARE_MAX, COMPARE_MIN } from "@/lib/domain/portfolio";
import { renderComparisonMemo } from "@/lib/pdf/render-comparison-memo";
import { reportFor } from "@/lib/wizard/report-for";
import { attachment, textResponse, withCaller } from "./route-kit";

// Route handlers for the PDF memos. The report comes from reportFor, the same call the results
// screen makes, so the PDF prints the figures the screen shows; lib/pdf only ever sees the report.

const FAILURE = "The PDF could not be produced. Try again; if it keeps failing, tell your administrator.";

const pdfResponse = (bytes: Buffer, name: { ascii: string; unicode: string }) => attachment(new Uint8Array(bytes), "application/pdf", contentDisposition(name));

/** What the assessment memo is drawn from: the report, the memo's options and its file name's parts. */
export type TAssessmentMemoInputs = { report: TReport; options: TMemoOptions; title: string; version: number };

/** The assessment memo's inputs for the caller: three queries at most (memberships, the assessment with its sign-offs and files). */
export async function assessmentMemoInputs(userId: string, slug: string, id: string): Promise<TAssessmentMemoInputs> {
  const org = await getOrgContext(userId, slug);
  const { assessment, signOffLines, attachments } = await getAssessmentForMemo(userId, slug, id);
  const options = { organisationName: org.name, generatedAt: new Date(), signOffs: signOffLines, attachments };
  return { report: reportFor(assessment, assessment.inputs), options, title: assessment.title, version: assessment.version };
}

/** The rendered memo as the download response. */
export async function assessmentMemoPdf(m: TAssessmentMemoInputs): Promise<Response> {
  const bytes = await renderAssessmentMemo(m.report, m.options);
  return pdfResponse(bytes, assessmentMemoFilename(m.title, m.version, m.options.generatedAt));
}

/** The assessment memo for a caller already identified (a session here, an API token in lib/api). */
export async function assessmentMemoFor(userId: string, slug: string, id: string): Promise<Response> {
  return assessmentMemoPdf(await assessmentMemoInputs(userId, slug, id));
}

export function assessmentMemoResponse(slug: string, id: string): Promise<Response> {
  return withCaller("this memo", FAILURE, (userId) => assessmentMemoFor(userId, slug, id));
}

export const ZCompareIds = z
  .string()
  .transform((s) => [...new Set(s.split(",").map((x) => x.trim()).filter(Boolean))])
  .pipe(z.array(z.string().min(1).max(64)).min(COMPARE_MIN).max(COMPARE_MAX));

export const COMPARE_IDS_MESSAGE = `Choose ${COMPARE_MIN} to ${COMPARE_MAX} different assessments to compare (?ids=a,b).`;

/** The comparison memo of assessments already checked to be `COMPARE_MIN`..`COMPARE_MAX` ids. */
export async function comparisonMemoFor(userId: string, slug: string, ids: string[]): Promise<Response> {
  const org = await getOrgContext(userId, slug);
  const assessments = await Promise.all(ids.map((id) => getAssessment(userId, slug, id)));
  const generatedAt = new Date();
  const signOffsByReport = await Promise.all(assessments.map((a) => listSignOffLines(userId, slug, a.id, a.inputs)));
  const bytes = await renderComparisonMemo(assessments.map((a) => reportFor(a, a.inputs)), { organisationName: org.name, generatedAt, signOffsByReport });
  return pdfResponse(bytes, comparisonMemoFilename(assessments.map((a) => a.title), generatedAt));
}

export function comparisonMemoResponse(slug: string, idsParam: string | null): Promise<Response> {
  return withCaller("this memo", FAILURE, async (userId) => {
    await getOrgContext(userId, slug);
    const ids = ZCompareIds.safeParse(idsParam ?? "");
    if (!ids.success) return textResponse(400, COMPARE_IDS_MESSAGE);
    return comparisonMemoFor(userId, slug, ids.data);
  });
}
