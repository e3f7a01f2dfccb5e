// The bell in the header: the unread count, kept live through the user's own socket room.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { trpc } from "~/lib/trpc";
import { useRealtimeEvent } from "~/features/realtime/realtime";

export function NotificationBell({ initialCount }: { initialCount: number }) {
  const utils = trpc.useUtils();
  const { data: count = initialCount } = trpc.notifications.unreadCount.useQuery(undefined, { initialData: initialCount });

  useRealtimeEvent("notification:created", (p) => {
    utils.notifications.unreadCount.setData(undefined, p.unreadCount);
    void utils.notifications.list.invalidate();
  });
  useRealtimeEvent("notifications:read", (p) => utils.notifications.unreadCount.setData(undefined, p.unreadCount));

  const { t } = useTranslation();
  const label = count === 0 ? t("notifications.bellNone") : t("notifications.bell", { count });
  return (
    <Link to="/notifications" className="relative rounded-full p-1.5 text-slate-600 sm:p-2 hover:bg-slate-100 hover:text-slate-900" aria-label={label}>
      <svg aria-hidden viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} className="h-6 w-6">
        <path strokeLinecap="round" strokeLinejoin="round" d="M14.857 17.082a23.848 23.848 0 0 0 5.454-1.31A8.967 8.967 0 0 1 18 9.75V9A6 6 0 0 0 6 9v.75a8.967 8.967 0 0 1-2.312 6.022c1.733.64 3.56 1.085 5.455 1.31m5.714 0a24.255 24.255 0 0 1-5.714 0m5.714 0a3 3 0 1 1-5.714 0" />
      </svg>
      {count > 0 ? (
        <span data-testid="unread-count" className="absolute -right-0.5 -top-0.5 min-w-[1.25rem] rounded-full bg-red-600 px-1 text-center text-xs font-bold leading-5 text-white">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
      <span className="sr-only" aria-live="polite">
        {count > 0 ? t("notifications.unread", { count }) : ""}
      </span>
    </Link>
  );
}
