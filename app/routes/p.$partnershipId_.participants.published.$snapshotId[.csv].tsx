// A published A&O snapshot as CSV: public, no sign-in, suppression applied.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { load } from "~/lib/guards.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const csv = await load(request, () => context.trpc.participants.snapshot.publicCsv({ snapshotId: params.snapshotId ?? "" }));
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="access-and-opportunity.csv"', "Cache-Control": "public, max-age=300" },
  });
}
