// One person's record as the viewer may see it (the person, their administrators, mentor or instructor).
// Opening it is logged for the record's owner.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { ParticipantRecordView } from "~/features/participants/record";
import { useParticipantsLive } from "~/features/participants/use-participants-live";
import { superjsonResponse, useData } from "~/lib/data";
import { load, requireUser } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "record.pageTitle", "participants") }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request);
  const record = await load(request, () => context.trpc.participants.get({ participantId: params.participantId ?? "" }));
  return superjsonResponse({ record });
}

export default function ParticipantPage() {
  const { partnershipId = "", participantId = "" } = useParams();
  const initial = useData<typeof loader>();
  useParticipantsLive(partnershipId);
  const utils = trpc.useUtils();
  const query = trpc.participants.get.useQuery({ participantId }, { initialData: initial.record, refetchOnWindowFocus: false });
  const record = query.data ?? initial.record;
  const { t } = useTranslation("participants");
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to={`/p/${partnershipId}/participants`} className="link">
          {t("back")}
        </Link>
      </p>
      <PageHeader
        title={record.participant.name}
        description={record.participant.linked ? t("record.linked") : t("record.logged")}
      />
      <ParticipantRecordView record={record} onChanged={() => void utils.participants.get.invalidate({ participantId })} />
    </div>
  );
}
