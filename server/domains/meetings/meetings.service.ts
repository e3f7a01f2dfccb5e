// Use cases of meetings: scheduling, building and jointly approving the agenda, running the meeting
// live (current item, caucus, speakers' queue, attendance), minutes, decisions and action items.
// Each: permission check → transaction (with audit) → publish after commit.
import type { Access } from "../../access/access.js";
import { canChair, canScheduleMeetings, canTakePart, canWriteMinutes, type SeatFacts } from "../../access/access.rules.js";
import { recordAudit } from "../../audit/audit.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db.js";
import { AppError, forbidden, isUniqueViolation, notFound } from "../../errors.js";
import type { Realtime } from "../../realtime/realtime.js";
import { meetingRoom, partnershipRoom } from "../../realtime/realtime.events.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import type { MeetingPart } from "./meetings.events.js";
import {
  approvalState,
  computeQuorum,
  isCaucusActive,
  zonedLocalToUtc,
  type CoChairSide,
  type QuorumRule,
} from "./meetings.rules.js";
import {
  AGENDA_MAX_ITEMS,
  type ActionStatus,
  type AgendaItemKind,
  type AttendanceStatus,
  type EditItemInput,
  type MeetingStatus,
  type ProposeItemInput,
  type ScheduleMeetingInput,
  type UpdateMeetingInput,
} from "./meetings.schema.js";
import { meetingCalendar } from "./meetings.calendar.js";

type Deps = {
  db: Db;
  access: Access;
  realtime: Pick<Realtime, "publish">;
  notifications: Pick<NotificationsService, "notify">;
  config: Config;
};

export type MeetingsService = ReturnType<typeof createMeetingsService>;

/** Self check-in within this long after the start counts as on time. */
const LATE_AFTER_MS = 10 * 60_000;

export function createMeetingsService({ db, access, realtime, notifications, config }: Deps) {
  const changed = (meetingId: string, ...parts: MeetingPart[]) =>
    realtime.publish(meetingRoom(meetingId), "meeting:changed", { meetingId, parts });
  const listChanged = (partnershipId: string) => realtime.publish(partnershipRoom(partnershipId), "meetings:changed", { partnershipId });

  // ─── guards ───────────────────────────────────────────────────────────────

  async function seatIn(userId: string, meetingId: string) {
    const found = await access.requireMeetingSeat(userId, meetingId);
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    return { ...found, meeting };
  }

  async function asChair(userId: string, meetingId: string) {
    const found = await seatIn(userId, meetingId);
    if (!canChair(found.seat)) throw forbidden("Only the co-chairs can do that.");
    return found;
  }

  function assertStatus(meeting: { status: string }, allowed: MeetingStatus[], message: string) {
    if (!allowed.includes(meeting.status as MeetingStatus)) throw new AppError("PRECONDITION_FAILED", message);
  }

  async function findItem(itemId: string) {
    const item = await db.agendaItem.findUnique({ where: { id: itemId } });
    if (!item) throw notFound("Agenda item");
    return item;
  }

  /**
   * Repeats a status check inside the transaction that acts on it: a start, cancellation or
   * adjournment may have committed since the checks before the transaction.
   */
  async function assertStatusIn(tx: Tx, meetingId: string, allowed: MeetingStatus[], message: string) {
    const fresh = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { status: true } });
    assertStatus(fresh, allowed, message);
  }

  /**
   * The item's status inside the caller's transaction (with the agenda still open). The checks
   * before the transaction read it too, but a concurrent accept, reject or remove may have changed
   * it since; whether a change touches the accepted agenda (and so needs a new version) must be
   * decided on this one.
   */
  async function itemStatusIn(tx: Tx, item: { id: string; meetingId: string }) {
    await assertStatusIn(tx, item.meetingId, ["SCHEDULED", "LIVE"], "This meeting's agenda is closed.");
    const fresh = await tx.agendaItem.findUnique({ where: { id: item.id }, select: { status: true } });
    if (!fresh) throw notFound("Agenda item");
    return fresh.status;
  }

  /** Every change to the accepted agenda makes a new version: earlier approvals no longer apply. */
  async function bumpAgenda(tx: Tx, meetingId: string) {
    await tx.meeting.update({ where: { id: meetingId }, data: { agendaVersion: { increment: 1 } } });
  }

  /**
   * Inside the transaction of a change to the minutes (text, attendance, action items): refuses once
   * they are approved, and after adjournment makes a new minutes version (approvals start over). It
   * reads the meeting afresh: an approval or the adjournment may have committed since the caller's
   * checks, and approved minutes must not change under the approvals.
   */
  async function touchMinutes(tx: Tx, meetingId: string) {
    const fresh = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { status: true, minutesApprovedAt: true } });
    if (fresh.minutesApprovedAt) throw new AppError("PRECONDITION_FAILED", "These minutes are approved and can no longer change.");
    if (fresh.status === "ADJOURNED") {
      await tx.meeting.update({ where: { id: meetingId }, data: { minutesVersion: { increment: 1 } } });
    }
  }

  function assertMinutesOpen(meeting: { status: string; minutesApprovedAt: Date | null }) {
    assertStatus(meeting, ["LIVE", "ADJOURNED"], "Minutes are written once the meeting has started.");
    if (meeting.minutesApprovedAt) throw new AppError("PRECONDITION_FAILED", "These minutes are approved and can no longer change.");
  }

  async function asMinutesWriter(userId: string, meetingId: string) {
    const found = await seatIn(userId, meetingId);
    const isNoteTaker = found.meeting.noteTakerMembershipId === found.member.membershipId;
    if (!canWriteMinutes(found.seat, isNoteTaker)) throw forbidden("Only the co-chairs or the note-taker write the minutes.");
    assertMinutesOpen(found.meeting);
    return found;
  }

  async function bodySeatMember(bodyId: string, membershipId: string) {
    const seat = await db.bodySeat.findUnique({ where: { bodyId_membershipId: { bodyId, membershipId } } });
    if (!seat) throw new AppError("BAD_REQUEST", "Choose a member of this body.", { fieldErrors: { membershipId: ["Choose a member of this body."] } });
    return seat;
  }

  async function memberUserIds(bodyId: string, exceptUserId?: string) {
    const seats = await db.bodySeat.findMany({ where: { bodyId }, select: { membership: { select: { userId: true } } } });
    return seats.map((s) => s.membership.userId).filter((id) => id !== exceptUserId);
  }

  // ─── scheduling ───────────────────────────────────────────────────────────

  /** Meetings of the bodies the user sits on, in one partnership (filtered in the query). */
  async function list({ userId, partnershipId, bodyId }: { userId: string; partnershipId: string; bodyId?: string }) {
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
  async function schedulableBodies({ userId, partnershipId }: { userId: string; partnershipId: string }) {
    await access.requireMember(userId, partnershipId);
    const seats = await db.bodySeat.findMany({
      where: { partnershipId, role: { in: ["CO_CHAIR", "STAFF"] }, membership: { userId } },
      select: { body: { select: { id: true, name: true, kind: true } } },
      orderBy: { body: { name: "asc" } },
    });
    return seats.map((s) => s.body);
  }

  async function schedule({ userId, input }: { userId: string; input: ScheduleMeetingInput }) {
    const { body, seat } = await access.requireBodySeat(userId, input.bodyId);
    if (!canScheduleMeetings(seat)) throw forbidden("Only the body's co-chairs or staff schedule its meetings.");
    const meeting = await db.$transaction(async (tx) => {
      const m = await tx.meeting.create({
        data: {
          partnershipId: body.partnershipId,
          bodyId: body.id,
          title: input.title,
          startsAt: zonedLocalToUtc(input.startsAtLocal, input.timeZone),
          timeZone: input.timeZone,
          durationMinutes: input.durationMinutes,
          location: input.location,
          videoUrl: input.videoUrl,
          createdById: userId,
        },
      });
      await recordAudit(tx, { partnershipId: body.partnershipId, actorId: userId, action: "meeting.scheduled", subjectType: "Meeting", subjectId: m.id });
      return m;
    });
    listChanged(body.partnershipId);
    return { id: meeting.id, partnershipId: meeting.partnershipId };
  }

  async function update({ userId, input }: { userId: string; input: UpdateMeetingInput }) {
    const { meeting, seat } = await seatIn(userId, input.meetingId);
    if (!canScheduleMeetings(seat)) throw forbidden("Only the body's co-chairs or staff change its meetings.");
    assertStatus(meeting, ["SCHEDULED"], "Only a meeting that has not started can be rescheduled.");
    await db.$transaction(async (tx) => {
      await assertStatusIn(tx, meeting.id, ["SCHEDULED"], "Only a meeting that has not started can be rescheduled.");
      await tx.meeting.update({
        where: { id: meeting.id },
        data: {
          title: input.title,
          startsAt: zonedLocalToUtc(input.startsAtLocal, input.timeZone),
          timeZone: input.timeZone,
          durationMinutes: input.durationMinutes,
          location: input.location,
          videoUrl: input.videoUrl,
          calendarSequence: { increment: 1 },
        },
      });
      await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "meeting.updated", subjectType: "Meeting", subjectId: meeting.id });
    });
    changed(meeting.id, "details");
    listChanged(meeting.partnershipId);
    return { id: meeting.id };
  }

  async function cancel({ userId, meetingId }: { userId: string; meetingId: string }) {
    const { meeting, seat } = await seatIn(userId, meetingId);
    if (!canScheduleMeetings(seat)) throw forbidden("Only the body's co-chairs or staff cancel its meetings.");
    assertStatus(meeting, ["SCHEDULED"], "Only a meeting that has not started can be cancelled.");
    await db.$transaction(async (tx) => {
      await assertStatusIn(tx, meetingId, ["SCHEDULED"], "Only a meeting that has not started can be cancelled.");
      await tx.meeting.update({ where: { id: meetingId }, data: { status: "CANCELLED", calendarSequence: { increment: 1 } } });
      await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "meeting.cancelled", subjectType: "Meeting", subjectId: meetingId });
    });
    changed(meetingId, "details");
    listChanged(meeting.partnershipId);
    return { id: meetingId };
  }

  // ─── the meeting page ─────────────────────────────────────────────────────

  async function get({ userId, meetingId }: { userId: string; meetingId: string }) {
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
    const rule: QuorumRule = { mode: body.quorumMode as QuorumRule["mode"], labor: body.quorumLabor, management: body.quorumManagement };
    const isChair = canChair(seat);
    const isNoteTaker = meeting.noteTakerMembershipId === member.membershipId;
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
        canChair: isChair,
        canPropose: canTakePart(seat),
        canSchedule: canScheduleMeetings(seat),
        canWriteMinutes: canWriteMinutes(seat, isNoteTaker),
        isNoteTaker,
      },
      agenda: {
        version: meeting.agendaVersion,
        publishedVersion: meeting.publishedVersion,
        isPublished: meeting.publishedVersion === meeting.agendaVersion,
        approvedSides: agendaState.approvedSides,
        waitingFor: agendaState.waitingFor,
        approvals: meeting.agendaApprovals.map(approvalView),
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

  async function calendar({ userId, meetingId }: { userId: string; meetingId: string }) {
    const { body } = await access.requireMeetingSeat(userId, meetingId);
    const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    return meetingCalendar({
      ...m,
      bodyName: body.name,
      url: `${config.appOrigin}/p/${m.partnershipId}/meetings/${m.id}`,
      host: new URL(config.appOrigin).hostname,
    });
  }

  // ─── agenda ───────────────────────────────────────────────────────────────

  async function proposeItem({ userId, input }: { userId: string; input: ProposeItemInput }) {
    const { meeting, seat } = await seatIn(userId, input.meetingId);
    if (!canTakePart(seat)) throw forbidden("Observers cannot propose agenda items.");
    assertStatus(meeting, ["SCHEDULED", "LIVE"], "This meeting's agenda is closed.");
    const isChair = canChair(seat);
    const item = await db.$transaction(async (tx) => {
      await assertStatusIn(tx, meeting.id, ["SCHEDULED", "LIVE"], "This meeting's agenda is closed.");
      const open = await tx.agendaItem.count({ where: { meetingId: meeting.id, status: { in: ["PROPOSED", "ACCEPTED"] } } });
      if (open >= AGENDA_MAX_ITEMS) throw new AppError("PRECONDITION_FAILED", `An agenda has at most ${AGENDA_MAX_ITEMS} items.`);
      const last = await tx.agendaItem.aggregate({ where: { meetingId: meeting.id, status: "ACCEPTED" }, _max: { position: true } });
      // A co-chair's own item goes straight onto the agenda (and needs both approvals like any change).
      const created = await tx.agendaItem.create({
        data: {
          meetingId: meeting.id,
          title: input.title,
          description: input.description,
          presenter: input.presenter,
          timeBoxMinutes: input.timeBoxMinutes,
          kind: input.kind,
          links: input.links,
          proposedById: userId,
          status: isChair ? "ACCEPTED" : "PROPOSED",
          position: (last._max.position ?? 0) + 1,
        },
      });
      if (isChair) await bumpAgenda(tx, meeting.id);
      await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "agenda.itemProposed", subjectType: "AgendaItem", subjectId: created.id });
      return created;
    });
    changed(meeting.id, "agenda", "approvals");
    return { id: item.id, status: item.status };
  }

  async function asItemChair(userId: string, itemId: string) {
    const item = await findItem(itemId);
    const found = await asChair(userId, item.meetingId);
    assertStatus(found.meeting, ["SCHEDULED", "LIVE"], "This meeting's agenda is closed.");
    return { ...found, item };
  }

  async function acceptItem({ userId, itemId }: { userId: string; itemId: string }) {
    const { meeting, item } = await asItemChair(userId, itemId);
    if (item.status === "ACCEPTED") return { id: item.id };
    await db.$transaction(async (tx) => {
      if ((await itemStatusIn(tx, item)) === "ACCEPTED") return;
      const last = await tx.agendaItem.aggregate({ where: { meetingId: meeting.id, status: "ACCEPTED" }, _max: { position: true } });
      await tx.agendaItem.update({
        where: { id: item.id },
        data: { status: "ACCEPTED", rejectionReason: null, position: (last._max.position ?? 0) + 1 },
      });
      await bumpAgenda(tx, meeting.id);
      await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "agenda.itemAccepted", subjectType: "AgendaItem", subjectId: item.id });
    });
    changed(meeting.id, "agenda", "approvals");
    return { id: item.id };
  }

  async function rejectItem({ userId, itemId, reason }: { userId: string; itemId: string; reason: string }) {
    const { meeting, item } = await asItemChair(userId, itemId);
    await db.$transaction(async (tx) => {
      const wasAccepted = (await itemStatusIn(tx, item)) === "ACCEPTED";
      await tx.agendaItem.update({ where: { id: item.id }, data: { status: "REJECTED", rejectionReason: reason } });
      if (wasAccepted) await bumpAgenda(tx, meeting.id);
      await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "agenda.itemRejected", subjectType: "AgendaItem", subjectId: item.id, data: { reason } });
    });
    changed(meeting.id, "agenda", "approvals");
    if (item.proposedById !== userId) {
      await notifications.notify([item.proposedById], "agenda.itemRejected", {
        partnershipId: meeting.partnershipId,
        meetingId: meeting.id,
        meetingTitle: meeting.title,
        itemTitle: item.title,
        reason,
      });
    }
    return { id: item.id };
  }

  async function editItem({ userId, input }: { userId: string; input: EditItemInput }) {
    const { meeting, item } = await asItemChair(userId, input.itemId);
    await db.$transaction(async (tx) => {
      const wasAccepted = (await itemStatusIn(tx, item)) === "ACCEPTED";
      await tx.agendaItem.update({
        where: { id: item.id },
        data: {
          title: input.title,
          description: input.description,
          presenter: input.presenter,
          timeBoxMinutes: input.timeBoxMinutes,
          kind: input.kind,
          links: input.links,
        },
      });
      if (wasAccepted) await bumpAgenda(tx, meeting.id);
      await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "agenda.itemEdited", subjectType: "AgendaItem", subjectId: item.id });
    });
    changed(meeting.id, "agenda", "approvals");
    return { id: item.id };
  }

  async function removeItem({ userId, itemId }: { userId: string; itemId: string }) {
    const { meeting, item } = await asItemChair(userId, itemId);
    await db.$transaction(async (tx) => {
      const wasAccepted = (await itemStatusIn(tx, item)) === "ACCEPTED";
      await tx.agendaItem.delete({ where: { id: item.id } });
      if (wasAccepted) await bumpAgenda(tx, meeting.id);
      if (meeting.currentItemId === item.id) await tx.meeting.update({ where: { id: meeting.id }, data: { currentItemId: null, currentItemStartedAt: null } });
      await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "agenda.itemRemoved", subjectType: "AgendaItem", subjectId: item.id, data: { title: item.title } });
    });
    changed(meeting.id, "agenda", "approvals", "run");
    return { id: item.id };
  }

  async function reorder({ userId, meetingId, itemIds }: { userId: string; meetingId: string; itemIds: string[] }) {
    const { meeting } = await asChair(userId, meetingId);
    assertStatus(meeting, ["SCHEDULED", "LIVE"], "This meeting's agenda is closed.");
    await db.$transaction(async (tx) => {
      await assertStatusIn(tx, meetingId, ["SCHEDULED", "LIVE"], "This meeting's agenda is closed.");
      const accepted = await tx.agendaItem.findMany({ where: { meetingId, status: "ACCEPTED" }, orderBy: { position: "asc" }, select: { id: true } });
      const current = accepted.map((i) => i.id);
      if (current.length !== itemIds.length || new Set(itemIds).size !== itemIds.length || !itemIds.every((id) => current.includes(id))) {
        throw new AppError("CONFLICT", "The agenda changed while you were reordering it. Here is the latest order.");
      }
      if (current.every((id, i) => id === itemIds[i])) return;
      for (const [index, id] of itemIds.entries()) await tx.agendaItem.update({ where: { id }, data: { position: index + 1 } });
      await bumpAgenda(tx, meetingId);
      await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "agenda.reordered", subjectType: "Meeting", subjectId: meetingId });
    });
    changed(meetingId, "agenda", "approvals");
    return { id: meetingId };
  }

  /**
   * A co-chair approves the agenda version they looked at, for their own side only. When both sides
   * have approved the same version it is published. A version that changed meanwhile is refused, so
   * a published agenda is always exactly what both co-chairs approved.
   */
  async function approveAgenda({ userId, meetingId, version }: { userId: string; meetingId: string; version: number }) {
    const { meeting, seat } = await asChair(userId, meetingId);
    assertStatus(meeting, ["SCHEDULED", "LIVE"], "This meeting's agenda is closed.");
    const side = seat.coChairSide as CoChairSide;
    const published = await db.$transaction(async (tx) => {
      await assertStatusIn(tx, meetingId, ["SCHEDULED", "LIVE"], "This meeting's agenda is closed.");
      const fresh = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { agendaVersion: true } });
      if (fresh.agendaVersion !== version) {
        throw new AppError("CONFLICT", `The agenda changed since you opened it (now version ${fresh.agendaVersion}). Review it and approve again.`);
      }
      const accepted = await tx.agendaItem.count({ where: { meetingId, status: "ACCEPTED" } });
      if (accepted === 0) throw new AppError("PRECONDITION_FAILED", "Accept at least one item before approving the agenda.");
      try {
        await tx.agendaApproval.create({ data: { meetingId, version, side, userId } });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError("CONFLICT", "Your side has already approved this version.");
        throw error;
      }
      await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "agenda.approved", subjectType: "Meeting", subjectId: meetingId, data: { version, side } });
      const approvals = await tx.agendaApproval.count({ where: { meetingId, version } });
      if (approvals < 2) return false;
      const { count } = await tx.meeting.updateMany({ where: { id: meetingId, agendaVersion: version }, data: { publishedVersion: version } });
      if (count) await recordAudit(tx, { partnershipId: meeting.partnershipId, action: "agenda.published", subjectType: "Meeting", subjectId: meetingId, data: { version } });
      return count > 0;
    });
    changed(meetingId, "approvals", "agenda");
    if (published) {
      await notifications.notify(await memberUserIds(meeting.bodyId), "agenda.published", {
        partnershipId: meeting.partnershipId,
        meetingId,
        meetingTitle: meeting.title,
      });
      listChanged(meeting.partnershipId);
    }
    return { published };
  }

  // ─── running the meeting ──────────────────────────────────────────────────

  async function runChange(userId: string, meetingId: string, allowed: MeetingStatus[], message: string, data: Parameters<Tx["meeting"]["update"]>[0]["data"], action: string) {
    const { meeting } = await asChair(userId, meetingId);
    assertStatus(meeting, allowed, message);
    await db.$transaction(async (tx) => {
      await assertStatusIn(tx, meetingId, allowed, message);
      await tx.meeting.update({ where: { id: meetingId }, data });
      await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action, subjectType: "Meeting", subjectId: meetingId });
    });
    return meeting;
  }

  async function start({ userId, meetingId }: { userId: string; meetingId: string }) {
    const meeting = await runChange(userId, meetingId, ["SCHEDULED"], "This meeting has already started or ended.", { status: "LIVE", startedAt: new Date() }, "meeting.started");
    changed(meetingId, "run", "details");
    listChanged(meeting.partnershipId);
    return { id: meetingId };
  }

  async function setCurrentItem({ userId, meetingId, itemId }: { userId: string; meetingId: string; itemId: string | null }) {
    if (itemId) {
      const item = await findItem(itemId);
      if (item.meetingId !== meetingId || item.status !== "ACCEPTED") throw new AppError("BAD_REQUEST", "Choose an item of this meeting's agenda.");
    }
    await runChange(userId, meetingId, ["LIVE"], "The meeting is not in session.", { currentItemId: itemId, currentItemStartedAt: itemId ? new Date() : null }, "meeting.currentItem");
    changed(meetingId, "run");
    return { id: meetingId };
  }

  const caucusTimers = new Map<string, NodeJS.Timeout>();
  function scheduleCaucusEnd(meetingId: string, endsAt: Date | null) {
    clearTimeout(caucusTimers.get(meetingId));
    caucusTimers.delete(meetingId);
    if (!endsAt) return;
    // Everyone's screen returns to the joint view when the timer ends (clients also count down).
    const timer = setTimeout(() => {
      caucusTimers.delete(meetingId);
      changed(meetingId, "run");
    }, Math.max(0, endsAt.getTime() - Date.now()) + 50);
    timer.unref();
    caucusTimers.set(meetingId, timer);
  }

  async function callCaucus({ userId, meetingId, minutes }: { userId: string; meetingId: string; minutes: number }) {
    const now = new Date();
    const endsAt = new Date(now.getTime() + minutes * 60_000);
    await runChange(userId, meetingId, ["LIVE"], "A caucus is called during a meeting in session.", { caucusStartedAt: now, caucusEndsAt: endsAt }, "meeting.caucusCalled");
    scheduleCaucusEnd(meetingId, endsAt);
    changed(meetingId, "run");
    return { endsAt };
  }

  async function resume({ userId, meetingId }: { userId: string; meetingId: string }) {
    await runChange(userId, meetingId, ["LIVE"], "The meeting is not in session.", { caucusEndsAt: null }, "meeting.resumed");
    scheduleCaucusEnd(meetingId, null);
    changed(meetingId, "run");
    return { id: meetingId };
  }

  async function adjourn({ userId, meetingId }: { userId: string; meetingId: string }) {
    const { meeting } = await asChair(userId, meetingId);
    assertStatus(meeting, ["LIVE"], "Only a meeting in session can be adjourned.");
    await db.$transaction(async (tx) => {
      await assertStatusIn(tx, meetingId, ["LIVE"], "Only a meeting in session can be adjourned.");
      await tx.meeting.update({
        where: { id: meetingId },
        data: { status: "ADJOURNED", adjournedAt: new Date(), currentItemId: null, currentItemStartedAt: null, caucusEndsAt: null },
      });
      await tx.speakerEntry.updateMany({ where: { meetingId, status: { in: ["WAITING", "SPEAKING"] } }, data: { status: "DONE" } });
      await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "meeting.adjourned", subjectType: "Meeting", subjectId: meetingId });
    });
    scheduleCaucusEnd(meetingId, null);
    changed(meetingId, "run", "queue", "details");
    listChanged(meeting.partnershipId);
    return { id: meetingId };
  }

  // ─── speakers' queue ──────────────────────────────────────────────────────

  async function raiseHand({ userId, meetingId }: { userId: string; meetingId: string }) {
    const { meeting, seat, member } = await seatIn(userId, meetingId);
    if (!canTakePart(seat)) throw forbidden("Observers do not take the floor.");
    assertStatus(meeting, ["LIVE"], "Hands go up once the meeting is in session.");
    try {
      await db.$transaction(async (tx) => {
        await assertStatusIn(tx, meetingId, ["LIVE"], "Hands go up once the meeting is in session.");
        const last = await tx.speakerEntry.aggregate({ where: { meetingId }, _max: { position: true } });
        await tx.speakerEntry.create({ data: { meetingId, membershipId: member.membershipId, position: (last._max.position ?? 0) + 1 } });
      });
    } catch (error) {
      // Already in the queue: raising a hand twice (double click, two tabs) changes nothing.
      if (!isUniqueViolation(error)) throw error;
    }
    changed(meetingId, "queue");
    return { id: meetingId };
  }

  async function lowerHand({ userId, meetingId }: { userId: string; meetingId: string }) {
    const { member } = await seatIn(userId, meetingId);
    await db.speakerEntry.updateMany({ where: { meetingId, membershipId: member.membershipId, status: "WAITING" }, data: { status: "REMOVED" } });
    changed(meetingId, "queue");
    return { id: meetingId };
  }

  /** The chair gives the floor to the first waiting speaker (the current one is done). */
  async function callNextSpeaker({ userId, meetingId }: { userId: string; meetingId: string }) {
    const { meeting } = await asChair(userId, meetingId);
    assertStatus(meeting, ["LIVE"], "The meeting is not in session.");
    const next = await db.$transaction(async (tx) => {
      await assertStatusIn(tx, meetingId, ["LIVE"], "The meeting is not in session.");
      await tx.speakerEntry.updateMany({ where: { meetingId, status: "SPEAKING" }, data: { status: "DONE" } });
      const first = await tx.speakerEntry.findFirst({ where: { meetingId, status: "WAITING" }, orderBy: { position: "asc" } });
      if (first) await tx.speakerEntry.update({ where: { id: first.id }, data: { status: "SPEAKING" } });
      return first;
    });
    changed(meetingId, "queue");
    return { entryId: next?.id ?? null };
  }

  async function asEntryChair(userId: string, entryId: string) {
    const entry = await db.speakerEntry.findUnique({ where: { id: entryId } });
    if (!entry) throw notFound("Speaker");
    const found = await asChair(userId, entry.meetingId);
    return { ...found, entry };
  }

  async function moveSpeaker({ userId, entryId, direction }: { userId: string; entryId: string; direction: "up" | "down" }) {
    const { entry } = await asEntryChair(userId, entryId);
    if (entry.status !== "WAITING") throw new AppError("PRECONDITION_FAILED", "Only waiting speakers can be moved.");
    await db.$transaction(async (tx) => {
      const neighbor = await tx.speakerEntry.findFirst({
        where: { meetingId: entry.meetingId, status: "WAITING", position: direction === "up" ? { lt: entry.position } : { gt: entry.position } },
        orderBy: { position: direction === "up" ? "desc" : "asc" },
      });
      if (!neighbor) return;
      await tx.speakerEntry.update({ where: { id: entry.id }, data: { position: neighbor.position } });
      await tx.speakerEntry.update({ where: { id: neighbor.id }, data: { position: entry.position } });
    });
    changed(entry.meetingId, "queue");
    return { id: entry.id };
  }

  async function removeSpeaker({ userId, entryId }: { userId: string; entryId: string }) {
    const { entry } = await asEntryChair(userId, entryId);
    await db.speakerEntry.update({ where: { id: entry.id }, data: { status: entry.status === "SPEAKING" ? "DONE" : "REMOVED" } });
    changed(entry.meetingId, "queue");
    return { id: entry.id };
  }

  // ─── attendance ───────────────────────────────────────────────────────────

  async function markAttendance({ userId, meetingId, membershipId, status }: { userId: string; meetingId: string; membershipId: string; status: AttendanceStatus }) {
    const { meeting } = await asChair(userId, meetingId);
    assertStatus(meeting, ["SCHEDULED", "LIVE", "ADJOURNED"], "Attendance is not kept for a cancelled meeting.");
    if (meeting.minutesApprovedAt) throw new AppError("PRECONDITION_FAILED", "These minutes are approved and can no longer change.");
    await bodySeatMember(meeting.bodyId, membershipId);
    await db.$transaction(async (tx) => {
      await assertStatusIn(tx, meetingId, ["SCHEDULED", "LIVE", "ADJOURNED"], "Attendance is not kept for a cancelled meeting.");
      await tx.attendance.upsert({
        where: { meetingId_membershipId: { meetingId, membershipId } },
        create: { meetingId, membershipId, status, markedById: userId },
        update: { status, markedById: userId, checkedInSelf: false },
      });
      await touchMinutes(tx, meeting.id);
    });
    changed(meetingId, "attendance");
    return { membershipId, status };
  }

  /** A member checks themself in: present, or arrived late once the meeting is well under way. */
  async function checkIn({ userId, meetingId }: { userId: string; meetingId: string }) {
    const { meeting, member } = await seatIn(userId, meetingId);
    assertStatus(meeting, ["SCHEDULED", "LIVE"], "Check-in is open until the meeting is adjourned.");
    const lateFrom = (meeting.startedAt ?? meeting.startsAt).getTime() + LATE_AFTER_MS;
    const status: AttendanceStatus = meeting.status === "LIVE" && Date.now() > lateFrom ? "LATE" : "PRESENT";
    await db.$transaction(async (tx) => {
      await assertStatusIn(tx, meetingId, ["SCHEDULED", "LIVE"], "Check-in is open until the meeting is adjourned.");
      await tx.attendance.upsert({
        where: { meetingId_membershipId: { meetingId, membershipId: member.membershipId } },
        create: { meetingId, membershipId: member.membershipId, status, checkedInSelf: true, markedById: userId },
        update: { status, checkedInSelf: true, markedById: userId },
      });
    });
    changed(meetingId, "attendance");
    return { status };
  }

  // ─── minutes, decisions, action items ─────────────────────────────────────

  async function setNoteTaker({ userId, meetingId, membershipId }: { userId: string; meetingId: string; membershipId: string | null }) {
    const { meeting } = await asChair(userId, meetingId);
    if (membershipId) await bodySeatMember(meeting.bodyId, membershipId);
    await db.meeting.update({ where: { id: meetingId }, data: { noteTakerMembershipId: membershipId } });
    changed(meetingId, "minutes");
    return { membershipId };
  }

  /**
   * Saves one item's minutes if nobody saved since `baseRevision`; otherwise refuses with CONFLICT so
   * the writer sees the newer text and loses nothing of their own.
   */
  async function saveMinutes({ userId, itemId, text, baseRevision }: { userId: string; itemId: string; text: string; baseRevision: number }) {
    const item = await findItem(itemId);
    const { meeting } = await asMinutesWriter(userId, item.meetingId);
    const revision = await db.$transaction(async (tx) => {
      const { count } = await tx.agendaItem.updateMany({
        where: { id: itemId, minutesRevision: baseRevision },
        data: { minutes: text, minutesRevision: { increment: 1 } },
      });
      if (!count) {
        throw new AppError("CONFLICT", "Someone saved newer minutes for this item. Your text is kept: compare, merge and save again.");
      }
      await touchMinutes(tx, meeting.id);
      return baseRevision + 1;
    });
    changed(meeting.id, "minutes");
    return { revision };
  }

  async function recordDecision({ userId, meetingId, agendaItemId, text }: { userId: string; meetingId: string; agendaItemId: string | null; text: string }) {
    const { meeting } = await asMinutesWriter(userId, meetingId);
    assertStatus(meeting, ["LIVE"], "Decisions are taken while the meeting is in session.");
    if (agendaItemId) {
      const item = await findItem(agendaItemId);
      if (item.meetingId !== meetingId) throw new AppError("BAD_REQUEST", "Choose an item of this meeting.");
    }
    const view = await get({ userId, meetingId });
    const decision = await db.$transaction(async (tx) => {
      await assertStatusIn(tx, meetingId, ["LIVE"], "Decisions are taken while the meeting is in session.");
      const d = await tx.decision.create({ data: { meetingId, agendaItemId, text, quorum: view.quorum, recordedById: userId } });
      await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "meeting.decisionRecorded", subjectType: "Decision", subjectId: d.id, data: { quorumMet: view.quorum.met } });
      return d;
    });
    changed(meetingId, "minutes");
    return { id: decision.id, quorum: view.quorum };
  }

  async function createActionItem({
    userId,
    input,
  }: {
    userId: string;
    input: { meetingId: string; agendaItemId: string | null; text: string; ownerMembershipId: string; dueDate: string };
  }) {
    const { meeting } = await asMinutesWriter(userId, input.meetingId);
    await bodySeatMember(meeting.bodyId, input.ownerMembershipId).catch(() => {
      throw new AppError("BAD_REQUEST", "The owner must be a member of this body.", { fieldErrors: { ownerMembershipId: ["The owner must be a member of this body."] } });
    });
    const dueDate = new Date(`${input.dueDate}T00:00:00.000Z`);
    if (Number.isNaN(dueDate.getTime())) throw new AppError("BAD_REQUEST", "Choose a valid due date.", { fieldErrors: { dueDate: ["Choose a valid due date."] } });
    const action = await db.$transaction(async (tx) => {
      const a = await tx.actionItem.create({
        data: { meetingId: meeting.id, agendaItemId: input.agendaItemId, text: input.text, ownerMembershipId: input.ownerMembershipId, dueDate, createdById: userId },
        include: { owner: { select: { userId: true } } },
      });
      await touchMinutes(tx, meeting.id);
      await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "meeting.actionCreated", subjectType: "ActionItem", subjectId: a.id });
      return a;
    });
    changed(meeting.id, "actions");
    await notifications.notify([action.owner.userId].filter((id) => id !== userId), "action.assigned", {
      partnershipId: meeting.partnershipId,
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      text: input.text,
      dueDate: input.dueDate,
    });
    return { id: action.id };
  }

  /** The owner, or a co-chair, moves an action item along. */
  async function updateActionStatus({ userId, actionId, status }: { userId: string; actionId: string; status: ActionStatus }) {
    const action = await db.actionItem.findUnique({ where: { id: actionId }, include: { owner: { select: { userId: true } } } });
    if (!action) throw notFound("Action item");
    const { seat } = await seatIn(userId, action.meetingId);
    if (action.owner.userId !== userId && !canChair(seat)) throw forbidden("Only the owner or a co-chair can change this action item.");
    await db.actionItem.update({ where: { id: actionId }, data: { status } });
    changed(action.meetingId, "actions");
    return { id: actionId, status };
  }

  /** Open action items the user owns, across partnerships (for their home page). */
  async function myActionItems({ userId }: { userId: string }) {
    const rows = await db.actionItem.findMany({
      where: { owner: { userId }, status: "OPEN" },
      orderBy: { dueDate: "asc" },
      take: 50,
      select: {
        id: true,
        text: true,
        dueDate: true,
        status: true,
        meeting: { select: { id: true, title: true, partnershipId: true, partnership: { select: { name: true } } } },
      },
    });
    return rows.map((r) => ({ ...r, status: r.status as ActionStatus }));
  }

  /** Co-chairs approve the adjourned meeting's minutes, each for their side; both → approved. */
  async function approveMinutes({ userId, meetingId, version }: { userId: string; meetingId: string; version: number }) {
    const { meeting, seat } = await asChair(userId, meetingId);
    assertStatus(meeting, ["ADJOURNED"], "Minutes are approved after the meeting is adjourned.");
    if (meeting.minutesApprovedAt) return { approved: true };
    const side = seat.coChairSide as CoChairSide;
    const approved = await db.$transaction(async (tx) => {
      const fresh = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { minutesVersion: true } });
      if (fresh.minutesVersion !== version) throw new AppError("CONFLICT", "The minutes changed since you opened them. Review them and approve again.");
      try {
        await tx.minutesApproval.create({ data: { meetingId, version, side, userId } });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError("CONFLICT", "Your side has already approved these minutes.");
        throw error;
      }
      await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "minutes.approved", subjectType: "Meeting", subjectId: meetingId, data: { version, side } });
      if ((await tx.minutesApproval.count({ where: { meetingId, version } })) < 2) return false;
      const { count } = await tx.meeting.updateMany({ where: { id: meetingId, minutesVersion: version }, data: { minutesApprovedAt: new Date() } });
      return count > 0;
    });
    changed(meetingId, "minutes");
    if (approved) {
      await notifications.notify(await memberUserIds(meeting.bodyId), "minutes.approved", {
        partnershipId: meeting.partnershipId,
        meetingId,
        meetingTitle: meeting.title,
      });
    }
    return { approved };
  }

  return {
    list,
    schedulableBodies,
    schedule,
    update,
    cancel,
    get,
    calendar,
    proposeItem,
    acceptItem,
    rejectItem,
    editItem,
    removeItem,
    reorder,
    approveAgenda,
    start,
    setCurrentItem,
    callCaucus,
    resume,
    adjourn,
    raiseHand,
    lowerHand,
    callNextSpeaker,
    moveSpeaker,
    removeSpeaker,
    markAttendance,
    checkIn,
    setNoteTaker,
    saveMinutes,
    recordDecision,
    createActionItem,
    updateActionStatus,
    myActionItems,
    approveMinutes,
  };
}
