-- The two keys of a joint change are two people, not only two sides: whoever applies or declines a
-- proposal is never the person who proposed it (a change applied alone, while the other side had no
-- co-chair, is the one exception and says so).
ALTER TABLE "JointChange" ADD CONSTRAINT "JointChange_two_people_check" CHECK (
  "status" NOT IN ('APPLIED', 'DECLINED') OR "appliedAlone" OR "decidedById" IS DISTINCT FROM "proposedById"
);
