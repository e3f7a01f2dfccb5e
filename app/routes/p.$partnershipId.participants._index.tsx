// Participants: the partnership's programs (counts by status, small groups hidden), the people the viewer
// may see by name (their programs', those they mentor or teach, their committee's if the partnership
// allows), the hours waiting for the viewer's approval, and the forms the viewer's role allows.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useNavigate, useParams } from "@remix-run/react";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/meta";
import { FormError, SelectField, TextField } from "~/components/field";
import { Badge, EmptyState, InlineError, PageHeader, Section, Time } from "~/components/ui";
import { useParticipantsLive } from "~/features/participants/use-participants-live";
import { DemographicsFields, withRaceEthnicity } from "~/features/services/demographics-fields";
import { superjsonResponse, useData } from "~/lib/data";
import { toUiError } from "~/lib/errors";
import { useInputMutationForm } from "~/lib/forms";
import { load, requireUser } from "~/lib/guards.server";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { formatTenths, PROGRAM_KINDS } from "../../server/domains/participants/participants.rules";
import { CreateParticipantInputSchema, CreateProgramInputSchema, NAME_MAX, SettingsInputSchema } from "../../server/domains/participants/participants.schema";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "index.pageTitle", "participants") }];

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
  const { t } = useTranslation("participants");
  const relation = (r: string | null) => (r === "MENTOR" ? ` · ${t("index.youMentor")}` : r === "INSTRUCTOR" ? ` · ${t("index.youTeach")}` : "");
  return (
    <div>
      <PageHeader
        title={t("index.title")}
        description={t("index.description")}
        actions={
          <>
            {o.viewer.canSeeDashboard ? (
              <Link to="dashboard" className="btn-primary">
                {t("index.dashboard")}
              </Link>
            ) : null}
            {o.viewer.adminOf.length ? (
              <Link to="import" className="btn-secondary">
                {t("index.import")}
              </Link>
            ) : null}
            {o.people.length ? (
              <a href={`/p/${partnershipId}/participants/export.csv`} className="btn-secondary" download>
                {t("index.exportCsv")}
              </a>
            ) : null}
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {o.pendingHours.length ? <PendingHours items={o.pendingHours} partnershipId={partnershipId} /> : null}
          <Section title={t("index.people", { count: o.people.length })} id="people">
            {o.people.length === 0 ? (
              <EmptyState title={t("index.nobody")}>{t("index.nobodyBody")}</EmptyState>
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
                        {p.linked ? ` · ${t("index.referred")}` : ""}
                        {relation(p.relation)}
                      </span>
                    </div>
                    <Badge tone={p.status === "ACTIVE" || p.status === "COMPLETED" ? "green" : p.status === "CANCELLED" ? "red" : "slate"}>{t(`status.${p.status}`)}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title={t("index.programs")} id="programs">
            {o.programs.length === 0 ? (
              <EmptyState title={t("index.noPrograms")}>{t("index.noProgramsBody")}</EmptyState>
            ) : (
              <ul className="space-y-4">
                {o.programs.map((p) => (
                  <li key={p.id}>
                    <p className="font-medium">{p.name}</p>
                    <p className="text-xs text-slate-600">
                      {[
                        t(`programKind.${p.kind}`),
                        p.curriculum ? t("index.curriculum", { title: p.curriculum.title, number: p.curriculum.number }) : t("index.noCurriculum"),
                        ...(p.wageSteps.length ? [t("index.wageSteps", { count: p.wageSteps.length })] : []),
                      ].join(" · ")}
                    </p>
                    <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                      {p.statusCounts.byStatus
                        .filter((s) => s.count !== 0)
                        .map((s) => (
                          <div key={s.status} className="flex gap-1">
                            <dt className="text-slate-600">{t("index.statusCount", { status: t(`status.${s.status}`) })}</dt>
                            <dd className="tabular-nums">{s.count ?? <abbr title={t("index.hiddenCount")}>—</abbr>}</dd>
                          </div>
                        ))}
                      <div className="flex gap-1">
                        <dt className="text-slate-600">{t("index.all")}</dt>
                        <dd className="tabular-nums">{p.statusCounts.total ?? "—"}</dd>
                      </div>
                    </dl>
                  </li>
                ))}
              </ul>
            )}
            <p className="mt-3 text-xs text-slate-600">{t("dashboard.rule", { below: o.settings.suppressionThreshold - 1, threshold: o.settings.suppressionThreshold })}</p>
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
  const { t } = useTranslation("participants");
  return (
    <Section title={t("index.pendingHours", { count: items.length })} id="pending-hours">
      <InlineError message={error} />
      <ul className="divide-y divide-slate-100">
        {items.map((h) => (
          <li key={h.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
            <span>
              <Link to={h.participantId} className="link">
                {h.name}
              </Link>{" "}
              ·{" "}
              {h.kind === "OJL" ? (
                <Trans t={t} i18nKey="index.pendingOjl" values={{ hours: formatTenths(h.tenths) }} components={{ time: <Time value={h.weekOf} dateOnly /> }} />
              ) : (
                <Trans t={t} i18nKey="index.pendingRi" values={{ hours: formatTenths(h.tenths) }} components={{ time: <Time value={h.weekOf} dateOnly /> }} />
              )}
              {h.note ? <span className="block text-xs text-slate-500">{h.note}</span> : null}
            </span>
            <button
              type="button"
              className="btn-primary !px-2 !py-1 text-xs"
              aria-label={t("index.approveFor", { hours: formatTenths(h.tenths), name: h.name })}
              disabled={decide.isPending}
              onClick={() => decide.mutateAsync({ logId: h.id, decision: "APPROVED" }).then(() => setError(null), (e: unknown) => setError(toUiError(e).message))}
            >
              {t("hours.approve")}
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
  const { t } = useTranslation("participants");
  const members = o.members.map((m): [string, string] => [m.id, t("index.memberOption", { name: m.name, organization: m.organizationName })]);
  return (
    <Section title={isAdmin ? t("newParticipant.add") : t("newParticipant.referTitle")} id="new-participant">
      <form onSubmit={form.onSubmit} noValidate className="space-y-3" aria-label={isAdmin ? t("newParticipant.add") : t("newParticipant.referForm")}>
        <FormError message={form.error?.message} />
        {create.isSuccess && !isAdmin ? (
          <p role="status" className="text-sm text-green-800">
            {t("newParticipant.referred")}
          </p>
        ) : null}
        {isAdmin ? (
          <>
            <TextField label={t("newParticipant.name")} name="name" maxLength={NAME_MAX} autoComplete="off" error={form.fieldError("name")} />
            <TextField
              label={t("newParticipant.accountEmail")}
              name="accountEmail"
              type="email"
              autoComplete="off"
              hint={t("newParticipant.accountEmailHint")}
              error={form.fieldError("accountEmail")}
            />
          </>
        ) : (
          <SelectField
            label={t("newParticipant.yourTrainee")}
            name="traineeId"
            placeholder={trainees.isLoading ? t("newParticipant.loading") : t("newParticipant.chooseTrainee")}
            options={(trainees.data ?? []).map((trainee): [string, string] => [trainee.id, trainee.name])}
            error={form.fieldError("traineeId")}
          />
        )}
        <SelectField label={t("newParticipant.program")} name="programId" options={programs.map((p): [string, string] => [p.id, p.name])} error={form.fieldError("programId")} />
        <SelectField label={t("newParticipant.employer")} name="employerId" options={o.employers.map((e): [string, string] => [e.id, e.name])} error={form.fieldError("employerId")} />
        <TextField label={t("newParticipant.appliedOn")} name="appliedOn" type="date" defaultValue={new Date().toISOString().slice(0, 10)} error={form.fieldError("appliedOn")} />
        {isAdmin ? (
          <>
            <TextField label={t("newParticipant.startDate")} name="startDate" type="date" error={form.fieldError("startDate")} />
            <SelectField label={t("newParticipant.mentor")} name="mentorMembershipId" placeholder={t("newParticipant.noneYet")} options={members} error={form.fieldError("mentorMembershipId")} />
            <SelectField label={t("newParticipant.instructor")} name="instructorMembershipId" placeholder={t("newParticipant.noneYet")} options={members} error={form.fieldError("instructorMembershipId")} />
            <DemographicsFields fieldError={form.fieldError} />
          </>
        ) : (
          <p className="text-xs text-slate-600">{t("newParticipant.referNote")}</p>
        )}
        <button type="submit" className="btn-primary" disabled={form.pending}>
          {isAdmin ? t("newParticipant.submitAdd") : t("newParticipant.submitRefer")}
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
  const { t } = useTranslation("participants");
  if (!o.curricula.length) {
    return (
      <Section title={t("newProgram.title")} id="new-program">
        <p className="text-sm text-slate-600">{t("newProgram.needsCurriculum")}</p>
      </Section>
    );
  }
  return (
    <Section title={t("newProgram.title")} id="new-program">
      <form onSubmit={form.onSubmit} noValidate className="space-y-3" aria-label={t("newProgram.title")}>
        <FormError message={form.error?.message} />
        <TextField label={t("newProgram.name")} name="name" maxLength={NAME_MAX} error={form.fieldError("name")} />
        <SelectField label={t("newProgram.kind")} name="kind" options={Object.keys(PROGRAM_KINDS).map((k): [string, string] => [k, t(`programKind.${k}`)])} />
        <SelectField label={t("newProgram.committee")} name="bodyId" options={committees.map((c): [string, string] => [c.id, c.name])} error={form.fieldError("bodyId")} />
        <SelectField
          label={t("newProgram.curriculum")}
          name="curriculumVersionId"
          options={o.curricula.map((c): [string, string] => [c.versionId, t("newProgram.curriculumOption", { title: c.title, number: c.number })])}
          error={form.fieldError("curriculumVersionId")}
        />
        <fieldset className="space-y-2 rounded-md bg-slate-50 p-3">
          <legend className="px-1 text-sm font-semibold">{t("newProgram.wageSteps")}</legend>
          {Array.from({ length: steps }, (_, i) => (
            <div key={i} className="grid grid-cols-2 gap-2">
              <TextField label={t("newProgram.stepLabel", { number: i + 1 })} name={`step${i}.label`} maxLength={100} />
              <SelectField
                label={t("newProgram.reachedBy")}
                name={`step${i}.basis`}
                options={[
                  ["HOURS", t("newProgram.basisHours")],
                  ["COMPETENCIES", t("record.competencies")],
                ]}
              />
              <TextField label={t("newProgram.at")} name={`step${i}.threshold`} inputMode="numeric" defaultValue="0" />
              <TextField label={t("outcomes.hourlyWage")} name={`step${i}.hourlyWage`} inputMode="decimal" placeholder="19.50" />
            </div>
          ))}
          <button type="button" className="btn-secondary !py-1 text-xs" onClick={() => setSteps((n) => Math.min(20, n + 1))}>
            {t("newProgram.addStep")}
          </button>
          {form.error?.fields && Object.keys(form.error.fields).some((k) => k.startsWith("wageSteps")) ? (
            <p className="text-sm text-red-700">{t("newProgram.checkSteps")}</p>
          ) : null}
        </fieldset>
        <button type="submit" className="btn-primary" disabled={form.pending}>
          {t("newProgram.create")}
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
  const { t } = useTranslation("participants");
  return (
    <Section title={t("settings.title")} id="participant-settings">
      <form onSubmit={form.onSubmit} noValidate className="space-y-3" aria-label={t("settings.form")}>
        <FormError message={form.error?.message} />
        <SelectField
          label={t("settings.aoCommittee")}
          name="aoBodyId"
          placeholder={t("settings.none")}
          defaultValue={o.settings.aoBodyId ?? ""}
          options={o.committees.map((c): [string, string] => [c.id, c.name])}
        />
        <TextField
          label={t("settings.threshold")}
          name="suppressionThreshold"
          type="number"
          min={3}
          max={50}
          defaultValue={o.settings.suppressionThreshold}
          hint={t("settings.thresholdHint")}
          error={form.fieldError("suppressionThreshold")}
        />
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="committeeSeesNames" defaultChecked={o.settings.committeeSeesNames} className="mt-1" />
          {t("settings.committeeSeesNames")}
        </label>
        <button type="submit" className="btn-secondary" disabled={form.pending}>
          {t("settings.save")}
        </button>
        {save.isSuccess && !form.error ? (
          <span role="status" className="ml-2 text-sm text-green-800">
            {t("common:actions.saved")}
          </span>
        ) : null}
      </form>
    </Section>
  );
}
