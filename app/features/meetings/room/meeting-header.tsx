// The top of the meeting page: what, when (meeting's time zone, and the viewer's when it differs),
// where, status, links, and who is looking at the page right now (marked stale while the connection is
// down). On a phone during a session the details fold behind a button, so the live work comes first.
import { Link } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui";
import { intlLocale } from "~/i18n/config";
import { formatEndInZone, formatInZone, useViewerTimeZone, viewerTimeText, zoneName } from "~/features/meetings/meeting-time";
import type { Viewer } from "../../../../server/realtime/realtime.events";
import { formatMinutes, type MeetingView } from "./types";

const STATUS_TONE = { SCHEDULED: "slate", LIVE: "green", ADJOURNED: "indigo", CANCELLED: "red" } as const;

export function MeetingHeader({ view, viewers, isStale }: { view: MeetingView; viewers: Viewer[] | null; isStale: boolean }) {
  const { meeting, body } = view;
  const [detailsOpen, setDetailsOpen] = useState(false);
  // Folded on phones while live (a button opens them); always shown from the sm breakpoint up.
  const foldable = meeting.status === "LIVE";
  const folded = foldable && !detailsOpen ? "hidden sm:grid" : "";
  const foldedFlex = foldable && !detailsOpen ? "hidden sm:flex" : "flex";
  const base = `/p/${meeting.partnershipId}/meetings/${meeting.id}`;
  const endsAt = new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000);
  const viewerZone = useViewerTimeZone();
  const { t, i18n } = useTranslation("meetings");
  const locale = intlLocale(i18n.language);
  const yours = viewerTimeText(meeting.startsAt, meeting.timeZone, viewerZone, locale);
  return (
    <header className={`space-y-3 ${foldable ? "mb-4 sm:mb-6" : "mb-6"}`}>
      <div className={`${foldable ? "hidden sm:flex" : "flex"} flex-wrap items-center gap-2 text-sm text-slate-600`}>
        <Link to={`/p/${meeting.partnershipId}/meetings`} className="link">
          {t("header.meetings")}
        </Link>
        <span aria-hidden>/</span>
        <span>{body.name}</span>
      </div>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className={`${foldable ? "text-xl sm:text-2xl" : "text-2xl"} font-bold tracking-tight text-slate-900`}>{meeting.title}</h1>
            <span role="status">
              <Badge tone={STATUS_TONE[meeting.status]}>
                <span className="sr-only">{t("header.status")} </span>
                {t(`status.${meeting.status}`)}
              </Badge>
            </span>
          </div>
          <dl id="meeting-details" className={`mt-2 grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm text-slate-700 sm:gap-x-6 ${folded || "grid"}`}>
            <dt className="font-medium text-slate-500">{t("header.when")}</dt>
            <dd>
              <time dateTime={meeting.startsAt.toISOString()} suppressHydrationWarning>
                {formatInZone(meeting.startsAt, meeting.timeZone, "dateTime", locale)}
              </time>{" "}
              – <span suppressHydrationWarning>{formatEndInZone(meeting.startsAt, endsAt, meeting.timeZone, locale)}</span> · {formatMinutes(t, meeting.durationMinutes)}
              <span className="block text-xs text-slate-500">
                {t("header.zone", { zone: zoneName(meeting.timeZone) })}
                {yours ? <> · {t("header.yourTime", { time: yours })}</> : null}
              </span>
            </dd>
            {meeting.location ? (
              <>
                <dt className="font-medium text-slate-500">{t("header.where")}</dt>
                <dd>{meeting.location}</dd>
              </>
            ) : null}
            {meeting.videoUrl ? (
              <>
                <dt className="font-medium text-slate-500">{t("header.online")}</dt>
                <dd className="break-all">
                  <a href={meeting.videoUrl} className="link" target="_blank" rel="noopener noreferrer">
                    {t("header.joinVideo")}<span className="sr-only"> {t("newTab")}</span>
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
        </div>
        <div id="meeting-links" className={`${foldedFlex} flex-wrap gap-2`}>
          <a href={`${base}/calendar.ics`} className="btn-secondary px-2.5 py-1.5 text-xs sm:px-3.5 sm:py-2 sm:text-sm" download>
            {t("header.calendar")}
          </a>
          <Link to={`${base}/minutes`} className="btn-secondary px-2.5 py-1.5 text-xs sm:px-3.5 sm:py-2 sm:text-sm">
            {t("header.printableMinutes")}
          </Link>
          <a href={`/api/meetings/${meeting.id}/packet.pdf`} className="btn-secondary px-2.5 py-1.5 text-xs sm:px-3.5 sm:py-2 sm:text-sm" download>
            {t("header.packet")}
          </a>
        </div>
      </div>
      <div className="flex items-start justify-between gap-2">
        <Presence viewers={viewers} isStale={isStale} />
        {foldable ? (
          <button
            type="button"
            className="btn-secondary shrink-0 px-2.5 py-1 text-xs sm:hidden"
            aria-expanded={detailsOpen}
            aria-controls="meeting-details meeting-links"
            onClick={() => setDetailsOpen((open) => !open)}
          >
            {detailsOpen ? t("header.hideDetails") : t("header.showDetails")}
          </button>
        ) : null}
      </div>
    </header>
  );
}

function Presence({ viewers, isStale }: { viewers: Viewer[] | null; isStale: boolean }) {
  const { t } = useTranslation("meetings");
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600" data-testid="presence" data-stale={isStale || undefined}>
      <span className="font-medium text-slate-700">{t("header.viewingNow")}</span>
      {viewers === null ? (
        <span>…</span>
      ) : viewers.length === 0 ? (
        <span>{t("header.nobodyElse")}</span>
      ) : (
        <span className={`flex flex-wrap gap-1 ${isStale ? "italic text-slate-600" : ""}`}>
          {viewers.map((v, i) => (
            <span key={v.userId} className="inline-flex items-center gap-1 rounded-full bg-white px-2 py-0.5 text-xs ring-1 ring-slate-200">
              <span aria-hidden className={`h-1.5 w-1.5 rounded-full ${isStale ? "bg-slate-400" : "bg-green-500"}`} />
              {v.name}
              {i < viewers.length - 1 ? <span className="sr-only">,</span> : null}
            </span>
          ))}
        </span>
      )}
      {isStale ? <span className="text-xs font-medium text-amber-900">{t("connection.presenceStale")}</span> : null}
    </p>
  );
}
