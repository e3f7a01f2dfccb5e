// The partnership's supportive-service funds: balance, committed, spent, by category and by month, and
// caps; for co-chairs and staff also new funds, caps, closing a fund, the decision target and the
// reviewers. The money's rules (funds, caps, closing, reviewers) are joint changes: a co-chair proposes
// them (staff prepare), the other side's co-chair concurs; they wait under "Joint changes" here.
// Totals only: every member may see this page.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/meta";
import { EmptyState, PageHeader, Section } from "~/components/ui";
import { JointChanges } from "~/features/joint/joint-change-list";
import { FundCard } from "~/features/services/fund-card";
import { NewFundForm, Reviewers, TargetForm } from "~/features/services/fund-forms";
import { useServicesLive } from "~/features/services/use-services-live";
import { superjsonResponse, useData } from "~/lib/data";
import { load } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "funds.pageTitle", "services") }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const partnershipId = params.partnershipId ?? "";
  const [overview, funds, home] = await load(request, () =>
    Promise.all([
      context.trpc.services.overview({ partnershipId }),
      context.trpc.services.fund.list({ partnershipId }),
      context.trpc.partnerships.partnership.get({ partnershipId }),
    ]),
  );
  const members =
    overview.viewer.canManage && home.topBodyId
      ? (await load(request, () => context.trpc.partnerships.committee.get({ bodyId: home.topBodyId! }))).seats.map((s) => ({ membershipId: s.membershipId, name: s.name, organizationName: s.organizationName }))
      : [];
  return superjsonResponse({ overview, funds, members });
}

export default function Funds() {
  const { partnershipId = "" } = useParams();
  const initial = useData<typeof loader>();
  useServicesLive(partnershipId);
  const funds = trpc.services.fund.list.useQuery({ partnershipId }, { initialData: initial.funds }).data ?? initial.funds;
  const overview = trpc.services.overview.useQuery({ partnershipId }, { initialData: initial.overview }).data ?? initial.overview;
  const canManage = overview.viewer.canManage;
  const { t } = useTranslation("services");

  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to={`/p/${partnershipId}/services`} className="link">
          {t("funds.back")}
        </Link>
      </p>
      <PageHeader title={t("funds.title")} description={t("funds.description")} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {funds.length === 0 ? (
            <EmptyState title={t("funds.none")}>{canManage ? t("funds.noneManage") : t("funds.noneBody")}</EmptyState>
          ) : (
            funds.map((f) => <FundCard key={f.id} fund={f} canManage={canManage} />)
          )}
          <JointChanges partnershipId={partnershipId} title={t("funds.jointChanges")} />
        </div>
        {canManage ? (
          <div className="min-w-0 space-y-6">
            <Section title={t("funds.new.title")} id="new-fund">
              <NewFundForm partnershipId={partnershipId} />
            </Section>
            <Section title={t("funds.target.title")} id="target">
              <TargetForm partnershipId={partnershipId} targetDays={overview.targetDays} />
            </Section>
            <Section title={t("funds.reviewers.title")} id="manage-reviewers">
              <Reviewers partnershipId={partnershipId} reviewers={overview.reviewers} members={initial.members} />
            </Section>
          </div>
        ) : null}
      </div>
    </div>
  );
}
