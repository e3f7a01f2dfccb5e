// Supportive services: the reviewers' queue (oldest first, overdue highlighted), a CBO's own requests
// and new-request form, and for everyone the counts and totals (no trainee is ever named here for
// members who may not see them).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useParams } from "@remix-run/react";
import { EmptyState, PageHeader, Section } from "~/components/ui";
import { NewRequestForm } from "~/features/services/request-form";
import { RequestList } from "~/features/services/request-list";
import { FundBar, Money } from "~/features/services/parts";
import { useServicesLive } from "~/features/services/use-services-live";
import { superjsonResponse, useData } from "~/lib/data";
import { load } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";
import { OPEN_STATUSES, SERVICE_CATEGORIES } from "../../server/domains/services/services.rules";

export const meta: MetaFunction = () => [{ title: "Supportive services · Jointly" }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const partnershipId = params.partnershipId ?? "";
  const [overview, summary] = await load(request, () =>
    Promise.all([context.trpc.services.overview({ partnershipId }), context.trpc.services.summary({ partnershipId })]),
  );
  const [queue, mine, trainees] = await load(request, () =>
    Promise.all([
      overview.viewer.isReviewer ? context.trpc.services.request.list({ partnershipId, view: "queue" }) : Promise.resolve([]),
      overview.viewer.isCbo ? context.trpc.services.request.list({ partnershipId, view: "mine" }) : Promise.resolve([]),
      overview.viewer.isCbo ? context.trpc.services.trainee.list({ partnershipId, search: "" }) : Promise.resolve([]),
    ]),
  );
  return superjsonResponse({ overview, summary, queue, mine, trainees });
}

export default function ServicesIndex() {
  const { partnershipId = "" } = useParams();
  const initial = useData<typeof loader>();
  useServicesLive(partnershipId);
  const { viewer } = initial.overview;
  const summary = trpc.services.summary.useQuery({ partnershipId }, { initialData: initial.summary }).data ?? initial.summary;
  const queueQuery = trpc.services.request.list.useQuery({ partnershipId, view: "queue" }, { initialData: initial.queue, enabled: viewer.isReviewer });
  const mineQuery = trpc.services.request.list.useQuery({ partnershipId, view: "mine" }, { initialData: initial.mine, enabled: viewer.isCbo });
  const queue = queueQuery.data ?? initial.queue;
  const mine = mineQuery.data ?? initial.mine;
  const waiting = queue.filter((r) => OPEN_STATUSES.includes(r.status));
  const toFulfil = queue.filter((r) => r.status === "APPROVED");
  const overdue = waiting.filter((r) => r.clock?.overdue).length;

  return (
    <div>
      <PageHeader
        title="Supportive services"
        description="Community partners ask the partnership's fund to cover what keeps trainees in training: childcare, transport, tools, fees. Trainees' details are seen only by their organization and the designated reviewers."
        actions={
          <>
            {viewer.isCbo ? (
              <Link to="trainees" className="btn-secondary">
                Trainees
              </Link>
            ) : null}
            <Link to="funds" className="btn-secondary">
              Funds
            </Link>
            <a href={`/p/${partnershipId}/services/export.csv`} className="btn-secondary" download>
              Totals (CSV)
            </a>
          </>
        }
      />
      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label="Open requests" value={String(summary.open)} />
        <Stat label="Available in funds" value={<Money cents={summary.funds.availableCents} />} testId="funds-available" />
        <Stat label="Committed" value={<Money cents={summary.funds.committedCents} />} />
        <Stat label="Trainees served" value={String(summary.trainees)} />
      </dl>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {viewer.isReviewer ? (
            <>
              <Section
                title={`Review queue (${waiting.length})`}
                id="queue"
                actions={overdue > 0 ? <span className="text-sm font-semibold text-red-700">{overdue} overdue</span> : <span className="text-xs text-slate-500">Target: {initial.overview.targetDays} days</span>}
              >
                <RequestList requests={waiting} partnershipId={partnershipId} empty="No requests waiting for a decision" showTrainee={false} />
              </Section>
              <Section title={`Approved, to be paid or delivered (${toFulfil.length})`} id="to-fulfil">
                <RequestList requests={toFulfil} partnershipId={partnershipId} empty="Nothing waiting to be fulfilled" showTrainee={false} />
              </Section>
            </>
          ) : null}
          {viewer.isCbo ? (
            <Section title={`${viewer.organizationName}: requests (${mine.length})`} id="mine">
              <RequestList requests={mine} partnershipId={partnershipId} empty="No requests yet" showTrainee />
            </Section>
          ) : null}
          {!viewer.isReviewer && !viewer.isCbo ? (
            <Section title="Requests by category" id="by-category">
              <p className="mb-3 text-sm text-slate-600">
                Trainees&apos; details stay with their community organization and the partnership&apos;s reviewers. Here are the totals approved so far.
              </p>
              {summary.byCategory.length === 0 ? (
                <EmptyState title="Nothing approved yet" />
              ) : (
                <ul className="divide-y divide-slate-100">
                  {summary.byCategory.map((c) => (
                    <li key={c.category} className="flex justify-between gap-2 py-2 text-sm">
                      <span>
                        {SERVICE_CATEGORIES[c.category]} <span className="text-slate-500">({c.count})</span>
                      </span>
                      <Money cents={c.approvedCents} />
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          ) : null}
        </div>
        <div className="min-w-0 space-y-6">
          {viewer.isCbo ? (
            <Section title="New request" id="new-request">
              <NewRequestForm partnershipId={partnershipId} trainees={initial.trainees} maxRequestCents={initial.overview.maxRequestCents} />
            </Section>
          ) : null}
          <Section title="Funds" id="funds-summary" actions={<Link className="link text-sm" to="funds">Details</Link>}>
            <FundBar label="All funds" startingCents={summary.funds.startingCents} committedCents={summary.funds.committedCents} spentCents={summary.funds.spentCents} />
            <p className="mt-2 text-xs text-slate-600">
              <span className="mr-1 inline-block h-2 w-2 rounded-full bg-indigo-700" aria-hidden /> spent <Money cents={summary.funds.spentCents} /> ·{" "}
              <span className="mr-1 inline-block h-2 w-2 rounded-full bg-amber-400" aria-hidden /> committed <Money cents={summary.funds.committedCents} />
            </p>
          </Section>
          <Section
            title="Trainees by self-reported group"
            id="trainee-groups"
            actions={
              <a href={`/p/${partnershipId}/services/export.csv?table=trainees`} className="link text-sm" download>
                CSV
              </a>
            }
          >
            <p className="mb-2 text-xs text-slate-600">{summary.demographics.rule}</p>
            {summary.demographics.tables.map((t) => (
              <details key={t.label} className="border-t border-slate-100 py-2 text-sm">
                <summary className="cursor-pointer font-medium">{t.label}</summary>
                <table className="mt-1 w-full text-sm">
                  <caption className="sr-only">Trainees by {t.label.toLowerCase()}</caption>
                  <tbody>
                    {t.rows.map((r) => (
                      <tr key={r.key}>
                        <th scope="row" className="py-0.5 pr-2 text-left font-normal">
                          {r.label}
                        </th>
                        <td className="text-right tabular-nums">{r.count ?? <abbr title="Hidden: a small group, or a count that would reveal one">—</abbr>}</td>
                      </tr>
                    ))}
                    <tr className="border-t border-slate-200">
                      <th scope="row" className="py-0.5 pr-2 text-left">
                        All trainees
                      </th>
                      <td className="text-right tabular-nums">{t.total ?? "—"}</td>
                    </tr>
                  </tbody>
                </table>
              </details>
            ))}
          </Section>
          <Section title="Reviewers" id="reviewers">
            {initial.overview.reviewers.length === 0 ? (
              <EmptyState title="No reviewers yet">Co-chairs and staff designate reviewers on the funds page.</EmptyState>
            ) : (
              <ul className="space-y-1 text-sm">
                {initial.overview.reviewers.map((r) => (
                  <li key={r.membershipId}>
                    {r.name} <span className="text-slate-500">· {r.organizationName}</span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>
      </div>
    </div>
  );
}

function Stat({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <div className="card !p-4">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-xl font-semibold text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
