import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { MeetingList } from "~/features/meetings/meeting-list";
import { superjsonResponse, useData } from "~/lib/data";
import { load } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";
import { EmptyState, Section, SideBadge } from "~/components/ui";
import { NewCommitteeForm } from "~/features/partnerships/committee-form";
import { usePartnership } from "~/features/partnerships/use-partnership";
import { OpenVotesList } from "~/features/voting/motion-list";
import { DraftsInReview } from "~/features/drafts/draft-list";
import { ServicesPanel } from "~/features/services/services-panel";
import { JointChanges } from "~/features/joint/joint-change-list";
import { WaitingForYou } from "~/features/joint/waiting-for-you";
import { ORGANIZATION_TYPES, PARTNERSHIP_ROLES, SIDES, type OrganizationType, type Side } from "../../server/domains/partnerships/partnerships.schema";

const SIDE_ORDER: Side[] = ["LABOR", "NEUTRAL", "MANAGEMENT"];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const partnershipId = params.partnershipId ?? "";
  const [meetings, motions] = await load(request, () =>
    Promise.all([context.trpc.meetings.meeting.list({ partnershipId }), context.trpc.voting.motion.list({ partnershipId })]),
  );
  return superjsonResponse({ meetings, motions });
}

export default function PartnershipOverview() {
  const home = usePartnership();
  const { partnership, organizations, people, committees, viewer } = home;
  const initial = useData<typeof loader>();
  const { data: meetings = initial.meetings } = trpc.meetings.meeting.list.useQuery(
    { partnershipId: partnership.id },
    { initialData: initial.meetings },
  );
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="min-w-0 space-y-6 lg:col-span-2">
        {partnership.description ? <p className="text-slate-700">{partnership.description}</p> : null}

        <WaitingForYou partnershipId={partnership.id} hideWhenEmpty />

        {home.topBodyId ? (
          <p className="text-sm">
            <Link className="link" to={`committees/${home.topBodyId}`}>
              Partnership seats and quorum rule
            </Link>
          </p>
        ) : null}

        <Section title="Organizations by side" id="organizations" actions={<Link className="link text-sm" to="organizations">{viewer.canManage ? "Manage" : "See all"}</Link>}>
          <div className="grid gap-4 sm:grid-cols-3">
            {SIDE_ORDER.map((side) => {
              const orgs = organizations.filter((o) => o.side === side);
              return (
                <div key={side}>
                  <h3 className="mb-2 flex items-center gap-2 text-sm font-semibold text-slate-700">
                    <SideBadge side={side} /> <span className="sr-only">{SIDES[side]} side</span>
                  </h3>
                  {orgs.length === 0 ? (
                    <p className="text-sm text-slate-500">None yet</p>
                  ) : (
                    <ul className="space-y-1 text-sm">
                      {orgs.map((o) => (
                        <li key={o.id}>
                          <span className="font-medium text-slate-900">{o.name}</span>
                          <span className="block text-xs text-slate-500">
                            {ORGANIZATION_TYPES[o.type as OrganizationType]} · {o.memberCount} {o.memberCount === 1 ? "person" : "people"}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              );
            })}
          </div>
        </Section>

        <JointChanges partnershipId={partnership.id} />

        <Section title={`People (${people.length})`} id="people" actions={<Link className="link text-sm" to="people">{viewer.canManage ? "Invite and manage" : "See all"}</Link>}>
          <ul className="divide-y divide-slate-100" aria-label="People in this partnership">
            {people.map((p) => (
              <li key={p.membershipId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <div>
                  <span className="font-medium text-slate-900">{p.name}</span>
                  <span className="block text-xs text-slate-500">{p.organizationName}</span>
                </div>
                <div className="flex items-center gap-2 text-xs text-slate-600">
                  {p.role !== "MEMBER" ? <span>{PARTNERSHIP_ROLES[p.role]}</span> : null}
                  <SideBadge side={p.side} />
                </div>
              </li>
            ))}
          </ul>
        </Section>
      </div>

      <div className="space-y-6">
        <Section title="Committees" id="committees">
          {committees.length === 0 ? (
            <EmptyState title="No committees yet">Committees such as a JATC or a curriculum committee decide within the partnership.</EmptyState>
          ) : (
            <ul className="space-y-2">
              {committees.map((c) => (
                <li key={c.id}>
                  <Link to={`committees/${c.id}`} className="link">
                    {c.name}
                  </Link>
                  <span className="block text-xs text-slate-500">
                    {c.memberCount} {c.memberCount === 1 ? "member" : "members"}
                    {c.coChairs.length ? ` · co-chairs ${c.coChairs.map((cc) => cc.name).join(" and ")}` : " · no co-chairs yet"}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {viewer.canManage ? (
            <details className="mt-4 rounded-md bg-slate-50 p-3">
              <summary className="cursor-pointer text-sm font-semibold text-indigo-800">New committee</summary>
              <div className="mt-3">
                <NewCommitteeForm partnershipId={partnership.id} />
              </div>
            </details>
          ) : null}
        </Section>

        <Section title="Upcoming meetings" id="meetings" actions={<Link className="link text-sm" to="meetings">All meetings</Link>}>
          <MeetingList meetings={meetings.upcoming.slice(0, 5)} partnershipId={partnership.id} empty="No meetings scheduled" />
        </Section>
        <Section title="Open votes" id="votes" actions={<Link className="link text-sm" to="votes">All votes</Link>}>
          <OpenVotesList partnershipId={partnership.id} initial={initial.motions} />
        </Section>
        <Section title="Drafts awaiting review" id="drafts" actions={<Link className="link text-sm" to="drafts">All drafts</Link>}>
          <DraftsInReview partnershipId={partnership.id} />
        </Section>
        <Section title="Supportive-service requests" id="services" actions={<Link className="link text-sm" to="services">All requests</Link>}>
          <ServicesPanel partnershipId={partnership.id} />
        </Section>
      </div>
    </div>
  );
}
