// A published A&O snapshot as CSV: public, no sign-in, suppression applied. In the language its link
// names (`?lng=es`, as the snapshot page writes it), else the one the request asks for (a language we do
// not speak, or none, is not an error).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/lib/csv.server";
import { load } from "~/lib/guards.server";
import { isUiLocale } from "~/i18n/config";
import { localeFor } from "~/i18n/i18n.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const named = new URL(request.url).searchParams.get("lng");
  const locale = isUiLocale(named) ? named : await localeFor(request, null);
  const csv = await load(request, () => context.trpc.participants.snapshot.publicCsv({ snapshotId: params.snapshotId ?? "", locale }));
  return csvResponse(csv, { filename: "access-and-opportunity.csv", cache: "public, max-age=300", vary: "Cookie, Accept-Language" });
}
