import "server-only";
import { prisma } from "@/lib/db";
import { APPROVER_ROLES, EDITOR_ROLES, type TRole } from "@/lib/domain/shared";
import { ConflictError, ForbiddenError, NotFoundError, StateError } from "@/lib/dal/errors";
import { recordAudit } from "@/lib/dal/audit";
import { tenantWhere } from "@/lib/dal/assessments";
import type { TFrozenFigure, TSignOffLine, TSnapshot, TSnapshotSummary, TStageSignOff } from "@/lib/domain/report";
import { snapshotRecord, stageFingerprint } from "@/lib/dal/review-records";
import { priceBookSelect, toPriceBook } from "@/lib/dal/price-book";
import { attachmentsInTx } from "@/lib/dal/attachments";
import { stageStatus, upgradeInputs, type TAssessmentInputs, type TAttachmentRecord } from "@/lib/domain/assessment";
import { SELF_APPROVAL_NOTE, STAGE_TITLES, type TActor, type TStageKey } from "@/lib/domain/shared";
import type { Prisma } from "@/lib/generated/prisma/client";

// Review and sign-off. The rules live here, in the queries: the caller's role is part of every
// `where`, and a state change only happens if the row is still in the state the rule needs, so two
// managers deciding at once cannot both win.

type TTx = Prisma.TransactionClient;

async function findForRole(tx: TTx, userId: string, slug: string, id: string, roles: readonly TRole[], forbidden: string) {
  const select = { id: true, organizationId: true, title: true, description: true, candidateModelId: true, incumbentApiId: true, status: true, version: true, inputs: true, updatedAt: true } as const;
  const row = await tx.assessment.findFirst({ where: { id, ...tenantWhere(userId, slug, roles) }, select });
  if (row) return row;
  const visible = await tx.assessment.count({ where: { id, ...tenantWhere(userId, slug) } });
  if (!visible) throw new NotFoundError("Assessment not found");
  throw new ForbiddenError(forbidden);
}

export { stageFingerprint };

/** Freezes the current content as the next numbered snapshot and puts the assessment in review. */
export async function submitForReview(actor: TActor, slug: string, id: string, expectedVersion: number, note: string): Promise<{ number: number }> {
  return prisma().$transaction(async (tx) => {
    const a = await findForRole(tx, actor.userId, slug, id, EDITOR_ROLES, "Your role in this organisation cannot submit assessments for review.");
    if (a.status === "in_review") throw new StateError("This assessment is already in review.");
    if (a.status === "approved") throw new StateError("This version is already approved. Change something to start a new draft, then submit that.");
    if (a.version !== expectedVersion) {
      throw new ConflictError(`Someone saved this assessment (now version ${a.version}) after you opened version ${expectedVersion}. Reload and check what you are submitting.`, a.version);
    }
    const inputs = upgradeInputs(a.inputs);
    const last = await tx.assessmentSnapshot.findFirst({ where: { assessmentId: id }, orderBy: { number: "desc" }, select: { number: true } });
    const number = (last?.number ?? 0) + 1;
    const moved = await tx.assessment.updateMany({ where: { id, version: expectedVersion, status: { in: ["draft", "rejected"] } }, data: { status: "in_review" } });
    if (moved.count === 0) throw new ConflictError("This assessment changed while you were submitting it. Reload and try again.", a.version);
    // The price book as it is now, read in this transaction: the snapshot keeps the values it used.
    const book = await tx.priceBook.findUnique({ where: { organizationId: a.organizationId }, select: priceBookSelect });
    // Read after the status change: an attachment added concurrently has either committed (and is
    // listed) or is refused, since adding one needs the assessment still in draft.
    const attachments = await attachmentsInTx(tx, id);
    await tx.assessmentSnapshot.create({ data: snapshotRecord(a, inputs, { number, note, submittedById: actor.userId, submittedByName: actor.userName, priceBook: toPriceBook(book), attachments }) });
    await recordAudit(tx, actor, { organizationId: a.organizationId, assessmentId: id, action: "assessment.submitted", detail: { snapshot: number, version: a.version, note } });
    return { number };
  });
}

export type TDecision = "approved" | "rejected";

/** An owner or manager decides on the pending submission. A rejection needs a comment. */
export async function decideReview(actor: TActor, slug: string, id: string, outcome: TDecision, comment: string): Promise<{ number: number }> {
  if (outcome === "rejected" && comment.trim().length === 0) throw new StateError("Say why it is rejected: the comment is what the analyst works from.");
  return prisma().$transaction(async (tx) => {
    const a = await findForRole(tx, actor.userId, slug, id, APPROVER_ROLES, "Only an owner or a manager can approve or reject an assessment.");
    if (a.status !== "in_review") throw new StateError("This assessment is not waiting for review (someone may have decided already). Reload to see its state.");
    // Separation of duties, in the query: an approval matches the pending snapshot only if someone
    // else submitted it, or the organisation lets a submitter approve their own work.
    const sodWhere: Prisma.AssessmentSnapshotWhereInput =
      outcome === "approved" ? { OR: [{ submittedById: { not: actor.userId } }, { assessment: { organization: { allowSelfApproval: true } } }] } : {};
    const pending = await tx.assessmentSnapshot.findFirst({
      where: { assessmentId: id, decision: null, ...sodWhere },
      orderBy: { number: "desc" },
      select: { id: true, number: true, submittedById: true },
    });
    if (!pending) {
      const own = await tx.assessmentSnapshot.count({ where: { assessmentId: id, decision: null, submittedById: actor.userId } });
      if (own) throw new ForbiddenError("You submitted this version, so someone else must approve it: your organisation requires a second person (an owner can change this in the organisation's settings).");
      throw new StateError("There is no pending submission to decide on.");
    }
    const selfApproved = outcome === "approved" && pending.submittedById === actor.userId;
    const moved = await tx.assessment.updateMany({
      where: { id, status: "in_review" },
      data: outcome === "approved" ? { status: "approved", approvedSnapshotId: pending.id } : { status: "rejected" },
    });
    if (moved.count === 0) throw new StateError("Someone decided on this assessment at the same time. Reload to see their decision.");
    await tx.reviewDecision.create({
      data: { snapshotId: pending.id, assessmentId: id, organizationId: a.organizationId, outcome, comment: comment.trim(), actorId: actor.userId, actorName: actor.userName, selfApproved },
    });
    await recordAudit(tx, actor, { organizationId: a.organizationId, assessmentId: id, action: `assessment.${outcome}`, detail: { snapshot: pending.number, comment: comment.trim(), ...(selfApproved ? { selfApproved } : {}) } });
    return { number: pending.number };
  });
}

/**
 * The submitter takes a pending submission back to draft; the snapshot stays, marked withdrawn.
 * Nobody else can: another editor would pull someone else's work out of review (an owner or manager
 * rejects it instead, with a comment).
 */
export async function withdrawSubmission(actor: TActor, slug: string, id: string): Promise<void> {
  await prisma().$transaction(async (tx) => {
    const a = await findForRole(tx, actor.userId, slug, id, EDITOR_ROLES, "Your role in this organisation cannot withdraw submissions.");
    const pending = await tx.assessmentSnapshot.findFirst({ where: { assessmentId: id, decision: null }, orderBy: { number: "desc" }, select: { id: true, number: true, submittedById: true, submittedByName: true } });
    if (pending && pending.submittedById !== actor.userId) throw new StateError(`Only ${pending.submittedByName}, who submitted it, can withdraw this submission; an owner or manager can reject it instead.`);
    const moved = await tx.assessment.updateMany({ where: { id, status: "in_review" }, data: { status: "draft" } });
    if (moved.count === 0 || !pending) throw new StateError("This assessment is not in review any more. Reload to see its state.");
    await tx.reviewDecision.create({ data: { snapshotId: pending.id, assessmentId: id, organizationId: a.organizationId, outcome: "withdrawn", actorId: actor.userId, actorName: actor.userName } });
    await recordAudit(tx, actor, { organizationId: a.organizationId, assessmentId: id, action: "assessment.withdrawn", detail: { snapshot: pending.number } });
  });
}

/** An owner or manager signs off one stage as it stands; a later change to that stage makes it out of date. */
export async function signOffStage(actor: TActor, slug: string, id: string, stage: TStageKey, note: string): Promise<void> {
  await prisma().$transaction(async (tx) => {
    const a = await findForRole(tx, actor.userId, slug, id, APPROVER_ROLES, "Only an owner or a manager can sign off a stage.");
    const inputs = upgradeInputs(a.inputs);
    if (stageStatus(inputs, stage) === "not-started") throw new StateError(`${STAGE_TITLES[stage]} has no inputs yet: there is nothing to sign off.`);
    await tx.stageSignOff.create({
      data: { assessmentId: id, organizationId: a.organizationId, stage, note: note.trim(), inputsFingerprint: stageFingerprint(inputs, stage), assessmentVersion: a.version, actorId: actor.userId, actorName: actor.userName },
    });
    await recordAudit(tx, actor, { organizationId: a.organizationId, assessmentId: id, action: "stage.signed_off", detail: { stage, version: a.version, note: note.trim() } });
  });
}

// ---------------------------------------------------------------------------------------------
// Reads

export const snapshotSummarySelect = {
  id: true,
  number: true,
  assessmentVersion: true,
  title: true,
  verdict: true,
  note: true,
  submittedById: true,
  submittedByName: true,
  createdAt: true,
  decision: { select: { outcome: true, comment: true, actorName: true, createdAt: true, selfApproved: true } },
} satisfies Prisma.AssessmentSnapshotSelect;

/** Snapshots of one assessment, newest first. An assessment the caller cannot see is a 404. */
export async function listSnapshots(userId: string, slug: string, id: string): Promise<TSnapshotSummary[]> {
  // One query: the tenant check and the list (relationJoins loads the relation in the same SQL).
  const row = await prisma().assessment.findFirst({ where: { id, ...tenantWhere(userId, slug) }, select: { snapshots: { select: snapshotSummarySelect, orderBy: { number: "desc" } } } });
  if (!row) throw new NotFoundError("Assessment not found");
  return row.snapshots;
}

export async function getSnapshot(userId: string, slug: string, id: string, snapshotId: string): Promise<TSnapshot> {
  const row = await prisma().assessmentSnapshot.findFirst({
    where: { id: snapshotId, assessmentId: id, assessment: tenantWhere(userId, slug) },
    select: { ...snapshotSummarySelect, description: true, candidateModelId: true, incumbentApiId: true, inputs: true, figures: true, attachments: true },
  });
  if (!row) throw new NotFoundError("Version not found");
  return { ...row, inputs: upgradeInputs(row.inputs), figures: row.figures as unknown as TFrozenFigure[], attachments: row.attachments as unknown as TAttachmentRecord[] };
}

/** Every stage sign-off of an assessment, newest first. */
export const stageSignOffSelect = { id: true, stage: true, note: true, actorName: true, createdAt: true, assessmentVersion: true, inputsFingerprint: true } satisfies Prisma.StageSignOffSelect;

export async function listStageSignOffs(userId: string, slug: string, id: string): Promise<TStageSignOff[]> {
  const rows = await prisma().stageSignOff.findMany({
    where: { assessmentId: id, assessment: tenantWhere(userId, slug) },
    select: stageSignOffSelect,
    orderBy: { createdAt: "desc" },
  });
  return rows as TStageSignOff[];
}

/**
 * The review decisions and the latest sign-off of each stage, oldest first, as a memo's cover lists
 * them. A stage sign-off whose stage has changed since says so, so a printed memo never implies a
 * sign-off of content nobody signed.
 */
export async function listSignOffLines(userId: string, slug: string, id: string, inputs: TAssessmentInputs): Promise<TSignOffLine[]> {
  // What listSnapshots and listStageSignOffs return, in one query.
  const row = await prisma().assessment.findFirst({ where: { id, ...tenantWhere(userId, slug) }, select: signOffLinesSelect });
  if (!row) throw new NotFoundError("Assessment not found");
  return signOffLinesOf(row, inputs);
}

/** The relations signOffLinesOf reads, for a select on Assessment. */
export const signOffLinesSelect = {
  snapshots: { select: snapshotSummarySelect, orderBy: { number: "desc" } },
  stageSignOffs: { select: stageSignOffSelect, orderBy: { createdAt: "desc" } },
} satisfies Prisma.AssessmentSelect;

/** listSignOffLines' lines from an assessment row read with signOffLinesSelect. */
export function signOffLinesOf(row: Prisma.AssessmentGetPayload<{ select: typeof signOffLinesSelect }>, inputs: TAssessmentInputs): TSignOffLine[] {
  const lines: TSignOffLine[] = [];
  for (const s of row.snapshots) {
    if (!s.decision || s.decision.outcome === "withdrawn") continue;
    const verb = s.decision.outcome === "approved" ? "Approved" : "Rejected";
    const self = s.decision.selfApproved ? `, ${SELF_APPROVAL_NOTE}` : "";
    lines.push({ label: `${verb}: submission ${s.number} (version ${s.assessmentVersion}${self})`, byName: s.decision.actorName, at: s.decision.createdAt, note: s.decision.comment || null });
  }
  const seen = new Set<string>();
  for (const so of row.stageSignOffs as TStageSignOff[]) {
    if (seen.has(so.stage)) continue; // newest first: keep only the latest per stage
    seen.add(so.stage);
    const stale = so.inputsFingerprint !== stageFingerprint(inputs, so.stage);
    lines.push({ label: `Stage signed off: ${STAGE_TITLES[so.stage]} (version ${so.assessmentVersion}${stale ? ", stage changed since" : ""})`, byName: so.actorName, at: so.createdAt, note: so.note || null });
  }
  return lines.sort((a, b) => a.at.getTime() - b.at.getTime());
}
