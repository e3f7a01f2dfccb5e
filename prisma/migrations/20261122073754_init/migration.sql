-- Hand-added CHECK constraints keep enumerations and seat rules valid in the database itself.
-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "absoluteExpiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Partnership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "sector" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Partnership_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CHECK ("sector" IN ('CONSTRUCTION', 'MANUFACTURING', 'HEALTH_CARE', 'HOSPITALITY', 'TRANSPORTATION', 'PUBLIC_SECTOR', 'OTHER'))
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Organization_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("side" IN ('LABOR', 'MANAGEMENT', 'NEUTRAL')),
    CHECK ("type" IN ('EMPLOYER', 'UNION', 'COLLEGE', 'CBO', 'WORKFORCE_BOARD', 'GOVERNMENT'))
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Membership_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_partnershipId_organizationId_fkey" FOREIGN KEY ("partnershipId", "organizationId") REFERENCES "Organization" ("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Body" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Body_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("kind" IN ('PARTNERSHIP', 'COMMITTEE'))
);

-- CreateTable
CREATE TABLE "BodySeat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "coChairSide" TEXT,
    "isVoting" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BodySeat_partnershipId_bodyId_fkey" FOREIGN KEY ("partnershipId", "bodyId") REFERENCES "Body" ("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BodySeat_partnershipId_membershipId_fkey" FOREIGN KEY ("partnershipId", "membershipId") REFERENCES "Membership" ("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("role" IN ('CO_CHAIR', 'MEMBER', 'OBSERVER', 'STAFF')),
    CHECK (("role" = 'CO_CHAIR') = ("coChairSide" IS NOT NULL)),
    CHECK ("coChairSide" IS NULL OR "coChairSide" IN ('LABOR', 'MANAGEMENT')),
    CHECK ("role" IN ('CO_CHAIR', 'MEMBER') OR "isVoting" = false)
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "invitedById" TEXT NOT NULL,
    "acceptedAt" DATETIME,
    "acceptedById" TEXT,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invitation_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invitation_partnershipId_organizationId_fkey" FOREIGN KEY ("partnershipId", "organizationId") REFERENCES "Organization" ("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Invitation_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CHECK ("role" IN ('LABOR_CO_CHAIR', 'MANAGEMENT_CO_CHAIR', 'MEMBER', 'OBSERVER', 'STAFF'))
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "readAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "data" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEvent_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_partnershipId_name_key" ON "Organization"("partnershipId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_partnershipId_id_key" ON "Organization"("partnershipId", "id");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_partnershipId_userId_key" ON "Membership"("partnershipId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_partnershipId_id_key" ON "Membership"("partnershipId", "id");

-- CreateIndex
CREATE INDEX "Body_partnershipId_kind_idx" ON "Body"("partnershipId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Body_partnershipId_name_key" ON "Body"("partnershipId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Body_partnershipId_id_key" ON "Body"("partnershipId", "id");

-- CreateIndex
CREATE INDEX "BodySeat_membershipId_idx" ON "BodySeat"("membershipId");

-- CreateIndex
CREATE UNIQUE INDEX "BodySeat_bodyId_membershipId_key" ON "BodySeat"("bodyId", "membershipId");

-- CreateIndex
CREATE UNIQUE INDEX "BodySeat_bodyId_coChairSide_key" ON "BodySeat"("bodyId", "coChairSide");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_partnershipId_createdAt_idx" ON "Invitation"("partnershipId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_partnershipId_createdAt_idx" ON "AuditEvent"("partnershipId", "createdAt");


-- Exactly one top body per partnership (a partial unique index; PostgreSQL supports the same syntax).
CREATE UNIQUE INDEX "Body_one_top_body_per_partnership" ON "Body"("partnershipId") WHERE "kind" = 'PARTNERSHIP';
