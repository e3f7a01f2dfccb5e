// The A&O dashboard of a year as CSV, suppression applied (hidden counts are empty cells), with the rule.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/lib/csv.server";
import { load, requireUser } from "~/lib/guards.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request);
  const year = Number(new URL(request.url).searchParams.get("year") ?? new Date().getUTCFullYear());
  const csv = await load(request, () => context.trpc.participants.dashboard.export({ partnershipId: params.partnershipId ?? "", year }));
  return csvResponse(csv, { filename: `access-and-opportunity-${year}.csv` });
}
