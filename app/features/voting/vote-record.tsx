// The motion's amendments, and its append-only record: every step (moved, seconded, amended, opened,
// each ballot, closed, result, deadlock settled) with its time.
import { Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Badge, EmptyState, Section, Time } from "~/components/ui";
import type { Outcome } from "../../../server/domains/voting/voting.rules";
import { STATUS_TONES, type MotionView } from "./labels";
import { OutcomeBadge } from "./parts";

export function Amendments({ view }: { view: MotionView }) {
  const { motion, amendments } = view;
  const { t } = useTranslation("voting");
  if (amendments.length === 0 && !["MOVED", "SECONDED"].includes(motion.status)) return null;
  return (
    <Section title={t("amendments.title", { count: amendments.length })} id="amendments">
      {amendments.length === 0 ? (
        <EmptyState title={t("amendments.empty")}>{t("amendments.emptyBody")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {amendments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
              <Link to={`/p/${motion.partnershipId}/votes/${a.id}`} className="link line-clamp-2 min-w-0 flex-1 basis-56 break-words">
                {a.text}
              </Link>
              {a.outcome ? <OutcomeBadge outcome={a.outcome} /> : <Badge tone={STATUS_TONES[a.status]}>{t(`status.${a.status}`)}</Badge>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

type Event = MotionView["events"][number];

function describe(event: Event, nameOf: (id: unknown) => string | null, t: TFunction<"voting">): string {
  const d = event.data ?? {};
  const by = nameOf(d.by);
  switch (event.kind) {
    case "moved":
      if (d.revoteOf) return t("record.revote");
      if (d.amends) return by ? t("record.movedAmendmentBy", { name: by }) : t("record.movedAmendment");
      return by ? t("record.movedBy", { name: by }) : t("record.moved");
    case "seconded":
      return by ? t("record.secondedBy", { name: by }) : t("record.seconded");
    case "amended":
      return d.friendly ? t("record.amendedFriendly") : t("record.amendedAdopted");
    case "amendmentMoved":
      return t("record.amendmentMoved");
    case "withdrawn":
      return t("record.withdrawn");
    case "tabled":
      return t("record.tabled");
    case "opened": {
      const alternates = Number(d.alternates ?? 0);
      const eligible = Number(d.eligible ?? 0);
      return alternates > 0 ? t("record.openedAlternates", { count: eligible, alternates }) : t("record.opened", { count: eligible });
    }
    case "ballotRecorded":
      return t("record.ballotRecorded", { count: Number(d.cast ?? 0) });
    case "ballotCounted":
      return t("record.ballotCounted", { count: Number(d.cast ?? 0) });
    case "closed":
      return d.by === "deadline" ? t("record.closedDeadline") : t("record.closedChair");
    case "result": {
      const outcome = d.outcome as Outcome | undefined;
      return outcome && OUTCOMES.includes(outcome) ? t("record.result", { outcome: t(`outcome.${outcome}`) }) : t("record.resultRecorded");
    }
    case "deadlockResolved":
      return d.resolution === "revote" ? t("record.deadlockRevote") : t("record.deadlockResolved");
    case "adoption":
      return d.adopted ? t("record.adopted", { version: Number(d.versionNumber ?? 0) }) : t("record.notAdopted");
    default:
      return event.kind;
  }
}

const OUTCOMES: readonly string[] = ["PASSED", "FAILED", "DEADLOCKED", "NO_QUORUM"];

export function VoteRecord({ view }: { view: MotionView }) {
  const { motion, events, rollCall } = view;
  const { t } = useTranslation("voting");
  const people = new Map<string, string>();
  for (const p of [motion.movedBy, motion.secondedBy, ...(rollCall ?? []).flatMap((r) => [r.seat, r.castBy])]) {
    if (p) people.set(p.membershipId, p.name);
  }
  const nameOf = (id: unknown) => (typeof id === "string" ? (people.get(id) ?? null) : null);
  return (
    <details className="card group" id="vote-record">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 text-base font-semibold text-slate-900">
        <span className="flex items-center gap-2">
          <span aria-hidden className="inline-block text-slate-400 transition-transform group-open:rotate-90">▸</span>
          {t("record.title")}
        </span>
        <span className="text-xs font-normal text-slate-500">
          {t("record.entries", { count: events.length })} · <span className="group-open:hidden">{t("record.show")}</span>
          <span className="hidden group-open:inline">{t("record.hide")}</span>
        </span>
      </summary>
      <p className="mt-2 text-xs text-slate-500">{t("record.appendOnly")}</p>
      <ol className="mt-3 space-y-2 border-l-2 border-slate-200 pl-4 text-sm">
        {events.map((e, i) => (
          <li key={i} className="relative">
            <span aria-hidden className="absolute -left-[1.3rem] top-1.5 h-2 w-2 rounded-full bg-slate-400" />
            <span className="text-slate-800">{describe(e, nameOf, t)}</span>
            <span className="block text-xs text-slate-500">
              <Time value={e.createdAt} withTime />
            </span>
            {e.kind === "deadlockResolved" && typeof e.data.motionId === "string" ? (
              <Link className="link block text-xs" to={`/p/${motion.partnershipId}/votes/${e.data.motionId}`}>
                {t("record.linkRevote")}
              </Link>
            ) : null}
            {(e.kind === "amendmentMoved" || e.kind === "amended") && typeof e.data.amendmentId === "string" ? (
              <Link className="link block text-xs" to={`/p/${motion.partnershipId}/votes/${e.data.amendmentId}`}>
                {t("record.linkAmendment")}
              </Link>
            ) : null}
            {e.kind === "moved" && typeof e.data.amends === "string" ? (
              <Link className="link block text-xs" to={`/p/${motion.partnershipId}/votes/${e.data.amends}`}>
                {t("record.linkAmends")}
              </Link>
            ) : null}
            {e.kind === "moved" && typeof e.data.revoteOf === "string" ? (
              <Link className="link block text-xs" to={`/p/${motion.partnershipId}/votes/${e.data.revoteOf}`}>
                {t("record.linkDeadlocked")}
              </Link>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
