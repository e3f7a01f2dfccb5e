// The app's languages and message catalogs (decision 0018). Catalogs are JSON per language and
// namespace under app/locales/<lng>/<namespace>.json, bundled with the app, so the server renders a
// page in its language and the browser hydrates with the same messages, no request and no flash of
// English. Keys are nested by page or part ("signIn.title"); plurals use i18next's _one/_other.
// The `errors` namespace is different: the server's messages (AppError, zod) are its keys, written
// in English once on the server and translated here (an English sentence is its own translation).
// Imports here are relative, not `~/`: the server loads this file too (mails, PDFs), and a server
// started outside the repository's folder (the benchmarks) has no tsconfig to resolve `~` with.
import { createInstance, type i18n, type InitOptions, type TFunction } from "i18next";
import enAuth from "../locales/en/auth.json";
import enCommon from "../locales/en/common.json";
import enHome from "../locales/en/home.json";
import enNotifications from "../locales/en/notifications.json";
import enServices from "../locales/en/services.json";
import enSettings from "../locales/en/settings.json";
import enMeetings from "../locales/en/meetings.json";
import enVoting from "../locales/en/voting.json";
import enDrafts from "../locales/en/drafts.json";
import enJoint from "../locales/en/joint.json";
import enParticipants from "../locales/en/participants.json";
import enPartnerships from "../locales/en/partnerships.json";
import esAuth from "../locales/es/auth.json";
import esCommon from "../locales/es/common.json";
import esErrors from "../locales/es/errors.json";
import esHome from "../locales/es/home.json";
import esNotifications from "../locales/es/notifications.json";
import esServices from "../locales/es/services.json";
import esSettings from "../locales/es/settings.json";
import esMeetings from "../locales/es/meetings.json";
import esVoting from "../locales/es/voting.json";
import esDrafts from "../locales/es/drafts.json";
import esJoint from "../locales/es/joint.json";
import esParticipants from "../locales/es/participants.json";
import esPartnerships from "../locales/es/partnerships.json";
import { matchTemplate } from "./message-templates";
import { pseudoize, pseudoizeTree } from "./pseudo";

/** The languages people choose from (the profile, the header): each named in itself. */
export const LOCALES = ["en", "es"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "en";
export const LOCALE_NAMES: Record<AppLocale, string> = { en: "English", es: "Español" };
/** Accented, longer English for the hard-coded-string check (e2e); chosen only by the `lng` cookie. */
export const PSEUDO_LOCALE = "en-XA";
export type UiLocale = AppLocale | typeof PSEUDO_LOCALE;

export const NAMESPACES = ["common", "auth", "settings", "home", "services", "notifications", "meetings", "voting", "drafts", "joint", "participants", "partnerships", "errors"] as const;
export type Namespace = (typeof NAMESPACES)[number];

const en = { common: enCommon, auth: enAuth, settings: enSettings, home: enHome, services: enServices, notifications: enNotifications,
  meetings: enMeetings, voting: enVoting, drafts: enDrafts, joint: enJoint, participants: enParticipants, partnerships: enPartnerships,
  errors: {},
};
export const resources = {
  en,
  es: { common: esCommon, auth: esAuth, settings: esSettings, home: esHome, services: esServices, notifications: esNotifications,
    meetings: esMeetings, voting: esVoting, drafts: esDrafts, joint: esJoint, participants: esParticipants, partnerships: esPartnerships,
    errors: esErrors,
  },
  [PSEUDO_LOCALE]: Object.fromEntries(Object.entries(en).map(([ns, tree]) => [ns, pseudoizeTree(tree)])),
};

export function isAppLocale(value: unknown): value is AppLocale {
  return (LOCALES as readonly unknown[]).includes(value);
}
export function isUiLocale(value: unknown): value is UiLocale {
  return isAppLocale(value) || value === PSEUDO_LOCALE;
}

export const i18nOptions = {
  supportedLngs: [...LOCALES, PSEUDO_LOCALE],
  fallbackLng: DEFAULT_LOCALE,
  defaultNS: "common",
  ns: [...NAMESPACES],
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
  // Keep "en-XA" whole: it is a language of its own here, not English with a region.
  load: "currentOnly",
  // The error messages are sentences: their dots and colons are not key separators.
  returnNull: false,
} satisfies InitOptions;

/** The locale `Intl` formats with: US conventions for both languages (es-US: "1,234.50 US$"). */
export function intlLocale(locale: string): string {
  if (locale === "es") return "es-US";
  return "en-US";
}

/** "ltr" for every language we ship; kept so <html dir> follows i18next once an RTL one arrives. */
export function textDirection(instance: Pick<i18n, "dir">, locale: string): "ltr" | "rtl" {
  return instance.dir(locale);
}

let standalone: i18n | null = null;
/** A translate function outside React (meta titles): one shared instance, initialized synchronously. */
export function fixedT(locale: string, ns: Namespace = "common"): TFunction {
  if (!standalone) {
    standalone = createInstance();
    void standalone.init({ ...i18nOptions, resources, lng: DEFAULT_LOCALE, initImmediate: false });
  }
  return standalone.getFixedT(isUiLocale(locale) ? locale : DEFAULT_LOCALE, ns);
}

/**
 * A server message in the viewer's language: its translation when the catalog has one, else the
 * translation of the template it fits with its values said inside (message-templates.ts), else itself.
 */
export function translateServerMessage(t: TFunction, message: string, locale: string): string {
  if (locale === PSEUDO_LOCALE) return message;
  const asIs = { ns: "errors", keySeparator: false, nsSeparator: false } as const;
  const exact = t(message, { ...asIs, defaultValue: message }) as string;
  if (exact !== message) return exact;
  const catalog = isAppLocale(locale) ? (resources[locale].errors as Record<string, string>) : null;
  const fit = catalog ? matchTemplate(catalog, message) : null;
  return fit ? (t(fit.key, { ...asIs, ...fit.values }) as string) : message;
}

export { pseudoize };
