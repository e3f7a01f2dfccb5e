// The overview's supportive-services panel: counts and totals only (every member may see them), live.
import { Link } from "@remix-run/react";
import { EmptyState } from "~/components/ui";
import { trpc } from "~/lib/trpc";
import { FundBar, Money } from "./parts";
import { useServicesLive } from "./use-services-live";

export function ServicesPanel({ partnershipId }: { partnershipId: string }) {
  useServicesLive(partnershipId);
  const { data, isLoading, isError } = trpc.services.summary.useQuery({ partnershipId });
  if (isLoading) return <p className="text-sm text-slate-600">Loading…</p>;
  if (isError || !data) return <p className="text-sm text-red-700">Could not load supportive services.</p>;
  if (data.funds.startingCents === 0 && data.open === 0) {
    return <EmptyState title="No requests">Requests from community partners for trainees&apos; childcare, transport or tools will appear here.</EmptyState>;
  }
  return (
    <div className="space-y-3 text-sm">
      <p>
        <span className="font-semibold">{data.open}</span> {data.open === 1 ? "request is" : "requests are"} waiting for a decision (
        <Money cents={data.requestedOpenCents} /> asked).
      </p>
      <FundBar label="Supportive-service funds" startingCents={data.funds.startingCents} committedCents={data.funds.committedCents} spentCents={data.funds.spentCents} />
      <p className="text-slate-600">
        <Money cents={data.funds.availableCents} /> available of <Money cents={data.funds.startingCents} />.
      </p>
      <Link to={`/p/${partnershipId}/services`} className="link">
        Open supportive services
      </Link>
    </div>
  );
}
