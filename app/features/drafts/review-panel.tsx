// The worker sign-off of the current version: the group and each decision, the reviewer's own
// decision (sign off, or request changes with a reason), and adoption by both sides (adoption-panel.tsx).
import { useState } from "react";
import { Badge, Section } from "~/components/ui";
import { TextArea } from "~/components/field";
import { toUiError } from "~/lib/errors";
import { trpc } from "~/lib/trpc";
import { FIELD_MAX, SIGNOFF_DECISIONS } from "../../../server/domains/drafts/drafts.schema";
import { AdoptionPanel } from "./adoption-panel";
import type { DraftView } from "./labels";

export function ReviewPanel({ view }: { view: DraftView }) {
  const { draft, review, viewer } = view;
  const utils = trpc.useUtils();
  const decide = trpc.drafts.signOff.decide.useMutation();
  const [reason, setReason] = useState("");
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => utils.drafts.draft.get.invalidate({ draftId: draft.id });

  async function send(decision: "SIGNED_OFF" | "CHANGES_REQUESTED") {
    try {
      await decide.mutateAsync({ draftId: draft.id, versionNumber: draft.currentVersion, decision, reason: decision === "CHANGES_REQUESTED" ? reason : "" });
      setError(null);
      setReason("");
      setAsking(false);
    } catch (e) {
      const ui = toUiError(e);
      setError(ui.fields.reason?.[0] ?? ui.message);
    }
    void refresh();
  }

  const ruleText = review.rule === "ALL" ? "every member of the group" : `at least ${review.minimum} of them`;
  return (
    <Section title="Worker sign-off" id="review">
      {draft.currentVersion === 0 ? (
        <p className="text-sm text-slate-600">No version is in review yet. An editor saves a version to ask the group to sign off.</p>
      ) : (
        <div className="space-y-3 text-sm">
          <p data-testid="signoff-status" role="status">
            Version {draft.currentVersion}: <strong>{review.signed} of {review.required}</strong> sign-offs ({ruleText})
            {review.met ? " — complete." : "."}
          </p>
          {review.groupSize === 0 ? <p className="text-amber-800">This committee has no worker sign-off group yet: its co-chairs name one.</p> : null}
          <ul className="space-y-1" aria-label="Sign-off group">
            {review.group.map((g) => (
              <li key={g.membershipId} className="flex flex-wrap items-center justify-between gap-2">
                <span>{g.name}</span>
                {g.decision ? (
                  <Badge tone={g.decision === "SIGNED_OFF" ? "green" : "red"}>{SIGNOFF_DECISIONS[g.decision]}</Badge>
                ) : (
                  <Badge>Waiting</Badge>
                )}
              </li>
            ))}
          </ul>
          {viewer.isReviewer && viewer.myDecision ? (
            <p className="rounded-md bg-slate-50 p-2" data-testid="my-decision">
              You {viewer.myDecision.decision === "SIGNED_OFF" ? "signed off" : "requested changes to"} version {draft.currentVersion}.
              {viewer.myDecision.reason ? ` “${viewer.myDecision.reason}”` : ""}
            </p>
          ) : null}
          {viewer.canSignOff ? (
            <div className="space-y-2 rounded-md bg-indigo-50 p-3 ring-1 ring-indigo-100" data-testid="my-decision">
              <p className="font-medium text-indigo-950">Your decision on version {draft.currentVersion}</p>
              {asking ? (
                <>
                  <TextArea label="What needs to change" value={reason} maxLength={FIELD_MAX} onChange={(e) => setReason(e.target.value)} required />
                  <div className="flex flex-wrap gap-2">
                    <button type="button" className="btn-danger" disabled={decide.isPending} onClick={() => void send("CHANGES_REQUESTED")}>
                      Send the request for changes
                    </button>
                    <button type="button" className="btn-secondary" onClick={() => setAsking(false)}>
                      Cancel
                    </button>
                  </div>
                </>
              ) : (
                <div className="flex flex-wrap gap-2">
                  <button type="button" className="btn-primary" disabled={decide.isPending} onClick={() => void send("SIGNED_OFF")}>
                    Sign off version {draft.currentVersion}
                  </button>
                  <button type="button" className="btn-secondary" onClick={() => setAsking(true)}>
                    Request changes
                  </button>
                </div>
              )}
            </div>
          ) : null}
          {error ? (
            <p role="alert" className="rounded-md bg-red-50 p-2 text-red-800 ring-1 ring-red-200">
              {error}
            </p>
          ) : null}
          <AdoptionPanel view={view} />
        </div>
      )}
    </Section>
  );
}
