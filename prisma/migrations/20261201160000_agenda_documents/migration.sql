-- CreateTable
CREATE TABLE "AgendaDocument" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "agendaItemId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AgendaDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaDocumentVersion" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "url" TEXT,
    "originalName" TEXT,
    "mimeType" TEXT,
    "sizeBytes" INTEGER,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgendaDocumentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaDocumentContent" (
    "versionId" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "AgendaDocumentContent_pkey" PRIMARY KEY ("versionId")
);

-- CreateIndex
CREATE INDEX "AgendaDocument_agendaItemId_idx" ON "AgendaDocument"("agendaItemId");

-- CreateIndex
CREATE INDEX "AgendaDocument_meetingId_idx" ON "AgendaDocument"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaDocumentVersion_documentId_number_key" ON "AgendaDocumentVersion"("documentId", "number");

-- AddForeignKey
ALTER TABLE "AgendaDocument" ADD CONSTRAINT "AgendaDocument_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaDocument" ADD CONSTRAINT "AgendaDocument_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaDocumentVersion" ADD CONSTRAINT "AgendaDocumentVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "AgendaDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaDocumentContent" ADD CONSTRAINT "AgendaDocumentContent_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "AgendaDocumentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── hand-written rules ─────────────────────────────────────────────────────
ALTER TABLE "AgendaDocument" ADD CONSTRAINT "AgendaDocument_kind_check" CHECK ("kind" IN ('FILE', 'LINK'));
ALTER TABLE "AgendaDocument" ADD CONSTRAINT "AgendaDocument_currentVersion_check" CHECK ("currentVersion" >= 1);
ALTER TABLE "AgendaDocumentVersion" ADD CONSTRAINT "AgendaDocumentVersion_number_check" CHECK ("number" >= 1);
-- A version is a link or a file, never both or neither.
ALTER TABLE "AgendaDocumentVersion" ADD CONSTRAINT "AgendaDocumentVersion_link_or_file_check" CHECK (
  ("url" IS NOT NULL AND "originalName" IS NULL AND "mimeType" IS NULL AND "sizeBytes" IS NULL)
  OR ("url" IS NULL AND "originalName" IS NOT NULL AND "mimeType" IS NOT NULL AND "sizeBytes" > 0)
);
-- Versions are kept as they were uploaded (removal only with the meeting, by cascade).
CREATE TRIGGER "AgendaDocumentVersion_no_update" BEFORE UPDATE ON "AgendaDocumentVersion" FOR EACH ROW EXECUTE FUNCTION jointly_append_only();
CREATE TRIGGER "AgendaDocumentContent_no_update" BEFORE UPDATE ON "AgendaDocumentContent" FOR EACH ROW EXECUTE FUNCTION jointly_append_only();
