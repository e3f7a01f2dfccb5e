// Use cases of the partnerships domain: partnerships, organizations, committees (bodies), seats,
// invitations and memberships. Each: permission check → transaction (with audit) → publish after commit.
import { createHash, randomBytes } from "node:crypto";
import type { Access } from "../../access/access.js";
import type { MemberFacts } from "../../access/access.rules.js";
import { recordAudit } from "../../audit/audit.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db.js";
import { AppError, isUniqueViolation, notFound } from "../../errors.js";
import type { Logger } from "../../logger.js";
import type { Realtime } from "../../realtime/realtime.js";
import { partnershipRoom } from "../../realtime/realtime.events.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import {
  INVITATION_REFUSALS,
  invitationState,
  roleOfSeat,
  seatFor,
  seatForInvitation,
  type SeatResult,
} from "./partnerships.rules.js";
import {
  PARTNERSHIP_ROLES,
  type CreateCommitteeInput,
  type CreateInvitationInput,
  type CreateOrganizationInput,
  type CreatePartnershipInput,
  type PartnershipRole,
  type SeatRole,
  type SetSeatInput,
  type Side,
  type UpdateCommitteeInput,
  type UpdateOrganizationInput,
  type UpdatePartnershipInput,
} from "./partnerships.schema.js";
import type { QuorumRuleInput } from "../meetings/meetings.schema.js";

type Deps = {
  db: Db;
  access: Access;
  realtime: Pick<Realtime, "publish" | "removeUserFromRoom" | "recheckUserRooms">;
  notifications: Pick<NotificationsService, "notify">;
  config: Config;
  logger: Logger;
};

export type PartnershipsService = ReturnType<typeof createPartnershipsService>;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

function seatOrThrow(result: SeatResult) {
  if (!result.ok) throw new AppError("BAD_REQUEST", result.message, { fieldErrors: { role: [result.message] } });
  return result.seat;
}

const conflictOnUnique = (message: string, field?: string) => (error: unknown) => {
  if (isUniqueViolation(error)) throw new AppError("CONFLICT", message, field ? { fieldErrors: { [field]: [message] } } : {});
  throw error;
};

export function createPartnershipsService({ db, access, realtime, notifications, config, logger }: Deps) {
  const changed = (partnershipId: string) => realtime.publish(partnershipRoom(partnershipId), "partnership:changed", { partnershipId });

  async function topBodyId(tx: Tx, partnershipId: string): Promise<string> {
    const body = await tx.body.findFirst({ where: { partnershipId, kind: "PARTNERSHIP" }, select: { id: true } });
    if (!body) throw notFound("Partnership");
    return body.id;
  }

  /** A partnership must always keep at least one co-chair, or nobody could manage it. */
  async function assertKeepsACoChair(tx: Tx, bodyId: string, membershipId: string) {
    const others = await tx.bodySeat.count({ where: { bodyId, role: "CO_CHAIR", membershipId: { not: membershipId } } });
    if (others === 0) {
      throw new AppError("PRECONDITION_FAILED", "A partnership needs at least one co-chair. Seat another co-chair first.");
    }
  }

  async function coChairUserIds(partnershipId: string): Promise<string[]> {
    const seats = await db.bodySeat.findMany({
      where: { partnershipId, role: "CO_CHAIR", body: { kind: "PARTNERSHIP" } },
      select: { membership: { select: { userId: true } } },
    });
    return seats.map((s) => s.membership.userId);
  }

  // ─── partnerships ─────────────────────────────────────────────────────────

  async function listMine({ userId }: { userId: string }) {
    const memberships = await db.membership.findMany({
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
      role: m.seats[0] ? roleOfSeat(m.seats[0] as { role: SeatRole; coChairSide: "LABOR" | "MANAGEMENT" | null }) : null,
    }));
  }

  async function create({ userId, input }: { userId: string; input: CreatePartnershipInput }) {
    const partnership = await db.$transaction(async (tx) => {
      const p = await tx.partnership.create({
        data: { name: input.name, sector: input.sector, description: input.description, createdById: userId },
      });
      const org = await tx.organization.create({
        data: { partnershipId: p.id, name: input.organizationName, type: input.organizationType, side: input.seat },
      });
      const membership = await tx.membership.create({ data: { partnershipId: p.id, userId, organizationId: org.id } });
      const body = await tx.body.create({ data: { partnershipId: p.id, kind: "PARTNERSHIP", name: input.name } });
      await tx.bodySeat.create({
        data: { partnershipId: p.id, bodyId: body.id, membershipId: membership.id, ...seatOrThrow(seatFor("CO_CHAIR", input.seat)) },
      });
      await recordAudit(tx, { partnershipId: p.id, actorId: userId, action: "partnership.created", subjectType: "Partnership", subjectId: p.id });
      return p;
    });
    return { id: partnership.id };
  }

  async function update({ userId, input }: { userId: string; input: UpdatePartnershipInput }) {
    await access.requirePartnershipManager(userId, input.partnershipId);
    await db.$transaction(async (tx) => {
      await tx.partnership.update({
        where: { id: input.partnershipId },
        data: { name: input.name, sector: input.sector, description: input.description },
      });
      await tx.body.updateMany({ where: { partnershipId: input.partnershipId, kind: "PARTNERSHIP" }, data: { name: input.name } });
      await recordAudit(tx, { partnershipId: input.partnershipId, actorId: userId, action: "partnership.updated", subjectType: "Partnership", subjectId: input.partnershipId });
    });
    changed(input.partnershipId);
    return { id: input.partnershipId };
  }

  /** Everything the partnership's home page shows, for a member. */
  async function getHome({ userId, partnershipId }: { userId: string; partnershipId: string }) {
    const viewer = await access.requireMember(userId, partnershipId);
    const partnership = await db.partnership.findUniqueOrThrow({
      where: { id: partnershipId },
      select: {
        id: true,
        name: true,
        sector: true,
        description: true,
        createdAt: true,
        organizations: {
          orderBy: { name: "asc" },
          select: { id: true, name: true, type: true, side: true, _count: { select: { memberships: true } } },
        },
        memberships: {
          orderBy: { user: { name: "asc" } },
          select: {
            id: true,
            createdAt: true,
            user: { select: { id: true, name: true, email: true } },
            organization: { select: { id: true, name: true, side: true } },
            seats: { select: { bodyId: true, role: true, coChairSide: true, isVoting: true, body: { select: { kind: true } } } },
          },
        },
        bodies: {
          orderBy: { name: "asc" },
          select: {
            id: true,
            kind: true,
            name: true,
            description: true,
            _count: { select: { seats: true } },
            seats: { where: { role: "CO_CHAIR" }, select: { coChairSide: true, membership: { select: { user: { select: { name: true } } } } } },
          },
        },
      },
    });
    const people = partnership.memberships.map((m) => {
      const top = m.seats.find((s) => s.body.kind === "PARTNERSHIP");
      return {
        membershipId: m.id,
        userId: m.user.id,
        name: m.user.name,
        email: m.user.email,
        organizationId: m.organization.id,
        organizationName: m.organization.name,
        side: m.organization.side as Side,
        role: top ? roleOfSeat(top as { role: SeatRole; coChairSide: "LABOR" | "MANAGEMENT" | null }) : ("MEMBER" as PartnershipRole),
        isVoting: top?.isVoting ?? false,
        committeeCount: m.seats.filter((s) => s.body.kind === "COMMITTEE").length,
        joinedAt: m.createdAt,
      };
    });
    return {
      partnership: { id: partnership.id, name: partnership.name, sector: partnership.sector, description: partnership.description, createdAt: partnership.createdAt },
      viewer: viewerOf(viewer),
      organizations: partnership.organizations.map(({ _count, ...o }) => ({ ...o, side: o.side as Side, memberCount: _count.memberships })),
      people,
      topBodyId: partnership.bodies.find((b) => b.kind === "PARTNERSHIP")?.id ?? null,
      committees: partnership.bodies.filter((b) => b.kind === "COMMITTEE").map((b) => ({
        id: b.id,
        name: b.name,
        description: b.description,
        memberCount: b._count.seats,
        coChairs: b.seats.map((s) => ({ side: s.coChairSide as "LABOR" | "MANAGEMENT", name: s.membership.user.name })),
      })),
    };
  }

  function viewerOf(member: MemberFacts) {
    return {
      membershipId: member.membershipId,
      side: member.side,
      role: member.partnershipSeat ? roleOfSeat(member.partnershipSeat) : ("MEMBER" as PartnershipRole),
      canManage: member.partnershipSeat?.role === "CO_CHAIR",
    };
  }

  // ─── organizations ────────────────────────────────────────────────────────

  async function createOrganization({ userId, input }: { userId: string; input: CreateOrganizationInput }) {
    await access.requirePartnershipManager(userId, input.partnershipId);
    const org = await db
      .$transaction(async (tx) => {
        const o = await tx.organization.create({
          data: { partnershipId: input.partnershipId, name: input.name, type: input.type, side: input.side },
        });
        await recordAudit(tx, { partnershipId: input.partnershipId, actorId: userId, action: "organization.created", subjectType: "Organization", subjectId: o.id, data: { name: o.name, side: o.side } });
        return o;
      })
      .catch(conflictOnUnique("An organization with this name is already in the partnership.", "name"));
    changed(input.partnershipId);
    return { id: org.id };
  }

  async function updateOrganization({ userId, input }: { userId: string; input: UpdateOrganizationInput }) {
    await access.requirePartnershipManager(userId, input.partnershipId);
    await db
      .$transaction(async (tx) => {
        const org = await tx.organization.findFirst({
          where: { id: input.organizationId, partnershipId: input.partnershipId },
          select: { side: true, memberships: { select: { seats: { where: { role: "CO_CHAIR" }, select: { id: true } } } } },
        });
        if (!org) throw notFound("Organization");
        const seatsCoChair = org.memberships.some((m) => m.seats.length > 0);
        if (org.side !== input.side && seatsCoChair) {
          throw new AppError("PRECONDITION_FAILED", "A co-chair belongs to this organization, so its side cannot change.", {
            fieldErrors: { side: ["A co-chair belongs to this organization, so its side cannot change."] },
          });
        }
        await tx.organization.update({ where: { id: input.organizationId }, data: { name: input.name, type: input.type, side: input.side } });
        await recordAudit(tx, { partnershipId: input.partnershipId, actorId: userId, action: "organization.updated", subjectType: "Organization", subjectId: input.organizationId, data: { name: input.name, side: input.side } });
      })
      .catch(conflictOnUnique("An organization with this name is already in the partnership.", "name"));
    changed(input.partnershipId);
    return { id: input.organizationId };
  }

  async function removeOrganization({ userId, partnershipId, organizationId }: { userId: string; partnershipId: string; organizationId: string }) {
    await access.requirePartnershipManager(userId, partnershipId);
    await db.$transaction(async (tx) => {
      const org = await tx.organization.findFirst({
        where: { id: organizationId, partnershipId },
        select: { _count: { select: { memberships: true, trainees: true, serviceRequests: true } } },
      });
      if (!org) throw notFound("Organization");
      if (org._count.memberships > 0) {
        throw new AppError("PRECONDITION_FAILED", "People still belong to this organization. Remove them first.");
      }
      // Trainee records, requests and the log of who read them are kept, so their organization is too.
      if (org._count.trainees > 0 || org._count.serviceRequests > 0) {
        throw new AppError("PRECONDITION_FAILED", "This organization has trainees or supportive-service requests on record, so it stays.");
      }
      await tx.organization.delete({ where: { id: organizationId } });
      await recordAudit(tx, { partnershipId, actorId: userId, action: "organization.removed", subjectType: "Organization", subjectId: organizationId });
    });
    changed(partnershipId);
    return { id: organizationId };
  }

  // ─── committees and seats ─────────────────────────────────────────────────

  async function createCommittee({ userId, input }: { userId: string; input: CreateCommitteeInput }) {
    await access.requirePartnershipManager(userId, input.partnershipId);
    const body = await db
      .$transaction(async (tx) => {
        const b = await tx.body.create({
          data: { partnershipId: input.partnershipId, kind: "COMMITTEE", name: input.name, description: input.description },
        });
        await recordAudit(tx, { partnershipId: input.partnershipId, actorId: userId, action: "committee.created", subjectType: "Body", subjectId: b.id, data: { name: b.name } });
        return b;
      })
      .catch(conflictOnUnique("A committee with this name already exists.", "name"));
    changed(input.partnershipId);
    return { id: body.id };
  }

  async function updateCommittee({ userId, input }: { userId: string; input: UpdateCommitteeInput }) {
    const { body } = await access.requireBodyManager(userId, input.bodyId);
    if (body.kind !== "COMMITTEE") throw notFound("Committee");
    await db
      .$transaction(async (tx) => {
        await tx.body.update({ where: { id: body.id }, data: { name: input.name, description: input.description } });
        await recordAudit(tx, { partnershipId: body.partnershipId, actorId: userId, action: "committee.updated", subjectType: "Body", subjectId: body.id });
      })
      .catch(conflictOnUnique("A committee with this name already exists.", "name"));
    changed(body.partnershipId);
    return { id: body.id };
  }

  /** A committee (or the partnership's top body) with its seats, for a member of the partnership. */
  async function getBody({ userId, bodyId }: { userId: string; bodyId: string }) {
    const { body, member } = await access.requireBodyMember(userId, bodyId);
    const full = await db.body.findUniqueOrThrow({
      where: { id: body.id },
      select: {
        id: true,
        kind: true,
        name: true,
        description: true,
        quorumMode: true,
        quorumLabor: true,
        quorumManagement: true,
        partnership: { select: { id: true, name: true } },
        seats: {
          orderBy: [{ role: "asc" }, { membership: { user: { name: "asc" } } }],
          select: {
            role: true,
            coChairSide: true,
            isVoting: true,
            membership: {
              select: { id: true, user: { select: { id: true, name: true } }, organization: { select: { name: true, side: true } } },
            },
          },
        },
      },
    });
    const viewerSeat = full.seats.find((s) => s.membership.id === member.membershipId);
    return {
      id: full.id,
      kind: full.kind as "PARTNERSHIP" | "COMMITTEE",
      name: full.name,
      description: full.description,
      partnership: full.partnership,
      quorumRule: { mode: full.quorumMode as "COUNT" | "SHARE", labor: full.quorumLabor, management: full.quorumManagement },
      canManage: member.partnershipSeat?.role === "CO_CHAIR" || viewerSeat?.role === "CO_CHAIR",
      seats: full.seats.map((s) => ({
        membershipId: s.membership.id,
        userId: s.membership.user.id,
        name: s.membership.user.name,
        organizationName: s.membership.organization.name,
        side: s.membership.organization.side as Side,
        role: s.role as SeatRole,
        coChairSide: s.coChairSide as "LABOR" | "MANAGEMENT" | null,
        isVoting: s.isVoting,
      })),
    };
  }

  /** The body's quorum rule: how many voting members of each side must be present. */
  async function setQuorumRule({ userId, input }: { userId: string; input: QuorumRuleInput }) {
    const { body } = await access.requireBodyManager(userId, input.bodyId);
    await db.$transaction(async (tx) => {
      await tx.body.update({
        where: { id: body.id },
        data: { quorumMode: input.mode, quorumLabor: input.labor, quorumManagement: input.management },
      });
      await recordAudit(tx, { partnershipId: body.partnershipId, actorId: userId, action: "body.quorumRuleSet", subjectType: "Body", subjectId: body.id, data: input });
    });
    changed(body.partnershipId);
    return { bodyId: body.id };
  }

  /** Seats a partnership member on a body, or changes their seat there. */
  async function setSeat({ userId, input }: { userId: string; input: SetSeatInput }) {
    const { body } = await access.requireBodyManager(userId, input.bodyId);
    await db
      .$transaction(async (tx) => {
        const membership = await tx.membership.findFirst({
          where: { id: input.membershipId, partnershipId: body.partnershipId },
          select: { id: true, organization: { select: { side: true } } },
        });
        if (!membership) throw notFound("Member");
        const seat = seatOrThrow(seatFor(input.role, membership.organization.side as Side, input.isVoting));
        const existing = await tx.bodySeat.findUnique({
          where: { bodyId_membershipId: { bodyId: body.id, membershipId: membership.id } },
          select: { role: true },
        });
        if (body.kind === "PARTNERSHIP" && existing?.role === "CO_CHAIR" && seat.role !== "CO_CHAIR") {
          await assertKeepsACoChair(tx, body.id, membership.id);
        }
        await tx.bodySeat.upsert({
          where: { bodyId_membershipId: { bodyId: body.id, membershipId: membership.id } },
          create: { partnershipId: body.partnershipId, bodyId: body.id, membershipId: membership.id, ...seat },
          update: seat,
        });
        await recordAudit(tx, { partnershipId: body.partnershipId, actorId: userId, action: "seat.set", subjectType: "Body", subjectId: body.id, data: { membershipId: membership.id, ...seat } });
      })
      .catch(conflictOnUnique("That side's co-chair seat is already held. Change the current co-chair's seat first.", "role"));
    changed(body.partnershipId);
    return { bodyId: body.id };
  }

  async function removeSeat({ userId, bodyId, membershipId }: { userId: string; bodyId: string; membershipId: string }) {
    const { body } = await access.requireBodyManager(userId, bodyId);
    if (body.kind === "PARTNERSHIP") {
      throw new AppError("BAD_REQUEST", "Everyone in the partnership has a seat on it; remove the member instead.");
    }
    const { count, userId: removedUserId } = await db.$transaction(async (tx) => {
      const seat = await tx.bodySeat.findUnique({ where: { bodyId_membershipId: { bodyId, membershipId } }, select: { membership: { select: { userId: true } } } });
      const result = await tx.bodySeat.deleteMany({ where: { bodyId, membershipId } });
      if (result.count) await recordAudit(tx, { partnershipId: body.partnershipId, actorId: userId, action: "seat.removed", subjectType: "Body", subjectId: bodyId, data: { membershipId } });
      return { count: result.count, userId: seat?.membership.userId };
    });
    if (!count) throw notFound("Seat");
    // Their sockets leave this body's meeting and motion rooms (they rejoin only what they may still read).
    if (removedUserId) realtime.recheckUserRooms(removedUserId);
    changed(body.partnershipId);
    return { bodyId };
  }

  // ─── invitations ──────────────────────────────────────────────────────────

  async function createInvitation({ userId, input }: { userId: string; input: CreateInvitationInput }) {
    await access.requirePartnershipManager(userId, input.partnershipId);
    const token = randomBytes(32).toString("base64url");
    const link = `${config.appOrigin}/invitations/${token}`;
    const invitation = await db.$transaction(async (tx) => {
      const org = await tx.organization.findFirst({ where: { id: input.organizationId, partnershipId: input.partnershipId } });
      if (!org) throw new AppError("BAD_REQUEST", "Choose an organization of this partnership.", { fieldErrors: { organizationId: ["Choose an organization of this partnership."] } });
      const seat = seatOrThrow(seatForInvitation(input.role, org.side as Side));
      if (seat.role === "CO_CHAIR") {
        const held = await tx.bodySeat.findFirst({ where: { partnershipId: input.partnershipId, body: { kind: "PARTNERSHIP" }, coChairSide: seat.coChairSide } });
        if (held) throw new AppError("CONFLICT", "That co-chair seat is already held.", { fieldErrors: { role: ["That co-chair seat is already held."] } });
      }
      const alreadyMember = await tx.membership.findFirst({ where: { partnershipId: input.partnershipId, user: { email: input.email } } });
      if (alreadyMember) throw new AppError("CONFLICT", "This person is already a member of the partnership.", { fieldErrors: { email: ["This person is already a member of the partnership."] } });
      const inv = await tx.invitation.create({
        data: {
          partnershipId: input.partnershipId,
          organizationId: org.id,
          email: input.email,
          role: input.role,
          tokenHash: hashToken(token),
          expiresAt: new Date(Date.now() + config.INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000),
          invitedById: userId,
        },
        include: { partnership: { select: { name: true } }, invitedBy: { select: { name: true } } },
      });
      await recordAudit(tx, { partnershipId: input.partnershipId, actorId: userId, action: "invitation.created", subjectType: "Invitation", subjectId: inv.id, data: { email: inv.email, role: inv.role } });
      return inv;
    });
    // No email server yet: the inviter is shown the link, and it is written to the server log.
    logger.info({ invitationId: invitation.id, email: invitation.email, link }, "invitation link created");
    const invitee = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
    if (invitee) {
      await notifications.notify([invitee.id], "invitation.received", {
        partnershipId: invitation.partnershipId,
        partnershipName: invitation.partnership.name,
        invitedByName: invitation.invitedBy.name,
        roleLabel: PARTNERSHIP_ROLES[invitation.role as PartnershipRole].toLowerCase(),
        link: `/invitations/${token}`,
      });
    }
    changed(input.partnershipId);
    return { id: invitation.id, link, expiresAt: invitation.expiresAt };
  }

  async function listInvitations({ userId, partnershipId }: { userId: string; partnershipId: string }) {
    await access.requirePartnershipManager(userId, partnershipId);
    const rows = await db.invitation.findMany({
      where: { partnershipId },
      orderBy: { createdAt: "desc" },
      take: 100,
      select: {
        id: true,
        email: true,
        role: true,
        createdAt: true,
        expiresAt: true,
        acceptedAt: true,
        revokedAt: true,
        organization: { select: { name: true } },
        invitedBy: { select: { name: true } },
      },
    });
    const now = new Date();
    return rows.map((r) => ({ ...r, role: r.role as PartnershipRole, state: invitationState(r, now) }));
  }

  async function revokeInvitation({ userId, partnershipId, invitationId }: { userId: string; partnershipId: string; invitationId: string }) {
    await access.requirePartnershipManager(userId, partnershipId);
    await db.$transaction(async (tx) => {
      const { count } = await tx.invitation.updateMany({
        where: { id: invitationId, partnershipId, acceptedAt: null, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      if (!count) throw notFound("Pending invitation");
      await recordAudit(tx, { partnershipId, actorId: userId, action: "invitation.revoked", subjectType: "Invitation", subjectId: invitationId });
    });
    changed(partnershipId);
    return { id: invitationId };
  }

  async function findInvitation(token: string) {
    return db.invitation.findUnique({
      where: { tokenHash: hashToken(token) },
      select: {
        id: true,
        partnershipId: true,
        email: true,
        role: true,
        expiresAt: true,
        acceptedAt: true,
        revokedAt: true,
        invitedById: true,
        partnership: { select: { name: true } },
        organization: { select: { id: true, name: true, side: true } },
        invitedBy: { select: { name: true } },
      },
    });
  }

  /** What the invitation page shows to whoever holds the link (the link itself is the credential). */
  async function previewInvitation({ token }: { token: string }) {
    const inv = await findInvitation(token);
    if (!inv) throw notFound("Invitation");
    return {
      partnershipName: inv.partnership.name,
      organizationName: inv.organization.name,
      email: inv.email,
      role: inv.role as PartnershipRole,
      invitedByName: inv.invitedBy.name,
      expiresAt: inv.expiresAt,
      state: invitationState(inv, new Date()),
    };
  }

  async function acceptInvitation({ userId, token }: { userId: string; token: string }) {
    const inv = await findInvitation(token);
    if (!inv) throw notFound("Invitation");
    const state = invitationState(inv, new Date());
    if (state !== "PENDING") throw new AppError("PRECONDITION_FAILED", INVITATION_REFUSALS[state]);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
    if (user.email !== inv.email) {
      throw new AppError("FORBIDDEN", `This invitation is for ${inv.email}. Sign in with that email to accept it.`);
    }
    const seat = seatOrThrow(seatForInvitation(inv.role as PartnershipRole, inv.organization.side as Side));
    const membership = await db
      .$transaction(async (tx) => {
        // Single use: only one request can flip acceptedAt from null, even when two arrive at once.
        const claimed = await tx.invitation.updateMany({
          where: { id: inv.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
          data: { acceptedAt: new Date(), acceptedById: userId },
        });
        if (!claimed.count) throw new AppError("PRECONDITION_FAILED", INVITATION_REFUSALS.ACCEPTED);
        const m = await tx.membership.create({
          data: { partnershipId: inv.partnershipId, userId, organizationId: inv.organization.id },
        });
        await tx.bodySeat.create({
          data: { partnershipId: inv.partnershipId, bodyId: await topBodyId(tx, inv.partnershipId), membershipId: m.id, ...seat },
        });
        await recordAudit(tx, { partnershipId: inv.partnershipId, actorId: userId, action: "invitation.accepted", subjectType: "Invitation", subjectId: inv.id, data: { membershipId: m.id } });
        return m;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) {
          // meta is an object (with the driver adapter: driverAdapterError.cause.constraint.fields), so
          // search its JSON; String(meta) would be "[object Object]".
          const inPartnership = /userId/.test(JSON.stringify((error as { meta?: unknown }).meta ?? {}));
          throw new AppError(
            "CONFLICT",
            inPartnership ? "You are already a member of this partnership." : "That co-chair seat was filled in the meantime. Ask for a new invitation.",
          );
        }
        throw error;
      });
    realtime.publish(partnershipRoom(inv.partnershipId), "membership:joined", {
      partnershipId: inv.partnershipId,
      membershipId: membership.id,
      name: user.name,
    });
    const recipients = [inv.invitedById, ...(await coChairUserIds(inv.partnershipId))].filter((id) => id !== userId);
    await notifications.notify(recipients, "membership.joined", {
      partnershipId: inv.partnershipId,
      partnershipName: inv.partnership.name,
      memberName: user.name,
      organizationName: inv.organization.name,
    });
    return { partnershipId: inv.partnershipId, membershipId: membership.id };
  }

  // ─── members ──────────────────────────────────────────────────────────────

  async function removeMember({ userId, partnershipId, membershipId }: { userId: string; partnershipId: string; membershipId: string }) {
    await access.requirePartnershipManager(userId, partnershipId);
    const removed = await db.$transaction(async (tx) => {
      const membership = await tx.membership.findFirst({ where: { id: membershipId, partnershipId }, select: { id: true, userId: true } });
      if (!membership) throw notFound("Member");
      await assertKeepsACoChair(tx, await topBodyId(tx, partnershipId), membership.id);
      await tx.membership.delete({ where: { id: membership.id } });
      await recordAudit(tx, { partnershipId, actorId: userId, action: "membership.removed", subjectType: "Membership", subjectId: membership.id, data: { userId: membership.userId } });
      return membership;
    });
    // The removed person's open sockets stop receiving this partnership's events at once, and their
    // meeting, caucus and motion rooms are checked again on reconnect.
    realtime.removeUserFromRoom(removed.userId, partnershipRoom(partnershipId));
    realtime.recheckUserRooms(removed.userId);
    realtime.publish(partnershipRoom(partnershipId), "membership:removed", { partnershipId, membershipId });
    return { id: membershipId };
  }

  return {
    listMine,
    create,
    update,
    getHome,
    createOrganization,
    updateOrganization,
    removeOrganization,
    createCommittee,
    updateCommittee,
    getBody,
    setQuorumRule,
    setSeat,
    removeSeat,
    createInvitation,
    listInvitations,
    revokeInvitation,
    previewInvitation,
    acceptInvitation,
    removeMember,
  };
}
