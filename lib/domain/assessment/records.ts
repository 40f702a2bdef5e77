import type { TPriceBook } from "./price-book";
// An assessment as the screens receive it from the data access layer: plain data, no database
// types. The status and stored verdict lists match the database's enums (prisma/schema.prisma).
import type { TAssessmentInputs } from "./inputs";

export const ASSESSMENT_STATUSES = ["draft", "in_review", "approved", "rejected"] as const;
export type TAssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** The verdicts the current scheme stores (issue 11), for sorting and filtering (enum values, not labels). */
export const CURRENT_STORED_VERDICTS = ["go_self_host", "go_hosted", "hybrid", "stay_api", "blocked", "insufficient"] as const;
/** Every stored value: "go" and "no_go" are summary version 1's, kept so old snapshots still read. */
export const STORED_VERDICTS = [...CURRENT_STORED_VERDICTS, "go", "no_go"] as const;
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
  /** The organisation's price book every report of this assessment uses (null: none saved). */
  priceBook?: TPriceBook | null;
};

export type TAssessmentDetail = TAssessmentSummary & { inputs: TAssessmentInputs; createdAt: Date };
