import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { Badge, EmptyState, PageHeader, SideBadge } from "~/components/ui";
import { countsByPartnership, useWaiting, WaitingForMe, type Waiting } from "~/features/home/waiting-for-me";
import { superjsonResponse, useData } from "~/lib/data";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { PARTNERSHIP_ROLES, SECTORS, type Sector } from "../../server/domains/partnerships/partnerships.schema";

export const meta: MetaFunction = () => [{ title: "Jointly · Your partnerships" }];

export async function loader({ context }: LoaderFunctionArgs) {
  if (!context.user) return superjsonResponse({ signedIn: false as const });
  const [partnerships, waiting] = await Promise.all([context.trpc.partnerships.partnership.list(), context.trpc.home.waiting.list()]);
  return superjsonResponse({ signedIn: true as const, partnerships, waiting });
}

export default function Index() {
  const data = useData<typeof loader>();
  return data.signedIn ? <Dashboard initial={data.partnerships} waiting={data.waiting} /> : <Welcome />;
}

type MyPartnerships = RouterOutputs["partnerships"]["partnership"]["list"];

function Dashboard({ initial, waiting: initialWaiting }: { initial: MyPartnerships; waiting: Waiting }) {
  const { data: partnerships = initial } = trpc.partnerships.partnership.list.useQuery(undefined, { initialData: initial });
  const waiting = useWaiting(initialWaiting);
  return (
    <>
      <PageHeader
        title="Your partnerships"
        description="What waits for you across your partnerships, oldest first, and each partnership's shared workspace."
        actions={
          <Link to="/partnerships/new" className="btn-primary">
            New partnership
          </Link>
        }
      />
      {partnerships.length === 0 ? (
        <EmptyState title="You are not in a partnership yet">
          Start one for your committee or trust fund, or open the invitation link a co-chair sent you.
        </EmptyState>
      ) : (
        <div className="space-y-8">
          <WaitingForMe waiting={waiting} />
          <PartnershipList partnerships={partnerships} counts={countsByPartnership(waiting)} />
        </div>
      )}
    </>
  );
}

function PartnershipList({ partnerships, counts }: { partnerships: MyPartnerships; counts: Map<string, number> }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {partnerships.map((p) => (
        <li key={p.id}>
          <Link to={`/p/${p.id}`} className="card block h-full transition hover:ring-indigo-300">
            <div className="flex flex-col-reverse items-start justify-between gap-2 sm:flex-row">
              <h2 className="text-lg font-semibold text-slate-900">{p.name}</h2>
              <span className="flex shrink-0 flex-wrap gap-1 sm:justify-end">
                {counts.get(p.id) ? <Badge tone="amber">{counts.get(p.id)} waiting for you</Badge> : null}
                <Badge>{SECTORS[p.sector as Sector] ?? p.sector}</Badge>
              </span>
            </div>
            {p.description ? <p className="mt-1 line-clamp-2 text-sm text-slate-600">{p.description}</p> : null}
            <div className="mt-3 flex flex-wrap items-center gap-2 text-xs text-slate-600">
              <SideBadge side={p.side} />
              <span>
                {p.role ? PARTNERSHIP_ROLES[p.role] : "Member"} · {p.organizationName}
              </span>
              <span aria-hidden>·</span>
              <span>
                {p.memberCount} people, {p.organizationCount} organizations
              </span>
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function Welcome() {
  return (
    <div className="mx-auto max-w-3xl py-10 text-center">
      <h1 className="text-4xl font-bold tracking-tight text-slate-900">Joint decisions, made together.</h1>
      <p className="mt-4 text-lg text-slate-600">
        Jointly gives labor-management training partnerships one shared workspace: co-chaired meetings, curricula that workers sign off,
        votes with a majority on each side, and supportive services for trainees.
      </p>
      <div className="mt-8 flex justify-center gap-3">
        <Link to="/signup" className="btn-primary">
          Create an account
        </Link>
        <Link to="/signin" className="btn-secondary">
          Sign in
        </Link>
      </div>
    </div>
  );
}
