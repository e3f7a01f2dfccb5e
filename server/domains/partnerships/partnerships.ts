// Partnerships themselves: list mine, what every page of one shows, its people, create (with the
// creator as its first co-chair) and update.
import type { MemberFacts } from "../../access/access.rules.js";
import { recordAudit } from "../../audit/audit.js";
import { partnershipRoom } from "../../realtime/realtime.events.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { conflictOnUnique, recheckPartnershipManager, seatOrThrow, type PartnershipsDeps } from "./partnerships.guards.js";
import { canManagePartnership, canRemoveOrganization } from "./partnerships.policy.js";
import { roleOfSeat, seatFor } from "./partnerships.rules.js";
import type { CreatePartnershipInput, PartnershipRole, SeatRole, Side, UpdatePartnershipInput } from "./partnerships.schema.js";

type CoChairSide = "LABOR" | "MANAGEMENT";

/** The partnerships the user belongs to, with their organization and top-body role in each. */
export async function listPartnerships(deps: Pick<PartnershipsDeps, "db">, { userId }: { userId: string }) {
  const memberships = await deps.db.membership.findMany({
    where: { userId },
    orderBy: { partnership: { name: "asc" } },
    select: {
      organization: { select: { name: true, side: true } },
      seats: { where: { body: { kind: "PARTNERSHIP" } }, select: { role: true, coChairSide: true } },
      partnership: {
        select: { id: true, name: true, sector: true, description: true, _count: { select: { memberships: true, organizations: true } } },
      },
    },
  });
  return memberships.map((m) => ({
    ...m.partnership,
    memberCount: m.partnership._count.memberships,
    organizationCount: m.partnership._count.organizations,
    organizationName: m.organization.name,
    side: m.organization.side as Side,
    role: m.seats[0] ? roleOfSeat(m.seats[0] as { role: SeatRole; coChairSide: CoChairSide | null }) : null,
  }));
}

/** What the viewer's pages show of them; `canManage` is the same predicate the manager use cases check. */
export function viewerOf(member: MemberFacts) {
  return {
    membershipId: member.membershipId,
    side: member.side,
    role: member.partnershipSeat ? roleOfSeat(member.partnershipSeat) : ("MEMBER" as PartnershipRole),
    canManage: canManagePartnership(member),
  };
}

/**
 * What every page of a partnership shows, for a member: the partnership, the viewer, its organizations
 * (with how many people each has), its co-chairs and committees. The people themselves are
 * `listPeople`: only the pages that show or pick people load them, so a big partnership does not
 * weigh on every page.
 */
export async function getPartnership(deps: Pick<PartnershipsDeps, "db" | "access">, { userId, input }: { userId: string; input: { partnershipId: string } }) {
  const viewer = await deps.access.requireMember(userId, input.partnershipId);
  const partnership = await deps.db.partnership.findUniqueOrThrow({
    where: { id: input.partnershipId },
    select: {
      id: true,
      name: true,
      sector: true,
      description: true,
      createdAt: true,
      organizations: {
        orderBy: { name: "asc" },
        select: { id: true, name: true, type: true, side: true, _count: { select: { memberships: true, trainees: true, serviceRequests: true } } },
      },
      bodies: {
        orderBy: { name: "asc" },
        select: {
          id: true,
          kind: true,
          name: true,
          description: true,
          _count: { select: { seats: true } },
          seats: {
            where: { role: "CO_CHAIR" },
            orderBy: { coChairSide: "asc" },
            select: { coChairSide: true, membership: { select: { user: { select: { name: true } }, organization: { select: { name: true } } } } },
          },
        },
      },
    },
  });
  const coChairsOf = (b: (typeof partnership.bodies)[number]) =>
    b.seats.map((s) => ({ side: s.coChairSide as CoChairSide, name: s.membership.user.name, organizationName: s.membership.organization.name }));
  const top = partnership.bodies.find((b) => b.kind === "PARTNERSHIP");
  return {
    partnership: { id: partnership.id, name: partnership.name, sector: partnership.sector, description: partnership.description, createdAt: partnership.createdAt },
    viewer: viewerOf(viewer),
    organizations: partnership.organizations.map(({ _count, ...o }) => ({
      ...o,
      side: o.side as Side,
      memberCount: _count.memberships,
      /** Removing it would be allowed (nobody belongs to it, no service records): the Remove button. */
      canRemove: canRemoveOrganization(_count),
    })),
    topBodyId: top?.id ?? null,
    /** The partnership's co-chairs (its top body's), labor first. */
    coChairs: top ? coChairsOf(top) : [],
    committees: partnership.bodies.filter((b) => b.kind === "COMMITTEE").map((b) => ({
      id: b.id,
      name: b.name,
      description: b.description,
      memberCount: b._count.seats,
      coChairs: coChairsOf(b),
    })),
  };
}

/** The partnership's people, by name: their organization, side, role on the partnership and how many committees they sit on. */
export async function listPeople(deps: Pick<PartnershipsDeps, "db" | "access">, { userId, input }: { userId: string; input: { partnershipId: string } }) {
  await deps.access.requireMember(userId, input.partnershipId);
  const memberships = await deps.db.membership.findMany({
    where: { partnershipId: input.partnershipId },
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
    select: {
      id: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
      organization: { select: { id: true, name: true, side: true } },
      seats: { select: { role: true, coChairSide: true, isVoting: true, body: { select: { kind: true } } } },
    },
  });
  return memberships.map((m) => {
    const top = m.seats.find((s) => s.body.kind === "PARTNERSHIP");
    return {
      membershipId: m.id,
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      organizationId: m.organization.id,
      organizationName: m.organization.name,
      side: m.organization.side as Side,
      role: top ? roleOfSeat(top as { role: SeatRole; coChairSide: CoChairSide | null }) : ("MEMBER" as PartnershipRole),
      isVoting: top?.isVoting ?? false,
      committeeCount: m.seats.filter((s) => s.body.kind === "COMMITTEE").length,
      joinedAt: m.createdAt,
    };
  });
}

/** A new partnership with its top body, the creator's organization and the creator in its first co-chair seat. */
export async function createPartnership(deps: Pick<PartnershipsDeps, "db" | "outbox">, { userId, input }: { userId: string; input: CreatePartnershipInput }) {
  const seat = seatOrThrow(seatFor("CO_CHAIR", input.seat));
  return inTransaction(deps, async (tx) => {
    const p = await tx.partnership.create({
      data: { name: input.name, sector: input.sector, description: input.description, createdById: userId },
    });
    const org = await tx.organization.create({
      data: { partnershipId: p.id, name: input.organizationName, type: input.organizationType, side: input.seat },
    });
    const membership = await tx.membership.create({ data: { partnershipId: p.id, userId, organizationId: org.id } });
    const body = await tx.body.create({ data: { partnershipId: p.id, kind: "PARTNERSHIP", name: input.name } });
    await tx.bodySeat.create({ data: { partnershipId: p.id, bodyId: body.id, membershipId: membership.id, ...seat } });
    await recordAudit(tx, { partnershipId: p.id, actorId: userId, action: "partnership.created", subjectType: "Partnership", subjectId: p.id });
    return { id: p.id };
  });
}

export async function updatePartnership(deps: PartnershipsDeps, { userId, input }: { userId: string; input: UpdatePartnershipInput }) {
  await deps.access.requirePartnershipManager(userId, input.partnershipId);
  return inTransaction(deps, async (tx, effects) => {
    await recheckPartnershipManager(tx, userId, input.partnershipId);
    await tx.partnership.update({
      where: { id: input.partnershipId },
      data: { name: input.name, sector: input.sector, description: input.description },
    });
    await tx.body.updateMany({ where: { partnershipId: input.partnershipId, kind: "PARTNERSHIP" }, data: { name: input.name } });
    await recordAudit(tx, { partnershipId: input.partnershipId, actorId: userId, action: "partnership.updated", subjectType: "Partnership", subjectId: input.partnershipId });
    effects.publish(partnershipRoom(input.partnershipId), "partnership:changed", { partnershipId: input.partnershipId });
    return { id: input.partnershipId };
    // The top body carries the partnership's name, and a body's name is unique in the partnership.
  }).catch(conflictOnUnique("A committee of this partnership already has this name.", "name"));
}
