-- A side may revise its approval while the request is in review: the other side answers an approval
-- with another amount or fund, and the first agrees or answers again. The side's new approval replaces
-- its row (one per side and request, as before); every approval stays in the request's history
-- (RequestEvent, append-only). A row is never updated, and once the request leaves review (approved,
-- denied, cancelled, or waiting for information) its approvals are kept as they are.
DROP TRIGGER "RequestApproval_append_only" ON "RequestApproval";

-- The request's row is read FOR SHARE: a deletion waits for a decision being committed on it (which
-- holds the row), then sees the decided status and is refused.
CREATE FUNCTION jointly_request_approval_kept() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  request_status TEXT;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'RequestApproval rows are never updated: a side''s new approval replaces its row' USING ERRCODE = 'restrict_violation';
  END IF;
  SELECT r."status" INTO request_status FROM "ServiceRequest" r WHERE r."id" = OLD."requestId" FOR SHARE;
  IF request_status IS NULL OR request_status NOT IN ('SUBMITTED', 'UNDER_REVIEW') THEN
    RAISE EXCEPTION 'Approvals of a request out of review are kept as they are' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER "RequestApproval_kept" BEFORE UPDATE OR DELETE ON "RequestApproval" FOR EACH ROW EXECUTE FUNCTION jointly_request_approval_kept();
