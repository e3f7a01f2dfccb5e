// What the room's projector shows, in large type: the current item and its time box counting down,
// the speakers' queue by side, quorum by side, and the item's vote or its result (display-panels.tsx).
// It follows the meeting through its own socket (display-socket.ts); themes in display-theme.ts.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { trpc } from "~/lib/trpc";
import { ServerClockProvider } from "../room/clock";
import { BigClock, QuorumPanel, Speakers, VotePanel, type DisplayData } from "./display-panels";
import { useDisplaySocket, type Connection } from "./display-socket";
import { THEMES, useTheme, type Theme } from "./display-theme";

export function DisplayView({ token, initial }: { token: string; initial: DisplayData }) {
  const query = trpc.meetings.display.get.useQuery({ token }, { initialData: initial, refetchInterval: 60_000, retry: false });
  const view = query.data ?? initial;
  const connection = useDisplaySocket(token, view.vote?.status === "OPEN" ? view.vote.id : null);
  const [theme, toggleTheme] = useTheme();
  const th = THEMES[theme];
  const { t } = useTranslation("meetings");
  const revoked = connection === "revoked" || (query.isError && query.error.data?.code === "NOT_FOUND");
  const buttonClass = `rounded-md px-3 py-2 text-sm font-medium ${th.button}`;
  return (
    <ServerClockProvider serverNow={view.serverNow}>
      <div className={`min-h-screen ${th.page}`} data-theme={theme} data-testid="display">
        <main className="mx-auto flex min-h-screen max-w-[1800px] flex-col gap-6 p-6 lg:p-10">
          <header className="flex flex-wrap items-start justify-between gap-4">
            <div className="min-w-0">
              <p className={`text-lg lg:text-2xl ${th.muted}`}>
                {view.meeting.partnershipName}
                {view.meeting.bodyName !== view.meeting.partnershipName ? <> · {view.meeting.bodyName}</> : null}
              </p>
              <h1 className={`text-3xl font-bold tracking-tight lg:text-5xl ${th.strong}`}>{view.meeting.title}</h1>
            </div>
            <div className="flex flex-wrap items-center gap-3">
              <ConnectionBadge connection={revoked ? "revoked" : connection} theme={theme} />
              <button type="button" className={buttonClass} onClick={toggleTheme}>
                {theme === "dark" ? t("projector.lightTheme") : t("projector.darkTheme")}
              </button>
              <FullScreenButton className={buttonClass} />
            </div>
          </header>
          {revoked ? (
            <p role="alert" className="rounded-lg bg-red-900 p-6 text-2xl font-semibold text-white">
              {t("projector.revoked")}
            </p>
          ) : null}
          <Body view={view} theme={theme} />
        </main>
      </div>
    </ServerClockProvider>
  );
}

function ConnectionBadge({ connection, theme }: { connection: Connection; theme: Theme }) {
  const { t } = useTranslation("meetings");
  const dot = connection === "live" ? "bg-green-500" : connection === "revoked" ? "bg-red-500" : "bg-amber-400";
  return (
    <span role="status" className={`inline-flex items-center gap-2 text-base font-medium ${THEMES[theme].muted}`} data-testid="display-connection">
      <span aria-hidden className={`h-3 w-3 rounded-full ${dot}`} />
      {t(`projector.connection.${connection}`)}
    </span>
  );
}

function FullScreenButton({ className }: { className: string }) {
  const [available, setAvailable] = useState(false);
  useEffect(() => setAvailable(typeof document !== "undefined" && Boolean(document.documentElement.requestFullscreen)), []);
  const { t } = useTranslation("meetings");
  if (!available) return null;
  return (
    <button
      type="button"
      className={className}
      onClick={() => (document.fullscreenElement ? void document.exitFullscreen() : void document.documentElement.requestFullscreen().catch(() => {}))}
    >
      {t("projector.fullScreen")}
    </button>
  );
}

function Body({ view, theme }: { view: DisplayData; theme: Theme }) {
  const th = THEMES[theme];
  const { t } = useTranslation("meetings");
  const status = view.meeting.status;
  if (status !== "LIVE") {
    return (
      <section className={`rounded-xl p-10 ${th.panel}`} aria-label={t("projector.meetingStatus")}>
        <p className={`text-4xl font-semibold ${th.strong}`} data-testid="display-status">
          {t(`projector.notLive.${status}`)}
        </p>
      </section>
    );
  }
  return (
    <div className="grid flex-1 gap-6 lg:grid-cols-5">
      <div className="space-y-6 lg:col-span-3">
        <CurrentItem view={view} theme={theme} />
        <VotePanel view={view} theme={theme} />
      </div>
      <div className="space-y-6 lg:col-span-2">
        <Speakers view={view} theme={theme} />
        <QuorumPanel view={view} theme={theme} />
      </div>
    </div>
  );
}

/** The current item and its time box (or the caucus and when the joint meeting resumes), and what is next. */
function CurrentItem({ view, theme }: { view: DisplayData; theme: Theme }) {
  const th = THEMES[theme];
  const { t } = useTranslation("meetings");
  const { current } = view;
  const caucusEndsAt = view.meeting.caucusEndsAt;
  const heading = caucusEndsAt ? t("live.caucus") : current ? t("projector.itemOf", { number: current.number, count: view.itemCount }) : t("agenda.current");
  return (
    <section className={`rounded-xl p-6 lg:p-8 ${th.panel}`} aria-labelledby="display-current">
      <h2 id="display-current" className={`text-xl font-semibold uppercase tracking-wide ${th.muted}`}>
        {heading}
      </h2>
      {caucusEndsAt ? (
        <>
          <p className={`mt-2 text-4xl font-bold lg:text-6xl ${th.strong}`}>{t("projector.separately")}</p>
          <BigClock endsAt={caucusEndsAt} theme={theme} label={t("projector.untilResume")} />
        </>
      ) : current ? (
        <>
          <p className={`mt-2 break-words text-4xl font-bold leading-tight lg:text-6xl ${th.strong}`} data-testid="display-current-item">
            {current.title}
          </p>
          {current.startedAt ? (
            <BigClock
              endsAt={new Date(current.startedAt.getTime() + current.timeBoxMinutes * 60_000)}
              theme={theme}
              label={t("projector.ofMinutes", { minutes: current.timeBoxMinutes })}
            />
          ) : null}
        </>
      ) : (
        <p className={`mt-2 text-4xl font-semibold ${th.strong}`} data-testid="display-current-item">
          {t("projector.noItem")}
        </p>
      )}
      {view.next ? <p className={`mt-4 text-xl ${th.muted}`}>{t("live.upNext", { number: view.next.number, title: view.next.title })}</p> : null}
    </section>
  );
}
