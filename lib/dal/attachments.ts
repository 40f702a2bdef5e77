import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { EDITOR_ROLES, type TActor } from "@/lib/domain/shared";
import {
  attachmentFileName,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_ASSESSMENT,
  sniffAttachment,
  formatBytes,
  type TAttachment,
  type TAttachmentKind,
  type TAttachmentStage,
} from "@/lib/domain/assessment";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "./audit";
import { tenantWhere } from "./assessments";
import { blobStore } from "./blob-store";
import { ForbiddenError, InputError, InReviewError, NotFoundError, StateError } from "./errors";

// Evidence attachments. The tenant is in every query (through the assessment's organisation and
// the caller's membership); a foreign assessment or attachment id is a NotFoundError. Files can
// be added or removed only while the assessment is a draft (or rejected): once it is submitted,
// its evidence is what the reviewer saw, and once approved, what was approved. A file that a
// submission recorded is never erased: deleting it later (in a new draft) hides it from the current
// evidence while the snapshots that list it keep serving its bytes.

type TTx = Prisma.TransactionClient;

export const attachmentSelect = { id: true, stage: true, kind: true, fileName: true, contentType: true, sizeBytes: true, sha256: true, uploadedByName: true, createdAt: true } satisfies Prisma.AttachmentSelect;
/** By stage, then oldest first. */
export const attachmentOrder = [{ stage: "asc" }, { createdAt: "asc" }, { id: "asc" }] satisfies Prisma.AttachmentOrderByWithRelationInput[];

export const toAttachment = (r: Prisma.AttachmentGetPayload<{ select: typeof attachmentSelect }>): TAttachment => ({ ...r, stage: r.stage as TAttachmentStage, kind: r.kind as TAttachmentKind });

export const APPROVED_ATTACHMENT_MESSAGE = "This assessment is approved: its evidence is part of the approved version. Change one of its inputs to start a new draft, then add or remove files.";

/** The assessment, if the caller may change its evidence now; the reason as an error otherwise. */
async function findEditable(tx: TTx, actor: TActor, slug: string, id: string) {
  const row = await tx.assessment.findFirst({ where: { id, ...tenantWhere(actor.userId, slug, EDITOR_ROLES) }, select: { id: true, organizationId: true, status: true } });
  if (!row) {
    const visible = await tx.assessment.count({ where: { id, ...tenantWhere(actor.userId, slug) } });
    if (!visible) throw new NotFoundError("Assessment not found");
    throw new ForbiddenError("Your role in this organisation can read this assessment's evidence but not change it.");
  }
  if (row.status === "in_review") throw new InReviewError();
  if (row.status === "approved") throw new StateError(APPROVED_ATTACHMENT_MESSAGE);
  // Touching the row takes its lock, so a submission running at the same time either sees this
  // change in its snapshot or waits for it; the status condition refuses one that won the race.
  const touched = await tx.assessment.updateMany({ where: { id, status: { in: ["draft", "rejected"] } }, data: { updatedAt: new Date() } });
  if (touched.count === 0) throw new InReviewError();
  return row;
}

/** Every attachment of an assessment, by stage then oldest first. */
export async function listAttachments(userId: string, slug: string, assessmentId: string): Promise<TAttachment[]> {
  // One query: the tenant check and the list (relationJoins loads the relation in the same SQL).
  const row = await prisma().assessment.findFirst({
    where: { id: assessmentId, ...tenantWhere(userId, slug) },
    select: { attachments: liveAttachmentsSelect },
  });
  if (!row) throw new NotFoundError("Assessment not found");
  return row.attachments.map(toAttachment);
}

/** An assessment's evidence files as listAttachments lists them (not deleted), for a select on Assessment. */
export const liveAttachmentsSelect = { where: { deletedAt: null }, select: attachmentSelect, orderBy: attachmentOrder } satisfies Prisma.Assessment$attachmentsArgs;

/** The attachments a snapshot records, read inside the submitting transaction and marked as kept. */
export async function attachmentsInTx(tx: TTx, assessmentId: string): Promise<TAttachment[]> {
  const rows = await tx.attachment.findMany({ where: { assessmentId, deletedAt: null }, select: attachmentSelect, orderBy: attachmentOrder });
  await tx.attachment.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { inSnapshot: true } });
  return rows.map(toAttachment);
}

export type TNewAttachment = { stage: TAttachmentStage; kind: TAttachmentKind; fileName: string; bytes: Uint8Array };

/**
 * Stores a file as evidence for one stage. Its type is sniffed from its bytes and its SHA-256 is
 * computed here, so nothing reaches the store unchecked whoever calls this.
 */
export async function addAttachment(actor: TActor, slug: string, assessmentId: string, file: TNewAttachment): Promise<TAttachment> {
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new InputError({ file: `The file is too large (${formatBytes(file.bytes.byteLength)}); the limit is ${formatBytes(MAX_ATTACHMENT_BYTES)}.` });
  const fileName = attachmentFileName(file.fileName);
  const sniffed = sniffAttachment(file.bytes, fileName);
  if (!sniffed.ok) throw new InputError({ file: sniffed.message });
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const storageKey = randomUUID();
  // The bytes go first, outside the transaction (another store would not share it); if the row
  // cannot be written they are removed again.
  await blobStore().put(storageKey, file.bytes);
  try {
    return await prisma().$transaction(async (tx) => {
      const a = await findEditable(tx, actor, slug, assessmentId);
      const count = await tx.attachment.count({ where: { assessmentId, deletedAt: null } });
      if (count >= MAX_ATTACHMENTS_PER_ASSESSMENT) throw new InputError({ file: `This assessment already has ${count} files, the most it can hold. Delete one before adding another.` });
      const row = await tx.attachment.create({
        data: { organizationId: a.organizationId, assessmentId, stage: file.stage, kind: file.kind, fileName, contentType: sniffed.contentType, sizeBytes: file.bytes.byteLength, sha256, storageKey, uploadedById: actor.userId, uploadedByName: actor.userName },
        select: attachmentSelect,
      });
      await recordAudit(tx, actor, { organizationId: a.organizationId, assessmentId, action: "attachment.added", detail: { stage: file.stage, kind: file.kind, fileName, sizeBytes: file.bytes.byteLength, sha256 } });
      return toAttachment(row);
    });
  } catch (e) {
    await blobStore().remove(storageKey);
    throw e;
  }
}

export async function deleteAttachment(actor: TActor, slug: string, assessmentId: string, attachmentId: string): Promise<void> {
  const erase = await prisma().$transaction(async (tx) => {
    const row = await tx.attachment.findFirst({ where: { id: attachmentId, assessmentId, deletedAt: null, assessment: tenantWhere(actor.userId, slug) }, select: { id: true, fileName: true, stage: true, sha256: true, storageKey: true, inSnapshot: true } });
    if (!row) throw new NotFoundError("Attachment not found");
    const a = await findEditable(tx, actor, slug, assessmentId);
    if (row.inSnapshot) await tx.attachment.update({ where: { id: row.id }, data: { deletedAt: new Date(), deletedByName: actor.userName } });
    else await tx.attachment.delete({ where: { id: row.id } });
    await recordAudit(tx, actor, { organizationId: a.organizationId, assessmentId, action: "attachment.deleted", detail: { stage: row.stage, fileName: row.fileName, sha256: row.sha256, keptForSnapshots: row.inSnapshot } });
    return row.inSnapshot ? null : row.storageKey;
  });
  if (erase) await blobStore().remove(erase);
}

/** One attachment with its bytes, for the download route: current evidence, or a file a snapshot kept. */
export async function readAttachment(userId: string, slug: string, assessmentId: string, attachmentId: string): Promise<TAttachment & { bytes: Uint8Array }> {
  const row = await prisma().attachment.findFirst({ where: { id: attachmentId, assessmentId, assessment: tenantWhere(userId, slug) }, select: { ...attachmentSelect, storageKey: true } });
  if (!row) throw new NotFoundError("Attachment not found");
  const bytes = await blobStore().get(row.storageKey);
  if (!bytes) throw new Error(`Attachment ${row.id} has no stored bytes (key ${row.storageKey})`);
  const { storageKey: _key, ...meta } = row;
  return { ...toAttachment(meta), bytes };
}
