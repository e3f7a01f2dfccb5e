// Supportive-service totals as CSV: requests and amounts by category and status. No personal data, so
// every member of the partnership may download it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { load, requireUser } from "~/lib/guards.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request);
  const csv = await load(request, () => context.trpc.services.export({ partnershipId: params.partnershipId ?? "" }));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="supportive-services-totals.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
