// A partnership's or a body's joint changes: the open ones first (highlighted), then the latest
// decisions. Live: every step of a change refreshes it.
//
//   <JointChanges partnershipId={…} bodyId={…} />   (bodyId: one body's changes; none: the whole partnership's)
import { EmptyState, Section } from "~/components/ui";
import { toUiError } from "~/lib/errors";
import { trpc } from "~/lib/trpc";
import { JointChangeCard } from "./joint-change-card";
import { useJointLive } from "./use-joint-live";

export function JointChanges({ partnershipId, bodyId, title = "Joint changes" }: { partnershipId: string; bodyId?: string; title?: string }) {
  useJointLive();
  const query = trpc.joint.change.list.useQuery({ partnershipId, bodyId, show: "all" });
  const changes = query.data ?? [];
  const open = changes.filter((c) => c.status === "PENDING" || c.status === "PREPARED");
  const decided = changes.filter((c) => c.status !== "PENDING" && c.status !== "PREPARED");
  return (
    <Section title={open.length ? `${title} (${open.length} open)` : title} id="joint-changes">
      <p className="mb-3 text-sm text-slate-600">
        Rules, seats of the other side and the money are changed only when both sides agree: one co-chair proposes, the other side&apos;s co-chair concurs.
      </p>
      {query.isPending ? (
        <p role="status" className="text-sm text-slate-500">
          Loading joint changes…
        </p>
      ) : query.isError ? (
        <p role="alert" className="text-sm text-red-700">
          Could not load the joint changes: {toUiError(query.error).message}
        </p>
      ) : changes.length === 0 ? (
        <EmptyState title="No joint changes yet" />
      ) : (
        <div className="space-y-3">
          {open.length ? (
            <ul className="space-y-3" aria-label="Open joint changes">
              {open.map((c) => (
                <li key={c.id}>
                  <JointChangeCard change={c} />
                </li>
              ))}
            </ul>
          ) : null}
          {decided.length ? (
            <details className="rounded-md bg-slate-50 p-3" open={open.length === 0}>
              <summary className="cursor-pointer text-sm font-semibold text-slate-800">Decided ({decided.length})</summary>
              <ul className="mt-3 space-y-3" aria-label="Decided joint changes">
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
