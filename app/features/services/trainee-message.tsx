// How a CBO uses a trainee's preferred language (issue 12): trainees have no account and get no mail from
// Jointly; their organization talks to them. The request page shows the preferred language and offers
// the request's state as a short message in it (when Jointly speaks it; English otherwise) to copy into
// a text or a call script. The mails about the request go to CBO staff, in each staff member's language.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fixedT, type AppLocale } from "~/i18n/config";
import { makeFormatters } from "~/i18n/format";
import type { RequestStatus, ServiceCategory } from "../../../server/domains/services/services.rules";

/** A trainee's preferred language (free text, e.g. "Spanish", "Español") as one of ours, else null. */
export function localeOfLanguage(language: string): AppLocale | null {
  const name = language.trim().toLowerCase();
  if (/^(spanish|español|espanol|castellano|es)\b/.test(name)) return "es";
  if (/^(english|inglés|ingles|en)\b/.test(name)) return "en";
  return null;
}

type Request = { status: RequestStatus; category: ServiceCategory; requestedCents: number; approvedCents: number | null };

export function TraineeMessage({ traineeName, language, request }: { traineeName: string; language: string; request: Request }) {
  const { t } = useTranslation("services");
  const [copied, setCopied] = useState(false);
  const locale = localeOfLanguage(language);
  const theirT = fixedT(locale ?? "en", "services");
  const money = makeFormatters(locale ?? "en", null);
  const text = theirT(`forTrainee.status.${request.status}`, {
    trainee: traineeName,
    category: theirT(`category.${request.category}`),
    amount: money.cents(request.requestedCents),
    approved: money.cents(request.approvedCents ?? request.requestedCents),
  });
  return (
    <div className="space-y-2 text-sm">
      <p className="text-slate-700">{t(locale ? "forTrainee.intro" : "forTrainee.introOther", { trainee: traineeName, language })}</p>
      <textarea
        aria-label={t("forTrainee.textLabel")}
        readOnly
        rows={3}
        lang={locale ?? "en"}
        value={text}
        className="input text-sm"
        onFocus={(e) => e.currentTarget.select()}
      />
      <button type="button" className="btn-secondary" onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true))}>
        {copied ? t("forTrainee.copied") : t("forTrainee.copy")}
      </button>
    </div>
  );
}
