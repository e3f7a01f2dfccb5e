// A published A&O snapshot as CSV: public, no sign-in, suppression applied. In the language its link
// names (`?lng=es`, as the snapshot page writes it), else the one the request asks for.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/lib/csv.server";
import { load } from "~/lib/guards.server";
import { localeFor } from "~/i18n/i18n.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const locale = new URL(request.url).searchParams.get("lng") ?? (await localeFor(request, null));
  const csv = await load(request, () => context.trpc.participants.snapshot.publicCsv({ snapshotId: params.snapshotId ?? "", locale }));
  return csvResponse(csv, { filename: "access-and-opportunity.csv", cache: "public, max-age=300", vary: "Cookie, Accept-Language" });
}
