// What the meetings pages read: the list of a partnership's meetings, the bodies a user may schedule
// for, the meeting page (also the printable minutes) and a user's open action items. Every read goes
// through the permission layer and filters in its query.
import type { SeatFacts } from "../../access/access.rules.js";
import type { AppDeps } from "../../deps.js";
import { agendaChanges, agendaSnapshot, parseAgendaSnapshot } from "./agenda-changes.rules.js";
import { quorumRuleOf } from "./attendance.js";
import { viewerFlags, type MeetingActor } from "./meetings.policy.js";
import { approvalState, computeQuorum, isCaucusActive, type CoChairSide } from "./meetings.rules.js";
import type { ActionStatus, AgendaItemKind, AttendanceStatus, ListMeetingsInput, MeetingIdInput, MeetingStatus, PartnershipIdInput, VoteDecision } from "./meetings.schema.js";

type ReadDeps = Pick<AppDeps, "db" | "access">;

/** Meetings of the bodies the user sits on, in one partnership (filtered in the query). */
export async function listMeetings({ db, access }: ReadDeps, { userId, input }: { userId: string; input: ListMeetingsInput }) {
  const { partnershipId, bodyId } = input;
  await access.requireMember(userId, partnershipId);
  const rows = await db.meeting.findMany({
    where: { partnershipId, ...(bodyId ? { bodyId } : {}), body: { seats: { some: { membership: { userId } } } } },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      title: true,
      startsAt: true,
      timeZone: true,
      durationMinutes: true,
      location: true,
      status: true,
      agendaVersion: true,
      publishedVersion: true,
      minutesApprovedAt: true,
      body: { select: { id: true, name: true, kind: true } },
      _count: { select: { items: { where: { status: "ACCEPTED" } } } },
    },
  });
  const now = Date.now();
  const view = rows.map(({ _count, ...m }) => ({
    ...m,
    status: m.status as MeetingStatus,
    itemCount: _count.items,
    isAgendaPublished: m.publishedVersion === m.agendaVersion,
  }));
  const isPast = (m: (typeof view)[number]) =>
    m.status === "ADJOURNED" || m.status === "CANCELLED" || (m.status === "SCHEDULED" && m.startsAt.getTime() + m.durationMinutes * 60_000 < now);
  return { upcoming: view.filter((m) => !isPast(m)), past: view.filter(isPast).reverse() };
}

/** Bodies where the user may schedule meetings (for the schedule form). */
export async function listSchedulableBodies({ db, access }: ReadDeps, { userId, input }: { userId: string; input: PartnershipIdInput }) {
  const { partnershipId } = input;
  await access.requireMember(userId, partnershipId);
  const seats = await db.bodySeat.findMany({
    where: { partnershipId, role: { in: ["CO_CHAIR", "STAFF"] }, membership: { userId } },
    select: { body: { select: { id: true, name: true, kind: true } } },
    orderBy: { body: { name: "asc" } },
  });
  return seats.map((s) => s.body);
}

/** The meeting page (and the printable minutes): everything the viewer may see, and what they may do. */
export async function getMeeting({ db, access }: ReadDeps, { userId, input }: { userId: string; input: MeetingIdInput }) {
  const { meetingId } = input;
  const { body, member, seat } = await access.requireMeetingSeat(userId, meetingId);
  const meeting = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    include: {
      items: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
      agendaApprovals: { orderBy: { createdAt: "asc" } },
      minutesApprovals: { orderBy: { createdAt: "asc" } },
      attendance: true,
      speakers: {
        where: { status: { in: ["WAITING", "SPEAKING"] } },
        orderBy: { position: "asc" },
        select: { id: true, status: true, membershipId: true, createdAt: true },
      },
      decisions: { orderBy: { createdAt: "asc" } },
      actionItems: { orderBy: { createdAt: "asc" } },
    },
  });
  const seats = await db.bodySeat.findMany({
    where: { bodyId: body.id },
    select: {
      role: true,
      coChairSide: true,
      isVoting: true,
      membership: { select: { id: true, user: { select: { id: true, name: true } }, organization: { select: { side: true, name: true } } } },
    },
  });
  const attendanceBy = new Map(meeting.attendance.map((a) => [a.membershipId, a]));
  const roster = seats
    .map((s) => ({
      membershipId: s.membership.id,
      userId: s.membership.user.id,
      name: s.membership.user.name,
      organizationName: s.membership.organization.name,
      side: s.membership.organization.side as "LABOR" | "MANAGEMENT" | "NEUTRAL",
      role: s.role as SeatFacts["role"],
      coChairSide: s.coChairSide as CoChairSide | null,
      isVoting: s.isVoting,
      attendance: (attendanceBy.get(s.membership.id)?.status ?? null) as AttendanceStatus | null,
      checkedInSelf: attendanceBy.get(s.membership.id)?.checkedInSelf ?? false,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const byMembership = new Map(roster.map((r) => [r.membershipId, r]));
  const userNames = new Map(roster.map((r) => [r.userId, r.name]));
  const missingUsers = [...meeting.agendaApprovals, ...meeting.minutesApprovals, ...meeting.items.map((i) => ({ userId: i.proposedById }))]
    .map((a) => a.userId)
    .filter((id) => !userNames.has(id));
  if (missingUsers.length) {
    for (const u of await db.user.findMany({ where: { id: { in: [...new Set(missingUsers)] } }, select: { id: true, name: true } })) {
      userNames.set(u.id, u.name);
    }
  }
  const nameOf = (id: string) => userNames.get(id) ?? "A former member";
  const rule = quorumRuleOf(body);
  const actor: MeetingActor = { seat, membershipId: member.membershipId, side: member.side };
  const flags = viewerFlags(actor, meeting);
  const isChair = flags.canChair;
  const now = new Date();
  const items = meeting.items.map((i) => ({
    id: i.id,
    title: i.title,
    description: i.description,
    presenter: i.presenter,
    timeBoxMinutes: i.timeBoxMinutes,
    kind: i.kind as AgendaItemKind,
    links: i.links as Array<{ label: string; url: string }>,
    status: i.status as "PROPOSED" | "ACCEPTED" | "REJECTED",
    // A rejection's reason is for the proposer and the co-chairs.
    rejectionReason: isChair || i.proposedById === userId ? i.rejectionReason : null,
    proposedById: i.proposedById,
    proposedByName: nameOf(i.proposedById),
    minutes: i.minutes,
    minutesRevision: i.minutesRevision,
  }));
  const agendaState = approvalState(meeting.agendaVersion, meeting.agendaApprovals);
  const minutesState = approvalState(meeting.minutesVersion, meeting.minutesApprovals);
  const approvalView = (a: { side: string; version: number; userId: string; createdAt: Date }) => ({
    side: a.side as CoChairSide,
    version: a.version,
    userName: nameOf(a.userId),
    createdAt: a.createdAt,
  });
  // For each side whose co-chair approved an earlier version (and not this one): what changed since.
  const acceptedNow = agendaSnapshot(meeting.items.filter((i) => i.status === "ACCEPTED"));
  const changedSinceApproval = agendaState.waitingFor.flatMap((side) => {
    const last = meeting.agendaApprovals.filter((a) => a.side === side).at(-1);
    if (!last) return [];
    const before = parseAgendaSnapshot(last.items);
    return [{ side, userName: nameOf(last.userId), approvedAt: last.createdAt, changes: before ? agendaChanges(before, acceptedNow) : null }];
  });
  return {
    serverNow: now,
    meeting: {
      id: meeting.id,
      partnershipId: meeting.partnershipId,
      title: meeting.title,
      startsAt: meeting.startsAt,
      timeZone: meeting.timeZone,
      durationMinutes: meeting.durationMinutes,
      location: meeting.location,
      videoUrl: meeting.videoUrl,
      status: meeting.status as MeetingStatus,
      startedAt: meeting.startedAt,
      adjournedAt: meeting.adjournedAt,
      currentItemId: meeting.currentItemId,
      currentItemStartedAt: meeting.currentItemStartedAt,
      caucusStartedAt: meeting.caucusStartedAt,
      caucusEndsAt: isCaucusActive(meeting, now) ? meeting.caucusEndsAt : null,
      noteTakerMembershipId: meeting.noteTakerMembershipId,
    },
    body: { id: body.id, name: body.name, kind: body.kind as "PARTNERSHIP" | "COMMITTEE", quorumRule: rule },
    viewer: {
      membershipId: member.membershipId,
      side: member.side,
      role: seat.role,
      coChairSide: seat.coChairSide,
      ...flags,
    },
    agenda: {
      version: meeting.agendaVersion,
      publishedVersion: meeting.publishedVersion,
      isPublished: meeting.publishedVersion === meeting.agendaVersion,
      approvedSides: agendaState.approvedSides,
      waitingFor: agendaState.waitingFor,
      approvals: meeting.agendaApprovals.map(approvalView),
      /** What changed since each waiting side's co-chair last approved (null: that approval kept no snapshot). */
      changedSinceApproval,
      items: items.filter((i) => i.status === "ACCEPTED"),
      proposals: items.filter((i) => i.status === "PROPOSED"),
      rejected: items.filter((i) => i.status === "REJECTED" && (isChair || i.proposedById === userId)),
    },
    roster,
    quorum: computeQuorum(
      rule,
      roster.filter((r) => r.isVoting).map((r) => ({ side: r.side, attendance: r.attendance })),
    ),
    speakers: meeting.speakers.map((s) => ({
      id: s.id,
      status: s.status as "WAITING" | "SPEAKING",
      membershipId: s.membershipId,
      name: byMembership.get(s.membershipId)?.name ?? "A former member",
      side: byMembership.get(s.membershipId)?.side ?? "NEUTRAL",
    })),
    decisions: meeting.decisions.map((d) => ({
      id: d.id,
      agendaItemId: d.agendaItemId,
      text: d.text,
      vote: (d.vote as VoteDecision | null) ?? null,
      quorum: d.quorum as ReturnType<typeof computeQuorum>,
      createdAt: d.createdAt,
    })),
    actionItems: meeting.actionItems.map((a) => ({
      id: a.id,
      agendaItemId: a.agendaItemId,
      text: a.text,
      ownerMembershipId: a.ownerMembershipId,
      ownerName: byMembership.get(a.ownerMembershipId)?.name ?? "A former member",
      dueDate: a.dueDate,
      status: a.status as ActionStatus,
    })),
    minutes: {
      version: meeting.minutesVersion,
      approvedAt: meeting.minutesApprovedAt,
      /** Both co-chairs' approvals, or (without them) a motion of the body that passed. */
      approvedBy: meeting.minutesApprovedAt ? (minutesState.approvedSides.length === 2 ? ("CO_CHAIRS" as const) : ("VOTE" as const)) : null,
      approvedSides: minutesState.approvedSides,
      waitingFor: minutesState.waitingFor,
      approvals: meeting.minutesApprovals.map(approvalView),
    },
  };
}
