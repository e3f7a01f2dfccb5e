-- DropIndex
DROP INDEX "MotionEvent_motionId_createdAt_idx";

-- AlterTable
ALTER TABLE "MotionEvent" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE INDEX "MotionEvent_motionId_seq_idx" ON "MotionEvent"("motionId", "seq");


-- Hand-written: the events already written keep the order they were read in (time, then id). The
-- log is append-only (a trigger refuses every UPDATE), so the numbering runs with that trigger off,
-- inside this migration's transaction only.
ALTER TABLE "MotionEvent" DISABLE TRIGGER "MotionEvent_append_only";
UPDATE "MotionEvent" e SET "seq" = o."n"
  FROM (SELECT "id", row_number() OVER (ORDER BY "createdAt", "id") AS "n" FROM "MotionEvent") o
 WHERE o."id" = e."id";
ALTER TABLE "MotionEvent" ENABLE TRIGGER "MotionEvent_append_only";
SELECT setval(pg_get_serial_sequence('"MotionEvent"', 'seq'), COALESCE((SELECT max("seq") FROM "MotionEvent"), 0) + 1, false);
