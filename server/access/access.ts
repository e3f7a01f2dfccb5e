// The one permission layer. Every procedure, loader, action and socket room asks it; a read the
// user may not make answers NOT_FOUND (nothing is revealed), a change they may not make FORBIDDEN.
import type { Db } from "../db.js";
import { AppError, forbidden, notFound } from "../errors.js";
import { caucusRoom, draftRoom, meetingRoom, motionRoom, partnershipRoom, type RoomRef } from "../realtime/realtime.events.js";
import { hashToken, isTokenShaped } from "../auth/tokens.js";
import { canManageBody, canManagePartnership, mustUseTwoFactor, type MemberFacts, type SeatFacts, type Side } from "./access.rules.js";
import { TWO_FACTOR_REQUIRED } from "../domains/identity/identity.schema.js";
import { traineeVia } from "../domains/services/services.policy.js";

export type Access = ReturnType<typeof createAccess>;
/** A room display, as its link admits it: one meeting, read-only. */
export type DisplayFacts = { linkId: string; meetingId: string; partnershipId: string; bodyId: string };

/**
 * `rememberMembers`: a member's facts are read once per user and partnership for the life of this
 * object. Only for one request that changes nothing (a GET: a page and its loaders, a batch of tRPC
 * queries), which otherwise reads the same facts once per loader or query; see `depsFor` in
 * server/app.ts.
 */
export function createAccess(db: Db, options: { rememberMembers?: boolean } = {}) {
  const remembered = options.rememberMembers ? new Map<string, Promise<MemberFacts | null>>() : null;

  /**
   * The user's facts in a partnership, or null when they are not a member. Every permission check
   * starts here, so this is also where a partnership's two-factor requirement is enforced: a member it
   * applies to (`mustUseTwoFactor`) who has not turned two-factor sign-in on is refused everything in
   * the partnership (PRECONDITION_FAILED with TWO_FACTOR_REQUIRED, which pages turn into "set it up").
   */
  function getMember(userId: string, partnershipId: string): Promise<MemberFacts | null> {
    if (!remembered) return readMember(userId, partnershipId);
    const key = `${userId}\u0000${partnershipId}`;
    let facts = remembered.get(key);
    if (!facts) remembered.set(key, (facts = readMember(userId, partnershipId)));
    return facts;
  }

  async function readMember(userId: string, partnershipId: string): Promise<MemberFacts | null> {
    const membership = await db.membership.findUnique({
      where: { partnershipId_userId: { partnershipId, userId } },
      select: {
        id: true,
        organizationId: true,
        organization: { select: { side: true, type: true } },
        seats: {
          where: { OR: [{ body: { kind: "PARTNERSHIP" } }, { role: "CO_CHAIR" }] },
          select: { role: true, coChairSide: true, isVoting: true, body: { select: { kind: true } } },
        },
        partnership: { select: { twoFactorRequired: true } },
        serviceReviewer: { select: { id: true } },
        user: { select: { twoFactor: { select: { enabledAt: true } } } },
      },
    });
    if (!membership) return null;
    const top = membership.seats.find((s) => s.body.kind === "PARTNERSHIP");
    if (
      membership.partnership.twoFactorRequired &&
      !membership.user.twoFactor?.enabledAt &&
      mustUseTwoFactor({
        isCoChair: membership.seats.some((s) => s.role === "CO_CHAIR"),
        isCbo: membership.organization.type === "CBO",
        isReviewer: membership.serviceReviewer !== null,
      })
    ) {
      throw new AppError("PRECONDITION_FAILED", TWO_FACTOR_REQUIRED);
    }
    return {
      userId,
      partnershipId,
      membershipId: membership.id,
      organizationId: membership.organizationId,
      side: membership.organization.side as Side,
      partnershipSeat: top ? ({ role: top.role, coChairSide: top.coChairSide, isVoting: top.isVoting } as SeatFacts) : null,
    };
  }

  async function requireMember(userId: string, partnershipId: string): Promise<MemberFacts> {
    const member = await getMember(userId, partnershipId);
    if (!member) throw notFound("Partnership");
    return member;
  }

  async function requirePartnershipManager(userId: string, partnershipId: string): Promise<MemberFacts> {
    const member = await requireMember(userId, partnershipId);
    if (!canManagePartnership(member)) throw forbidden("Only the partnership's co-chairs can do that.");
    return member;
  }

  /** Resolves a body (partnership or committee) the user can read, or NOT_FOUND. */
  async function requireBodyMember(userId: string, bodyId: string) {
    const body = await db.body.findUnique({ where: { id: bodyId }, select: { id: true, partnershipId: true, kind: true } });
    if (!body) throw notFound("Committee");
    const member = await getMember(userId, body.partnershipId);
    if (!member) throw notFound("Committee");
    return { body, member };
  }

  async function requireBodyManager(userId: string, bodyId: string) {
    const { body, member } = await requireBodyMember(userId, bodyId);
    const seat = await db.bodySeat.findUnique({
      where: { bodyId_membershipId: { bodyId, membershipId: member.membershipId } },
      select: { role: true, coChairSide: true, isVoting: true },
    });
    if (!canManageBody(member, seat as SeatFacts | null)) {
      throw forbidden("Only the partnership's co-chairs or this committee's co-chairs can do that.");
    }
    return { body, member };
  }

  /**
   * A meeting and the asker's seat on its body. Only members of the body see its meetings: anyone
   * else gets NOT_FOUND, as if it did not exist.
   */
  async function requireMeetingSeat(userId: string, meetingId: string) {
    const found = await db.meeting.findUnique({ where: { id: meetingId }, select: { id: true, bodyId: true, partnershipId: true, body: { select: bodyWithSeatOf(userId) } } });
    if (!found) throw notFound("Meeting");
    const { body, ...meeting } = found;
    return { meeting, ...(await seatOnBody(userId, body, "Meeting")) };
  }

  /** A motion and the asker's seat on its body: only the body's members see its motions. */
  async function requireMotionSeat(userId: string, motionId: string) {
    const found = await db.motion.findUnique({ where: { id: motionId }, select: { id: true, bodyId: true, body: { select: bodyWithSeatOf(userId) } } });
    if (!found) throw notFound("Motion");
    const { body, ...motion } = found;
    return { motion, ...(await seatOnBody(userId, body, "Motion")) };
  }

  /** The asker's seat on a body (needed to see its meetings), or NOT_FOUND. */
  async function requireBodySeat(userId: string, bodyId: string, what = "Committee") {
    const body = await db.body.findUnique({ where: { id: bodyId }, select: bodyWithSeatOf(userId) });
    if (!body) throw notFound(what);
    return seatOnBody(userId, body, what);
  }

  /**
   * The body's columns the guards hand on, with the user's seat on it read in the same statement. A
   * user has one membership per partnership and a seat's membership is always of the body's partnership
   * (composite foreign keys), so "the seat whose membership is the user's" is the seat of their membership.
   */
  function bodyWithSeatOf(userId: string) {
    return {
      id: true,
      partnershipId: true,
      kind: true,
      name: true,
      quorumMode: true,
      quorumLabor: true,
      quorumManagement: true,
      seats: { where: { membership: { userId } }, select: { role: true, coChairSide: true, isVoting: true, membershipId: true }, take: 1 },
    } as const;
  }

  /** The member's facts (two-factor rule included) and their seat on a body read by bodyWithSeatOf, or NOT_FOUND. */
  async function seatOnBody<B extends { partnershipId: string; seats: Array<{ role: string; coChairSide: string | null; isVoting: boolean; membershipId: string }> }>(userId: string, found: B, what: string) {
    const { seats, ...body } = found;
    const member = await getMember(userId, body.partnershipId);
    if (!member) throw notFound(what);
    const row = seats.find((s) => s.membershipId === member.membershipId);
    if (!row) throw notFound(what);
    const seat: SeatFacts = { role: row.role, coChairSide: row.coChairSide, isVoting: row.isVoting } as SeatFacts;
    return { body, member, seat };
  }

  /** The concrete room a client may join for `ref`, or a NOT_FOUND/FORBIDDEN error. */
  async function roomFor(userId: string, ref: RoomRef): Promise<string> {
    switch (ref.kind) {
      case "partnership":
        await requireMember(userId, ref.id);
        return partnershipRoom(ref.id);
      case "meeting":
        await requireMeetingSeat(userId, ref.id);
        return meetingRoom(ref.id);
      case "caucus": {
        const { member } = await requireMeetingSeat(userId, ref.id);
        if (member.side === "NEUTRAL") throw forbidden("Caucuses are for the labor and the management side.");
        return caucusRoom(ref.id, member.side);
      }
      case "motion":
        await requireMotionSeat(userId, ref.id);
        return motionRoom(ref.id);
      case "draft":
        await requireDraftSeat(userId, ref.id);
        return draftRoom(ref.id);
      default:
        throw new AppError("BAD_REQUEST", "Unknown room.");
    }
  }

  // ─── room displays ──────────────────────────────────────────────────────────
  // A projector signs in as no person: its link's token (only its hash is stored) admits it to one
  // meeting, read-only. Anything else — another meeting, a revoked or unknown link — is NOT_FOUND.

  /** The display link behind a token, while it is not revoked, and its meeting. */
  async function requireDisplay(token: string): Promise<DisplayFacts> {
    if (!isTokenShaped(token)) throw notFound("Display");
    const link = await db.meetingDisplayLink.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, revokedAt: true, meeting: { select: { id: true, partnershipId: true, bodyId: true } } },
    });
    if (!link || link.revokedAt) throw notFound("Display");
    return { linkId: link.id, meetingId: link.meeting.id, partnershipId: link.meeting.partnershipId, bodyId: link.meeting.bodyId };
  }

  /** The room a display may join: its meeting's motions (its meeting's own room it joins on connecting). */
  async function displayRoomFor(display: DisplayFacts, ref: RoomRef): Promise<string> {
    if (ref.kind === "motion") {
      const motion = await db.motion.findUnique({ where: { id: ref.id }, select: { meetingId: true } });
      if (motion && motion.meetingId === display.meetingId) return motionRoom(ref.id);
    }
    throw notFound("Room");
  }

  return {
    getMember,
    requireDisplay,
    displayRoomFor,
    requireMember,
    requirePartnershipManager,
    requireBodyMember,
    requireBodyManager,
    requireBodySeat,
    requireMeetingSeat,
    requireMotionSeat,
    requireDraftSeat,
    requireServicesActor,
    requireServiceRequest,
    requireTrainee,
    roomFor,
  };

  // ─── drafts ─────────────────────────────────────────────────────────────────

  /** A curriculum draft and the asker's seat on its body: only the body's members see its drafts. */
  async function requireDraftSeat(userId: string, draftId: string) {
    const found = await db.draft.findUnique({ where: { id: draftId }, select: { id: true, bodyId: true, partnershipId: true, body: { select: bodyWithSeatOf(userId) } } });
    if (!found) throw notFound("Draft");
    const { body, ...draft } = found;
    return { draft, ...(await seatOnBody(userId, body, "Draft")) };
  }

  // ─── services ───────────────────────────────────────────────────────────────
  // Trainees are personal data: only the owning CBO, CBOs it granted access, and the partnership's
  // designated reviewers see them; every other member sees counts and totals. List queries filter with
  // the `visible*` where-clauses below, in the query itself.

  /** Who the asker is for supportive services: their organization, and whether they review or manage. */
  async function requireServicesActor(userId: string, partnershipId: string) {
    const member = await requireMember(userId, partnershipId);
    const [organization, reviewer] = await Promise.all([
      db.organization.findUniqueOrThrow({ where: { id: member.organizationId }, select: { id: true, type: true, name: true } }),
      db.serviceReviewer.findUnique({ where: { partnershipId_membershipId: { partnershipId, membershipId: member.membershipId } }, select: { id: true } }),
    ]);
    const role = member.partnershipSeat?.role;
    const organizationId = member.organizationId;
    return {
      member,
      organization,
      isCbo: organization.type === "CBO",
      isReviewer: Boolean(reviewer),
      /** Co-chairs and staff keep the funds, the target and the list of reviewers. */
      canManage: role === "CO_CHAIR" || role === "STAFF",
      // Reviewers see what was sent for review (never a CBO's drafts), and the trainees concerned.
      visibleTrainees: {
        partnershipId,
        OR: [
          { organizationId },
          { grants: { some: { organizationId } } },
          ...(reviewer ? [{ requests: { some: { status: { not: "DRAFT" } } } }] : []),
        ],
      },
      visibleRequests: {
        partnershipId,
        OR: [{ organizationId }, { trainee: { organizationId } }, ...(reviewer ? [{ status: { not: "DRAFT" } }] : [])],
      },
    };
  }
  type ServicesActor = Awaited<ReturnType<typeof requireServicesActor>>;

  /**
   * A request the asker may see, or NOT_FOUND. `asRequester`: the asker belongs to the requesting
   * organization (which always sees its own requests: amounts and status). `traineeVia`: whether and how
   * the asker may see the request's trainee — the requesting organization only while it owns the
   * trainee or holds the owner's grant, so a revoked grant hides the trainee from its requests too.
   */
  async function requireServiceRequest(userId: string, requestId: string) {
    const found = await db.serviceRequest.findUnique({ where: { id: requestId }, select: { id: true, partnershipId: true } });
    if (!found) throw notFound("Request");
    const member = await getMember(userId, found.partnershipId);
    if (!member) throw notFound("Request");
    const actor: ServicesActor = await requireServicesActor(userId, found.partnershipId);
    const orgId = actor.member.organizationId;
    const row = await db.serviceRequest.findFirst({
      where: { id: requestId, ...actor.visibleRequests },
      include: { trainee: { select: { organizationId: true, grants: { where: { organizationId: orgId }, select: { id: true } } } } },
    });
    if (!row) throw notFound("Request");
    const { trainee, ...request } = row;
    const via = traineeVia({
      viewerOrganizationId: orgId,
      ownerOrganizationId: trainee.organizationId,
      hasGrant: trainee.grants.length > 0,
      isReviewer: actor.isReviewer,
      underReview: request.status !== "DRAFT",
    });
    return { actor, request, asRequester: request.organizationId === orgId, traineeVia: via, traineeOwnerId: trainee.organizationId };
  }

  /**
   * A trainee the asker may see, or NOT_FOUND. `via` says how: OWNER (the recording CBO), GRANTED (a CBO
   * given access) or REVIEWER (a designated reviewer; the caller logs the read).
   */
  async function requireTrainee(userId: string, traineeId: string) {
    const found = await db.trainee.findUnique({ where: { id: traineeId }, select: { partnershipId: true } });
    if (!found) throw notFound("Trainee");
    const member = await getMember(userId, found.partnershipId);
    if (!member) throw notFound("Trainee");
    const actor: ServicesActor = await requireServicesActor(userId, found.partnershipId);
    const orgId = actor.member.organizationId;
    const row = await db.trainee.findFirst({
      where: { id: traineeId, ...actor.visibleTrainees },
      include: { grants: { where: { organizationId: orgId }, select: { id: true } } },
    });
    if (!row) throw notFound("Trainee");
    const { grants, ...trainee } = row;
    // visibleTrainees admits a reviewer only for a trainee with a request past its draft.
    const via = traineeVia({ viewerOrganizationId: orgId, ownerOrganizationId: trainee.organizationId, hasGrant: grants.length > 0, isReviewer: actor.isReviewer, underReview: true });
    if (!via) throw notFound("Trainee");
    return { actor, trainee, via };
  }
}
