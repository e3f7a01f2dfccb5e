// Documents on one agenda item: files (downloads go through the server's permission check) and links,
// each with its earlier versions; the co-chairs and the item's presenter attach files, add links and
// upload new versions. One query per meeting (shared by every item), refetched when the room says
// its documents changed.
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "~/i18n/config";
import { useServerMessage } from "~/i18n/server-messages";
import { useRealtimeEvent } from "~/features/realtime/realtime";
import { toUiError } from "~/lib/errors";
import { trpc } from "~/lib/trpc";
import { DOCUMENT_ACCEPT, DOCUMENT_TYPE_KEYS, type DocumentMime } from "../../../../server/domains/meetings/documents.rules";
import { TITLE_MAX, URL_MAX } from "../../../../server/domains/meetings/meetings.schema";

const MAX_BYTES = 10 * 1024 * 1024;
/** "12 KB", "1.5 MB" in the page's number format. */
function size(bytes: number, language: string): string {
  const locale = intlLocale(language);
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} KB`
    : `${(bytes / (1024 * 1024)).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;
}
const fileUrl = (documentId: string, number: number) => `/api/meetings/documents/${documentId}/versions/${number}`;

/** The meeting's documents, kept fresh by the meeting room's events. */
function useMeetingDocuments(meetingId: string) {
  const utils = trpc.useUtils();
  useRealtimeEvent("meeting:changed", (p) => {
    if (p.meetingId === meetingId && p.parts.includes("documents")) void utils.meetings.document.list.invalidate({ meetingId });
  });
  const query = trpc.meetings.document.list.useQuery({ meetingId }, { staleTime: 5_000 });
  return { query, refresh: () => utils.meetings.document.list.invalidate({ meetingId }) };
}

/** Sends a file as the request's body; answers the server's message (English, translated where shown) on a refusal. */
async function sendFile(url: string, file: File): Promise<string | null> {
  if (file.size > MAX_BYTES) return "The file is too large (at most 10 MB).";
  try {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/octet-stream" }, body: file });
    if (res.ok) return null;
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    return body?.error?.message ?? "The file could not be uploaded.";
  } catch {
    return "Could not reach the server. Check your connection and try again.";
  }
}

export function ItemDocuments({ meetingId, itemId, itemTitle }: { meetingId: string; itemId: string; itemTitle: string }) {
  const { t } = useTranslation("meetings");
  const { query, refresh } = useMeetingDocuments(meetingId);
  const entry = query.data?.find((i) => i.itemId === itemId);
  if (query.isError) return <p className="mt-2 text-xs text-red-700">{t("documents.loadFailed")}</p>;
  if (!entry || (!entry.documents.length && !entry.canAttach)) return null;
  return (
    <div className="mt-2 rounded-md bg-slate-50 p-2 ring-1 ring-slate-200" data-testid="item-documents">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600">
        {t("documents.title")}<span className="sr-only"> {t("documents.titleFor", { title: itemTitle })}</span>
      </h4>
      {entry.documents.length ? (
        <ul className="mt-1 space-y-1 text-sm">
          {entry.documents.map((d) => (
            <DocumentRow key={d.id} document={d} canAttach={entry.canAttach} onChanged={refresh} />
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-xs text-slate-600">{t("documents.none")}</p>
      )}
      {entry.canAttach ? <AttachForms itemId={itemId} itemTitle={itemTitle} onChanged={refresh} /> : null}
    </div>
  );
}

type Doc = NonNullable<ReturnType<typeof useMeetingDocuments>["query"]["data"]>[number]["documents"][number];

function VersionLink({ document, version }: { document: Doc; version: Doc["versions"][number] }) {
  const { t } = useTranslation("meetings");
  if (document.kind === "LINK") {
    return (
      <a href={version.url ?? "#"} className="link break-all" target="_blank" rel="noopener noreferrer">
        {document.title}
        <span className="sr-only"> {t("documents.linkNewTab")}</span>
      </a>
    );
  }
  return (
    <a href={fileUrl(document.id, version.number)} className="link break-all" download>
      {document.title}
    </a>
  );
}

function DocumentRow({ document, canAttach, onChanged }: { document: Doc; canAttach: boolean; onChanged: () => Promise<void> }) {
  const { t, i18n } = useTranslation("meetings");
  const [current, ...earlier] = document.versions;
  if (!current) return null;
  const kind = document.kind === "LINK" ? t("documents.link") : t(`documents.types.${DOCUMENT_TYPE_KEYS[current.mimeType as DocumentMime] ?? "pdf"}`);
  const values = { kind, version: current.number, name: current.uploadedByName };
  return (
    <li className="min-w-0">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <VersionLink document={document} version={current} />
        <span className="text-xs text-slate-600">
          {current.sizeBytes
            ? t("documents.describeSized", { ...values, size: size(current.sizeBytes, i18n.language) })
            : t("documents.describe", values)}
        </span>
      </div>
      {earlier.length ? (
        <details className="ml-1 text-xs text-slate-600">
          <summary className="cursor-pointer">
            {t("documents.earlier", { count: earlier.length })}<span className="sr-only"> {t("documents.of", { title: document.title })}</span>
          </summary>
          <ul className="ml-4 list-disc">
            {earlier.map((v) => (
              <li key={v.number}>
                {document.kind === "LINK" ? (
                  <a href={v.url ?? "#"} className="link break-all" target="_blank" rel="noopener noreferrer">
                    {t("documents.version", { number: v.number, name: v.url })}
                  </a>
                ) : (
                  <a href={fileUrl(document.id, v.number)} className="link" download>
                    {t("documents.version", { number: v.number, name: v.originalName })}
                  </a>
                )}{" "}
                {t("documents.by", { name: v.uploadedByName })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {canAttach ? <NewVersion document={document} onChanged={onChanged} /> : null}
    </li>
  );
}

function NewVersion({ document, onChanged }: { document: Doc; onChanged: () => Promise<void> }) {
  const { t } = useTranslation("meetings");
  const translate = useServerMessage();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const revise = trpc.meetings.document.reviseLink.useMutation();
  if (document.kind === "LINK") {
    return (
      <form
        className="mt-1 flex flex-wrap items-end gap-2 text-xs"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          try {
            await revise.mutateAsync({ documentId: document.id, url });
            setUrl("");
            await onChanged();
          } catch (err) {
            setError(toUiError(err).message);
          }
        }}
      >
        <label htmlFor={`${id}-url`} className="sr-only">
          {t("documents.newAddress", { title: document.title })}
        </label>
        <input id={`${id}-url`} type="url" required maxLength={URL_MAX} value={url} onChange={(e) => setUrl(e.target.value)} placeholder={t("documents.newAddressPlaceholder")} className="input min-w-0 flex-1 py-1 text-xs" />
        <button type="submit" className="btn-secondary px-2 py-1 text-xs" disabled={revise.isPending}>
          {t("documents.updateLink")}<span className="sr-only">: {document.title}</span>
        </button>
        {error ? <p role="alert" className="w-full text-red-700">{translate(error)}</p> : null}
      </form>
    );
  }
  return (
    <div className="mt-1 text-xs">
      <label htmlFor={`${id}-file`} className="text-slate-700">
        {t("documents.uploadVersion")}<span className="sr-only"> {t("documents.of", { title: document.title })}</span>
      </label>
      <input
        id={`${id}-file`}
        ref={input}
        type="file"
        accept={DOCUMENT_ACCEPT}
        disabled={busy}
        className="ml-2 inline-block max-w-full text-xs file:mr-2 file:rounded file:border-0 file:bg-indigo-50 file:px-2 file:py-1 file:text-xs file:font-semibold file:text-indigo-800"
        onChange={async (e) => {
          const file = e.currentTarget.files?.[0];
          if (!file) return;
          setBusy(true);
          setError(await sendFile(`/api/meetings/documents/${document.id}/versions?name=${encodeURIComponent(file.name)}`, file));
          setBusy(false);
          if (input.current) input.current.value = "";
          await onChanged();
        }}
      />
      {busy ? <span className="ml-2 text-slate-600">{t("documents.uploading")}</span> : null}
      {error ? <p role="alert" className="text-red-700">{translate(error)}</p> : null}
    </div>
  );
}

function AttachForms({ itemId, itemTitle, onChanged }: { itemId: string; itemTitle: string; onChanged: () => Promise<void> }) {
  const { t } = useTranslation("meetings");
  const translate = useServerMessage();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState("");
  const [linkTitle, setLinkTitle] = useState("");
  const [url, setUrl] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const addLink = trpc.meetings.document.addLink.useMutation();
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-xs font-semibold text-indigo-800">
        {t("documents.attach")}<span className="sr-only"> {t("documents.attachTo", { title: itemTitle })}</span>
      </summary>
      <form
        className="mt-2 grid gap-2 sm:grid-cols-2"
        onSubmit={async (e) => {
          e.preventDefault();
          const file = fileInput.current?.files?.[0];
          if (!file) return setError(t("documents.chooseFile"));
          setBusy(true);
          setError(await sendFile(`/api/meetings/items/${itemId}/documents?name=${encodeURIComponent(file.name)}&title=${encodeURIComponent(title)}`, file));
          setBusy(false);
          setTitle("");
          if (fileInput.current) fileInput.current.value = "";
          await onChanged();
        }}
      >
        <div className="min-w-0">
          <label htmlFor={`${id}-file`} className="block text-xs font-medium text-slate-800">
            {t("documents.file")}
          </label>
          <input id={`${id}-file`} ref={fileInput} type="file" accept={DOCUMENT_ACCEPT} aria-describedby={`${id}-hint`} className="block w-full text-xs" />
          <p id={`${id}-hint`} className="text-xs text-slate-600">
            {t("documents.fileHint")}
          </p>
        </div>
        <div className="min-w-0">
          <label htmlFor={`${id}-title`} className="block text-xs font-medium text-slate-800">
            {t("documents.fileTitle")}
          </label>
          <input id={`${id}-title`} value={title} maxLength={TITLE_MAX} onChange={(e) => setTitle(e.target.value)} className="input w-full py-1 text-sm" />
        </div>
        <div className="sm:col-span-2">
          <button type="submit" className="btn-primary px-2 py-1 text-xs" disabled={busy}>
            {busy ? t("documents.uploading") : t("documents.attachFile")}
          </button>
        </div>
      </form>
      <form
        className="mt-3 grid gap-2 sm:grid-cols-2"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          try {
            await addLink.mutateAsync({ itemId, title: linkTitle, url });
            setLinkTitle("");
            setUrl("");
            await onChanged();
          } catch (err) {
            setError(toUiError(err).message);
          }
        }}
      >
        <div className="min-w-0">
          <label htmlFor={`${id}-link-title`} className="block text-xs font-medium text-slate-800">
            {t("documents.linkTitle")}
          </label>
          <input id={`${id}-link-title`} required value={linkTitle} maxLength={TITLE_MAX} onChange={(e) => setLinkTitle(e.target.value)} className="input w-full py-1 text-sm" />
        </div>
        <div className="min-w-0">
          <label htmlFor={`${id}-url`} className="block text-xs font-medium text-slate-800">
            {t("documents.address")}
          </label>
          <input id={`${id}-url`} type="url" required value={url} maxLength={URL_MAX} placeholder={t("urlPlaceholder")} onChange={(e) => setUrl(e.target.value)} className="input w-full py-1 text-sm" />
        </div>
        <div className="sm:col-span-2">
          <button type="submit" className="btn-secondary px-2 py-1 text-xs" disabled={addLink.isPending}>
            {t("documents.addLink")}
          </button>
        </div>
      </form>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {translate(error)}
        </p>
      ) : null}
    </details>
  );
}
