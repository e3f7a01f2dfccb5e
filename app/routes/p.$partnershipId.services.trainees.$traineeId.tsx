// One trainee's record: details, requests, and for the owning CBO who else may see it (sharing with
// another CBO, case by case) and the log of every reviewer who read it and every share or revocation.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useParams } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "~/i18n/config";
import { pageTitle } from "~/i18n/meta";
import { useServerMessage } from "~/i18n/server-messages";
import { readReason } from "~/features/services/read-reason";
import { FormError, SelectField, TextField } from "~/components/field";
import { DemographicsFields, withRaceEthnicity } from "~/features/services/demographics-fields";
import { EmptyState, PageHeader, Section, Time } from "~/components/ui";
import { Money, StatusBadge } from "~/features/services/parts";
import { useInputMutationForm } from "~/lib/forms";
import { superjsonResponse, useData } from "~/lib/data";
import { toUiError } from "~/lib/errors";
import { load } from "~/lib/guards.server";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { DEMOGRAPHICS } from "../../server/domains/services/services.rules";
import {
  LANGUAGE_MAX,
  PHONE_MAX,
  PROGRAM_MAX,
  TRAINEE_EMAIL_MAX,
  TRAINEE_NAME_MAX,
  UpdateTraineeInputSchema,
} from "../../server/domains/services/services.schema";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "traineeRecord.pageTitle", "services") }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const record = await load(request, () => context.trpc.services.trainee.get({ traineeId: params.traineeId ?? "" }));
  return superjsonResponse({ record });
}

export default function TraineePage() {
  const { partnershipId = "", traineeId = "" } = useParams();
  const initial = useData<typeof loader>();
  const utils = trpc.useUtils();
  const query = trpc.services.trainee.get.useQuery({ traineeId }, { initialData: initial.record, refetchOnWindowFocus: false });
  const record = query.data ?? initial.record;
  const { trainee } = record;
  const [error, setError] = useState<string | null>(null);
  const refresh = () => void utils.services.trainee.get.invalidate({ traineeId });
  const grant = trpc.services.trainee.grant.useMutation({ onSuccess: refresh });
  const revoke = trpc.services.trainee.revoke.useMutation({ onSuccess: refresh });
  const grantable = record.grantable.filter((o) => !record.grants.some((g) => g.organizationId === o.id));
  const { t, i18n } = useTranslation("services");
  const translate = useServerMessage();
  const fail = (e: unknown) => setError(toUiError(e).message);
  const races = (values: string[]) =>
    new Intl.ListFormat(intlLocale(i18n.language), { type: "conjunction" }).format(values.map((v) => t(`demographics.race.${v}`)));

  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to={`/p/${partnershipId}/services/trainees`} className="link">
          {t("traineeRecord.back")}
        </Link>
      </p>
      <PageHeader title={trainee.name} description={t("traineeRecord.description", { program: trainee.program, organization: trainee.organizationName })} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Section title={t("traineeRecord.record")} id="record">
            <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
              <Item label={t("trainees.preferredLanguage")} value={trainee.preferredLanguage} />
              <Item label={t("traineeRecord.email")} value={trainee.email || "—"} />
              <Item label={t("traineeRecord.phone")} value={trainee.phone || "—"} />
              {record.demographics ? (
                <>
                  <Item label={t("demographics.question.raceEthnicity")} value={races(record.demographics.raceEthnicity)} />
                  {(Object.keys(DEMOGRAPHICS) as Array<keyof typeof DEMOGRAPHICS>).map((key) => (
                    <Item key={key} label={t(`demographics.question.${key}`)} value={t(`demographics.answer.${key}.${record.demographics![key]}`, { defaultValue: record.demographics![key] })} />
                  ))}
                </>
              ) : null}
            </dl>
          </Section>
          {record.canEdit && record.demographics ? <EditTrainee trainee={{ ...trainee, ...record.demographics }} onSaved={refresh} /> : null}
          <Section title={t("traineeRecord.requests")} id="requests">
            {record.requests.length === 0 ? (
              <EmptyState title={t("traineeRecord.noRequests")} />
            ) : (
              <ul className="divide-y divide-slate-100">
                {record.requests.map((r) => (
                  <li key={r.id} className="flex flex-wrap justify-between gap-2 py-2 text-sm">
                    <Link to={`/p/${partnershipId}/services/requests/${r.id}`} className="link">
                      {t(`category.${r.category}`)}
                    </Link>
                    <span className="flex items-center gap-2">
                      <Money cents={r.approvedCents ?? r.requestedCents} />
                      <StatusBadge status={r.status} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>
        {record.via === "OWNER" ? (
          <div className="min-w-0 space-y-6">
            <Section title={t("traineeRecord.sharedWith")} id="sharing">
              <FormError message={error} />
              {record.grants.length === 0 ? (
                <p className="text-sm text-slate-600">{t("traineeRecord.notShared")}</p>
              ) : (
                <ul className="space-y-2 text-sm">
                  {record.grants.map((g) => (
                    <li key={g.organizationId} className="flex items-center justify-between gap-2">
                      {g.organizationName}
                      <button
                        type="button"
                        className="btn-secondary !px-2 !py-1 text-xs"
                        aria-label={t("traineeRecord.stopSharingWith", { organization: g.organizationName })}
                        onClick={() => revoke.mutateAsync({ traineeId, organizationId: g.organizationId }).catch(fail)}
                      >
                        {t("traineeRecord.stopSharing")}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {grantable.length > 0 ? (
                <form
                  className="mt-3 space-y-2"
                  aria-label={t("traineeRecord.shareForm")}
                  onSubmit={(e) => {
                    e.preventDefault();
                    const organizationId = String(new FormData(e.currentTarget).get("organizationId") ?? "");
                    setError(null);
                    grant.mutateAsync({ traineeId, organizationId }).catch(fail);
                  }}
                >
                  <SelectField label={t("traineeRecord.shareWith")} name="organizationId" options={grantable.map((o): [string, string] => [o.id, o.name])} />
                  <button type="submit" className="btn-secondary" disabled={grant.isPending}>
                    {t("traineeRecord.share")}
                  </button>
                </form>
              ) : null}
            </Section>
            <Section title={t("traineeRecord.log")} id="access-log">
              {record.accessLog.length === 0 ? (
                <p className="text-sm text-slate-600">{t("traineeRecord.logEmpty")}</p>
              ) : (
                <ul className="space-y-2 text-sm">
                  {record.accessLog.map((l) => (
                    <li key={l.id}>
                      <span className="font-medium">{l.reader}</span> · <Time value={l.at} withTime />
                      {l.times > 1 ? <span className="text-xs text-slate-500"> {t("traineeRecord.times", { count: l.times })}</span> : null}
                      <span className="block text-xs text-slate-600">{readReason(l.reason, t, translate)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          </div>
        ) : null}
      </div>
    </div>
  );
}

type TraineeRecord = RouterOutputs["services"]["trainee"]["get"]["trainee"] & NonNullable<RouterOutputs["services"]["trainee"]["get"]["demographics"]>;

function EditTrainee({ trainee, onSaved }: { trainee: TraineeRecord; onSaved: () => void }) {
  const update = trpc.services.trainee.update.useMutation({ onSuccess: onSaved });
  const form = useInputMutationForm({ schema: UpdateTraineeInputSchema, mutation: update, toInput: (v) => ({ ...withRaceEthnicity(v), traineeId: trainee.id }) });
  const { t } = useTranslation("services");
  return (
    <details className="card">
      <summary className="cursor-pointer text-base font-semibold text-slate-900">{t("traineeRecord.edit")}</summary>
      <form onSubmit={form.onSubmit} noValidate className="mt-3 grid grid-cols-1 gap-4 sm:grid-cols-2" aria-label={t("traineeRecord.editForm")}>
        <div className="sm:col-span-2">
          <FormError message={form.error?.message} />
        </div>
        <TextField label={t("trainees.name")} name="name" defaultValue={trainee.name} maxLength={TRAINEE_NAME_MAX} error={form.fieldError("name")} />
        <TextField label={t("trainees.program")} name="program" defaultValue={trainee.program} maxLength={PROGRAM_MAX} error={form.fieldError("program")} />
        <TextField label={t("trainees.preferredLanguage")} name="preferredLanguage" defaultValue={trainee.preferredLanguage} maxLength={LANGUAGE_MAX} error={form.fieldError("preferredLanguage")} />
        <TextField label={t("trainees.email")} name="email" type="email" defaultValue={trainee.email} maxLength={TRAINEE_EMAIL_MAX} error={form.fieldError("email")} />
        <TextField label={t("trainees.phone")} name="phone" type="tel" defaultValue={trainee.phone} maxLength={PHONE_MAX} error={form.fieldError("phone")} />
        <div className="sm:col-span-2">
          <DemographicsFields defaults={trainee} fieldError={form.fieldError} />
        </div>
        <div className="sm:col-span-2">
          <button type="submit" className="btn-secondary" disabled={form.pending}>
            {t("traineeRecord.save")}
          </button>
          {update.isSuccess && !form.error ? (
            <span role="status" className="ml-3 text-sm text-green-800">
              {t("common:actions.saved")}
            </span>
          ) : null}
        </div>
      </form>
    </details>
  );
}

function Item({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="break-words">{value}</dd>
    </div>
  );
}
