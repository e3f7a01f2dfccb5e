-- CreateTable
CREATE TABLE "ParticipantDataVersion" (
    "partnershipId" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ParticipantDataVersion_pkey" PRIMARY KEY ("partnershipId")
);

-- Hand-written (decision 0024): every write to what the A&O dashboard counts moves its partnership's
-- version forward in the writing transaction, so a dashboard counted under version V is the count of
-- every change up to V. The triggers are deferred to the commit: the version row is the last lock a
-- writing transaction takes and is held only while it commits, so it never orders two transactions'
-- other locks against each other (no deadlock) and concurrent writers wait on it for a moment only.
CREATE FUNCTION jointly_bump_participant_data_version(partnership TEXT) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "ParticipantDataVersion" ("partnershipId", "version") VALUES (partnership, 1)
  ON CONFLICT ("partnershipId") DO UPDATE SET "version" = "ParticipantDataVersion"."version" + 1;
$$;

CREATE FUNCTION jointly_participant_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  partnership TEXT;
BEGIN
  IF TG_TABLE_NAME = 'Outcome' THEN
    -- An outcome's partnership is its enrollment's (gone when the enrollment's own delete cascaded: that counted).
    SELECT "partnershipId" INTO partnership FROM "Enrollment" WHERE "id" = COALESCE(NEW."enrollmentId", OLD."enrollmentId");
  ELSIF TG_OP = 'DELETE' THEN
    partnership := OLD."partnershipId";
  ELSE
    partnership := NEW."partnershipId";
  END IF;
  IF partnership IS NOT NULL THEN
    PERFORM jointly_bump_participant_data_version(partnership);
  END IF;
  -- A row moved to another partnership (not done today) changes both.
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME <> 'Outcome' THEN
    IF OLD."partnershipId" IS DISTINCT FROM NEW."partnershipId" THEN
      PERFORM jointly_bump_participant_data_version(OLD."partnershipId");
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "Participant_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Participant"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jointly_participant_data_changed();
CREATE CONSTRAINT TRIGGER "Enrollment_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Enrollment"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jointly_participant_data_changed();
CREATE CONSTRAINT TRIGGER "Outcome_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Outcome"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jointly_participant_data_changed();
-- A linked trainee's answers (the CBO's, services domain) are the participant's demographics.
CREATE CONSTRAINT TRIGGER "Trainee_data_version" AFTER UPDATE OR DELETE ON "Trainee"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jointly_participant_data_changed();
