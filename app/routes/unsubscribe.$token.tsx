import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useSearchParams } from "@remix-run/react";
import { superjsonResponse, useData } from "~/lib/data";

export const meta: MetaFunction = () => [{ title: "Unsubscribe · Jointly" }, { name: "robots", content: "noindex" }];

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
  const what = link ? (link.scope === "digest" ? "the daily digest" : `e-mails for “${link.groups[0]?.label ?? ""}”`) : "";
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold tracking-tight">Unsubscribe</h1>
      <div className="card mt-6 space-y-4 text-sm text-slate-700">
        {!link ? (
          <p role="alert">This unsubscribe link is not valid. Sign in to change which e-mails you get.</p>
        ) : link.isDone ? (
          <p role="status">{justDone ? `Done: you will no longer get ${what}.` : `You no longer get ${what}.`}</p>
        ) : (
          <>
            <p>
              Stop {what}?
              {link.scope === "digest" && link.groups.length ? ` This turns off e-mail for: ${link.groups.map((g) => g.label).join(", ")}.` : ""}
            </p>
            {/* A plain form: posted to the server's one-click endpoint, not to a Remix action. */}
            <form method="post" action={`/unsubscribe/${encodeURIComponent(token)}?from=page`}>
              <button type="submit" className="btn-primary w-full sm:w-auto">
                Turn these e-mails off
              </button>
            </form>
          </>
        )}
        <p>
          <Link to="/settings/notifications" className="link">
            Choose which e-mails you get
          </Link>{" "}
          (after signing in).
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
