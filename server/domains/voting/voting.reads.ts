// Reading motions: a partnership's list, the bodies where someone may move one, and a motion's page
// with the viewer's flags (from voting.policy.ts, the same predicates the use cases guard with).
import type { AppDeps } from "../../deps.js";
import { canChairVotes, canVote, isVotingSeat, secondRefusal } from "./voting.policy.js";
import type { Choice, DecisionRule, MotionStatus, Outcome } from "./voting.rules.js";
import type { BallotKind, ListMotionsInput, MotionIdInput, VotingPartnershipIdInput } from "./voting.schema.js";
import { currentCounts, liveTallyOf, requireMotionSeat } from "./voting.shared.js";
import type { MotionResult } from "./vote-lifecycle.js";

type ReadDeps = Pick<AppDeps, "db" | "access">;

export async function listMotions(deps: ReadDeps, { userId, input }: { userId: string; input: ListMotionsInput }) {
  const { partnershipId, meetingId } = input;
  await deps.access.requireMember(userId, partnershipId);
  const rows = await deps.db.motion.findMany({
    where: { partnershipId, ...(meetingId ? { meetingId } : {}), body: { seats: { some: { membership: { userId } } } } },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      text: true,
      status: true,
      rule: true,
      ballotKind: true,
      outcome: true,
      deadline: true,
      openedAt: true,
      closedAt: true,
      meetingId: true,
      agendaItemId: true,
      amendsMotionId: true,
      eligibleCount: true,
      tallyVersion: true,
      body: { select: { id: true, name: true } },
      _count: { select: { ballots: true, participations: true } },
    },
  });
  return rows.map(({ _count, eligibleCount, ...m }) => ({
    ...m,
    status: m.status as MotionStatus,
    rule: m.rule as DecisionRule,
    ballotKind: m.ballotKind as BallotKind,
    outcome: m.outcome as Outcome | null,
    eligible: eligibleCount,
    cast: m.ballotKind === "SECRET" ? _count.participations : _count.ballots,
  }));
}

/** The bodies of a partnership where the asker holds a voting seat, so may move a motion. */
export async function listMovableBodies(deps: ReadDeps, { userId, input }: { userId: string; input: VotingPartnershipIdInput }) {
  const { membershipId } = await deps.access.requireMember(userId, input.partnershipId);
  return deps.db.body.findMany({
    where: { partnershipId: input.partnershipId, seats: { some: { membershipId, isVoting: true, role: { in: ["CO_CHAIR", "MEMBER"] } } } },
    orderBy: [{ kind: "desc" }, { name: "asc" }],
    // Equal representation: the move form offers only the per-side rules.
    select: { id: true, name: true, equalRepresentation: true, unitRule: true },
  });
}

export async function getMotion(deps: ReadDeps, { userId, input }: { userId: string; input: MotionIdInput }) {
  const { db } = deps;
  const { motionId } = input;
  // The motion (and so its tallyVersion) is read before the counts: the counts shown are never older
  // than their version says, so a live tally of a higher version always replaces them.
  const { member, seat, body, motion } = await requireMotionSeat(deps, userId, motionId);
  const meetingIds = [motion.meetingId, motion.approvesMinutesOfMeetingId].filter((id): id is string => id !== null);
  const [settings, voters, ballots, participation, events, amendments, tally, meetings] = await Promise.all([
    db.body.findUniqueOrThrow({ where: { id: body.id }, select: { secondFromOtherSide: true, deadlockProcedure: true, umpireName: true } }),
    db.motionVoter.findMany({ where: { motionId } }),
    motion.ballotKind === "ROLL_CALL" ? db.rollCallBallot.findMany({ where: { motionId }, orderBy: { castAt: "asc" } }) : Promise.resolve([]),
    motion.ballotKind === "SECRET"
      ? db.secretParticipation.findMany({ where: { motionId }, select: { seatMembershipId: true, castByMembershipId: true } })
      : Promise.resolve([]),
    db.motionEvent.findMany({ where: { motionId }, orderBy: { seq: "asc" }, select: { kind: true, data: true, createdAt: true } }),
    db.motion.findMany({ where: { amendsMotionId: motionId }, orderBy: { createdAt: "asc" }, select: { id: true, text: true, status: true, outcome: true } }),
    currentCounts(db, motion),
    db.meeting.findMany({ where: { id: { in: meetingIds } }, select: { id: true, title: true, startsAt: true, timeZone: true, minutesApprovedAt: true } }),
  ]);
  const meetingOf = (id: string | null) => meetings.find((m) => m.id === id) ?? null;
  // The curriculum it adopts: its title and whether that version was adopted (drafts' rows, read only).
  const adoptsDraft = motion.adoptsDraftId
    ? await db.draft.findUnique({ where: { id: motion.adoptsDraftId }, select: { id: true, title: true, adoption: { select: { motionId: true, versionNumber: true } } } })
    : null;
  const memberIds = [motion.movedByMembershipId, motion.secondedByMembershipId, ...voters.flatMap((v) => [v.seatMembershipId, v.voterMembershipId])].filter(
    (x): x is string => Boolean(x),
  );
  const people = await db.membership.findMany({
    where: { id: { in: [...new Set(memberIds)] } },
    select: { id: true, user: { select: { name: true } }, organization: { select: { side: true } } },
  });
  const person = (id: string | null) => {
    const p = people.find((x) => x.id === id);
    return p ? { membershipId: p.id, name: p.user.name, side: p.organization.side as "LABOR" | "MANAGEMENT" | "NEUTRAL" } : null;
  };
  const secret = motion.ballotKind === "SECRET";
  const myVoter = voters.find((v) => v.voterMembershipId === member.membershipId) ?? null;
  const myBallot = myVoter ? ballots.find((b) => b.seatMembershipId === myVoter.seatMembershipId) : undefined;
  const hasVoted = myVoter ? (secret ? participation.some((p) => p.seatMembershipId === myVoter.seatMembershipId) : Boolean(myBallot)) : false;
  const isMover = motion.movedByMembershipId === member.membershipId;
  return {
    motion: {
      id: motion.id,
      partnershipId: motion.partnershipId,
      bodyId: motion.bodyId,
      bodyName: body.name,
      meetingId: motion.meetingId,
      meeting: meetingOf(motion.meetingId),
      /** The earlier meeting whose minutes this motion approves when it passes. */
      approvesMinutesOf: meetingOf(motion.approvesMinutesOfMeetingId),
      /** The curriculum version this motion adopts when it passes, and whether it did. */
      adoptsDraft:
        adoptsDraft && motion.adoptsDraftVersion
          ? { draftId: adoptsDraft.id, title: adoptsDraft.title, versionNumber: motion.adoptsDraftVersion, adoptedByThis: adoptsDraft.adoption?.motionId === motion.id }
          : null,
      amendsMotionId: motion.amendsMotionId,
      text: motion.text,
      rationale: motion.rationale,
      status: motion.status,
      ballotKind: motion.ballotKind as BallotKind,
      rule: motion.rule as DecisionRule,
      requireQuorum: motion.requireQuorum,
      allowVoteChange: motion.allowVoteChange,
      deadline: motion.deadline,
      openedAt: motion.openedAt,
      closedAt: motion.closedAt,
      outcome: motion.outcome as Outcome | null,
      result: motion.result as MotionResult | null,
      resolution: motion.resolution,
      resolvedAt: motion.resolvedAt,
      movedBy: person(motion.movedByMembershipId),
      secondedBy: person(motion.secondedByMembershipId),
    },
    settings: {
      secondFromOtherSide: settings.secondFromOtherSide,
      deadlockProcedure: settings.deadlockProcedure as "TABLE" | "REVOTE_AFTER_CAUCUS" | "REFER_TO_UMPIRE",
      umpireName: settings.umpireName,
    },
    viewer: {
      membershipId: member.membershipId,
      side: member.side,
      isMover,
      canChair: canChairVotes(seat),
      isVotingMember: isVotingSeat(seat),
      canSecond:
        secondRefusal({
          seat,
          status: motion.status,
          isMover,
          viewerSide: member.side,
          moverSide: person(motion.movedByMembershipId)?.side ?? null,
          secondFromOtherSide: settings.secondFromOtherSide,
        }) === null,
      canVote: canVote({
        isSeated: true,
        isOnRoll: myVoter !== null,
        isOpen: motion.status === "OPEN",
        deadlinePassed: motion.deadline !== null && motion.deadline.getTime() <= Date.now(),
        secret,
        allowVoteChange: motion.allowVoteChange,
        standing: hasVoted ? (myBallot?.choice ?? "") : null,
      }),
      isOnRoll: myVoter !== null,
      votesAsAlternateFor: myVoter?.isAlternate ? person(myVoter.seatMembershipId) : null,
      hasVoted,
      // Only a roll-call ballot can show the voter their own choice back; a secret one stores none.
      myChoice: (myBallot?.choice ?? null) as Choice | null,
    },
    tally: liveTallyOf(motion, tally),
    // Roll call is public: who voted what. Secret: nothing per voter, ever.
    rollCall:
      motion.ballotKind === "ROLL_CALL"
        ? ballots.map((b) => ({
            seat: person(b.seatMembershipId),
            castBy: b.castByMembershipId !== b.seatMembershipId ? person(b.castByMembershipId) : null,
            side: b.side,
            choice: b.choice as Choice,
          }))
        : null,
    amendments: amendments.map((a) => ({ ...a, status: a.status as MotionStatus, outcome: a.outcome as Outcome | null })),
    events: events.map((e) => ({ kind: e.kind, data: e.data as Record<string, unknown>, createdAt: e.createdAt })),
  };
}
