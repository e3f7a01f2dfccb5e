import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useParams } from "@remix-run/react";
import superjson, { type SuperJSONResult } from "superjson";
import { pageTitle } from "~/i18n/meta";
import { MeetingRoom } from "~/features/meetings/room/meeting-room";
import type { MeetingView } from "~/features/meetings/room/types";
import { superjsonResponse, useData } from "~/lib/data";
import { toUiError } from "~/lib/errors";
import { load } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  return superjsonResponse(await load(request, () => context.trpc.meetings.meeting.get({ meetingId: params.meetingId ?? "" })));
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const view = data ? superjson.deserialize<MeetingView>(data.__superjson as SuperJSONResult) : null;
  return [
    {
      title: view
        ? pageTitle(matches, "room.pageTitle", "meetings", { title: view.meeting.title, body: view.body.name })
        : pageTitle(matches, "room.pageTitleFallback", "meetings"),
    },
  ];
};

export default function MeetingPage() {
  const { meetingId = "" } = useParams();
  const initial = useData<typeof loader>();
  const query = trpc.meetings.meeting.get.useQuery({ meetingId }, { initialData: initial });
  const view = query.data ?? initial;
  return <MeetingRoom key={meetingId} view={view} refreshError={query.isError ? toUiError(query.error).message : null} />;
}
