// Who may do what to a meeting, and when: pure verdicts over the asker's seat and the meeting's state.
// The meeting page's `viewer.can*` flags and the use cases' guards ask the same function, so a button
// and the rule behind it never disagree; a guard asks once before its transaction and again on the
// locked row inside it (`allowOrThrow`). No I/O.
import { canChair, canScheduleMeetings, canTakePart, canWriteMinutes, type SeatFacts, type Side } from "../../access/access.rules.js";
import { AppError } from "../../errors.js";
import type { AttendanceStatus, MeetingStatus } from "./meetings.schema.js";

/** What the verdicts need to know about a meeting (a row of `Meeting` has it). */
export type MeetingState = {
  status: string;
  minutesApprovedAt: Date | null;
  noteTakerMembershipId: string | null;
  startedAt: Date | null;
  startsAt: Date;
};

/** The asker, as the permission layer found them on the meeting's body. */
export type MeetingActor = { seat: SeatFacts; membershipId: string; side: Side };

export type Verdict = { ok: true } | { ok: false; code: "FORBIDDEN" | "PRECONDITION_FAILED"; message: string };

const ALLOWED: Verdict = { ok: true };
const forbid = (message: string): Verdict => ({ ok: false, code: "FORBIDDEN", message });
const notNow = (message: string): Verdict => ({ ok: false, code: "PRECONDITION_FAILED", message });
/** The first refusal, or allowed. */
const first = (...verdicts: Array<Verdict | false>): Verdict => verdicts.find((v): v is Verdict => v !== false && !v.ok) ?? ALLOWED;

/** Throws the verdict's refusal as the AppError the user sees. */
export function allowOrThrow(verdict: Verdict): void {
  if (!verdict.ok) throw new AppError(verdict.code, verdict.message);
}

const isIn = (meeting: Pick<MeetingState, "status">, ...statuses: MeetingStatus[]) => statuses.includes(meeting.status as MeetingStatus);

export const AGENDA_CLOSED = "This meeting's agenda is closed.";
export const MINUTES_APPROVED = "These minutes are approved and can no longer change.";
const ONLY_CHAIRS = "Only the co-chairs can do that.";

export const isNoteTaker = (actor: MeetingActor, meeting: Pick<MeetingState, "noteTakerMembershipId">) =>
  meeting.noteTakerMembershipId === actor.membershipId;

// ─── scheduling ─────────────────────────────────────────────────────────────

export const mayReschedule = (actor: MeetingActor, meeting: MeetingState) =>
  first(
    !canScheduleMeetings(actor.seat) && forbid("Only the body's co-chairs or staff change its meetings."),
    !isIn(meeting, "SCHEDULED") && notNow("Only a meeting that has not started can be rescheduled."),
  );

export const mayCancel = (actor: MeetingActor, meeting: MeetingState) =>
  first(
    !canScheduleMeetings(actor.seat) && forbid("Only the body's co-chairs or staff cancel its meetings."),
    !isIn(meeting, "SCHEDULED") && notNow("Only a meeting that has not started can be cancelled."),
  );

// ─── agenda ─────────────────────────────────────────────────────────────────

export const mayProposeItem = (actor: MeetingActor, meeting: MeetingState) =>
  first(!canTakePart(actor.seat) && forbid("Observers cannot propose agenda items."), !isIn(meeting, "SCHEDULED", "LIVE") && notNow(AGENDA_CLOSED));

/** Accept, reject, edit, remove, reorder and approve: the co-chairs, while the agenda is open. */
export const mayEditAgenda = (actor: MeetingActor, meeting: MeetingState) =>
  first(!canChair(actor.seat) && forbid(ONLY_CHAIRS), !isIn(meeting, "SCHEDULED", "LIVE") && notNow(AGENDA_CLOSED));

// ─── running the meeting ────────────────────────────────────────────────────

export const mayStart = (actor: MeetingActor, meeting: MeetingState) =>
  first(!canChair(actor.seat) && forbid(ONLY_CHAIRS), !isIn(meeting, "SCHEDULED") && notNow("This meeting has already started or ended."));

/** The current item, resuming from a caucus, giving the floor: the co-chairs, in session. */
export const mayRunMeeting = (actor: MeetingActor, meeting: MeetingState) =>
  first(!canChair(actor.seat) && forbid(ONLY_CHAIRS), !isIn(meeting, "LIVE") && notNow("The meeting is not in session."));

export const mayCallCaucus = (actor: MeetingActor, meeting: MeetingState) =>
  first(!canChair(actor.seat) && forbid(ONLY_CHAIRS), !isIn(meeting, "LIVE") && notNow("A caucus is called during a meeting in session."));

export const mayAdjourn = (actor: MeetingActor, meeting: MeetingState) =>
  first(!canChair(actor.seat) && forbid(ONLY_CHAIRS), !isIn(meeting, "LIVE") && notNow("Only a meeting in session can be adjourned."));

/** Moving or taking someone off the speakers' queue (the entry's own state decides the rest). */
export const mayManageQueue = (actor: MeetingActor) => first(!canChair(actor.seat) && forbid(ONLY_CHAIRS));

export const mayRaiseHand = (actor: MeetingActor, meeting: MeetingState) =>
  first(!canTakePart(actor.seat) && forbid("Observers do not take the floor."), !isIn(meeting, "LIVE") && notNow("Hands go up once the meeting is in session."));

// ─── attendance ─────────────────────────────────────────────────────────────

export const mayMarkAttendance = (actor: MeetingActor, meeting: MeetingState) =>
  first(
    !canChair(actor.seat) && forbid(ONLY_CHAIRS),
    isIn(meeting, "CANCELLED") && notNow("Attendance is not kept for a cancelled meeting."),
    meeting.minutesApprovedAt !== null && notNow(MINUTES_APPROVED),
  );

export const mayCheckIn = (_actor: MeetingActor, meeting: MeetingState) =>
  first(!isIn(meeting, "SCHEDULED", "LIVE") && notNow("Check-in is open until the meeting is adjourned."));

/** Self check-in within this long after the start counts as on time. */
export const LATE_AFTER_MS = 10 * 60_000;

/** A self check-in: present, or arrived late once the meeting is well under way. */
export function checkInStatus(meeting: MeetingState, now: Date): AttendanceStatus {
  const lateFrom = (meeting.startedAt ?? meeting.startsAt).getTime() + LATE_AFTER_MS;
  return isIn(meeting, "LIVE") && now.getTime() > lateFrom ? "LATE" : "PRESENT";
}

// ─── minutes ────────────────────────────────────────────────────────────────

/** Minutes text, attendance after the fact and action items: the co-chairs or the note-taker, until approved. */
export const mayWriteMinutes = (actor: MeetingActor, meeting: MeetingState) =>
  first(
    !canWriteMinutes(actor.seat, isNoteTaker(actor, meeting)) && forbid("Only the co-chairs or the note-taker write the minutes."),
    !isIn(meeting, "LIVE", "ADJOURNED") && notNow("Minutes are written once the meeting has started."),
    meeting.minutesApprovedAt !== null && notNow(MINUTES_APPROVED),
  );

export const mayRecordDecision = (actor: MeetingActor, meeting: MeetingState) =>
  first(mayWriteMinutes(actor, meeting), !isIn(meeting, "LIVE") && notNow("Decisions are taken while the meeting is in session."));

export const maySetNoteTaker = (actor: MeetingActor) => first(!canChair(actor.seat) && forbid(ONLY_CHAIRS));

/** Approving the minutes (once approved, a further approval is simply answered "approved"). */
export const mayApproveMinutes = (actor: MeetingActor, meeting: MeetingState) =>
  first(!canChair(actor.seat) && forbid(ONLY_CHAIRS), !isIn(meeting, "ADJOURNED") && notNow("Minutes are approved after the meeting is adjourned."));

export const mayChangeAction = (actor: MeetingActor, action: { ownerMembershipId: string }) =>
  first(action.ownerMembershipId !== actor.membershipId && !canChair(actor.seat) && forbid("Only the owner or a co-chair can change this action item."));

// ─── caucus ─────────────────────────────────────────────────────────────────

/** Each side follows its own caucus; neutral members have none. */
export const mayFollowCaucus = (actor: MeetingActor) =>
  first(actor.side === "NEUTRAL" && forbid("Caucuses are for the labor and the management side."));

/** Observers follow their side's caucus but, as in the meeting itself, do not write or vote in it. */
export const mayWriteInCaucus = (actor: MeetingActor) =>
  first(mayFollowCaucus(actor), !canTakePart(actor.seat) && forbid("Observers follow the caucus but do not write in it or vote."));

export const mayCreateStrawPoll = (actor: MeetingActor, meeting: MeetingState) =>
  first(mayWriteInCaucus(actor), !isIn(meeting, "LIVE") && notNow("Straw polls are taken while the meeting is in session."));

// ─── room displays ──────────────────────────────────────────────────────────

/** Display links (a projector's read-only view) are created by the co-chairs for a meeting not yet over. */
export const mayManageDisplays = (actor: MeetingActor, meeting: Pick<MeetingState, "status">) =>
  first(!canChair(actor.seat) && forbid(ONLY_CHAIRS), !isIn(meeting, "SCHEDULED", "LIVE") && notNow("This meeting is over: it needs no display."));

// ─── the page ───────────────────────────────────────────────────────────────

/** The meeting page's flags: what the viewer's buttons offer, by the same verdicts the use cases apply. */
export function viewerFlags(actor: MeetingActor, meeting: MeetingState) {
  const noteTaker = isNoteTaker(actor, meeting);
  return {
    // What the seat allows at all.
    canChair: canChair(actor.seat),
    canPropose: canTakePart(actor.seat),
    canSchedule: canScheduleMeetings(actor.seat),
    canWriteMinutes: canWriteMinutes(actor.seat, noteTaker),
    isNoteTaker: noteTaker,
    // What the seat allows now, in the meeting's present state.
    canProposeItem: mayProposeItem(actor, meeting).ok,
    canEditAgenda: mayEditAgenda(actor, meeting).ok,
    canRunMeeting: mayRunMeeting(actor, meeting).ok,
    canRaiseHand: mayRaiseHand(actor, meeting).ok,
    canMarkAttendance: mayMarkAttendance(actor, meeting).ok,
    canCheckIn: mayCheckIn(actor, meeting).ok,
    canEditMinutes: mayWriteMinutes(actor, meeting).ok,
    canRecordDecision: mayRecordDecision(actor, meeting).ok,
    canManageDisplays: mayManageDisplays(actor, meeting).ok,
    canApproveMinutes: mayApproveMinutes(actor, meeting).ok && meeting.minutesApprovedAt === null,
  };
}

// ─── documents on agenda items ──────────────────────────────────────────────

/**
 * Attaching a document (or a new version) to an agenda item: the co-chairs, and the member who put
 * the item on the agenda (its presenter), until the minutes are approved; never for a cancelled meeting.
 */
export const mayAttachDocument = (actor: MeetingActor, meeting: MeetingState, item: { isPresenter: boolean }) =>
  first(
    !canChair(actor.seat) && !(item.isPresenter && canTakePart(actor.seat)) && forbid("Only the co-chairs and the item's presenter attach documents."),
    isIn(meeting, "CANCELLED") && notNow("This meeting was cancelled."),
    meeting.minutesApprovedAt !== null && notNow("This meeting's record is approved: its documents can no longer change."),
  );
