// The meeting room: one page for building and approving the agenda, running the meeting live,
// caucusing, attendance and quorum, and the minutes. Two columns on wide screens (agenda and minutes
// left; the live meeting, queue and attendance right), one on phones — where, during a session, the
// live column comes first (the current item, your check-in and hand, then the vote) and the agenda's
// approval moves below it. While the connection is down the live column is disabled: nothing is queued.
import { useTranslation } from "react-i18next";
import { useServerMessage } from "~/i18n/server-messages";
import { AgendaBuilder } from "./agenda-builder";
import { AgendaApproval } from "./approvals";
import { Attendance, Quorum } from "./attendance";
import { CaucusPanel } from "./caucus-panel";
import { ServerClockProvider, useHasPassed } from "./clock";
import { CaucusBanner, LivePanel } from "./live-panel";
import { MeetingHeader } from "./meeting-header";
import { MinutesSection } from "./minutes-editor";
import { ProposeSection, Proposals } from "./proposals";
import { DisplayLinks } from "./display-links";
import { RoomMotions } from "./room-motions";
import { SpeakersQueue } from "./speakers-queue";
import type { MeetingView } from "./types";
import { useMeetingLive } from "./use-meeting-live";
import { useConnection } from "~/features/realtime/realtime";

export function MeetingRoom({ view, refreshError }: { view: MeetingView; refreshError: string | null }) {
  return (
    <ServerClockProvider serverNow={view.serverNow}>
      <Room view={view} refreshError={refreshError} />
    </ServerClockProvider>
  );
}

function Room({ view, refreshError }: { view: MeetingView; refreshError: string | null }) {
  const { t } = useTranslation("meetings");
  const translate = useServerMessage();
  const { viewers } = useMeetingLive(view.meeting.id, view.viewer.side);
  const isReconnecting = useConnection() === "reconnecting";
  const caucusOver = useHasPassed(view.meeting.caucusEndsAt);
  const caucusActive = view.meeting.status === "LIVE" && view.meeting.caucusEndsAt !== null && !caucusOver;
  const side = view.viewer.side === "NEUTRAL" ? null : view.viewer.side;
  const isLive = view.meeting.status === "LIVE";
  // After the meeting the minutes are what people come for.
  const isOver = view.meeting.status === "ADJOURNED";

  const left = (
    <div className="min-w-0 space-y-4 sm:space-y-6 lg:col-span-3 lg:col-start-1 lg:row-start-1">
      {isLive ? <AgendaApproval view={view} /> : null}
      {isOver ? <MinutesSection view={view} /> : null}
      <AgendaBuilder view={view} />
      <Proposals view={view} />
      <ProposeSection view={view} />
      {isOver ? null : <MinutesSection view={view} />}
    </div>
  );
  const right = (
    // A disabled fieldset disables every control inside it: live actions wait for the connection.
    <fieldset
      disabled={isReconnecting}
      aria-describedby={isReconnecting ? "room-paused" : undefined}
      className="min-w-0 space-y-4 sm:space-y-6 lg:col-span-2 lg:col-start-4 lg:row-start-1"
      data-testid="live-column"
    >
      {isReconnecting ? (
        <p id="room-paused" className="rounded-md bg-amber-50 p-2 text-sm text-amber-950 ring-1 ring-amber-200">
          {t("connection.paused")}
        </p>
      ) : null}
      {caucusActive && side ? <CaucusPanel meetingId={view.meeting.id} side={side} canPoll={view.meeting.status === "LIVE"} /> : null}
      <LivePanel view={view} caucusActive={caucusActive} />
      {caucusActive ? null : <RoomMotions view={view} />}
      <SpeakersQueue view={view} />
      <Quorum view={view} />
      <Attendance view={view} />
      <DisplayLinks view={view} />
    </fieldset>
  );
  return (
    <div>
      <MeetingHeader view={view} viewers={viewers} isStale={isReconnecting} />
      {refreshError ? (
        <p role="alert" className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {t("room.refreshError", { message: translate(refreshError) })}
        </p>
      ) : null}
      {caucusActive ? <CaucusBanner view={view} /> : null}
      {isLive ? null : (
        <div className="mb-6">
          <AgendaApproval view={view} />
        </div>
      )}
      <div className="grid gap-4 sm:gap-6 lg:grid-cols-5">
        {isLive ? (
          <>
            {right}
            {left}
          </>
        ) : (
          <>
            {left}
            {right}
          </>
        )}
      </div>
    </div>
  );
}
