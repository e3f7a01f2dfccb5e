// What the room's projector shows, in large type: the current item and its time box counting down,
// the speakers' queue by side, quorum by side, and the item's vote (a secret ballot only as "N of M
// voted") or its result. It has its own socket (the link's token instead of a session): every change
// of the meeting refetches the view, and after a reconnect (a server restart too) it reads it again.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useServerMessage } from "~/i18n/server-messages";
import { io, type Socket } from "socket.io-client";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import type {
  ClientToServerEvents,
  ServerToClientEvents,
} from "../../../../server/realtime/realtime.events";
import { formatClock, ServerClockProvider, useServerNow } from "../room/clock";

type DisplayData = RouterOutputs["meetings"]["display"]["get"];
type Connection = "connecting" | "live" | "reconnecting" | "revoked";
type Theme = "dark" | "light";

const THEMES: Record<
  Theme,
  {
    page: string;
    panel: string;
    muted: string;
    strong: string;
    accent: string;
    button: string;
  }
> = {
  dark: {
    page: "bg-slate-950 text-slate-100",
    panel: "bg-slate-900 ring-1 ring-slate-700",
    muted: "text-slate-300",
    strong: "text-white",
    accent: "text-amber-300",
    button:
      "bg-slate-800 text-slate-100 ring-1 ring-slate-600 hover:bg-slate-700",
  },
  light: {
    page: "bg-white text-slate-900",
    panel: "bg-slate-50 ring-1 ring-slate-300",
    muted: "text-slate-700",
    strong: "text-slate-950",
    accent: "text-indigo-800",
    button: "bg-white text-slate-900 ring-1 ring-slate-400 hover:bg-slate-100",
  },
};

/** The display's own socket: refetch on the meeting's events and after every reconnect; joins the vote's room. */
function useDisplaySocket(token: string, motionId: string | null) {
  const utils = trpc.useUtils();
  const [socket, setSocket] = useState<Socket<
    ServerToClientEvents,
    ClientToServerEvents
  > | null>(null);
  const [connection, setConnection] = useState<Connection>("connecting");
  useEffect(() => {
    const s: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      transports: ["websocket"],
      auth: { displayToken: token },
    });
    const refresh = () => void utils.meetings.display.get.invalidate({ token });
    let connectedBefore = false;
    s.on("connect", () => {
      setConnection("live");
      if (connectedBefore) refresh();
      connectedBefore = true;
    });
    s.on("disconnect", (reason) => {
      setConnection("reconnecting");
      // The server ended it (the link was revoked): try once more; a refused handshake says so.
      if (reason === "io server disconnect") s.connect();
    });
    s.on("connect_error", () =>
      setConnection(s.active ? "reconnecting" : "revoked")
    );
    s.on("meeting:changed", refresh);
    s.on("motion:changed", refresh);
    s.on("tally:updated", refresh);
    setSocket(s);
    return () => {
      s.disconnect();
      setSocket(null);
    };
  }, [token, utils]);
  // The vote on screen: its tallies come to its motion's room (joined again after each reconnect).
  useEffect(() => {
    if (!socket || !motionId) return;
    const join = () =>
      socket.emit("room:join", { kind: "motion", id: motionId }, () => {});
    if (socket.connected) join();
    socket.on("connect", join);
    return () => {
      socket.off("connect", join);
    };
  }, [socket, motionId]);
  return connection;
}

function useTheme(): [Theme, () => void] {
  const [theme, setTheme] = useState<Theme>("dark");
  useEffect(() => {
    const saved = window.localStorage.getItem("jointly.display.theme");
    if (saved === "light" || saved === "dark") setTheme(saved);
  }, []);
  return [
    theme,
    () =>
      setTheme((t) => {
        const next = t === "dark" ? "light" : "dark";
        window.localStorage.setItem("jointly.display.theme", next);
        return next;
      }),
  ];
}

export function DisplayView({
  token,
  initial,
}: {
  token: string;
  initial: DisplayData;
}) {
  const query = trpc.meetings.display.get.useQuery(
    { token },
    { initialData: initial, refetchInterval: 60_000, retry: false }
  );
  const view = query.data ?? initial;
  const connection = useDisplaySocket(
    token,
    view.vote?.status === "OPEN" ? view.vote.id : null
  );
  const [theme, toggleTheme] = useTheme();
  const th = THEMES[theme];
  const { t } = useTranslation("meetings");
  const revoked =
    connection === "revoked" ||
    (query.isError && query.error.data?.code === "NOT_FOUND");
  return (
    <ServerClockProvider serverNow={view.serverNow}>
      <div
        className={`min-h-screen ${th.page}`}
        data-theme={theme}
        data-testid="display"
      >
        <main className="mx-auto flex min-h-screen max-w-[1800px] flex-col gap-6 p-6 lg:p-10">
          <header className="flex flex-wrap items-start justify-between gap-4">
            <div className="min-w-0">
              <p className={`text-lg lg:text-2xl ${th.muted}`}>
                {view.meeting.partnershipName}
                {view.meeting.bodyName !== view.meeting.partnershipName ? <> · {view.meeting.bodyName}</> : null}
              </p>
              <h1
                className={`text-3xl font-bold tracking-tight lg:text-5xl ${th.strong}`}
              >
                {view.meeting.title}
              </h1>
            </div>
            <div className="flex flex-wrap items-center gap-3">
              <ConnectionBadge
                connection={revoked ? "revoked" : connection}
                theme={theme}
              />
              <button
                type="button"
                className={`rounded-md px-3 py-2 text-sm font-medium ${th.button}`}
                onClick={toggleTheme}
              >
                {theme === "dark" ? t("projector.lightTheme") : t("projector.darkTheme")}
              </button>
              <FullScreenButton
                className={`rounded-md px-3 py-2 text-sm font-medium ${th.button}`}
              />
            </div>
          </header>
          {revoked ? (
            <p
              role="alert"
              className="rounded-lg bg-red-900 p-6 text-2xl font-semibold text-white"
            >
              {t("projector.revoked")}
            </p>
          ) : null}
          <Body view={view} theme={theme} />
        </main>
      </div>
    </ServerClockProvider>
  );
}

function ConnectionBadge({
  connection,
  theme,
}: {
  connection: Connection;
  theme: Theme;
}) {
  const { t } = useTranslation("meetings");
  const text = t(`projector.connection.${connection}`);
  const dot =
    connection === "live"
      ? "bg-green-500"
      : connection === "revoked"
      ? "bg-red-500"
      : "bg-amber-400";
  return (
    <span
      role="status"
      className={`inline-flex items-center gap-2 text-base font-medium ${THEMES[theme].muted}`}
      data-testid="display-connection"
    >
      <span aria-hidden className={`h-3 w-3 rounded-full ${dot}`} />
      {text}
    </span>
  );
}

function FullScreenButton({ className }: { className: string }) {
  const [available, setAvailable] = useState(false);
  useEffect(
    () =>
      setAvailable(
        typeof document !== "undefined" &&
          Boolean(document.documentElement.requestFullscreen)
      ),
    []
  );
  const { t } = useTranslation("meetings");
  if (!available) return null;
  return (
    <button
      type="button"
      className={className}
      onClick={() =>
        document.fullscreenElement
          ? void document.exitFullscreen()
          : void document.documentElement.requestFullscreen().catch(() => {})
      }
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
    const text = t(`projector.notLive.${status}`);
    return (
      <section
        className={`rounded-xl p-10 ${th.panel}`}
        aria-label={t("projector.meetingStatus")}
      >
        <p
          className={`text-4xl font-semibold ${th.strong}`}
          data-testid="display-status"
        >
          {text}
        </p>
      </section>
    );
  }
  return (
    <div className="grid flex-1 gap-6 lg:grid-cols-5">
      <div className="space-y-6 lg:col-span-3">
        <section
          className={`rounded-xl p-6 lg:p-8 ${th.panel}`}
          aria-labelledby="display-current"
        >
          <h2
            id="display-current"
            className={`text-xl font-semibold uppercase tracking-wide ${th.muted}`}
          >
            {view.meeting.caucusEndsAt
              ? t("live.caucus")
              : view.current
              ? t("projector.itemOf", { number: view.current.number, count: view.itemCount })
              : t("agenda.current")}
          </h2>
          {view.meeting.caucusEndsAt ? (
            <>
              <p className={`mt-2 text-4xl font-bold lg:text-6xl ${th.strong}`}>
                {t("projector.separately")}
              </p>
              <BigClock
                endsAt={view.meeting.caucusEndsAt}
                theme={theme}
                label={t("projector.untilResume")}
              />
            </>
          ) : view.current ? (
            <>
              <p
                className={`mt-2 break-words text-4xl font-bold leading-tight lg:text-6xl ${th.strong}`}
                data-testid="display-current-item"
              >
                {view.current.title}
              </p>
              {view.current.startedAt ? (
                <BigClock
                  endsAt={
                    new Date(
                      view.current.startedAt.getTime() +
                        view.current.timeBoxMinutes * 60_000
                    )
                  }
                  theme={theme}
                  label={t("projector.ofMinutes", { minutes: view.current.timeBoxMinutes })}
                />
              ) : null}
            </>
          ) : (
            <p
              className={`mt-2 text-4xl font-semibold ${th.strong}`}
              data-testid="display-current-item"
            >
              {t("projector.noItem")}
            </p>
          )}
          {view.next ? (
            <p className={`mt-4 text-xl ${th.muted}`}>
              {t("live.upNext", { number: view.next.number, title: view.next.title })}
            </p>
          ) : null}
        </section>
        <VotePanel view={view} theme={theme} />
      </div>
      <div className="space-y-6 lg:col-span-2">
        <Speakers view={view} theme={theme} />
        <QuorumPanel view={view} theme={theme} />
      </div>
    </div>
  );
}

function BigClock({
  endsAt,
  theme,
  label,
}: {
  endsAt: Date;
  theme: Theme;
  label: string;
}) {
  const now = useServerNow();
  const { t } = useTranslation("meetings");
  const left = Math.round((endsAt.getTime() - now) / 1000);
  const over = left < 0;
  return (
    <p className="mt-4 flex flex-wrap items-baseline gap-4">
      <span
        role="timer"
        className={`font-mono text-6xl font-bold tabular-nums lg:text-8xl ${
          over
            ? theme === "dark"
              ? "text-red-400"
              : "text-red-700"
            : THEMES[theme].accent
        }`}
      >
        {over ? `+${formatClock(-left)}` : formatClock(left)}
      </span>
      <span className={`text-2xl ${THEMES[theme].muted}`}>
        {over ? t("countdown.overShort") : t("projector.left", { label })}
      </span>
    </p>
  );
}


function Speakers({ view, theme }: { view: DisplayData; theme: Theme }) {
  const th = THEMES[theme];
  const { t } = useTranslation("meetings");
  const speaking = view.speakers.find((s) => s.status === "SPEAKING") ?? null;
  const waiting = view.speakers.filter((s) => s.status === "WAITING");
  const sides = (["LABOR", "MANAGEMENT", "NEUTRAL"] as const).filter(
    (side) => side !== "NEUTRAL" || waiting.some((s) => s.side === "NEUTRAL")
  );
  return (
    <section
      className={`rounded-xl p-6 ${th.panel}`}
      aria-labelledby="display-speakers"
      data-testid="display-speakers"
    >
      <h2
        id="display-speakers"
        className={`text-xl font-semibold uppercase tracking-wide ${th.muted}`}
      >
        {t("projector.speakers")}
      </h2>
      <p className={`mt-2 text-3xl font-semibold ${th.strong}`}>
        {speaking
          ? t("projector.speaking", { name: speaking.name, side: t(`record.sides.${speaking.side}`) })
          : t("projector.nobody")}
      </p>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        {sides.map((side) => {
          const list = waiting.filter((s) => s.side === side);
          return (
            <div key={side}>
              <h3 className={`text-lg font-semibold ${th.muted}`}>
                {t(`record.sides.${side}`)}
              </h3>
              {list.length ? (
                <ol className={`mt-1 space-y-1 text-2xl ${th.strong}`}>
                  {list.map((s) => (
                    <li key={s.id}>{s.name}</li>
                  ))}
                </ol>
              ) : (
                <p className={`mt-1 text-xl ${th.muted}`}>{t("projector.noHands")}</p>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}

function QuorumPanel({ view, theme }: { view: DisplayData; theme: Theme }) {
  const th = THEMES[theme];
  const { t } = useTranslation("meetings");
  const { quorum } = view;
  return (
    <section
      className={`rounded-xl p-6 ${th.panel}`}
      aria-labelledby="display-quorum"
      data-testid="display-quorum"
    >
      <h2
        id="display-quorum"
        className={`text-xl font-semibold uppercase tracking-wide ${th.muted}`}
      >
        {quorum.met ? t("projector.quorumMet") : t("projector.quorumNotMet")}
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-4">
        {(["LABOR", "MANAGEMENT"] as const).map((side) => (
          <div key={side}>
            <dt className={`text-lg ${th.muted}`}>{t(`record.sides.${side}`)}</dt>
            <dd className={`text-3xl font-bold tabular-nums ${th.strong}`}>
              {t("projector.ofNeeded", { present: quorum[side].present, required: quorum[side].required })}
              <span className={`block text-lg font-medium ${th.muted}`}>
                {quorum[side].met ? t("quorum.met") : t("quorum.notMet")}
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}


function VotePanel({ view, theme }: { view: DisplayData; theme: Theme }) {
  const th = THEMES[theme];
  const { t } = useTranslation("meetings");
  const translate = useServerMessage();
  const vote = view.vote;
  if (!vote) return null;
  const { tally } = vote;
  return (
    <section
      className={`rounded-xl p-6 lg:p-8 ${th.panel}`}
      aria-labelledby="display-vote"
      data-testid="display-vote"
    >
      <h2
        id="display-vote"
        className={`text-xl font-semibold uppercase tracking-wide ${th.muted}`}
      >
        {vote.status === "OPEN" ? t("projector.voteOpen") : t("projector.result")} ·{" "}
        {vote.ballotKind === "SECRET" ? t("record.secret") : t("record.rollCallKind")} ·{" "}
        {t(`record.rules.${vote.rule}`)}
      </h2>
      <p
        className={`mt-2 line-clamp-3 break-words text-2xl lg:text-3xl ${th.strong}`}
      >
        {vote.isAmendment ? <>{t("motions.amendment")} </> : null}
        {vote.text}
      </p>
      {vote.status === "CLOSED" && vote.outcome ? (
        <p
          className={`mt-4 text-5xl font-bold ${th.accent}`}
          data-testid="display-outcome"
        >
          {t(`record.outcomes.${vote.outcome}`)}
          {vote.reason ? (
            <span className={`mt-1 block text-xl font-medium ${th.muted}`}>
              {translate(vote.reason)}
            </span>
          ) : null}
        </p>
      ) : null}
      <p
        className={`mt-4 text-4xl font-bold tabular-nums ${th.strong}`}
        data-testid="display-cast"
      >
        {t("projector.cast", { cast: tally.cast, eligible: tally.eligible })}
      </p>
      {tally.bySide ? (
        <table
          className={`mt-4 w-full text-left text-2xl tabular-nums ${th.strong}`}
        >
          <caption className="sr-only">{t("projector.bySide")}</caption>
          <thead>
            <tr className={`text-lg ${th.muted}`}>
              <th scope="col">{t("record.side")}</th>
              <th scope="col">{t("record.choice.YES")}</th>
              <th scope="col">{t("record.choice.NO")}</th>
              <th scope="col">{t("record.choice.ABSTAIN")}</th>
            </tr>
          </thead>
          <tbody>
            {(["LABOR", "MANAGEMENT", "NEUTRAL"] as const).map((side) => (
              <tr key={side}>
                <th scope="row">{t(`record.sides.${side}`)}</th>
                <td>{tally.bySide![side].YES}</td>
                <td>{tally.bySide![side].NO}</td>
                <td>{tally.bySide![side].ABSTAIN}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className={`mt-2 text-xl ${th.muted}`}>
          {t("projector.sealed")}
        </p>
      )}
    </section>
  );
}
