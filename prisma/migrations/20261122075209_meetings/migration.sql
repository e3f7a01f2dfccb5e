-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "location" TEXT NOT NULL DEFAULT '',
    "videoUrl" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'SCHEDULED',
    "agendaVersion" INTEGER NOT NULL DEFAULT 1,
    "publishedVersion" INTEGER,
    "currentItemId" TEXT,
    "currentItemStartedAt" DATETIME,
    "caucusStartedAt" DATETIME,
    "caucusEndsAt" DATETIME,
    "startedAt" DATETIME,
    "adjournedAt" DATETIME,
    "minutesVersion" INTEGER NOT NULL DEFAULT 1,
    "minutesApprovedAt" DATETIME,
    "noteTakerMembershipId" TEXT,
    "calendarSequence" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Meeting_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Meeting_partnershipId_bodyId_fkey" FOREIGN KEY ("partnershipId", "bodyId") REFERENCES "Body" ("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("status" IN ('SCHEDULED', 'LIVE', 'ADJOURNED', 'CANCELLED')),
    CHECK ("durationMinutes" > 0 AND "durationMinutes" <= 1440),
    CHECK ("agendaVersion" >= 1)
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "presenter" TEXT NOT NULL DEFAULT '',
    "timeBoxMinutes" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "links" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PROPOSED',
    "rejectionReason" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "proposedById" TEXT NOT NULL,
    "minutes" TEXT NOT NULL DEFAULT '',
    "minutesRevision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("timeBoxMinutes" >= 1 AND "timeBoxMinutes" <= 480),
    CHECK ("kind" IN ('INFORMATION', 'DISCUSSION', 'DECISION')),
    CHECK ("status" IN ('PROPOSED', 'ACCEPTED', 'REJECTED'))
);

-- CreateTable
CREATE TABLE "AgendaApproval" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "side" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AgendaApproval_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("side" IN ('LABOR', 'MANAGEMENT'))
);

-- CreateTable
CREATE TABLE "MinutesApproval" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "side" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MinutesApproval_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("side" IN ('LABOR', 'MANAGEMENT'))
);

-- CreateTable
CREATE TABLE "Attendance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "checkedInSelf" BOOLEAN NOT NULL DEFAULT false,
    "markedById" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Attendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attendance_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("status" IN ('PRESENT', 'ABSENT', 'EXCUSED', 'LATE'))
);

-- CreateTable
CREATE TABLE "SpeakerEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'WAITING',
    "position" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SpeakerEntry_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SpeakerEntry_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("status" IN ('WAITING', 'SPEAKING', 'DONE', 'REMOVED'))
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "text" TEXT NOT NULL,
    "quorum" JSONB NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Decision_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Decision_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActionItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "text" TEXT NOT NULL,
    "ownerMembershipId" TEXT NOT NULL,
    "dueDate" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ActionItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ActionItem_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ActionItem_ownerMembershipId_fkey" FOREIGN KEY ("ownerMembershipId") REFERENCES "Membership" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("status" IN ('OPEN', 'DONE', 'DROPPED'))
);

-- CreateTable
CREATE TABLE "CaucusNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CaucusNote_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("side" IN ('LABOR', 'MANAGEMENT'))
);

-- CreateTable
CREATE TABLE "StrawPoll" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StrawPoll_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("side" IN ('LABOR', 'MANAGEMENT'))
);

-- CreateTable
CREATE TABLE "StrawVote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pollId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StrawVote_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "StrawPoll" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("choice" IN ('YES', 'NO', 'UNSURE'))
);

-- Quorum settings on bodies. Hand-written as ADD COLUMN (instead of Prisma's table redefinition) so the
-- Body table keeps its CHECK constraint and partial unique index.
ALTER TABLE "Body" ADD COLUMN "quorumMode" TEXT NOT NULL DEFAULT 'COUNT' CHECK ("quorumMode" IN ('COUNT', 'SHARE'));
ALTER TABLE "Body" ADD COLUMN "quorumLabor" INTEGER NOT NULL DEFAULT 1 CHECK ("quorumLabor" >= 0);
ALTER TABLE "Body" ADD COLUMN "quorumManagement" INTEGER NOT NULL DEFAULT 1 CHECK ("quorumManagement" >= 0);

-- CreateIndex
CREATE INDEX "Meeting_partnershipId_startsAt_idx" ON "Meeting"("partnershipId", "startsAt");

-- CreateIndex
CREATE INDEX "Meeting_bodyId_startsAt_idx" ON "Meeting"("bodyId", "startsAt");

-- CreateIndex
CREATE INDEX "AgendaItem_meetingId_status_position_idx" ON "AgendaItem"("meetingId", "status", "position");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaApproval_meetingId_version_side_key" ON "AgendaApproval"("meetingId", "version", "side");

-- CreateIndex
CREATE UNIQUE INDEX "MinutesApproval_meetingId_version_side_key" ON "MinutesApproval"("meetingId", "version", "side");

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_meetingId_membershipId_key" ON "Attendance"("meetingId", "membershipId");

-- CreateIndex
CREATE INDEX "SpeakerEntry_meetingId_status_position_idx" ON "SpeakerEntry"("meetingId", "status", "position");

-- CreateIndex
CREATE INDEX "ActionItem_ownerMembershipId_status_idx" ON "ActionItem"("ownerMembershipId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CaucusNote_meetingId_side_key" ON "CaucusNote"("meetingId", "side");

-- CreateIndex
CREATE INDEX "StrawPoll_meetingId_side_idx" ON "StrawPoll"("meetingId", "side");

-- CreateIndex
CREATE UNIQUE INDEX "StrawVote_pollId_membershipId_key" ON "StrawVote"("pollId", "membershipId");


-- A member is in the speakers' queue at most once at a time (waiting or speaking).
CREATE UNIQUE INDEX "SpeakerEntry_one_open_entry" ON "SpeakerEntry"("meetingId", "membershipId") WHERE "status" IN ('WAITING', 'SPEAKING');
-- At most one speaker has the floor.
CREATE UNIQUE INDEX "SpeakerEntry_one_speaker" ON "SpeakerEntry"("meetingId") WHERE "status" = 'SPEAKING';
