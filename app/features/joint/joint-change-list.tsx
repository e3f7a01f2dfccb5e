// A partnership's or a body's joint changes: the open ones first (highlighted), then the latest
// decisions. Live: every step of a change refreshes it.
//
//   <JointChanges partnershipId={…} bodyId={…} />   (bodyId: one body's changes; none: the whole partnership's)
import { useTranslation } from "react-i18next";
import { EmptyState, Section } from "~/components/ui";
import { useServerMessage } from "~/i18n/server-messages";
import { toUiError } from "~/lib/errors";
import { trpc } from "~/lib/trpc";
import { JointChangeCard } from "./joint-change-card";
import { useJointLive } from "./use-joint-live";

export function JointChanges({ partnershipId, bodyId, title }: { partnershipId: string; bodyId?: string; title?: string }) {
  const { t } = useTranslation("joint");
  const translate = useServerMessage();
  const heading = title ?? t("list.title");
  useJointLive();
  const query = trpc.joint.change.list.useQuery({ partnershipId, bodyId, show: "all" });
  const changes = query.data ?? [];
  const open = changes.filter((c) => c.status === "PENDING" || c.status === "PREPARED");
  const decided = changes.filter((c) => c.status !== "PENDING" && c.status !== "PREPARED");
  return (
    <Section title={open.length ? t("list.titleOpen", { title: heading, count: open.length }) : heading} id="joint-changes">
      <p className="mb-3 text-sm text-slate-600">{t("list.intro")}</p>
      {query.isPending ? (
        <p role="status" className="text-sm text-slate-500">
          {t("list.loading")}
        </p>
      ) : query.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {t("list.error", { error: translate(toUiError(query.error).message) })}
        </p>
      ) : changes.length === 0 ? (
        <EmptyState title={t("list.empty")} />
      ) : (
        <div className="space-y-3">
          {open.length ? (
            <ul className="space-y-3" aria-label={t("list.open")}>
              {open.map((c) => (
                <li key={c.id}>
                  <JointChangeCard change={c} />
                </li>
              ))}
            </ul>
          ) : null}
          {decided.length ? (
            <details className="rounded-md bg-slate-50 p-3" open={open.length === 0}>
              <summary className="cursor-pointer text-sm font-semibold text-slate-800">{t("list.decided", { count: decided.length })}</summary>
              <ul className="mt-3 space-y-3" aria-label={t("list.decidedList")}>
                {decided.map((c) => (
                  <li key={c.id}>
                    <JointChangeCard change={c} />
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      )}
    </Section>
  );
}
