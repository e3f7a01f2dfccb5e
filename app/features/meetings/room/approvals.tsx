// Joint approval by both co-chairs, for the agenda and for the minutes: the state everyone sees
// (draft / approved, who approved which version, who must approve again) and the co-chair's own button.
import type { TFunction } from "i18next";
import { Trans, useTranslation } from "react-i18next";
import { InlineError } from "~/components/ui";
import type { AgendaChange } from "../../../../server/domains/meetings/agenda-changes.rules";
import { MeetingTime } from "../meeting-time";
import { trpc } from "~/lib/trpc";
import { useActionError } from "./actions";
import { coChairsPhrase, formatMinutes, isAgendaOpen, type Approval, type CoChairSide, type MeetingView } from "./types";

type Props = {
  meetingId: string;
  /** The meeting's zone: approval times are shown in it. */
  timeZone: string;
  noun: "agenda" | "minutes";
  /** The heading level that fits where the block sits (visually hidden; the status line says it all). */
  heading: "h2" | "h3";
  version: number;
  approvals: Approval[];
  waitingFor: CoChairSide[];
  approvedSides: CoChairSide[];
  isComplete: boolean;
  viewerSide: CoChairSide | null;
  /** Whether approving is possible now (meeting status); null when it is. */
  closedReason: string | null;
  /** Why the viewer's approval cannot be given yet (e.g. no items). */
  blockedReason?: string | null;
  approve: {
    mutate: (input: { meetingId: string; version: number }, opts: { onError: (e: unknown) => void; onSuccess: () => void }) => void;
    isPending: boolean;
  };
  completeText: string;
  draftText: string;
  /** The agenda: what changed since each waiting co-chair's last approval, listed instead of a version number. */
  changes?: MeetingView["agenda"]["changedSinceApproval"];
};

function JointApproval(p: Props) {
  const { t } = useTranslation("meetings");
  const action = useActionError(p.meetingId);
  const current = p.approvals.filter((a) => a.version === p.version);
  const earlier = p.approvals.filter((a) => a.version < p.version);
  const wasCleared = !p.isComplete && earlier.length > 0;
  const mySideApproved = p.viewerSide ? p.approvedSides.includes(p.viewerSide) : false;
  const Heading = p.heading;
  const approvedParts = (a: Approval) => ({ name: <span className="font-medium" />, time: <MeetingTime value={a.createdAt} timeZone={p.timeZone} /> });
  return (
    <div className={`rounded-lg p-4 ring-1 ${p.isComplete ? "bg-green-50 ring-green-200" : "bg-amber-50 ring-amber-200"}`} data-testid={`${p.noun}-approval`}>
      <Heading className="sr-only">{t(`approvals.${p.noun}.heading`)}</Heading>
      <div role="status" aria-live="polite">
        <p className={`font-semibold ${p.isComplete ? "text-green-900" : "text-amber-900"}`}>{p.isComplete ? p.completeText : p.draftText}</p>
        {wasCleared && p.changes ? (
          <ChangedSinceApproval changes={p.changes} viewerSide={p.viewerSide} timeZone={p.timeZone} waitingFor={p.waitingFor} />
        ) : wasCleared ? (
          <p className="mt-1 text-sm text-amber-900">
            {t(`approvals.${p.noun}.cleared`, { version: p.version })}{" "}
            {p.waitingFor.length ? capitalize(t("approvals.mustApproveAgain", { who: coChairsPhrase(t, p.waitingFor), count: p.waitingFor.length })) : null}
          </p>
        ) : null}
      </div>
      <ul className="mt-2 space-y-1 text-sm">
        {(["LABOR", "MANAGEMENT"] as const).map((side) => {
          const a = current.find((x) => x.side === side);
          return (
            <li key={side} className="flex items-start gap-2">
              <span aria-hidden className={`w-4 shrink-0 ${a ? "text-green-700" : "text-slate-400"}`}>
                {a ? "✓" : "○"}
              </span>
              {a ? (
                <span className="min-w-0">
                  {side === "LABOR" ? (
                    <Trans t={t} i18nKey="approvals.approvedLabor" values={{ name: a.userName, version: a.version }} components={approvedParts(a)} />
                  ) : (
                    <Trans t={t} i18nKey="approvals.approvedManagement" values={{ name: a.userName, version: a.version }} components={approvedParts(a)} />
                  )}
                </span>
              ) : (
                <span className="text-slate-700">
                  {side === "LABOR" ? t("approvals.waitingLabor", { version: p.version }) : t("approvals.waitingManagement", { version: p.version })}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {earlier.length ? (
        <details className="mt-2 text-sm text-slate-600">
          <summary className="cursor-pointer">{t("approvals.earlier", { count: earlier.length })}</summary>
          <ul className="mt-1 space-y-0.5 pl-5">
            {earlier.map((a) => (
              <li key={`${a.side}-${a.version}`} className="list-disc">
                <Trans
                  t={t}
                  i18nKey="approvals.earlierOne"
                  values={{ name: a.userName, side: t(`sides.${a.side}`), version: a.version }}
                  components={{ time: <MeetingTime value={a.createdAt} timeZone={p.timeZone} /> }}
                />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {p.viewerSide && !p.isComplete && p.closedReason === null ? (
        <div className="mt-3">
          {mySideApproved ? (
            <p className="text-sm text-slate-700">
              {p.viewerSide === "LABOR" ? t("approvals.youApprovedLabor", { version: p.version }) : t("approvals.youApprovedManagement", { version: p.version })}
            </p>
          ) : (
            <>
              <button
                type="button"
                className="btn-primary"
                disabled={p.approve.isPending || Boolean(p.blockedReason)}
                aria-describedby={p.blockedReason ? `${p.noun}-approve-blocked` : undefined}
                onClick={() => p.approve.mutate({ meetingId: p.meetingId, version: p.version }, { onError: action.onError, onSuccess: action.onSuccess })}
              >
                {p.approve.isPending ? t("approvals.approving") : t(`approvals.${p.noun}.approve`, { version: p.version })}
              </button>
              {p.blockedReason ? (
                <p id={`${p.noun}-approve-blocked`} className="mt-1 text-sm text-slate-600">
                  {p.blockedReason}
                </p>
              ) : (
                <p className="mt-1 text-xs text-slate-600">{p.viewerSide === "LABOR" ? t("approvals.youApproveLabor") : t("approvals.youApproveManagement")}</p>
              )}
            </>
          )}
          <InlineError message={action.error} />
        </div>
      ) : null}
    </div>
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Changed since you approved it": each waiting co-chair's last approval and what changed after it. */
function ChangedSinceApproval({
  changes,
  viewerSide,
  timeZone,
  waitingFor,
}: {
  changes: MeetingView["agenda"]["changedSinceApproval"];
  viewerSide: CoChairSide | null;
  timeZone: string;
  waitingFor: CoChairSide[];
}) {
  const { t } = useTranslation("meetings");
  // The viewer's own side first: that is the list they must review.
  const ordered = [...changes].sort((a, b) => Number(b.side === viewerSide) - Number(a.side === viewerSide));
  return (
    <div className="mt-1 space-y-2 text-sm text-amber-950" data-testid="agenda-changes">
      {ordered.map((c) => (
        <div key={c.side}>
          <p className="font-medium">
            {c.side === viewerSide ? t("agendaChanges.sinceYou") : t("agendaChanges.sinceOther", { name: c.userName, side: t(`agendaChanges.side.${c.side}`) })}{" "}
            <span className="font-normal text-amber-900">
              (<MeetingTime value={c.approvedAt} timeZone={timeZone} />)
            </span>
          </p>
          {c.changes === null ? (
            <p>{t("agendaChanges.unknown")}</p>
          ) : (
            <ul className="list-disc space-y-0.5 pl-5">
              {c.changes.map((change, i) => (
                <li key={i} className="break-words">
                  {changeText(t, change)}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {waitingFor.length ? <p>{capitalize(t("approvals.mustApproveAgain", { who: coChairsPhrase(t, waitingFor), count: waitingFor.length }))}</p> : null}
    </div>
  );
}

function changeText(t: TFunction, c: AgendaChange): string {
  switch (c.kind) {
    case "added":
      return t("agendaChanges.added", { title: c.title, position: c.position });
    case "removed":
      return t("agendaChanges.removed", { title: c.title });
    case "retitled":
      return t("agendaChanges.retitled", { from: c.from, to: c.to });
    case "timeBox":
      return t("agendaChanges.timeBox", { title: c.title, from: formatMinutes(t, c.from), to: formatMinutes(t, c.to) });
    case "moved":
      return t("agendaChanges.moved", { title: c.title, from: c.from, to: c.to });
    case "details":
      return t("agendaChanges.details", { title: c.title });
  }
}

export function AgendaApproval({ view }: { view: MeetingView }) {
  const { t } = useTranslation("meetings");
  const approve = trpc.meetings.agenda.approve.useMutation();
  const { agenda } = view;
  const closed = isAgendaOpen(view) ? null : t("approvals.agenda.closed");
  const draft =
    view.meeting.status === "SCHEDULED" || view.meeting.status === "LIVE"
      ? t("approvals.agenda.draft", { who: coChairsPhrase(t, agenda.waitingFor) })
      : t("approvals.agenda.notApproved");
  return (
    <JointApproval
      meetingId={view.meeting.id}
      timeZone={view.meeting.timeZone}
      noun="agenda"
      heading="h2"
      version={agenda.version}
      approvals={agenda.approvals}
      waitingFor={agenda.waitingFor}
      approvedSides={agenda.approvedSides}
      isComplete={agenda.isPublished}
      viewerSide={view.viewer.coChairSide}
      closedReason={closed}
      blockedReason={agenda.items.length === 0 ? t("approvals.agenda.noItems") : null}
      approve={approve}
      completeText={t("approvals.agenda.complete", { version: agenda.version })}
      draftText={draft}
      changes={agenda.changedSinceApproval}
    />
  );
}

export function MinutesApproval({ view }: { view: MeetingView }) {
  const { t } = useTranslation("meetings");
  const approve = trpc.meetings.minutes.approve.useMutation();
  const { minutes } = view;
  return (
    <JointApproval
      meetingId={view.meeting.id}
      timeZone={view.meeting.timeZone}
      noun="minutes"
      heading="h3"
      version={minutes.version}
      approvals={minutes.approvals}
      waitingFor={minutes.waitingFor}
      approvedSides={minutes.approvedSides}
      isComplete={minutes.approvedAt !== null}
      viewerSide={view.viewer.coChairSide}
      closedReason={view.meeting.status === "ADJOURNED" ? null : t("approvals.minutes.closed")}
      approve={approve}
      completeText={minutes.approvedBy === "VOTE" ? t("approvals.minutes.completeVote", { version: minutes.version }) : t("approvals.minutes.complete", { version: minutes.version })}
      draftText={t("approvals.minutes.draft", { who: coChairsPhrase(t, minutes.waitingFor) })}
    />
  );
}
