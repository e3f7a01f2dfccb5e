// The Access & Opportunity dashboard (the A&O committee and the partnership's co-chairs and staff): a
// year's applicants at each stage by group, small counts hidden and marked, the rule and threshold under
// every table, a CSV; publishing it is a joint change (one co-chair proposes, the other side's concurs),
// after which anyone may open the snapshot.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useNavigate, useParams, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { intlLocale } from "~/i18n/config";
import { pageTitle } from "~/i18n/meta";
import { useServerMessage } from "~/i18n/server-messages";
import { EmptyState, InlineError, PageHeader, Section, Time } from "~/components/ui";
import { JointChangeCard } from "~/features/joint/joint-change-card";
import { ProposalNotice, type ProposalResult } from "~/features/joint/proposal-notice";
import { useJointLive } from "~/features/joint/use-joint-live";
import { DashboardView } from "~/features/participants/dashboard-tables";
import { useParticipantsLive } from "~/features/participants/use-participants-live";
import { superjsonResponse, useData } from "~/lib/data";
import { toUiError } from "~/lib/errors";
import { load, requireUser } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "dashboard.pageTitle", "participants") }];

const yearOf = (url: string) => {
  const y = Number(new URL(url).searchParams.get("year"));
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : new Date().getUTCFullYear();
};

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request);
  const partnershipId = params.partnershipId ?? "";
  const year = yearOf(request.url);
  const [dashboard, snapshots] = await load(request, () =>
    Promise.all([context.trpc.participants.dashboard.get({ partnershipId, year }), context.trpc.participants.snapshot.list({ partnershipId })]),
  );
  return superjsonResponse({ dashboard, snapshots, year });
}

export default function AoDashboard() {
  const { partnershipId = "" } = useParams();
  const initial = useData<typeof loader>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  useParticipantsLive(partnershipId);
  useJointLive();
  const year = Number(params.get("year") ?? initial.year) || initial.year;
  const query = trpc.participants.dashboard.get.useQuery({ partnershipId, year }, { initialData: initial.year === year ? initial.dashboard : undefined });
  const snapshots = trpc.participants.snapshot.list.useQuery({ partnershipId }, { initialData: initial.snapshots }).data ?? initial.snapshots;
  const changes = trpc.joint.change.list.useQuery({ partnershipId, show: "all" });
  const proposals = (changes.data ?? []).filter((c) => c.kind === "AO_SNAPSHOT" && (c.status === "PENDING" || c.status === "PREPARED"));
  const propose = trpc.participants.snapshot.propose.useMutation({ onSuccess: () => void changes.refetch() });
  const [notice, setNotice] = useState<ProposalResult>(null);
  const [error, setError] = useState<string | null>(null);
  const thisYear = new Date().getUTCFullYear();
  const { t, i18n } = useTranslation("participants");
  const translate = useServerMessage();
  const names = (list: string[]) => new Intl.ListFormat(intlLocale(i18n.language), { type: "conjunction" }).format(list);
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to={`/p/${partnershipId}/participants`} className="link">
          {t("back")}
        </Link>
      </p>
      <PageHeader
        title={t("dashboard.title")}
        description={t("dashboard.description")}
        actions={
          <a href={`/p/${partnershipId}/participants/dashboard.csv?year=${year}`} className="btn-secondary" download>
            {t("dashboard.csv", { year })}
          </a>
        }
      />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-2" aria-label={t("dashboard.chooseYear")}>
        <label className="text-sm font-medium" htmlFor="year">
          {t("dashboard.applicantsOf")}
        </label>
        <select id="year" name="year" className="input !w-auto" defaultValue={year} onChange={(e) => navigate(`?year=${e.currentTarget.value}`)}>
          {Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <noscript>
          <button type="submit" className="btn-secondary">
            {t("dashboard.show")}
          </button>
        </noscript>
      </form>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-4">
        <div className="min-w-0 xl:col-span-3">
          {query.isLoading ? (
            <p role="status" className="text-sm text-slate-600">
              {t("dashboard.counting")}
            </p>
          ) : query.isError ? (
            <p role="alert" className="text-sm text-red-700">
              {t("dashboard.loadError", { message: translate(toUiError(query.error).message) })}
            </p>
          ) : query.data ? (
            query.data.tables[0]!.all.counts[0] === 0 ? (
              <EmptyState title={t("dashboard.nobody", { year })}>{t("dashboard.nobodyBody")}</EmptyState>
            ) : (
              <DashboardView dashboard={query.data} />
            )
          ) : null}
        </div>
        <div className="min-w-0 space-y-6">
          <Section title={t("dashboard.publish.title")} id="publish">
            <p className="mb-3 text-sm text-slate-600">
              {t("dashboard.publish.body", { year })}
            </p>
            <button
              type="button"
              className="btn-primary"
              disabled={propose.isPending}
              onClick={() =>
                propose.mutateAsync({ partnershipId, year }).then(
                  (r) => {
                    setError(null);
                    setNotice(r);
                  },
                  (e: unknown) => setError(toUiError(e).message),
                )
              }
            >
              {t("dashboard.publish.propose", { year })}
            </button>
            <InlineError message={error} />
            {notice ? <ProposalNotice result={notice} applied={t("dashboard.publish.published")} className="mt-2" /> : null}
            {proposals.length ? (
              <ul className="mt-4 space-y-3" aria-label={t("dashboard.publish.proposals")}>
                {proposals.map((c) => (
                  <li key={c.id}>
                    <JointChangeCard change={c} />
                  </li>
                ))}
              </ul>
            ) : null}
          </Section>
          <Section title={t("dashboard.published.title")} id="published">
            {snapshots.length === 0 ? (
              <p className="text-sm text-slate-600">{t("dashboard.published.none")}</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {snapshots.map((s) => (
                  <li key={s.id}>
                    <Link to={`/p/${partnershipId}/participants/published/${s.id}`} className="link">
                      <Trans t={t} i18nKey="dashboard.published.link" values={{ year: s.year }} components={{ time: <Time value={s.publishedAt} /> }} />
                    </Link>
                    <span className="block text-xs text-slate-600">{t("dashboard.published.line", { names: names(s.agreedBy), threshold: s.threshold })}</span>
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
