// The A&O dashboard of a year as CSV, suppression applied (hidden counts are empty cells), with the rule.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { load, requireUser } from "~/lib/guards.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request);
  const year = Number(new URL(request.url).searchParams.get("year") ?? new Date().getUTCFullYear());
  const csv = await load(request, () => context.trpc.participants.dashboard.export({ partnershipId: params.partnershipId ?? "", year }));
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="access-and-opportunity-${year}.csv"`, "Cache-Control": "private, no-store" },
  });
}
