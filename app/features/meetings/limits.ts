// How the meetings forms state a text limit (the limits themselves are meetings.schema.ts's constants,
// which the fields' maxLength and the schemas share), in the page's language.
import { useTranslation } from "react-i18next";
import { intlLocale } from "~/i18n/config";

export function useLimitHints() {
  const { t, i18n } = useTranslation("meetings");
  const format = (n: number) => n.toLocaleString(intlLocale(i18n.language));
  return {
    /** "Up to 10,000 characters." */
    limitHint: (max: number) => t("limits.upTo", { max: format(max) }),
    /** A live count for an editor whose text is in state: shown from 90% of the limit on. */
    remainingHint: (length: number, max: number): string | null => {
      if (length < max * 0.9) return null;
      const left = max - length;
      return left <= 0 ? t("limits.reached", { max: format(max) }) : t("limits.left", { count: left, left: format(left) });
    },
  };
}
