// Page titles in the page's language. Meta functions run outside React, so they read the language
// from the root route's data (set by its loader) and translate with a standalone i18next instance.
import { DEFAULT_LOCALE, fixedT, type Namespace } from "./config";

type Match = { id: string; data: unknown };

/** The language the root loader chose for this request. */
export function localeOf(matches: readonly Match[]): string {
  const root = matches.find((m) => m.id === "root")?.data as { __superjson?: { json?: { locale?: unknown } } } | undefined;
  const locale = root?.__superjson?.json?.locale;
  return typeof locale === "string" ? locale : DEFAULT_LOCALE;
}

/** "<title> · Jointly" in the page's language; the app's name alone when `key` is null. */
export function pageTitle(matches: readonly Match[], key: string | null, ns: Namespace = "common", values: Record<string, unknown> = {}): string {
  const locale = localeOf(matches);
  const t = fixedT(locale);
  if (key === null) return t("appName");
  return t("pageTitle", { title: fixedT(locale, ns)(key, values) });
}
