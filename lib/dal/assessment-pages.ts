import "server-only";
import { prisma } from "@/lib/db";
import type { TAssessmentDetail, TAttachment } from "@/lib/domain/assessment";
import type { TSignOffLine, TStageSignOff } from "@/lib/domain/report";
import { detailSelect, tenantWhere, toDetail } from "./assessments";
import { liveAttachmentsSelect, toAttachment } from "./attachments";
import { NotFoundError } from "./errors";
import { signOffLinesOf, signOffLinesSelect, stageSignOffSelect } from "./reviews";

/**
 * What a stage page (and the economics page) shows of an assessment, in one query: the assessment
 * as getAssessment reads it, its stage sign-offs newest first (as listStageSignOffs) and its evidence
 * files (as listAttachments). Each is a database round trip of its own otherwise, and on the
 * embedded database round trips are most of a page's server time (bench:http, issue 13).
 */
export async function getAssessmentWithReviewData(
  userId: string,
  slug: string,
  id: string,
): Promise<{ assessment: TAssessmentDetail; signOffs: TStageSignOff[]; attachments: TAttachment[] }> {
  const row = await prisma().assessment.findFirst({
    where: { id, ...tenantWhere(userId, slug) },
    select: { ...detailSelect, stageSignOffs: { select: stageSignOffSelect, orderBy: { createdAt: "desc" } }, attachments: liveAttachmentsSelect },
  });
  if (!row) throw new NotFoundError("Assessment not found");
  const { stageSignOffs, attachments, ...detail } = row;
  return { assessment: toDetail(detail), signOffs: stageSignOffs as TStageSignOff[], attachments: attachments.map(toAttachment) };
}

/**
 * The compared assessments in the order asked, each with its sign-off lines (as listSignOffLines),
 * in one query rather than two per column. An id the caller cannot see is a NotFoundError.
 */
export async function getAssessmentsWithSignOffLines(userId: string, slug: string, ids: readonly string[]): Promise<{ assessment: TAssessmentDetail; signOffLines: TSignOffLine[] }[]> {
  const rows = await prisma().assessment.findMany({ where: { id: { in: [...ids] }, ...tenantWhere(userId, slug) }, select: { ...detailSelect, ...signOffLinesSelect } });
  return ids.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw new NotFoundError("Assessment not found");
    const { snapshots, stageSignOffs, ...detail } = row;
    const assessment = toDetail(detail);
    return { assessment, signOffLines: signOffLinesOf({ snapshots, stageSignOffs }, assessment.inputs) };
  });
}

/**
 * What the assessment memo prints besides the report, in one query: the assessment, its sign-off
 * lines (as listSignOffLines) and its evidence files (as listAttachments).
 */
export async function getAssessmentForMemo(userId: string, slug: string, id: string): Promise<{ assessment: TAssessmentDetail; signOffLines: TSignOffLine[]; attachments: TAttachment[] }> {
  const row = await prisma().assessment.findFirst({
    where: { id, ...tenantWhere(userId, slug) },
    select: { ...detailSelect, ...signOffLinesSelect, attachments: liveAttachmentsSelect },
  });
  if (!row) throw new NotFoundError("Assessment not found");
  const { snapshots, stageSignOffs, attachments, ...detail } = row;
  const assessment = toDetail(detail);
  return { assessment, signOffLines: signOffLinesOf({ snapshots, stageSignOffs }, assessment.inputs), attachments: attachments.map(toAttachment) };
}
