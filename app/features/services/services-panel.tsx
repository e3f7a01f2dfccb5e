// The overview's supportive-services panel: counts and totals only (every member may see them), live.
import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { EmptyState } from "~/components/ui";
import { trpc } from "~/lib/trpc";
import { FundBar, Money } from "./parts";
import { useServicesLive } from "./use-services-live";

export function ServicesPanel({ partnershipId }: { partnershipId: string }) {
  useServicesLive(partnershipId);
  const { data, isLoading, isError } = trpc.services.summary.useQuery({ partnershipId });
  const { t } = useTranslation("services");
  if (isLoading) return <p className="text-sm text-slate-600">{t("panel.loading")}</p>;
  if (isError || !data) return <p className="text-sm text-red-700">{t("panel.error")}</p>;
  if (data.funds.startingCents === 0 && data.open === 0) {
    return <EmptyState title={t("panel.emptyTitle")}>{t("panel.emptyBody")}</EmptyState>;
  }
  return (
    <div className="space-y-3 text-sm">
      <p>
        <Trans
          t={t}
          i18nKey="panel.waiting"
          count={data.open}
          components={{ strong: <span className="font-semibold" />, money: <Money cents={data.requestedOpenCents} /> }}
        />
      </p>
      <FundBar label={t("panel.fundsLabel")} startingCents={data.funds.startingCents} committedCents={data.funds.committedCents} spentCents={data.funds.spentCents} />
      <p className="text-slate-600">
        <Trans t={t} i18nKey="panel.available" components={{ available: <Money cents={data.funds.availableCents} />, starting: <Money cents={data.funds.startingCents} /> }} />
      </p>
      <Link to={`/p/${partnershipId}/services`} className="link">
        {t("panel.open")}
      </Link>
    </div>
  );
}
