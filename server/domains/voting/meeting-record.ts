// The motions of one meeting as its minutes of record show them (voting.api.ts exports it to the
// meetings domain, which has checked the reader's seat on the body): who moved and seconded, the
// amendments, the ballot kind and rule, and once closed the quorum of that moment, the result and the
// counts per side. A roll call lists who voted what; a secret ballot shows counts only, never a voter.
import type { Db, Tx } from "../../db.js";
import type { MotionResult } from "./vote-lifecycle.js";
import type { Choice, DecisionRule, MotionStatus, Outcome, ReasonPart, Tally } from "./voting.rules.js";
import type { BallotKind } from "./voting.schema.js";

type Client = Db | Tx;
type Person = { name: string; side: "LABOR" | "MANAGEMENT" | "NEUTRAL" };

export type RecordMotion = {
  id: string;
  amendsMotionId: string | null;
  agendaItemId: string | null;
  text: string;
  rationale: string;
  status: MotionStatus;
  ballotKind: BallotKind;
  rule: DecisionRule;
  movedBy: Person | null;
  secondedBy: Person | null;
  createdAt: Date;
  openedAt: Date | null;
  closedAt: Date | null;
  outcome: Outcome | null;
  reason: string | null;
  /** The reason as codes (voting.rules `reasonIn` says it in a reader's language); null for results recorded before the codes. */
  why: ReasonPart[] | null;
  /** Per side, once closed (a secret ballot's counts exist only then). */
  tally: Tally | null;
  cast: number | null;
  eligible: number;
  quorum: MotionResult["quorum"] | null;
  /** Roll call only: each seat's vote (and who cast it, for an alternate). Null for a secret ballot. */
  rollCall: Array<{ seat: Person | null; castBy: Person | null; choice: Choice }> | null;
  /** How a deadlock was settled, if it was. */
  resolution: string | null;
  /** Friendly amendments accepted by the mover (voted amendments are motions of their own). */
  friendlyAmendments: Array<{ text: string; at: Date }>;
};

/** Every motion moved at the meeting (amendments included), oldest first. */
export async function readMeetingMotions(client: Client, meetingId: string): Promise<RecordMotion[]> {
  const motions = await client.motion.findMany({
    where: { meetingId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      amendsMotionId: true,
      agendaItemId: true,
      text: true,
      rationale: true,
      status: true,
      ballotKind: true,
      rule: true,
      movedByMembershipId: true,
      secondedByMembershipId: true,
      createdAt: true,
      openedAt: true,
      closedAt: true,
      outcome: true,
      result: true,
      eligibleCount: true,
      resolution: true,
    },
  });
  if (!motions.length) return [];
  const ids = motions.map((m) => m.id);
  const rollCallIds = motions.filter((m) => m.ballotKind === "ROLL_CALL" && m.status === "CLOSED").map((m) => m.id);
  const [ballots, friendly] = await Promise.all([
    client.rollCallBallot.findMany({ where: { motionId: { in: rollCallIds } }, orderBy: { castAt: "asc" }, select: { motionId: true, seatMembershipId: true, castByMembershipId: true, choice: true } }),
    client.motionEvent.findMany({ where: { motionId: { in: ids }, kind: "amended" }, orderBy: { seq: "asc" }, select: { motionId: true, data: true, createdAt: true } }),
  ]);
  const memberIds = new Set<string>();
  for (const m of motions) for (const id of [m.movedByMembershipId, m.secondedByMembershipId]) if (id) memberIds.add(id);
  for (const b of ballots) memberIds.add(b.seatMembershipId).add(b.castByMembershipId);
  const people = await client.membership.findMany({
    where: { id: { in: [...memberIds] } },
    select: { id: true, user: { select: { name: true } }, organization: { select: { side: true } } },
  });
  const byId = new Map(people.map((p) => [p.id, { name: p.user.name, side: p.organization.side as Person["side"] }]));
  const person = (id: string | null) => (id ? (byId.get(id) ?? { name: "A former member", side: "NEUTRAL" as const }) : null);

  return motions.map((m) => {
    const result = m.status === "CLOSED" ? (m.result as MotionResult | null) : null;
    return {
      id: m.id,
      amendsMotionId: m.amendsMotionId,
      agendaItemId: m.agendaItemId,
      text: m.text,
      rationale: m.rationale,
      status: m.status as MotionStatus,
      ballotKind: m.ballotKind as BallotKind,
      rule: m.rule as DecisionRule,
      movedBy: person(m.movedByMembershipId),
      secondedBy: person(m.secondedByMembershipId),
      createdAt: m.createdAt,
      openedAt: m.openedAt,
      closedAt: m.closedAt,
      outcome: (m.outcome as Outcome | null) ?? null,
      reason: result?.reason ?? null,
      why: result?.why ?? null,
      tally: result?.tally ?? null,
      cast: result?.cast ?? null,
      eligible: m.eligibleCount,
      quorum: result?.quorum ?? null,
      rollCall:
        m.ballotKind === "ROLL_CALL" && m.status === "CLOSED"
          ? ballots
              .filter((b) => b.motionId === m.id)
              .map((b) => ({ seat: person(b.seatMembershipId), castBy: b.castByMembershipId !== b.seatMembershipId ? person(b.castByMembershipId) : null, choice: b.choice as Choice }))
          : null,
      resolution: m.resolution,
      friendlyAmendments: friendly
        .filter((e) => e.motionId === m.id && (e.data as { friendly?: boolean } | null)?.friendly === true)
        .map((e) => ({ text: String((e.data as { text?: unknown }).text ?? ""), at: e.createdAt })),
    };
  });
}

/** The passed motion (of a later meeting) that approved this meeting's minutes, if one did. */
export async function readMinutesApprovalMotion(client: Client, meetingId: string) {
  const motion = await client.motion.findFirst({
    where: { approvesMinutesOfMeetingId: meetingId, status: "CLOSED", outcome: "PASSED" },
    orderBy: { closedAt: "asc" },
    select: { id: true, text: true, closedAt: true, meeting: { select: { id: true, title: true, startsAt: true } } },
  });
  return motion ? { motionId: motion.id, text: motion.text, closedAt: motion.closedAt, atMeeting: motion.meeting } : null;
}
