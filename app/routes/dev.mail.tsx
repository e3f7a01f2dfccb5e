import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useSearchParams } from "@remix-run/react";
import { EmptyState, PageHeader, Time } from "~/components/ui";
import { superjsonResponse, useData } from "~/lib/data";
import { isLoopbackClient } from "../../server/mail/dev-mail.rules";

export const meta: MetaFunction = () => [{ title: "Development mail · Jointly" }, { name: "robots", content: "noindex" }];

// The local outbox: the mails the app would have sent (no SMTP_URL, loopback origin). Anywhere else the
// procedures answer NOT_FOUND, and so does this page; it shows reset links, so only to this machine.
export async function loader({ context, request }: LoaderFunctionArgs) {
  if (!isLoopbackClient(context.clientIp)) throw new Response("Not found", { status: 404 });
  const id = new URL(request.url).searchParams.get("id");
  try {
    const mails = await context.trpc.devMail.list();
    const selected = id ? await context.trpc.devMail.get({ id }) : null;
    return superjsonResponse({ mails, selected });
  } catch (error) {
    if (isRefusal(error)) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

export default function DevMail() {
  const { mails, selected } = useData<typeof loader>();
  const [params] = useSearchParams();
  const view = params.get("view") === "text" ? "text" : "html";
  return (
    <div className="space-y-6">
      <PageHeader title="Development mail" description="Mails the app would have sent, newest first. Kept when SMTP_URL is not set and the app runs on this machine (a localhost origin); shown only to this machine." />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,20rem)_minmax(0,1fr)]">
        {mails.length === 0 ? (
          <EmptyState title="No mail yet">Open a vote, mention someone in a comment or change a request, and its mail shows here.</EmptyState>
        ) : (
          <ul className="card max-h-[80vh] divide-y divide-slate-100 overflow-auto p-0 lg:max-h-none" aria-label="Mails">
            {mails.map((m) => (
              <li key={m.id}>
                <Link
                  to={`?id=${m.id}`}
                  aria-current={selected?.id === m.id ? "page" : undefined}
                  className={`block p-3 text-sm hover:bg-slate-50 ${selected?.id === m.id ? "bg-indigo-50" : ""}`}
                >
                  <span className="block font-medium text-slate-900">{m.subject}</span>
                  <span className="block text-xs text-slate-600">To {m.toAddress}</span>
                  <span className="block text-xs text-slate-500">
                    <Time value={m.createdAt} withTime />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {selected ? (
          <article className="card order-first space-y-3 lg:order-none" aria-labelledby="mail-subject">
            <h2 id="mail-subject" className="text-base font-semibold">
              {selected.subject}
            </h2>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs text-slate-700">
              <dt className="font-medium">From</dt>
              <dd>{selected.fromAddress}</dd>
              <dt className="font-medium">To</dt>
              <dd>{selected.toAddress}</dd>
              {Object.entries(selected.headers).map(([name, value]) => (
                <div key={name} className="contents">
                  <dt className="font-medium">{name}</dt>
                  <dd className="break-all">{value}</dd>
                </div>
              ))}
            </dl>
            <nav aria-label="Body" className="flex gap-2 text-sm">
              <Link to={`?id=${selected.id}`} aria-current={view === "html" ? "page" : undefined} className={view === "html" ? "btn-primary" : "btn-secondary"}>
                HTML
              </Link>
              <Link to={`?id=${selected.id}&view=text`} aria-current={view === "text" ? "page" : undefined} className={view === "text" ? "btn-primary" : "btn-secondary"}>
                Text
              </Link>
            </nav>
            {view === "html" ? (
              // sandbox="": no scripts, no forms, links cannot navigate this page.
              <iframe title={`HTML body of “${selected.subject}”`} sandbox="" srcDoc={selected.html} className="h-[36rem] w-full rounded border border-slate-200 bg-white" />
            ) : (
              <pre className="max-h-[36rem] overflow-auto whitespace-pre-wrap rounded border border-slate-200 bg-slate-50 p-3 text-xs">{selected.text}</pre>
            )}
          </article>
        ) : mails.length ? (
          <p className="text-sm text-slate-600">Choose a mail to read it.</p>
        ) : null}
      </div>
    </div>
  );
}

/** The caller's NOT_FOUND or BAD_REQUEST (a tRPC error; checked by its code, which survives the bundle). */
function isRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "NOT_FOUND" || code === "BAD_REQUEST";
}
