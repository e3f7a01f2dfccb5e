// The people the viewer may list (names, programs, employers, status), as CSV: only what the page shows them.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/lib/csv.server";
import { load, requireUser } from "~/lib/guards.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request);
  const csv = await load(request, () => context.trpc.participants.export({ partnershipId: params.partnershipId ?? "" }));
  return csvResponse(csv, { filename: "participants.csv" });
}
