-- Supportive services: a requesting organization acts for a trainee only while the owner lets it.
-- Creating a request, submitting it (DRAFT → SUBMITTED), answering a reviewer (NEEDS_INFO →
-- UNDER_REVIEW) and attaching a file need the request's organization to own the trainee or hold the
-- owner's grant at that moment. The grant's row is share-locked until commit, so a revocation (which
-- deletes it) running at the same moment waits for the change, or the change finds the grant gone.
-- Cancelling, reviewing and deciding stay possible after a revocation.

-- Whether an organization owns the trainee or holds the owner's grant (share-locking the grant).
CREATE FUNCTION jointly_acts_for_trainee(org TEXT, trainee TEXT) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Trainee" t WHERE t."id" = trainee AND t."organizationId" = org) THEN
    RETURN true;
  END IF;
  PERFORM 1 FROM "TraineeAccessGrant" g WHERE g."traineeId" = trainee AND g."organizationId" = org FOR SHARE;
  RETURN FOUND;
END $$;

CREATE OR REPLACE FUNCTION jointly_service_request_trainee_access() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NOT ((OLD."status" = 'DRAFT' AND NEW."status" = 'SUBMITTED') OR (OLD."status" = 'NEEDS_INFO' AND NEW."status" = 'UNDER_REVIEW')) THEN
    RETURN NEW;
  END IF;
  IF NOT jointly_acts_for_trainee(NEW."organizationId", NEW."traineeId") THEN
    RAISE EXCEPTION 'ServiceRequest organization has no access to the trainee' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

DROP TRIGGER "ServiceRequest_trainee_access" ON "ServiceRequest";
CREATE TRIGGER "ServiceRequest_trainee_access" BEFORE INSERT OR UPDATE OF "status" ON "ServiceRequest"
  FOR EACH ROW EXECUTE FUNCTION jointly_service_request_trainee_access();

CREATE FUNCTION jointly_attachment_trainee_access() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  req RECORD;
BEGIN
  SELECT r."organizationId", r."traineeId" INTO req FROM "ServiceRequest" r WHERE r."id" = NEW."requestId";
  IF FOUND AND NOT jointly_acts_for_trainee(req."organizationId", req."traineeId") THEN
    RAISE EXCEPTION 'Attachment: the request''s organization has no access to the trainee' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Attachment_trainee_access" BEFORE INSERT ON "Attachment" FOR EACH ROW EXECUTE FUNCTION jointly_attachment_trainee_access();
