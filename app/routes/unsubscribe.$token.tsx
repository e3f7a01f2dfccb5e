import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useSearchParams } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { intlLocale } from "~/i18n/config";
import { pageTitle } from "~/i18n/meta";
import { superjsonResponse, useData } from "~/lib/data";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "unsubscribe.pageTitle", "settings") }, { name: "robots", content: "noindex" }];

// No sign-in: the signed token in the address is the permission. The change itself is a POST to the
// same address (server/domains/preferences/unsubscribe.http.ts), which mail clients also send on their own.
export async function loader({ context, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  try {
    return superjsonResponse({ token, link: await context.trpc.preferences.unsubscribe.get({ token }) });
  } catch (error) {
    if (isRefusal(error)) {
      return superjsonResponse({ token, link: null }, { status: 404 });
    }
    throw error;
  }
}

export default function Unsubscribe() {
  const { token, link } = useData<typeof loader>();
  const [params] = useSearchParams();
  const justDone = params.get("done") === "1";
  const { t, i18n } = useTranslation("settings");
  const group = link?.groups[0]?.key;
  const what = link ? (link.scope === "digest" || !group ? t("unsubscribe.digest") : t("unsubscribe.group", { group: t(`mail.groups.${group}.label`) })) : "";
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold tracking-tight">{t("unsubscribe.title")}</h1>
      <div className="card mt-6 space-y-4 text-sm text-slate-700">
        {!link ? (
          <p role="alert">{t("unsubscribe.invalid")}</p>
        ) : link.isDone ? (
          <p role="status">{justDone ? t("unsubscribe.done", { what }) : t("unsubscribe.already", { what })}</p>
        ) : (
          <>
            <p>
              {t("unsubscribe.confirm", { what })}
              {link.scope === "digest" && link.groups.length
                ? ` ${t("unsubscribe.digestGroups", { groups: new Intl.ListFormat(intlLocale(i18n.language), { type: "conjunction" }).format(link.groups.map((g) => t(`mail.groups.${g.key}.label`))) })}`
                : ""}
            </p>
            {/* A plain form: posted to the server's one-click endpoint, not to a Remix action. */}
            <form method="post" action={`/unsubscribe/${encodeURIComponent(token)}?from=page`}>
              <button type="submit" className="btn-primary w-full sm:w-auto">
                {t("unsubscribe.turnOff")}
              </button>
            </form>
          </>
        )}
        <p>
          <Trans t={t} i18nKey="unsubscribe.settings" components={{ settings: <Link to="/settings/notifications" className="link" /> }} />
        </p>
      </div>
    </div>
  );
}

/** The caller's NOT_FOUND or BAD_REQUEST (a tRPC error; checked by its code, which survives the bundle). */
function isRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "NOT_FOUND" || code === "BAD_REQUEST";
}
