-- AlterTable
ALTER TABLE "BodySeat" ADD COLUMN "alternateMembershipId" TEXT;

-- CreateTable
CREATE TABLE "Motion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "meetingId" TEXT,
    "agendaItemId" TEXT,
    "amendsMotionId" TEXT,
    "text" TEXT NOT NULL,
    "rationale" TEXT NOT NULL DEFAULT '',
    "movedByMembershipId" TEXT NOT NULL,
    "secondedByMembershipId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'MOVED',
    "ballotKind" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "requireQuorum" BOOLEAN NOT NULL DEFAULT true,
    "allowVoteChange" BOOLEAN NOT NULL DEFAULT true,
    "deadline" DATETIME,
    "openedAt" DATETIME,
    "closedAt" DATETIME,
    "outcome" TEXT,
    "result" JSONB,
    "reminderSentAt" DATETIME,
    "resolution" TEXT,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Motion_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Motion_partnershipId_bodyId_fkey" FOREIGN KEY ("partnershipId", "bodyId") REFERENCES "Body" ("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Motion_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Motion_amendsMotionId_fkey" FOREIGN KEY ("amendsMotionId") REFERENCES "Motion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("status" IN ('MOVED', 'SECONDED', 'OPEN', 'CLOSED', 'WITHDRAWN', 'TABLED')),
    CHECK ("ballotKind" IN ('ROLL_CALL', 'SECRET')),
    CHECK ("rule" IN ('SIMPLE_MAJORITY', 'TWO_THIRDS', 'UNANIMOUS', 'CONSENSUS', 'DUAL_MAJORITY')),
    CHECK ("outcome" IS NULL OR "outcome" IN ('PASSED', 'FAILED', 'DEADLOCKED', 'NO_QUORUM')),
    CHECK ("secondedByMembershipId" IS NULL OR "secondedByMembershipId" <> "movedByMembershipId")
);

-- CreateTable
CREATE TABLE "MotionVoter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "motionId" TEXT NOT NULL,
    "seatMembershipId" TEXT NOT NULL,
    "voterMembershipId" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "isAlternate" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "MotionVoter_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MotionVoter_voterMembershipId_fkey" FOREIGN KEY ("voterMembershipId") REFERENCES "Membership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RollCallBallot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "motionId" TEXT NOT NULL,
    "seatMembershipId" TEXT NOT NULL,
    "castByMembershipId" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "castAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RollCallBallot_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("choice" IN ('YES', 'NO', 'ABSTAIN'))
);

-- CreateTable
CREATE TABLE "SecretParticipation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "motionId" TEXT NOT NULL,
    "seatMembershipId" TEXT NOT NULL,
    "castByMembershipId" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SecretParticipation_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SecretTally" (
    "motionId" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("motionId", "side", "choice"),
    CONSTRAINT "SecretTally_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("choice" IN ('YES', 'NO', 'ABSTAIN')),
    CHECK ("count" >= 0)
);

-- CreateTable
CREATE TABLE "MotionEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "motionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MotionEvent_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- Voting settings on bodies, as ADD COLUMN (not a table redefinition) to keep Body's checks and indexes.
ALTER TABLE "Body" ADD COLUMN "secondFromOtherSide" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Body" ADD COLUMN "allowVoteChange" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Body" ADD COLUMN "deadlockProcedure" TEXT NOT NULL DEFAULT 'TABLE' CHECK ("deadlockProcedure" IN ('TABLE', 'REVOTE_AFTER_CAUCUS', 'REFER_TO_UMPIRE'));
ALTER TABLE "Body" ADD COLUMN "umpireName" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Body" ADD COLUMN "reminderLeadHours" INTEGER NOT NULL DEFAULT 24 CHECK ("reminderLeadHours" >= 0);

-- CreateIndex
CREATE INDEX "Motion_bodyId_status_idx" ON "Motion"("bodyId", "status");

-- CreateIndex
CREATE INDEX "Motion_partnershipId_status_idx" ON "Motion"("partnershipId", "status");

-- CreateIndex
CREATE INDEX "Motion_status_deadline_idx" ON "Motion"("status", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "MotionVoter_motionId_seatMembershipId_key" ON "MotionVoter"("motionId", "seatMembershipId");

-- CreateIndex
CREATE UNIQUE INDEX "MotionVoter_motionId_voterMembershipId_key" ON "MotionVoter"("motionId", "voterMembershipId");

-- CreateIndex
CREATE UNIQUE INDEX "RollCallBallot_motionId_seatMembershipId_key" ON "RollCallBallot"("motionId", "seatMembershipId");

-- CreateIndex
CREATE UNIQUE INDEX "SecretParticipation_motionId_seatMembershipId_key" ON "SecretParticipation"("motionId", "seatMembershipId");

-- CreateIndex
CREATE INDEX "MotionEvent_motionId_createdAt_idx" ON "MotionEvent"("motionId", "createdAt");


-- Append-only records: no UPDATE or DELETE, whatever the caller.
CREATE TRIGGER "MotionEvent_no_update" BEFORE UPDATE ON "MotionEvent" BEGIN SELECT RAISE(ABORT, 'MotionEvent is append-only'); END;
CREATE TRIGGER "MotionEvent_no_delete" BEFORE DELETE ON "MotionEvent" BEGIN SELECT RAISE(ABORT, 'MotionEvent is append-only'); END;
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent" BEGIN SELECT RAISE(ABORT, 'AuditEvent is append-only'); END;
CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent" BEGIN SELECT RAISE(ABORT, 'AuditEvent is append-only'); END;
-- A secret ballot's counters only ever go up.
CREATE TRIGGER "SecretTally_only_up" BEFORE UPDATE ON "SecretTally" WHEN NEW."count" < OLD."count" BEGIN SELECT RAISE(ABORT, 'SecretTally only counts up'); END;
CREATE TRIGGER "SecretTally_no_delete" BEFORE DELETE ON "SecretTally" BEGIN SELECT RAISE(ABORT, 'SecretTally is append-only'); END;
