import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, NavLink, Outlet, isRouteErrorResponse, useLocation, useParams, useRouteError } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { usePartnership, usePartnershipLiveUpdates } from "~/features/partnerships/use-partnership";
import { useWaitingLive } from "~/features/home/use-waiting-live";
import { useConnection } from "~/features/realtime/realtime";
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
  const connection = useConnection();
  const live = connection === "live";
  // What waits for the viewer here, per tab (fetched after the page, kept fresh by the same events as the home page).
  useWaitingLive();
  const { data: waiting } = trpc.home.waiting.count.useQuery({ partnershipId }, { enabled: Boolean(partnershipId) });
  const { t } = useTranslation();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  // A tab chosen from the phone's menu closes it.
  useEffect(() => setMenuOpen(false), [location.pathname]);
  const tabs = useScrollHint<HTMLUListElement>();
  const base = `/p/${partnershipId}`;
  const current = TABS.find((tab) => (tab.end ? location.pathname.replace(/\/$/, "") === base : location.pathname.startsWith(`${base}/${tab.to}`))) ?? TABS[0]!;
  return (
    <div>
      {/* On a phone a compact bar: the name and a menu of the tabs; from sm up the full header and tab bar. */}
      <div className="mb-4 sm:mb-6">
        <div className="hidden flex-wrap items-center gap-2 text-sm text-slate-600 sm:flex">
          <Badge>{t(`enums.sector.${home.partnership.sector}`, { defaultValue: home.partnership.sector })}</Badge>
          <span>{t("partnership.youAre", { role: t(`enums.roleLower.${home.viewer.role}`) })}</span>
        </div>
        <div className="flex items-center gap-2 sm:mt-2">
          <h1 className="min-w-0 flex-1 truncate text-xl font-bold tracking-tight text-slate-900 sm:text-3xl">{home.partnership.name}</h1>
          <span className="inline-flex shrink-0 items-center gap-1 text-xs text-slate-600" aria-live="polite">
            <span aria-hidden className={`h-2 w-2 rounded-full ${live ? "bg-green-500" : "bg-slate-300"}`} />
            {live ? t("partnership.live") : t("partnership.connecting")}
          </span>
          <button
            type="button"
            className="btn-secondary shrink-0 px-2.5 py-1.5 text-sm sm:hidden"
            aria-expanded={menuOpen}
            aria-controls="partnership-tabs"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span className="sr-only">{t("partnership.menu")}: </span>
            {t(`partnership.tabs.${current.label}`)}
            <span aria-hidden className="ml-1">{menuOpen ? "▴" : "▾"}</span>
          </button>
        </div>
        <nav aria-label={t("partnership.nav")} className={`relative mt-2 border-slate-200 sm:mt-4 sm:block sm:border-b ${menuOpen ? "block" : "hidden"}`}>
          <ul
            id="partnership-tabs"
            ref={tabs.ref}
            onScroll={tabs.update}
            className="flex flex-col rounded-md ring-1 ring-slate-200 sm:-mb-px sm:flex-row sm:gap-4 sm:overflow-x-auto sm:rounded-none sm:ring-0"
          >
            {TABS.map((tab) => (
              <li key={tab.label} className="shrink-0">
                <NavLink
                  to={tab.to}
                  end={tab.end}
                  className={({ isActive }) =>
                    `block border-l-4 px-3 py-2.5 text-sm font-medium sm:inline-block sm:border-b-2 sm:border-l-0 sm:px-1 sm:pb-2 sm:pt-0 ${isActive ? "border-indigo-700 bg-indigo-50 text-indigo-800 sm:bg-transparent" : "border-transparent text-slate-600 hover:text-slate-900"}`
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
          {/* When the tab bar is wider than the screen: a fade and an arrow say there is more to the right. */}
          {tabs.hasMore ? (
            <span aria-hidden className="pointer-events-none absolute inset-y-0 right-0 hidden w-12 items-center justify-end bg-gradient-to-l from-slate-50 to-transparent pb-2 text-slate-500 sm:flex" data-testid="tabs-more">
              ›
            </span>
          ) : null}
        </nav>
      </div>
      <ConnectionBanner show={connection === "reconnecting"} />
      <Outlet />
    </div>
  );
}

/**
 * Once the page has been live, a dropped connection is said plainly (not just a grey dot), and truly:
 * nothing is queued, so what you do meanwhile may not be saved; the live actions wait (the meeting
 * room disables them) and everything is read again once the rooms are joined again.
 */
function ConnectionBanner({ show }: { show: boolean }) {
  const { t } = useTranslation();
  if (!show) return null;
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

/** Whether a horizontally scrolling box has more to show on its right (kept up to date on scroll and resize). */
function useScrollHint<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [hasMore, setHasMore] = useState(false);
  const update = useCallback(() => {
    const el = ref.current;
    if (el) setHasMore(el.scrollWidth - el.clientWidth - el.scrollLeft > 4);
  }, []);
  useEffect(() => {
    update();
    window.addEventListener("resize", update);
    return () => window.removeEventListener("resize", update);
  }, [update]);
  return { ref, hasMore, update };
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
