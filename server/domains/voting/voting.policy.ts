// Who may do what with a motion, as pure predicates over facts the use case has already read. Each
// `…Refusal` answers null (allowed) or the refusal a user sees; the motion page's `viewer.can*` flags
// are the same functions, so a button and the rule behind it never disagree. No I/O.
import { canChair, type SeatFacts, type Side } from "../../access/access.rules.js";
import type { AppErrorCode, FieldErrors } from "../../errors.js";
import { canMove, isPooledRule, type Choice, type DecisionRule, type MotionStatus } from "./voting.rules.js";

export type Refusal = { code: AppErrorCode; message: string; fieldErrors?: FieldErrors };

const OTHER_SIDE = { LABOR: "MANAGEMENT", MANAGEMENT: "LABOR" } as const;
/** A conditional write found the motion no longer as it was checked. */
export const STALE_MOTION = "The motion changed meanwhile. Reload and try again.";

/** Voting members cast votes: co-chairs and members with a voting seat (not observers, staff or advisory members). */
export const isVotingSeat = (seat: Pick<SeatFacts, "role" | "isVoting">) => seat.isVoting && (seat.role === "CO_CHAIR" || seat.role === "MEMBER");

/** Opening, closing, tabling and settling a deadlock belong to the body's co-chairs. */
export const canChairVotes = (seat: SeatFacts) => canChair(seat);

const notChair = (seat: SeatFacts): Refusal | null => (canChairVotes(seat) ? null : { code: "FORBIDDEN", message: "Only the co-chairs can do that." });

export function moveRefusal(seat: SeatFacts): Refusal | null {
  return isVotingSeat(seat) ? null : { code: "FORBIDDEN", message: "Only voting members move motions." };
}

export const POOLED_RULE_REFUSAL = "This body has equal representation: its motions are decided per side (dual majority, or consensus), never by counting all voters together.";

/** A body with equal representation takes no rule that pools both sides' votes. */
export function ruleRefusal(f: { rule: DecisionRule; equalRepresentation: boolean }): Refusal | null {
  return f.equalRepresentation && isPooledRule(f.rule) ? { code: "BAD_REQUEST", message: POOLED_RULE_REFUSAL, fieldErrors: { rule: [POOLED_RULE_REFUSAL] } } : null;
}

export const ADOPTION_RULE_REFUSAL = "A motion to adopt a curriculum is decided by a majority of each side (dual majority).";

/** A motion that adopts a curriculum version needs both sides: dual majority. */
export function adoptionRuleRefusal(f: { rule: DecisionRule; adoptsDraft: boolean }): Refusal | null {
  return f.adoptsDraft && f.rule !== "DUAL_MAJORITY" ? { code: "BAD_REQUEST", message: ADOPTION_RULE_REFUSAL, fieldErrors: { rule: [ADOPTION_RULE_REFUSAL] } } : null;
}

export type SecondFacts = {
  seat: SeatFacts;
  status: MotionStatus;
  isMover: boolean;
  viewerSide: Side;
  /** The mover's side, or null when the mover has left the partnership. */
  moverSide: Side | null;
  secondFromOtherSide: boolean;
};

/** A second comes from another voting member, from the other side when the body says so, while the motion waits for one. */
export function secondRefusal(f: SecondFacts): Refusal | null {
  if (!isVotingSeat(f.seat)) return { code: "FORBIDDEN", message: "Only voting members second motions." };
  if (f.isMover) return { code: "BAD_REQUEST", message: "The mover cannot second their own motion." };
  if (f.secondFromOtherSide && (f.moverSide === null || f.moverSide === "NEUTRAL" || f.viewerSide !== OTHER_SIDE[f.moverSide])) {
    return { code: "PRECONDITION_FAILED", message: "In this body the second must come from the other side." };
  }
  if (f.status !== "MOVED") return { code: "PRECONDITION_FAILED", message: "This motion is not waiting for a second." };
  return null;
}

export const AMENDABLE: MotionStatus[] = ["MOVED", "SECONDED"];

/**
 * A friendly amendment is the mover's to accept; any other amendment is moved by a voting member.
 * Either way only before the vote opens.
 */
export function amendRefusal(f: { seat: SeatFacts; status: MotionStatus; isMover: boolean; friendly: boolean }): Refusal | null {
  if (!AMENDABLE.includes(f.status)) return { code: "PRECONDITION_FAILED", message: "Only a motion that is not yet open for voting can be amended." };
  if (f.friendly && !f.isMover) return { code: "FORBIDDEN", message: "Only the mover accepts a friendly amendment." };
  if (!f.friendly && !isVotingSeat(f.seat)) return { code: "FORBIDDEN", message: "Only voting members move amendments." };
  return null;
}

export function withdrawRefusal(f: { status: MotionStatus; isMover: boolean }): Refusal | null {
  if (!f.isMover) return { code: "FORBIDDEN", message: "Only the mover withdraws a motion." };
  if (!canMove(f.status, "WITHDRAWN")) return { code: "PRECONDITION_FAILED", message: "A motion can be withdrawn only before the vote opens." };
  return null;
}

export function tableRefusal(f: { seat: SeatFacts; status: MotionStatus }): Refusal | null {
  return notChair(f.seat) ?? (canMove(f.status, "TABLED") ? null : { code: "PRECONDITION_FAILED", message: "A motion can be tabled only before the vote opens." });
}

/** A co-chair opens a seconded motion; a vote between meetings needs a deadline, and a deadline lies ahead. */
export function openRefusal(f: { seat: SeatFacts; status: MotionStatus; atMeeting: boolean; deadline: Date | null; now: Date }): Refusal | null {
  const refused = notChair(f.seat);
  if (refused) return refused;
  if (f.status !== "SECONDED") {
    return { code: "PRECONDITION_FAILED", message: f.status === "MOVED" ? "A motion needs a second before the vote opens." : "This motion cannot be opened for voting." };
  }
  if (!f.atMeeting && !f.deadline) return { code: "BAD_REQUEST", message: "A vote between meetings needs a deadline.", fieldErrors: { deadline: ["Set a deadline."] } };
  if (f.deadline && f.deadline.getTime() <= f.now.getTime()) {
    return { code: "BAD_REQUEST", message: "The deadline must be in the future.", fieldErrors: { deadline: ["The deadline must be in the future."] } };
  }
  return null;
}

export function closeRefusal(f: { seat: SeatFacts; status: MotionStatus }): Refusal | null {
  return notChair(f.seat) ?? (f.status === "OPEN" ? null : { code: "PRECONDITION_FAILED", message: "This vote is not open." });
}

/** Settling a deadlock (recording the umpire's decision, or taking the vote again): co-chairs, deadlocked votes only. */
export function settleDeadlockRefusal(f: { seat: SeatFacts; outcome: string | null; how: "resolve" | "revote" }): Refusal | null {
  const refused = notChair(f.seat);
  if (refused) return refused;
  if (f.outcome !== "DEADLOCKED") {
    return { code: "PRECONDITION_FAILED", message: f.how === "resolve" ? "Only a deadlocked vote is settled this way." : "Only a deadlocked vote is taken again this way." };
  }
  return null;
}

export type BallotFacts = {
  /** The voter sits on the body (so may see the motion at all). */
  isSeated: boolean;
  /** The voter is on the roll fixed when the vote opened (holder or alternate). */
  isOnRoll: boolean;
  isOpen: boolean;
  deadlinePassed: boolean;
  secret: boolean;
  allowVoteChange: boolean;
  /** The seat's standing choice: null when it has not voted; "" for a secret ballot that has. */
  standing: string | null;
  /** The choice being cast, or null to ask whether a ballot could be cast at all (the page's button). */
  choice: Choice | null;
};

/**
 * Whether a ballot may be cast. Anyone not on the roll is told FORBIDDEN if they sit on the body (they
 * can see the motion) and NOT_FOUND otherwise. A roll-call ballot repeating the standing choice is
 * accepted (a double click); changing it needs the body's leave; a secret ballot is never changed,
 * because nothing links it back to the voter.
 */
export function ballotRefusal(f: BallotFacts): Refusal | null {
  if (!f.isOnRoll && !f.isSeated) return { code: "NOT_FOUND", message: "Motion was not found." };
  if (!f.isOpen) return { code: "PRECONDITION_FAILED", message: "This vote is not open." };
  if (f.deadlinePassed) return { code: "PRECONDITION_FAILED", message: "The deadline for this vote has passed." };
  if (!f.isOnRoll) return { code: "FORBIDDEN", message: "You are not on this vote's roll: only voting members seated when it opened may vote." };
  if (f.standing === null) return null;
  if (f.secret) return { code: "CONFLICT", message: "Your secret ballot is already recorded. It cannot be changed, because nothing links it to you." };
  if (f.standing !== f.choice && !f.allowVoteChange) return { code: "CONFLICT", message: "Your vote is recorded, and this body does not allow changing it." };
  return null;
}

/** For the page: the ballot is offered when some choice could still be cast. */
export const canVote = (f: Omit<BallotFacts, "choice">) => ballotRefusal({ ...f, choice: null }) === null;
