-- AlterTable
ALTER TABLE "AgendaApproval" ADD COLUMN     "items" JSONB;

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "motionId" TEXT;

-- CreateIndex
CREATE INDEX "Decision_motionId_idx" ON "Decision"("motionId");

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: decisions recorded by a vote's close (or by an umpire's decision on a deadlock) before
-- this column existed name their motion from the text the voting domain wrote, so old minutes show
-- each vote once too.
UPDATE "Decision" d SET "motionId" = m."id"
FROM "Motion" m
WHERE d."motionId" IS NULL
  AND m."meetingId" = d."meetingId"
  AND (starts_with(d."text", 'Motion: ' || m."text" || ' Result: ')
       OR starts_with(d."text", 'Umpire''s decision on the deadlocked motion "' || m."text" || '"'));
