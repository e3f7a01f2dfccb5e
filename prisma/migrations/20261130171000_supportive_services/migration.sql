-- Supportive services: trainees (personal data owned by a CBO), requests, funds and caps, reviewers,
-- append-only request history and trainee access log. Own tables only; no existing table changes.

-- CreateTable
CREATE TABLE "ServiceSettings" (
    "partnershipId" TEXT NOT NULL PRIMARY KEY,
    "targetDays" INTEGER NOT NULL DEFAULT 5,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ServiceSettings_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("targetDays" BETWEEN 1 AND 90)
);

-- CreateTable
CREATE TABLE "ServiceReviewer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "designatedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ServiceReviewer_partnershipId_membershipId_fkey" FOREIGN KEY ("partnershipId", "membershipId") REFERENCES "Membership" ("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Trainee" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "program" TEXT NOT NULL,
    "preferredLanguage" TEXT NOT NULL DEFAULT 'English',
    "raceEthnicity" TEXT NOT NULL DEFAULT 'PREFER_NOT_TO_SAY',
    "sex" TEXT NOT NULL DEFAULT 'PREFER_NOT_TO_SAY',
    "veteranStatus" TEXT NOT NULL DEFAULT 'PREFER_NOT_TO_SAY',
    "disabilityStatus" TEXT NOT NULL DEFAULT 'PREFER_NOT_TO_SAY',
    "ageBand" TEXT NOT NULL DEFAULT 'PREFER_NOT_TO_SAY',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Trainee_partnershipId_organizationId_fkey" FOREIGN KEY ("partnershipId", "organizationId") REFERENCES "Organization" ("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CHECK (length(trim("name")) > 0),
    CHECK ("raceEthnicity" IN ('HISPANIC_LATINO', 'AMERICAN_INDIAN_ALASKA_NATIVE', 'ASIAN', 'BLACK_AFRICAN_AMERICAN', 'NATIVE_HAWAIIAN_PACIFIC_ISLANDER', 'WHITE', 'TWO_OR_MORE', 'PREFER_NOT_TO_SAY')),
    CHECK ("sex" IN ('FEMALE', 'MALE', 'ANOTHER', 'PREFER_NOT_TO_SAY')),
    CHECK ("veteranStatus" IN ('VETERAN', 'NOT_VETERAN', 'PREFER_NOT_TO_SAY')),
    CHECK ("disabilityStatus" IN ('YES', 'NO', 'PREFER_NOT_TO_SAY')),
    CHECK ("ageBand" IN ('AGE_UNDER_18', 'AGE_18_24', 'AGE_25_34', 'AGE_35_44', 'AGE_45_54', 'AGE_55_64', 'AGE_65_PLUS', 'PREFER_NOT_TO_SAY'))
);

-- CreateTable
CREATE TABLE "TraineeAccessGrant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "traineeId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "grantedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TraineeAccessGrant_partnershipId_traineeId_fkey" FOREIGN KEY ("partnershipId", "traineeId") REFERENCES "Trainee" ("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TraineeAccessGrant_partnershipId_organizationId_fkey" FOREIGN KEY ("partnershipId", "organizationId") REFERENCES "Organization" ("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TraineeAccessLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "traineeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "requestId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TraineeAccessLog_traineeId_fkey" FOREIGN KEY ("traineeId") REFERENCES "Trainee" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Fund" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startingCents" INTEGER NOT NULL,
    "committedCents" INTEGER NOT NULL DEFAULT 0,
    "spentCents" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Fund_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("startingCents" >= 0),
    CHECK ("committedCents" >= 0),
    CHECK ("spentCents" >= 0),
    CHECK ("committedCents" + "spentCents" <= "startingCents")
);

-- CreateTable
CREATE TABLE "FundCap" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fundId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "perTrainee" BOOLEAN NOT NULL,
    "capCents" INTEGER NOT NULL,
    CONSTRAINT "FundCap_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("category" IN ('DEPENDENT_CARE', 'TRANSPORTATION', 'TOOLS_EQUIPMENT', 'UNIFORMS_SAFETY_GEAR', 'TUITION_FEES', 'TESTING_LICENSING', 'EMERGENCY_CASH', 'HOUSING', 'LANGUAGE_ESL', 'GED_BASIC_SKILLS', 'OTHER', 'ALL')),
    CHECK ("capCents" > 0)
);

-- CreateTable
CREATE TABLE "ServiceRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "traineeId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "requestedCents" INTEGER NOT NULL,
    "approvedCents" INTEGER,
    "neededBy" DATETIME NOT NULL,
    "justification" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "decisionNote" TEXT NOT NULL DEFAULT '',
    "fulfilledOn" DATETIME,
    "fulfilmentReference" TEXT NOT NULL DEFAULT '',
    "fundId" TEXT,
    "createdById" TEXT NOT NULL,
    "decidedById" TEXT,
    "submittedAt" DATETIME,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ServiceRequest_partnershipId_organizationId_fkey" FOREIGN KEY ("partnershipId", "organizationId") REFERENCES "Organization" ("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ServiceRequest_partnershipId_traineeId_fkey" FOREIGN KEY ("partnershipId", "traineeId") REFERENCES "Trainee" ("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ServiceRequest_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CHECK ("category" IN ('DEPENDENT_CARE', 'TRANSPORTATION', 'TOOLS_EQUIPMENT', 'UNIFORMS_SAFETY_GEAR', 'TUITION_FEES', 'TESTING_LICENSING', 'EMERGENCY_CASH', 'HOUSING', 'LANGUAGE_ESL', 'GED_BASIC_SKILLS', 'OTHER')),
    CHECK ("status" IN ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'NEEDS_INFO', 'APPROVED', 'DENIED', 'FULFILLED', 'CANCELLED')),
    CHECK ("requestedCents" > 0),
    CHECK ("approvedCents" IS NULL OR ("approvedCents" > 0 AND "approvedCents" <= "requestedCents")),
    CHECK ("status" IN ('DRAFT', 'CANCELLED') OR "submittedAt" IS NOT NULL),
    CHECK ("status" NOT IN ('APPROVED', 'FULFILLED') OR ("approvedCents" IS NOT NULL AND "fundId" IS NOT NULL AND "decidedAt" IS NOT NULL)),
    CHECK ("status" <> 'DENIED' OR ("decidedAt" IS NOT NULL AND length(trim("decisionNote")) > 0)),
    CHECK ("status" <> 'FULFILLED' OR "fulfilledOn" IS NOT NULL)
);

-- CreateTable
CREATE TABLE "RequestEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "amountCents" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CHECK ("kind" IN ('CREATED', 'UPDATED', 'SUBMITTED', 'REVIEW_STARTED', 'INFO_REQUESTED', 'INFO_PROVIDED', 'APPROVED', 'DENIED', 'FULFILLED', 'CANCELLED', 'ATTACHMENT_ADDED')),
    CHECK ("toStatus" IN ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'NEEDS_INFO', 'APPROVED', 'DENIED', 'FULFILLED', 'CANCELLED')),
    CHECK ("amountCents" IS NULL OR "amountCents" >= 0)
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "storedName" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Attachment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("mimeType" IN ('application/pdf', 'image/jpeg', 'image/png')),
    CHECK ("sizeBytes" > 0 AND "sizeBytes" <= 10485760)
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceReviewer_partnershipId_membershipId_key" ON "ServiceReviewer"("partnershipId", "membershipId");

-- CreateIndex
CREATE INDEX "Trainee_partnershipId_organizationId_idx" ON "Trainee"("partnershipId", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Trainee_partnershipId_id_key" ON "Trainee"("partnershipId", "id");

-- CreateIndex
CREATE INDEX "TraineeAccessGrant_organizationId_idx" ON "TraineeAccessGrant"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "TraineeAccessGrant_traineeId_organizationId_key" ON "TraineeAccessGrant"("traineeId", "organizationId");

-- CreateIndex
CREATE INDEX "TraineeAccessLog_traineeId_createdAt_idx" ON "TraineeAccessLog"("traineeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Fund_partnershipId_name_key" ON "Fund"("partnershipId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "FundCap_fundId_category_perTrainee_key" ON "FundCap"("fundId", "category", "perTrainee");

-- CreateIndex
CREATE INDEX "ServiceRequest_partnershipId_status_submittedAt_idx" ON "ServiceRequest"("partnershipId", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "ServiceRequest_organizationId_status_idx" ON "ServiceRequest"("organizationId", "status");

-- CreateIndex
CREATE INDEX "ServiceRequest_traineeId_idx" ON "ServiceRequest"("traineeId");

-- CreateIndex
CREATE INDEX "ServiceRequest_fundId_status_idx" ON "ServiceRequest"("fundId", "status");

-- CreateIndex
CREATE INDEX "RequestEvent_requestId_createdAt_idx" ON "RequestEvent"("requestId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storedName_key" ON "Attachment"("storedName");

-- CreateIndex
CREATE INDEX "Attachment_requestId_idx" ON "Attachment"("requestId");

-- Append-only records: no UPDATE or DELETE, whatever the caller.
CREATE TRIGGER "RequestEvent_no_update" BEFORE UPDATE ON "RequestEvent" BEGIN SELECT RAISE(ABORT, 'RequestEvent is append-only'); END;
CREATE TRIGGER "RequestEvent_no_delete" BEFORE DELETE ON "RequestEvent" BEGIN SELECT RAISE(ABORT, 'RequestEvent is append-only'); END;
CREATE TRIGGER "TraineeAccessLog_no_update" BEFORE UPDATE ON "TraineeAccessLog" BEGIN SELECT RAISE(ABORT, 'TraineeAccessLog is append-only'); END;
CREATE TRIGGER "TraineeAccessLog_no_delete" BEFORE DELETE ON "TraineeAccessLog" BEGIN SELECT RAISE(ABORT, 'TraineeAccessLog is append-only'); END;
-- A request's organization must own the trainee or hold a grant for it.
CREATE TRIGGER "ServiceRequest_trainee_access" BEFORE INSERT ON "ServiceRequest"
WHEN NOT EXISTS (SELECT 1 FROM "Trainee" t WHERE t."id" = NEW."traineeId" AND t."organizationId" = NEW."organizationId")
 AND NOT EXISTS (SELECT 1 FROM "TraineeAccessGrant" g WHERE g."traineeId" = NEW."traineeId" AND g."organizationId" = NEW."organizationId")
BEGIN SELECT RAISE(ABORT, 'ServiceRequest organization has no access to the trainee'); END;
