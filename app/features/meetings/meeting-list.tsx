// Lists of meetings (the meetings page and the partnership overview share it).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge, EmptyState } from "~/components/ui";
import type { RouterOutputs } from "~/lib/trpc";
import { MeetingTime } from "./meeting-time";

export type MeetingSummary = RouterOutputs["meetings"]["meeting"]["list"]["upcoming"][number];

const STATUS_TONE = { SCHEDULED: "slate", LIVE: "green", ADJOURNED: "indigo", CANCELLED: "red" } as const;

export function MeetingList({ meetings, partnershipId, empty }: { meetings: MeetingSummary[]; partnershipId: string; empty: string }) {
  const { t } = useTranslation("meetings");
  if (meetings.length === 0) return <EmptyState title={empty} />;
  return (
    <ul className="divide-y divide-slate-100">
      {meetings.map((m) => (
        <li key={m.id} className="flex flex-wrap items-start justify-between gap-2 py-3">
          <div>
            <Link to={`/p/${partnershipId}/meetings/${m.id}`} className="link">
              {m.title}
            </Link>
            <span className="block text-xs text-slate-500">
              {m.body.name} · <MeetingTime value={m.startsAt} timeZone={m.timeZone} withViewer />
              {m.location ? <> · {m.location}</> : null}
            </span>
          </div>
          <div className="flex flex-wrap gap-1">
            <Badge tone={STATUS_TONE[m.status]}>{t(`status.${m.status}`)}</Badge>
            {m.status === "SCHEDULED" || m.status === "LIVE" ? (
              m.isAgendaPublished ? <Badge tone="green">{t("list.agendaApproved")}</Badge> : <Badge tone="amber">{t("list.draftAgenda")}</Badge>
            ) : null}
            {m.status === "ADJOURNED" ? (
              m.minutesApprovedAt ? <Badge tone="green">{t("list.minutesApproved")}</Badge> : <Badge tone="amber">{t("list.draftMinutes")}</Badge>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
