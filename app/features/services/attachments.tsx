// Receipts and quotes: a list of links (downloads go through the server's permission check) and, for
// the requesting organization before a decision, an upload field (PDF, JPEG or PNG, 10 MB at most).
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/ui";
import { useFormat } from "~/i18n/format";
import { useServerMessage } from "~/i18n/server-messages";
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, type AttachmentMime } from "../../../server/domains/services/services.rules";

type Item = { id: string; originalName: string; mimeType: string; sizeBytes: number };


export function Attachments({
  requestId,
  items,
  canAttach,
  canOpen,
  onUploaded,
}: {
  requestId: string;
  items: Item[];
  canAttach: boolean;
  /** False for a requesting organization whose access to the trainee was revoked: the files are the trainee's papers. */
  canOpen: boolean;
  onUploaded: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation(["services", "common"]);
  const f = useFormat();
  const translate = useServerMessage();
  const size = (bytes: number) =>
    bytes < 1024 * 1024 ? t("files.kb", { size: f.number(Math.max(1, Math.round(bytes / 1024))) }) : t("files.mb", { size: f.number(Math.round(bytes / 104857.6) / 10) });

  async function upload(file: File) {
    setError(null);
    if (file.size > ATTACHMENT_MAX_BYTES) return setError(t("files.tooLarge"));
    setBusy(true);
    try {
      const res = await fetch(`/api/services/requests/${requestId}/attachments?name=${encodeURIComponent(file.name)}`, {
        method: "POST",
        headers: { "content-type": "application/octet-stream" },
        body: file,
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(body?.error?.message ?? t("files.failed"));
      } else onUploaded();
    } catch {
      setError(t("common:errors.network"));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  return (
    <div className="space-y-3">
      {items.length === 0 ? (
        <EmptyState title={t("files.none")} />
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {items.map((a) => (
            <li key={a.id} className="flex flex-wrap justify-between gap-2 py-2">
              {canOpen ? (
                <a className="link break-all" href={`/api/services/attachments/${a.id}`} download>
                  {a.originalName}
                </a>
              ) : (
                <span className="break-all text-slate-600">{a.originalName}</span>
              )}
              <span className="text-xs text-slate-500">
                {ATTACHMENT_TYPES[a.mimeType as AttachmentMime] ?? a.mimeType} · {size(a.sizeBytes)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canAttach ? (
        <div className="space-y-1">
          <label htmlFor="attachment-file" className="block text-sm font-medium text-slate-800">
            {t("files.attach")}
          </label>
          <input
            id="attachment-file"
            ref={input}
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            disabled={busy}
            aria-describedby="attachment-hint"
            className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-indigo-50 file:px-3 file:py-2 file:text-sm file:font-semibold file:text-indigo-800"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void upload(file);
            }}
          />
          <p id="attachment-hint" className="text-xs text-slate-500">
            {t("files.hint")}
          </p>
          {busy ? <p className="text-sm text-slate-600">{t("files.uploading")}</p> : null}
          {error ? (
            <p role="alert" className="text-sm text-red-700">
              {translate(error)}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
