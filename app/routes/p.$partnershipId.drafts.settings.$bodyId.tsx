import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Section } from "~/components/ui";
import { DraftSettingsForm } from "~/features/drafts/settings-form";
import { JointChanges } from "~/features/joint/joint-change-list";
import { pageTitle } from "~/i18n/meta";
import { superjsonResponse, useData } from "~/lib/data";
import { load } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "settings.pageTitle", "drafts") }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  return superjsonResponse(await load(request, () => context.trpc.drafts.settings.get({ bodyId: params.bodyId ?? "" })));
}

export default function DraftSettings() {
  const { partnershipId = "", bodyId = "" } = useParams();
  const { t } = useTranslation("drafts");
  const initial = useData<typeof loader>();
  const { data = initial } = trpc.drafts.settings.get.useQuery({ bodyId }, { initialData: initial });
  return (
    <div className="max-w-2xl space-y-4">
      <nav aria-label={t("breadcrumb")} className="text-sm text-slate-600">
        <Link to={`/p/${partnershipId}/drafts`} className="link">
          {t("index.pageTitle")}
        </Link>{" "}
        / {data.bodyName}
      </nav>
      <Section title={t("settings.title", { body: data.bodyName })} id="settings">
        <DraftSettingsForm key={bodyId} settings={data} />
      </Section>
      <JointChanges partnershipId={partnershipId} bodyId={bodyId} />
    </div>
  );
}
