// A joint change's title and lines in the reader's language: the server sends codes and values
// (server/domains/joint/joint.words.rules.ts), said here with the `joint` catalog (`change.*`) and the terms
// it borrows from others (sides, roles, categories). A title stored as English (older notifications) shows as is.
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "~/i18n/config";
import { sayWords, type Words } from "../../../server/domains/joint/joint.words.rules";

export function useJointWords(): (w: Words | string) => string {
  const { t, i18n } = useTranslation("joint");
  return useCallback((w: Words | string) => (typeof w === "string" ? w : sayWords((key, options) => t(key, options) as string, w, intlLocale(i18n.language))), [t, i18n.language]);
}
