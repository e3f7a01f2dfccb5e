// A body's voting settings, its members' designated alternates, and a member's delegation of their
// electronic votes to their alternate. They shape votes opened afterwards: an open vote's roll is fixed.
import { recordAudit } from "../../audit/audit.js";
import { AppError, forbidden } from "../../errors.js";
import { partnershipRoom } from "../../realtime/realtime.events.js";
import { inTransaction, lockRow, type Effects } from "../../unit-of-work/unit-of-work.js";
import { isVotingSeat } from "./voting.policy.js";
import type { SetAlternateInput, SetDelegationInput, VotingBodyIdInput, VotingSettingsInput } from "./voting.schema.js";
import type { VotingDeps } from "./voting.shared.js";

/** Voting settings and alternates show on the committee pages, which listen to the partnership's room. */
const settingsChanged = (effects: Effects, partnershipId: string) => effects.publish(partnershipRoom(partnershipId), "partnership:changed", { partnershipId });

export async function setVotingSettings(deps: VotingDeps, { userId, input }: { userId: string; input: VotingSettingsInput }) {
  const { body } = await deps.access.requireBodyManager(userId, input.bodyId);
  if (input.deadlockProcedure === "REFER_TO_UMPIRE" && !input.umpireName) {
    throw new AppError("BAD_REQUEST", "Name the impartial umpire.", { fieldErrors: { umpireName: ["Name the impartial umpire."] } });
  }
  return inTransaction(deps, async (tx, effects) => {
    await tx.body.update({
      where: { id: body.id },
      data: {
        secondFromOtherSide: input.secondFromOtherSide,
        allowVoteChange: input.allowVoteChange,
        deadlockProcedure: input.deadlockProcedure,
        umpireName: input.umpireName,
        reminderLeadHours: input.reminderLeadHours,
      },
    });
    await recordAudit(tx, { partnershipId: body.partnershipId, actorId: userId, action: "body.votingSettingsSet", subjectType: "Body", subjectId: body.id, data: input });
    settingsChanged(effects, body.partnershipId);
    return { bodyId: body.id };
  });
}

export async function getVotingSettings(deps: Pick<VotingDeps, "db" | "access">, { userId, input }: { userId: string; input: VotingBodyIdInput }) {
  await deps.access.requireBodyMember(userId, input.bodyId);
  const body = await deps.db.body.findUniqueOrThrow({
    where: { id: input.bodyId },
    select: {
      secondFromOtherSide: true,
      allowVoteChange: true,
      deadlockProcedure: true,
      umpireName: true,
      reminderLeadHours: true,
      seats: { where: { alternateMembershipId: { not: null } }, select: { membershipId: true, alternateMembershipId: true, delegatesElectronicVotes: true } },
    },
  });
  const { seats, ...settings } = body;
  return { ...settings, deadlockProcedure: settings.deadlockProcedure as VotingSettingsInput["deadlockProcedure"], alternates: seats };
}

/**
 * Names a seat holder's alternate: someone seated on the same body (so they can follow its meetings and
 * motions, e.g. as an observer) from the same side. If they also hold a voting seat, they keep one vote.
 * Checked under the body's row lock, so the seats checked are the seats at commit.
 */
export async function setAlternate(deps: VotingDeps, { userId, input }: { userId: string; input: SetAlternateInput }) {
  const { bodyId, membershipId, alternateMembershipId } = input;
  const { body } = await deps.access.requireBodyManager(userId, bodyId);
  return inTransaction(deps, async (tx, effects) => {
    await lockRow(tx, "Body", bodyId);
    const seat = await tx.bodySeat.findUnique({
      where: { bodyId_membershipId: { bodyId, membershipId } },
      select: { id: true, isVoting: true, membership: { select: { organization: { select: { side: true } } } } },
    });
    if (!seat || !seat.isVoting) throw new AppError("BAD_REQUEST", "Choose a voting member of this body.");
    if (alternateMembershipId) {
      if (alternateMembershipId === membershipId) throw new AppError("BAD_REQUEST", "A member cannot be their own alternate.");
      const alternate = await tx.bodySeat.findUnique({
        where: { bodyId_membershipId: { bodyId, membershipId: alternateMembershipId } },
        select: { membership: { select: { organization: { select: { side: true } } } } },
      });
      if (!alternate) throw new AppError("BAD_REQUEST", "Choose someone seated on this body (an observer seat is enough).");
      if (alternate.membership.organization.side !== seat.membership.organization.side) {
        throw new AppError("BAD_REQUEST", "An alternate comes from the same side as the member, so each side keeps its parity.");
      }
    }
    // A new (or no) alternate is not someone the holder chose to vote for them electronically.
    await tx.bodySeat.update({ where: { id: seat.id }, data: { alternateMembershipId, delegatesElectronicVotes: false } });
    await recordAudit(tx, { partnershipId: body.partnershipId, actorId: userId, action: "seat.alternateSet", subjectType: "Body", subjectId: bodyId, data: { membershipId, alternateMembershipId } });
    settingsChanged(effects, body.partnershipId);
    return { bodyId };
  });
}

/**
 * The seat holder (only they) lets their alternate cast their vote in electronic votes, or takes it
 * back. It applies to votes opened afterwards: an open vote's roll is fixed.
 */
export async function setDelegation(deps: VotingDeps, { userId, input }: { userId: string; input: SetDelegationInput }) {
  const { bodyId, delegates } = input;
  const { body, member, seat } = await deps.access.requireBodySeat(userId, bodyId);
  if (!isVotingSeat(seat)) throw forbidden("Only a voting member delegates their vote.");
  return inTransaction(deps, async (tx, effects) => {
    // Only while an alternate is named: the condition is part of the write.
    const { count } = await tx.bodySeat.updateMany({
      where: { bodyId, membershipId: member.membershipId, ...(delegates ? { alternateMembershipId: { not: null } } : {}) },
      data: { delegatesElectronicVotes: delegates },
    });
    if (!count) throw new AppError("PRECONDITION_FAILED", "You have no alternate on this body yet: ask a co-chair to name one.");
    await recordAudit(tx, { partnershipId: body.partnershipId, actorId: userId, action: "seat.delegationSet", subjectType: "Body", subjectId: bodyId, data: { delegates } });
    settingsChanged(effects, body.partnershipId);
    return { delegates };
  });
}
