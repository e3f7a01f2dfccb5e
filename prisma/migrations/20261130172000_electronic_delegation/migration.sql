-- A seat holder may let their designated alternate vote for them in electronic votes.
-- (ADD COLUMN, not Prisma's table redefinition, so BodySeat keeps its CHECK constraints.)
ALTER TABLE "BodySeat" ADD COLUMN "delegatesElectronicVotes" BOOLEAN NOT NULL DEFAULT false;
