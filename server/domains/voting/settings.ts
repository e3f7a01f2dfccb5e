// A body's voting settings, its umpire, its members' designated alternates, and a member's delegation
// of their electronic votes to their alternate. They shape votes opened afterwards: an open vote's roll
// is fixed. The settings and the umpire need both sides (joint changes); a side names the alternates of
// its own seats at once, and proposes one for the other side's seats.
import { recordAudit } from "../../audit/audit.js";
import type { AppDeps } from "../../deps.js";
import { AppError, forbidden } from "../../errors.js";
import { partnershipRoom } from "../../realtime/realtime.events.js";
import { inTransaction, type Effects } from "../../unit-of-work/unit-of-work.js";
import { proposeJointChange, type Proposed, type ProposedOr } from "../joint/joint.api.js";
import { isOwnSide } from "../partnerships/partnerships.policy.js";
import { readAlternate, readUmpire, readVotingSettings, writeAlternate, type VotingSettingsValue } from "./voting.api.js";
import { isVotingSeat } from "./voting.policy.js";
import type { NameUmpireInput, SetAlternateInput, SetDelegationInput, VotingBodyIdInput, VotingSettingsInput } from "./voting.schema.js";
import type { VotingDeps } from "./voting.shared.js";

/** Proposing may need socket rooms (a joint change applied at once). */
type ProposingDeps = VotingDeps & Pick<AppDeps, "realtime" | "logger">;

/** Voting settings and alternates show on the committee pages, which listen to the partnership's room. */
const settingsChanged = (effects: Effects, partnershipId: string) => effects.publish(partnershipRoom(partnershipId), "partnership:changed", { partnershipId });

const sameSettings = (a: VotingSettingsValue, b: VotingSettingsValue) =>
  a.secondFromOtherSide === b.secondFromOtherSide && a.allowVoteChange === b.allowVoteChange && a.deadlockProcedure === b.deadlockProcedure && a.reminderLeadHours === b.reminderLeadHours;

/**
 * Proposes the body's voting settings and, if it differs, its umpire (two joint changes: the umpire is
 * named on its own too). Referring deadlocks to an umpire needs one named, or proposed now.
 */
export async function setVotingSettings(deps: ProposingDeps, { userId, input }: { userId: string; input: VotingSettingsInput }): Promise<ProposedOr<{ bodyId: string }> & { changeIds: string[] }> {
  const { body } = await deps.access.requireBodyMember(userId, input.bodyId);
  const { bodyId, umpireName, ...settings } = input;
  const [current, umpire] = await Promise.all([readVotingSettings(deps.db, bodyId), readUmpire(deps.db, bodyId)]);
  if (settings.deadlockProcedure === "REFER_TO_UMPIRE" && !umpireName && !umpire.umpireName) {
    throw new AppError("BAD_REQUEST", "Name the impartial umpire.", { fieldErrors: { umpireName: ["Name the impartial umpire."] } });
  }
  const proposals: Array<ProposedOr<Record<string, unknown>>> = [];
  const at = { partnershipId: body.partnershipId, bodyId };
  if (umpireName !== umpire.umpireName) proposals.push(await proposeJointChange(deps, { userId, input: { ...at, kind: "UMPIRE", payload: { umpireName } } }));
  if (!sameSettings(settings, current)) proposals.push(await proposeJointChange(deps, { userId, input: { ...at, kind: "VOTING_SETTINGS", payload: settings } }));
  // Nothing changed (the form saved as it was): nothing to propose.
  const pending = proposals.filter((p): p is Proposed => p.pending);
  const changeIds = pending.map((p) => p.changeId);
  return pending[0] ? { ...pending[0], changeIds } : { pending: false, bodyId, changeIds };
}

/** Names the impartial umpire both sides agree on (or, empty, none): a joint change. */
export async function nameUmpire(deps: ProposingDeps, { userId, input }: { userId: string; input: NameUmpireInput }) {
  const { body } = await deps.access.requireBodyMember(userId, input.bodyId);
  return proposeJointChange(deps, { userId, input: { partnershipId: body.partnershipId, bodyId: body.id, kind: "UMPIRE", payload: { umpireName: input.umpireName } } });
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
 * Names a seat holder's alternate (someone seated on the same body, from the same side). The co-chair of
 * the holder's side does it at once; for a seat of the other side it is a joint change.
 */
export async function setAlternate(deps: ProposingDeps, { userId, input }: { userId: string; input: SetAlternateInput }): Promise<ProposedOr<Record<string, unknown>>> {
  const { bodyId, membershipId, alternateMembershipId } = input;
  const { body, member } = await deps.access.requireBodyManager(userId, bodyId);
  const holder = await readAlternate(deps.db, { bodyId, membershipId });
  if (!holder || !holder.isVoting) throw new AppError("BAD_REQUEST", "Choose a voting member of this body.");
  if (!isOwnSide(member.side, holder.side)) {
    return proposeJointChange(deps, { userId, input: { partnershipId: body.partnershipId, bodyId, kind: "ALTERNATE", payload: { membershipId, alternateMembershipId } } });
  }
  return inTransaction(deps, async (tx, effects) => {
    await writeAlternate(tx, effects, { body, membershipId, alternateMembershipId, actorId: userId, changeId: null });
    return { bodyId, pending: false as const };
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
