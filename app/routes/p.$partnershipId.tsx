import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, NavLink, Outlet, isRouteErrorResponse, useParams, useRouteError } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { usePartnership, usePartnershipLiveUpdates } from "~/features/partnerships/use-partnership";
import { useWaitingLive } from "~/features/home/use-waiting-live";
import { useIsLive } from "~/features/realtime/realtime";
import { trpc } from "~/lib/trpc";
import { superjsonResponse } from "~/lib/data";
import { load, requireUser } from "~/lib/guards.server";
import type { WaitingTab } from "../../server/domains/home/home.schema";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request);
  const home = await load(request, () => context.trpc.partnerships.partnership.get({ partnershipId: params.partnershipId ?? "" }));
  return superjsonResponse(home);
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "partnership.pageTitle") }];

const TABS: Array<{ to: string; label: string; end?: boolean; counts?: WaitingTab }> = [
  { to: "", label: "overview", end: true, counts: "overview" },
  { to: "meetings", label: "meetings", counts: "meetings" },
  { to: "votes", label: "votes", counts: "votes" },
  { to: "drafts", label: "drafts", counts: "drafts" },
  { to: "services", label: "services", counts: "services" },
  { to: "participants", label: "participants" },
  { to: "people", label: "people" },
  { to: "organizations", label: "organizations" },
  { to: "committees", label: "committees" },
];

export default function PartnershipLayout() {
  const { partnershipId = "" } = useParams();
  usePartnershipLiveUpdates(partnershipId);
  const home = usePartnership();
  const live = useIsLive();
  // What waits for the viewer here, per tab (fetched after the page, kept fresh by the same events as the home page).
  useWaitingLive();
  const { data: waiting } = trpc.home.waiting.count.useQuery({ partnershipId }, { enabled: Boolean(partnershipId) });
  const { t } = useTranslation();
  return (
    <div>
      <div className="mb-6">
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <Badge>{t(`enums.sector.${home.partnership.sector}`, { defaultValue: home.partnership.sector })}</Badge>
          <span>{t("partnership.youAre", { role: t(`enums.roleLower.${home.viewer.role}`) })}</span>
          <span className="ml-auto inline-flex items-center gap-1 text-xs" aria-live="polite">
            <span aria-hidden className={`h-2 w-2 rounded-full ${live ? "bg-green-500" : "bg-slate-300"}`} />
            {live ? t("partnership.live") : t("partnership.connecting")}
          </span>
        </div>
        <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900">{home.partnership.name}</h1>
        <nav aria-label={t("partnership.nav")} className="mt-4 border-b border-slate-200">
          <ul className="-mb-px flex gap-4 overflow-x-auto">
            {TABS.map((tab) => (
              <li key={tab.label}>
                <NavLink
                  to={tab.to}
                  end={tab.end}
                  className={({ isActive }) =>
                    `inline-block border-b-2 px-1 pb-2 text-sm font-medium ${isActive ? "border-indigo-700 text-indigo-800" : "border-transparent text-slate-600 hover:text-slate-900"}`
                  }
                >
                  {t(`partnership.tabs.${tab.label}`)}
                  {tab.counts && waiting?.[tab.counts] ? (
                    <span className="ml-1 inline-flex min-w-5 items-center justify-center rounded-full bg-amber-100 px-1.5 text-xs font-semibold text-amber-900" data-testid={`tab-count-${tab.counts}`}>
                      {waiting[tab.counts]}
                      <span className="sr-only"> {t("partnership.waitingForYou")}</span>
                    </span>
                  ) : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <ConnectionBanner live={live} />
      <Outlet />
    </div>
  );
}

/**
 * Once the page has been live, a dropped connection is said plainly (not just a grey dot): what you
 * do is sent when the connection is back, and everything is read again then.
 */
function ConnectionBanner({ live }: { live: boolean }) {
  const [wasLive, setWasLive] = useState(false);
  const { t } = useTranslation();
  useEffect(() => {
    if (live) setWasLive(true);
  }, [live]);
  if (live || !wasLive) return null;
  return (
    <p
      role="status"
      className="sticky top-0 z-20 mb-4 rounded-md bg-amber-100 p-3 text-sm font-medium text-amber-950 ring-1 ring-amber-300"
      data-testid="connection-banner"
    >
      {t("partnership.reconnecting")}
    </p>
  );
}

/** Inside the app's frame (header and navigation stay), for a partnership page that fails or does not exist. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-bold">{notFound ? t("errorPage.notFoundTitle") : t("errorPage.errorTitle")}</h1>
      <p className="mt-2 text-slate-600">{notFound ? t("errorPage.notFoundBody") : t("errorPage.errorBody")}</p>
      <Link to="/" className="btn-primary mt-6">
        {t("errorPage.home")}
      </Link>
    </div>
  );
}
