// Worker review of curriculum drafts: a new version starts (or restarts) review, reviewers of the
// body's labor-only group sign off or request changes on the version they read, and the signed-off
// version is adopted by both sides: both co-chairs (a joint change) or the body's vote on a motion naming it.
// Every decision and the adoption take the draft's row lock first, so they are ordered with each other
// and with saves: a decision counts every decision committed before it (two last sign-offs at once
// still complete the rule), and a decision or an adoption that lost the race to a new version finds it
// and is refused. Independently, database triggers refuse a sign-off on anything but the current
// version under review and an adoption or a SIGNED_OFF/ADOPTED status the sign-off does not support.
import { recordAudit } from "../../audit/audit.js";
import type { Tx } from "../../db.js";
import { AppError, forbidden, isUniqueViolation } from "../../errors.js";
import { inTransaction, lockRow, type Effects } from "../../unit-of-work/unit-of-work.js";
import {
  draftChanged,
  draftKeepers,
  draftsListChanged,
  isReviewer,
  peopleByMembership,
  requireDraftReader,
  ruleState,
  userName,
  type DraftsDeps,
} from "./drafts.facts.js";
import type { AppDeps } from "../../deps.js";
import { proposeJointChange } from "../joint/joint.api.js";
import { requireAdoptableVersion } from "./drafts.api.js";
import { acceptsSignOff, mayProposeAdoption } from "./drafts.policy.js";
import { rethrowRefusal } from "./drafts.refusals.js";
import type { DraftSnapshot } from "./drafts.rules.js";
import type { AdoptInput, DraftStatus, SignOffInput } from "./drafts.schema.js";

/**
 * Inside a save's transaction (which holds the draft's row lock): freezes `snapshot` as the next
 * numbered version, puts the draft in review (sign-offs of earlier versions no longer count) and asks
 * the worker sign-off group for their decision.
 */
export async function startReview(
  tx: Tx,
  effects: Effects,
  options: {
    draft: { id: string; partnershipId: string; bodyId: string; currentVersion: number };
    snapshot: DraftSnapshot;
    changeSummary: string;
    userId: string;
    authorName: string;
  },
): Promise<number> {
  const { draft, snapshot, changeSummary, userId } = options;
  const number = draft.currentVersion + 1;
  await tx.draftVersion.create({
    data: { draftId: draft.id, number, snapshot: snapshot as never, changeSummary, createdById: userId, createdByName: options.authorName },
  });
  await tx.draft.update({ where: { id: draft.id }, data: { currentVersion: number, status: "IN_REVIEW" } });
  await recordAudit(tx, { partnershipId: draft.partnershipId, actorId: userId, action: "draft.versioned", subjectType: "Draft", subjectId: draft.id, data: { version: number, changeSummary } });
  const group = await tx.draftReviewer.findMany({ where: { bodyId: draft.bodyId }, select: { membershipId: true } });
  const reviewers = await peopleByMembership(tx, group.map((g) => g.membershipId));
  draftChanged(effects, draft.id, userId, ["details", "workingCopy", "versions", "signOffs", "status"], { version: number });
  draftsListChanged(effects, draft.partnershipId);
  effects.notify(
    [...reviewers.values()].map((p) => p.userId).filter((id) => id !== userId),
    "draft.reviewRequested",
    { partnershipId: draft.partnershipId, draftId: draft.id, draftTitle: snapshot.title, version: number },
  );
  return number;
}

/**
 * A reviewer's decision on the version they read. Under the draft's row lock: the version must still
 * be the current one under review and the reviewer still in the group; the decision is recorded (once
 * per reviewer and version: a unique key), counted with every decision committed before it, and when
 * the rule is met the draft becomes signed off (a conditional update on the same version).
 */
export async function decideSignOff(deps: DraftsDeps, { userId, input }: { userId: string; input: SignOffInput }) {
  const { draft, body, member } = await requireDraftReader(deps, userId, input.draftId);
  if (!(await isReviewer(deps.db, body.id, member.membershipId))) throw forbidden("Only members of the worker sign-off group sign off drafts.");
  const [reviewerName, keepers] = await Promise.all([userName(deps.db, userId), draftKeepers(deps.db, body.id, userId)]);
  try {
    return await inTransaction(deps, async (tx, effects) => {
      await lockRow(tx, "Draft", draft.id);
      const now = await tx.draft.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true, currentVersion: true } });
      if (!acceptsSignOff({ status: now.status as DraftStatus, currentVersion: now.currentVersion }, input.versionNumber)) {
        if (now.status !== "IN_REVIEW" && now.status !== "SIGNED_OFF") throw new AppError("PRECONDITION_FAILED", "This draft is not in review.");
        throw new AppError("PRECONDITION_FAILED", `Version ${now.currentVersion} replaced version ${input.versionNumber} meanwhile. Read the new version before you decide.`);
      }
      if (!(await isReviewer(tx, body.id, member.membershipId))) throw forbidden("You are no longer in the worker sign-off group of this committee.");
      const version = await tx.draftVersion.findUniqueOrThrow({ where: { draftId_number: { draftId: draft.id, number: input.versionNumber } }, select: { id: true } });
      await tx.draftSignOff.create({
        data: {
          draftId: draft.id,
          versionId: version.id,
          reviewerMembershipId: member.membershipId,
          reviewerUserId: userId,
          reviewerName,
          decision: input.decision,
          reason: input.reason,
        },
      });
      const state = await ruleState(tx, body.id, version.id);
      let becameSignedOff = false;
      if (state.met && now.status === "IN_REVIEW") {
        const { count } = await tx.draft.updateMany({ where: { id: draft.id, status: "IN_REVIEW", currentVersion: input.versionNumber }, data: { status: "SIGNED_OFF" } });
        becameSignedOff = count === 1;
      }
      await recordAudit(tx, {
        partnershipId: draft.partnershipId,
        actorId: userId,
        action: input.decision === "SIGNED_OFF" ? "draft.signedOff" : "draft.changesRequested",
        subjectType: "Draft",
        subjectId: draft.id,
        data: { version: input.versionNumber, reason: input.reason || undefined, ruleMet: state.met },
      });
      draftChanged(effects, draft.id, userId, becameSignedOff ? ["signOffs", "status"] : ["signOffs"], { version: input.versionNumber });
      const about = { partnershipId: draft.partnershipId, draftId: draft.id, draftTitle: draft.title, version: input.versionNumber };
      if (becameSignedOff) {
        draftsListChanged(effects, draft.partnershipId);
        effects.notify(keepers, "draft.signedOff", about);
      } else if (input.decision === "CHANGES_REQUESTED") {
        effects.notify(keepers, "draft.changesRequested", { ...about, byName: reviewerName });
      }
      return { id: draft.id, signedOff: state.met };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "You already gave your decision on this version.");
    return rethrowRefusal(error, [
      [/Sign-off must be for the current version/, () => new AppError("PRECONDITION_FAILED", "A newer version replaced the one you read. Read it before you decide.")],
    ]);
  }
}

/**
 * Proposes adopting the signed-off version: a DRAFT_ADOPTION joint change. A co-chair of the body (or of
 * the partnership) proposes, staff prepare; it applies only when a co-chair of the other side concurs,
 * in that transaction (drafts.api.ts: adoptDraftVersion). The other way is the body's vote: a motion
 * moved from the draft page names the version and adopts it when it passes (voting domain).
 */
export async function proposeAdoption(deps: DraftsDeps & Pick<AppDeps, "realtime" | "logger">, { userId, input }: { userId: string; input: AdoptInput }) {
  const { draft, body, seat } = await requireDraftReader(deps, userId, input.draftId);
  if (!mayProposeAdoption(seat)) throw forbidden(`Only the co-chairs of ${body.name} (or staff, for a co-chair to submit) propose adopting a curriculum.`);
  await requireAdoptableVersion(deps.db, { draftId: draft.id, versionNumber: input.versionNumber, bodyId: body.id });
  const payload = { draftId: draft.id, versionNumber: input.versionNumber };
  return proposeJointChange(deps, { userId, input: { partnershipId: draft.partnershipId, bodyId: body.id, kind: "DRAFT_ADOPTION", payload } });
}
