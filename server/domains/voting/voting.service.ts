// Use cases of motions and voting: move, second, amend, open, cast, close, and settle a deadlock.
// One member, one vote holds in the database (a unique seat per motion); a secret ballot keeps only
// "who took part" and per-side counters, so no stored row links a choice to a voter.
import type { Access } from "../../access/access.js";
import type { SeatFacts } from "../../access/access.rules.js";
import { canChair } from "../../access/access.rules.js";
import { recordAudit } from "../../audit/audit.js";
import type { Db, Tx } from "../../db.js";
import { AppError, forbidden, isUniqueViolation, notFound } from "../../errors.js";
import type { Realtime } from "../../realtime/realtime.js";
import { meetingRoom, motionRoom, partnershipRoom } from "../../realtime/realtime.events.js";
import { computeQuorum, type QuorumRule } from "../meetings/meetings.rules.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import { createBatchQueue, type JobResult } from "./batch-queue.js";
import { createTallyPublisher } from "./tally-publisher.js";
import type { LiveTally } from "./voting.events.js";
import {
  canMove,
  castCount,
  CHOICES,
  decide,
  emptyTally,
  tallyOf,
  type Choice,
  type DecisionRule,
  type MotionStatus,
  type Outcome,
  type Tally,
} from "./voting.rules.js";
import type { BallotKind, MoveMotionInput, VotingSettingsInput } from "./voting.schema.js";

type Deps = {
  db: Db;
  access: Access;
  realtime: Pick<Realtime, "publish">;
  notifications: Pick<NotificationsService, "notify">;
};

export type VotingService = ReturnType<typeof createVotingService>;

type QuorumSnapshot = ReturnType<typeof computeQuorum> & { basis: "ATTENDANCE" | "BALLOTS"; required: boolean };
export type MotionResult = {
  outcome: Outcome;
  reason: string;
  rule: DecisionRule;
  tally: Tally;
  cast: number;
  eligible: number;
  quorum: QuorumSnapshot;
};

const OTHER_SIDE = { LABOR: "MANAGEMENT", MANAGEMENT: "LABOR" } as const;

/** Voting members cast votes: co-chairs and members with a voting seat (not observers, staff or advisory members). */
const isVotingSeat = (seat: Pick<SeatFacts, "role" | "isVoting">) => seat.isVoting && (seat.role === "CO_CHAIR" || seat.role === "MEMBER");

export function createVotingService({ db, access, realtime, notifications }: Deps) {
  const tallies = createTallyPublisher(realtime);
  /** Numbers each batch's tallies as it commits, so the publisher keeps the newest. */
  let ballotSeq = 0;
  /** The roll's size never changes once a vote is open: counted once per motion. */
  const eligibleCounts = new Map<string, number>();
  const motionChanged = (motionId: string) => realtime.publish(motionRoom(motionId), "motion:changed", { motionId });
  const listChanged = (partnershipId: string) => realtime.publish(partnershipRoom(partnershipId), "motions:changed", { partnershipId });
  // Voting settings and alternates show on the committee pages, which listen to the partnership's room.
  const settingsChanged = (partnershipId: string) => realtime.publish(partnershipRoom(partnershipId), "partnership:changed", { partnershipId });

  async function event(tx: Tx, motionId: string, kind: string, data: Record<string, unknown> = {}) {
    await tx.motionEvent.create({ data: { motionId, kind, data: data as never } });
  }

  async function findMotion(motionId: string) {
    const motion = await db.motion.findUnique({ where: { id: motionId } });
    if (!motion) throw notFound("Motion");
    return motion;
  }

  async function asSeated(userId: string, motionId: string) {
    const found = await access.requireMotionSeat(userId, motionId);
    return { ...found, motion: await findMotion(motionId) };
  }

  async function asChair(userId: string, motionId: string) {
    const found = await asSeated(userId, motionId);
    if (!canChair(found.seat)) throw forbidden("Only the co-chairs can do that.");
    return found;
  }

  function assertTransition(status: string, to: MotionStatus, message: string) {
    if (!canMove(status as MotionStatus, to)) throw new AppError("PRECONDITION_FAILED", message);
  }

  /** Current counts: roll call from its ballots; a secret ballot from its counters. */
  async function currentTally(tx: Tx, motion: { id: string; ballotKind: string }): Promise<Tally> {
    if (motion.ballotKind === "SECRET") {
      const counters = await tx.secretTally.findMany({ where: { motionId: motion.id } });
      return tallyOf(counters);
    }
    const groups = await tx.rollCallBallot.groupBy({ by: ["side", "choice"], where: { motionId: motion.id }, _count: { _all: true } });
    return tallyOf(groups.map((g) => ({ side: g.side, choice: g.choice, count: g._count._all })));
  }

  async function eligibleCount(tx: Tx, motion: { id: string; status: string }) {
    const known = eligibleCounts.get(motion.id);
    if (known !== undefined) return known;
    const count = await tx.motionVoter.count({ where: { motionId: motion.id } });
    if (motion.status === "OPEN" || motion.status === "CLOSED") eligibleCounts.set(motion.id, count);
    return count;
  }

  async function liveTally(tx: Tx, motion: { id: string; ballotKind: string; status: string }): Promise<LiveTally> {
    const tally = await currentTally(tx, motion);
    const eligible = await eligibleCount(tx, motion);
    const secretAndOpen = motion.ballotKind === "SECRET" && motion.status !== "CLOSED";
    return {
      motionId: motion.id,
      cast: castCount(tally.total),
      eligible,
      bySide: secretAndOpen ? null : { LABOR: tally.LABOR, MANAGEMENT: tally.MANAGEMENT, NEUTRAL: tally.NEUTRAL },
    };
  }

  // ─── reading ──────────────────────────────────────────────────────────────

  async function list({ userId, partnershipId, meetingId }: { userId: string; partnershipId: string; meetingId?: string }) {
    await access.requireMember(userId, partnershipId);
    const rows = await db.motion.findMany({
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
        amendsMotionId: true,
        body: { select: { id: true, name: true } },
        _count: { select: { voters: true, ballots: true, participations: true } },
      },
    });
    return rows.map(({ _count, ...m }) => ({
      ...m,
      status: m.status as MotionStatus,
      rule: m.rule as DecisionRule,
      ballotKind: m.ballotKind as BallotKind,
      outcome: m.outcome as Outcome | null,
      eligible: _count.voters,
      cast: m.ballotKind === "SECRET" ? _count.participations : _count.ballots,
    }));
  }

  /** The bodies of a partnership where the asker holds a voting seat, so may move a motion. */
  async function movableBodies({ userId, partnershipId }: { userId: string; partnershipId: string }) {
    const { membershipId } = await access.requireMember(userId, partnershipId);
    return db.body.findMany({
      where: { partnershipId, seats: { some: { membershipId, isVoting: true, role: { in: ["CO_CHAIR", "MEMBER"] } } } },
      orderBy: [{ kind: "desc" }, { name: "asc" }],
      select: { id: true, name: true },
    });
  }

  async function get({ userId, motionId }: { userId: string; motionId: string }) {
    const { member, seat, body, motion } = await asSeated(userId, motionId);
    const meetingIds = [motion.meetingId, motion.approvesMinutesOfMeetingId].filter((id): id is string => id !== null);
    const [settings, voters, ballots, participation, events, amendments, tally, meetings] = await Promise.all([
      db.body.findUniqueOrThrow({ where: { id: body.id }, select: { secondFromOtherSide: true, deadlockProcedure: true, umpireName: true } }),
      db.motionVoter.findMany({ where: { motionId } }),
      motion.ballotKind === "ROLL_CALL" ? db.rollCallBallot.findMany({ where: { motionId }, orderBy: { castAt: "asc" } }) : Promise.resolve([]),
      motion.ballotKind === "SECRET"
        ? db.secretParticipation.findMany({ where: { motionId }, select: { seatMembershipId: true, castByMembershipId: true } })
        : Promise.resolve([]),
      db.motionEvent.findMany({ where: { motionId }, orderBy: { createdAt: "asc" }, select: { kind: true, data: true, createdAt: true } }),
      db.motion.findMany({ where: { amendsMotionId: motionId }, orderBy: { createdAt: "asc" }, select: { id: true, text: true, status: true, outcome: true } }),
      liveTally(db, motion),
      db.meeting.findMany({ where: { id: { in: meetingIds } }, select: { id: true, title: true, startsAt: true, timeZone: true, minutesApprovedAt: true } }),
    ]);
    const meetingOf = (id: string | null) => meetings.find((m) => m.id === id) ?? null;
    const memberIds = [
      motion.movedByMembershipId,
      motion.secondedByMembershipId,
      ...voters.flatMap((v) => [v.seatMembershipId, v.voterMembershipId]),
    ].filter((x): x is string => Boolean(x));
    const people = await db.membership.findMany({
      where: { id: { in: [...new Set(memberIds)] } },
      select: { id: true, user: { select: { name: true } }, organization: { select: { side: true } } },
    });
    const person = (id: string | null) => {
      const p = people.find((x) => x.id === id);
      return p ? { membershipId: p.id, name: p.user.name, side: p.organization.side as "LABOR" | "MANAGEMENT" | "NEUTRAL" } : null;
    };
    const myVoter = voters.find((v) => v.voterMembershipId === member.membershipId) ?? null;
    const myBallot = myVoter ? ballots.find((b) => b.seatMembershipId === myVoter.seatMembershipId) : undefined;
    const hasVoted = myVoter
      ? motion.ballotKind === "SECRET"
        ? participation.some((p) => p.seatMembershipId === myVoter.seatMembershipId)
        : Boolean(myBallot)
      : false;
    const isMover = motion.movedByMembershipId === member.membershipId;
    const moverSide = person(motion.movedByMembershipId)?.side;
    const result = motion.result as MotionResult | null;
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
        amendsMotionId: motion.amendsMotionId,
        text: motion.text,
        rationale: motion.rationale,
        status: motion.status as MotionStatus,
        ballotKind: motion.ballotKind as BallotKind,
        rule: motion.rule as DecisionRule,
        requireQuorum: motion.requireQuorum,
        allowVoteChange: motion.allowVoteChange,
        deadline: motion.deadline,
        openedAt: motion.openedAt,
        closedAt: motion.closedAt,
        outcome: motion.outcome as Outcome | null,
        result,
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
        canChair: canChair(seat),
        isVotingMember: isVotingSeat(seat),
        canSecond:
          motion.status === "MOVED" &&
          !isMover &&
          isVotingSeat(seat) &&
          (!settings.secondFromOtherSide || (moverSide !== undefined && moverSide !== "NEUTRAL" && member.side === OTHER_SIDE[moverSide])),
        canVote: motion.status === "OPEN" && myVoter !== null && (!hasVoted || (motion.ballotKind === "ROLL_CALL" && motion.allowVoteChange)),
        isOnRoll: myVoter !== null,
        votesAsAlternateFor: myVoter?.isAlternate ? person(myVoter.seatMembershipId) : null,
        hasVoted,
        // Only a roll-call ballot can show the voter their own choice back; a secret one stores none.
        myChoice: (myBallot?.choice ?? null) as Choice | null,
      },
      tally,
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

  // ─── before the vote ──────────────────────────────────────────────────────

  async function move({ userId, input }: { userId: string; input: MoveMotionInput }) {
    const { body, member, seat } = await access.requireBodySeat(userId, input.bodyId);
    if (!isVotingSeat(seat)) throw forbidden("Only voting members move motions.");
    if (input.meetingId) {
      const meeting = await db.meeting.findUnique({ where: { id: input.meetingId }, select: { bodyId: true, status: true } });
      if (!meeting || meeting.bodyId !== body.id) throw new AppError("BAD_REQUEST", "Choose a meeting of this body.", { fieldErrors: { meetingId: ["Choose a meeting of this body."] } });
      if (meeting.status === "ADJOURNED" || meeting.status === "CANCELLED") throw new AppError("PRECONDITION_FAILED", "That meeting is over.");
    }
    if (input.agendaItemId) {
      const item = await db.agendaItem.findUnique({ where: { id: input.agendaItemId }, select: { meetingId: true } });
      if (!item || item.meetingId !== input.meetingId) throw new AppError("BAD_REQUEST", "Choose an item of this meeting's agenda.");
    }
    if (input.approvesMinutesOfMeetingId) {
      const earlier = await db.meeting.findUnique({ where: { id: input.approvesMinutesOfMeetingId }, select: { bodyId: true, status: true, minutesApprovedAt: true } });
      const message = "Choose an adjourned meeting of this body whose minutes are not yet approved.";
      if (!earlier || earlier.bodyId !== body.id || earlier.status !== "ADJOURNED" || earlier.minutesApprovedAt) {
        throw new AppError("BAD_REQUEST", message, { fieldErrors: { approvesMinutesOfMeetingId: [message] } });
      }
    }
    const motion = await db.$transaction(async (tx) => {
      const m = await tx.motion.create({
        data: {
          partnershipId: body.partnershipId,
          bodyId: body.id,
          meetingId: input.meetingId,
          agendaItemId: input.agendaItemId,
          approvesMinutesOfMeetingId: input.approvesMinutesOfMeetingId,
          text: input.text,
          rationale: input.rationale,
          ballotKind: input.ballotKind,
          rule: input.rule,
          requireQuorum: input.requireQuorum,
          movedByMembershipId: member.membershipId,
        },
      });
      await event(tx, m.id, "moved", { by: member.membershipId });
      await recordAudit(tx, { partnershipId: body.partnershipId, actorId: userId, action: "motion.moved", subjectType: "Motion", subjectId: m.id });
      return m;
    });
    listChanged(body.partnershipId);
    return { id: motion.id };
  }

  async function second({ userId, motionId }: { userId: string; motionId: string }) {
    const { motion, member, seat, body } = await asSeated(userId, motionId);
    if (!isVotingSeat(seat)) throw forbidden("Only voting members second motions.");
    if (motion.movedByMembershipId === member.membershipId) throw new AppError("BAD_REQUEST", "The mover cannot second their own motion.");
    const settings = await db.body.findUniqueOrThrow({ where: { id: body.id }, select: { secondFromOtherSide: true } });
    if (settings.secondFromOtherSide) {
      const mover = await db.membership.findUniqueOrThrow({ where: { id: motion.movedByMembershipId }, select: { organization: { select: { side: true } } } });
      const moverSide = mover.organization.side as "LABOR" | "MANAGEMENT" | "NEUTRAL";
      if (moverSide === "NEUTRAL" || member.side !== OTHER_SIDE[moverSide]) {
        throw new AppError("PRECONDITION_FAILED", "In this body the second must come from the other side.");
      }
    }
    await db.$transaction(async (tx) => {
      const { count } = await tx.motion.updateMany({ where: { id: motionId, status: "MOVED" }, data: { status: "SECONDED", secondedByMembershipId: member.membershipId } });
      if (!count) throw new AppError("PRECONDITION_FAILED", "This motion is not waiting for a second.");
      await event(tx, motionId, "seconded", { by: member.membershipId });
    });
    motionChanged(motionId);
    listChanged(motion.partnershipId);
    return { id: motionId };
  }

  /**
   * A friendly amendment (the mover accepts it) changes the wording at once, and the motion needs a new
   * second. Any other amendment is a motion of its own: when it passes, the wording changes.
   */
  async function amend({ userId, motionId, text, friendly }: { userId: string; motionId: string; text: string; friendly: boolean }) {
    const { motion, member, seat } = await asSeated(userId, motionId);
    if (motion.status !== "MOVED" && motion.status !== "SECONDED") throw new AppError("PRECONDITION_FAILED", "Only a motion that is not yet open for voting can be amended.");
    if (friendly) {
      if (motion.movedByMembershipId !== member.membershipId) throw forbidden("Only the mover accepts a friendly amendment.");
      await db.$transaction(async (tx) => {
        // The vote may have opened since the check above: the wording of an open vote never changes.
        const { count } = await tx.motion.updateMany({
          where: { id: motionId, status: { in: ["MOVED", "SECONDED"] } },
          data: { text, status: "MOVED", secondedByMembershipId: null },
        });
        if (!count) throw new AppError("PRECONDITION_FAILED", "Only a motion that is not yet open for voting can be amended.");
        await event(tx, motionId, "amended", { friendly: true, text });
      });
      motionChanged(motionId);
      listChanged(motion.partnershipId);
      return { id: motionId };
    }
    if (!isVotingSeat(seat)) throw forbidden("Only voting members move amendments.");
    const amendment = await db.$transaction(async (tx) => {
      const a = await tx.motion.create({
        data: {
          partnershipId: motion.partnershipId,
          bodyId: motion.bodyId,
          meetingId: motion.meetingId,
          agendaItemId: motion.agendaItemId,
          amendsMotionId: motion.id,
          text,
          rationale: `Amendment to: ${motion.text.slice(0, 200)}`,
          ballotKind: motion.ballotKind,
          rule: "SIMPLE_MAJORITY",
          requireQuorum: motion.requireQuorum,
          movedByMembershipId: member.membershipId,
        },
      });
      await event(tx, a.id, "moved", { by: member.membershipId, amends: motion.id });
      await event(tx, motion.id, "amendmentMoved", { amendmentId: a.id });
      return a;
    });
    motionChanged(motionId);
    listChanged(motion.partnershipId);
    return { id: amendment.id };
  }

  async function withdraw({ userId, motionId }: { userId: string; motionId: string }) {
    const { motion, member } = await asSeated(userId, motionId);
    if (motion.movedByMembershipId !== member.membershipId) throw forbidden("Only the mover withdraws a motion.");
    assertTransition(motion.status, "WITHDRAWN", "A motion can be withdrawn only before the vote opens.");
    await db.$transaction(async (tx) => {
      const { count } = await tx.motion.updateMany({ where: { id: motionId, status: motion.status }, data: { status: "WITHDRAWN" } });
      if (!count) throw new AppError("CONFLICT", "The motion changed meanwhile. Reload and try again.");
      await event(tx, motionId, "withdrawn");
    });
    motionChanged(motionId);
    listChanged(motion.partnershipId);
    return { id: motionId };
  }

  async function table({ userId, motionId }: { userId: string; motionId: string }) {
    const { motion } = await asChair(userId, motionId);
    assertTransition(motion.status, "TABLED", "A motion can be tabled only before the vote opens.");
    await db.$transaction(async (tx) => {
      const { count } = await tx.motion.updateMany({ where: { id: motionId, status: motion.status }, data: { status: "TABLED" } });
      if (!count) throw new AppError("CONFLICT", "The motion changed meanwhile. Reload and try again.");
      await event(tx, motionId, "tabled");
    });
    motionChanged(motionId);
    listChanged(motion.partnershipId);
    return { id: motionId };
  }

  // ─── the vote ─────────────────────────────────────────────────────────────

  /**
   * Opens the vote and fixes the roll: the body's voting seats at this moment. A holder's designated
   * alternate (same side) votes in the seat when the holder is absent or excused at the meeting, or, for
   * an electronic vote, when the holder has delegated to them; the record shows it.
   */
  async function open({ userId, motionId, deadline }: { userId: string; motionId: string; deadline: Date | null }) {
    const { motion, body } = await asChair(userId, motionId);
    if (motion.status !== "SECONDED") throw new AppError("PRECONDITION_FAILED", motion.status === "MOVED" ? "A motion needs a second before the vote opens." : "This motion cannot be opened for voting.");
    if (!motion.meetingId && !deadline) throw new AppError("BAD_REQUEST", "A vote between meetings needs a deadline.", { fieldErrors: { deadline: ["Set a deadline."] } });
    if (deadline && deadline.getTime() <= Date.now()) throw new AppError("BAD_REQUEST", "The deadline must be in the future.", { fieldErrors: { deadline: ["The deadline must be in the future."] } });
    const settings = await db.body.findUniqueOrThrow({ where: { id: body.id }, select: { allowVoteChange: true } });
    const voterUserIds = await db.$transaction(async (tx) => {
      const fresh = await tx.motion.updateMany({
        where: { id: motionId, status: "SECONDED" },
        data: {
          status: "OPEN",
          openedAt: new Date(),
          deadline,
          // A secret ballot cannot be changed: nothing links it back to the voter.
          allowVoteChange: motion.ballotKind === "ROLL_CALL" && settings.allowVoteChange,
        },
      });
      if (!fresh.count) throw new AppError("CONFLICT", "The motion changed meanwhile. Reload and try again.");
      const seats = await tx.bodySeat.findMany({
        where: { bodyId: body.id, isVoting: true, role: { in: ["CO_CHAIR", "MEMBER"] } },
        select: {
          membershipId: true,
          alternateMembershipId: true,
          delegatesElectronicVotes: true,
          membership: { select: { organization: { select: { side: true } } } },
        },
      });
      const attendance = motion.meetingId
        ? new Map((await tx.attendance.findMany({ where: { meetingId: motion.meetingId } })).map((a) => [a.membershipId, a.status]))
        : new Map<string, string>();
      const away = (id: string) => ["ABSENT", "EXCUSED"].includes(attendance.get(id) ?? "");
      const seatHolders = new Set(seats.map((s) => s.membershipId));
      const rows = seats.map((s) => {
        const useAlternate =
          s.alternateMembershipId !== null &&
          !seatHolders.has(s.alternateMembershipId) &&
          (motion.meetingId !== null ? away(s.membershipId) && !away(s.alternateMembershipId) : s.delegatesElectronicVotes);
        return {
          motionId,
          seatMembershipId: s.membershipId,
          voterMembershipId: useAlternate ? s.alternateMembershipId! : s.membershipId,
          side: s.membership.organization.side,
          isAlternate: useAlternate,
        };
      });
      // One alternate never holds two seats: the second seat stays with its (absent) holder.
      const taken = new Set<string>();
      for (const r of rows) {
        if (r.isAlternate && taken.has(r.voterMembershipId)) Object.assign(r, { voterMembershipId: r.seatMembershipId, isAlternate: false });
        taken.add(r.voterMembershipId);
      }
      await tx.motionVoter.createMany({ data: rows });
      if (motion.ballotKind === "SECRET") {
        // Every counter exists, at zero, before the first ballot. Counters created by the ballots would be
        // stored in the order choices were first made, and that order beside the participation times
        // tells who chose what.
        const sides = ["LABOR", "MANAGEMENT", "NEUTRAL"] as const;
        await tx.secretTally.createMany({ data: sides.flatMap((side) => CHOICES.map((choice) => ({ motionId, side, choice, count: 0 }))) });
      }
      await event(tx, motionId, "opened", { eligible: rows.length, deadline: deadline?.toISOString() ?? null, alternates: rows.filter((r) => r.isAlternate).length });
      await recordAudit(tx, { partnershipId: motion.partnershipId, actorId: userId, action: "motion.opened", subjectType: "Motion", subjectId: motionId });
      const members = await tx.membership.findMany({ where: { id: { in: rows.map((r) => r.voterMembershipId) } }, select: { userId: true } });
      return members.map((m) => m.userId);
    });
    motionChanged(motionId);
    listChanged(motion.partnershipId);
    await notifications.notify(voterUserIds, "vote.opened", {
      partnershipId: motion.partnershipId,
      motionId,
      motionText: motion.text.slice(0, 200),
      deadline: deadline?.toISOString() ?? null,
    });
    return { id: motionId };
  }

  /** The unique seat-per-motion constraint is the last word on one member, one vote (for databases where transactions run side by side). */
  function sameSeatRace(error: unknown): never {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "Your ballot is already recorded.");
    throw error;
  }

  type Ballot = { userId: string; motionId: string; choice: Choice };
  type CastResult = JobResult<{ recorded: Choice; cast: number }>;
  const refused = (error: AppError): CastResult => ({ ok: false, error });

  /**
   * Records a batch of ballots for one motion inside the batch's transaction, with a handful of queries
   * whatever the batch's size: the roll and the existing ballots are read once, the new rows written
   * together. Ballots are judged one after another in arrival order, against what the earlier ones of
   * the batch already did (a second ballot from the same seat is a change or a repeat, never a second
   * vote). A refusal is answered to its ballot alone and writes nothing.
   */
  async function castForMotion(tx: Tx, motionId: string, batch: Array<Ballot & { index: number }>, results: CastResult[]): Promise<LiveTally | null> {
    const motion = await tx.motion.findUnique({
      where: { id: motionId },
      select: { id: true, bodyId: true, status: true, ballotKind: true, allowVoteChange: true, deadline: true },
    });
    if (!motion) {
      for (const b of batch) results[b.index] = refused(notFound("Motion"));
      return null;
    }
    const voters = await tx.motionVoter.findMany({
      where: { motionId, voter: { userId: { in: [...new Set(batch.map((b) => b.userId))] } } },
      select: { seatMembershipId: true, voterMembershipId: true, side: true, voter: { select: { userId: true } } },
    });
    const voterOf = new Map(voters.map((v) => [v.voter.userId, v]));
    const isOpen = motion.status === "OPEN";
    const secret = motion.ballotKind === "SECRET";
    const seats = voters.map((v) => v.seatMembershipId);
    const tally = isOpen ? await currentTally(tx, motion) : emptyTally();
    // Each seat's ballot as it stands, including what this batch has done so far.
    const standing = new Map<string, { choice: string; isNew: boolean }>();
    if (isOpen && seats.length) {
      const where = { motionId, seatMembershipId: { in: seats } };
      const rows = secret
        ? (await tx.secretParticipation.findMany({ where, select: { seatMembershipId: true } })).map((r) => ({ ...r, choice: "" }))
        : await tx.rollCallBallot.findMany({ where, select: { seatMembershipId: true, choice: true } });
      for (const r of rows) standing.set(r.seatMembershipId, { choice: r.choice, isNew: false });
    }
    const castBy = new Map<string, string>();
    const events: Array<{ cast: number }> = [];
    const secretCounts = new Map<string, { side: string; choice: Choice; n: number }>();
    const count = (side: string, choice: Choice, by: number) => {
      tally[side as keyof Omit<Tally, "total">][choice] += by;
      tally.total[choice] += by;
    };

    for (const { index, userId, choice } of batch) {
      const voter = voterOf.get(userId);
      // Being on the roll is the permission to vote. Anyone else is told FORBIDDEN if they sit on the
      // body (they can see the motion) and NOT_FOUND otherwise.
      if (!voter && !(await tx.bodySeat.findFirst({ where: { bodyId: motion.bodyId, membership: { userId } }, select: { id: true } }))) {
        results[index] = refused(notFound("Motion"));
        continue;
      }
      if (!isOpen) {
        results[index] = refused(new AppError("PRECONDITION_FAILED", "This vote is not open."));
        continue;
      }
      if (motion.deadline && motion.deadline.getTime() <= Date.now()) {
        results[index] = refused(new AppError("PRECONDITION_FAILED", "The deadline for this vote has passed."));
        continue;
      }
      if (!voter) {
        results[index] = refused(forbidden("You are not on this vote's roll: only voting members seated when it opened may vote."));
        continue;
      }
      const seat = voter.seatMembershipId;
      const before = standing.get(seat);
      if (secret) {
        if (before) {
          results[index] = refused(new AppError("CONFLICT", "Your secret ballot is already recorded. It cannot be changed, because nothing links it to you."));
          continue;
        }
        const key = `${voter.side}:${choice}`;
        const counter = secretCounts.get(key) ?? { side: voter.side, choice, n: 0 };
        counter.n++;
        secretCounts.set(key, counter);
      } else if (before?.choice === choice) {
        // The same vote again (a double click, a retry, a second tab): nothing changes.
        results[index] = { ok: true, value: { recorded: choice, cast: castCount(tally.total) } };
        continue;
      } else if (before && !motion.allowVoteChange) {
        results[index] = refused(new AppError("CONFLICT", "Your vote is recorded, and this body does not allow changing it."));
        continue;
      }
      if (before && !secret) count(voter.side, before.choice as Choice, -1);
      count(voter.side, choice, 1);
      standing.set(seat, { choice, isNew: before ? before.isNew : true });
      castBy.set(seat, voter.voterMembershipId);
      const cast = castCount(tally.total);
      events.push({ cast });
      results[index] = { ok: true, value: { recorded: choice, cast } };
    }

    // The writes, together. A unique-seat violation (only possible where transactions run side by
    // side) fails the batch, and the queue then retries each ballot alone.
    const sideOf = new Map(voters.map((v) => [v.seatMembershipId, v.side]));
    const written = [...castBy.keys()].map((seat) => ({ seat, ...standing.get(seat)!, side: sideOf.get(seat)!, by: castBy.get(seat)! }));
    if (secret) {
      await tx.secretParticipation
        .createMany({ data: written.map((w) => ({ motionId, seatMembershipId: w.seat, castByMembershipId: w.by, side: w.side })) })
        .catch(sameSeatRace);
      for (const c of secretCounts.values()) {
        await tx.secretTally.upsert({
          where: { motionId_side_choice: { motionId, side: c.side, choice: c.choice } },
          create: { motionId, side: c.side, choice: c.choice, count: c.n },
          update: { count: { increment: c.n } },
        });
      }
    } else {
      const created = written.filter((w) => w.isNew);
      await tx.rollCallBallot
        .createMany({ data: created.map((w) => ({ motionId, seatMembershipId: w.seat, castByMembershipId: w.by, side: w.side, choice: w.choice })) })
        .catch(sameSeatRace);
      for (const w of written.filter((x) => !x.isNew)) {
        await tx.rollCallBallot.update({ where: { motionId_seatMembershipId: { motionId, seatMembershipId: w.seat } }, data: { choice: w.choice, castByMembershipId: w.by } });
      }
    }
    if (events.length) {
      const kind = secret ? "ballotCounted" : "ballotRecorded";
      await tx.motionEvent.createMany({ data: events.map((e) => ({ motionId, kind, data: e })) });
    }
    if (!isOpen || !events.length) return null;
    const { total: _total, ...bySide } = tally;
    return { motionId, cast: castCount(tally.total), eligible: await eligibleCount(tx, motion), bySide: secret ? null : bySide };
  }

  /**
   * Ballots arriving together share one transaction (see batch-queue.ts). Each is still judged inside
   * the transaction with its motion's status, so a ballot that arrives while the vote closes is either
   * counted before the result or refused.
   */
  const ballots = createBatchQueue(async (batch: Ballot[]) => {
    const { results, touched } = await db.$transaction(async (tx) => {
      const results: CastResult[] = new Array(batch.length);
      const byMotion = new Map<string, Array<Ballot & { index: number }>>();
      batch.forEach((b, index) => byMotion.set(b.motionId, [...(byMotion.get(b.motionId) ?? []), { ...b, index }]));
      const touched: LiveTally[] = [];
      for (const [motionId, ballotsOfMotion] of byMotion) {
        const tally = await castForMotion(tx, motionId, ballotsOfMotion, results);
        if (tally) touched.push(tally);
      }
      return { results, touched };
    });
    // Batches commit one after another, so numbering their tallies here keeps the commit order.
    for (const tally of touched) tallies.offer(++ballotSeq, tally);
    return results;
  });

  /** Records the caller's ballot (one member, one vote: the database's unique seat per motion). */
  async function cast(ballot: Ballot) {
    return ballots.push(ballot);
  }

  /** The quorum a vote is judged by: attendance at its meeting, or, between meetings, who took part. */
  async function quorumFor(tx: Tx, motion: { id: string; bodyId: string; meetingId: string | null; requireQuorum: boolean; ballotKind: string }): Promise<QuorumSnapshot> {
    const body = await tx.body.findUniqueOrThrow({ where: { id: motion.bodyId }, select: { quorumMode: true, quorumLabor: true, quorumManagement: true } });
    const rule: QuorumRule = { mode: body.quorumMode as QuorumRule["mode"], labor: body.quorumLabor, management: body.quorumManagement };
    const voters = await tx.motionVoter.findMany({ where: { motionId: motion.id } });
    let present: Set<string>;
    if (motion.meetingId) {
      const attendance = await tx.attendance.findMany({ where: { meetingId: motion.meetingId, status: { in: ["PRESENT", "LATE"] } } });
      present = new Set(attendance.map((a) => a.membershipId));
    } else {
      const took = motion.ballotKind === "SECRET"
        ? await tx.secretParticipation.findMany({ where: { motionId: motion.id }, select: { castByMembershipId: true } })
        : await tx.rollCallBallot.findMany({ where: { motionId: motion.id }, select: { castByMembershipId: true } });
      present = new Set(took.map((t) => t.castByMembershipId));
    }
    const quorum = computeQuorum(rule, voters.map((v) => ({ side: v.side, attendance: present.has(v.voterMembershipId) ? "PRESENT" : null })));
    return { ...quorum, basis: motion.meetingId ? "ATTENDANCE" : "BALLOTS", required: motion.requireQuorum };
  }

  /**
   * Who records a decision the deadline took (Decision.recordedById is a user id): the mover, or, when
   * the mover has left the partnership since, the co-chair who opened the vote.
   */
  async function deadlineRecorder(tx: Tx, motion: { id: string; movedByMembershipId: string }): Promise<string> {
    const mover = await tx.membership.findUnique({ where: { id: motion.movedByMembershipId }, select: { userId: true } });
    if (mover) return mover.userId;
    const opened = await tx.auditEvent.findFirstOrThrow({ where: { subjectType: "Motion", subjectId: motion.id, action: "motion.opened" }, select: { actorId: true } });
    return opened.actorId!;
  }

  /**
   * Closes the vote atomically and records the result. `userId` null is the deadline closing it.
   * Returns null when the vote was already closed (by the chair and the deadline at once, say).
   */
  async function closeVote(motionId: string, userId: string | null) {
    const closed = await db.$transaction(async (tx) => {
      const { count } = await tx.motion.updateMany({ where: { id: motionId, status: "OPEN" }, data: { status: "CLOSED", closedAt: new Date() } });
      if (!count) return null;
      const motion = await tx.motion.findUniqueOrThrow({ where: { id: motionId } });
      const tally = await currentTally(tx, motion);
      const quorum = await quorumFor(tx, motion);
      const decision = decide(motion.rule as DecisionRule, tally, { required: motion.requireQuorum, met: quorum.met });
      const eligible = await tx.motionVoter.count({ where: { motionId } });
      const result: MotionResult = { ...decision, rule: motion.rule as DecisionRule, tally, cast: castCount(tally.total), eligible, quorum };
      await tx.motion.update({ where: { id: motionId }, data: { outcome: decision.outcome, result: result as never } });
      await event(tx, motionId, "closed", { by: userId ? "chair" : "deadline" });
      await event(tx, motionId, "result", result as never);
      await recordAudit(tx, { partnershipId: motion.partnershipId, actorId: userId, action: "motion.closed", subjectType: "Motion", subjectId: motionId, data: { outcome: decision.outcome } });
      // An adopted amendment changes the wording of the motion it amends (if that is not yet being voted).
      if (motion.amendsMotionId && decision.outcome === "PASSED") {
        const { count: amended } = await tx.motion.updateMany({
          where: { id: motion.amendsMotionId, status: { in: ["MOVED", "SECONDED"] } },
          data: { text: motion.text },
        });
        if (amended) await event(tx, motion.amendsMotionId, "amended", { friendly: false, amendmentId: motion.id, text: motion.text });
      }
      // A passed motion to approve an earlier meeting's minutes approves them (unless the co-chairs did meanwhile).
      let approvedMinutes = false;
      if (motion.approvesMinutesOfMeetingId && decision.outcome === "PASSED") {
        const { count: approved } = await tx.meeting.updateMany({
          where: { id: motion.approvesMinutesOfMeetingId, status: "ADJOURNED", minutesApprovedAt: null },
          data: { minutesApprovedAt: new Date() },
        });
        approvedMinutes = approved > 0;
        if (approvedMinutes) {
          await recordAudit(tx, { partnershipId: motion.partnershipId, actorId: userId, action: "minutes.approvedByVote", subjectType: "Meeting", subjectId: motion.approvesMinutesOfMeetingId, data: { motionId } });
        }
      }
      // A vote taken at a meeting goes into that meeting's minutes.
      if (motion.meetingId) {
        const recordedById = userId ?? (await deadlineRecorder(tx, motion));
        await tx.decision.create({
          data: {
            meetingId: motion.meetingId,
            agendaItemId: motion.agendaItemId,
            text: `Motion: ${motion.text} Result: ${decision.outcome.replace("_", " ").toLowerCase()} (${decision.reason})`,
            quorum: quorum as never,
            recordedById,
          },
        });
      }
      return { motion, result, approvedMinutes };
    });
    if (!closed) return null;
    const { motion } = closed;
    tallies.final(await liveTally(db, motion));
    motionChanged(motionId);
    if (motion.amendsMotionId) motionChanged(motion.amendsMotionId);
    listChanged(motion.partnershipId);
    if (motion.meetingId) realtime.publish(meetingRoom(motion.meetingId), "meeting:changed", { meetingId: motion.meetingId, parts: ["minutes"] });
    if (closed.approvedMinutes) await announceMinutesApproved(motion.approvesMinutesOfMeetingId!);
    return closed.result;
  }

  async function announceMinutesApproved(meetingId: string) {
    realtime.publish(meetingRoom(meetingId), "meeting:changed", { meetingId, parts: ["minutes"] });
    const meeting = await db.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      select: { partnershipId: true, title: true, body: { select: { seats: { select: { membership: { select: { userId: true } } } } } } },
    });
    await notifications.notify(
      meeting.body.seats.map((s) => s.membership.userId),
      "minutes.approved",
      { partnershipId: meeting.partnershipId, meetingId, meetingTitle: meeting.title },
    );
  }

  async function close({ userId, motionId }: { userId: string; motionId: string }) {
    const { motion } = await asChair(userId, motionId);
    if (motion.status !== "OPEN") throw new AppError("PRECONDITION_FAILED", "This vote is not open.");
    const result = await closeVote(motionId, userId);
    if (!result) throw new AppError("PRECONDITION_FAILED", "This vote was already closed.");
    return result;
  }

  /** Records how a deadlock was settled: the umpire's decision, or what the body did. */
  async function resolveDeadlock({ userId, motionId, resolution }: { userId: string; motionId: string; resolution: string }) {
    const { motion } = await asChair(userId, motionId);
    if (motion.outcome !== "DEADLOCKED") throw new AppError("PRECONDITION_FAILED", "Only a deadlocked vote is settled this way.");
    await db.$transaction(async (tx) => {
      const { count } = await tx.motion.updateMany({ where: { id: motionId, resolution: null }, data: { resolution, resolvedAt: new Date() } });
      if (!count) throw new AppError("CONFLICT", "This deadlock has already been settled.");
      await event(tx, motionId, "deadlockResolved", { resolution });
    });
    motionChanged(motionId);
    return { id: motionId };
  }

  /** After a deadlock and a caucus: the same motion again, seconded as before, ready to open. */
  async function revote({ userId, motionId }: { userId: string; motionId: string }) {
    const { motion } = await asChair(userId, motionId);
    if (motion.outcome !== "DEADLOCKED") throw new AppError("PRECONDITION_FAILED", "Only a deadlocked vote is taken again this way.");
    const again = await db.$transaction(async (tx) => {
      const m = await tx.motion.create({
        data: {
          partnershipId: motion.partnershipId,
          bodyId: motion.bodyId,
          meetingId: motion.meetingId,
          agendaItemId: motion.agendaItemId,
          text: motion.text,
          rationale: motion.rationale,
          ballotKind: motion.ballotKind,
          rule: motion.rule,
          requireQuorum: motion.requireQuorum,
          movedByMembershipId: motion.movedByMembershipId,
          secondedByMembershipId: motion.secondedByMembershipId,
          status: "SECONDED",
        },
      });
      await event(tx, m.id, "moved", { revoteOf: motion.id });
      const { count } = await tx.motion.updateMany({ where: { id: motionId, resolution: null }, data: { resolution: "Re-voted after a caucus.", resolvedAt: new Date() } });
      if (!count) throw new AppError("CONFLICT", "This deadlock has already been settled.");
      await event(tx, motionId, "deadlockResolved", { resolution: "revote", motionId: m.id });
      return m;
    });
    motionChanged(motionId);
    listChanged(motion.partnershipId);
    return { id: again.id };
  }

  // ─── settings ─────────────────────────────────────────────────────────────

  async function setSettings({ userId, input }: { userId: string; input: VotingSettingsInput }) {
    const { body } = await access.requireBodyManager(userId, input.bodyId);
    if (input.deadlockProcedure === "REFER_TO_UMPIRE" && !input.umpireName) {
      throw new AppError("BAD_REQUEST", "Name the impartial umpire.", { fieldErrors: { umpireName: ["Name the impartial umpire."] } });
    }
    await db.$transaction(async (tx) => {
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
    });
    settingsChanged(body.partnershipId);
    return { bodyId: body.id };
  }

  async function getSettings({ userId, bodyId }: { userId: string; bodyId: string }) {
    await access.requireBodyMember(userId, bodyId);
    const body = await db.body.findUniqueOrThrow({
      where: { id: bodyId },
      select: {
        secondFromOtherSide: true,
        allowVoteChange: true,
        deadlockProcedure: true,
        umpireName: true,
        reminderLeadHours: true,
        seats: {
          where: { alternateMembershipId: { not: null } },
          select: { membershipId: true, alternateMembershipId: true, delegatesElectronicVotes: true },
        },
      },
    });
    const { seats, ...settings } = body;
    return { ...settings, deadlockProcedure: settings.deadlockProcedure as VotingSettingsInput["deadlockProcedure"], alternates: seats };
  }

  /**
   * Names a seat holder's alternate: someone seated on the same body (so they can follow its meetings and
   * motions, e.g. as an observer) from the same side. If they also hold a voting seat, they keep one vote.
   */
  async function setAlternate({ userId, bodyId, membershipId, alternateMembershipId }: { userId: string; bodyId: string; membershipId: string; alternateMembershipId: string | null }) {
    const { body } = await access.requireBodyManager(userId, bodyId);
    const seat = await db.bodySeat.findUnique({
      where: { bodyId_membershipId: { bodyId, membershipId } },
      select: { id: true, isVoting: true, membership: { select: { organization: { select: { side: true } } } } },
    });
    if (!seat || !seat.isVoting) throw new AppError("BAD_REQUEST", "Choose a voting member of this body.");
    if (alternateMembershipId) {
      if (alternateMembershipId === membershipId) throw new AppError("BAD_REQUEST", "A member cannot be their own alternate.");
      const alternate = await db.bodySeat.findUnique({
        where: { bodyId_membershipId: { bodyId, membershipId: alternateMembershipId } },
        select: { membership: { select: { organization: { select: { side: true } } } } },
      });
      if (!alternate) throw new AppError("BAD_REQUEST", "Choose someone seated on this body (an observer seat is enough).");
      if (alternate.membership.organization.side !== seat.membership.organization.side) {
        throw new AppError("BAD_REQUEST", "An alternate comes from the same side as the member, so each side keeps its parity.");
      }
    }
    await db.$transaction(async (tx) => {
      // A new (or no) alternate is not someone the holder chose to vote for them electronically.
      await tx.bodySeat.update({ where: { id: seat.id }, data: { alternateMembershipId, delegatesElectronicVotes: false } });
      await recordAudit(tx, { partnershipId: body.partnershipId, actorId: userId, action: "seat.alternateSet", subjectType: "Body", subjectId: bodyId, data: { membershipId, alternateMembershipId } });
    });
    settingsChanged(body.partnershipId);
    return { bodyId };
  }

  /**
   * The seat holder (only they) lets their alternate cast their vote in electronic votes, or takes it
   * back. It applies to votes opened afterwards: an open vote's roll is fixed.
   */
  async function setDelegation({ userId, bodyId, delegates }: { userId: string; bodyId: string; delegates: boolean }) {
    const { body, member, seat } = await access.requireBodySeat(userId, bodyId);
    if (!isVotingSeat(seat)) throw forbidden("Only a voting member delegates their vote.");
    await db.$transaction(async (tx) => {
      const { count } = await tx.bodySeat.updateMany({
        where: { bodyId, membershipId: member.membershipId, ...(delegates ? { alternateMembershipId: { not: null } } : {}) },
        data: { delegatesElectronicVotes: delegates },
      });
      if (!count) throw new AppError("PRECONDITION_FAILED", "You have no alternate on this body yet: ask a co-chair to name one.");
      await recordAudit(tx, { partnershipId: body.partnershipId, actorId: userId, action: "seat.delegationSet", subjectType: "Body", subjectId: bodyId, data: { delegates } });
    });
    settingsChanged(body.partnershipId);
    return { delegates };
  }

  // ─── deadlines and reminders ──────────────────────────────────────────────

  /** Closes electronic votes whose deadline passed and reminds voters before deadlines. Run on a timer. */
  async function runDueWork(now = new Date()) {
    const due = await db.motion.findMany({ where: { status: "OPEN", deadline: { lte: now } }, select: { id: true } });
    // closeVote is idempotent (a chair closing at the same moment is fine); a motion that fails to close
    // for any other reason is reported, and must not hold up the others.
    const failed: Array<{ motionId: string; error: unknown }> = [];
    let closed = 0;
    for (const m of due) {
      try {
        await closeVote(m.id, null);
        closed++;
      } catch (error) {
        failed.push({ motionId: m.id, error });
      }
    }
    const upcoming = await db.motion.findMany({
      where: { status: "OPEN", deadline: { gt: now }, reminderSentAt: null },
      select: { id: true, partnershipId: true, text: true, deadline: true, ballotKind: true, body: { select: { reminderLeadHours: true } } },
    });
    let reminded = 0;
    for (const m of upcoming) {
      if (m.deadline!.getTime() - m.body.reminderLeadHours * 3_600_000 > now.getTime()) continue;
      const { count } = await db.motion.updateMany({ where: { id: m.id, reminderSentAt: null }, data: { reminderSentAt: now } });
      if (!count) continue;
      const voters = await db.motionVoter.findMany({ where: { motionId: m.id }, select: { seatMembershipId: true, voterMembershipId: true } });
      const voted = new Set(
        (m.ballotKind === "SECRET"
          ? await db.secretParticipation.findMany({ where: { motionId: m.id }, select: { seatMembershipId: true } })
          : await db.rollCallBallot.findMany({ where: { motionId: m.id }, select: { seatMembershipId: true } })
        ).map((v) => v.seatMembershipId),
      );
      const waiting = voters.filter((v) => !voted.has(v.seatMembershipId)).map((v) => v.voterMembershipId);
      const users = await db.membership.findMany({ where: { id: { in: waiting } }, select: { userId: true } });
      await notifications.notify(users.map((u) => u.userId), "vote.reminder", {
        partnershipId: m.partnershipId,
        motionId: m.id,
        motionText: m.text.slice(0, 200),
        deadline: m.deadline!.toISOString(),
      });
      reminded += users.length;
    }
    return { closed, reminded, failed };
  }

  return {
    list,
    movableBodies,
    get,
    move,
    second,
    amend,
    withdraw,
    table,
    open,
    cast,
    close,
    resolveDeadlock,
    revote,
    setSettings,
    getSettings,
    setAlternate,
    setDelegation,
    runDueWork,
  };
}
