-- CreateTable
CREATE TABLE "MeetingDisplayLink" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" TEXT,

    CONSTRAINT "MeetingDisplayLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MeetingDisplayLink_tokenHash_key" ON "MeetingDisplayLink"("tokenHash");

-- CreateIndex
CREATE INDEX "MeetingDisplayLink_meetingId_idx" ON "MeetingDisplayLink"("meetingId");

-- AddForeignKey
ALTER TABLE "MeetingDisplayLink" ADD CONSTRAINT "MeetingDisplayLink_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Hand-written rules ─────────────────────────────────────────────────────
-- A revocation names who revoked; a link's meeting and token never change, and a revoked link stays
-- revoked (a display link can only ever narrow, never come back or move to another meeting).
ALTER TABLE "MeetingDisplayLink" ADD CONSTRAINT "MeetingDisplayLink_revocation_check"
  CHECK (("revokedAt" IS NULL) = ("revokedById" IS NULL));
ALTER TABLE "MeetingDisplayLink" ADD CONSTRAINT "MeetingDisplayLink_tokenHash_check"
  CHECK ("tokenHash" ~ '^[0-9a-f]{64}$');

CREATE FUNCTION "MeetingDisplayLink_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."meetingId" <> OLD."meetingId" OR NEW."tokenHash" <> OLD."tokenHash" OR NEW."createdById" <> OLD."createdById" THEN
    RAISE EXCEPTION 'a display link''s meeting, token and creator never change';
  END IF;
  IF OLD."revokedAt" IS NOT NULL AND (NEW."revokedAt" IS DISTINCT FROM OLD."revokedAt" OR NEW."revokedById" IS DISTINCT FROM OLD."revokedById") THEN
    RAISE EXCEPTION 'a revoked display link stays revoked';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "MeetingDisplayLink_guard" BEFORE UPDATE ON "MeetingDisplayLink"
  FOR EACH ROW EXECUTE FUNCTION "MeetingDisplayLink_guard"();
