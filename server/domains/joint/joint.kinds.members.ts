// Joint-change kinds about who sits where: a new committee, a seat of the other side (or a neutral
// member's), a removal from a committee or from the partnership, an alternate, and an organization.
// Each in words as codes (joint.words.rules.ts): roles, sides and organization types are the catalogs' terms.
import type { Tx } from "../../db.js";
import { AppError, notFound } from "../../errors.js";
import {
  checkOrganizationChange,
  checkSeat,
  deleteMember,
  deleteSeat,
  insertCommittee,
  lockBody,
  lockTopBody,
  readOrganization,
  readSeat,
  writeOrganization,
  writeSeat,
} from "../partnerships/partnerships.api.js";
import type { OrganizationType, Side } from "../partnerships/partnerships.schema.js";
import { readAlternate, writeAlternate } from "../voting/voting.api.js";
import { truncateText } from "../../text.js";
import { bodyName, bodyOf, lockBodyRow, lockWholeBody, type Registry, type Scope, type Snapshot } from "./joint.kind-def.js";
import { words, type Words } from "./joint.words.rules.js";

type MemberKinds = Pick<Registry, "COMMITTEE" | "SEAT" | "SEAT_REMOVAL" | "MEMBER_REMOVAL" | "ALTERNATE" | "ORGANIZATION">;

const text = (value: string): Words => words("words.text", { text: value });

type SeatSnapshot = Awaited<ReturnType<typeof readSeat>>;
type SeatWordsOf = { role: string; coChairSide: "LABOR" | "MANAGEMENT" | null; isVoting: boolean } | null;
function seatWords(seat: SeatWordsOf): Words {
  if (!seat) return words("words.seat.none");
  if (seat.role === "CO_CHAIR") return words(`common:enums.role.${seat.coChairSide === "MANAGEMENT" ? "MANAGEMENT" : "LABOR"}_CO_CHAIR`);
  if (seat.role === "MEMBER") return words(seat.isVoting ? "words.seat.voting" : "words.seat.advisory");
  return words(`common:enums.role.${seat.role}`);
}
function memberWords(s: Snapshot): Words {
  const m = (s as SeatSnapshot).member;
  return m ? words("words.member", { name: m.name, organization: m.organizationName, side: words(`common:enums.side.${m.side}`) }) : words("words.formerMember");
}
type Org = { name: string; type: OrganizationType; side: Side };
const orgWords = (o: Org) => words("ORGANIZATION.line", { name: o.name, type: words(`partnerships:orgType.${o.type}`), side: words(`partnerships:overview.side.${o.side}`) });

async function requireSeatTarget(tx: Tx, membershipId: string, scope: Scope) {
  const member = await tx.membership.findFirst({ where: { id: membershipId, partnershipId: scope.partnershipId }, select: { id: true } });
  if (!member) throw new AppError("BAD_REQUEST", "Choose a member of this partnership.", { fieldErrors: { membershipId: ["Choose a member of this partnership."] } });
}

export const MEMBER_KINDS: MemberKinds = {
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
    describe: (p) => ({
      title: words("COMMITTEE.title", { name: p.name }),
      before: [words("COMMITTEE.none")],
      after: [text(p.name), ...(p.description ? [text(truncateText(p.description, 300))] : [])],
    }),
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
      const after = p.role === "CO_CHAIR" ? { role: "CO_CHAIR", coChairSide: side === "MANAGEMENT" ? ("MANAGEMENT" as const) : ("LABOR" as const), isVoting: true } : { role: p.role, coChairSide: null, isVoting: p.isVoting };
      return { title: words("SEAT.title", { member: memberWords(before), body: bodyName(c) }), before: [seatWords((before as SeatSnapshot).seat)], after: [seatWords(after)] };
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
    describe: (_p, before, c) => ({
      title: words("SEAT_REMOVAL.title", { member: memberWords(before), body: bodyName(c) }),
      before: [seatWords((before as SeatSnapshot).seat)],
      after: [words("words.seat.none")],
    }),
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
    describe: (_p, before) => ({
      title: words("MEMBER_REMOVAL.title", { member: memberWords(before) }),
      before: [words("MEMBER_REMOVAL.member", { seat: seatWords((before as SeatSnapshot).seat) })],
      after: [words("MEMBER_REMOVAL.removed")],
    }),
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
    describe: (p, before, c) => {
      const alternate = before.alternateName as string | null;
      const proposed = before.proposedName as string | null;
      return {
        title: words("ALTERNATE.title", { holder: String(before.holderName), body: bodyName(c) }),
        before: [alternate ? text(alternate) : words("ALTERNATE.none")],
        after: [p.alternateMembershipId ? (proposed ? text(proposed) : words("ALTERNATE.aMember")) : words("ALTERNATE.none")],
      };
    },
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
      const org = before.organization as Org | null;
      if (p.action === "CREATE") return { title: words("ORGANIZATION.titleCreate", { name: p.name }), before: [words("ORGANIZATION.notIn")], after: [orgWords(p)] };
      if (p.action === "REMOVE") return { title: words("ORGANIZATION.titleRemove", { name: org?.name ?? p.name }), before: [org ? orgWords(org) : text(p.name)], after: [words("ORGANIZATION.notIn")] };
      return { title: words("ORGANIZATION.titleChange", { name: org?.name ?? p.name }), before: [org ? orgWords(org) : text("—")], after: [orgWords(p)] };
    },
    apply: ({ tx, effects, payload, scope, actorId, changeId }) => writeOrganization(tx, effects, { partnershipId: scope.partnershipId, change: payload, actorId, changeId }),
  },
};
