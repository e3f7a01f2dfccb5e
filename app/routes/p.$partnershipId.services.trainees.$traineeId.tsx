// One trainee's record: details, requests, and for the owning CBO who else may see it (sharing with
// another CBO, case by case) and the log of every reviewer who read it and every share or revocation.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useParams } from "@remix-run/react";
import { useState } from "react";
import { FormError, SelectField, TextField } from "~/components/field";
import { DemographicsFields, withRaceEthnicity } from "~/features/services/demographics-fields";
import { EmptyState, PageHeader, Section, Time } from "~/components/ui";
import { Money, StatusBadge } from "~/features/services/parts";
import { useInputMutationForm } from "~/lib/forms";
import { superjsonResponse, useData } from "~/lib/data";
import { toUiError } from "~/lib/errors";
import { load } from "~/lib/guards.server";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { DEMOGRAPHIC_LABELS, DEMOGRAPHICS, describeRaceEthnicity, SERVICE_CATEGORIES } from "../../server/domains/services/services.rules";
import {
  LANGUAGE_MAX,
  PHONE_MAX,
  PROGRAM_MAX,
  TRAINEE_EMAIL_MAX,
  TRAINEE_NAME_MAX,
  UpdateTraineeInputSchema,
} from "../../server/domains/services/services.schema";

export const meta: MetaFunction = () => [{ title: "Trainee · Jointly" }];

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

  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to={`/p/${partnershipId}/services/trainees`} className="link">
          ← Trainees
        </Link>
      </p>
      <PageHeader title={trainee.name} description={`${trainee.program} · recorded by ${trainee.organizationName}`} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Section title="Record" id="record">
            <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
              <Item label="Preferred language" value={trainee.preferredLanguage} />
              <Item label="Email" value={trainee.email || "—"} />
              <Item label="Phone" value={trainee.phone || "—"} />
              {record.demographics ? (
                <>
                  <Item label={DEMOGRAPHIC_LABELS.raceEthnicity} value={describeRaceEthnicity(record.demographics.raceEthnicity)} />
                  {(Object.keys(DEMOGRAPHICS) as Array<keyof typeof DEMOGRAPHICS>).map((key) => (
                    <Item key={key} label={DEMOGRAPHIC_LABELS[key]} value={(DEMOGRAPHICS[key] as Record<string, string>)[record.demographics![key]] ?? record.demographics![key]} />
                  ))}
                </>
              ) : null}
            </dl>
          </Section>
          {record.canEdit && record.demographics ? <EditTrainee trainee={{ ...trainee, ...record.demographics }} onSaved={refresh} /> : null}
          <Section title="Requests" id="requests">
            {record.requests.length === 0 ? (
              <EmptyState title="No requests you can see" />
            ) : (
              <ul className="divide-y divide-slate-100">
                {record.requests.map((r) => (
                  <li key={r.id} className="flex flex-wrap justify-between gap-2 py-2 text-sm">
                    <Link to={`/p/${partnershipId}/services/requests/${r.id}`} className="link">
                      {SERVICE_CATEGORIES[r.category]}
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
            <Section title="Shared with" id="sharing">
              <FormError message={error} />
              {record.grants.length === 0 ? (
                <p className="text-sm text-slate-600">Only your organization and the reviewers see this record.</p>
              ) : (
                <ul className="space-y-2 text-sm">
                  {record.grants.map((g) => (
                    <li key={g.organizationId} className="flex items-center justify-between gap-2">
                      {g.organizationName}
                      <button
                        type="button"
                        className="btn-secondary !px-2 !py-1 text-xs"
                        onClick={() => revoke.mutateAsync({ traineeId, organizationId: g.organizationId }).catch((e: unknown) => setError(toUiError(e).message))}
                      >
                        Stop sharing
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {grantable.length > 0 ? (
                <form
                  className="mt-3 space-y-2"
                  aria-label="Share with another organization"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const organizationId = String(new FormData(e.currentTarget).get("organizationId") ?? "");
                    setError(null);
                    grant.mutateAsync({ traineeId, organizationId }).catch((err: unknown) => setError(toUiError(err).message));
                  }}
                >
                  <SelectField label="Share with another community organization" name="organizationId" options={grantable.map((o): [string, string] => [o.id, o.name])} />
                  <button type="submit" className="btn-secondary" disabled={grant.isPending}>
                    Share record
                  </button>
                </form>
              ) : null}
            </Section>
            <Section title="Who read or shared this record" id="access-log">
              {record.accessLog.length === 0 ? (
                <p className="text-sm text-slate-600">No reviewer has opened it yet, and it was never shared.</p>
              ) : (
                <ul className="space-y-2 text-sm">
                  {record.accessLog.map((l) => (
                    <li key={l.id}>
                      <span className="font-medium">{l.reader}</span> · <Time value={l.at} withTime />
                      {l.times > 1 ? <span className="text-xs text-slate-500"> ({l.times} times)</span> : null}
                      <span className="block text-xs text-slate-600">{l.reason}</span>
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
  return (
    <details className="card">
      <summary className="cursor-pointer text-base font-semibold text-slate-900">Edit the record</summary>
      <form onSubmit={form.onSubmit} noValidate className="mt-3 grid grid-cols-1 gap-4 sm:grid-cols-2" aria-label="Edit the trainee's record">
        <div className="sm:col-span-2">
          <FormError message={form.error?.message} />
        </div>
        <TextField label="Name" name="name" defaultValue={trainee.name} maxLength={TRAINEE_NAME_MAX} error={form.fieldError("name")} />
        <TextField label="Program" name="program" defaultValue={trainee.program} maxLength={PROGRAM_MAX} error={form.fieldError("program")} />
        <TextField label="Preferred language" name="preferredLanguage" defaultValue={trainee.preferredLanguage} maxLength={LANGUAGE_MAX} error={form.fieldError("preferredLanguage")} />
        <TextField label="Email (optional)" name="email" type="email" defaultValue={trainee.email} maxLength={TRAINEE_EMAIL_MAX} error={form.fieldError("email")} />
        <TextField label="Phone (optional)" name="phone" type="tel" defaultValue={trainee.phone} maxLength={PHONE_MAX} error={form.fieldError("phone")} />
        <div className="sm:col-span-2">
          <DemographicsFields defaults={trainee} fieldError={form.fieldError} />
        </div>
        <div className="sm:col-span-2">
          <button type="submit" className="btn-secondary" disabled={form.pending}>
            Save record
          </button>
          {update.isSuccess && !form.error ? (
            <span role="status" className="ml-3 text-sm text-green-800">
              Saved.
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
