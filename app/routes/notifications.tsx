import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useSearchParams } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { EmptyState, PageHeader, Time } from "~/components/ui";
import { superjsonResponse, useData } from "~/lib/data";
import { requireUser } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";
import { useJointWords } from "~/features/joint/use-words";
import type { Words } from "../../server/domains/joint/joint.words.rules";
import { notificationText, type NotificationView } from "../../server/domains/notifications/notifications.schema";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "pageTitle", "notifications") }];

/**
 * A notification's sentence in the viewer's language, from its payload (names and titles as they are;
 * roles, categories and statuses by their codes; a joint change's title from its codes); the server's
 * English sentence for a kind the catalogs do not cover.
 */
function localizedText(t: TFunction, n: Pick<NotificationView, "kind" | "payload">, say: (w: Words | string) => string, cents: (c: number) => string): string {
  if (n.kind === "joint.waiting" || n.kind === "joint.decided") {
    const p = n.payload as { title: Words | string; step?: string; outcome?: string; proposedByName?: string; byName?: string | null };
    const values = { title: say(p.title), proposedByName: p.proposedByName ?? "", byName: p.byName ?? "" };
    return n.kind === "joint.waiting" ? t(`kinds.joint.waiting.${p.step ?? "concur"}`, values) : t(`kinds.joint.decided.${p.outcome ?? "APPLIED"}`, values);
  }
  const [group, name] = n.kind.split(".");
  const key = `kinds.${group}.${name}`;
  if (!t(key, { defaultValue: "" })) return notificationText(n).text;
  const p = (n.payload ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  return t(`kinds.${group}.${name}`, {
    ...p,
    role: str(p.roleLabel),
    category: p.categoryCode ? t(`services:category.${str(p.categoryCode)}`) : str(p.category),
    status: p.status ? t(`services:status.${str(p.status)}`) : str(p.statusLabel),
    amount: typeof p.amountCents === "number" ? cents(p.amountCents) : "",
  });
}

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
  const { t } = useTranslation("notifications");
  const say = useJointWords();
  const format = useFormat();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title={t("title")}
        actions={
          <button type="button" className="btn-secondary" disabled={data.unreadCount === 0 || markAll.isPending} onClick={() => markAll.mutate()}>
            {t("markAll")}
          </button>
        }
      />
      <nav aria-label={t("filter")} className="mb-4 flex gap-2 text-sm">
        {(["all", "unread"] as const).map((f) => (
          <Link key={f} to={f === "all" ? "?" : "?filter=unread"} aria-current={filter === f ? "page" : undefined} className={filter === f ? "btn-primary" : "btn-secondary"}>
            {f === "all" ? t("all") : t("unreadFilter", { count: data.unreadCount })}
          </Link>
        ))}
      </nav>
      {data.items.length === 0 ? (
        <EmptyState title={filter === "unread" ? t("caughtUp") : t("none")}>{t("emptyBody")}</EmptyState>
      ) : (
        <ul className="card divide-y divide-slate-100 p-0" aria-label={t("list")}>
          {data.items.map((n) => {
            const { href } = notificationText(n);
            const text = localizedText(t, n, say, format.cents);
            return (
              <li key={n.id} className={`flex items-start justify-between gap-3 p-4 ${n.readAt ? "" : "bg-indigo-50/60"}`}>
                <div>
                  <Link to={href} className="text-sm text-slate-900 hover:underline" onClick={() => !n.readAt && markRead.mutate({ ids: [n.id] })}>
                    {!n.readAt ? <span className="sr-only">{t("unread")}</span> : null}
                    {text}
                  </Link>
                  <span className="block text-xs text-slate-600">
                    <Time value={n.createdAt} withTime />
                  </span>
                </div>
                {!n.readAt ? (
                  <button type="button" className="shrink-0 text-xs font-medium text-indigo-700 hover:underline" onClick={() => markRead.mutate({ ids: [n.id] })}>
                    {t("markRead")}
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
