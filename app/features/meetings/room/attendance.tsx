// Who is here: the body's roster with each member's attendance (co-chairs record it here; members check
// themselves in under "Your part"), and quorum by side — both sides must have enough voting members present.
import type { TFunction } from "i18next";
import { useId } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Badge, EmptyState, InlineError, Section, SideBadge } from "~/components/ui";
import { trpc } from "~/lib/trpc";
import { ATTENDANCE_STATUSES, type AttendanceStatus } from "../../../../server/domains/meetings/meetings.schema";
import { useActionError } from "./actions";
import { quorumRuleText, roleLabel, type MeetingView, type RosterEntry } from "./types";

const STATUS_TONE: Record<AttendanceStatus, "green" | "amber" | "slate" | "red"> = { PRESENT: "green", LATE: "amber", EXCUSED: "slate", ABSENT: "red" };

export function Quorum({ view }: { view: MeetingView }) {
  const { t } = useTranslation("meetings");
  const q = view.quorum;
  const row = (label: string, s: MeetingView["quorum"]["LABOR"]) => (
    <div className="rounded-md bg-slate-50 px-3 py-2">
      <dt className="flex items-center justify-between gap-2 font-medium text-slate-800">
        {label}
        <Badge tone={s.met ? "green" : "red"}>{s.met ? t("quorum.met") : t("quorum.notMet")}</Badge>
      </dt>
      <dd className="text-sm text-slate-700">
        <Trans
          t={t}
          i18nKey="quorum.present"
          values={{ present: s.present, required: s.required, voting: s.voting }}
          count={s.voting}
          components={{ muted: <span className="text-slate-500" /> }}
        />
      </dd>
    </div>
  );
  return (
    <Section title={t("quorum.title")} id="quorum">
      <p role="status" className={`mb-3 text-lg font-semibold ${q.met ? "text-green-800" : "text-red-800"}`} data-testid="quorum-overall">
        {q.met ? t("quorum.overallMet") : t("quorum.overallNotMet")}
      </p>
      <dl className="space-y-2">
        {row(t("sides.LABOR"), q.LABOR)}
        {row(t("sides.MANAGEMENT"), q.MANAGEMENT)}
      </dl>
      <p className="mt-3 text-xs text-slate-600">{t("quorum.rule", { rule: quorumRuleText(t, view.body.quorumRule) })}</p>
    </Section>
  );
}

export function Attendance({ view }: { view: MeetingView }) {
  const { t } = useTranslation("meetings");
  const canMark = view.viewer.canMarkAttendance;
  // One mutation for the whole roster (a body may seat a hundred people): a row is busy, or shows the
  // refusal, when the last mark was for it.
  const action = useActionError(view.meeting.id);
  const mark = trpc.meetings.attendance.mark.useMutation({ onError: action.onError, onSuccess: action.onSuccess });
  const idBase = useId();
  const markFor = (membershipId: string) => ({
    id: `${idBase}-${membershipId}`,
    pending: mark.isPending && mark.variables?.membershipId === membershipId,
    error: mark.variables?.membershipId === membershipId ? action.error : null,
    set: (status: AttendanceStatus) => mark.mutate({ meetingId: view.meeting.id, membershipId, status }),
  });
  const counted = view.roster.filter((r) => r.attendance === "PRESENT" || r.attendance === "LATE").length;
  return (
    <Section title={t("attendance.title", { counted, total: view.roster.length })} id="attendance">
      {view.roster.length === 0 ? (
        <EmptyState title={t("attendance.empty")} />
      ) : (
        <ul className="divide-y divide-slate-100" aria-label={t("attendance.roster")}>
          {view.roster.map((r) => (
            <RosterRow key={r.membershipId} t={t} entry={r} mark={canMark ? markFor(r.membershipId) : null} isMe={r.membershipId === view.viewer.membershipId} />
          ))}
        </ul>
      )}
    </Section>
  );
}

type RowMark = { id: string; pending: boolean; error: string | null; set: (status: AttendanceStatus) => void };

function RosterRow({ t, entry, mark, isMe }: { t: TFunction<"meetings">; entry: RosterEntry; mark: RowMark | null; isMe: boolean }) {
  return (
    <li className="py-2" data-testid="roster-row">
      <div className="flex items-center justify-between gap-2">
        <div className="min-w-0 flex-1">
          <p className="font-medium text-slate-900">
            {entry.name}
            {isMe ? <span className="font-normal text-slate-600"> {t("you")}</span> : null}
          </p>
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
            <SideBadge side={entry.side} />
            <span>{roleLabel(t, entry)}</span>
            <span>· {entry.isVoting ? t("attendance.voting") : t("attendance.advisory")}</span>
            {entry.checkedInSelf ? <span>· {t("attendance.checkedInSelf")}</span> : null}
          </p>
        </div>
        {mark ? (
          <div className="shrink-0">
            <label htmlFor={mark.id} className="sr-only">
              {t("attendance.of", { name: entry.name })}
            </label>
            <select
              id={mark.id}
              className="input w-auto py-1"
              value={entry.attendance ?? ""}
              disabled={mark.pending}
              onChange={(e) => {
                const value = e.currentTarget.value as AttendanceStatus | "";
                if (value) mark.set(value);
              }}
            >
              <option value="" disabled>
                {t("attendance.notRecorded")}
              </option>
              {Object.keys(ATTENDANCE_STATUSES).map((value) => (
                <option key={value} value={value}>
                  {t(`attendanceStatus.${value}`)}
                </option>
              ))}
            </select>
          </div>
        ) : entry.attendance ? (
          <Badge tone={STATUS_TONE[entry.attendance]}>{t(`attendanceStatus.${entry.attendance}`)}</Badge>
        ) : (
          <span className="text-xs text-slate-500">{t("attendance.notRecorded")}</span>
        )}
      </div>
      <InlineError message={mark?.error ?? null} />
    </li>
  );
}
