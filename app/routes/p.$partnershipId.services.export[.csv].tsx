// Supportive-service totals as CSV: requests and amounts by category and status, or (?table=trainees)
// trainees by each self-reported question with small groups hidden. No personal data, so every member
// of the partnership may download them.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/lib/csv.server";
import { load, requireUser } from "~/lib/guards.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request);
  const table = new URL(request.url).searchParams.get("table") === "trainees" ? "trainees" : "requests";
  const csv = await load(request, () => context.trpc.services.export({ partnershipId: params.partnershipId ?? "", table }));
  return csvResponse(csv, { filename: `supportive-services-${table === "trainees" ? "trainees-by-group" : "totals"}.csv` });
}
