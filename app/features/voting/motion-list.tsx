// Lists of motions: the votes page's groups (open votes, before the vote, closed, set aside) and the
// overview's short list of open votes. Open votes follow their ballots live.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge, EmptyState, Section } from "~/components/ui";
import { trpc } from "~/lib/trpc";
import { STATUS_TONES, type MotionSummary } from "./labels";
import { CastBar, Deadline, OutcomeBadge } from "./parts";
import { useListedTally, useMotionListLive } from "./use-motion-live";
import { truncateText } from "../../../server/text";

/** The partnership's motions, live: the query starts from the loader's data. */
export function useMotions(partnershipId: string, initial: MotionSummary[]) {
  useMotionListLive(partnershipId);
  const query = trpc.voting.motion.list.useQuery({ partnershipId }, { initialData: initial });
  return { motions: query.data ?? initial, isError: query.isError, isFetching: query.isFetching };
}

const byDeadline = (a: MotionSummary, b: MotionSummary) =>
  (a.deadline?.getTime() ?? Number.POSITIVE_INFINITY) - (b.deadline?.getTime() ?? Number.POSITIVE_INFINITY);

export function groupMotions(motions: MotionSummary[]) {
  return {
    open: motions.filter((m) => m.status === "OPEN").sort(byDeadline),
    pending: motions.filter((m) => m.status === "MOVED" || m.status === "SECONDED"),
    closed: motions.filter((m) => m.status === "CLOSED"),
    setAside: motions.filter((m) => m.status === "WITHDRAWN" || m.status === "TABLED"),
  };
}

function MotionLink({ motion, partnershipId }: { motion: MotionSummary; partnershipId: string }) {
  const { t } = useTranslation("voting");
  return (
    <Link to={`/p/${partnershipId}/votes/${motion.id}`} className="link line-clamp-2 break-words">
      {motion.amendsMotionId ? <span className="text-slate-500">{t("list.amendmentPrefix")} </span> : null}
      {motion.text}
    </Link>
  );
}

function Meta({ motion }: { motion: MotionSummary }) {
  const { t } = useTranslation("voting");
  return (
    <span className="block text-xs text-slate-500">
      {motion.body.name} · {t(`ballotShort.${motion.ballotKind}`)} · {t(`rule.${motion.rule}`)}
    </span>
  );
}

/** One open vote: cast of eligible, moving with each ballot, and its deadline. */
export function OpenMotionItem({ motion, partnershipId, compact = false }: { motion: MotionSummary; partnershipId: string; compact?: boolean }) {
  const { t } = useTranslation("voting");
  useListedTally(partnershipId, motion.id);
  return (
    <li className="space-y-1.5 py-3">
      <MotionLink motion={motion} partnershipId={partnershipId} />
      {compact ? <span className="block text-xs text-slate-500">{motion.body.name}</span> : <Meta motion={motion} />}
      <div className="flex items-center gap-3">
        <div className="min-w-0 flex-1">
          <CastBar cast={motion.cast} eligible={motion.eligible} size="sm" label={t("list.castOn", { motion: truncateText(motion.text, 80) })} />
        </div>
        <span className="shrink-0 text-xs font-medium tabular-nums text-slate-700">
          {t("list.voted", { cast: motion.cast, eligible: motion.eligible })}
        </span>
      </div>
      <p className="text-xs text-slate-600">
        {motion.deadline ? <Deadline deadline={motion.deadline} /> : motion.meetingId ? t("list.atMeeting") : t("list.noDeadline")}
      </p>
    </li>
  );
}

function PlainItem({ motion, partnershipId }: { motion: MotionSummary; partnershipId: string }) {
  const { t } = useTranslation("voting");
  return (
    <li className="flex flex-wrap items-start justify-between gap-2 py-3">
      <div className="min-w-0 flex-1 basis-64">
        <MotionLink motion={motion} partnershipId={partnershipId} />
        <Meta motion={motion} />
      </div>
      <div className="flex flex-wrap gap-1">
        {motion.outcome ? <OutcomeBadge outcome={motion.outcome} /> : <Badge tone={STATUS_TONES[motion.status]}>{t(`status.${motion.status}`)}</Badge>}
      </div>
    </li>
  );
}

export function MotionGroups({ motions, partnershipId }: { motions: MotionSummary[]; partnershipId: string }) {
  const { t } = useTranslation("voting");
  const groups = groupMotions(motions);
  return (
    <>
      <Section title={t("list.open", { count: groups.open.length })} id="open-votes">
        {groups.open.length === 0 ? (
          <EmptyState title={t("list.openEmpty")}>{t("list.openEmptyBody")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {groups.open.map((m) => (
              <OpenMotionItem key={m.id} motion={m} partnershipId={partnershipId} />
            ))}
          </ul>
        )}
      </Section>
      <Section title={t("list.pending", { count: groups.pending.length })} id="pending">
        {groups.pending.length === 0 ? (
          <EmptyState title={t("list.pendingEmpty")}>{t("list.pendingEmptyBody")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {groups.pending.map((m) => (
              <PlainItem key={m.id} motion={m} partnershipId={partnershipId} />
            ))}
          </ul>
        )}
      </Section>
      <Section title={t("list.closed", { count: groups.closed.length })} id="closed">
        {groups.closed.length === 0 ? (
          <EmptyState title={t("list.closedEmpty")} />
        ) : (
          <ul className="divide-y divide-slate-100">
            {groups.closed.map((m) => (
              <PlainItem key={m.id} motion={m} partnershipId={partnershipId} />
            ))}
          </ul>
        )}
      </Section>
      {groups.setAside.length > 0 ? (
        <details className="card">
          <summary className="cursor-pointer text-base font-semibold text-slate-900">{t("list.setAside", { count: groups.setAside.length })}</summary>
          <ul className="mt-2 divide-y divide-slate-100">
            {groups.setAside.map((m) => (
              <PlainItem key={m.id} motion={m} partnershipId={partnershipId} />
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

/** The overview's "Open votes": up to five, soonest deadline first. */
export function OpenVotesList({ partnershipId, initial }: { partnershipId: string; initial: MotionSummary[] }) {
  const { t } = useTranslation("voting");
  const { motions } = useMotions(partnershipId, initial);
  const open = groupMotions(motions).open;
  if (open.length === 0) {
    return <EmptyState title={t("list.overviewEmpty")}>{t("list.overviewEmptyBody")}</EmptyState>;
  }
  return (
    <ul className="divide-y divide-slate-100">
      {open.slice(0, 5).map((m) => (
        <OpenMotionItem key={m.id} motion={m} partnershipId={partnershipId} compact />
      ))}
    </ul>
  );
}
