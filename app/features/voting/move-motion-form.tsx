// Moving a motion in a body where the user holds a voting seat: the wording, why, how members vote,
// the decision rule (explained as it is chosen), quorum, and optionally the meeting it is taken at.
import { useNavigate } from "@remix-run/react";
import { useState } from "react";
import { FormError, SelectField, TextArea } from "~/components/field";
import { EmptyState } from "~/components/ui";
import type { MeetingSummary } from "~/features/meetings/meeting-list";
import { useMutationForm } from "~/lib/forms";
import { trpc } from "~/lib/trpc";
import { isPooledRule, RULE_EXPLANATIONS, RULE_LABELS, type DecisionRule } from "../../../server/domains/voting/voting.rules";
import { BALLOT_KINDS, MOTION_TEXT_MAX, MoveMotionInputSchema } from "../../../server/domains/voting/voting.schema";
import { CheckboxField } from "./parts";

export type MovableBody = { id: string; name: string; equalRepresentation?: boolean; unitRule?: boolean };

/** In the meeting's own time zone, so the server's and the browser's renderings agree. */
const meetingWhen = (m: MeetingSummary) =>
  new Intl.DateTimeFormat("en-US", {
    month: "short",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: m.timeZone,
    timeZoneName: "short",
  }).format(m.startsAt);

export function MoveMotionForm({ partnershipId, bodies, meetings }: { partnershipId: string; bodies: MovableBody[]; meetings: MeetingSummary[] }) {
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
      <EmptyState title="Voting members move motions">
        You do not hold a voting seat on any body of this partnership, so you can follow and discuss motions but not move them.
      </EmptyState>
    );
  }
  const bodyMeetings = meetings.filter((m) => m.body.id === bodyId && (m.status === "SCHEDULED" || m.status === "LIVE"));
  // A body with equal representation decides per side: the rules that pool both sides' votes are not offered.
  const body = bodies.find((b) => b.id === bodyId);
  const rules = (Object.entries(RULE_LABELS) as Array<[DecisionRule, string]>).filter(([r]) => !body?.equalRepresentation || !isPooledRule(r));
  const draftMinutes = meetings.filter((m) => m.body.id === bodyId && m.status === "ADJOURNED" && !m.minutesApprovedAt);
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate aria-label="Move a motion">
      <FormError message={form.error?.message} />
      <SelectField
        label="Body"
        name="bodyId"
        value={bodyId}
        onChange={(e) => setBodyId(e.currentTarget.value)}
        options={bodies.map((b): [string, string] => [b.id, b.name])}
        hint="Where the motion is decided. You can move motions where you hold a voting seat."
        error={form.fieldError("bodyId")}
      />
      <TextArea
        label="Motion"
        name="text"
        rows={4}
        required
        maxLength={MOTION_TEXT_MAX}
        placeholder="I move that the committee…"
        error={form.fieldError("text")}
      />
      <TextArea label="Rationale (optional)" name="rationale" rows={3} maxLength={MOTION_TEXT_MAX} error={form.fieldError("rationale")} />
      <SelectField label="How members vote" name="ballotKind" options={BALLOT_KINDS} defaultValue="ROLL_CALL" error={form.fieldError("ballotKind")} />
      <SelectField
        label="Decision rule"
        name="rule"
        options={rules}
        value={rule}
        onChange={(e) => setRule(e.currentTarget.value as DecisionRule)}
        hint={`${RULE_EXPLANATIONS[rule]}${body?.equalRepresentation ? " This body has equal representation: its motions are decided per side." : ""}${body?.unitRule ? " Each side votes as a unit (its majority casts its vote)." : ""}`}
        error={form.fieldError("rule")}
      />
      <CheckboxField
        label="Require a quorum"
        name="requireQuorum"
        defaultChecked
        hint="Without a per-side quorum the vote is not valid. At a meeting, quorum comes from attendance; between meetings, from who voted."
      />
      <SelectField
        key={bodyId}
        label="Meeting (optional)"
        name="meetingId"
        placeholder="None: an electronic vote between meetings"
        options={bodyMeetings.map((m): [string, string] => [m.id, `${m.title} · ${meetingWhen(m)}${m.status === "LIVE" ? " (in session)" : ""}`])}
        hint={bodyMeetings.length === 0 ? "This body has no scheduled or live meeting." : "A motion taken at a meeting goes into its minutes."}
        error={form.fieldError("meetingId")}
      />
      {draftMinutes.length > 0 ? (
        <SelectField
          key={`minutes-${bodyId}`}
          label="Approves the minutes of (optional)"
          name="approvesMinutesOfMeetingId"
          placeholder="None"
          options={draftMinutes.map((m): [string, string] => [m.id, `${m.title} · ${meetingWhen(m)}`])}
          hint="If the motion passes, these draft minutes are approved by the body's vote instead of by both co-chairs."
          error={form.fieldError("approvesMinutesOfMeetingId")}
        />
      ) : null}
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={form.pending}>
        {form.pending ? "Moving…" : "Move the motion"}
      </button>
    </form>
  );
}
