// Running the meeting: start, the current item with its time box counting down, and under it the
// co-chairs' controls (chair-controls.tsx) and each person's own part; everyone sees where the meeting is.
import { Trans, useTranslation } from "react-i18next";
import { EmptyState, InlineError, Section } from "~/components/ui";
import { trpc } from "~/lib/trpc";
import { MeetingTime } from "../meeting-time";
import { Countdown } from "./clock";
import { useActionError } from "./actions";
import { KindBadge } from "./agenda-builder";
import { ChairNavigation, ChairSessionControls } from "./chair-controls";
import { formatMinutes, type MeetingView } from "./types";
import { YourPart } from "./your-part";

export function LivePanel({ view, caucusActive }: { view: MeetingView; caucusActive: boolean }) {
  const { t } = useTranslation("meetings");
  const { meeting } = view;
  return (
    <Section title={t("live.title")} id="live">
      {meeting.status === "SCHEDULED" ? <NotStarted view={view} /> : null}
      {meeting.status === "LIVE" ? <InSession view={view} caucusActive={caucusActive} /> : null}
      {meeting.status === "ADJOURNED" ? (
        <p className="text-sm text-slate-700">
          {meeting.adjournedAt ? (
            <Trans t={t} i18nKey="live.adjournedAt" components={{ time: <MeetingTime value={meeting.adjournedAt} timeZone={meeting.timeZone} /> }} />
          ) : (
            t("live.adjourned")
          )}{" "}
          {view.minutes.approvedAt ? t("live.minutesApproved") : t("live.minutesPending")}
        </p>
      ) : null}
      {meeting.status === "CANCELLED" ? <EmptyState title={t("live.cancelled")} /> : null}
    </Section>
  );
}

function NotStarted({ view }: { view: MeetingView }) {
  const { t } = useTranslation("meetings");
  const action = useActionError(view.meeting.id);
  const start = trpc.meetings.meeting.start.useMutation({ onError: action.onError, onSuccess: action.onSuccess });
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        <Trans t={t} i18nKey="live.notStarted" components={{ time: <MeetingTime value={view.meeting.startsAt} timeZone={view.meeting.timeZone} withViewer /> }} />
      </p>
      {view.viewer.canChair ? (
        <div>
          <button type="button" className="btn-primary" disabled={start.isPending} onClick={() => start.mutate({ meetingId: view.meeting.id })}>
            {start.isPending ? t("live.starting") : t("live.start")}
          </button>
          {!view.agenda.isPublished ? (
            <p className="mt-1 text-xs text-amber-800">{t("live.agendaNotApproved")}</p>
          ) : null}
          <InlineError message={action.error} />
        </div>
      ) : null}
      {/* Checking in is open before the start too (arriving early). */}
      <YourPart view={view} caucusActive={false} />
    </div>
  );
}

function InSession({ view, caucusActive }: { view: MeetingView; caucusActive: boolean }) {
  const { t } = useTranslation("meetings");
  const { meeting, agenda } = view;
  const meetingId = meeting.id;
  const action = useActionError(meetingId);
  const opts = { onError: action.onError, onSuccess: action.onSuccess };
  const resume = trpc.meetings.meeting.resume.useMutation(opts);
  const current = agenda.items.find((i) => i.id === meeting.currentItemId) ?? null;
  const index = current ? agenda.items.indexOf(current) : -1;
  const isChair = view.viewer.canChair;
  return (
    <div className="space-y-4">
      {caucusActive ? (
        <div className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          <p className="font-semibold">{t("live.paused")}</p>
          {isChair ? (
            <button type="button" className="btn-secondary mt-2" disabled={resume.isPending} onClick={() => resume.mutate({ meetingId })}>
              {resume.isPending ? t("live.resuming") : t("live.resume")}
            </button>
          ) : null}
        </div>
      ) : null}
      <div>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("agenda.current")}</h3>
        {current ? (
          <div className="mt-1 rounded-md bg-indigo-50 p-3 ring-1 ring-indigo-200" data-testid="current-item">
            <p className="font-semibold text-slate-900">
              {t("live.numbered", { number: index + 1, title: current.title })}
            </p>
            <div className="mt-1 flex flex-wrap items-center justify-between gap-x-3 gap-y-2">
              <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <KindBadge kind={current.kind} /> {t("live.timeBox", { duration: formatMinutes(t, current.timeBoxMinutes) })}
                {current.presenter ? <> · {current.presenter}</> : null}
              </p>
              {meeting.currentItemStartedAt && !caucusActive ? (
                <Countdown endsAt={new Date(meeting.currentItemStartedAt.getTime() + current.timeBoxMinutes * 60_000)} what={t("live.timeBoxFor", { title: current.title })} />
              ) : null}
            </div>
          </div>
        ) : (
          <p className="mt-1 text-sm text-slate-600">{agenda.items.length ? t("live.noCurrent") : t("live.noItems")}</p>
        )}
      </div>
      {isChair ? <ChairNavigation view={view} /> : null}
      <YourPart view={view} caucusActive={caucusActive} />
      {isChair ? <ChairSessionControls meetingId={meetingId} caucusActive={caucusActive} /> : null}
      <InlineError message={action.error} />
    </div>
  );
}

/** Across the top of the page while a caucus runs: everyone sees when the joint meeting resumes. */
export function CaucusBanner({ view }: { view: MeetingView }) {
  const { t } = useTranslation("meetings");
  const endsAt = view.meeting.caucusEndsAt;
  if (!endsAt) return null;
  const side = view.viewer.side;
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-4 rounded-lg bg-amber-100 p-4 ring-1 ring-amber-300" data-testid="caucus-banner">
      <div>
        <p className="text-lg font-semibold text-amber-950">{t("live.caucusInProgress")}</p>
        <p className="text-sm text-amber-900">
          {side === "NEUTRAL" ? t("live.caucusNeutral") : t("live.caucusYourSide")}
        </p>
      </div>
      <Countdown endsAt={endsAt} what={t("live.caucus")} />
    </div>
  );
}
