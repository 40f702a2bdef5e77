// An assessment as the screens receive it from the data access layer: plain data, no database
// types. The status and stored verdict lists match the database's enums (prisma/schema.prisma).
import type { TAssessmentInputs } from "./inputs";

export const ASSESSMENT_STATUSES = ["draft", "in_review", "approved", "rejected"] as const;
export type TAssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** The recommendation as stored for sorting and filtering ("no_go": an enum value, not a label). */
export const STORED_VERDICTS = ["go", "hybrid", "no_go"] as const;
export type TStoredVerdict = (typeof STORED_VERDICTS)[number];

export type TAssessmentSummary = {
  id: string;
  title: string;
  description: string;
  candidateModelId: string;
  incumbentApiId: string;
  status: TAssessmentStatus;
  version: number;
  updatedAt: Date;
  updatedByName: string;
  createdByName: string;
  createdById: string;
  approvedSnapshotId: string | null;
};

export type TAssessmentDetail = TAssessmentSummary & { inputs: TAssessmentInputs; createdAt: Date };
