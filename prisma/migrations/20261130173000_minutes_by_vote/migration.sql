-- A motion may approve an adjourned meeting's minutes when it passes (a vote at a later meeting).
-- ADD COLUMN rather than Prisma's table redefinition: Motion keeps its CHECK constraints, and the
-- append-only MotionEvent rows that reference it are never copied.
ALTER TABLE "Motion" ADD COLUMN "approvesMinutesOfMeetingId" TEXT REFERENCES "Meeting" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
