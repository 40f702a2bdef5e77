-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "deletedByName" TEXT,
ADD COLUMN     "inSnapshot" BOOLEAN NOT NULL DEFAULT false;

-- Files that a snapshot recorded before this column existed.
UPDATE "Attachment" SET "inSnapshot" = true
WHERE "id" IN (SELECT jsonb_array_elements(s."attachments") ->> 'id' FROM "AssessmentSnapshot" s);
