// The registry of joint-change kinds. Each kind says what it concerns (a body, or the partnership), what
// it is about (its target: one waiting change per kind and target), what it locks and reads as the state
// it changes from (the "before", compared again when the other side concurs), how it reads in words,
// and how it applies: always through the owning domain's *.api.ts, inside the concurring transaction.
// A new kind: its payload in joint.schema.ts, an entry here, and the migration's kind CHECK.
import type { Tx } from "../../db.js";
import { AppError, notFound } from "../../errors.js";
import type { Effects } from "../../unit-of-work/unit-of-work.js";
import { adoptDraftVersion, readAdoptionRule, readAdoptionState, readSignOffGroup, requireAdoptableVersion, writeDraftSettings } from "../drafts/drafts.api.js";
import { SIGNOFF_RULES } from "../drafts/drafts.schema.js";
import { describeQuorumRule } from "../meetings/meetings.rules.js";
import {
  checkOrganizationChange,
  checkSeat,
  deleteMember,
  deleteSeat,
  type findBody,
  insertCommittee,
  lockBody,
  lockTopBody,
  readOrganization,
  readQuorumRule,
  readRepresentation,
  readSeat,
  writeOrganization,
  writeQuorumRule,
  writeRepresentation,
  writeSeat,
  type RoomChanges,
} from "../partnerships/partnerships.api.js";
import { ORGANIZATION_TYPES, SEAT_ROLES, SIDES, type Side } from "../partnerships/partnerships.schema.js";
import { publishSnapshot, readPublishedSnapshot, readSuppressionThreshold } from "../participants/participants.api.js";
import { capLabel, centsLabel, closeFund, insertFund, readFund, readFundCap, readReviewer, writeFundCap, writeFundReviewPolicy, writeReviewer, type CapKey } from "../services/services.api.js";
import { describeReviewPolicy, formatCents } from "../services/services.rules.js";
import {
  readAlternate,
  readDeadlock,
  readUmpire,
  readVotingSettings,
  recordUmpireDecision,
  umpireDecisionProblem,
  writeAlternate,
  writeUmpire,
  writeVotingSettings,
} from "../voting/voting.api.js";
import { lockRow } from "../../unit-of-work/unit-of-work.js";
import { DEADLOCK_PROCEDURES } from "../voting/voting.rules.js";
import { JOINT_KINDS, JointPayloadSchemas, type JointKind, type JointPayload } from "./joint.schema.js";
import { truncateText } from "../../text.js";

export type Body = NonNullable<Awaited<ReturnType<typeof findBody>>>;
/** Where a change applies: the partnership, and the body when it concerns one. */
export type Scope = { partnershipId: string; bodyId: string | null };
export type Snapshot = Record<string, unknown>;
export type Described = { title: string; before: string[]; after: string[] };

export type ApplyArgs<P> = {
  tx: Tx;
  effects: Effects;
  rooms: RoomChanges;
  payload: P;
  scope: Scope;
  body: Body | null;
  /** The co-chair whose act applies it (the one who concurs, or the proposer when applied alone). */
  actorId: string;
  changeId: string | null;
  /** The names of the two co-chairs who agreed (one when applied alone). */
  agreedBy: string[];
};

export type KindDef<P> = {
  /** BODY: the body's co-chairs and the partnership's decide; PARTNERSHIP: the partnership's. */
  scope: "BODY" | "PARTNERSHIP";
  targetKey(payload: P, scope: Scope): string;
  /** Whether it makes sense now (inside the proposing transaction); throws the AppError the user sees. */
  check?(tx: Tx, payload: P, scope: Scope, body: Body | null): Promise<void>;
  /** Locks what it writes, in the order the one-sided use cases lock it, before the state is read again. */
  lock(tx: Tx, payload: P, scope: Scope, body: Body | null): Promise<void>;
  /** The state it changes from (plain JSON), read when proposed and again on concurrence. */
  read(tx: Tx, payload: P, scope: Scope, body: Body | null): Promise<Snapshot>;
  /** Before and after, in words (pure: from the payload and that state). */
  describe(payload: P, before: Snapshot, context: { bodyName: string | null }): Described;
  /** Writes it through the owning domain's api. May answer what it created (e.g. an id). */
  apply(args: ApplyArgs<P>): Promise<Record<string, unknown> | void>;
};

const yesNo = (b: unknown) => (b ? "yes" : "no");
const bodyOf = (body: Body | null): Body => {
  if (!body) throw new AppError("BAD_REQUEST", "This change concerns a committee: name it.");
  return body;
};
const lockWholeBody = async (tx: Tx, body: Body | null) => {
  await lockBody(tx, bodyOf(body));
};
const lockBodyRow = async (tx: Tx, body: Body | null) => {
  await lockRow(tx, "Body", bodyOf(body).id);
};
const on = (bodyName: string | null) => (bodyName ? ` of ${bodyName}` : "");

type SeatSnapshot = Awaited<ReturnType<typeof readSeat>>;
const seatWords = (seat: SeatSnapshot["seat"]) =>
  seat ? `${seat.role === "CO_CHAIR" ? `${seat.coChairSide === "LABOR" ? "Labor" : "Management"} co-chair` : SEAT_ROLES[seat.role]}${seat.role === "MEMBER" ? (seat.isVoting ? ", voting" : ", without a vote") : ""}` : "No seat";
const memberWords = (s: Snapshot) => {
  const m = (s as SeatSnapshot).member;
  return m ? `${m.name} (${m.organizationName}, ${SIDES[m.side]})` : "a former member";
};

async function requireSeatTarget(tx: Tx, membershipId: string, scope: Scope) {
  const member = await tx.membership.findFirst({ where: { id: membershipId, partnershipId: scope.partnershipId }, select: { id: true } });
  if (!member) throw new AppError("BAD_REQUEST", "Choose a member of this partnership.", { fieldErrors: { membershipId: ["Choose a member of this partnership."] } });
}

const capKeyOf = (p: JointPayload<"FUND_CAP">): CapKey => ({ fundId: p.fundId, category: p.category as CapKey["category"], perTrainee: p.perTrainee });

type Registry = { [K in JointKind]: KindDef<JointPayload<K>> };

export const KINDS: Registry = {
  QUORUM_RULE: {
    scope: "BODY",
    targetKey: (_p, s) => s.bodyId ?? "",
    lock: (tx, _p, _s, body) => lockWholeBody(tx, body),
    read: async (tx, _p, _s, body) => readQuorumRule(tx, bodyOf(body).id),
    describe: (p, before, c) => ({
      title: `Change the quorum rule${on(c.bodyName)}`,
      before: [describeQuorumRule(before as JointPayload<"QUORUM_RULE">)],
      after: [describeQuorumRule(p)],
    }),
    apply: ({ tx, effects, payload, body, actorId, changeId }) => writeQuorumRule(tx, effects, { body: bodyOf(body), rule: payload, actorId, changeId }),
  },

  VOTING_SETTINGS: {
    scope: "BODY",
    targetKey: (_p, s) => s.bodyId ?? "",
    lock: (tx, _p, _s, body) => lockWholeBody(tx, body),
    read: async (tx, _p, _s, body) => readVotingSettings(tx, bodyOf(body).id),
    describe: (p, before, c) => {
      const lines = (v: JointPayload<"VOTING_SETTINGS">) => [
        `Second from the other side: ${yesNo(v.secondFromOtherSide)}`,
        `Roll-call votes may be changed until the vote closes: ${yesNo(v.allowVoteChange)}`,
        `If a dual-majority vote deadlocks: ${DEADLOCK_PROCEDURES[v.deadlockProcedure]}`,
        `Reminder before a deadline: ${v.reminderLeadHours > 0 ? `${v.reminderLeadHours} hours` : "none"}`,
      ];
      return { title: `Change the voting settings${on(c.bodyName)}`, before: lines(before as JointPayload<"VOTING_SETTINGS">), after: lines(p) };
    },
    apply: ({ tx, effects, payload, body, actorId, changeId }) => writeVotingSettings(tx, effects, { body: bodyOf(body), settings: payload, actorId, changeId }),
  },

  UMPIRE: {
    scope: "BODY",
    targetKey: (_p, s) => s.bodyId ?? "",
    lock: (tx, _p, _s, body) => lockWholeBody(tx, body),
    read: async (tx, _p, _s, body) => readUmpire(tx, bodyOf(body).id),
    describe: (p, before, c) => ({
      title: p.umpireName ? `Name ${p.umpireName} as the impartial umpire${on(c.bodyName)}` : `Remove the impartial umpire${on(c.bodyName)}`,
      before: [(before.umpireName as string) || "No umpire named"],
      after: [p.umpireName || "No umpire named"],
    }),
    apply: ({ tx, effects, payload, body, actorId, changeId }) => writeUmpire(tx, effects, { body: bodyOf(body), umpireName: payload.umpireName, actorId, changeId }),
  },

  UMPIRE_DECISION: {
    scope: "BODY",
    targetKey: (p) => p.motionId,
    check: async (tx, p, _s, body) => {
      const problem = umpireDecisionProblem(await readDeadlock(tx, p.motionId), bodyOf(body).id);
      if (problem) throw new AppError("PRECONDITION_FAILED", problem);
    },
    lock: async (tx, p) => {
      await lockRow(tx, "Motion", p.motionId);
    },
    read: async (tx, p) => {
      const d = await readDeadlock(tx, p.motionId);
      if (!d) throw notFound("Motion");
      return { motionText: d.motionText, outcome: d.outcome, resolution: d.resolution, umpireName: d.umpireName };
    },
    describe: (p, before) => ({
      title: `Record the umpire's decision on “${truncateText(String(before.motionText), 120)}”`,
      before: ["Deadlocked, not yet settled"],
      after: [`Question put to ${String(before.umpireName)}: ${p.question}`, `Decision: ${p.decision}`, "Both co-chairs attest that it is the agreed umpire's decision."],
    }),
    apply: async ({ tx, effects, payload, actorId, changeId, agreedBy }) => {
      const d = await readDeadlock(tx, payload.motionId);
      if (!d) throw notFound("Motion");
      await recordUmpireDecision(tx, effects, { ...payload, umpireName: d.umpireName, attestedBy: agreedBy, actorId, changeId });
    },
  },

  REPRESENTATION: {
    scope: "BODY",
    targetKey: (_p, s) => s.bodyId ?? "",
    lock: (tx, _p, _s, body) => lockWholeBody(tx, body),
    read: async (tx, _p, _s, body) => readRepresentation(tx, bodyOf(body).id),
    describe: (p, before, c) => {
      const lines = (v: JointPayload<"REPRESENTATION">) =>
        v.equalRepresentation
          ? [`Equal representation: ${v.seatsPerSide} voting seat${v.seatsPerSide === 1 ? "" : "s"} per side, per-side decision rules only`, `Unit rule: ${v.unitRule ? "each side votes as a unit" : "off"}`]
          : ["No equal representation: seats are not counted per side, any decision rule"];
      return { title: `Change the representation rules${on(c.bodyName)}`, before: lines(before as JointPayload<"REPRESENTATION">), after: lines(p) };
    },
    apply: ({ tx, effects, payload, body, actorId, changeId }) => writeRepresentation(tx, effects, { body: bodyOf(body), representation: payload, actorId, changeId }),
  },

  COMMITTEE: {
    scope: "PARTNERSHIP",
    targetKey: (p) => p.name.toLowerCase(),
    lock: async (tx, _p, s) => {
      await lockTopBody(tx, s.partnershipId, "SHARE");
    },
    read: async (tx, p, s) => ({
      exists: Boolean(await tx.body.findFirst({ where: { partnershipId: s.partnershipId, name: { equals: p.name, mode: "insensitive" } }, select: { id: true } })),
    }),
    check: async (tx, p, s) => {
      if (await tx.body.findFirst({ where: { partnershipId: s.partnershipId, name: { equals: p.name, mode: "insensitive" } }, select: { id: true } })) {
        throw new AppError("CONFLICT", "A committee with this name already exists.", { fieldErrors: { name: ["A committee with this name already exists."] } });
      }
    },
    describe: (p) => ({ title: `Create the committee “${p.name}”`, before: ["No such committee"], after: [p.name, ...(p.description ? [truncateText(p.description, 300)] : [])] }),
    apply: ({ tx, effects, payload, scope, actorId, changeId }) => insertCommittee(tx, effects, { partnershipId: scope.partnershipId, ...payload, actorId, changeId }),
  },

  SEAT: {
    scope: "BODY",
    targetKey: (p) => p.membershipId,
    check: (tx, p, s) => checkSeat(tx, { partnershipId: s.partnershipId, ...p }),
    lock: (tx, _p, _s, body) => lockWholeBody(tx, body),
    read: async (tx, p, s, body) => readSeat(tx, { partnershipId: s.partnershipId, bodyId: bodyOf(body).id, membershipId: p.membershipId }),
    describe: (p, before, c) => {
      const side = (before as SeatSnapshot).member?.side;
      const after = p.role === "CO_CHAIR" ? { role: "CO_CHAIR" as const, coChairSide: side === "MANAGEMENT" ? ("MANAGEMENT" as const) : ("LABOR" as const), isVoting: true } : { role: p.role, coChairSide: null, isVoting: p.isVoting };
      return { title: `Change the seat of ${memberWords(before)}${on(c.bodyName)}`, before: [seatWords((before as SeatSnapshot).seat)], after: [seatWords(after)] };
    },
    apply: async ({ tx, effects, payload, body, actorId, changeId }) => {
      const b = bodyOf(body);
      const topBodyId = await lockBody(tx, b);
      await writeSeat(tx, effects, { body: b, topBodyId, ...payload, actorId, changeId });
    },
  },

  SEAT_REMOVAL: {
    scope: "BODY",
    targetKey: (p) => p.membershipId,
    check: async (tx, p, s, body) => {
      if (bodyOf(body).kind !== "COMMITTEE") throw new AppError("BAD_REQUEST", "Everyone in the partnership has a seat on it; remove the member instead.");
      const { seat } = await readSeat(tx, { partnershipId: s.partnershipId, bodyId: bodyOf(body).id, membershipId: p.membershipId });
      if (!seat) throw notFound("Seat");
    },
    lock: (tx, _p, _s, body) => lockWholeBody(tx, body),
    read: async (tx, p, s, body) => readSeat(tx, { partnershipId: s.partnershipId, bodyId: bodyOf(body).id, membershipId: p.membershipId }),
    describe: (_p, before, c) => ({ title: `Remove ${memberWords(before)} from ${c.bodyName ?? "the committee"}`, before: [seatWords((before as SeatSnapshot).seat)], after: ["No seat"] }),
    apply: ({ tx, effects, rooms, payload, body, actorId, changeId }) => deleteSeat(tx, effects, rooms, { body: bodyOf(body), membershipId: payload.membershipId, actorId, changeId }),
  },

  MEMBER_REMOVAL: {
    scope: "PARTNERSHIP",
    targetKey: (p) => p.membershipId,
    check: (tx, p, s) => requireSeatTarget(tx, p.membershipId, s),
    lock: async (tx, _p, s) => {
      await lockTopBody(tx, s.partnershipId, "UPDATE");
    },
    read: async (tx, p, s) => {
      const top = await tx.body.findFirstOrThrow({ where: { partnershipId: s.partnershipId, kind: "PARTNERSHIP" }, select: { id: true } });
      return readSeat(tx, { partnershipId: s.partnershipId, bodyId: top.id, membershipId: p.membershipId });
    },
    describe: (_p, before) => ({ title: `Remove ${memberWords(before)} from the partnership`, before: [`Member: ${seatWords((before as SeatSnapshot).seat)}`], after: ["Not a member, no seats"] }),
    apply: async ({ tx, effects, rooms, payload, scope, actorId, changeId }) => {
      const topBodyId = await lockTopBody(tx, scope.partnershipId, "UPDATE");
      await deleteMember(tx, effects, rooms, { partnershipId: scope.partnershipId, topBodyId, membershipId: payload.membershipId, actorId, changeId });
    },
  },

  ALTERNATE: {
    scope: "BODY",
    targetKey: (p) => p.membershipId,
    lock: (tx, _p, _s, body) => lockBodyRow(tx, body),
    read: async (tx, p, _s, body) => {
      const holder = await readAlternate(tx, { bodyId: bodyOf(body).id, membershipId: p.membershipId });
      if (!holder) throw new AppError("BAD_REQUEST", "Choose a voting member of this body.");
      const proposed = p.alternateMembershipId ? await tx.membership.findUnique({ where: { id: p.alternateMembershipId }, select: { user: { select: { name: true } } } }) : null;
      return { ...holder, proposedName: proposed?.user.name ?? null };
    },
    describe: (p, before, c) => ({
      title: `Change the alternate of ${String(before.holderName)}${on(c.bodyName)}`,
      before: [(before.alternateName as string | null) ?? "No alternate"],
      after: [p.alternateMembershipId ? String(before.proposedName ?? "a member") : "No alternate"],
    }),
    apply: ({ tx, effects, payload, body, actorId, changeId }) => writeAlternate(tx, effects, { body: bodyOf(body), ...payload, actorId, changeId }),
  },

  ORGANIZATION: {
    scope: "PARTNERSHIP",
    targetKey: (p) => p.organizationId ?? `new:${p.name.toLowerCase()}`,
    check: (tx, p, s) => checkOrganizationChange(tx, s.partnershipId, p),
    lock: async (tx, _p, s) => {
      await lockTopBody(tx, s.partnershipId, "SHARE");
    },
    read: async (tx, p, s) => ({ organization: p.organizationId ? await readOrganization(tx, s.partnershipId, p.organizationId) : null }),
    describe: (p, before) => {
      const org = before.organization as { name: string; type: keyof typeof ORGANIZATION_TYPES; side: Side } | null;
      const words = (o: { name: string; type: keyof typeof ORGANIZATION_TYPES; side: Side }) => `${o.name} (${ORGANIZATION_TYPES[o.type]}, ${SIDES[o.side]} side)`;
      if (p.action === "CREATE") return { title: `Add the organization ${p.name}`, before: ["Not in the partnership"], after: [words(p)] };
      if (p.action === "REMOVE") return { title: `Remove the organization ${org?.name ?? p.name}`, before: [org ? words(org) : p.name], after: ["Not in the partnership"] };
      return { title: `Change the organization ${org?.name ?? p.name}`, before: [org ? words(org) : "—"], after: [words(p)] };
    },
    apply: ({ tx, effects, payload, scope, actorId, changeId }) => writeOrganization(tx, effects, { partnershipId: scope.partnershipId, change: payload, actorId, changeId }),
  },

  ADOPTION_RULE: {
    scope: "BODY",
    targetKey: (_p, s) => s.bodyId ?? "",
    lock: (tx, _p, _s, body) => lockBodyRow(tx, body),
    read: async (tx, _p, _s, body) => readAdoptionRule(tx, bodyOf(body).id),
    describe: (p, before, c) => {
      const words = (r: JointPayload<"ADOPTION_RULE">) => (r.rule === "ALL" ? SIGNOFF_RULES.ALL : `At least ${r.minimum} of the group`);
      return { title: `Change the curriculum adoption rule${on(c.bodyName)}`, before: [`Worker sign-off needed: ${words(before as JointPayload<"ADOPTION_RULE">)}`], after: [`Worker sign-off needed: ${words(p)}`] };
    },
    apply: ({ tx, effects, payload, body, actorId, changeId }) => writeDraftSettings(tx, effects, { body: bodyOf(body), rule: payload, actorId, changeId }),
  },

  SIGNOFF_GROUP: {
    scope: "BODY",
    targetKey: (_p, s) => s.bodyId ?? "",
    lock: (tx, _p, _s, body) => lockBodyRow(tx, body),
    read: async (tx, p, _s, body) => {
      const proposed = await tx.membership.findMany({ where: { id: { in: p.reviewerMembershipIds } }, select: { id: true, user: { select: { name: true } } } });
      return { group: await readSignOffGroup(tx, bodyOf(body).id), proposedNames: proposed.map((m) => m.user.name).sort() };
    },
    describe: (_p, before, c) => {
      const group = (before.group as Array<{ name: string }>).map((g) => g.name);
      const proposed = before.proposedNames as string[];
      return { title: `Change the worker sign-off group${on(c.bodyName)}`, before: [group.length ? group.join(", ") : "Nobody"], after: [proposed.length ? proposed.join(", ") : "Nobody"] };
    },
    apply: ({ tx, effects, payload, body, actorId, changeId }) => writeDraftSettings(tx, effects, { body: bodyOf(body), reviewers: [...new Set(payload.reviewerMembershipIds)], actorId, changeId }),
  },

  FUND: {
    scope: "PARTNERSHIP",
    targetKey: (p) => p.name.toLowerCase(),
    check: async (tx, p, s) => {
      if (await tx.fund.findFirst({ where: { partnershipId: s.partnershipId, name: p.name }, select: { id: true } })) {
        throw new AppError("BAD_REQUEST", "A fund with this name already exists.", { fieldErrors: { name: ["A fund with this name already exists."] } });
      }
    },
    lock: async () => {},
    read: async (tx, p, s) => ({ exists: Boolean(await tx.fund.findFirst({ where: { partnershipId: s.partnershipId, name: p.name }, select: { id: true } })) }),
    describe: (p) => ({ title: `Create the fund “${p.name}”`, before: ["No such fund"], after: [`${p.name}: ${formatCents(p.startingCents)} to start`] }),
    apply: ({ tx, effects, payload, scope, actorId, changeId }) => insertFund(tx, effects, { partnershipId: scope.partnershipId, ...payload, actorId, changeId }),
  },

  FUND_CLOSURE: {
    scope: "PARTNERSHIP",
    targetKey: (p) => p.fundId,
    check: async (tx, p, s) => {
      const fund = await readFund(tx, s.partnershipId, p.fundId);
      if (!fund) throw notFound("Fund");
      if (fund.closedAt) throw new AppError("CONFLICT", `${fund.name} is already closed.`);
    },
    lock: async (tx, p) => {
      await lockRow(tx, "Fund", p.fundId);
    },
    read: async (tx, p, s) => {
      const fund = await readFund(tx, s.partnershipId, p.fundId);
      if (!fund) throw notFound("Fund");
      return { name: fund.name, closed: fund.closedAt !== null };
    },
    describe: (_p, before) => ({
      title: `Close the fund “${String(before.name)}”`,
      before: ["Open: approves requests"],
      after: ["Closed: approves nothing new (requests already approved are still paid or cancelled)"],
    }),
    apply: ({ tx, effects, payload, scope, actorId, changeId }) => closeFund(tx, effects, { partnershipId: scope.partnershipId, fundId: payload.fundId, actorId, changeId }),
  },

  FUND_CAP: {
    scope: "PARTNERSHIP",
    targetKey: (p) => `${p.fundId}:${p.category}:${p.perTrainee ? "trainee" : "all"}`,
    check: async (tx, p, s) => {
      if (!(await readFund(tx, s.partnershipId, p.fundId))) throw notFound("Fund");
    },
    lock: async (tx, p) => {
      await lockRow(tx, "Fund", p.fundId);
    },
    read: async (tx, p, s) => {
      const fund = await readFund(tx, s.partnershipId, p.fundId);
      if (!fund) throw notFound("Fund");
      return { fundName: fund.name, capCents: await readFundCap(tx, capKeyOf(p)) };
    },
    describe: (p, before) => ({
      title: `Change a cap of the fund “${String(before.fundName)}”: ${capLabel(capKeyOf(p))}`,
      before: [centsLabel(before.capCents as number | null)],
      after: [centsLabel(p.capCents)],
    }),
    apply: ({ tx, effects, payload, scope, actorId, changeId }) =>
      writeFundCap(tx, effects, { partnershipId: scope.partnershipId, key: capKeyOf(payload), capCents: payload.capCents, actorId, changeId }),
  },

  FUND_REVIEWER: {
    scope: "PARTNERSHIP",
    targetKey: (p) => p.membershipId,
    check: async (tx, p, s) => {
      const member = await readReviewer(tx, s.partnershipId, p.membershipId);
      if (!member) throw new AppError("BAD_REQUEST", "Choose a member of this partnership.", { fieldErrors: { membershipId: ["Choose a member of this partnership."] } });
      if (member.isReviewer === p.designate) throw new AppError("CONFLICT", p.designate ? "This member is already a reviewer." : "This member is not a reviewer.");
    },
    lock: async () => {},
    read: async (tx, p, s) => {
      const member = await readReviewer(tx, s.partnershipId, p.membershipId);
      if (!member) throw notFound("Member");
      return { name: member.name, organizationName: member.organizationName, isReviewer: member.isReviewer };
    },
    describe: (p, before) => ({
      title: `${p.designate ? "Designate" : "Stop designating"} ${String(before.name)} (${String(before.organizationName)}) as a reviewer of supportive-service requests`,
      before: [before.isReviewer ? "Reviews requests (sees trainees' identities)" : "Does not review requests"],
      after: [p.designate ? "Reviews requests (sees trainees' identities)" : "Does not review requests"],
    }),
    apply: ({ tx, effects, payload, scope, actorId, changeId }) => writeReviewer(tx, effects, { partnershipId: scope.partnershipId, ...payload, actorId, changeId }),
  },

  // Who approves spending from a fund: above a threshold, a reviewer of each side (services domain).
  FUND_REVIEW_POLICY: {
    scope: "PARTNERSHIP",
    targetKey: (p) => p.fundId,
    check: async (tx, p, s) => {
      if (!(await readFund(tx, s.partnershipId, p.fundId))) throw notFound("Fund");
    },
    lock: async (tx, p) => {
      await lockRow(tx, "Fund", p.fundId);
    },
    read: async (tx, p, s) => {
      const fund = await readFund(tx, s.partnershipId, p.fundId);
      if (!fund) throw notFound("Fund");
      return { fundName: fund.name, bothSidesAboveCents: fund.bothSidesAboveCents };
    },
    describe: (p, before) => ({
      title: `Change who approves spending from the fund “${String(before.fundName)}”`,
      before: [describeReviewPolicy(before.bothSidesAboveCents as number | null)],
      after: [describeReviewPolicy(p.bothSidesAboveCents)],
    }),
    apply: ({ tx, effects, payload, scope, actorId, changeId }) =>
      writeFundReviewPolicy(tx, effects, { partnershipId: scope.partnershipId, fundId: payload.fundId, bothSidesAboveCents: payload.bothSidesAboveCents, actorId, changeId }),
  },

  // Adopting a signed-off curriculum version (drafts domain): both co-chairs, or the body's vote naming
  // the version (voting domain, at the close). Stale when the draft's current version or status changed.
  DRAFT_ADOPTION: {
    scope: "BODY",
    targetKey: (p) => p.draftId,
    check: async (tx, p, _s, body) => {
      await requireAdoptableVersion(tx, { draftId: p.draftId, versionNumber: p.versionNumber, bodyId: bodyOf(body).id });
    },
    lock: async (tx, p) => {
      await lockRow(tx, "Draft", p.draftId);
    },
    read: async (tx, p, _s, body) => {
      const state = await readAdoptionState(tx, p.draftId);
      if (state.bodyId !== bodyOf(body).id) throw notFound("Draft");
      return { title: state.title, status: state.status, currentVersion: state.currentVersion };
    },
    describe: (p, before, c) => ({
      title: `Adopt version ${p.versionNumber} of “${String(before.title)}”${c.bodyName ? ` (${c.bodyName})` : ""}`,
      before: [before.status === "SIGNED_OFF" ? `Version ${String(before.currentVersion)} signed off by the worker reviewers, not adopted` : `Not adopted (${String(before.status).toLowerCase().replace("_", " ")})`],
      after: [`Adopted: version ${p.versionNumber} becomes the committee's curriculum, read-only from then on`],
    }),
    apply: ({ tx, effects, payload, body, actorId, changeId, agreedBy }) =>
      adoptDraftVersion(tx, effects, { draftId: payload.draftId, versionNumber: payload.versionNumber, bodyId: bodyOf(body).id, actorId, changeId, agreedBy }),
  },

  // The A&O dashboard of a year, made public (participants domain): frozen when the other side concurs.
  AO_SNAPSHOT: {
    scope: "PARTNERSHIP",
    targetKey: (p) => `ao-snapshot:${p.year}`,
    lock: async (tx, _p, s) => {
      await lockRow(tx, "Partnership", s.partnershipId);
    },
    // The threshold is part of the state: a change of it since the proposal makes the proposal stale.
    read: async (tx, p, s) => {
      const [published, threshold] = await Promise.all([readPublishedSnapshot(tx, s.partnershipId, p.year), readSuppressionThreshold(tx, s.partnershipId)]);
      return { publishedAt: published ? published.publishedAt.toISOString() : null, threshold };
    },
    describe: (p, before) => ({
      title: `Publish the Access & Opportunity dashboard for ${p.year}`,
      before: [before.publishedAt ? `Published on ${String(before.publishedAt).slice(0, 10)}` : "Not published"],
      after: [
        `A public page and CSV of the counts of ${p.year}'s applicants as they stand when approved, small groups hidden (threshold ${String(before.threshold)})`,
      ],
    }),
    apply: ({ tx, effects, payload, scope, actorId, changeId, agreedBy }) => publishSnapshot(tx, effects, { partnershipId: scope.partnershipId, year: payload.year, actorId, changeId, agreedBy }),
  },
};

/** The kind's definition and its payload, parsed (a malformed payload is the caller's BAD_REQUEST). */
export function kindOf<K extends JointKind>(kind: K): KindDef<JointPayload<K>> {
  return KINDS[kind] as KindDef<JointPayload<K>>;
}

export function parsePayload<K extends JointKind>(kind: K, payload: unknown): JointPayload<K> {
  const parsed = JointPayloadSchemas[kind].safeParse(payload);
  if (!parsed.success) {
    const fieldErrors = parsed.error.flatten().fieldErrors as Record<string, string[]>;
    throw new AppError("BAD_REQUEST", parsed.error.issues[0]?.message ?? `Not a valid ${JOINT_KINDS[kind].toLowerCase()} change.`, { fieldErrors });
  }
  return parsed.data as JointPayload<K>;
}

