// Joint approval by both co-chairs, for the agenda and for the minutes: the state everyone sees
// (draft / approved, who approved which version, who must approve again) and the co-chair's own button.
import { InlineError } from "~/components/ui";
import { MeetingTime } from "../meeting-time";
import { trpc } from "~/lib/trpc";
import { useActionError } from "./actions";
import { coChairsPhrase, isAgendaOpen, SIDE_TITLE, SIDE_WORD, type Approval, type CoChairSide, type MeetingView } from "./types";

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
};

function JointApproval(p: Props) {
  const action = useActionError(p.meetingId);
  const current = p.approvals.filter((a) => a.version === p.version);
  const earlier = p.approvals.filter((a) => a.version < p.version);
  const wasCleared = !p.isComplete && earlier.length > 0;
  const mySideApproved = p.viewerSide ? p.approvedSides.includes(p.viewerSide) : false;
  const what = p.noun === "agenda" ? "agenda" : "minutes";
  const Heading = p.heading;
  return (
    <div className={`rounded-lg p-4 ring-1 ${p.isComplete ? "bg-green-50 ring-green-200" : "bg-amber-50 ring-amber-200"}`} data-testid={`${p.noun}-approval`}>
      <Heading className="sr-only">{p.noun === "agenda" ? "Agenda approval" : "Minutes approval"}</Heading>
      <div role="status" aria-live="polite">
        <p className={`font-semibold ${p.isComplete ? "text-green-900" : "text-amber-900"}`}>{p.isComplete ? p.completeText : p.draftText}</p>
        {wasCleared ? (
          <p className="mt-1 text-sm text-amber-900">
            The {what} changed after an approval, so earlier approvals were cleared (now version {p.version}).{" "}
            {p.waitingFor.length ? `${capitalize(coChairsPhrase(p.waitingFor))} must approve again.` : null}
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
                  <span className="font-medium">{a.userName}</span>, {SIDE_WORD[side]} co-chair, approved version {a.version} on{" "}
                  <MeetingTime value={a.createdAt} timeZone={p.timeZone} />
                </span>
              ) : (
                <span className="text-slate-700">
                  Waiting for the {SIDE_WORD[side]} co-chair (version {p.version})
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {earlier.length ? (
        <details className="mt-2 text-sm text-slate-600">
          <summary className="cursor-pointer">Earlier approvals ({earlier.length})</summary>
          <ul className="mt-1 space-y-0.5 pl-5">
            {earlier.map((a) => (
              <li key={`${a.side}-${a.version}`} className="list-disc">
                {a.userName} ({SIDE_TITLE[a.side]}) approved version {a.version} on <MeetingTime value={a.createdAt} timeZone={p.timeZone} /> — no longer current
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {p.viewerSide && !p.isComplete && p.closedReason === null ? (
        <div className="mt-3">
          {mySideApproved ? (
            <p className="text-sm text-slate-700">
              You approved version {p.version} for the {SIDE_WORD[p.viewerSide]} side.
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
                {p.approve.isPending ? "Approving…" : `Approve ${what} (version ${p.version})`}
              </button>
              {p.blockedReason ? (
                <p id={`${p.noun}-approve-blocked`} className="mt-1 text-sm text-slate-600">
                  {p.blockedReason}
                </p>
              ) : (
                <p className="mt-1 text-xs text-slate-600">You approve for the {SIDE_WORD[p.viewerSide]} side. Any later change needs both approvals again.</p>
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

export function AgendaApproval({ view }: { view: MeetingView }) {
  const approve = trpc.meetings.agenda.approve.useMutation();
  const { agenda } = view;
  const closed = isAgendaOpen(view) ? null : "The agenda is closed.";
  const draft =
    view.meeting.status === "SCHEDULED" || view.meeting.status === "LIVE"
      ? `Draft agenda — waiting for approval from ${coChairsPhrase(agenda.waitingFor)}`
      : "This agenda was not approved by both co-chairs.";
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
      blockedReason={agenda.items.length === 0 ? "Accept at least one item before approving the agenda." : null}
      approve={approve}
      completeText={`Agenda approved by both co-chairs (version ${agenda.version})`}
      draftText={draft}
    />
  );
}

export function MinutesApproval({ view }: { view: MeetingView }) {
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
      closedReason={view.meeting.status === "ADJOURNED" ? null : "Minutes are approved after adjournment."}
      approve={approve}
      completeText={`Minutes approved ${minutes.approvedBy === "VOTE" ? "by a vote of the body" : "by both co-chairs"} (version ${minutes.version}); they are final and read-only`}
      draftText={`Draft minutes — waiting for approval from ${coChairsPhrase(minutes.waitingFor)}`}
    />
  );
}
