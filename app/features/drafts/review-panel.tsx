// The worker sign-off of the current version: the group and each decision, the reviewer's own
// decision (sign off, or request changes with a reason), and adoption by both sides (adoption-panel.tsx).
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Badge, Section } from "~/components/ui";
import { useServerMessage } from "~/i18n/server-messages";
import { TextArea } from "~/components/field";
import { toUiError } from "~/lib/errors";
import { trpc } from "~/lib/trpc";
import { FIELD_MAX } from "../../../server/domains/drafts/drafts.schema";
import { AdoptionPanel } from "./adoption-panel";
import type { DraftView } from "./labels";

export function ReviewPanel({ view }: { view: DraftView }) {
  const { draft, review, viewer } = view;
  const { t } = useTranslation("drafts");
  const translate = useServerMessage();
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

  const ruleText = review.rule === "ALL" ? t("review.ruleAll") : t("review.ruleAtLeast", { count: review.minimum });
  return (
    <Section title={t("review.title")} id="review">
      {draft.currentVersion === 0 ? (
        <p className="text-sm text-slate-600">{t("review.noVersion")}</p>
      ) : (
        <div className="space-y-3 text-sm">
          <p data-testid="signoff-status" role="status">
            <Trans
              t={t}
              i18nKey={review.met ? "review.statusComplete" : "review.status"}
              count={review.required}
              values={{ number: draft.currentVersion, signed: review.signed, rule: ruleText }}
              components={{ strong: <strong /> }}
            />
          </p>
          {review.groupSize === 0 ? <p className="text-amber-800">{t("review.noGroup")}</p> : null}
          <ul className="space-y-1" aria-label={t("review.group")}>
            {review.group.map((g) => (
              <li key={g.membershipId} className="flex flex-wrap items-center justify-between gap-2">
                <span>{g.name}</span>
                {g.decision ? (
                  <Badge tone={g.decision === "SIGNED_OFF" ? "green" : "red"}>{t(`decision.${g.decision}`)}</Badge>
                ) : (
                  <Badge>{t("review.waiting")}</Badge>
                )}
              </li>
            ))}
          </ul>
          {viewer.isReviewer && viewer.myDecision ? (
            <p className="rounded-md bg-slate-50 p-2" data-testid="my-decision">
              {viewer.myDecision.decision === "SIGNED_OFF" ? t("review.youSignedOff", { number: draft.currentVersion }) : t("review.youRequested", { number: draft.currentVersion })}
              {viewer.myDecision.reason ? ` “${viewer.myDecision.reason}”` : ""}
            </p>
          ) : null}
          {viewer.canSignOff ? (
            <div className="space-y-2 rounded-md bg-indigo-50 p-3 ring-1 ring-indigo-100" data-testid="my-decision">
              <p className="font-medium text-indigo-950">{t("review.yourDecision", { number: draft.currentVersion })}</p>
              {asking ? (
                <>
                  <TextArea label={t("review.whatToChange")} value={reason} maxLength={FIELD_MAX} onChange={(e) => setReason(e.target.value)} required />
                  <div className="flex flex-wrap gap-2">
                    <button type="button" className="btn-danger" disabled={decide.isPending} onClick={() => void send("CHANGES_REQUESTED")}>
                      {t("review.sendRequest")}
                    </button>
                    <button type="button" className="btn-secondary" onClick={() => setAsking(false)}>
                      {t("review.cancel")}
                    </button>
                  </div>
                </>
              ) : (
                <div className="flex flex-wrap gap-2">
                  <button type="button" className="btn-primary" disabled={decide.isPending} onClick={() => void send("SIGNED_OFF")}>
                    {t("review.signOff", { number: draft.currentVersion })}
                  </button>
                  <button type="button" className="btn-secondary" onClick={() => setAsking(true)}>
                    {t("review.requestChanges")}
                  </button>
                </div>
              )}
            </div>
          ) : null}
          {error ? (
            <p role="alert" className="rounded-md bg-red-50 p-2 text-red-800 ring-1 ring-red-200">
              {translate(error)}
            </p>
          ) : null}
          <AdoptionPanel view={view} />
        </div>
      )}
    </Section>
  );
}
