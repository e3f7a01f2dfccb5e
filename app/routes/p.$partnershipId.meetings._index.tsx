import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useParams } from "@remix-run/react";
import { EmptyState, Section } from "~/components/ui";
import { MeetingList } from "~/features/meetings/meeting-list";
import { ScheduleMeetingForm } from "~/features/meetings/schedule-form";
import { superjsonResponse, useData } from "~/lib/data";
import { load } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";

export const meta: MetaFunction = () => [{ title: "Meetings · Jointly" }];

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
  const { data: meetings = initial.meetings } = trpc.meetings.meeting.list.useQuery({ partnershipId }, { initialData: initial.meetings });
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="min-w-0 space-y-6 lg:col-span-2">
        <Section title="Upcoming meetings" id="upcoming">
          <MeetingList meetings={meetings.upcoming} partnershipId={partnershipId} empty="No meetings scheduled" />
        </Section>
        <Section title="Past meetings" id="past">
          <MeetingList meetings={meetings.past} partnershipId={partnershipId} empty="No past meetings yet" />
        </Section>
      </div>
      <Section title="Schedule a meeting" id="schedule">
        {initial.bodies.length === 0 ? (
          <EmptyState title="Co-chairs and staff schedule meetings">You see the meetings of the bodies you sit on.</EmptyState>
        ) : (
          <ScheduleMeetingForm partnershipId={partnershipId} bodies={initial.bodies} />
        )}
      </Section>
    </div>
  );
}
