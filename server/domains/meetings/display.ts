// Room displays (a projector in the meeting room): a co-chair creates a link for one meeting, shown
// once (only its SHA-256 is stored), and may revoke it, which also ends the displays using it. The
// display itself signs in as no person: the permission layer admits its token to that meeting only,
// read-only — what it reads is `getDisplay`, and the only rooms it may join are its meeting's.
import { recordAudit } from "../../audit/audit.js";
import { newToken } from "../../auth/tokens.js";
import type { AppDeps } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { meetingVoteForDisplay } from "../voting/voting.api.js";
import { quorumRuleOf } from "./attendance.js";
import { requireMeetingActor, lockMeeting, meetingChanged, type MeetingsDeps } from "./meetings.guards.js";
import { allowOrThrow, mayManageDisplays } from "./meetings.policy.js";
import { computeQuorum, isCaucusActive } from "./meetings.rules.js";
import type { CreateDisplayLinkInput, DisplayLinkIdInput, DisplayTokenInput, MeetingIdInput, MeetingStatus } from "./meetings.schema.js";

/** A co-chair creates a display link for the meeting; the link (with its token) is shown only now. */
export async function createDisplayLink(deps: MeetingsDeps, { userId, input }: { userId: string; input: CreateDisplayLinkInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayManageDisplays(actor, meeting));
  return inTransaction(deps, async (tx, effects) => {
    allowOrThrow(mayManageDisplays(actor, await lockMeeting(tx, meeting.id)));
    const { token, hash } = newToken();
    const link = await tx.meetingDisplayLink.create({ data: { meetingId: meeting.id, tokenHash: hash, label: input.label, createdById: userId }, select: { id: true } });
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "meeting.displayLinkCreated", subjectType: "Meeting", subjectId: meeting.id, data: { linkId: link.id } });
    meetingChanged(effects, meeting.id, "displays");
    return { id: link.id, token, path: `/display/${token}` };
  });
}

/** The meeting's display links, for its co-chairs (never a token: it is not stored). */
export async function listDisplayLinks(deps: Pick<AppDeps, "db" | "access">, { userId, input }: { userId: string; input: MeetingIdInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayManageDisplays(actor, { ...meeting, status: "LIVE" }));
  const links = await deps.db.meetingDisplayLink.findMany({ where: { meetingId: meeting.id }, orderBy: { createdAt: "desc" }, take: 50 });
  const users = await deps.db.user.findMany({ where: { id: { in: [...new Set(links.flatMap((l) => [l.createdById, l.revokedById ?? l.createdById]))] } }, select: { id: true, name: true } });
  const nameOf = (id: string | null) => users.find((u) => u.id === id)?.name ?? "A former member";
  return links.map((l) => ({ id: l.id, label: l.label, createdAt: l.createdAt, createdByName: nameOf(l.createdById), revokedAt: l.revokedAt, revokedByName: l.revokedById ? nameOf(l.revokedById) : null }));
}

/** A co-chair revokes a link: a conditional write (once), then every display using it is disconnected. */
export async function revokeDisplayLink(deps: MeetingsDeps & Pick<AppDeps, "realtime">, { userId, input }: { userId: string; input: DisplayLinkIdInput }) {
  const link = await deps.db.meetingDisplayLink.findUnique({ where: { id: input.linkId }, select: { id: true, meetingId: true } });
  if (!link) throw notFound("Display link");
  const { meeting, actor } = await requireMeetingActor(deps, userId, link.meetingId);
  // Revoking is always allowed to a co-chair, whatever the meeting's state.
  allowOrThrow(mayManageDisplays(actor, { ...meeting, status: "LIVE" }));
  await inTransaction(deps, async (tx, effects) => {
    const { count } = await tx.meetingDisplayLink.updateMany({ where: { id: link.id, revokedAt: null }, data: { revokedAt: new Date(), revokedById: userId } });
    if (!count) throw new AppError("PRECONDITION_FAILED", "This display link is already revoked.");
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "meeting.displayLinkRevoked", subjectType: "Meeting", subjectId: meeting.id, data: { linkId: link.id } });
    meetingChanged(effects, meeting.id, "displays");
  });
  // After commit: a display reconnecting now is refused, so ending its sockets ends it for good.
  deps.realtime.endDisplay(link.id);
  return { id: link.id };
}

/**
 * What the room display shows: the meeting, the current item and its time box, the speakers' queue by
 * side, quorum by side, and the current item's vote (secret: only how many voted) or its last result.
 * Names on the display are those the room sees anyway (speakers); no roster, no ballots, no minutes.
 */
export async function getDisplay(deps: Pick<AppDeps, "db" | "access">, { input }: { input: DisplayTokenInput }) {
  const { db } = deps;
  const display = await deps.access.requireDisplay(input.token);
  const now = new Date();
  const meeting = await db.meeting.findUniqueOrThrow({
    where: { id: display.meetingId },
    select: {
      id: true,
      title: true,
      status: true,
      timeZone: true,
      startsAt: true,
      currentItemId: true,
      currentItemStartedAt: true,
      caucusStartedAt: true,
      caucusEndsAt: true,
      partnership: { select: { name: true } },
      body: { select: { id: true, name: true, quorumMode: true, quorumLabor: true, quorumManagement: true } },
      items: { where: { status: "ACCEPTED" }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, title: true, timeBoxMinutes: true } },
      attendance: { select: { membershipId: true, status: true } },
      speakers: { where: { status: { in: ["WAITING", "SPEAKING"] } }, orderBy: { position: "asc" }, select: { id: true, status: true, membershipId: true } },
    },
  });
  const seats = await db.bodySeat.findMany({
    where: { bodyId: meeting.body.id },
    select: { isVoting: true, membershipId: true, membership: { select: { user: { select: { name: true } }, organization: { select: { side: true } } } } },
  });
  const attendance = new Map(meeting.attendance.map((a) => [a.membershipId, a.status]));
  const seatOf = new Map(seats.map((s) => [s.membershipId, s]));
  const index = meeting.items.findIndex((i) => i.id === meeting.currentItemId);
  const current = index >= 0 ? meeting.items[index]! : null;
  return {
    serverNow: now,
    meeting: {
      title: meeting.title,
      bodyName: meeting.body.name,
      partnershipName: meeting.partnership.name,
      status: meeting.status as MeetingStatus,
      startsAt: meeting.startsAt,
      timeZone: meeting.timeZone,
      caucusEndsAt: isCaucusActive(meeting, now) ? meeting.caucusEndsAt : null,
    },
    current: current
      ? { number: index + 1, title: current.title, timeBoxMinutes: current.timeBoxMinutes, startedAt: meeting.currentItemStartedAt }
      : null,
    next: index + 1 < meeting.items.length && meeting.status === "LIVE" ? { number: index + 2, title: meeting.items[index + 1]!.title } : null,
    itemCount: meeting.items.length,
    speakers: meeting.speakers.map((s) => ({
      id: s.id,
      status: s.status as "WAITING" | "SPEAKING",
      name: seatOf.get(s.membershipId)?.membership.user.name ?? "A former member",
      side: (seatOf.get(s.membershipId)?.membership.organization.side ?? "NEUTRAL") as "LABOR" | "MANAGEMENT" | "NEUTRAL",
    })),
    quorum: computeQuorum(
      quorumRuleOf(meeting.body),
      seats.filter((s) => s.isVoting).map((s) => ({ side: s.membership.organization.side, attendance: attendance.get(s.membershipId) ?? null })),
    ),
    vote: meeting.status === "LIVE" ? await meetingVoteForDisplay(db, { meetingId: meeting.id, agendaItemId: meeting.currentItemId }) : null,
  };
}
