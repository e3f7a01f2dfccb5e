// A CBO's trainees: its own and those other CBOs shared with it, with search, and a form to record a
// new trainee (demographics optional, "prefer not to say" by default). Members of other organizations
// see an empty list: the query filters by organization.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/meta";
import { Link, useNavigate, useParams, useSearchParams } from "@remix-run/react";
import { FormError, TextField } from "~/components/field";
import { EmptyState, PageHeader, Section } from "~/components/ui";
import { useInputMutationForm } from "~/lib/forms";
import { superjsonResponse, useData } from "~/lib/data";
import { load } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";
import { DemographicsFields, withRaceEthnicity } from "~/features/services/demographics-fields";
import {
  CreateTraineeInputSchema,
  LANGUAGE_MAX,
  PHONE_MAX,
  PROGRAM_MAX,
  SEARCH_MAX,
  TRAINEE_EMAIL_MAX,
  TRAINEE_NAME_MAX,
} from "../../server/domains/services/services.schema";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "trainees.pageTitle", "services") }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const partnershipId = params.partnershipId ?? "";
  // Not cut to SEARCH_MAX: the form cannot send more, and a longer address is refused with the schema's message.
  const search = new URL(request.url).searchParams.get("q") ?? "";
  const [overview, trainees] = await load(request, () =>
    Promise.all([context.trpc.services.overview({ partnershipId }), context.trpc.services.trainee.list({ partnershipId, search })]),
  );
  return superjsonResponse({ overview, trainees, search });
}

export default function Trainees() {
  const { partnershipId = "" } = useParams();
  const initial = useData<typeof loader>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const search = params.get("q") ?? "";
  const list = trpc.services.trainee.list.useQuery({ partnershipId, search }, { initialData: initial.search === search ? initial.trainees : undefined });
  const trainees = list.data ?? [];
  const create = trpc.services.trainee.create.useMutation();
  const form = useInputMutationForm({
    schema: CreateTraineeInputSchema,
    mutation: create,
    toInput: (values) => ({ ...withRaceEthnicity(values), partnershipId }),
    onSuccess: (result) => navigate(`/p/${partnershipId}/services/trainees/${result.id}`),
  });
  const { viewer } = initial.overview;
  const { t } = useTranslation("services");

  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to={`/p/${partnershipId}/services`} className="link">
          {t("request.back")}
        </Link>
      </p>
      <PageHeader
        title={t("trainees.title")}
        description={t("trainees.description")}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <form method="get" role="search" className="flex gap-2" aria-label={t("trainees.searchForm")}>
            <label htmlFor="trainee-search" className="sr-only">
              {t("trainees.searchLabel")}
            </label>
            <input id="trainee-search" name="q" defaultValue={search} className="input" placeholder={t("trainees.searchLabel")} maxLength={SEARCH_MAX} />
            <button type="submit" className="btn-secondary">
              {t("trainees.search")}
            </button>
          </form>
          <Section title={t(search ? "trainees.matching" : "trainees.yours", { count: trainees.length })} id="trainees">
            {list.isLoading ? (
              <p className="text-sm text-slate-600">{t("trainees.loading")}</p>
            ) : trainees.length === 0 ? (
              <EmptyState title={search ? t("trainees.noMatch") : t("trainees.none")}>
                {viewer.isCbo ? t("trainees.cboHint") : t("trainees.notCbo")}
              </EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100">
                {trainees.map((tr) => (
                  <li key={tr.id} className="flex flex-wrap justify-between gap-2 py-3">
                    <div className="min-w-0">
                      <Link to={tr.id} className="link">
                        {tr.name}
                      </Link>
                      <span className="block text-xs text-slate-500">
                        {t("trainees.line", { program: tr.program, language: tr.preferredLanguage })}
                        {tr.isOwn ? "" : t("trainees.sharedBy", { organization: tr.organizationName })}
                      </span>
                    </div>
                    <span className="text-xs text-slate-600">{t("trainees.requests", { count: tr.requestCount })}</span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>
        {viewer.isCbo ? (
          <div className="min-w-0">
            <Section title={t("trainees.record")} id="new-trainee">
              <form onSubmit={form.onSubmit} noValidate className="space-y-4" aria-label={t("trainees.record")}>
                <FormError message={form.error?.message} />
                <TextField label={t("trainees.name")} name="name" autoComplete="off" maxLength={TRAINEE_NAME_MAX} error={form.fieldError("name")} required />
                <TextField
                  label={t("trainees.program")}
                  name="program"
                  maxLength={PROGRAM_MAX}
                  placeholder={t("trainees.programPlaceholder")}
                  error={form.fieldError("program")}
                  required
                />
                <TextField
                  label={t("trainees.preferredLanguage")}
                  name="preferredLanguage"
                  defaultValue={t("trainees.preferredLanguageDefault")}
                  maxLength={LANGUAGE_MAX}
                  error={form.fieldError("preferredLanguage")}
                />
                <TextField label={t("trainees.email")} name="email" type="email" autoComplete="off" maxLength={TRAINEE_EMAIL_MAX} error={form.fieldError("email")} />
                <TextField label={t("trainees.phone")} name="phone" type="tel" autoComplete="off" maxLength={PHONE_MAX} error={form.fieldError("phone")} />
                <DemographicsFields fieldError={form.fieldError} />
                <button type="submit" className="btn-primary" disabled={form.pending}>
                  {t("trainees.save")}
                </button>
              </form>
            </Section>
          </div>
        ) : null}
      </div>
    </div>
  );
}
