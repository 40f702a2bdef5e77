-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "allowSelfApproval" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ReviewDecision" ADD COLUMN     "selfApproved" BOOLEAN NOT NULL DEFAULT false;
