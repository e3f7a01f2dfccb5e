// Motions inside the live room: the current item's motions are moved, seconded, amended and voted here,
// with the voting domain's own procedures and components (the ballot, the live tally, the result).
// One motion is shown in full — the vote that is open, else the newest one waiting for a second or the
// vote, else the last result — and the item's other motions are listed under it. Everything follows
// the meeting's room ("motions" changes) and each motion's room (ballots, tallies).
import { Link } from "@remix-run/react";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { FormError, SelectField, TextArea } from "~/components/field";
import { Badge, SideBadge } from "~/components/ui";
import { useRealtimeEvent } from "~/features/realtime/realtime";
import { Ballot } from "~/features/voting/ballot";
import { STATUS_TONES, type MotionSummary, type MotionView } from "~/features/voting/labels";
import { LiveTally } from "~/features/voting/live-tally";
import { PrimaryActions, SecondaryActions } from "~/features/voting/motion-actions";
import { CheckboxField, OutcomeBadge } from "~/features/voting/parts";
import { Deadlock, VoteResult } from "~/features/voting/result";
import { useMotionListLive, useMotionLive } from "~/features/voting/use-motion-live";
import { useServerMessage } from "~/i18n/server-messages";
import { toUiError } from "~/lib/errors";
import { useMutationForm } from "~/lib/forms";
import { trpc } from "~/lib/trpc";
import { isPooledRule, RULE_LABELS, type DecisionRule } from "../../../../server/domains/voting/voting.rules";
import { BALLOT_KINDS, MOTION_TEXT_MAX, MoveMotionInputSchema, type BallotKind } from "../../../../server/domains/voting/voting.schema";
import type { MeetingView } from "./types";

const ACTIVE = ["OPEN", "SECONDED", "MOVED"] as const;

/** Which of the item's motions the room shows in full (the list is newest first). */
export function featuredMotion(motions: MotionSummary[]): MotionSummary | null {
  return (
    motions.find((m) => m.status === "OPEN") ??
    motions.find((m) => (ACTIVE as readonly string[]).includes(m.status)) ??
    motions.find((m) => m.status === "CLOSED") ??
    null
  );
}

export function RoomMotions({ view }: { view: MeetingView }) {
  const { meeting } = view;
  const item = view.agenda.items.find((i) => i.id === meeting.currentItemId) ?? null;
  if (meeting.status !== "LIVE" || !item) return null;
  return <ItemMotions view={view} item={item} />;
}

function ItemMotions({ view, item }: { view: MeetingView; item: MeetingView["agenda"]["items"][number] }) {
  const { t } = useTranslation("meetings");
  const translate = useServerMessage();
  const { meeting } = view;
  const utils = trpc.useUtils();
  const input = { partnershipId: meeting.partnershipId, meetingId: meeting.id };
  useMotionListLive(meeting.partnershipId);
  useRealtimeEvent("meeting:changed", (p) => {
    if (p.meetingId === meeting.id && p.parts.includes("motions")) void utils.voting.motion.list.invalidate(input);
  });
  const list = trpc.voting.motion.list.useQuery(input);
  const motions = (list.data ?? []).filter((m) => m.agendaItemId === item.id);
  const featured = featuredMotion(motions);
  const others = motions.filter((m) => m.id !== featured?.id);
  return (
    <section className="card space-y-4" aria-labelledby="room-motions-heading" data-testid="room-motions">
      <div>
        <h2 id="room-motions-heading" className="text-base font-semibold text-slate-900">
          {t("motions.title")}
        </h2>
        <p className="hidden text-xs text-slate-500 sm:block">{t("motions.intro")}</p>
      </div>
      {list.isError ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {t("motions.loadFailed", { message: translate(toUiError(list.error).message) })}
        </p>
      ) : list.isPending ? (
        <p className="text-sm text-slate-600" aria-live="polite">
          {t("motions.loading")}
        </p>
      ) : featured ? (
        <FeaturedMotion key={featured.id} motionId={featured.id} ballotKind={featured.ballotKind} />
      ) : (
        <p className="text-sm text-slate-600">{t("motions.none")}</p>
      )}
      {others.length ? (
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("motions.others")}</h3>
          <ul className="mt-1 divide-y divide-slate-100">
            {others.map((m) => (
              <li key={m.id} className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm">
                <Link to={`/p/${meeting.partnershipId}/votes/${m.id}`} className="link line-clamp-2 min-w-0 flex-1 basis-48 break-words">
                  {m.amendsMotionId ? <span className="text-slate-500">{t("motions.amendment")} </span> : null}
                  {m.text}
                </Link>
                {m.outcome ? <OutcomeBadge outcome={m.outcome} /> : <Badge tone={STATUS_TONES[m.status]}>{t(`voting:status.${m.status}`)}</Badge>}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <MoveInRoom view={view} itemId={item.id} />
    </section>
  );
}

/** The featured motion: its text and next step, then the ballot, the live tally and the result, embedded. */
function FeaturedMotion({ motionId, ballotKind }: { motionId: string; ballotKind: "ROLL_CALL" | "SECRET" }) {
  const { t } = useTranslation("meetings");
  const translate = useServerMessage();
  useMotionLive(motionId, ballotKind);
  const query = trpc.voting.motion.get.useQuery({ motionId });
  if (query.isError) {
    return (
      <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
        {t("motions.loadOneFailed", { message: translate(toUiError(query.error).message) })}
      </p>
    );
  }
  if (!query.data) return <p className="text-sm text-slate-600">{t("motions.loadingOne")}</p>;
  const view = query.data;
  return (
    <div className="space-y-4" data-testid="room-motion">
      {/* While the vote is open the ballot comes first (its legend is the motion): on a phone it is on the first screen. */}
      {view.motion.status === "OPEN" ? <Ballot view={view} /> : null}
      <MotionSummaryCard view={view} />
      {view.motion.status === "OPEN" ? null : <Ballot view={view} />}
      <LiveTally view={view} />
      <VoteResult view={view} />
      <Deadlock view={view} />
      {view.motion.status === "MOVED" || view.motion.status === "SECONDED" ? (
        <details className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
          <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("motions.more")}</summary>
          <div className="mt-3">
            <SecondaryActions view={view} />
          </div>
        </details>
      ) : null}
    </div>
  );
}

function MotionSummaryCard({ view }: { view: MotionView }) {
  const { t } = useTranslation("meetings");
  const { motion } = view;
  return (
    <div className="space-y-3 rounded-md bg-white p-3 ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center gap-2">
        <span role="status">
          <Badge tone={STATUS_TONES[motion.status]}>
            <span className="sr-only">{t("header.status")} </span>
            {t(`voting:status.${motion.status}`)}
          </Badge>
        </span>
        {motion.outcome ? <OutcomeBadge outcome={motion.outcome} /> : null}
        <span className="text-xs text-slate-500">
          {t(`voting:ballotShort.${motion.ballotKind}`)} · {t(`voting:rule.${motion.rule}`)}
        </span>
      </div>
      <blockquote className="whitespace-pre-wrap break-words border-l-4 border-indigo-600 pl-3 text-base text-slate-900" data-testid="room-motion-text">
        {motion.amendsMotionId ? <span className="text-slate-500">{t("motions.amendment")} </span> : null}
        {motion.text}
      </blockquote>
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
        <span className="inline-flex items-center gap-1">
          {motion.movedBy ? (
            <Trans t={t} i18nKey="motions.movedBy" values={{ name: motion.movedBy.name }} components={{ side: <SideBadge side={motion.movedBy.side} /> }} />
          ) : (
            t("motions.movedByFormer")
          )}
        </span>
        {motion.secondedBy ? (
          <span className="inline-flex items-center gap-1">
            <Trans t={t} i18nKey="motions.secondedBy" values={{ name: motion.secondedBy.name }} components={{ side: <SideBadge side={motion.secondedBy.side} /> }} />
          </span>
        ) : null}
        <Link to={`/p/${motion.partnershipId}/votes/${motion.id}`} className="link">
          {t("motions.fullRecord")}
        </Link>
      </p>
      <PrimaryActions view={view} />
    </div>
  );
}

/** A voting member moves a motion on the current item, without leaving the room. */
function MoveInRoom({ view, itemId }: { view: MeetingView; itemId: string }) {
  const { t } = useTranslation("meetings");
  const { meeting, body } = view;
  const bodies = trpc.voting.motion.movableBodies.useQuery({ partnershipId: meeting.partnershipId });
  const movable = bodies.data?.find((b) => b.id === body.id) ?? null;
  const [open, setOpen] = useState(false);
  const [rule, setRule] = useState<DecisionRule>("DUAL_MAJORITY");
  const utils = trpc.useUtils();
  const move = trpc.voting.motion.move.useMutation();
  const form = useMutationForm({
    schema: MoveMotionInputSchema,
    mutation: move,
    toInput: (values) => ({
      ...values,
      bodyId: body.id,
      meetingId: meeting.id,
      agendaItemId: itemId,
      approvesMinutesOfMeetingId: null,
      requireQuorum: values.requireQuorum === "on",
    }),
    onSuccess: (_result, element) => {
      element.reset();
      setOpen(false);
      void utils.voting.motion.list.invalidate({ partnershipId: meeting.partnershipId, meetingId: meeting.id });
    },
  });
  if (!movable) return null;
  if (!open) {
    return (
      <button type="button" className="btn-secondary" onClick={() => setOpen(true)}>
        {t("motions.move")}
      </button>
    );
  }
  const rules = (Object.keys(RULE_LABELS) as DecisionRule[]).filter((r) => !movable.equalRepresentation || !isPooledRule(r)).map((r): [string, string] => [r, t(`voting:rule.${r}`)]);
  const ballotKinds = (Object.keys(BALLOT_KINDS) as BallotKind[]).map((k): [string, string] => [k, t(`voting:ballotKind.${k}`)]);
  return (
    <form onSubmit={form.onSubmit} className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" noValidate aria-label={t("motions.move")}>
      <FormError message={form.error?.message} />
      <TextArea label={t("motions.motion")} name="text" rows={3} required maxLength={MOTION_TEXT_MAX} placeholder={t("motions.placeholder")} error={form.fieldError("text")} autoFocus />
      <SelectField label={t("motions.ballotKind")} name="ballotKind" options={ballotKinds} defaultValue="ROLL_CALL" error={form.fieldError("ballotKind")} />
      <SelectField
        label={t("motions.rule")}
        name="rule"
        options={rules}
        value={rule}
        onChange={(e) => setRule(e.currentTarget.value as DecisionRule)}
        hint={t(`voting:ruleExplained.${rule}`)}
        error={form.fieldError("rule")}
      />
      <CheckboxField label={t("motions.requireQuorum")} name="requireQuorum" defaultChecked hint={t("motions.requireQuorumHint")} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary" disabled={form.pending}>
          {form.pending ? t("motions.moving") : t("motions.submit")}
        </button>
        <button type="button" className="btn-secondary" onClick={() => (form.reset(), setOpen(false))}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
