// The rows a review writes, built in one place for the DAL and the demo seed (which runs outside
// the server bundle, so this file has no "server-only" marker and no database access).
import { createHash } from "node:crypto";
import { canonicalStageInputs, frozenFigures, summaryColumns } from "@/lib/domain/report";
import { toAttachmentRecord, type TAssessmentInputs, type TAttachment, type TPriceBook } from "@/lib/domain/assessment";
import type { TStageKey } from "@/lib/domain/shared";
import { buildReport } from "@/lib/domain/report";
import type { Prisma } from "@/lib/generated/prisma/client";

export function stageFingerprint(inputs: TAssessmentInputs, stage: TStageKey): string {
  return createHash("sha256").update(canonicalStageInputs(inputs, stage)).digest("hex").slice(0, 32);
}

type TSnapshotSource = {
  id: string;
  organizationId: string;
  title: string;
  description: string;
  candidateModelId: string;
  incumbentApiId: string;
  status: string;
  version: number;
  updatedAt: Date;
};

/** The immutable snapshot of an assessment's content, with the report's figures frozen as they are now. */
export function snapshotRecord(
  a: TSnapshotSource,
  inputs: TAssessmentInputs,
  args: { number: number; note: string; submittedById: string; submittedByName: string; priceBook?: TPriceBook | null; attachments?: readonly TAttachment[] },
): Prisma.AssessmentSnapshotUncheckedCreateInput {
  // The figures, the price book values among them, are frozen here: a later price-book change
  // moves the working copy's figures, never the snapshot's.
  const report = buildReport({ assessment: { ...a, updatedAt: a.updatedAt.toISOString() }, inputs, priceBook: args.priceBook ?? null, options: { today: new Date().toISOString().slice(0, 10) } });
  return {
    assessmentId: a.id,
    organizationId: a.organizationId,
    number: args.number,
    assessmentVersion: a.version,
    title: a.title,
    description: a.description,
    candidateModelId: a.candidateModelId,
    incumbentApiId: a.incumbentApiId,
    inputs: inputs as Prisma.InputJsonValue,
    inputsSchemaVersion: inputs.schemaVersion,
    figures: frozenFigures(report) as unknown as Prisma.InputJsonValue,
    verdict: summaryColumns(report).verdict,
    note: args.note,
    submittedById: args.submittedById,
    submittedByName: args.submittedByName,
    // The evidence as submitted, with each file's SHA-256: the bytes may be replaced in a later
    // draft, and the hash shows which file this version was reviewed with.
    attachments: (args.attachments ?? []).map(toAttachmentRecord) as unknown as Prisma.InputJsonValue,
  };
}
