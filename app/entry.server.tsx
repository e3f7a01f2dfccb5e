// Server-side rendering with the request's CSP nonce on every script Remix emits, in the request's
// language (a clone per request of one i18next instance with the bundled catalogs: no flash of English).
import { Transform } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { i18nFor, localeFor } from "~/i18n/i18n.server";
import { NonceContext } from "~/lib/nonce";

const ABORT_DELAY = 5_000;

/** Log real server errors once; an aborted request or an unknown URL (a 404) is not one. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (error instanceof Error && /No route matches URL/.test(error.message)) return;
  console.error(error);
};

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const i18n = i18nFor(await localeFor(request, loadContext.user));
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={i18n}>
        <NonceContext.Provider value={nonce}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </NonceContext.Provider>
      </I18nextProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = joinedPerBurst();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * React writes a page in pieces of about 2 KB, all in one go unless a Suspense boundary waits; Remix's
 * Express adapter flushes the response (and so the compressor) after every piece it reads. Joining the
 * pieces written in the same turn of the event loop makes one flushed chunk per burst instead of ~50
 * (the page compresses once, at the ratio of a whole page), and anything written later still goes out
 * as soon as its own burst ends.
 */
function joinedPerBurst(): Transform {
  let pending: Buffer[] = [];
  let scheduled = false;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      pending.push(chunk);
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          if (pending.length && !stream.destroyed) stream.push(Buffer.concat(pending));
          pending = [];
        });
      }
      callback();
    },
    flush(callback) {
      if (pending.length) stream.push(Buffer.concat(pending));
      pending = [];
      callback();
    },
  });
  return stream;
}
