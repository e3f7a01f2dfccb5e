-- Secret ballots sealed at rest (decision 0010, superseding 0005): each secret ballot is a sealed box of
-- its side and choice, to a key pair the vote gets when it opens (public key on the motion, private key
-- derived from the server's secret and never stored); no per-choice counters while the vote runs.
-- No deployment exists, so nothing is migrated: a development database with a secret vote still open
-- from before this migration cannot count it (its counters are gone); remove data/postgres to reseed.

-- DropForeignKey
ALTER TABLE "SecretTally" DROP CONSTRAINT "SecretTally_motionId_fkey";

-- AlterTable
ALTER TABLE "Motion" ADD COLUMN     "ballotPublicKey" BYTEA;

-- DropTable
DROP TABLE "SecretTally";

-- CreateTable
CREATE TABLE "SealedBallot" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "motionId" TEXT NOT NULL,
    "box" BYTEA NOT NULL,

    CONSTRAINT "SealedBallot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SealedBallot_motionId_idx" ON "SealedBallot"("motionId");

-- AddForeignKey
ALTER TABLE "SealedBallot" ADD CONSTRAINT "SealedBallot_motionId_fkey" FOREIGN KEY ("motionId") REFERENCES "Motion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── by hand ────────────────────────────────────────────────────────────────
-- The counters' trigger went with their table; its function goes too.
DROP FUNCTION jointly_secret_tally_only_up();

-- A public key is an X25519 key (32 bytes); an open secret vote always has one. (NOT VALID: a secret
-- vote left open in a development database from before this migration has none, and is refused at close.)
ALTER TABLE "Motion" ADD CONSTRAINT "Motion_ballotPublicKey_check" CHECK ("ballotPublicKey" IS NULL OR octet_length("ballotPublicKey") = 32);
ALTER TABLE "Motion" ADD CONSTRAINT "Motion_secret_vote_has_key_check" CHECK ("ballotKind" <> 'SECRET' OR "status" <> 'OPEN' OR "ballotPublicKey" IS NOT NULL) NOT VALID;

-- Every box has the same size (32 bytes of padded plaintext + crypto_box_SEALBYTES), so its length says
-- nothing about the choice (voting/ballot-box.ts).
ALTER TABLE "SealedBallot" ADD CONSTRAINT "SealedBallot_box_check" CHECK (octet_length("box") = 80);

-- A box goes only into an open secret vote, is never changed, and leaves only once the vote is no longer
-- open (the close counts and deletes them) or with its motion. The writers already hold the motion's row
-- lock (ballots.ts, vote-lifecycle.ts); this is the last word.
CREATE FUNCTION jointly_sealed_ballot_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM "Motion" m WHERE m."id" = NEW."motionId" AND m."status" = 'OPEN' AND m."ballotKind" = 'SECRET') THEN
      RAISE EXCEPTION 'A sealed ballot goes only into an open secret vote' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'A sealed ballot is never changed' USING ERRCODE = 'restrict_violation';
  END IF;
  IF EXISTS (SELECT 1 FROM "Motion" m WHERE m."id" = OLD."motionId" AND m."status" = 'OPEN') THEN
    RAISE EXCEPTION 'A sealed ballot stays until its vote has closed' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER "SealedBallot_rules" BEFORE INSERT OR UPDATE OR DELETE ON "SealedBallot" FOR EACH ROW EXECUTE FUNCTION jointly_sealed_ballot_rules();
