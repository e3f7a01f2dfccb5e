import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useSearchParams } from "@remix-run/react";
import { EmptyState, PageHeader, Time } from "~/components/ui";
import { superjsonResponse, useData } from "~/lib/data";
import { requireUser } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";
import { notificationText } from "../../server/domains/notifications/notifications.schema";

export const meta: MetaFunction = () => [{ title: "Notifications · Jointly" }];

const filterOf = (params: URLSearchParams) => (params.get("filter") === "unread" ? "unread" : "all");

export async function loader({ context, request }: LoaderFunctionArgs) {
  requireUser(context, request);
  const filter = filterOf(new URL(request.url).searchParams);
  return superjsonResponse(await context.trpc.notifications.list({ filter, limit: 30 }));
}

export default function Notifications() {
  const [params] = useSearchParams();
  const filter = filterOf(params);
  const initial = useData<typeof loader>();
  const { data = initial } = trpc.notifications.list.useQuery({ filter, limit: 30 }, { initialData: initial });
  const utils = trpc.useUtils();
  const markRead = trpc.notifications.markRead.useMutation({ onSuccess: () => utils.notifications.list.invalidate() });
  const markAll = trpc.notifications.markAllRead.useMutation({ onSuccess: () => utils.notifications.list.invalidate() });
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="Notifications"
        actions={
          <button type="button" className="btn-secondary" disabled={data.unreadCount === 0 || markAll.isPending} onClick={() => markAll.mutate()}>
            Mark all read
          </button>
        }
      />
      <nav aria-label="Filter" className="mb-4 flex gap-2 text-sm">
        {(["all", "unread"] as const).map((f) => (
          <Link key={f} to={f === "all" ? "?" : "?filter=unread"} aria-current={filter === f ? "page" : undefined} className={filter === f ? "btn-primary" : "btn-secondary"}>
            {f === "all" ? "All" : `Unread (${data.unreadCount})`}
          </Link>
        ))}
      </nav>
      {data.items.length === 0 ? (
        <EmptyState title={filter === "unread" ? "You are all caught up" : "No notifications yet"}>
          Invitations, new members and, later, agendas, votes and reviews will show up here.
        </EmptyState>
      ) : (
        <ul className="card divide-y divide-slate-100 p-0" aria-label="Notifications">
          {data.items.map((n) => {
            const { text, href } = notificationText(n);
            return (
              <li key={n.id} className={`flex items-start justify-between gap-3 p-4 ${n.readAt ? "" : "bg-indigo-50/60"}`}>
                <div>
                  <Link to={href} className="text-sm text-slate-900 hover:underline" onClick={() => !n.readAt && markRead.mutate({ ids: [n.id] })}>
                    {!n.readAt ? <span className="sr-only">Unread: </span> : null}
                    {text}
                  </Link>
                  <span className="block text-xs text-slate-500">
                    <Time value={n.createdAt} withTime />
                  </span>
                </div>
                {!n.readAt ? (
                  <button type="button" className="shrink-0 text-xs font-medium text-indigo-700 hover:underline" onClick={() => markRead.mutate({ ids: [n.id] })}>
                    Mark read
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
