// A joint change's title (or any of its lines) in the recipient's language: its codes (joint.words.rules.ts)
// said with the app's own catalogs (app/locales/<lng>/joint.json and the terms it borrows), so a mail
// and the page say the same words. A notification stored before titles had codes carries English.
import { fixedT } from "../../../app/i18n/config.js";
import { sayWords, type Words } from "../../domains/joint/joint.words.rules.js";
import { intlLocale, type Locale } from "./i18n.js";

export function jointWordsIn(locale: Locale, title: string | Words): string {
  if (typeof title === "string") return title;
  return sayWords(fixedT(locale, "joint"), title, intlLocale(locale));
}
