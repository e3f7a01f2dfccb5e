// "Waiting for you": the joint changes this co-chair must answer (or, staff having prepared them,
// submit), across their partnerships or within one; live, one click to concur or decline.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState, Section } from "~/components/ui";
import { useIsLive } from "~/features/realtime/realtime";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { JointChangeCard } from "./joint-change-card";
import { useJointLive } from "./use-joint-live";

type Waiting = RouterOutputs["joint"]["change"]["waiting"];

export function WaitingForYou({ initial, partnershipId, hideWhenEmpty = false }: { initial?: Waiting; partnershipId?: string; hideWhenEmpty?: boolean }) {
  const { t } = useTranslation("joint");
  useJointLive();
  const utils = trpc.useUtils();
  const live = useIsLive();
  // Whatever was proposed between the page's load and the socket's connection: fetch it once connected.
  useEffect(() => {
    if (live) void utils.joint.change.waiting.invalidate();
  }, [live, utils]);
  const { data = initial ?? [] } = trpc.joint.change.waiting.useQuery(undefined, initial ? { initialData: initial } : undefined);
  const items = partnershipId ? data.filter((i) => i.partnershipId === partnershipId) : data;
  // An answered change leaves the list at once; what became of it stays said here.
  const [last, setLast] = useState<string | null>(null);
  if (hideWhenEmpty && items.length === 0 && !last) return null;
  return (
    <Section
      title={items.length ? t("waiting.titleCount", { count: items.length }) : t("waiting.title")}
      id="waiting-for-you"
      actions={
        <span className="inline-flex items-center gap-1 text-xs text-slate-600">
          <span aria-hidden className={`h-2 w-2 rounded-full ${live ? "bg-green-500" : "bg-slate-300"}`} />
          {live ? t("common:partnership.live") : t("common:partnership.connecting")}
        </span>
      }
    >
      <p role="status" data-testid="joint-outcome" className={last ? "mb-3 rounded-md bg-green-50 p-2 text-sm text-green-900 ring-1 ring-green-200" : "sr-only"}>
        {last ?? ""}
      </p>
      {items.length === 0 ? (
        <EmptyState title={t("waiting.empty")}>{t("waiting.emptyBody")}</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label={t("waiting.list")}>
          {items.map((c) => (
            <li key={c.id}>
              <JointChangeCard change={c} showWhere={!partnershipId} onDone={setLast} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
