// The Access & Opportunity dashboard (the A&O committee and the partnership's co-chairs and staff): a
// year's applicants at each stage by group, small counts hidden and marked, the rule and threshold under
// every table, a CSV; publishing it is a joint change (one co-chair proposes, the other side's concurs),
// after which anyone may open the snapshot.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useNavigate, useParams, useSearchParams } from "@remix-run/react";
import { useState } from "react";
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

export const meta: MetaFunction = () => [{ title: "Access & Opportunity dashboard · Jointly" }];

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
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to={`/p/${partnershipId}/participants`} className="link">
          ← Participants
        </Link>
      </p>
      <PageHeader
        title="Access & Opportunity dashboard"
        description="Who applies, enrolls, stays, completes and is placed, and at what wage, by group: so the partnership can see whether training, hiring, retention and pay are equitable."
        actions={
          <a href={`/p/${partnershipId}/participants/dashboard.csv?year=${year}`} className="btn-secondary" download>
            CSV ({year})
          </a>
        }
      />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-2" aria-label="Choose the year">
        <label className="text-sm font-medium" htmlFor="year">
          Applicants of
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
            Show
          </button>
        </noscript>
      </form>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-4">
        <div className="min-w-0 xl:col-span-3">
          {query.isLoading ? (
            <p role="status" className="text-sm text-slate-600">
              Counting…
            </p>
          ) : query.isError ? (
            <p role="alert" className="text-sm text-red-700">
              Could not load the dashboard: {toUiError(query.error).message}
            </p>
          ) : query.data ? (
            query.data.tables[0]!.all.counts[0] === 0 ? (
              <EmptyState title={`Nobody applied in ${year}`}>Choose another year, or import participants.</EmptyState>
            ) : (
              <DashboardView dashboard={query.data} />
            )
          ) : null}
        </div>
        <div className="min-w-0 space-y-6">
          <Section title="Publish" id="publish">
            <p className="mb-3 text-sm text-slate-600">
              Publishing makes {year}&apos;s tables, as they stand when the other side&apos;s co-chair concurs, a public page and CSV. Both co-chairs must agree.
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
              Propose publishing {year}
            </button>
            <InlineError message={error} />
            {notice ? <ProposalNotice result={notice} applied="Published." className="mt-2" /> : null}
            {proposals.length ? (
              <ul className="mt-4 space-y-3" aria-label="Proposals to publish">
                {proposals.map((c) => (
                  <li key={c.id}>
                    <JointChangeCard change={c} />
                  </li>
                ))}
              </ul>
            ) : null}
          </Section>
          <Section title="Published" id="published">
            {snapshots.length === 0 ? (
              <p className="text-sm text-slate-600">Nothing published yet.</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {snapshots.map((s) => (
                  <li key={s.id}>
                    <Link to={`/p/${partnershipId}/participants/published/${s.id}`} className="link">
                      {s.year}, published <Time value={s.publishedAt} />
                    </Link>
                    <span className="block text-xs text-slate-600">agreed by {s.agreedBy.join(" and ")} · threshold {s.threshold}</span>
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
