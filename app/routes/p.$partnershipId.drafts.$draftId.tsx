import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import superjson, { type SuperJSONResult } from "superjson";
import { DraftPage } from "~/features/drafts/draft-page";
import type { DraftView } from "~/features/drafts/labels";
import { pageTitle } from "~/i18n/meta";
import { useServerMessage } from "~/i18n/server-messages";
import { superjsonResponse, useData } from "~/lib/data";
import { toUiError } from "~/lib/errors";
import { load } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const draftId = params.draftId ?? "";
  const [view, comments] = await load(request, () => Promise.all([context.trpc.drafts.draft.get({ draftId }), context.trpc.drafts.comment.list({ draftId })]));
  // The current version is what the page shows first: render it on the server too.
  const version = view.draft.currentVersion ? await load(request, () => context.trpc.drafts.version.get({ draftId, number: view.draft.currentVersion })) : null;
  return superjsonResponse({ view, comments, version });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const loaded = data ? superjson.deserialize<{ view: DraftView }>(data.__superjson as SuperJSONResult) : null;
  return [{ title: loaded ? pageTitle(matches, "draft.pageTitle", "drafts", { title: loaded.view.draft.title }) : pageTitle(matches, "draft.pageTitleNone", "drafts") }];
};

export default function DraftRoute() {
  const { draftId = "" } = useParams();
  const { t } = useTranslation("drafts");
  const translate = useServerMessage();
  const initial = useData<typeof loader>();
  const query = trpc.drafts.draft.get.useQuery({ draftId }, { initialData: initial.view });
  const view = query.data ?? initial.view;
  return (
    <>
      {query.isError ? (
        <p role="alert" className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {t("draft.refreshError", { error: translate(toUiError(query.error).message) })}
        </p>
      ) : null}
      <DraftPage key={draftId} view={view} initialComments={initial.comments} initialVersion={initial.version} />
    </>
  );
}
