// A published Access & Opportunity snapshot: public (no sign-in), the suppressed tables as both co-chairs
// agreed to publish them, with the rule and threshold under every table.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useParams } from "@remix-run/react";
import { PageHeader, Time } from "~/components/ui";
import { DashboardView } from "~/features/participants/dashboard-tables";
import { superjsonResponse, useData } from "~/lib/data";
import { load } from "~/lib/guards.server";

export const meta: MetaFunction = () => [{ title: "Access & Opportunity · Jointly" }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const snapshot = await load(request, () => context.trpc.participants.snapshot.public({ snapshotId: params.snapshotId ?? "" }));
  return superjsonResponse({ snapshot });
}

export default function PublishedSnapshot() {
  const { partnershipId = "", snapshotId = "" } = useParams();
  const { snapshot } = useData<typeof loader>();
  const d = snapshot.dashboard;
  return (
    <div>
      <PageHeader
        title={`Access & Opportunity, ${d.year}`}
        description={
          <>
            {d.partnershipName}. Published <Time value={snapshot.publishedAt} /> with the agreement of both co-chairs ({snapshot.agreedBy.join(" and ")}).
          </>
        }
        actions={
          <a href={`/p/${partnershipId}/participants/published/${snapshotId}.csv`} className="btn-secondary" download>
            CSV
          </a>
        }
      />
      <DashboardView dashboard={d} />
    </div>
  );
}
