// Who is here: the body's roster with each member's attendance (co-chairs record it, members check
// themselves in), and quorum by side — both sides must have enough voting members present.
import { useId } from "react";
import { Badge, EmptyState, InlineError, Section, SideBadge } from "~/components/ui";
import { trpc } from "~/lib/trpc";
import { describeQuorumRule } from "../../../../server/domains/meetings/meetings.rules";
import { ATTENDANCE_STATUSES, type AttendanceStatus } from "../../../../server/domains/meetings/meetings.schema";
import { useActionError } from "./actions";
import { roleLabel, type MeetingView, type RosterEntry } from "./types";

const STATUS_TONE: Record<AttendanceStatus, "green" | "amber" | "slate" | "red"> = { PRESENT: "green", LATE: "amber", EXCUSED: "slate", ABSENT: "red" };

export function Quorum({ view }: { view: MeetingView }) {
  const q = view.quorum;
  const row = (label: string, s: MeetingView["quorum"]["LABOR"]) => (
    <div className="rounded-md bg-slate-50 px-3 py-2">
      <dt className="flex items-center justify-between gap-2 font-medium text-slate-800">
        {label}
        <Badge tone={s.met ? "green" : "red"}>{s.met ? "met" : "not met"}</Badge>
      </dt>
      <dd className="text-sm text-slate-700">
        Present {s.present} of {s.required} required <span className="text-slate-500">({s.voting} voting members)</span>
      </dd>
    </div>
  );
  return (
    <Section title="Quorum by side" id="quorum">
      <p role="status" className={`mb-3 text-lg font-semibold ${q.met ? "text-green-800" : "text-red-800"}`} data-testid="quorum-overall">
        {q.met ? "Quorum met" : "No quorum"}
      </p>
      <dl className="space-y-2">
        {row("Labor", q.LABOR)}
        {row("Management", q.MANAGEMENT)}
      </dl>
      <p className="mt-3 text-xs text-slate-600">{describeQuorumRule(view.body.quorumRule)} Members who arrived late count as present.</p>
    </Section>
  );
}

export function Attendance({ view }: { view: MeetingView }) {
  const meetingId = view.meeting.id;
  const action = useActionError(meetingId);
  const checkIn = trpc.meetings.attendance.checkIn.useMutation({ onError: action.onError, onSuccess: action.onSuccess });
  const me = view.roster.find((r) => r.membershipId === view.viewer.membershipId);
  const canMark = view.viewer.canMarkAttendance;
  const canCheckIn = view.viewer.canCheckIn && me && me.attendance !== "PRESENT" && me.attendance !== "LATE";
  const counted = view.roster.filter((r) => r.attendance === "PRESENT" || r.attendance === "LATE").length;
  return (
    <Section title={`Attendance (${counted} of ${view.roster.length} here)`} id="attendance">
      {canCheckIn ? (
        <div className="mb-3">
          <button type="button" className="btn-primary" disabled={checkIn.isPending} onClick={() => checkIn.mutate({ meetingId })}>
            {checkIn.isPending ? "Checking in…" : "Check in"}
          </button>
          <InlineError message={action.error} />
        </div>
      ) : me?.attendance === "PRESENT" || me?.attendance === "LATE" ? (
        <p className="mb-3 text-sm text-green-800">You are checked in ({ATTENDANCE_STATUSES[me.attendance].toLowerCase()}).</p>
      ) : null}
      {view.roster.length === 0 ? (
        <EmptyState title="Nobody sits on this body yet" />
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Roster">
          {view.roster.map((r) => (
            <RosterRow key={r.membershipId} view={view} entry={r} canMark={canMark} isMe={r.membershipId === view.viewer.membershipId} />
          ))}
        </ul>
      )}
    </Section>
  );
}

function RosterRow({ view, entry, canMark, isMe }: { view: MeetingView; entry: RosterEntry; canMark: boolean; isMe: boolean }) {
  const id = useId();
  const action = useActionError(view.meeting.id);
  const mark = trpc.meetings.attendance.mark.useMutation({ onError: action.onError, onSuccess: action.onSuccess });
  return (
    <li className="py-2" data-testid="roster-row">
      <div className="flex items-center justify-between gap-2">
        <div className="min-w-0 flex-1">
          <p className="font-medium text-slate-900">
            {entry.name}
            {isMe ? <span className="font-normal text-slate-600"> (you)</span> : null}
          </p>
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
            <SideBadge side={entry.side} />
            <span>{roleLabel(entry)}</span>
            <span>· {entry.isVoting ? "voting" : "advisory"}</span>
            {entry.checkedInSelf ? <span>· checked in</span> : null}
          </p>
        </div>
        {canMark ? (
          <div className="shrink-0">
            <label htmlFor={id} className="sr-only">
              Attendance of {entry.name}
            </label>
            <select
              id={id}
              className="input w-auto py-1"
              value={entry.attendance ?? ""}
              disabled={mark.isPending}
              onChange={(e) => {
                const value = e.currentTarget.value as AttendanceStatus | "";
                if (value) mark.mutate({ meetingId: view.meeting.id, membershipId: entry.membershipId, status: value });
              }}
            >
              <option value="" disabled>
                Not recorded
              </option>
              {Object.entries(ATTENDANCE_STATUSES).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        ) : entry.attendance ? (
          <Badge tone={STATUS_TONE[entry.attendance]}>{ATTENDANCE_STATUSES[entry.attendance]}</Badge>
        ) : (
          <span className="text-xs text-slate-500">Not recorded</span>
        )}
      </div>
      <InlineError message={action.error} />
    </li>
  );
}
