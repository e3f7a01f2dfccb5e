// One person's record: per enrollment, progress toward completion (related instruction, on-the-job
// hours, competencies), the wage step, the weeks of hours with the mentor's decisions, competencies by
// module, credentials, status and outcomes, with the forms the viewer's relation allows (flags from the
// server's policy). Used by the staff's page and by the participant's own page.
import { Trans, useTranslation } from "react-i18next";
import { intlLocale } from "~/i18n/config";
import { useFormat, useToday } from "~/i18n/format";
import { useServerMessage } from "~/i18n/server-messages";
import { readReason } from "~/features/services/read-reason";
import { FormError, SelectField, TextField } from "~/components/field";
import { Badge, Section, Time } from "~/components/ui";
import { useInputMutationForm } from "~/lib/forms";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { CompetenciesSection } from "./record-competencies";
import { HoursSection } from "./record-hours";
import {
  ENROLLMENT_ACTIONS,
  formatTenths,
  type EnrollmentAction,
} from "../../../server/domains/participants/participants.rules";
import { ChangeStatusInputSchema, CredentialInputSchema, OutcomeInputSchema } from "../../../server/domains/participants/participants.schema";

export type ParticipantRecord = RouterOutputs["participants"]["get"];
export type Enrollment = ParticipantRecord["enrollments"][number];

const STATUS_TONE: Record<string, "slate" | "amber" | "green" | "red" | "indigo"> = {
  APPLIED: "slate",
  NOT_ENROLLED: "slate",
  ENROLLED: "indigo",
  ACTIVE: "green",
  COMPLETED: "green",
  CANCELLED: "red",
  TRANSFERRED: "amber",
};

function Bar({ label, percent, detail }: { label: string; percent: number; detail: string }) {
  return (
    <div>
      <div className="flex justify-between text-sm">
        <span className="font-medium">{label}</span>
        <span className="tabular-nums text-slate-700">{detail}</span>
      </div>
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="mt-1 h-2 rounded bg-slate-200">
        <div className="h-2 rounded bg-indigo-700" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

export function ParticipantRecordView({ record, onChanged }: { record: ParticipantRecord; onChanged: () => void }) {
  const { t, i18n } = useTranslation("participants");
  const translate = useServerMessage();
  const answers = record.participant.answers;
  return (
    <div className="space-y-8">
      {record.enrollments.map((e) => (
        <EnrollmentView key={e.id} enrollment={e} onChanged={onChanged} self={record.relation === "SELF"} />
      ))}
      {answers ? (
        <Section title={t("services:demographics.legend")} id="answers">
          <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-500">{t("services:demographics.question.raceEthnicity")}</dt>
              <dd>
                {new Intl.ListFormat(intlLocale(i18n.language), { type: "conjunction" }).format(
                  answers.raceEthnicityCodes.map((code) => t(`services:demographics.race.${code}`, { defaultValue: code })),
                )}
              </dd>
            </div>
          </dl>
          <p className="mt-2 text-xs text-slate-600">{t("record.answersNote")}</p>
        </Section>
      ) : null}
      {record.accessLog.length ? (
        <Section title={t("record.log")} id="access-log">
          <ul className="space-y-1 text-sm">
            {record.accessLog.map((l) => (
              <li key={l.id}>
                <span className="font-medium">{l.reader}</span> · <Time value={l.at} withTime />
                <span className="block text-xs text-slate-600">{readReason(l.reason, t, translate)}</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </div>
  );
}

function EnrollmentView({ enrollment: e, onChanged, self }: { enrollment: Enrollment; onChanged: () => void; self: boolean }) {
  const p = e.progress;
  const { t } = useTranslation("participants");
  const f = useFormat();
  const wage = (cents: number) => t("record.perHour", { amount: f.cents(cents) });
  const details = [
    t(`programKind.${e.program.kind}`),
    e.employerName,
    t("record.curriculum", { title: e.curriculum.title, number: e.curriculum.number }),
  ];
  const after = [
    ...(e.mentorName ? [t("record.mentor", { name: e.mentorName })] : []),
    ...(e.instructorName ? [t("record.instructor", { name: e.instructorName })] : []),
    ...(e.statusReason ? [e.statusReason] : []),
  ];
  return (
    <section aria-labelledby={`enrollment-${e.id}`} className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={`enrollment-${e.id}`} className="text-xl font-semibold text-slate-900">
          {e.program.name}
        </h2>
        <Badge tone={STATUS_TONE[e.status] ?? "slate"}>{t(`status.${e.status}`)}</Badge>
      </div>
      <p className="text-sm text-slate-600">
        {details.join(" · ")}
        {e.startDate ? (
          <>
            {" · "}
            <Trans t={t} i18nKey="record.started" components={{ time: <Time value={e.startDate} dateOnly /> }} />
          </>
        ) : null}
        {after.map((part) => ` · ${part}`).join("")}
      </p>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Section title={self ? t("record.yourProgress") : t("record.progress")} id={`progress-${e.id}`}>
            <div className="space-y-3">
              <Bar label={t("record.ojl")} percent={p.percent.ojl} detail={t("record.hoursOf", { done: formatTenths(p.credited.ojlTenths), count: p.required.ojlHours })} />
              <Bar label={t("record.ri")} percent={p.percent.ri} detail={t("record.hoursOf", { done: formatTenths(p.credited.riTenths), count: p.required.riHours })} />
              <Bar label={t("record.competencies")} percent={p.percent.competencies} detail={t("record.of", { done: p.attained, total: p.required.competencies })} />
            </div>
            {p.credited.standingOjlHours + p.credited.standingRiHours > 0 ? (
              <p className="mt-2 text-xs text-slate-600">
                {t("record.standing", { ojl: p.credited.standingOjlHours, ri: p.credited.standingRiHours })}
              </p>
            ) : null}
            <p className="mt-3 text-sm" data-testid="overall-progress">
              {p.complete ? t("record.complete") : t("record.overall", { percent: p.percent.overall })}
            </p>
          </Section>
          <HoursSection e={e} onChanged={onChanged} />
          <CompetenciesSection e={e} onChanged={onChanged} />
        </div>
        <div className="min-w-0 space-y-6">
          <Section title={t("record.wage")} id={`wage-${e.id}`}>
            {e.wageSteps.length === 0 ? (
              <p className="text-sm text-slate-600">{t("record.noWageSteps")}</p>
            ) : (
              <>
                <p className="text-sm">
                  <Trans
                    t={t}
                    i18nKey="record.currentStep"
                    values={{ step: e.wage.current ? t("record.step", { label: e.wage.current.label, wage: wage(e.wage.current.hourlyCents) }) : t("record.noStep") }}
                    components={{ strong: <span className="font-medium" /> }}
                  />
                </p>
                {e.wage.next ? (
                  <p className="mt-1 text-sm text-slate-600">
                    {e.wage.next.basis === "HOURS"
                      ? t("record.nextHours", { label: e.wage.next.label, wage: wage(e.wage.next.hourlyCents), count: e.wage.toNext ?? 0 })
                      : t("record.nextCompetencies", { label: e.wage.next.label, wage: wage(e.wage.next.hourlyCents), count: e.wage.toNext ?? 0 })}
                  </p>
                ) : null}
              </>
            )}
          </Section>
          <CredentialsSection e={e} onChanged={onChanged} />
          {e.can.changeStatus ? <StatusSection e={e} onChanged={onChanged} /> : null}
          {e.can.outcome || e.outcomes.length ? <OutcomesSection e={e} onChanged={onChanged} /> : null}
          <Section title={t("record.history")} id={`history-${e.id}`}>
            <ol className="space-y-1 text-sm">
              {e.events.map((ev) => (
                <li key={ev.id}>
                  {t(`status.${ev.to}`, { defaultValue: ev.to })} · <Time value={ev.at} /> · {ev.by}
                  {ev.reason ? <span className="block text-xs text-slate-600">{ev.reason}</span> : null}
                </li>
              ))}
            </ol>
          </Section>
        </div>
      </div>
    </section>
  );
}

function CredentialsSection({ e, onChanged }: { e: Enrollment; onChanged: () => void }) {
  const today = useToday();
  const record = trpc.participants.credential.record.useMutation({ onSuccess: onChanged });
  const form = useInputMutationForm({ schema: CredentialInputSchema, mutation: record, toInput: (v) => ({ ...v, enrollmentId: e.id }), onSuccess: (_r, f) => f.reset() });
  const { t } = useTranslation("participants");
  return (
    <Section title={t("credentials.title")} id={`credentials-${e.id}`}>
      {e.credentials.length === 0 ? (
        <p className="text-sm text-slate-600">{t("credentials.none")}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {e.credentials.map((c) => (
            <li key={c.id}>
              <span className="font-medium">{c.name}</span> · {c.issuer} · <Time value={c.earnedOn} dateOnly />
            </li>
          ))}
        </ul>
      )}
      {e.can.credential ? (
        <form onSubmit={form.onSubmit} noValidate className="mt-3 space-y-2" aria-label={t("credentials.form")}>
          <FormError message={form.error?.message} />
          <TextField label={t("credentials.name")} name="name" maxLength={200} error={form.fieldError("name")} />
          <TextField label={t("credentials.issuer")} name="issuer" maxLength={200} error={form.fieldError("issuer")} />
          <TextField label={t("credentials.earnedOn")} name="earnedOn" type="date" defaultValue={today} error={form.fieldError("earnedOn")} />
          <button type="submit" className="btn-secondary" disabled={form.pending}>
            {t("credentials.record")}
          </button>
        </form>
      ) : null}
    </Section>
  );
}

function StatusSection({ e, onChanged }: { e: Enrollment; onChanged: () => void }) {
  const change = trpc.participants.enrollment.status.useMutation({ onSuccess: onChanged });
  const actions = (Object.keys(ENROLLMENT_ACTIONS) as EnrollmentAction[]).filter((a) => (ENROLLMENT_ACTIONS[a].from as readonly string[]).includes(e.status));
  const form = useInputMutationForm({ schema: ChangeStatusInputSchema, mutation: change, toInput: (v) => ({ ...v, enrollmentId: e.id }) });
  const { t } = useTranslation("participants");
  if (!actions.length) return null;
  return (
    <Section title={t("statusForm.title")} id={`status-${e.id}`}>
      <form onSubmit={form.onSubmit} noValidate className="space-y-2" aria-label={t("statusForm.form")}>
        <FormError message={form.error?.message} />
        <SelectField label={t("statusForm.changeTo")} name="action" options={actions.map((a): [string, string] => [a, t(`statusForm.action.${a}`)])} />
        <TextField label={t("statusForm.startDate")} name="startDate" type="date" error={form.fieldError("startDate")} />
        <TextField label={t("statusForm.reason")} name="reason" maxLength={1000} error={form.fieldError("reason")} />
        <button type="submit" className="btn-secondary" disabled={form.pending}>
          {t("statusForm.submit")}
        </button>
      </form>
    </Section>
  );
}

function OutcomesSection({ e, onChanged }: { e: Enrollment; onChanged: () => void }) {
  const today = useToday();
  const record = trpc.participants.outcome.record.useMutation({ onSuccess: onChanged });
  const form = useInputMutationForm({
    schema: OutcomeInputSchema,
    mutation: record,
    toInput: (v) => ({ ...v, enrollmentId: e.id, employed: v.employed === "on" }),
  });
  const { t } = useTranslation("participants");
  const f = useFormat();
  const checkpoints = ["EXIT", "MONTH_6", "MONTH_12"] as const;
  const outcome = (o: Enrollment["outcomes"][number]) => {
    if (!o.employed) return t("outcomes.notEmployed");
    const wage = o.hourlyCents ? t("record.perHour", { amount: f.cents(o.hourlyCents) }) : null;
    if (o.employerName && wage) return t("outcomes.employedAtWage", { employer: o.employerName, wage });
    if (o.employerName) return t("outcomes.employedAt", { employer: o.employerName });
    if (wage) return t("outcomes.employedWage", { wage });
    return t("outcomes.employed");
  };
  return (
    <Section title={t("outcomes.title")} id={`outcomes-${e.id}`}>
      {e.outcomes.length ? (
        <ul className="space-y-1 text-sm">
          {e.outcomes.map((o) => (
            <li key={o.checkpoint}>
              {t("outcomes.line", { when: t(`outcomes.checkpoint.${o.checkpoint}`, { defaultValue: o.checkpoint }), outcome: outcome(o) })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t("outcomes.none")}</p>
      )}
      {e.can.outcome ? (
        <form onSubmit={form.onSubmit} noValidate className="mt-3 space-y-2" aria-label={t("outcomes.form")}>
          <FormError message={form.error?.message} />
          <SelectField label={t("outcomes.when")} name="checkpoint" options={checkpoints.map((c): [string, string] => [c, t(`outcomes.checkpoint.${c}`)])} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="employed" /> {t("outcomes.employedLabel")}
          </label>
          <TextField label={t("outcomes.employer")} name="employerName" maxLength={200} error={form.fieldError("employerName")} />
          <TextField label={t("outcomes.hourlyWage")} name="hourlyWage" inputMode="decimal" placeholder="24.50" error={form.fieldError("hourlyWage")} />
          <TextField label={t("outcomes.recordedOn")} name="recordedOn" type="date" defaultValue={today} error={form.fieldError("recordedOn")} />
          <button type="submit" className="btn-secondary" disabled={form.pending}>
            {t("outcomes.record")}
          </button>
        </form>
      ) : null}
    </Section>
  );
}
