// What a procedure that may propose answered, in words: "Proposed — waiting for management's co-chair",
// "Prepared — …", or nothing when it applied at once. Announced politely to screen readers.
//
//   const [notice, setNotice] = useState<ProposalResult | null>(null);
//   mutation.mutate(input, { onSuccess: setNotice });
//   <ProposalNotice result={notice} applied="Saved." />
import { proposedMessage, type CoChairSide } from "../../../server/domains/joint/joint.schema";

export type ProposalResult = { pending: boolean; status?: string; waitingFor?: CoChairSide | null } | null | undefined;

/** The sentence for a result: the proposal's, or `applied` when it took effect at once. */
export function proposalText(result: ProposalResult, applied = "Saved."): string {
  if (!result) return "";
  if (result.pending) return proposedMessage({ status: result.status === "PREPARED" ? "PREPARED" : "PENDING", waitingFor: result.waitingFor ?? null });
  return applied;
}

export function ProposalNotice({ result, applied = "Saved.", className = "" }: { result: ProposalResult; applied?: string; className?: string }) {
  const text = proposalText(result, applied);
  return (
    <p role="status" className={`text-sm ${result?.pending ? "font-medium text-amber-900" : "text-green-800"} ${className}`}>
      {text}
    </p>
  );
}
