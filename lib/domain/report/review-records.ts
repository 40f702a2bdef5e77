// Review history as the screens and the memo receive it: submissions (snapshots) with their
// decisions, stage sign-offs and audit events. Plain data returned by the data access layer.
import type { TAssessmentInputs, TAttachmentRecord, TStoredVerdict } from "../assessment";
import type { TStageKey } from "../shared";
import type { TFrozenFigure } from "./history";

export type TReviewOutcome = "approved" | "rejected" | "withdrawn";
export type TSnapshotDecision = { outcome: TReviewOutcome; comment: string; actorName: string; createdAt: Date; selfApproved: boolean };
export type TSnapshotSummary = {
  id: string;
  number: number;
  assessmentVersion: number;
  title: string;
  verdict: TStoredVerdict | null;
  note: string;
  submittedById: string;
  submittedByName: string;
  createdAt: Date;
  decision: TSnapshotDecision | null;
};
export type TSnapshot = TSnapshotSummary & { description: string; candidateModelId: string; incumbentApiId: string; inputs: TAssessmentInputs; figures: TFrozenFigure[]; attachments: TAttachmentRecord[] };

export type TStageSignOff = { id: string; stage: TStageKey; note: string; actorName: string; createdAt: Date; assessmentVersion: number; inputsFingerprint: string };
export type TSignOffLine = { label: string; byName: string; at: Date; note: string | null };
export type TAuditEvent = { id: string; actorName: string; action: string; detail: unknown; createdAt: Date };
