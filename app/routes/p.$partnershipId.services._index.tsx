// Supportive services: the reviewers' queue (oldest first, overdue highlighted), a CBO's own requests
// and new-request form, and for everyone the counts and totals (no trainee is ever named here for
// members who may not see them).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useParams } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/meta";
import { EmptyState, PageHeader, Section } from "~/components/ui";
import { NewRequestForm } from "~/features/services/request-form";
import { RequestList } from "~/features/services/request-list";
import { FundBar, Money } from "~/features/services/parts";
import { TraineeGroups } from "~/features/services/trainee-groups";
import { useServicesLive } from "~/features/services/use-services-live";
import { superjsonResponse, useData } from "~/lib/data";
import { load } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";
import { OPEN_STATUSES } from "../../server/domains/services/services.rules";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "index.pageTitle", "services") }];

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
  const { t } = useTranslation("services");

  return (
    <div>
      <PageHeader
        title={t("index.title")}
        description={t("index.description")}
        actions={
          <>
            {viewer.isCbo ? (
              <Link to="trainees" className="btn-secondary">
                {t("index.trainees")}
              </Link>
            ) : null}
            <Link to="funds" className="btn-secondary">
              {t("index.funds")}
            </Link>
            <a href={`/p/${partnershipId}/services/export.csv`} className="btn-secondary" download>
              {t("index.totalsCsv")}
            </a>
          </>
        }
      />
      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label={t("index.openRequests")} value={String(summary.open)} />
        <Stat label={t("index.availableInFunds")} value={<Money cents={summary.funds.availableCents} />} testId="funds-available" />
        <Stat label={t("index.committed")} value={<Money cents={summary.funds.committedCents} />} />
        <Stat label={t("index.traineesServed")} value={String(summary.trainees)} />
      </dl>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {viewer.isReviewer ? (
            <>
              <Section
                title={t("index.queue", { count: waiting.length })}
                id="queue"
                actions={
                  overdue > 0 ? (
                    <span className="text-sm font-semibold text-red-700">{t("index.overdueCount", { count: overdue })}</span>
                  ) : (
                    <span className="text-xs text-slate-500">{t("index.target", { count: initial.overview.targetDays })}</span>
                  )
                }
              >
                <RequestList requests={waiting} partnershipId={partnershipId} empty={t("index.queueEmpty")} showTrainee={false} />
              </Section>
              <Section title={t("index.toFulfil", { count: toFulfil.length })} id="to-fulfil">
                <RequestList requests={toFulfil} partnershipId={partnershipId} empty={t("index.toFulfilEmpty")} showTrainee={false} />
              </Section>
            </>
          ) : null}
          {viewer.isCbo ? (
            <Section title={t("index.mine", { organization: viewer.organizationName, count: mine.length })} id="mine">
              <RequestList requests={mine} partnershipId={partnershipId} empty={t("index.mineEmpty")} showTrainee />
            </Section>
          ) : null}
          {!viewer.isReviewer && !viewer.isCbo ? (
            <Section title={t("index.byCategory")} id="by-category">
              <p className="mb-3 text-sm text-slate-600">{t("index.byCategoryIntro")}</p>
              {summary.byCategory.length === 0 ? (
                <EmptyState title={t("index.nothingApproved")} />
              ) : (
                <ul className="divide-y divide-slate-100">
                  {summary.byCategory.map((c) => (
                    <li key={c.category} className="flex justify-between gap-2 py-2 text-sm">
                      <span>
                        {t(`category.${c.category}`)} <span className="text-slate-500">({c.count})</span>
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
            <Section title={t("index.newRequest")} id="new-request">
              <NewRequestForm partnershipId={partnershipId} trainees={initial.trainees} maxRequestCents={initial.overview.maxRequestCents} />
            </Section>
          ) : null}
          <Section
            title={t("index.funds")}
            id="funds-summary"
            actions={
              <Link className="link text-sm" to="funds">
                {t("index.fundsDetails")}
              </Link>
            }
          >
            <FundBar label={t("index.allFunds")} startingCents={summary.funds.startingCents} committedCents={summary.funds.committedCents} spentCents={summary.funds.spentCents} />
            <p className="mt-2 text-xs text-slate-600">
              <Trans
                t={t}
                i18nKey="index.spentCommitted"
                components={{
                  spentDot: <span className="mr-1 inline-block h-2 w-2 rounded-full bg-indigo-700" aria-hidden />,
                  spent: <Money cents={summary.funds.spentCents} />,
                  committedDot: <span className="mr-1 inline-block h-2 w-2 rounded-full bg-amber-400" aria-hidden />,
                  committed: <Money cents={summary.funds.committedCents} />,
                }}
              />
            </p>
          </Section>
          <Section
            title={t("index.groups")}
            id="trainee-groups"
            actions={
              <a href={`/p/${partnershipId}/services/export.csv?table=trainees`} className="link shrink-0 text-sm" download>
                CSV
              </a>
            }
          >
            <TraineeGroups demographics={summary.demographics} />
          </Section>
          <Section title={t("index.reviewers")} id="reviewers">
            {initial.overview.reviewers.length === 0 ? (
              <EmptyState title={t("index.noReviewers")}>{t("index.noReviewersBody")}</EmptyState>
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
