-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AssessmentVerdict" ADD VALUE 'insufficient';
ALTER TYPE "AssessmentVerdict" ADD VALUE 'go_self_host';
ALTER TYPE "AssessmentVerdict" ADD VALUE 'go_hosted';
ALTER TYPE "AssessmentVerdict" ADD VALUE 'stay_api';
ALTER TYPE "AssessmentVerdict" ADD VALUE 'blocked';
