import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Section } from "~/components/ui";
import { MotionGroups, useMotions } from "~/features/voting/motion-list";
import { MoveMotionForm } from "~/features/voting/move-motion-form";
import { pageTitle } from "~/i18n/meta";
import { superjsonResponse, useData } from "~/lib/data";
import { load } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "index.pageTitle", "voting") }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const partnershipId = params.partnershipId ?? "";
  const [motions, meetings, bodies] = await load(request, () =>
    Promise.all([
      context.trpc.voting.motion.list({ partnershipId }),
      context.trpc.meetings.meeting.list({ partnershipId }),
      context.trpc.voting.motion.movableBodies({ partnershipId }),
    ]),
  );
  return superjsonResponse({ motions, meetings, bodies });
}

export default function Votes() {
  const { partnershipId = "" } = useParams();
  const { t } = useTranslation("voting");
  const initial = useData<typeof loader>();
  const { motions, isError } = useMotions(partnershipId, initial.motions);
  const { data: meetings = initial.meetings } = trpc.meetings.meeting.list.useQuery({ partnershipId }, { initialData: initial.meetings });
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      {initial.bodies.length > 0 ? (
        <a href="#move-motion" className="btn-secondary justify-self-start lg:hidden">
          {t("index.move")}
        </a>
      ) : null}
      <div className="min-w-0 space-y-6 lg:col-span-2">
        {isError ? (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
            {t("index.refreshError")}
          </p>
        ) : null}
        <MotionGroups motions={motions} partnershipId={partnershipId} />
      </div>
      <div className="min-w-0 scroll-mt-4" id="move-motion">
        <Section title={t("index.move")} id="move">
          <MoveMotionForm partnershipId={partnershipId} bodies={initial.bodies} meetings={[...meetings.upcoming, ...meetings.past]} />
        </Section>
      </div>
    </div>
  );
}
