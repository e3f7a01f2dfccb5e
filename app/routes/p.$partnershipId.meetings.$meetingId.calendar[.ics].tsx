// The meeting as an iCalendar file. Its UID is stable, so re-importing after a change updates the event.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { load, requireUser } from "~/lib/guards.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request);
  const ics = await load(request, () => context.trpc.meetings.meeting.calendar({ meetingId: params.meetingId ?? "" }));
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="meeting-${params.meetingId}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
