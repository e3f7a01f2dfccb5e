// A published Access & Opportunity snapshot: public (no sign-in), the suppressed tables as both co-chairs
// agreed to publish them, with the rule and threshold under every table.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useParams } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { PageHeader, Time } from "~/components/ui";
import { intlLocale } from "~/i18n/config";
import { pageTitle } from "~/i18n/meta";
import { DashboardView } from "~/features/participants/dashboard-tables";
import { superjsonResponse, useData } from "~/lib/data";
import { load } from "~/lib/guards.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "snapshot.pageTitle", "participants") }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const snapshot = await load(request, () => context.trpc.participants.snapshot.public({ snapshotId: params.snapshotId ?? "" }));
  return superjsonResponse({ snapshot });
}

export default function PublishedSnapshot() {
  const { partnershipId = "", snapshotId = "" } = useParams();
  const { snapshot } = useData<typeof loader>();
  const d = snapshot.dashboard;
  const { t, i18n } = useTranslation("participants");
  return (
    <div>
      <PageHeader
        title={t("snapshot.title", { year: d.year })}
        description={
          <Trans
            t={t}
            i18nKey="snapshot.description"
            values={{ partnership: d.partnershipName, names: new Intl.ListFormat(intlLocale(i18n.language), { type: "conjunction" }).format(snapshot.agreedBy) }}
            components={{ time: <Time value={snapshot.publishedAt} /> }}
          />
        }
        actions={
          <a href={`/p/${partnershipId}/participants/published/${snapshotId}.csv?lng=${i18n.language}`} className="btn-secondary" download>
            {t("snapshot.csv")}
          </a>
        }
      />
      <DashboardView dashboard={d} />
    </div>
  );
}
