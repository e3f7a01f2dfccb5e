// A participant's own progress, outside the partnership's pages (an apprentice need not be a member of
// the partnership): hours to log, what the mentor approved, competencies, credentials, wage step.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { ParticipantRecordView } from "~/features/participants/record";
import { useParticipantsLive } from "~/features/participants/use-participants-live";
import { superjsonResponse, useData } from "~/lib/data";
import { load, requireUser } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "me.pageTitle", "participants") }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request);
  const record = await load(request, () => context.trpc.participants.mine({ partnershipId: params.partnershipId ?? "" }));
  return superjsonResponse({ record });
}

export default function MyProgress() {
  const { partnershipId = "" } = useParams();
  const initial = useData<typeof loader>();
  useParticipantsLive(partnershipId);
  const utils = trpc.useUtils();
  const query = trpc.participants.mine.useQuery({ partnershipId }, { initialData: initial.record, refetchOnWindowFocus: false });
  const record = query.data ?? initial.record;
  const { t } = useTranslation("participants");
  return (
    <div>
      <PageHeader title={t("me.title")} description={t("me.description", { name: record.participant.name })} />
      <ParticipantRecordView record={record} onChanged={() => void utils.participants.mine.invalidate({ partnershipId })} />
    </div>
  );
}
