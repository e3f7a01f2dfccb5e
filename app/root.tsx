import type {
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
} from "@remix-run/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
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
export const meta: MetaFunction = () => [
  { title: "Jointly" },
  {
    name: "description",
    content: "Shared workspaces for labor-management training partnerships.",
  },
];

export async function loader({ context }: LoaderFunctionArgs) {
  const me = await context.trpc.identity.me();
  const unreadCount = me ? await context.trpc.notifications.unreadCount() : 0;
  return superjsonResponse({ me, unreadCount });
}

export function useRootData() {
  return useRouteData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en" className="h-full">
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
  return (
    <header className="no-print border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <Link
          to="/"
          className="flex items-center gap-2 text-lg font-bold tracking-tight text-slate-900"
        >
          <span
            aria-hidden
            className="inline-block h-6 w-6 rounded bg-gradient-to-br from-labor-600 to-management-600"
          />
          Jointly
        </Link>
        {me ? (
          <nav aria-label="Account" className="flex items-center gap-3">
            <NotificationBell initialCount={data.unreadCount} />
            <Link
              to="/settings/profile"
              className="text-sm font-medium text-slate-700 hover:text-slate-900 hover:underline"
            >
              Settings
            </Link>
            <span className="hidden text-sm text-slate-700 sm:inline">
              {me.name}
            </span>
            <Form method="post" action="/signout">
              <button type="submit" className="btn-secondary">
                Sign out
              </button>
            </Form>
          </nav>
        ) : (
          <nav aria-label="Account" className="flex items-center gap-2">
            <Link to="/signin" className="btn-secondary">
              Sign in
            </Link>
            <Link to="/signup" className="btn-primary">
              Create account
            </Link>
          </nav>
        )}
      </div>
      {me && !me.isEmailVerified ? (
        <p className="border-t border-amber-200 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900">
          Please confirm your e-mail address: open the link we sent to{" "}
          {me.email}. Until then Jointly sends you no e-mail.{" "}
          <Link to="/settings/profile#email" className="font-medium underline">
            Send it again
          </Link>
        </p>
      ) : null}
    </header>
  );
}

/** A route whose `handle` says `{ bare: true }` (the room display) is shown without the app's header and frame. */
function useIsBare() {
  return useMatches().some(
    (m) => (m.handle as { bare?: boolean } | undefined)?.bare === true
  );
}

export default function App() {
  const data = useRootData();
  const bare = useIsBare();
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 5_000, retry: 1 } },
      })
  );
  const [trpcClient] = useState(createTrpcClient);
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <RealtimeProvider enabled={Boolean(data?.me) && !bare}>
          {bare ? (
            <Outlet />
          ) : (
            <>
              <a
                href="#main"
                className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
              >
                Skip to content
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
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <>
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 py-3">
          <a
            href="/"
            className="text-lg font-bold tracking-tight text-slate-900"
          >
            Jointly
          </a>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
        <h1 className="text-2xl font-bold">
          {notFound ? "Page not found" : "Something went wrong"}
        </h1>
        <p className="mt-2 text-slate-600">
          {notFound
            ? "This page does not exist, or you do not have access to it."
            : "An unexpected error occurred. Please try again in a moment."}
        </p>
        <Link to="/" className="btn-primary mt-6">
          Go to your partnerships
        </Link>
      </main>
    </>
  );
}
