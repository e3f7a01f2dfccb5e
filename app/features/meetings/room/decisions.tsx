// Decisions taken on an item, each with the quorum as it stood when it was recorded.
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { FormError, TextArea } from "~/components/field";
import { useMutationForm } from "~/lib/forms";
import { trpc } from "~/lib/trpc";
import { RecordDecisionInputSchema, TEXT_MAX } from "../../../../server/domains/meetings/meetings.schema";
import { decisionText } from "../../../../server/domains/meetings/record.rules";
import { useLimitHints } from "../limits";
import { MeetingTime } from "../meeting-time";
import { useMeetingRefresh } from "./actions";
import { quorumSummary, type MeetingView } from "./types";

type Decision = MeetingView["decisions"][number];

export function Decisions({
  view,
  agendaItemId,
  itemTitle,
  decisions,
  canWrite,
}: {
  view: MeetingView;
  agendaItemId: string | null;
  itemTitle: string | null;
  decisions: Decision[];
  canWrite: boolean;
}) {
  const { t } = useTranslation("meetings");
  const canRecord = canWrite && view.viewer.canRecordDecision;
  if (decisions.length === 0 && !canRecord) return null;
  return (
    <div className="mt-3">
      <h4 className="text-sm font-semibold text-slate-800">{t("decisions.title")}</h4>
      {decisions.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">{t("decisions.none")}</p>
      ) : (
        <ul className="mt-1 space-y-2" data-testid="decisions">
          {decisions.map((d) => (
            <li key={d.id} className="rounded-md bg-green-50 px-3 py-2 text-sm ring-1 ring-green-200">
              <p className="whitespace-pre-wrap break-words text-slate-900">{decisionText(t, d)}</p>
              <p className={`mt-1 text-xs ${d.quorum.met ? "text-green-800" : "text-red-800"}`}>
                <Trans
                  t={t}
                  i18nKey="decisions.quorumAt"
                  values={{ quorum: quorumSummary(t, d.quorum) }}
                  components={{ time: <MeetingTime value={d.createdAt} timeZone={view.meeting.timeZone} /> }}
                />
              </p>
            </li>
          ))}
        </ul>
      )}
      {canRecord ? <RecordDecision meetingId={view.meeting.id} agendaItemId={agendaItemId} itemTitle={itemTitle} /> : null}
    </div>
  );
}

function RecordDecision({ meetingId, agendaItemId, itemTitle }: { meetingId: string; agendaItemId: string | null; itemTitle: string | null }) {
  const { t } = useTranslation("meetings");
  const { limitHint } = useLimitHints();
  const refresh = useMeetingRefresh(meetingId);
  const record = trpc.meetings.minutes.recordDecision.useMutation({ onSuccess: () => void refresh() });
  const [recorded, setRecorded] = useState<string | null>(null);
  const form = useMutationForm({
    schema: RecordDecisionInputSchema,
    mutation: record,
    toInput: (values) => ({ ...values, meetingId, agendaItemId }),
    onSuccess: (result, el) => {
      el.reset();
      setRecorded(t("decisions.recorded", { quorum: quorumSummary(t, result.quorum) }));
    },
  });
  return (
    <form
      onSubmit={(e) => {
        setRecorded(null);
        void form.onSubmit(e);
      }}
      noValidate
      className="mt-2 space-y-2"
      aria-label={itemTitle ? t("decisions.recordOn", { title: itemTitle }) : t("decisions.recordLabel")}
    >
      <FormError message={form.error?.fields.text ? null : form.error?.message} />
      <TextArea
        label={t("decisions.label")}
        name="text"
        rows={2}
        maxLength={TEXT_MAX}
        hint={limitHint(TEXT_MAX)}
        error={form.fieldError("text")}
        placeholder={t("decisions.placeholder")}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-secondary" disabled={form.pending}>
          {form.pending ? t("decisions.recording") : t("decisions.record")}
        </button>
        <p role="status" className="text-xs text-green-800">
          {recorded}
        </p>
      </div>
    </form>
  );
}
