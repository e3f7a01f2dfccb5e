// What a procedure that may propose answered, in words: "Proposed — waiting for management's co-chair",
// "Prepared — …", or nothing when it applied at once. Announced politely to screen readers.
//
//   const [notice, setNotice] = useState<ProposalResult | null>(null);
//   mutation.mutate(input, { onSuccess: setNotice });
//   <ProposalNotice result={notice} applied={savedText} />   (applied: what to say when it took effect at once)
import { useTranslation } from "react-i18next";
import type { CoChairSide } from "../../../server/domains/joint/joint.schema";

export type ProposalResult = { pending: boolean; status?: string; waitingFor?: CoChairSide | null } | null | undefined;

/** The sentence for a result, in the page's language: the proposal's, or `applied` when it took effect at once. */
export function useProposalText(): (result: ProposalResult, applied?: string) => string {
  const { t } = useTranslation("joint");
  return (result, applied) => {
    if (!result) return "";
    if (!result.pending) return applied ?? t("notice.saved");
    if (result.status === "PREPARED") return t("notice.prepared");
    return result.waitingFor ? t(`notice.waitingFor.${result.waitingFor}`) : t("notice.proposed");
  };
}

export function ProposalNotice({ result, applied, className = "" }: { result: ProposalResult; applied?: string; className?: string }) {
  const text = useProposalText()(result, applied);
  return (
    <p role="status" className={`text-sm ${result?.pending ? "font-medium text-amber-900" : "text-green-800"} ${className}`}>
      {text}
    </p>
  );
}
