// "Waiting for you": the joint changes this co-chair must answer (or, staff having prepared them,
// submit), across their partnerships or within one; live, one click to concur or decline.
import { EmptyState, Section } from "~/components/ui";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { JointChangeCard } from "./joint-change-card";
import { useJointLive } from "./use-joint-live";

type Waiting = RouterOutputs["joint"]["change"]["waiting"];

export function WaitingForYou({ initial, partnershipId, hideWhenEmpty = false }: { initial?: Waiting; partnershipId?: string; hideWhenEmpty?: boolean }) {
  useJointLive();
  const { data = initial ?? [] } = trpc.joint.change.waiting.useQuery(undefined, initial ? { initialData: initial } : undefined);
  const items = partnershipId ? data.filter((i) => i.partnershipId === partnershipId) : data;
  if (hideWhenEmpty && items.length === 0) return null;
  return (
    <Section title={items.length ? `Waiting for you (${items.length})` : "Waiting for you"} id="waiting-for-you">
      {items.length === 0 ? (
        <EmptyState title="Nothing waits for you">Changes the other side proposes to the rules appear here for you to concur or decline.</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Joint changes waiting for you">
          {items.map((c) => (
            <li key={c.id}>
              <JointChangeCard change={c} showWhere={!partnershipId} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
