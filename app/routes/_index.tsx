import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { Badge, EmptyState, PageHeader, Section, SideBadge, Time } from "~/components/ui";
import { WaitingForYou } from "~/features/joint/waiting-for-you";
import { superjsonResponse, useData } from "~/lib/data";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { PARTNERSHIP_ROLES, SECTORS, type Sector } from "../../server/domains/partnerships/partnerships.schema";

export const meta: MetaFunction = () => [{ title: "Jointly · Your partnerships" }];

export async function loader({ context }: LoaderFunctionArgs) {
  if (!context.user) return superjsonResponse({ signedIn: false as const });
  const [partnerships, actionItems, waiting] = await Promise.all([
    context.trpc.partnerships.partnership.list(),
    context.trpc.meetings.action.mine(),
    context.trpc.joint.change.waiting(),
  ]);
  return superjsonResponse({ signedIn: true as const, partnerships, actionItems, waiting });
}

export default function Index() {
  const data = useData<typeof loader>();
  return data.signedIn ? <Dashboard initial={data.partnerships} actionItems={data.actionItems} waiting={data.waiting} /> : <Welcome />;
}

type MyPartnerships = RouterOutputs["partnerships"]["partnership"]["list"];

type MyActionItems = RouterOutputs["meetings"]["action"]["mine"];
type MyWaiting = RouterOutputs["joint"]["change"]["waiting"];

function Dashboard({ initial, actionItems: initialActions, waiting }: { initial: MyPartnerships; actionItems: MyActionItems; waiting: MyWaiting }) {
  const { data: partnerships = initial } = trpc.partnerships.partnership.list.useQuery(undefined, { initialData: initial });
  const { data: actionItems = initialActions } = trpc.meetings.action.mine.useQuery(undefined, { initialData: initialActions });
  return (
    <>
      <PageHeader
        title="Your partnerships"
        description="Each partnership is a shared workspace for its unions, employers and partners."
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
        <PartnershipList partnerships={partnerships} />
      )}
      {/* Co-chairs see the joint changes that need their answer; others, once something is prepared for them. */}
      <div className="mt-8">
        <WaitingForYou initial={waiting} hideWhenEmpty={!partnerships.some((p) => p.role === "LABOR_CO_CHAIR" || p.role === "MANAGEMENT_CO_CHAIR") && waiting.length === 0} />
      </div>
      <div className="mt-8">
        <Section title="Your action items" id="my-actions">
          {actionItems.length === 0 ? (
            <EmptyState title="Nothing assigned to you">Action items from meetings that name you as owner appear here.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {actionItems.map((a) => {
                const overdue = a.dueDate.getTime() < Date.now();
                return (
                  <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
                    <div>
                      <Link to={`/p/${a.meeting.partnershipId}/meetings/${a.meeting.id}`} className="link">
                        {a.text}
                      </Link>
                      <span className="block text-xs text-slate-500">
                        {a.meeting.title} · {a.meeting.partnership.name}
                      </span>
                    </div>
                    <Badge tone={overdue ? "red" : "slate"}>
                      {overdue ? "Overdue, was due " : "Due "}
                      <Time value={a.dueDate} dateOnly />
                    </Badge>
                  </li>
                );
              })}
            </ul>
          )}
        </Section>
      </div>
    </>
  );
}

function PartnershipList({ partnerships }: { partnerships: MyPartnerships}) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {partnerships.map((p) => (
        <li key={p.id}>
          <Link to={`/p/${p.id}`} className="card block h-full transition hover:ring-indigo-300">
            <div className="flex items-start justify-between gap-2">
              <h2 className="text-lg font-semibold text-slate-900">{p.name}</h2>
              <Badge>{SECTORS[p.sector as Sector] ?? p.sector}</Badge>
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
