-- CreateEnum
CREATE TYPE "AssessmentVerdict" AS ENUM ('go', 'hybrid', 'no_go');

-- CreateEnum
CREATE TYPE "ReviewOutcome" AS ENUM ('approved', 'rejected', 'withdrawn');

-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "approvedSnapshotId" TEXT,
ADD COLUMN     "capabilityGapPp" DOUBLE PRECISION,
ADD COLUMN     "crossoverTokensPerMonth" DOUBLE PRECISION,
ADD COLUMN     "licenceBlockers" INTEGER,
ADD COLUMN     "monthlyApiUsd" DOUBLE PRECISION,
ADD COLUMN     "monthlyOwnedUsd" DOUBLE PRECISION,
ADD COLUMN     "summaryVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "verdict" "AssessmentVerdict";

-- CreateTable
CREATE TABLE "AssessmentSnapshot" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "assessmentVersion" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "candidateModelId" TEXT NOT NULL,
    "incumbentApiId" TEXT NOT NULL,
    "inputs" JSONB NOT NULL,
    "inputsSchemaVersion" INTEGER NOT NULL,
    "figures" JSONB NOT NULL,
    "verdict" "AssessmentVerdict",
    "note" TEXT NOT NULL DEFAULT '',
    "submittedById" TEXT NOT NULL,
    "submittedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewDecision" (
    "id" TEXT NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "outcome" "ReviewOutcome" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StageSignOff" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "inputsFingerprint" TEXT NOT NULL,
    "assessmentVersion" INTEGER NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StageSignOff_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AssessmentSnapshot_organizationId_assessmentId_idx" ON "AssessmentSnapshot"("organizationId", "assessmentId");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentSnapshot_assessmentId_number_key" ON "AssessmentSnapshot"("assessmentId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewDecision_snapshotId_key" ON "ReviewDecision"("snapshotId");

-- CreateIndex
CREATE INDEX "ReviewDecision_organizationId_assessmentId_idx" ON "ReviewDecision"("organizationId", "assessmentId");

-- CreateIndex
CREATE INDEX "StageSignOff_organizationId_assessmentId_stage_createdAt_idx" ON "StageSignOff"("organizationId", "assessmentId", "stage", "createdAt");

-- CreateIndex
CREATE INDEX "Assessment_organizationId_title_idx" ON "Assessment"("organizationId", "title");

-- CreateIndex
CREATE INDEX "Assessment_organizationId_verdict_idx" ON "Assessment"("organizationId", "verdict");

-- CreateIndex
CREATE INDEX "Assessment_organizationId_candidateModelId_idx" ON "Assessment"("organizationId", "candidateModelId");

-- CreateIndex
CREATE INDEX "Assessment_organizationId_createdById_idx" ON "Assessment"("organizationId", "createdById");

-- CreateIndex
CREATE INDEX "Assessment_organizationId_monthlyOwnedUsd_idx" ON "Assessment"("organizationId", "monthlyOwnedUsd");

-- CreateIndex
CREATE INDEX "Assessment_organizationId_monthlyApiUsd_idx" ON "Assessment"("organizationId", "monthlyApiUsd");

-- CreateIndex
CREATE INDEX "Assessment_organizationId_crossoverTokensPerMonth_idx" ON "Assessment"("organizationId", "crossoverTokensPerMonth");

-- CreateIndex
CREATE INDEX "Assessment_organizationId_capabilityGapPp_idx" ON "Assessment"("organizationId", "capabilityGapPp");

-- CreateIndex
CREATE INDEX "Assessment_summaryVersion_idx" ON "Assessment"("summaryVersion");

-- AddForeignKey
ALTER TABLE "AssessmentSnapshot" ADD CONSTRAINT "AssessmentSnapshot_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "AssessmentSnapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageSignOff" ADD CONSTRAINT "StageSignOff_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- History nobody can rewrite: the app never updates these rows, and the database refuses it too.
-- Snapshots, decisions and sign-offs go only when their assessment is deleted (cascade); audit
-- events outlive everything and can be neither changed nor deleted.
CREATE FUNCTION "freehold_refuse_history_change"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'History is append-only: % on "%" is not allowed', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "freehold_refuse_history_change"();
CREATE TRIGGER "AssessmentSnapshot_immutable" BEFORE UPDATE ON "AssessmentSnapshot"
  FOR EACH ROW EXECUTE FUNCTION "freehold_refuse_history_change"();
CREATE TRIGGER "ReviewDecision_immutable" BEFORE UPDATE ON "ReviewDecision"
  FOR EACH ROW EXECUTE FUNCTION "freehold_refuse_history_change"();
CREATE TRIGGER "StageSignOff_immutable" BEFORE UPDATE ON "StageSignOff"
  FOR EACH ROW EXECUTE FUNCTION "freehold_refuse_history_change"();
