import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MeetingList } from "~/features/meetings/meeting-list";
import { intlLocale } from "~/i18n/config";
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
import { type OrganizationType, type Side } from "../../server/domains/partnerships/partnerships.schema";

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
  const { partnership, organizations, coChairs, committees, viewer } = home;
  const peopleCount = organizations.reduce((sum, o) => sum + o.memberCount, 0);
  const initial = useData<typeof loader>();
  const { data: meetings = initial.meetings } = trpc.meetings.meeting.list.useQuery(
    { partnershipId: partnership.id },
    { initialData: initial.meetings },
  );
  const { t, i18n } = useTranslation("partnerships");
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="min-w-0 space-y-6 lg:col-span-2">
        {partnership.description ? <p className="text-slate-700">{partnership.description}</p> : null}

        <WaitingForYou partnershipId={partnership.id} hideWhenEmpty />

        {home.topBodyId ? (
          <p className="text-sm">
            <Link className="link" to={`committees/${home.topBodyId}`}>
              {t("overview.seatsAndQuorum")}
            </Link>
          </p>
        ) : null}

        <Section
          title={t("overview.organizationsBySide")}
          id="organizations"
          actions={
            <Link className="link text-sm" to="organizations">
              {viewer.canManage ? t("overview.manage") : t("overview.seeAll")}
            </Link>
          }
        >
          <div className="grid gap-4 sm:grid-cols-3">
            {SIDE_ORDER.map((side) => {
              const orgs = organizations.filter((o) => o.side === side);
              return (
                <div key={side}>
                  <h3 className="mb-2 flex items-center gap-2 text-sm font-semibold text-slate-700">
                    <SideBadge side={side} /> <span className="sr-only">{t(`overview.side.${side}`)}</span>
                  </h3>
                  {orgs.length === 0 ? (
                    <p className="text-sm text-slate-500">{t("overview.noneYet")}</p>
                  ) : (
                    <ul className="space-y-1 text-sm">
                      {orgs.map((o) => (
                        <li key={o.id}>
                          <span className="font-medium text-slate-900">{o.name}</span>
                          <span className="block text-xs text-slate-500">
                            {t("organizations.line", { type: t(`orgType.${o.type as OrganizationType}`), count: o.memberCount })}
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

        {/* Who leads the partnership; everyone else is on the People page (a big partnership's list would bury this page). */}
        <Section
          title={t("people.title", { count: peopleCount })}
          id="people"
          actions={
            <Link className="link text-sm" to="people">
              {viewer.canManage ? t("overview.inviteAndManage") : t("overview.seeAll")}
            </Link>
          }
        >
          {coChairs.length === 0 ? (
            <p className="text-sm text-slate-500">{t("overview.noCoChairs")}</p>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label={t("overview.coChairsList")}>
              {coChairs.map((c) => (
                <li key={c.side} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <div>
                    <span className="font-medium text-slate-900" translate="no">
                      {c.name}
                    </span>
                    <span className="block text-xs text-slate-500" translate="no">
                      {c.organizationName}
                    </span>
                  </div>
                  <div className="flex items-center gap-2 text-xs text-slate-600">
                    <span>{t(`common:enums.role.${c.side}_CO_CHAIR`)}</span>
                    <SideBadge side={c.side} />
                  </div>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3 text-sm text-slate-600">{t("overview.peopleInOrganizations", { count: peopleCount })}</p>
        </Section>
      </div>

      <div className="space-y-6">
        <Section title={t("committees.title")} id="committees">
          {committees.length === 0 ? (
            <EmptyState title={t("committees.none")}>{t("overview.noCommitteesBody")}</EmptyState>
          ) : (
            <ul className="space-y-2">
              {committees.map((c) => (
                <li key={c.id}>
                  <Link to={`committees/${c.id}`} className="link">
                    {c.name}
                  </Link>
                  <span className="block text-xs text-slate-500">
                    {c.coChairs.length
                      ? t("overview.committeeLine", { count: c.memberCount, coChairs: new Intl.ListFormat(intlLocale(i18n.language), { type: "conjunction" }).format(c.coChairs.map((cc) => cc.name)) })
                      : t("overview.committeeLineNoCoChairs", { count: c.memberCount })}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {viewer.canManage ? (
            <details className="mt-4 rounded-md bg-slate-50 p-3">
              <summary className="cursor-pointer text-sm font-semibold text-indigo-800">{t("committees.new")}</summary>
              <div className="mt-3">
                <NewCommitteeForm partnershipId={partnership.id} />
              </div>
            </details>
          ) : null}
        </Section>

        <Section title={t("overview.upcomingMeetings")} id="meetings" actions={<Link className="link text-sm" to="meetings">{t("overview.allMeetings")}</Link>}>
          <MeetingList meetings={meetings.upcoming.slice(0, 5)} partnershipId={partnership.id} empty={t("overview.noMeetings")} />
        </Section>
        <Section title={t("overview.openVotes")} id="votes" actions={<Link className="link text-sm" to="votes">{t("overview.allVotes")}</Link>}>
          <OpenVotesList partnershipId={partnership.id} initial={initial.motions} />
        </Section>
        <Section title={t("overview.draftsInReview")} id="drafts" actions={<Link className="link text-sm" to="drafts">{t("overview.allDrafts")}</Link>}>
          <DraftsInReview partnershipId={partnership.id} />
        </Section>
        <Section title={t("overview.serviceRequests")} id="services" actions={<Link className="link text-sm" to="services">{t("overview.allRequests")}</Link>}>
          <ServicesPanel partnershipId={partnership.id} />
        </Section>
      </div>
    </div>
  );
}
