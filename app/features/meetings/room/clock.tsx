// The server's clock in the browser: every fetch of the meeting carries `serverNow`; the offset to the
// local clock at that moment lets countdowns agree across screens even when a laptop's clock is off.
// Until the page has hydrated, "now" is `serverNow` itself, so server and browser render the same text.
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

type Clock = { serverNow: number; offset: number | null };
const ClockContext = createContext<Clock>({ serverNow: 0, offset: null });

export function ServerClockProvider({ serverNow, children }: { serverNow: Date; children: ReactNode }) {
  const at = serverNow.getTime();
  const [offset, setOffset] = useState<number | null>(null);
  useEffect(() => setOffset(at - Date.now()), [at]);
  return <ClockContext.Provider value={{ serverNow: at, offset }}>{children}</ClockContext.Provider>;
}

function read({ serverNow, offset }: Clock) {
  return offset === null ? serverNow : Date.now() + offset;
}

/** The server's time, re-read every second while `ticking`. */
export function useServerNow(ticking = true): number {
  const clock = useContext(ClockContext);
  const [now, setNow] = useState(() => read(clock));
  // Depends on the clock's two fields (the context object itself is new on every render).
  useEffect(() => {
    setNow(read(clock));
    if (!ticking) return;
    const timer = setInterval(() => setNow(read(clock)), 1000);
    return () => clearInterval(timer);
  }, [ticking, clock.serverNow, clock.offset]);
  return now;
}

/** True once the server's clock has passed `at` (re-renders exactly then, not every second). */
export function useHasPassed(at: Date | null): boolean {
  const clock = useContext(ClockContext);
  const atMs = at?.getTime() ?? null;
  const [passed, setPassed] = useState(() => atMs !== null && atMs <= read(clock));
  useEffect(() => {
    if (atMs === null) return setPassed(false);
    const left = atMs - read(clock);
    setPassed(left <= 0);
    if (left <= 0) return;
    const timer = setTimeout(() => setPassed(true), left);
    return () => clearTimeout(timer);
  }, [atMs, clock.serverNow, clock.offset]);
  return atMs !== null && passed;
}

/** 754 → "12:34"; 3723 → "1:02:03" */
export function formatClock(totalSeconds: number): string {
  const s = Math.abs(totalSeconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${pad(m)}:${pad(sec)}`;
}

/**
 * A countdown to `endsAt`, shown every second. Screen readers hear it only when the minute changes
 * (the live region's text is per minute), never each second.
 */
export function Countdown({ endsAt, what, size = "lg" }: { endsAt: Date; what: string; size?: "lg" | "sm" }) {
  const now = useServerNow();
  const { t } = useTranslation("meetings");
  const left = Math.round((endsAt.getTime() - now) / 1000);
  const over = left < 0;
  const minutes = over ? Math.floor(-left / 60) : Math.ceil(left / 60);
  const spoken =
    left > 0 ? t("countdown.left", { what, count: minutes }) : minutes === 0 ? t("countdown.up", { what }) : t("countdown.over", { what, count: minutes });
  return (
    <div>
      <p className={`font-mono font-semibold tabular-nums ${size === "lg" ? "text-xl sm:text-3xl" : "text-lg"} ${over ? "text-red-700" : "text-slate-900"}`}>
        <span role="timer">{over ? `+${formatClock(-left)}` : formatClock(left)}</span>
        <span className={`ml-2 font-sans text-sm font-medium ${over ? "text-red-700" : "text-slate-600"}`}>{over ? t("countdown.overShort") : t("countdown.leftShort")}</span>
      </p>
      <p className="sr-only" aria-live="polite">
        {spoken}
      </p>
    </div>
  );
}
