import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Section } from "~/components/ui";
import { DraftGroups, NewDraftForm, useDrafts } from "~/features/drafts/draft-list";
import { pageTitle } from "~/i18n/meta";
import { superjsonResponse, useData } from "~/lib/data";
import { load } from "~/lib/guards.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "index.pageTitle", "drafts") }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const partnershipId = params.partnershipId ?? "";
  return superjsonResponse(await load(request, () => context.trpc.drafts.draft.list({ partnershipId })));
}

export default function Drafts() {
  const { partnershipId = "" } = useParams();
  const { t } = useTranslation("drafts");
  const initial = useData<typeof loader>();
  const { data, isError } = useDrafts(partnershipId, initial);
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="min-w-0 space-y-6 lg:col-span-2">
        {isError ? (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
            {t("index.refreshError")}
          </p>
        ) : null}
        <DraftGroups drafts={data.drafts} partnershipId={partnershipId} />
      </div>
      <div className="min-w-0 space-y-6">
        <Section title={t("new.title")} id="new-draft">
          <NewDraftForm partnershipId={partnershipId} bodies={data.canCreateIn} />
        </Section>
        {data.canCreateIn.length ? (
          <Section title={t("index.settings")} id="draft-settings">
            <ul className="space-y-1 text-sm">
              {data.canCreateIn.map((b) => (
                <li key={b.id}>
                  <Link className="link" to={`settings/${b.id}`}>
                    {b.name}
                  </Link>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
      </div>
    </div>
  );
}
