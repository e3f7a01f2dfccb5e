import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useMatches, useRouteError } from "@remix-run/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { fixedT, LOCALE_NAMES, textDirection, type UiLocale } from "~/i18n/config";
import { localeFor } from "~/i18n/i18n.server";
import { localeOf, pageTitle } from "~/i18n/meta";
import { superjsonResponse, useRouteData } from "~/lib/data";
import { useNonce } from "~/lib/nonce";
import { createTrpcClient, trpc } from "~/lib/trpc";
import { NotificationBell } from "~/features/notifications/notification-bell";
import { RealtimeProvider } from "~/features/realtime/realtime";
import stylesheet from "~/tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];
export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const t = fixedT(localeOf(matches));
  return [{ title: pageTitle(matches, null) }, { name: "description", content: t("meta.description") }];
};

export async function loader({ context, request }: LoaderFunctionArgs) {
  const me = await context.trpc.identity.me();
  const unreadCount = me ? await context.trpc.notifications.unreadCount() : 0;
  const locale: UiLocale = await localeFor(request, context.user);
  return superjsonResponse({ me, unreadCount, locale });
}

export function useRootData() {
  return useRouteData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const { i18n } = useTranslation();
  // The root's data is missing only when its own loader failed (the error page): the language the
  // server rendered with is still the i18next instance's.
  const locale = useRootData()?.locale ?? i18n.language;
  useChangeLanguage(locale);
  return (
    <html lang={locale} dir={textDirection(i18n, locale)} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-full">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Header() {
  const data = useRootData();
  const me = data?.me;
  const { t } = useTranslation();
  return (
    <header className="no-print border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3 sm:gap-4">
        <Link to="/" className="flex shrink-0 items-center gap-2 whitespace-nowrap text-lg font-bold tracking-tight text-slate-900">
          <span aria-hidden className="inline-block h-6 w-6 rounded bg-gradient-to-br from-labor-600 to-management-600" />
          {t("appName")}
        </Link>
        {me ? (
          <nav aria-label={t("header.accountNav")} className="flex flex-wrap items-center justify-end gap-x-1 gap-y-1 sm:gap-x-3">
            <LanguageSwitcher />
            <NotificationBell initialCount={data.unreadCount} />
            {/* A gear on a phone (the header must stay one row above the room's ballot), the word from sm up. */}
            <Link to="/settings/profile" className="rounded-full p-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 sm:rounded-none sm:p-0 sm:hover:bg-transparent sm:hover:underline">
              <svg aria-hidden viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} className="h-6 w-6 sm:hidden">
                <path strokeLinecap="round" strokeLinejoin="round" d="M9.594 3.94c.09-.542.56-.94 1.11-.94h2.593c.55 0 1.02.398 1.11.94l.213 1.281c.063.374.313.686.645.87.074.04.147.083.22.127.325.196.72.257 1.075.124l1.217-.456a1.125 1.125 0 0 1 1.37.49l1.296 2.247a1.125 1.125 0 0 1-.26 1.431l-1.003.827c-.293.241-.438.613-.43.992a7.723 7.723 0 0 1 0 .255c-.008.378.137.75.43.991l1.004.827c.424.35.534.955.26 1.43l-1.298 2.247a1.125 1.125 0 0 1-1.369.491l-1.217-.456c-.355-.133-.75-.072-1.076.124a6.47 6.47 0 0 1-.22.128c-.331.183-.581.495-.644.869l-.213 1.281c-.09.543-.56.94-1.11.94h-2.594c-.55 0-1.019-.398-1.11-.94l-.213-1.281c-.062-.374-.312-.686-.644-.87a6.52 6.52 0 0 1-.22-.127c-.325-.196-.72-.257-1.076-.124l-1.217.456a1.125 1.125 0 0 1-1.369-.49l-1.297-2.247a1.125 1.125 0 0 1 .26-1.431l1.004-.827c.292-.24.437-.613.43-.991a6.932 6.932 0 0 1 0-.255c.007-.38-.138-.751-.43-.992l-1.004-.827a1.125 1.125 0 0 1-.26-1.43l1.297-2.247a1.125 1.125 0 0 1 1.37-.491l1.216.456c.356.133.751.072 1.076-.124.072-.044.146-.086.22-.128.332-.183.582-.495.644-.869l.214-1.28Z" />
                <path strokeLinecap="round" strokeLinejoin="round" d="M15 12a3 3 0 1 1-6 0 3 3 0 0 1 6 0Z" />
              </svg>
              <span className="sr-only sm:not-sr-only">{t("header.settings")}</span>
            </Link>
            <span className="hidden text-sm text-slate-700 sm:inline">{me.name}</span>
            <Form method="post" action="/signout">
              {/* An icon on a phone (the words are long in Spanish), so the header stays one row and the page's own content starts higher. */}
              <button type="submit" className="btn-secondary p-1.5 sm:px-3.5 sm:py-2" title={t("header.signOut")}>
                <svg aria-hidden viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} className="h-5 w-5 sm:hidden">
                  <path strokeLinecap="round" strokeLinejoin="round" d="M15.75 9V5.25A2.25 2.25 0 0 0 13.5 3h-6a2.25 2.25 0 0 0-2.25 2.25v13.5A2.25 2.25 0 0 0 7.5 21h6a2.25 2.25 0 0 0 2.25-2.25V15m3 0 3-3m0 0-3-3m3 3H9" />
                </svg>
                <span className="sr-only sm:not-sr-only">{t("header.signOut")}</span>
              </button>
            </Form>
          </nav>
        ) : (
          <nav aria-label={t("header.accountNav")} className="flex flex-wrap items-center justify-end gap-2">
            <LanguageSwitcher />
            <Link to="/signin" className="btn-secondary">
              {t("header.signIn")}
            </Link>
            <Link to="/signup" className="btn-primary">
              {t("header.createAccount")}
            </Link>
          </nav>
        )}
      </div>
      {me && !me.isEmailVerified ? (
        <p className="border-t border-amber-200 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900">
          {t("header.unconfirmed", { email: me.email })}{" "}
          <Link to="/settings/profile#email" className="font-medium underline">
            {t("header.sendAgain")}
          </Link>
        </p>
      ) : null}
    </header>
  );
}

/**
 * The other language, one button (works without JavaScript): saved on the profile when signed in, in
 * the `lng` cookie otherwise (routes/locale.tsx), and the page comes back in it.
 */
function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const other = i18n.language === "es" ? "en" : "es";
  return (
    <Form method="post" action="/locale" className="contents">
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <button type="submit" name="locale" value={other} lang={other} className="rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900" title={t("language.switchTo")}>
        {LOCALE_NAMES[other]}
      </button>
    </Form>
  );
}

/** A route whose `handle` says `{ bare: true }` (the room display) is shown without the app's header and frame. */
function useIsBare() {
  return useMatches().some((m) => (m.handle as { bare?: boolean } | undefined)?.bare === true);
}

export default function App() {
  const data = useRootData();
  const bare = useIsBare();
  const { t } = useTranslation();
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1 } } }));
  const [trpcClient] = useState(createTrpcClient);
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <RealtimeProvider enabled={Boolean(data?.me) && !bare}>
          {bare ? (
            <Outlet />
          ) : (
            <>
              <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
                {t("skipToContent")}
              </a>
              <Header />
              <main id="main" className="mx-auto max-w-6xl px-4 py-8">
                <Outlet />
              </main>
            </>
          )}
        </RealtimeProvider>
      </QueryClientProvider>
    </trpc.Provider>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <>
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 py-3">
          <a href="/" className="text-lg font-bold tracking-tight text-slate-900">
            {t("appName")}
          </a>
        </div>
      </header>
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{notFound ? t("errorPage.notFoundTitle") : t("errorPage.errorTitle")}</h1>
      <p className="mt-2 text-slate-600">{notFound ? t("errorPage.notFoundBody") : t("errorPage.errorBody")}</p>
      <Link to="/" className="btn-primary mt-6">
        {t("errorPage.home")}
      </Link>
    </main>
    </>
  );
}
