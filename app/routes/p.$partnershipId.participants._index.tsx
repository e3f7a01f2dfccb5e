// Participants: the partnership's programs (counts by status, small groups hidden), the people the viewer
// may see by name (their programs', those they mentor or teach, their committee's if the partnership
// allows), the hours waiting for the viewer's approval, and the forms the viewer's role allows.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useNavigate, useParams } from "@remix-run/react";
import { useState } from "react";
import { FormError, SelectField, TextField } from "~/components/field";
import { Badge, EmptyState, InlineError, PageHeader, Section, Time } from "~/components/ui";
import { useParticipantsLive } from "~/features/participants/use-participants-live";
import { DemographicsFields, withRaceEthnicity } from "~/features/services/demographics-fields";
import { superjsonResponse, useData } from "~/lib/data";
import { toUiError } from "~/lib/errors";
import { useInputMutationForm } from "~/lib/forms";
import { load, requireUser } from "~/lib/guards.server";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { ENROLLMENT_STATUSES, formatTenths, PROGRAM_KINDS } from "../../server/domains/participants/participants.rules";
import { CreateParticipantInputSchema, CreateProgramInputSchema, NAME_MAX, SettingsInputSchema } from "../../server/domains/participants/participants.schema";

export const meta: MetaFunction = () => [{ title: "Participants · Jointly" }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request);
  const overview = await load(request, () => context.trpc.participants.overview({ partnershipId: params.partnershipId ?? "" }));
  return superjsonResponse({ overview });
}

type Overview = RouterOutputs["participants"]["overview"];

export default function ParticipantsIndex() {
  const { partnershipId = "" } = useParams();
  const initial = useData<typeof loader>();
  useParticipantsLive(partnershipId);
  const query = trpc.participants.overview.useQuery({ partnershipId }, { initialData: initial.overview });
  const o = query.data ?? initial.overview;
  const canEnroll = o.viewer.adminOf.length > 0 || o.viewer.isCbo;
  return (
    <div>
      <PageHeader
        title="Participants"
        description="Apprentices, pre-apprentices, incumbent workers and CBO trainees in the partnership's programs: their progress, and counts for everyone else."
        actions={
          <>
            {o.viewer.canSeeDashboard ? (
              <Link to="dashboard" className="btn-primary">
                A&amp;O dashboard
              </Link>
            ) : null}
            {o.viewer.adminOf.length ? (
              <Link to="import" className="btn-secondary">
                Import CSV
              </Link>
            ) : null}
            {o.people.length ? (
              <a href={`/p/${partnershipId}/participants/export.csv`} className="btn-secondary" download>
                People (CSV)
              </a>
            ) : null}
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {o.pendingHours.length ? <PendingHours items={o.pendingHours} partnershipId={partnershipId} /> : null}
          <Section title={`People you can see (${o.people.length})`} id="people">
            {o.people.length === 0 ? (
              <EmptyState title="Nobody to list for you">
                Names are shown to a program&apos;s administrators, mentors and instructors, and to its committee when the partnership allows it. Everyone sees the counts below.
              </EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100">
                {o.people.map((p) => (
                  <li key={p.enrollmentId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <div className="min-w-0">
                      {p.relation === "COMMITTEE" ? (
                        <span className="font-medium">{p.name}</span>
                      ) : (
                        <Link to={p.participantId} className="link">
                          {p.name}
                        </Link>
                      )}
                      <span className="block text-xs text-slate-500">
                        {p.programName} · {p.employerName}
                        {p.linked ? " · referred by a community organization" : ""}
                        {p.relation === "MENTOR" ? " · you mentor" : p.relation === "INSTRUCTOR" ? " · you teach" : ""}
                      </span>
                    </div>
                    <Badge tone={p.status === "ACTIVE" || p.status === "COMPLETED" ? "green" : p.status === "CANCELLED" ? "red" : "slate"}>{ENROLLMENT_STATUSES[p.status]}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title="Programs" id="programs">
            {o.programs.length === 0 ? (
              <EmptyState title="No programs yet">A committee&apos;s co-chairs or staff create one on an adopted curriculum.</EmptyState>
            ) : (
              <ul className="space-y-4">
                {o.programs.map((p) => (
                  <li key={p.id}>
                    <p className="font-medium">{p.name}</p>
                    <p className="text-xs text-slate-600">
                      {PROGRAM_KINDS[p.kind]} · curriculum {p.curriculum ? `“${p.curriculum.title}” v${p.curriculum.number}` : "—"}
                      {p.wageSteps.length ? ` · ${p.wageSteps.length} wage steps` : ""}
                    </p>
                    <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                      {p.statusCounts.byStatus
                        .filter((s) => s.count !== 0)
                        .map((s) => (
                          <div key={s.status} className="flex gap-1">
                            <dt className="text-slate-600">{ENROLLMENT_STATUSES[s.status]}:</dt>
                            <dd className="tabular-nums">{s.count ?? <abbr title="Hidden: a small group, or a count that would reveal one">—</abbr>}</dd>
                          </div>
                        ))}
                      <div className="flex gap-1">
                        <dt className="text-slate-600">All:</dt>
                        <dd className="tabular-nums">{p.statusCounts.total ?? "—"}</dd>
                      </div>
                    </dl>
                  </li>
                ))}
              </ul>
            )}
            <p className="mt-3 text-xs text-slate-600">{o.settings.rule}</p>
          </Section>
        </div>
        <div className="min-w-0 space-y-6">
          {canEnroll && o.programs.length ? <NewParticipant o={o} partnershipId={partnershipId} /> : null}
          {o.viewer.canCreatePrograms ? <NewProgram o={o} partnershipId={partnershipId} /> : null}
          {o.viewer.canEditSettings ? <Settings o={o} partnershipId={partnershipId} /> : null}
        </div>
      </div>
    </div>
  );
}

function PendingHours({ items, partnershipId }: { items: Overview["pendingHours"]; partnershipId: string }) {
  const utils = trpc.useUtils();
  const decide = trpc.participants.hours.decide.useMutation({ onSuccess: () => utils.participants.overview.invalidate({ partnershipId }) });
  const [error, setError] = useState<string | null>(null);
  return (
    <Section title={`Hours waiting for your approval (${items.length})`} id="pending-hours">
      <InlineError message={error} />
      <ul className="divide-y divide-slate-100">
        {items.map((h) => (
          <li key={h.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
            <span>
              <Link to={h.participantId} className="link">
                {h.name}
              </Link>{" "}
              · {formatTenths(h.tenths)} h {h.kind === "OJL" ? "on the job" : "of instruction"}, week of <Time value={h.weekOf} dateOnly />
              {h.note ? <span className="block text-xs text-slate-500">{h.note}</span> : null}
            </span>
            <button
              type="button"
              className="btn-primary !px-2 !py-1 text-xs"
              aria-label={`Approve ${formatTenths(h.tenths)} hours for ${h.name}`}
              disabled={decide.isPending}
              onClick={() => decide.mutateAsync({ logId: h.id, decision: "APPROVED" }).then(() => setError(null), (e: unknown) => setError(toUiError(e).message))}
            >
              Approve
            </button>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function NewParticipant({ o, partnershipId }: { o: Overview; partnershipId: string }) {
  const navigate = useNavigate();
  const create = trpc.participants.create.useMutation();
  const isAdmin = o.viewer.adminOf.length > 0;
  const trainees = trpc.services.trainee.list.useQuery({ partnershipId, search: "" }, { enabled: o.viewer.isCbo });
  const form = useInputMutationForm({
    schema: CreateParticipantInputSchema,
    mutation: create,
    toInput: (v) => ({ ...withRaceEthnicity(v), partnershipId }),
    onSuccess: (r) => (isAdmin ? navigate(r.participantId) : undefined),
  });
  const programs = o.programs.filter((p) => isAdmin ? o.viewer.adminOf.includes(p.id) : true);
  const members = o.members.map((m): [string, string] => [m.id, `${m.name} (${m.organizationName})`]);
  return (
    <Section title={isAdmin ? "Add a participant" : "Refer a trainee to a program"} id="new-participant">
      <form onSubmit={form.onSubmit} noValidate className="space-y-3" aria-label={isAdmin ? "Add a participant" : "Refer a trainee"}>
        <FormError message={form.error?.message} />
        {create.isSuccess && !isAdmin ? (
          <p role="status" className="text-sm text-green-800">
            Referred: the program&apos;s administrators take it from here.
          </p>
        ) : null}
        {isAdmin ? (
          <>
            <TextField label="Name" name="name" maxLength={NAME_MAX} autoComplete="off" error={form.fieldError("name")} />
            <TextField label="Their Jointly account's email (optional)" name="accountEmail" type="email" autoComplete="off" hint="Lets them sign in and see their own progress." error={form.fieldError("accountEmail")} />
          </>
        ) : (
          <SelectField
            label="Your trainee"
            name="traineeId"
            placeholder={trainees.isLoading ? "Loading…" : "Choose a trainee"}
            options={(trainees.data ?? []).map((t): [string, string] => [t.id, t.name])}
            error={form.fieldError("traineeId")}
          />
        )}
        <SelectField label="Program" name="programId" options={programs.map((p): [string, string] => [p.id, p.name])} error={form.fieldError("programId")} />
        <SelectField label="Employer" name="employerId" options={o.employers.map((e): [string, string] => [e.id, e.name])} error={form.fieldError("employerId")} />
        <TextField label="Applied on" name="appliedOn" type="date" defaultValue={new Date().toISOString().slice(0, 10)} error={form.fieldError("appliedOn")} />
        {isAdmin ? (
          <>
            <TextField label="Start date (enrolls them)" name="startDate" type="date" error={form.fieldError("startDate")} />
            <SelectField label="Mentor" name="mentorMembershipId" placeholder="None yet" options={members} error={form.fieldError("mentorMembershipId")} />
            <SelectField label="Instructor" name="instructorMembershipId" placeholder="None yet" options={members} error={form.fieldError("instructorMembershipId")} />
            <DemographicsFields fieldError={form.fieldError} />
          </>
        ) : (
          <p className="text-xs text-slate-600">The trainee&apos;s record stays yours: the program sees their name, every read is in your log, and their answers are only ever counted.</p>
        )}
        <button type="submit" className="btn-primary" disabled={form.pending}>
          {isAdmin ? "Add participant" : "Refer"}
        </button>
      </form>
    </Section>
  );
}

function NewProgram({ o, partnershipId }: { o: Overview; partnershipId: string }) {
  const utils = trpc.useUtils();
  const create = trpc.participants.program.create.useMutation({ onSuccess: () => utils.participants.overview.invalidate({ partnershipId }) });
  const [steps, setSteps] = useState(1);
  const form = useInputMutationForm({
    schema: CreateProgramInputSchema,
    mutation: create,
    toInput: (v) => ({
      partnershipId,
      bodyId: v.bodyId,
      name: v.name,
      kind: v.kind,
      curriculumVersionId: v.curriculumVersionId,
      wageSteps: Array.from({ length: steps }, (_, i) => ({ label: v[`step${i}.label`], basis: v[`step${i}.basis`], threshold: v[`step${i}.threshold`], hourlyWage: v[`step${i}.hourlyWage`] })).filter((s) => s.label),
    }),
    onSuccess: (_r, f) => f.reset(),
  });
  const committees = o.committees.filter((c) => o.viewer.adminBodyIds.includes(c.id));
  if (!o.curricula.length) {
    return (
      <Section title="New program" id="new-program">
        <p className="text-sm text-slate-600">A program runs an adopted curriculum version: adopt one on the Drafts tab first.</p>
      </Section>
    );
  }
  return (
    <Section title="New program" id="new-program">
      <form onSubmit={form.onSubmit} noValidate className="space-y-3" aria-label="New program">
        <FormError message={form.error?.message} />
        <TextField label="Name" name="name" maxLength={NAME_MAX} error={form.fieldError("name")} />
        <SelectField label="Kind" name="kind" options={PROGRAM_KINDS} />
        <SelectField label="Owning committee" name="bodyId" options={committees.map((c): [string, string] => [c.id, c.name])} error={form.fieldError("bodyId")} />
        <SelectField label="Adopted curriculum" name="curriculumVersionId" options={o.curricula.map((c): [string, string] => [c.versionId, `${c.title} (v${c.number})`])} error={form.fieldError("curriculumVersionId")} />
        <fieldset className="space-y-2 rounded-md bg-slate-50 p-3">
          <legend className="px-1 text-sm font-semibold">Wage steps (as bargained)</legend>
          {Array.from({ length: steps }, (_, i) => (
            <div key={i} className="grid grid-cols-2 gap-2">
              <TextField label={`Step ${i + 1} label`} name={`step${i}.label`} maxLength={100} />
              <SelectField label="Reached by" name={`step${i}.basis`} options={{ HOURS: "On-the-job hours", COMPETENCIES: "Competencies" }} />
              <TextField label="At" name={`step${i}.threshold`} inputMode="numeric" defaultValue="0" />
              <TextField label="Hourly wage" name={`step${i}.hourlyWage`} inputMode="decimal" placeholder="19.50" />
            </div>
          ))}
          <button type="button" className="btn-secondary !py-1 text-xs" onClick={() => setSteps((n) => Math.min(20, n + 1))}>
            Add a step
          </button>
          {form.error?.fields && Object.keys(form.error.fields).some((k) => k.startsWith("wageSteps")) ? (
            <p className="text-sm text-red-700">Check the wage steps: each needs a label, a number and an hourly wage.</p>
          ) : null}
        </fieldset>
        <button type="submit" className="btn-primary" disabled={form.pending}>
          Create program
        </button>
      </form>
    </Section>
  );
}

function Settings({ o, partnershipId }: { o: Overview; partnershipId: string }) {
  const utils = trpc.useUtils();
  const save = trpc.participants.settings.useMutation({ onSuccess: () => utils.participants.overview.invalidate({ partnershipId }) });
  const form = useInputMutationForm({
    schema: SettingsInputSchema,
    mutation: save,
    toInput: (v) => ({ partnershipId, aoBodyId: v.aoBodyId ?? "", suppressionThreshold: v.suppressionThreshold, committeeSeesNames: v.committeeSeesNames === "on" }),
  });
  return (
    <Section title="Settings" id="participant-settings">
      <form onSubmit={form.onSubmit} noValidate className="space-y-3" aria-label="Participant settings">
        <FormError message={form.error?.message} />
        <SelectField
          label="Access & Opportunity committee"
          name="aoBodyId"
          placeholder="None"
          defaultValue={o.settings.aoBodyId ?? ""}
          options={o.committees.map((c): [string, string] => [c.id, c.name])}
        />
        <TextField
          label="Small-cell threshold"
          name="suppressionThreshold"
          type="number"
          min={3}
          max={50}
          defaultValue={o.settings.suppressionThreshold}
          hint="Counts from 1 to one less than this are hidden in every table about people."
          error={form.fieldError("suppressionThreshold")}
        />
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="committeeSeesNames" defaultChecked={o.settings.committeeSeesNames} className="mt-1" />
          A program&apos;s committee sees its participants&apos; names (never their records)
        </label>
        <button type="submit" className="btn-secondary" disabled={form.pending}>
          Save settings
        </button>
        {save.isSuccess && !form.error ? (
          <span role="status" className="ml-2 text-sm text-green-800">
            Saved.
          </span>
        ) : null}
      </form>
    </Section>
  );
}
