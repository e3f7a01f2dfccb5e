// The motion page: the motion and its next step; the ballot and live tally while the vote is open; the
// result (and any deadlock) once closed; amendments and the vote record. Two columns on wide screens,
// one on phones, where the ballot comes right after the motion.
import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { Badge, Section, SideBadge, Time } from "~/components/ui";
import { useServerMessage } from "~/i18n/server-messages";
import { Ballot } from "./ballot";
import { STATUS_TONES, type MotionView } from "./labels";
import { LiveTally } from "./live-tally";
import { PrimaryActions, SecondaryActions } from "./motion-actions";
import { Deadline, OutcomeBadge } from "./parts";
import { Deadlock, VoteResult } from "./result";
import { useMotionLive } from "./use-motion-live";
import { Amendments, VoteRecord } from "./vote-record";

export function MotionPage({ view, refreshError }: { view: MotionView; refreshError: string | null }) {
  const { motion } = view;
  const { t } = useTranslation("voting");
  const translate = useServerMessage();
  useMotionLive(motion.id, motion.ballotKind);
  const votesPath = `/p/${motion.partnershipId}/votes`;
  return (
    <div>
      <header className="mb-6 space-y-2">
        <nav aria-label={t("motion.breadcrumb")} className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <Link to={votesPath} className="link">
            {t("motion.votes")}
          </Link>
          <span aria-hidden>/</span>
          <span>{motion.bodyName}</span>
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-2xl font-bold tracking-tight text-slate-900">{motion.amendsMotionId ? t("motion.amendment") : t("motion.motion")}</h2>
          <span role="status" className="flex flex-wrap gap-1">
            <Badge tone={STATUS_TONES[motion.status]}>
              <span className="sr-only">{t("motion.statusPrefix")} </span>
              {t(`status.${motion.status}`)}
            </Badge>
            {motion.outcome ? <OutcomeBadge outcome={motion.outcome} /> : null}
          </span>
        </div>
        {motion.amendsMotionId ? (
          <p className="text-sm">
            <Trans t={t} i18nKey="motion.amends" components={{ link: <Link to={`${votesPath}/${motion.amendsMotionId}`} className="link" /> }} />
          </p>
        ) : null}
      </header>
      {refreshError ? (
        <p role="alert" className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {t("motion.refreshError", { error: translate(refreshError) })}
        </p>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <MotionText view={view} />
          <Ballot view={view} />
          <LiveTally view={view} />
          <VoteResult view={view} />
          <Deadlock view={view} />
          <Amendments view={view} />
          <VoteRecord view={view} />
        </div>
        <div className="min-w-0 space-y-6">
          <Details view={view} />
        </div>
      </div>
    </div>
  );
}

function Person({ person }: { person: MotionView["motion"]["movedBy"] }) {
  const { t } = useTranslation("voting");
  if (!person) return <span className="text-slate-500">{t("motion.nobodyYet")}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-medium text-slate-900">{person.name}</span>
      <SideBadge side={person.side} />
    </span>
  );
}

function MotionText({ view }: { view: MotionView }) {
  const { motion } = view;
  const { t } = useTranslation("voting");
  return (
    <section className="card space-y-4" aria-labelledby="motion-text-heading">
      <h3 id="motion-text-heading" className="sr-only">
        {t("motion.theMotion")}
      </h3>
      <blockquote className="whitespace-pre-wrap break-words border-l-4 border-indigo-600 pl-4 text-lg leading-relaxed text-slate-900" data-testid="motion-text">
        {motion.text}
      </blockquote>
      {motion.rationale ? (
        <div>
          <h4 className="text-sm font-semibold text-slate-800">{t("motion.rationale")}</h4>
          <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-700">{motion.rationale}</p>
        </div>
      ) : null}
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("motion.movedBy")}</dt>
          <dd className="mt-1">
            <Person person={motion.movedBy} />
          </dd>
        </div>
        <div>
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("motion.secondedBy")}</dt>
          <dd className="mt-1">
            <Person person={motion.secondedBy} />
          </dd>
        </div>
      </dl>
      <PrimaryActions view={view} />
    </section>
  );
}

function Details({ view }: { view: MotionView }) {
  const { motion, settings } = view;
  const { t } = useTranslation("voting");
  const row = "border-t border-slate-100 py-2 first:border-t-0 first:pt-0";
  return (
    <>
      <Section title={t("motion.about")} id="about">
        <dl className="text-sm">
          <div className={row}>
            <dt className="font-medium text-slate-500">{t("motion.body")}</dt>
            <dd className="text-slate-900">{motion.bodyName}</dd>
          </div>
          <div className={row}>
            <dt className="font-medium text-slate-500">{t("motion.status")}</dt>
            <dd className="text-slate-900">{t(`status.${motion.status}`)}</dd>
          </div>
          <div className={row}>
            <dt className="font-medium text-slate-500">{t("motion.ballot")}</dt>
            <dd className="text-slate-900">
              {t(`ballotShort.${motion.ballotKind}`)}
              <span className="block text-xs text-slate-500">
                {motion.ballotKind === "SECRET"
                  ? t("motion.secretExplained")
                  : motion.status !== "OPEN"
                    ? t("motion.rollCallExplained")
                    : motion.allowVoteChange
                      ? t("motion.rollCallChangeable")
                      : t("motion.rollCallFinal")}
              </span>
            </dd>
          </div>
          <div className={row}>
            <dt className="font-medium text-slate-500">{t("motion.rule")}</dt>
            <dd className="text-slate-900">
              {t(`rule.${motion.rule}`)}
              <span className="block text-xs text-slate-500">{t(`ruleExplained.${motion.rule}`)}</span>
            </dd>
          </div>
          <div className={row}>
            <dt className="font-medium text-slate-500">{t("motion.quorum")}</dt>
            <dd className="text-slate-900">{motion.requireQuorum ? t("motion.quorumRequired") : t("motion.quorumNotRequired")}</dd>
          </div>
          <div className={row}>
            <dt className="font-medium text-slate-500">{t("motion.where")}</dt>
            <dd className="text-slate-900">
              {motion.meeting ? (
                <Link className="link" to={`/p/${motion.partnershipId}/meetings/${motion.meeting.id}`}>
                  {motion.meeting.title}, <Time value={motion.meeting.startsAt} timeZone={motion.meeting.timeZone} />
                </Link>
              ) : (
                t("motion.electronic")
              )}
            </dd>
          </div>
          {motion.approvesMinutesOf ? (
            <div className={row}>
              <dt className="font-medium text-slate-500">{t("motion.ifPasses")}</dt>
              <dd className="text-slate-900">
                <Trans
                  t={t}
                  i18nKey={motion.approvesMinutesOf.minutesApprovedAt ? "motion.approvesMinutesDone" : "motion.approvesMinutes"}
                  values={{ meeting: motion.approvesMinutesOf.title }}
                  components={{
                    link: <Link className="link" to={`/p/${motion.partnershipId}/meetings/${motion.approvesMinutesOf.id}`} />,
                    time: <Time value={motion.approvesMinutesOf.startsAt} timeZone={motion.approvesMinutesOf.timeZone} />,
                  }}
                />
              </dd>
            </div>
          ) : null}
          {motion.openedAt ? (
            <div className={row}>
              <dt className="font-medium text-slate-500">{t("motion.opened")}</dt>
              <dd className="text-slate-900">
                <Time value={motion.openedAt} withTime />
              </dd>
            </div>
          ) : null}
          {motion.deadline ? (
            <div className={row}>
              <dt className="font-medium text-slate-500">{t("motion.deadline")}</dt>
              <dd className="text-slate-900">
                {motion.status === "OPEN" ? <Deadline deadline={motion.deadline} /> : <Time value={motion.deadline} withTime />}
              </dd>
            </div>
          ) : null}
          {motion.closedAt ? (
            <div className={row}>
              <dt className="font-medium text-slate-500">{t("motion.closed")}</dt>
              <dd className="text-slate-900">
                <Time value={motion.closedAt} withTime />
              </dd>
            </div>
          ) : null}
          {settings.secondFromOtherSide ? (
            <div className={row}>
              <dt className="font-medium text-slate-500">{t("motion.second")}</dt>
              <dd className="text-slate-900">{t("motion.secondOtherSide")}</dd>
            </div>
          ) : null}
        </dl>
      </Section>
      {motion.status === "MOVED" || motion.status === "SECONDED" ? <MoreActions view={view} /> : null}
    </>
  );
}

function MoreActions({ view }: { view: MotionView }) {
  const { viewer } = view;
  const { t } = useTranslation("voting");
  if (!viewer.isMover && !viewer.isVotingMember && !viewer.canChair) return null;
  return (
    <Section title={t("motion.beforeVote")} id="before-vote">
      <SecondaryActions view={view} />
    </Section>
  );
}
