-- AlterTable
ALTER TABLE "AssessmentSnapshot" ADD COLUMN     "attachments" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttachmentBlob" (
    "key" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AttachmentBlob_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_organizationId_assessmentId_stage_idx" ON "Attachment"("organizationId", "assessmentId", "stage");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The database blob store keeps an attachment's bytes apart from its row, without a foreign key
-- (another store may hold them instead). When a row goes, also through the cascade from its
-- assessment or organisation, its bytes go with it rather than staying behind unreachable.
CREATE FUNCTION "freehold_delete_attachment_blob"() RETURNS trigger AS $$
BEGIN
  DELETE FROM "AttachmentBlob" WHERE "key" = OLD."storageKey";
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Attachment_delete_blob" AFTER DELETE ON "Attachment"
  FOR EACH ROW EXECUTE FUNCTION "freehold_delete_attachment_blob"();
