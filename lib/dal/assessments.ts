import "server-only";
import { prisma } from "@/lib/db";
import { APPROVER_ROLES, EDITOR_ROLES, type TRole } from "@/lib/domain/shared";
import { ConflictError, ForbiddenError, InReviewError, NotFoundError } from "@/lib/dal/errors";
import { recordAudit } from "@/lib/dal/audit";
import type { TActor } from "@/lib/domain/shared";
import { ZAssessmentInputs, CURRENT_INPUTS_SCHEMA_VERSION, upgradeInputs, type TAssessmentInputs } from "@/lib/domain/assessment";
import type { TAssessmentDetail, TAssessmentSummary } from "@/lib/domain/assessment";
import type { Prisma } from "@/lib/generated/prisma/client";
import { summaryForAssessment } from "@/lib/domain/report";
import { priceBookSelect, toPriceBook } from "@/lib/dal/price-book";

/** Prisma filter: the assessment's organisation is `slug` and the user is a member with one of `roles`. */
export function tenantWhere(userId: string, slug: string, roles?: readonly TRole[]): Prisma.AssessmentWhereInput {
  return {
    organization: {
      slug,
      members: { some: roles ? { userId, role: { in: [...roles] } } : { userId } },
    },
  };
}

const summarySelect = {
  id: true,
  title: true,
  description: true,
  candidateModelId: true,
  incumbentApiId: true,
  status: true,
  version: true,
  updatedAt: true,
  createdById: true,
  approvedSnapshotId: true,
  createdBy: { select: { name: true } },
  updatedBy: { select: { name: true } },
  // Every report of the assessment uses the organisation's price book (its version keys any cache).
  organization: { select: { priceBook: { select: priceBookSelect } } },
} satisfies Prisma.AssessmentSelect;

type TSummaryRow = Prisma.AssessmentGetPayload<{ select: typeof summarySelect }>;

function toSummary(r: TSummaryRow): TAssessmentSummary {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    candidateModelId: r.candidateModelId,
    incumbentApiId: r.incumbentApiId,
    status: r.status,
    version: r.version,
    updatedAt: r.updatedAt,
    createdByName: r.createdBy.name,
    updatedByName: r.updatedBy.name,
    createdById: r.createdById,
    approvedSnapshotId: r.approvedSnapshotId,
    priceBook: toPriceBook(r.organization.priceBook),
  };
}

export async function listAssessments(userId: string, slug: string): Promise<TAssessmentSummary[]> {
  const rows = await prisma().assessment.findMany({
    where: tenantWhere(userId, slug),
    select: summarySelect,
    orderBy: { updatedAt: "desc" },
  });
  return rows.map(toSummary);
}

/** What getAssessment reads; other DAL reads add relations to it (see assessment-pages.ts). */
export const detailSelect = { ...summarySelect, inputs: true, createdAt: true } satisfies Prisma.AssessmentSelect;

export function toDetail(row: Prisma.AssessmentGetPayload<{ select: typeof detailSelect }>): TAssessmentDetail {
  // Never fall back to empty inputs: a later stage save would merge into them and wipe the rest.
  // upgradeInputs throws a message naming what it could not read.
  return { ...toSummary(row), createdAt: row.createdAt, inputs: upgradeInputs(row.inputs) };
}

export async function getAssessment(userId: string, slug: string, id: string): Promise<TAssessmentDetail> {
  const row = await prisma().assessment.findFirst({ where: { id, ...tenantWhere(userId, slug) }, select: detailSelect });
  if (!row) throw new NotFoundError("Assessment not found");
  return toDetail(row);
}

export type TCreateAssessment = {
  title: string;
  description?: string;
  candidateModelId: string;
  incumbentApiId: string;
  inputs?: TAssessmentInputs;
  /** "assessment.created" unless it came from elsewhere ("assessment.imported", "assessment.duplicated"). */
  auditAction?: string;
  auditDetail?: Record<string, string | number>;
};

export async function createAssessment(actor: TActor, slug: string, data: TCreateAssessment): Promise<TAssessmentSummary> {
  return prisma().$transaction(async (tx) => {
    const org = await tx.organization.findFirst({
      where: { slug, members: { some: { userId: actor.userId } } },
      select: { id: true, members: { where: { userId: actor.userId }, select: { role: true } }, priceBook: { select: priceBookSelect } },
    });
    if (!org) throw new NotFoundError("Organisation not found");
    if (!EDITOR_ROLES.includes(org.members[0]?.role as TRole)) {
      throw new ForbiddenError("Your role in this organisation cannot create assessments.");
    }
    const inputs = ZAssessmentInputs.parse(data.inputs ?? {});
    const summary = summaryForAssessment({ id: "new", title: data.title, description: data.description ?? "", candidateModelId: data.candidateModelId, incumbentApiId: data.incumbentApiId }, inputs, toPriceBook(org.priceBook));
    const row = await tx.assessment.create({
      data: {
        ...summary,
        organizationId: org.id,
        title: data.title,
        description: data.description ?? "",
        candidateModelId: data.candidateModelId,
        incumbentApiId: data.incumbentApiId,
        inputs: inputs as Prisma.InputJsonValue,
        inputsSchemaVersion: CURRENT_INPUTS_SCHEMA_VERSION,
        createdById: actor.userId,
        updatedById: actor.userId,
      },
      select: summarySelect,
    });
    await recordAudit(tx, actor, {
      organizationId: org.id,
      assessmentId: row.id,
      action: data.auditAction ?? "assessment.created",
      detail: { title: row.title, candidateModelId: row.candidateModelId, incumbentApiId: row.incumbentApiId, ...data.auditDetail },
    });
    return toSummary(row);
  });
}

export type TUpdateAssessment = {
  expectedVersion: number;
  title?: string;
  description?: string;
  candidateModelId?: string;
  incumbentApiId?: string;
  inputs?: TAssessmentInputs;
  /** A stage save: its stage and the labels of the fields it changed, for the audit log (and the version it was merged from, if it was). */
  inputsChange?: { stage: string; fields: string[]; mergedFromVersion?: number };
};

/**
 * Updates only if the row is still at `expectedVersion`: a stale save is refused with a
 * ConflictError, never silently overwriting someone else's work.
 */
export async function updateAssessment(actor: TActor, slug: string, id: string, patch: TUpdateAssessment): Promise<TAssessmentSummary> {
  return prisma().$transaction(async (tx) => {
    const before = await tx.assessment.findFirst({
      where: { id, ...tenantWhere(actor.userId, slug) },
      select: { id: true, organizationId: true, title: true, description: true, candidateModelId: true, incumbentApiId: true, version: true, status: true, inputs: true, organization: { select: { priceBook: { select: priceBookSelect } } } },
    });
    if (!before) throw new NotFoundError("Assessment not found");
    if (before.status === "in_review") throw new InReviewError();
    const data: Prisma.AssessmentUncheckedUpdateManyInput = { version: { increment: 1 }, updatedById: actor.userId };
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ["title", "description", "candidateModelId", "incumbentApiId"] as const) {
      const value = patch[key];
      if (value !== undefined && value !== before[key]) {
        data[key] = value;
        changed[key] = { from: before[key], to: value };
      }
    }
    if (patch.inputs !== undefined) {
      data.inputs = ZAssessmentInputs.parse(patch.inputs) as Prisma.InputJsonValue;
      data.inputsSchemaVersion = CURRENT_INPUTS_SCHEMA_VERSION;
      changed.inputs = { from: "(previous inputs)", to: "(new inputs)" };
    }
    // An approved (or rejected) assessment that changes becomes a new draft; the approved snapshot stays.
    if (before.status === "approved" || before.status === "rejected") {
      data.status = "draft";
      changed.status = { from: before.status, to: "draft" };
    }
    const { organization: _org, ...plain } = before;
    void _org;
    const next = { ...plain, ...(data as object) } as typeof plain;
    Object.assign(data, summaryForAssessment({ id, title: next.title, description: next.description, candidateModelId: next.candidateModelId, incumbentApiId: next.incumbentApiId }, (data.inputs as TAssessmentInputs | undefined) ?? upgradeInputs(before.inputs), toPriceBook(before.organization.priceBook)));
    const result = await tx.assessment.updateMany({
      where: { id, version: patch.expectedVersion, status: { not: "in_review" }, ...tenantWhere(actor.userId, slug, EDITOR_ROLES) },
      data,
    });
    if (result.count === 0) {
      const canEdit = await tx.assessment.count({ where: { id, ...tenantWhere(actor.userId, slug, EDITOR_ROLES) } });
      if (!canEdit) throw new ForbiddenError("Your role in this organisation can read this assessment but not change it.");
      const now = await tx.assessment.findUnique({ where: { id }, select: { status: true, version: true } });
      if (now?.status === "in_review") throw new InReviewError();
      throw new ConflictError(
        `Someone else saved this assessment (now version ${before.version}) after you opened version ${patch.expectedVersion}. Reload to see their changes, or overwrite them knowingly.`,
        before.version,
      );
    }
    await recordAudit(tx, actor, {
      organizationId: before.organizationId,
      assessmentId: id,
      action: "assessment.updated",
      detail: { fromVersion: patch.expectedVersion, toVersion: patch.expectedVersion + 1, changed, ...patch.inputsChange } as Prisma.InputJsonValue,
    });
    const row = await tx.assessment.findUniqueOrThrow({ where: { id }, select: summarySelect });
    return toSummary(row);
  });
}

export async function deleteAssessment(actor: TActor, slug: string, id: string): Promise<void> {
  await prisma().$transaction(async (tx) => {
    const row = await tx.assessment.findFirst({
      where: { id, ...tenantWhere(actor.userId, slug) },
      select: { organizationId: true, title: true, status: true, _count: { select: { snapshots: true } } },
    });
    if (!row) throw new NotFoundError("Assessment not found");
    if (row.status === "in_review") throw new InReviewError();
    // Deleting takes the review snapshots with it, so once there is review history only an owner
    // or a manager may do that (the audit log keeps the record either way).
    const roles = row._count.snapshots > 0 ? APPROVER_ROLES : EDITOR_ROLES;
    const result = await tx.assessment.deleteMany({ where: { id, status: { not: "in_review" }, ...tenantWhere(actor.userId, slug, roles) } });
    if (result.count === 0) {
      throw new ForbiddenError(row._count.snapshots > 0 ? "This assessment has review history: only an owner or a manager can delete it." : "Your role in this organisation cannot delete assessments.");
    }
    await recordAudit(tx, actor, {
      organizationId: row.organizationId,
      assessmentId: id,
      action: "assessment.deleted",
      detail: { title: row.title },
    });
  });
}
