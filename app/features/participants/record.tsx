// One person's record: per enrollment, progress toward completion (related instruction, on-the-job
// hours, competencies), the wage step, the weeks of hours with the mentor's decisions, competencies by
// module, credentials, status and outcomes, with the forms the viewer's relation allows (flags from the
// server's policy). Used by the staff's page and by the participant's own page.
import { useState } from "react";
import { FormError, SelectField, TextField } from "~/components/field";
import { Badge, EmptyState, InlineError, Section, Time } from "~/components/ui";
import { useInputMutationForm } from "~/lib/forms";
import { toUiError } from "~/lib/errors";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import {
  ENROLLMENT_ACTION_LABELS,
  ENROLLMENT_ACTIONS,
  ENROLLMENT_STATUSES,
  formatTenths,
  formatWage,
  PROGRAM_KINDS,
  type EnrollmentAction,
} from "../../../server/domains/participants/participants.rules";
import {
  ChangeStatusInputSchema,
  CompetencyInputSchema,
  CredentialInputSchema,
  LogHoursInputSchema,
  OutcomeInputSchema,
  TestOutInputSchema,
} from "../../../server/domains/participants/participants.schema";

export type ParticipantRecord = RouterOutputs["participants"]["get"];
type Enrollment = ParticipantRecord["enrollments"][number];

const today = () => new Date().toISOString().slice(0, 10);
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
  return (
    <div className="space-y-8">
      {record.enrollments.map((e) => (
        <EnrollmentView key={e.id} enrollment={e} onChanged={onChanged} self={record.relation === "SELF"} />
      ))}
      {record.participant.answers ? (
        <Section title="Self-reported (optional)" id="answers">
          <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-500">Race and ethnicity</dt>
              <dd>{record.participant.answers.raceEthnicity}</dd>
            </div>
          </dl>
          <p className="mt-2 text-xs text-slate-600">Seen only by you and the program&apos;s administrators; counted, never shown, elsewhere.</p>
        </Section>
      ) : null}
      {record.accessLog.length ? (
        <Section title="Who opened this record" id="access-log">
          <ul className="space-y-1 text-sm">
            {record.accessLog.map((l) => (
              <li key={l.id}>
                <span className="font-medium">{l.reader}</span> · <Time value={l.at} withTime />
                <span className="block text-xs text-slate-600">{l.reason}</span>
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
  return (
    <section aria-labelledby={`enrollment-${e.id}`} className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={`enrollment-${e.id}`} className="text-xl font-semibold text-slate-900">
          {e.program.name}
        </h2>
        <Badge tone={STATUS_TONE[e.status] ?? "slate"}>{ENROLLMENT_STATUSES[e.status]}</Badge>
      </div>
      <p className="text-sm text-slate-600">
        {PROGRAM_KINDS[e.program.kind]} · {e.employerName} · curriculum “{e.curriculum.title}” version {e.curriculum.number}
        {e.startDate ? (
          <>
            {" "}
            · started <Time value={e.startDate} dateOnly />
          </>
        ) : null}
        {e.mentorName ? ` · mentor ${e.mentorName}` : ""}
        {e.instructorName ? ` · instructor ${e.instructorName}` : ""}
        {e.statusReason ? ` · ${e.statusReason}` : ""}
      </p>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Section title={self ? "Your progress toward completion" : "Progress toward completion"} id={`progress-${e.id}`}>
            <div className="space-y-3">
              <Bar label="On-the-job learning" percent={p.percent.ojl} detail={`${formatTenths(p.credited.ojlTenths)} of ${p.required.ojlHours} hours`} />
              <Bar label="Related instruction" percent={p.percent.ri} detail={`${formatTenths(p.credited.riTenths)} of ${p.required.riHours} hours`} />
              <Bar label="Competencies" percent={p.percent.competencies} detail={`${p.attained} of ${p.required.competencies}`} />
            </div>
            {p.credited.standingOjlHours + p.credited.standingRiHours > 0 ? (
              <p className="mt-2 text-xs text-slate-600">
                Includes advanced standing from test-out: {p.credited.standingOjlHours} on-the-job and {p.credited.standingRiHours} instruction hours.
              </p>
            ) : null}
            <p className="mt-3 text-sm" data-testid="overall-progress">
              {p.complete ? "Every requirement is met." : `${p.percent.overall}% of the way overall.`}
            </p>
          </Section>
          <HoursSection e={e} onChanged={onChanged} />
          <CompetenciesSection e={e} onChanged={onChanged} />
        </div>
        <div className="min-w-0 space-y-6">
          <Section title="Wage" id={`wage-${e.id}`}>
            {e.wageSteps.length === 0 ? (
              <p className="text-sm text-slate-600">The program sets no wage steps.</p>
            ) : (
              <>
                <p className="text-sm">
                  Current step: <span className="font-medium">{e.wage.current ? `${e.wage.current.label}, ${formatWage(e.wage.current.hourlyCents)}` : "none yet"}</span>
                </p>
                {e.wage.next ? (
                  <p className="mt-1 text-sm text-slate-600">
                    Next: {e.wage.next.label} ({formatWage(e.wage.next.hourlyCents)}) in {e.wage.toNext} {e.wage.next.basis === "HOURS" ? "on-the-job hours" : "competencies"}.
                  </p>
                ) : null}
              </>
            )}
          </Section>
          <CredentialsSection e={e} onChanged={onChanged} />
          {e.can.changeStatus ? <StatusSection e={e} onChanged={onChanged} /> : null}
          {e.can.outcome || e.outcomes.length ? <OutcomesSection e={e} onChanged={onChanged} /> : null}
          <Section title="History" id={`history-${e.id}`}>
            <ol className="space-y-1 text-sm">
              {e.events.map((ev) => (
                <li key={ev.id}>
                  {ENROLLMENT_STATUSES[ev.to as keyof typeof ENROLLMENT_STATUSES] ?? ev.to} · <Time value={ev.at} /> · {ev.by}
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

function HoursSection({ e, onChanged }: { e: Enrollment; onChanged: () => void }) {
  const log = trpc.participants.hours.log.useMutation({ onSuccess: onChanged });
  const decide = trpc.participants.hours.decide.useMutation({ onSuccess: onChanged });
  const [error, setError] = useState<string | null>(null);
  const kinds: Array<[string, string]> = [
    ...(e.can.logOjl ? [["OJL", "On the job"] as [string, string]] : []),
    ...(e.can.logRi ? [["RI", "Related instruction"] as [string, string]] : []),
  ];
  const form = useInputMutationForm({
    schema: LogHoursInputSchema,
    mutation: log,
    toInput: (v) => ({ ...v, enrollmentId: e.id }),
    onSuccess: (_r, f) => f.reset(),
  });
  return (
    <Section title="Hours by week" id={`hours-${e.id}`}>
      {kinds.length ? (
        <form onSubmit={form.onSubmit} noValidate className="mb-4 grid grid-cols-1 gap-3 sm:grid-cols-4" aria-label="Log hours">
          <div className="sm:col-span-4">
            <FormError message={form.error?.message} />
          </div>
          <TextField label="Week of" name="week" type="date" defaultValue={today()} error={form.fieldError("week")} />
          <SelectField label="Kind" name="kind" options={kinds} error={form.fieldError("kind")} />
          <TextField label="Hours" name="hours" inputMode="decimal" placeholder="40" error={form.fieldError("hours")} />
          <TextField label="Note (optional)" name="note" maxLength={500} error={form.fieldError("note")} />
          <div className="sm:col-span-4">
            <button type="submit" className="btn-primary" disabled={form.pending}>
              Log hours
            </button>
            {log.isSuccess && !form.error ? (
              <span role="status" className="ml-3 text-sm text-green-800">
                Logged: waiting for the mentor.
              </span>
            ) : null}
          </div>
        </form>
      ) : null}
      <InlineError message={error} />
      {e.hours.length === 0 ? (
        <EmptyState title="No hours logged yet" />
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Hours by week, scrollable">
          <table className="w-full min-w-[30rem] text-sm">
            <caption className="sr-only">Hours logged by week</caption>
            <thead>
              <tr className="border-b text-xs text-slate-600">
                <th scope="col" className="py-1 text-left font-medium">
                  Week of
                </th>
                <th scope="col" className="py-1 text-left font-medium">
                  Kind
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  Hours
                </th>
                <th scope="col" className="py-1 text-left font-medium">
                  Status
                </th>
                <th scope="col" className="py-1 text-left font-medium">
                  <span className="sr-only">Decision</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {e.hours.map((h) => (
                <tr key={h.id} className="border-b border-slate-100 align-top">
                  <td className="py-1">
                    <Time value={h.weekOf} dateOnly />
                  </td>
                  <td className="py-1">{h.kind === "OJL" ? "On the job" : "Instruction"}</td>
                  <td className="py-1 text-right tabular-nums">{formatTenths(h.tenths)}</td>
                  <td className="py-1">
                    <Badge tone={h.status === "APPROVED" ? "green" : h.status === "REJECTED" ? "red" : "amber"}>
                      {h.status === "SUBMITTED" ? "Waiting for the mentor" : h.status === "APPROVED" ? "Approved" : "Sent back"}
                    </Badge>
                    <span className="block text-xs text-slate-500">
                      logged by {h.loggedBy}
                      {h.note ? ` · ${h.note}` : ""}
                      {h.decisionNote ? ` · ${h.decisionNote}` : ""}
                    </span>
                  </td>
                  <td className="py-1">
                    {h.canDecide ? (
                      <span className="flex flex-wrap gap-1">
                        <button
                          type="button"
                          className="btn-primary !px-2 !py-1 text-xs"
                          aria-label={`Approve ${formatTenths(h.tenths)} hours of the week of ${h.weekOf.toISOString().slice(0, 10)}`}
                          disabled={decide.isPending}
                          onClick={() => decide.mutateAsync({ logId: h.id, decision: "APPROVED" }).then(() => setError(null), (err: unknown) => setError(toUiError(err).message))}
                        >
                          Approve
                        </button>
                        <button
                          type="button"
                          className="btn-secondary !px-2 !py-1 text-xs"
                          disabled={decide.isPending}
                          onClick={() => {
                            const note = window.prompt("Why are these hours sent back?") ?? "";
                            if (!note.trim()) return;
                            decide.mutateAsync({ logId: h.id, decision: "REJECTED", note }).then(() => setError(null), (err: unknown) => setError(toUiError(err).message));
                          }}
                        >
                          Send back
                        </button>
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function CompetenciesSection({ e, onChanged }: { e: Enrollment; onChanged: () => void }) {
  const record = trpc.participants.competency.record.useMutation({ onSuccess: onChanged });
  const testOut = trpc.participants.competency.testOut.useMutation({ onSuccess: onChanged });
  const attained = new Map(e.attainments.map((a) => [`${a.moduleKey}\u0000${a.competency}`, a]));
  const methods: Array<[string, string]> = [
    ...(e.can.assess ? [["ASSESSMENT", "By assessment"] as [string, string]] : []),
    ...(e.can.onTheJob ? [["ON_THE_JOB", "On the job"] as [string, string]] : []),
  ];
  const competencyForm = useInputMutationForm({ schema: CompetencyInputSchema, mutation: record, toInput: (v) => ({ ...v, enrollmentId: e.id }), onSuccess: (_r, f) => f.reset() });
  const testOutForm = useInputMutationForm({ schema: TestOutInputSchema, mutation: testOut, toInput: (v) => ({ ...v, enrollmentId: e.id }), onSuccess: (_r, f) => f.reset() });
  const open = e.curriculum.modules.flatMap((m) => m.competencies.filter((c) => !attained.has(`${m.key}\u0000${c}`)).map((c): [string, string] => [`${m.key}\u0000${c}`, `${m.title}: ${c}`]));
  const testable = e.curriculum.modules.filter((m) => m.testOut && !e.standings.some((s) => s.moduleKey === m.key)).map((m): [string, string] => [m.key, `${m.title} (${m.relatedHours} + ${m.ojlHours} h)`]);
  return (
    <Section title="Competencies" id={`competencies-${e.id}`}>
      <ul className="space-y-3">
        {e.curriculum.modules.map((m) => (
          <li key={m.key}>
            <p className="text-sm font-medium">
              {m.title}{" "}
              <span className="text-xs font-normal text-slate-600">
                {e.progress.modules.find((x) => x.key === m.key)?.attained ?? 0} of {m.competencies.length}
                {e.standings.some((s) => s.moduleKey === m.key) ? " · tested out (advanced standing)" : m.testOut ? " · test-out allowed" : ""}
              </span>
            </p>
            <ul className="ml-4 list-disc text-sm">
              {m.competencies.map((c) => {
                const a = attained.get(`${m.key}\u0000${c}`);
                return (
                  <li key={c}>
                    {c}{" "}
                    {a ? (
                      <span className="text-xs text-green-800">
                        attained {a.method === "TEST_OUT" ? "by test-out" : a.method === "ON_THE_JOB" ? "on the job" : "by assessment"}
                      </span>
                    ) : (
                      <span className="text-xs text-slate-500">not yet</span>
                    )}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
      {methods.length && open.length ? (
        <form
          onSubmit={(ev) => {
            const select = ev.currentTarget.elements.namedItem("which") as HTMLSelectElement;
            const [moduleKey, competency] = select.value.split("\u0000");
            (ev.currentTarget.elements.namedItem("moduleKey") as HTMLInputElement).value = moduleKey ?? "";
            (ev.currentTarget.elements.namedItem("competency") as HTMLInputElement).value = competency ?? "";
            void competencyForm.onSubmit(ev);
          }}
          noValidate
          className="mt-4 grid grid-cols-1 gap-3 border-t border-slate-100 pt-3 sm:grid-cols-2"
          aria-label="Record a competency"
        >
          <div className="sm:col-span-2">
            <FormError message={competencyForm.error?.message} />
          </div>
          <input type="hidden" name="moduleKey" />
          <input type="hidden" name="competency" />
          <SelectField label="Competency" name="which" options={open} error={competencyForm.fieldError("competency")} />
          <SelectField label="How" name="method" options={methods} />
          <TextField label="Assessment (for an assessment)" name="assessment" maxLength={500} error={competencyForm.fieldError("assessment")} />
          <TextField label="Attained on" name="attainedOn" type="date" defaultValue={today()} error={competencyForm.fieldError("attainedOn")} />
          <div className="sm:col-span-2">
            <button type="submit" className="btn-secondary" disabled={competencyForm.pending}>
              Record competency
            </button>
          </div>
        </form>
      ) : null}
      {e.can.testOut && testable.length ? (
        <form onSubmit={testOutForm.onSubmit} noValidate className="mt-4 grid grid-cols-1 gap-3 border-t border-slate-100 pt-3 sm:grid-cols-2" aria-label="Record a test-out">
          <div className="sm:col-span-2">
            <FormError message={testOutForm.error?.message} />
          </div>
          <SelectField label="Module tested out of" name="moduleKey" options={testable} error={testOutForm.fieldError("moduleKey")} />
          <TextField label="Assessment and result" name="assessment" maxLength={500} placeholder="MSSC Safety: 88%" error={testOutForm.fieldError("assessment")} />
          <TextField label="On" name="attainedOn" type="date" defaultValue={today()} error={testOutForm.fieldError("attainedOn")} />
          <div className="sm:col-span-2">
            <button type="submit" className="btn-secondary" disabled={testOutForm.pending}>
              Record test-out (credits the module&apos;s hours)
            </button>
          </div>
        </form>
      ) : null}
    </Section>
  );
}

function CredentialsSection({ e, onChanged }: { e: Enrollment; onChanged: () => void }) {
  const record = trpc.participants.credential.record.useMutation({ onSuccess: onChanged });
  const form = useInputMutationForm({ schema: CredentialInputSchema, mutation: record, toInput: (v) => ({ ...v, enrollmentId: e.id }), onSuccess: (_r, f) => f.reset() });
  return (
    <Section title="Credentials" id={`credentials-${e.id}`}>
      {e.credentials.length === 0 ? (
        <p className="text-sm text-slate-600">None yet.</p>
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
        <form onSubmit={form.onSubmit} noValidate className="mt-3 space-y-2" aria-label="Record a credential">
          <FormError message={form.error?.message} />
          <TextField label="Credential" name="name" maxLength={200} error={form.fieldError("name")} />
          <TextField label="Issuer" name="issuer" maxLength={200} error={form.fieldError("issuer")} />
          <TextField label="Earned on" name="earnedOn" type="date" defaultValue={today()} error={form.fieldError("earnedOn")} />
          <button type="submit" className="btn-secondary" disabled={form.pending}>
            Record credential
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
  if (!actions.length) return null;
  return (
    <Section title="Status" id={`status-${e.id}`}>
      <form onSubmit={form.onSubmit} noValidate className="space-y-2" aria-label="Change the status">
        <FormError message={form.error?.message} />
        <SelectField label="Change to" name="action" options={actions.map((a): [string, string] => [a, ENROLLMENT_ACTION_LABELS[a]])} />
        <TextField label="Start date (to enroll)" name="startDate" type="date" error={form.fieldError("startDate")} />
        <TextField label="Reason (to decline, cancel or transfer)" name="reason" maxLength={1000} error={form.fieldError("reason")} />
        <button type="submit" className="btn-secondary" disabled={form.pending}>
          Change status
        </button>
      </form>
    </Section>
  );
}

function OutcomesSection({ e, onChanged }: { e: Enrollment; onChanged: () => void }) {
  const record = trpc.participants.outcome.record.useMutation({ onSuccess: onChanged });
  const form = useInputMutationForm({
    schema: OutcomeInputSchema,
    mutation: record,
    toInput: (v) => ({ ...v, enrollmentId: e.id, employed: v.employed === "on" }),
  });
  const names = { EXIT: "At exit", MONTH_6: "6 months after", MONTH_12: "12 months after" } as const;
  return (
    <Section title="Placement and wage" id={`outcomes-${e.id}`}>
      {e.outcomes.length ? (
        <ul className="space-y-1 text-sm">
          {e.outcomes.map((o) => (
            <li key={o.checkpoint}>
              {names[o.checkpoint as keyof typeof names]}: {o.employed ? `employed${o.employerName ? ` at ${o.employerName}` : ""}${o.hourlyCents ? `, ${formatWage(o.hourlyCents)}` : ""}` : "not employed"}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">Nothing recorded yet.</p>
      )}
      {e.can.outcome ? (
        <form onSubmit={form.onSubmit} noValidate className="mt-3 space-y-2" aria-label="Record placement and wage">
          <FormError message={form.error?.message} />
          <SelectField label="When" name="checkpoint" options={names} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="employed" /> Employed
          </label>
          <TextField label="Employer" name="employerName" maxLength={200} error={form.fieldError("employerName")} />
          <TextField label="Hourly wage" name="hourlyWage" inputMode="decimal" placeholder="24.50" error={form.fieldError("hourlyWage")} />
          <TextField label="Recorded on" name="recordedOn" type="date" defaultValue={today()} error={form.fieldError("recordedOn")} />
          <button type="submit" className="btn-secondary" disabled={form.pending}>
            Record
          </button>
        </form>
      ) : null}
    </Section>
  );
}
