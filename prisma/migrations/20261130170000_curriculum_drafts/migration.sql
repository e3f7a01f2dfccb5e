-- Curriculum drafts: structured drafts with immutable versions, worker sign-off bound to one version,
-- and an adoption that the database itself refuses unless that exact version's sign-off is complete.

-- CreateTable
CREATE TABLE "DraftSettings" (
    "bodyId" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "rule" TEXT NOT NULL DEFAULT 'ALL',
    "minimum" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DraftSettings_partnershipId_bodyId_fkey" FOREIGN KEY ("partnershipId", "bodyId") REFERENCES "Body" ("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("rule" IN ('ALL', 'AT_LEAST')),
    CHECK ("minimum" >= 1)
);

-- CreateTable
CREATE TABLE "DraftEditor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bodyId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DraftEditor_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DraftEditor_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DraftReviewer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bodyId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DraftReviewer_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DraftReviewer_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Draft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "occupation" TEXT NOT NULL,
    "programKind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFTING',
    "currentVersion" INTEGER NOT NULL DEFAULT 0,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "updatedById" TEXT,
    "adoptedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Draft_partnershipId_bodyId_fkey" FOREIGN KEY ("partnershipId", "bodyId") REFERENCES "Body" ("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("status" IN ('DRAFTING', 'IN_REVIEW', 'SIGNED_OFF', 'ADOPTED', 'WITHDRAWN')),
    CHECK ("programKind" IN ('REGISTERED_APPRENTICESHIP', 'PRE_APPRENTICESHIP', 'INCUMBENT_UPGRADE', 'SHORT_COURSE')),
    CHECK ("currentVersion" >= 0 AND "revision" >= 0),
    CHECK ("status" NOT IN ('IN_REVIEW', 'SIGNED_OFF', 'ADOPTED') OR "currentVersion" >= 1),
    CHECK (length("title") BETWEEN 1 AND 200 AND length("occupation") BETWEEN 1 AND 200)
);

-- CreateTable
CREATE TABLE "DraftModule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "objectives" TEXT NOT NULL DEFAULT '',
    "competencies" TEXT NOT NULL DEFAULT '',
    "relatedHours" INTEGER NOT NULL DEFAULT 0,
    "ojlHours" INTEGER NOT NULL DEFAULT 0,
    "assessment" TEXT NOT NULL DEFAULT '',
    "credential" TEXT NOT NULL DEFAULT '',
    "testOut" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "DraftModule_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK ("relatedHours" BETWEEN 0 AND 100000 AND "ojlHours" BETWEEN 0 AND 100000),
    CHECK (length("objectives") <= 100000),
    CHECK ("position" >= 0)
);

-- CreateTable
CREATE TABLE "DraftVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "changeSummary" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DraftVersion_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CHECK ("number" >= 1)
);

-- CreateTable
CREATE TABLE "DraftSignOff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "reviewerMembershipId" TEXT NOT NULL,
    "reviewerUserId" TEXT NOT NULL,
    "reviewerName" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DraftSignOff_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DraftVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CHECK ("decision" IN ('SIGNED_OFF', 'CHANGES_REQUESTED')),
    CHECK ("decision" <> 'CHANGES_REQUESTED' OR length(trim("reason")) > 0)
);

-- CreateTable
CREATE TABLE "DraftAdoption" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "adoptedById" TEXT NOT NULL,
    "adoptedByName" TEXT NOT NULL,
    "motionId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DraftAdoption_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DraftAdoption_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DraftAdoption_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DraftVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DraftComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "parentId" TEXT,
    "authorUserId" TEXT NOT NULL,
    "authorMembershipId" TEXT NOT NULL,
    "moduleKey" TEXT,
    "quote" TEXT,
    "prefix" TEXT,
    "suffix" TEXT,
    "start" INTEGER,
    "end" INTEGER,
    "anchorVersion" INTEGER,
    "body" TEXT NOT NULL,
    "resolved" BOOLEAN NOT NULL DEFAULT false,
    "resolvedById" TEXT,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DraftComment_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DraftComment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "DraftComment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DraftComment_authorUserId_fkey" FOREIGN KEY ("authorUserId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK (length("body") BETWEEN 1 AND 10000),
    -- No anchor, or a whole one: a module, a non-empty quote and the offsets it spans.
    CHECK (
      ("quote" IS NULL AND "start" IS NULL AND "end" IS NULL AND "prefix" IS NULL AND "suffix" IS NULL)
      OR ("moduleKey" IS NOT NULL AND "quote" IS NOT NULL AND "prefix" IS NOT NULL AND "suffix" IS NOT NULL
          AND "start" >= 0 AND "end" > "start" AND length("quote") = "end" - "start")
    ),
    -- Replies belong to their thread: no anchor of their own.
    CHECK ("parentId" IS NULL OR ("moduleKey" IS NULL AND "quote" IS NULL))
);

-- CreateTable
CREATE TABLE "DraftMention" (
    "commentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("commentId", "userId"),
    CONSTRAINT "DraftMention_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "DraftComment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DraftMention_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "DraftEditor_bodyId_membershipId_key" ON "DraftEditor"("bodyId", "membershipId");
CREATE UNIQUE INDEX "DraftReviewer_bodyId_membershipId_key" ON "DraftReviewer"("bodyId", "membershipId");
CREATE INDEX "Draft_partnershipId_status_idx" ON "Draft"("partnershipId", "status");
CREATE INDEX "Draft_bodyId_status_idx" ON "Draft"("bodyId", "status");
CREATE INDEX "DraftModule_draftId_position_idx" ON "DraftModule"("draftId", "position");
CREATE UNIQUE INDEX "DraftModule_draftId_key_key" ON "DraftModule"("draftId", "key");
CREATE UNIQUE INDEX "DraftVersion_draftId_number_key" ON "DraftVersion"("draftId", "number");
CREATE INDEX "DraftSignOff_draftId_idx" ON "DraftSignOff"("draftId");
CREATE UNIQUE INDEX "DraftSignOff_versionId_reviewerMembershipId_key" ON "DraftSignOff"("versionId", "reviewerMembershipId");
CREATE UNIQUE INDEX "DraftAdoption_draftId_key" ON "DraftAdoption"("draftId");
CREATE UNIQUE INDEX "DraftAdoption_versionId_key" ON "DraftAdoption"("versionId");
CREATE UNIQUE INDEX "DraftAdoption_motionId_key" ON "DraftAdoption"("motionId");
CREATE INDEX "DraftComment_draftId_createdAt_idx" ON "DraftComment"("draftId", "createdAt");
CREATE INDEX "DraftMention_userId_idx" ON "DraftMention"("userId");

-- ─── worker sign-off group ──────────────────────────────────────────────────
-- Only labor-side members of the body's own partnership.
CREATE TRIGGER "DraftReviewer_labor_only" BEFORE INSERT ON "DraftReviewer"
WHEN NOT EXISTS (
  SELECT 1 FROM "Membership" m JOIN "Organization" o ON o."id" = m."organizationId" JOIN "Body" b ON b."id" = NEW."bodyId"
  WHERE m."id" = NEW."membershipId" AND o."side" = 'LABOR' AND m."partnershipId" = b."partnershipId"
)
BEGIN SELECT RAISE(ABORT, 'The worker sign-off group takes labor-side members of the partnership only'); END;
CREATE TRIGGER "DraftReviewer_no_update" BEFORE UPDATE ON "DraftReviewer" BEGIN SELECT RAISE(ABORT, 'DraftReviewer rows are not updated'); END;
CREATE TRIGGER "DraftEditor_same_partnership" BEFORE INSERT ON "DraftEditor"
WHEN NOT EXISTS (SELECT 1 FROM "Membership" m JOIN "Body" b ON b."id" = NEW."bodyId" WHERE m."id" = NEW."membershipId" AND m."partnershipId" = b."partnershipId")
BEGIN SELECT RAISE(ABORT, 'Editors are members of the body''s partnership'); END;

-- ─── append-only history ────────────────────────────────────────────────────
CREATE TRIGGER "DraftVersion_no_update" BEFORE UPDATE ON "DraftVersion" BEGIN SELECT RAISE(ABORT, 'DraftVersion is append-only'); END;
CREATE TRIGGER "DraftVersion_no_delete" BEFORE DELETE ON "DraftVersion" BEGIN SELECT RAISE(ABORT, 'DraftVersion is append-only'); END;
CREATE TRIGGER "DraftSignOff_no_update" BEFORE UPDATE ON "DraftSignOff" BEGIN SELECT RAISE(ABORT, 'DraftSignOff is append-only'); END;
CREATE TRIGGER "DraftSignOff_no_delete" BEFORE DELETE ON "DraftSignOff" BEGIN SELECT RAISE(ABORT, 'DraftSignOff is append-only'); END;
CREATE TRIGGER "DraftAdoption_no_update" BEFORE UPDATE ON "DraftAdoption" BEGIN SELECT RAISE(ABORT, 'DraftAdoption is append-only'); END;
CREATE TRIGGER "DraftAdoption_no_delete" BEFORE DELETE ON "DraftAdoption" BEGIN SELECT RAISE(ABORT, 'DraftAdoption is append-only'); END;

-- A new version is the next number of a draft that is still open.
CREATE TRIGGER "DraftVersion_next_number" BEFORE INSERT ON "DraftVersion"
WHEN NOT EXISTS (
  SELECT 1 FROM "Draft" d WHERE d."id" = NEW."draftId" AND d."status" IN ('DRAFTING', 'IN_REVIEW', 'SIGNED_OFF') AND NEW."number" = d."currentVersion" + 1
)
BEGIN SELECT RAISE(ABORT, 'A new version must be the next number of an open draft'); END;

-- A decision counts only for the draft's current version, under review, from a member of the group.
CREATE TRIGGER "DraftSignOff_current_version" BEFORE INSERT ON "DraftSignOff"
WHEN NOT EXISTS (
  SELECT 1 FROM "DraftVersion" v JOIN "Draft" d ON d."id" = v."draftId"
  JOIN "DraftReviewer" r ON r."bodyId" = d."bodyId" AND r."membershipId" = NEW."reviewerMembershipId"
  WHERE v."id" = NEW."versionId" AND d."id" = NEW."draftId" AND d."currentVersion" = v."number" AND d."status" IN ('IN_REVIEW', 'SIGNED_OFF')
)
BEGIN SELECT RAISE(ABORT, 'Sign-off must be for the current version under review, by a member of the sign-off group'); END;

-- ─── the sign-off rule, in the database ─────────────────────────────────────
-- "Met" for version V of a draft of body B: the group is not empty and either every member of it
-- (rule ALL) or at least `minimum` of them (rule AT_LEAST) signed off V. Without settings: ALL.

-- A draft is marked signed off only when its current version meets the rule.
CREATE TRIGGER "Draft_signed_off_requires_rule" BEFORE UPDATE OF "status", "currentVersion" ON "Draft"
WHEN NEW."status" = 'SIGNED_OFF' AND NOT (
  (SELECT COUNT(*) FROM "DraftReviewer" r WHERE r."bodyId" = NEW."bodyId") > 0
  AND (
    SELECT CASE COALESCE((SELECT s."rule" FROM "DraftSettings" s WHERE s."bodyId" = NEW."bodyId"), 'ALL')
      WHEN 'ALL' THEN signed.n = (SELECT COUNT(*) FROM "DraftReviewer" r WHERE r."bodyId" = NEW."bodyId")
      ELSE signed.n >= COALESCE((SELECT s."minimum" FROM "DraftSettings" s WHERE s."bodyId" = NEW."bodyId"), 1)
    END
    FROM (
      SELECT COUNT(*) AS n FROM "DraftSignOff" so
      JOIN "DraftVersion" v ON v."id" = so."versionId"
      JOIN "DraftReviewer" r ON r."bodyId" = NEW."bodyId" AND r."membershipId" = so."reviewerMembershipId"
      WHERE v."draftId" = NEW."id" AND v."number" = NEW."currentVersion" AND so."decision" = 'SIGNED_OFF'
    ) AS signed
  )
)
BEGIN SELECT RAISE(ABORT, 'The worker sign-off of the current version is not complete'); END;

-- An adoption names the draft's current, signed-off version, and that version meets the rule.
CREATE TRIGGER "DraftAdoption_requires_signoff" BEFORE INSERT ON "DraftAdoption"
WHEN NOT (
  EXISTS (
    SELECT 1 FROM "Draft" d JOIN "DraftVersion" v ON v."draftId" = d."id"
    WHERE d."id" = NEW."draftId" AND v."id" = NEW."versionId" AND v."number" = NEW."versionNumber"
      AND d."currentVersion" = v."number" AND d."status" = 'SIGNED_OFF'
  )
  AND (SELECT COUNT(*) FROM "DraftReviewer" r JOIN "Draft" d ON d."bodyId" = r."bodyId" WHERE d."id" = NEW."draftId") > 0
  AND (
    SELECT CASE COALESCE(s."rule", 'ALL')
      WHEN 'ALL' THEN signed.n = (SELECT COUNT(*) FROM "DraftReviewer" r WHERE r."bodyId" = d."bodyId")
      ELSE signed.n >= COALESCE(s."minimum", 1)
    END
    FROM "Draft" d
    LEFT JOIN "DraftSettings" s ON s."bodyId" = d."bodyId"
    JOIN (
      SELECT COUNT(*) AS n FROM "DraftSignOff" so
      JOIN "Draft" d2 ON d2."id" = NEW."draftId"
      JOIN "DraftReviewer" r ON r."bodyId" = d2."bodyId" AND r."membershipId" = so."reviewerMembershipId"
      WHERE so."versionId" = NEW."versionId" AND so."decision" = 'SIGNED_OFF'
    ) AS signed
    WHERE d."id" = NEW."draftId"
  )
)
BEGIN SELECT RAISE(ABORT, 'Adoption needs a complete worker sign-off of the current version'); END;

-- Adopted by a vote: the motion is of the draft's body, closed, passed, under the dual-majority rule.
CREATE TRIGGER "DraftAdoption_motion_passed" BEFORE INSERT ON "DraftAdoption"
WHEN NEW."motionId" IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM "Motion" m JOIN "Draft" d ON d."id" = NEW."draftId"
  WHERE m."id" = NEW."motionId" AND m."bodyId" = d."bodyId" AND m."status" = 'CLOSED' AND m."outcome" = 'PASSED' AND m."rule" = 'DUAL_MAJORITY'
)
BEGIN SELECT RAISE(ABORT, 'Adoption by a vote needs a passed dual-majority motion of the draft''s body'); END;

-- A draft becomes adopted only with the adoption of its current version on record.
CREATE TRIGGER "Draft_adopted_requires_adoption" BEFORE UPDATE OF "status" ON "Draft"
WHEN NEW."status" = 'ADOPTED' AND NOT EXISTS (
  SELECT 1 FROM "DraftAdoption" a WHERE a."draftId" = NEW."id" AND a."versionNumber" = NEW."currentVersion"
)
BEGIN SELECT RAISE(ABORT, 'A draft is adopted only through an adoption of its current version'); END;

-- Adopted and withdrawn drafts are read-only: their details and their modules.
CREATE TRIGGER "Draft_closed_read_only" BEFORE UPDATE ON "Draft"
WHEN OLD."status" IN ('ADOPTED', 'WITHDRAWN')
BEGIN SELECT RAISE(ABORT, 'An adopted or withdrawn draft is read-only'); END;
CREATE TRIGGER "DraftModule_closed_insert" BEFORE INSERT ON "DraftModule"
WHEN (SELECT "status" FROM "Draft" WHERE "id" = NEW."draftId") IN ('ADOPTED', 'WITHDRAWN')
BEGIN SELECT RAISE(ABORT, 'An adopted or withdrawn draft is read-only'); END;
CREATE TRIGGER "DraftModule_closed_update" BEFORE UPDATE ON "DraftModule"
WHEN (SELECT "status" FROM "Draft" WHERE "id" = OLD."draftId") IN ('ADOPTED', 'WITHDRAWN')
BEGIN SELECT RAISE(ABORT, 'An adopted or withdrawn draft is read-only'); END;
CREATE TRIGGER "DraftModule_closed_delete" BEFORE DELETE ON "DraftModule"
WHEN (SELECT "status" FROM "Draft" WHERE "id" = OLD."draftId") IN ('ADOPTED', 'WITHDRAWN')
BEGIN SELECT RAISE(ABORT, 'An adopted or withdrawn draft is read-only'); END;
