// Moving a motion in a body where the user holds a voting seat: the wording, why, how members vote,
// the decision rule (explained as it is chosen), quorum, and optionally the meeting it is taken at.
import { useNavigate } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, SelectField, TextArea } from "~/components/field";
import { EmptyState } from "~/components/ui";
import { useFormat } from "~/i18n/format";
import type { MeetingSummary } from "~/features/meetings/meeting-list";
import { useMutationForm } from "~/lib/forms";
import { trpc } from "~/lib/trpc";
import { isPooledRule, RULE_LABELS, type DecisionRule } from "../../../server/domains/voting/voting.rules";
import { BALLOT_KINDS, MOTION_TEXT_MAX, MoveMotionInputSchema } from "../../../server/domains/voting/voting.schema";
import { CheckboxField } from "./parts";

export type MovableBody = { id: string; name: string; equalRepresentation?: boolean; unitRule?: boolean };

export function MoveMotionForm({ partnershipId, bodies, meetings }: { partnershipId: string; bodies: MovableBody[]; meetings: MeetingSummary[] }) {
  const { t } = useTranslation("voting");
  const f = useFormat();
  /** In the meeting's own time zone, so the server's and the browser's renderings agree. */
  const meetingWhen = (m: MeetingSummary) => f.dateTimeWithZone(m.startsAt, m.timeZone);
  const navigate = useNavigate();
  const [bodyId, setBodyId] = useState(bodies[0]?.id ?? "");
  const [rule, setRule] = useState<DecisionRule>("DUAL_MAJORITY");
  const move = trpc.voting.motion.move.useMutation();
  const form = useMutationForm({
    schema: MoveMotionInputSchema,
    mutation: move,
    toInput: (values) => ({
      ...values,
      meetingId: values.meetingId ? values.meetingId : null,
      approvesMinutesOfMeetingId: values.approvesMinutesOfMeetingId ? values.approvesMinutesOfMeetingId : null,
      requireQuorum: values.requireQuorum === "on",
    }),
    onSuccess: (result) => navigate(`/p/${partnershipId}/votes/${result.id}`),
  });
  if (bodies.length === 0) {
    return (
      <EmptyState title={t("move.noSeatTitle")}>{t("move.noSeat")}</EmptyState>
    );
  }
  const bodyMeetings = meetings.filter((m) => m.body.id === bodyId && (m.status === "SCHEDULED" || m.status === "LIVE"));
  // A body with equal representation decides per side: the rules that pool both sides' votes are not offered.
  const body = bodies.find((b) => b.id === bodyId);
  const rules = (Object.keys(RULE_LABELS) as DecisionRule[]).filter((r) => !body?.equalRepresentation || !isPooledRule(r)).map((r): [string, string] => [r, t(`rule.${r}`)]);
  const ruleHint = [
    t(`ruleExplained.${rule}`),
    body?.equalRepresentation ? t("move.equalRepresentation") : null,
    body?.unitRule ? t("move.unitRule") : null,
  ]
    .filter(Boolean)
    .join(" ");
  const draftMinutes = meetings.filter((m) => m.body.id === bodyId && m.status === "ADJOURNED" && !m.minutesApprovedAt);
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate aria-label={t("index.move")}>
      <FormError message={form.error?.message} />
      <SelectField
        label={t("move.body")}
        name="bodyId"
        value={bodyId}
        onChange={(e) => setBodyId(e.currentTarget.value)}
        options={bodies.map((b): [string, string] => [b.id, b.name])}
        hint={t("move.bodyHint")}
        error={form.fieldError("bodyId")}
      />
      <TextArea
        label={t("move.motion")}
        name="text"
        rows={4}
        required
        maxLength={MOTION_TEXT_MAX}
        placeholder={t("move.motionPlaceholder")}
        error={form.fieldError("text")}
      />
      <TextArea label={t("move.rationale")} name="rationale" rows={3} maxLength={MOTION_TEXT_MAX} error={form.fieldError("rationale")} />
      <SelectField
        label={t("move.ballotKind")}
        name="ballotKind"
        options={(Object.keys(BALLOT_KINDS) as Array<keyof typeof BALLOT_KINDS>).map((k): [string, string] => [k, t(`ballotKind.${k}`)])} defaultValue="ROLL_CALL" error={form.fieldError("ballotKind")} />
      <SelectField
        label={t("move.rule")}
        name="rule"
        options={rules}
        value={rule}
        onChange={(e) => setRule(e.currentTarget.value as DecisionRule)}
        hint={ruleHint}
        error={form.fieldError("rule")}
      />
      <CheckboxField
        label={t("move.quorum")}
        name="requireQuorum"
        defaultChecked
        hint={t("move.quorumHint")}
      />
      <SelectField
        key={bodyId}
        label={t("move.meeting")}
        name="meetingId"
        placeholder={t("move.meetingNone")}
        options={bodyMeetings.map((m): [string, string] => [
          m.id,
          m.status === "LIVE" ? t("move.meetingOptionLive", { title: m.title, when: meetingWhen(m) }) : t("move.meetingOption", { title: m.title, when: meetingWhen(m) }),
        ])}
        hint={bodyMeetings.length === 0 ? t("move.noMeeting") : t("move.meetingHint")}
        error={form.fieldError("meetingId")}
      />
      {draftMinutes.length > 0 ? (
        <SelectField
          key={`minutes-${bodyId}`}
          label={t("move.minutes")}
          name="approvesMinutesOfMeetingId"
          placeholder={t("move.minutesNone")}
          options={draftMinutes.map((m): [string, string] => [m.id, t("move.meetingOption", { title: m.title, when: meetingWhen(m) })])}
          hint={t("move.minutesHint")}
          error={form.fieldError("approvesMinutesOfMeetingId")}
        />
      ) : null}
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={form.pending}>
        {form.pending ? t("move.moving") : t("move.submit")}
      </button>
    </form>
  );
}
