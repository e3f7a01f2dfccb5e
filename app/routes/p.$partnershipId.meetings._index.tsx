import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState, Section } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { MeetingList } from "~/features/meetings/meeting-list";
import { ScheduleMeetingForm } from "~/features/meetings/schedule-form";
import { superjsonResponse, useData } from "~/lib/data";
import { load } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "index.pageTitle", "meetings") }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const partnershipId = params.partnershipId ?? "";
  const [meetings, bodies] = await load(request, () =>
    Promise.all([
      context.trpc.meetings.meeting.list({ partnershipId }),
      context.trpc.meetings.meeting.schedulableBodies({ partnershipId }),
    ]),
  );
  return superjsonResponse({ meetings, bodies });
}

export default function Meetings() {
  const { partnershipId = "" } = useParams();
  const initial = useData<typeof loader>();
  const { t } = useTranslation("meetings");
  const { data: meetings = initial.meetings } = trpc.meetings.meeting.list.useQuery({ partnershipId }, { initialData: initial.meetings });
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="min-w-0 space-y-6 lg:col-span-2">
        <Section title={t("index.upcoming")} id="upcoming">
          <MeetingList meetings={meetings.upcoming} partnershipId={partnershipId} empty={t("index.noUpcoming")} />
        </Section>
        <Section title={t("index.past")} id="past">
          <MeetingList meetings={meetings.past} partnershipId={partnershipId} empty={t("index.noPast")} />
        </Section>
      </div>
      <Section title={t("schedule.title")} id="schedule">
        {initial.bodies.length === 0 ? (
          <EmptyState title={t("schedule.cannotTitle")}>{t("schedule.cannotBody")}</EmptyState>
        ) : (
          <ScheduleMeetingForm partnershipId={partnershipId} bodies={initial.bodies} />
        )}
      </Section>
    </div>
  );
}
