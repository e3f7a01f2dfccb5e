// Which language a request is answered in: the pseudo-locale when its cookie asks (testing), else the
// signed-in person's saved language, else the `lng` cookie the header's switcher sets, else the
// browser's Accept-Language (remix-i18next's detection), else English.
import { createCookie } from "@remix-run/node";
import { createInstance, type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import { DEFAULT_LOCALE, i18nOptions, isAppLocale, LOCALES, PSEUDO_LOCALE, resources, type UiLocale } from "./config";

export const localeCookie = createCookie("lng", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });

export const i18nServer = new RemixI18Next({
  detection: { supportedLanguages: [...LOCALES], fallbackLanguage: DEFAULT_LOCALE, cookie: localeCookie, order: ["cookie", "header"] },
  // Only detection is used here (pages get their i18next instance in entry.server.tsx).
  i18next: { supportedLngs: i18nOptions.supportedLngs, fallbackLng: i18nOptions.fallbackLng, resources },
});

export async function localeFor(request: Request, user: { locale: string } | null): Promise<UiLocale> {
  if ((await localeCookie.parse(request.headers.get("cookie"))) === PSEUDO_LOCALE) return PSEUDO_LOCALE;
  if (user && isAppLocale(user.locale)) return user.locale;
  const detected = await i18nServer.getLocale(request);
  return isAppLocale(detected) ? detected : DEFAULT_LOCALE;
}

let base: i18n | null = null;
const perLocale = new Map<UiLocale, i18n>();
/**
 * The i18next instance a page renders with, in `locale`: one clone per language of one instance per
 * process, which holds the catalogs and the formatters (initialized once, synchronously). A clone
 * shares them and has its own language; nothing on the server changes a clone's language after it is
 * made, so requests in the same language share it and never see another's. A full instance per
 * request cost a page about a millisecond of CPU, and a clone per request still a fifth of that.
 */
export function i18nFor(locale: UiLocale): i18n {
  if (!base) {
    base = createInstance();
    void base.use(initReactI18next).init({ ...i18nOptions, resources, lng: DEFAULT_LOCALE, initImmediate: false });
  }
  let clone = perLocale.get(locale);
  if (!clone) {
    clone = base.cloneInstance({ lng: locale, initImmediate: false });
    // Shared by every request in this language: changing it would change theirs.
    clone.changeLanguage = () => {
      throw new Error("A page's i18next instance is shared by its language's requests: render another language with i18nFor(locale)");
    };
    perLocale.set(locale, clone);
  }
  return clone;
}
