// Lists of requests: the reviewers' queue (oldest first, with the service-level clock; no trainee names,
// which appear only on the request page, where each reviewer read is logged) and a CBO's own requests.
import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { EmptyState, Time } from "~/components/ui";
import type { RouterOutputs } from "~/lib/trpc";
import { Clock, Money, StatusBadge } from "./parts";

export type RequestSummary = RouterOutputs["services"]["request"]["list"][number];

export function RequestList({ requests, partnershipId, empty, showTrainee }: { requests: RequestSummary[]; partnershipId: string; empty: string; showTrainee: boolean }) {
  const { t } = useTranslation("services");
  if (requests.length === 0) return <EmptyState title={empty} />;
  return (
    <ul className="divide-y divide-slate-100" aria-live="polite">
      {requests.map((r) => (
        <li key={r.id} className={`flex flex-wrap items-start justify-between gap-2 py-3 ${r.clock?.overdue ? "-mx-2 rounded-md bg-red-50/60 px-2" : ""}`} data-testid="request-row">
          <div className="min-w-0 flex-1 basis-64 space-y-1">
            <Link to={`/p/${partnershipId}/services/requests/${r.id}`} className="link">
              {showTrainee && r.traineeName ? t("list.forTrainee", { category: t(`category.${r.category}`), trainee: r.traineeName }) : t(`category.${r.category}`)}
            </Link>
            <span className="block text-xs text-slate-500">
              <Trans t={t} i18nKey="list.neededBy" values={{ organization: r.organizationName }} components={{ time: <Time value={r.neededBy} dateOnly /> }} />
              {r.isOwnOrganization && !showTrainee ? t("list.ownOrganization") : ""}
            </span>
            <Clock clock={r.clock} />
          </div>
          <div className="flex flex-col items-end gap-1 text-sm">
            <StatusBadge status={r.status} />
            <span className="text-slate-700">
              <Money cents={r.approvedCents ?? r.requestedCents} />
              {r.approvedCents !== null && r.approvedCents !== r.requestedCents ? (
                <span className="text-xs text-slate-500">
                  {" "}
                  <Trans t={t} i18nKey="list.of" components={{ money: <Money cents={r.requestedCents} /> }} />
                </span>
              ) : null}
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
