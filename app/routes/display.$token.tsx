// The room display (projector): read-only, full screen, no person signed in. The link's token admits it
// to one meeting; a revoked or unknown link is a plain "not found".
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useParams } from "@remix-run/react";
import { pageTitle } from "~/i18n/meta";
import { DisplayView } from "~/features/meetings/display/display-view";
import { superjsonResponse, useData } from "~/lib/data";
import { load } from "~/lib/guards.server";

export const handle = { bare: true };

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const view = await load(request, () => context.trpc.meetings.display.get({ token: params.token ?? "" }));
  // The token is the URL: never sent onwards as a Referer, never cached by a proxy.
  return superjsonResponse(view, { headers: { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" } });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => ({
  "Referrer-Policy": loaderHeaders.get("Referrer-Policy") ?? "no-referrer",
  "Cache-Control": "no-store",
});

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "display.title", "meetings") }, { name: "robots", content: "noindex" }];

export default function DisplayPage() {
  const { token = "" } = useParams();
  const initial = useData<typeof loader>();
  return <DisplayView token={token} initial={initial} />;
}
