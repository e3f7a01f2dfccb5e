// A CBO's trainees: its own and those other CBOs shared with it, with search, and a form to record a
// new trainee (demographics optional, "prefer not to say" by default). Members of other organizations
// see an empty list: the query filters by organization.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
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

export const meta: MetaFunction = () => [{ title: "Trainees · Jointly" }];

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

  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to={`/p/${partnershipId}/services`} className="link">
          ← Supportive services
        </Link>
      </p>
      <PageHeader
        title="Trainees"
        description="Personal data: seen only by your organization, organizations you share a record with, and the partnership's reviewers (whose every read is logged)."
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <form method="get" role="search" className="flex gap-2" aria-label="Search trainees">
            <label htmlFor="trainee-search" className="sr-only">
              Search by name or program
            </label>
            <input id="trainee-search" name="q" defaultValue={search} className="input" placeholder="Search by name or program" maxLength={SEARCH_MAX} />
            <button type="submit" className="btn-secondary">
              Search
            </button>
          </form>
          <Section title={`${search ? "Matching trainees" : "Your trainees"} (${trainees.length})`} id="trainees">
            {list.isLoading ? (
              <p className="text-sm text-slate-600">Loading…</p>
            ) : trainees.length === 0 ? (
              <EmptyState title={search ? "No trainee matches" : "No trainees yet"}>
                {viewer.isCbo ? "Record the trainees your organization serves to request support for them." : "Only community-based organizations record trainees."}
              </EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100">
                {trainees.map((t) => (
                  <li key={t.id} className="flex flex-wrap justify-between gap-2 py-3">
                    <div className="min-w-0">
                      <Link to={t.id} className="link">
                        {t.name}
                      </Link>
                      <span className="block text-xs text-slate-500">
                        {t.program} · prefers {t.preferredLanguage}
                        {t.isOwn ? "" : ` · shared by ${t.organizationName}`}
                      </span>
                    </div>
                    <span className="text-xs text-slate-600">
                      {t.requestCount} {t.requestCount === 1 ? "request" : "requests"}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>
        {viewer.isCbo ? (
          <div className="min-w-0">
            <Section title="Record a trainee" id="new-trainee">
              <form onSubmit={form.onSubmit} noValidate className="space-y-4" aria-label="Record a trainee">
                <FormError message={form.error?.message} />
                <TextField label="Name" name="name" autoComplete="off" maxLength={TRAINEE_NAME_MAX} error={form.fieldError("name")} required />
                <TextField label="Program" name="program" maxLength={PROGRAM_MAX} placeholder="e.g. IMT apprenticeship" error={form.fieldError("program")} required />
                <TextField label="Preferred language" name="preferredLanguage" defaultValue="English" maxLength={LANGUAGE_MAX} error={form.fieldError("preferredLanguage")} />
                <TextField label="Email (optional)" name="email" type="email" autoComplete="off" maxLength={TRAINEE_EMAIL_MAX} error={form.fieldError("email")} />
                <TextField label="Phone (optional)" name="phone" type="tel" autoComplete="off" maxLength={PHONE_MAX} error={form.fieldError("phone")} />
                <DemographicsFields fieldError={form.fieldError} />
                <button type="submit" className="btn-primary" disabled={form.pending}>
                  Save trainee
                </button>
              </form>
            </Section>
          </div>
        ) : null}
      </div>
    </div>
  );
}
