// Invitations: single-use links (only the token's hash is stored) for one e-mail address, which make
// the person who accepts them a member with the invitation's seat on the top body.
import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "../../audit/audit.js";
import type { Tx } from "../../db.js";
import type { AppDeps } from "../../deps.js";
import { AppError, isUniqueViolation, notFound } from "../../errors.js";
import { partnershipRoom } from "../../realtime/realtime.events.js";
import { directMailStates } from "../../mail/deliveries.js";
import { resolveLocale } from "../../mail/templates/i18n.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { confirmAddressByLink } from "../identity/identity.api.js";
import { checkParity } from "./partnerships.api.js";
import { lockOrganization, lockTopBody, recheckPartnershipManager, seatOrThrow, type PartnershipsDeps } from "./partnerships.guards.js";
import { invitationAcceptRefusal, invitationSideRefusal } from "./partnerships.policy.js";
import { invitationState, seatForInvitation } from "./partnerships.rules.js";
import { PARTNERSHIP_ROLES, type CreateInvitationInput, type PartnershipRole } from "./partnerships.schema.js";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const fieldConflict = (field: string, message: string) => new AppError("CONFLICT", message, { fieldErrors: { [field]: [message] } });

/**
 * Creates an invitation and mails its link to the invited address, in the same transaction (the mail
 * goes out once, after commit, with retries). The link is also returned to the co-chair who made it,
 * and only to them (never logged, never stored: only its hash is): the mail may land in a spam folder,
 * and the link is bound to the invited address anyway.
 */
export async function createInvitation(
  deps: PartnershipsDeps & Pick<AppDeps, "config">,
  { userId, input }: { userId: string; input: CreateInvitationInput },
) {
  await deps.access.requirePartnershipManager(userId, input.partnershipId);
  const token = randomBytes(32).toString("base64url");
  const link = `${deps.config.appOrigin}/invitations/${token}`;
  const invitation = await inTransaction(deps, async (tx, effects) => {
    const { topBodyId, member } = await recheckPartnershipManager(tx, userId, input.partnershipId);
    const org = await tx.organization.findFirst({ where: { id: input.organizationId, partnershipId: input.partnershipId }, select: { id: true, side: true } });
    if (!org) {
      const message = "Choose an organization of this partnership.";
      throw new AppError("BAD_REQUEST", message, { fieldErrors: { organizationId: [message] } });
    }
    const otherSideHasCoChair = org.side !== "NEUTRAL" && (await tx.bodySeat.count({ where: { bodyId: topBodyId, coChairSide: org.side } })) > 0;
    const sideRefusal = invitationSideRefusal({ inviterSide: member.side, organizationSide: org.side as "LABOR" | "MANAGEMENT" | "NEUTRAL", otherSideHasCoChair });
    if (sideRefusal) throw new AppError("FORBIDDEN", sideRefusal, { fieldErrors: { organizationId: [sideRefusal] } });
    const seat = seatOrThrow(seatForInvitation(input.role, org.side as "LABOR" | "MANAGEMENT" | "NEUTRAL"));
    // Courtesy checks (the link would be refused on acceptance anyway, by the same unique keys).
    if (seat.role === "CO_CHAIR") {
      const held = await tx.bodySeat.findFirst({ where: { partnershipId: input.partnershipId, body: { kind: "PARTNERSHIP" }, coChairSide: seat.coChairSide } });
      if (held) throw fieldConflict("role", "That co-chair seat is already held.");
    }
    const alreadyMember = await tx.membership.findFirst({ where: { partnershipId: input.partnershipId, user: { email: input.email } } });
    if (alreadyMember) throw fieldConflict("email", "This person is already a member of the partnership.");
    const inv = await tx.invitation.create({
      data: {
        partnershipId: input.partnershipId,
        organizationId: org.id,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + deps.config.INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000),
        invitedById: userId,
      },
      include: { partnership: { select: { name: true } }, invitedBy: { select: { name: true } } },
    });
    await recordAudit(tx, { partnershipId: input.partnershipId, actorId: userId, action: "invitation.created", subjectType: "Invitation", subjectId: inv.id, data: { email: inv.email, role: inv.role } });
    const invitee = await tx.user.findUnique({ where: { email: inv.email }, select: { id: true, name: true, locale: true } });
    const roleLabel = PARTNERSHIP_ROLES[inv.role as PartnershipRole].toLowerCase();
    if (invitee) {
      effects.notify([invitee.id], "invitation.received", {
        partnershipId: inv.partnershipId,
        partnershipName: inv.partnership.name,
        invitedByName: inv.invitedBy.name,
        roleLabel,
        link: `/invitations/${token}`,
      });
    }
    effects.mail({
      to: { email: inv.email, ...(invitee ? { name: invitee.name, userId: invitee.id } : {}) },
      template: "invitation",
      data: { partnershipName: inv.partnership.name, invitedByName: inv.invitedBy.name, roleLabel, role: inv.role as PartnershipRole, path: `/invitations/${token}`, expiresAt: inv.expiresAt.toISOString() },
      // In the invitee's language: their account's, else the one the inviter chose for them.
      locale: invitee ? resolveLocale(invitee.locale) : resolveLocale(input.locale),
    });
    effects.publish(partnershipRoom(input.partnershipId), "partnership:changed", { partnershipId: input.partnershipId });
    return inv;
  });
  return { id: invitation.id, email: invitation.email, link, expiresAt: invitation.expiresAt };
}

/** The partnership's latest invitations with their states, for its co-chairs. */
export async function listInvitations(deps: Pick<PartnershipsDeps, "db" | "access">, { userId, input }: { userId: string; input: { partnershipId: string } }) {
  await deps.access.requirePartnershipManager(userId, input.partnershipId);
  const rows = await deps.db.invitation.findMany({
    where: { partnershipId: input.partnershipId },
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
  const mails = await directMailStates(deps.db, "invitation", rows.map((r) => ({ toAddress: r.email, since: r.createdAt })));
  return rows.map((r, i) => ({ ...r, role: r.role as PartnershipRole, state: invitationState(r, now), mail: mails[i]! }));
}

/** Withdraws a pending invitation: a conditional write, so one that was accepted meanwhile stays accepted. */
export async function revokeInvitation(deps: PartnershipsDeps, { userId, input }: { userId: string; input: { partnershipId: string; invitationId: string } }) {
  const { partnershipId, invitationId } = input;
  await deps.access.requirePartnershipManager(userId, partnershipId);
  return inTransaction(deps, async (tx, effects) => {
    await recheckPartnershipManager(tx, userId, partnershipId);
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, partnershipId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (!count) throw notFound("Pending invitation");
    await recordAudit(tx, { partnershipId, actorId: userId, action: "invitation.revoked", subjectType: "Invitation", subjectId: invitationId });
    effects.publish(partnershipRoom(partnershipId), "partnership:changed", { partnershipId });
    return { id: invitationId };
  });
}

const INVITATION_SELECT = {
  id: true,
  partnershipId: true,
  organizationId: true,
  email: true,
  role: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  invitedById: true,
  partnership: { select: { name: true } },
  organization: { select: { id: true, name: true, side: true } },
  invitedBy: { select: { name: true } },
} as const;

function findInvitation(client: Pick<Tx, "invitation">, token: string) {
  return client.invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: INVITATION_SELECT });
}

/** The address a still-pending invitation was mailed to, or null (for sign-up from the invitation's link). */
export async function pendingInvitationEmail(db: Pick<Tx, "invitation">, token: string): Promise<string | null> {
  const inv = await findInvitation(db, token);
  return inv && invitationState(inv, new Date()) === "PENDING" ? inv.email : null;
}

/** What the invitation page shows to whoever holds the link (the link itself is the credential). */
export async function previewInvitation(deps: Pick<PartnershipsDeps, "db">, { input }: { input: { token: string } }) {
  const inv = await findInvitation(deps.db, input.token);
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

/**
 * Makes the invited user a member with the invitation's seat. Single use: the claim is a conditional
 * write, so of several accepts at once exactly one gets through; a refused one is told why from the
 * invitation as it now stands (used, withdrawn, expired). One membership per person and one co-chair
 * per side are unique keys, mapped to clear refusals.
 */
export async function acceptInvitation(deps: PartnershipsDeps, { userId, input }: { userId: string; input: { token: string } }) {
  const inv = await findInvitation(deps.db, input.token);
  if (!inv) throw notFound("Invitation");
  const user = await deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
  const refusal = invitationAcceptRefusal(inv, user, new Date());
  if (refusal) throw new AppError(refusal.code, refusal.message);
  return inTransaction(deps, async (tx, effects) => {
    // FOR UPDATE when the top body counts its voting seats per side (equal representation), so two
    // acceptances take turns counting; FOR SHARE otherwise.
    const parity = await tx.body.findFirst({ where: { partnershipId: inv.partnershipId, kind: "PARTNERSHIP" }, select: { equalRepresentation: true } });
    const topBodyId = await lockTopBody(tx, inv.partnershipId, parity?.equalRepresentation ? "UPDATE" : "SHARE");
    // Its side cannot change (nor can it be removed) until this membership is in.
    const org = await lockOrganization(tx, inv.partnershipId, inv.organizationId, "SHARE");
    const claimed = await tx.invitation.updateMany({
      where: { id: inv.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date(), acceptedById: userId },
    });
    if (!org || !claimed.count) throw await claimRefusal(tx, inv.id, user);
    const seat = seatOrThrow(seatForInvitation(inv.role as PartnershipRole, org.side));
    const m = await tx.membership.create({ data: { partnershipId: inv.partnershipId, userId, organizationId: org.id } });
    await checkParity(tx, topBodyId, { membershipId: m.id, side: org.side, voting: seat.isVoting && (seat.role === "CO_CHAIR" || seat.role === "MEMBER") });
    await tx.bodySeat.create({ data: { partnershipId: inv.partnershipId, bodyId: topBodyId, membershipId: m.id, ...seat } });
    // The link reached this address's mailbox, and the account has the same address: confirmed.
    await confirmAddressByLink(tx, { userId, email: inv.email });
    await recordAudit(tx, { partnershipId: inv.partnershipId, actorId: userId, action: "invitation.accepted", subjectType: "Invitation", subjectId: inv.id, data: { membershipId: m.id } });
    effects.publish(partnershipRoom(inv.partnershipId), "membership:joined", { partnershipId: inv.partnershipId, membershipId: m.id, name: user.name });
    const coChairs = await tx.bodySeat.findMany({
      where: { bodyId: topBodyId, role: "CO_CHAIR" },
      select: { membership: { select: { userId: true } } },
    });
    effects.notify([inv.invitedById, ...coChairs.map((s) => s.membership.userId)].filter((id) => id !== userId), "membership.joined", {
      partnershipId: inv.partnershipId,
      partnershipName: inv.partnership.name,
      memberName: user.name,
      organizationName: org.name,
    });
    return { partnershipId: inv.partnershipId, membershipId: m.id };
  }).catch((error: unknown) => {
    if (!isUniqueViolation(error)) throw error;
    // meta is an object (with the driver adapter: driverAdapterError.cause.constraint.fields), so
    // search its JSON; String(meta) would be "[object Object]".
    const inPartnership = /userId/.test(JSON.stringify((error as { meta?: unknown }).meta ?? {}));
    throw new AppError(
      "CONFLICT",
      inPartnership ? "You are already a member of this partnership." : "That co-chair seat was filled in the meantime. Ask for a new invitation.",
    );
  });
}

/** Why a claim found nothing to claim, from the invitation as it stands now (another request changed it). */
async function claimRefusal(tx: Tx, invitationId: string, user: { email: string }): Promise<AppError> {
  const now = await tx.invitation.findUnique({ where: { id: invitationId }, select: { email: true, acceptedAt: true, revokedAt: true, expiresAt: true } });
  if (!now) return notFound("Invitation");
  const refusal = invitationAcceptRefusal(now, user, new Date());
  return new AppError(refusal?.code ?? "PRECONDITION_FAILED", refusal?.message ?? "This invitation has already been used.");
}
