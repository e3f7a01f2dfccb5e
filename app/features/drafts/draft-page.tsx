// The draft page: what the draft is and where it stands, the version on screen (read, comment on a
// passage), the editor, the comparison of versions, the worker sign-off and the comments, live.
import { Link, useSearchParams } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Badge, Section, Time } from "~/components/ui";
import { useServerMessage } from "~/i18n/server-messages";
import { toUiError } from "~/lib/errors";
import { trpc } from "~/lib/trpc";
import { CommentsPanel } from "./comments-panel";
import { CompareView } from "./compare-view";
import { DraftEditor } from "./draft-editor";
import { DRAFT_TEXT_CSS, STATUS_TONES, useHoursText, type CommentList, type DraftView, type VersionView } from "./labels";
import { ModuleReader, type PassageSelection } from "./module-reader";
import { ReviewPanel } from "./review-panel";
import { useDraftLive } from "./use-draft-live";

type Mode = "read" | "edit" | "compare";

export function DraftPage({ view, initialComments, initialVersion }: { view: DraftView; initialComments: CommentList; initialVersion: VersionView | null }) {
  const { draft } = view;
  const { t } = useTranslation("drafts");
  const translate = useServerMessage();
  const hoursText = useHoursText();
  const [params, setParams] = useSearchParams();
  const { viewers, lastOtherChange } = useDraftLive(draft.id, view.viewer.userId);
  const [mode, setMode] = useState<Mode>(params.get("edit") && view.viewer.canEdit ? "edit" : "read");
  // The version on screen: the current one unless the reader picks another (0 = working copy).
  const [picked, setPicked] = useState<number | null>(null);
  const version = picked ?? draft.currentVersion;
  const [selection, setSelection] = useState<PassageSelection | null>(null);
  const [activeThreadId, setActiveThreadId] = useState<string | null>(null);
  const versionQuery = trpc.drafts.version.get.useQuery(
    { draftId: draft.id, number: version },
    { enabled: version > 0, initialData: initialVersion && initialVersion.number === version ? initialVersion : undefined },
  );
  const comments = trpc.drafts.comment.list.useQuery(
    { draftId: draft.id, version },
    { initialData: version === initialComments.version ? initialComments : undefined, placeholderData: (previous) => previous },
  );
  const modules = version === 0 ? view.modules : (versionQuery.data?.snapshot.modules ?? []);
  const clearSelection = useCallback(() => setSelection(null), []);
  const onSelect = useCallback((s: PassageSelection | null) => setSelection(s), []);

  // A new version from someone else moves the screen to it (unless the reader picked an older one).
  useEffect(() => {
    if (lastOtherChange?.version && picked !== null && picked !== 0) setPicked(null);
  }, [lastOtherChange]);
  useEffect(() => setSelection(null), [version]);

  const closeEditor = () => {
    setMode("read");
    if (params.get("edit")) setParams({}, { replace: true });
  };

  return (
    <div>
      <style>{DRAFT_TEXT_CSS}</style>
      <header className="mb-6 space-y-2">
        <nav aria-label={t("breadcrumb")} className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <Link to={`/p/${draft.partnershipId}/drafts`} className="link">
            {t("index.pageTitle")}
          </Link>
          <span aria-hidden>/</span>
          <span>{draft.bodyName}</span>
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-2xl font-bold tracking-tight text-slate-900">{draft.title}</h2>
          <span role="status" data-testid="draft-status">
            <Badge tone={STATUS_TONES[draft.status]}>
              <span className="sr-only">{t("draft.statusPrefix")} </span>
              {t(`status.${draft.status}`)}
            </Badge>
          </span>
        </div>
        <p className="text-sm text-slate-700">
          {t(`programKind.${draft.programKind}`)} · {draft.occupation} · {t("draft.modulesInCopy", { count: view.modules.length })} · {hoursText(view.hours)}
        </p>
        <p className="text-xs text-slate-500">
          {draft.currentVersion ? t("draft.currentVersion", { number: draft.currentVersion }) : t("draft.noVersion")}{" "}
          {draft.updatedByName ? (
            <Trans t={t} i18nKey="draft.savedBy" values={{ name: draft.updatedByName }} components={{ time: <Time value={draft.updatedAt} withTime /> }} />
          ) : (
            <Trans t={t} i18nKey="draft.saved" components={{ time: <Time value={draft.updatedAt} withTime /> }} />
          )}
        </p>
        {viewers && viewers.length ? (
          <p className="text-xs text-slate-600" aria-live="polite" data-testid="presence">
            {t("draft.readingNow", { names: viewers.map((v) => v.name).join(", ") })}
          </p>
        ) : null}
      </header>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <div className="flex flex-wrap items-end gap-2">
            <label className="text-sm">
              <span className="block font-medium text-slate-800">{t("draft.showing")}</span>
              <select className="input" value={version} onChange={(e) => setPicked(Number(e.target.value))} disabled={mode !== "read"}>
                {view.versions.map((v) => (
                  <option key={v.number} value={v.number}>
                    {v.number === draft.currentVersion ? t("draft.versionCurrent", { number: v.number }) : t("draft.version", { number: v.number })}
                  </option>
                ))}
                <option value={0}>{draft.currentVersion ? t("draft.workingCopyNotVersion") : t("draft.workingCopy")}</option>
              </select>
            </label>
            <div role="group" aria-label={t("draft.view")} className="flex flex-wrap gap-2">
              <button type="button" className="btn-secondary" aria-pressed={mode === "read"} onClick={() => setMode("read")}>
                {t("draft.read")}
              </button>
              {view.viewer.canEdit ? (
                <button type="button" className="btn-secondary" aria-pressed={mode === "edit"} onClick={() => setMode("edit")}>
                  {t("draft.edit")}
                </button>
              ) : null}
              {view.versions.length ? (
                <button type="button" className="btn-secondary" aria-pressed={mode === "compare"} onClick={() => setMode("compare")}>
                  {t("compare.title")}
                </button>
              ) : null}
              <Link to={`/p/${draft.partnershipId}/drafts/${draft.id}/print`} className="btn-secondary">
                {t("draft.print")}
              </Link>
            </div>
          </div>
          {mode === "edit" && view.viewer.canEdit ? <DraftEditor view={view} onDone={closeEditor} /> : null}
          {mode === "compare" ? <CompareView view={view} /> : null}
          {mode === "read" ? (
            <>
              {version > 0 && versionQuery.data ? (
                <p className="text-sm text-slate-600">
                  <Trans
                    t={t}
                    i18nKey={version !== draft.currentVersion ? "draft.versionLineEarlier" : "draft.versionLine"}
                    values={{ number: version, summary: versionQuery.data.changeSummary, name: versionQuery.data.createdByName }}
                    components={{ time: <Time value={versionQuery.data.createdAt} withTime /> }}
                  />
                </p>
              ) : null}
              {version > 0 && versionQuery.isLoading ? <p className="text-sm text-slate-600">{t("draft.loadingVersion", { number: version })}</p> : null}
              {versionQuery.isError ? (
                <p role="alert" className="text-sm text-red-700">
                  {t("draft.versionError", { error: translate(toUiError(versionQuery.error).message) })}
                </p>
              ) : null}
              <ModuleReader
                modules={modules}
                version={version}
                threads={comments.data?.version === version ? comments.data.threads : []}
                activeThreadId={activeThreadId}
                onSelect={onSelect}
              />
            </>
          ) : null}
        </div>
        <div className="min-w-0 space-y-6">
          <ReviewPanel view={view} />
          <CommentsPanel
            view={view}
            comments={comments.data ?? initialComments}
            version={version}
            selection={mode === "read" ? selection : null}
            onClearSelection={clearSelection}
            activeThreadId={activeThreadId}
            onShow={setActiveThreadId}
          />
          <VersionHistory view={view} onShow={(n) => { setPicked(n); setMode("read"); }} />
          {view.viewer.canWithdraw ? <Withdraw view={view} /> : null}
        </div>
      </div>
    </div>
  );
}

function VersionHistory({ view, onShow }: { view: DraftView; onShow: (n: number) => void }) {
  const { t } = useTranslation("drafts");
  return (
    <Section title={t("versions.title")} id="versions">
      {view.versions.length === 0 ? (
        <p className="text-sm text-slate-600">{t("versions.none")}</p>
      ) : (
        <ol className="space-y-3 text-sm">
          {view.versions.map((v) => {
            const decisions = view.signOffs.filter((s) => s.versionNumber === v.number);
            return (
              <li key={v.number}>
                <button type="button" className="link" onClick={() => onShow(v.number)}>
                  {t("draft.version", { number: v.number })}
                </button>{" "}
                <span className="text-xs text-slate-500">
                  <Trans t={t} i18nKey="versions.by" values={{ name: v.createdByName }} components={{ time: <Time value={v.createdAt} withTime /> }} />
                </span>
                <p className="text-slate-700">{v.changeSummary}</p>
                {decisions.length ? (
                  <ul className="text-xs text-slate-600">
                    {decisions.map((d) => (
                      <li key={d.id}>
                        {d.decision === "SIGNED_OFF" ? t("versions.signedOff", { name: d.reviewerName }) : t("versions.changesRequested", { name: d.reviewerName, reason: d.reason })}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}

function Withdraw({ view }: { view: DraftView }) {
  const { t } = useTranslation("drafts");
  const translate = useServerMessage();
  const utils = trpc.useUtils();
  const withdraw = trpc.drafts.draft.withdraw.useMutation();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Section title={t("withdraw.title")} id="withdraw">
      {confirming ? (
        <div className="space-y-2 text-sm">
          <p>{t("withdraw.question")}</p>
          <div className="flex gap-2">
            <button
              type="button"
              className="btn-danger"
              disabled={withdraw.isPending}
              onClick={async () => {
                try {
                  await withdraw.mutateAsync({ draftId: view.draft.id });
                } catch (e) {
                  setError(toUiError(e).message);
                }
                void utils.drafts.draft.get.invalidate({ draftId: view.draft.id });
                setConfirming(false);
              }}
            >
              {t("withdraw.yes")}
            </button>
            <button type="button" className="btn-secondary" onClick={() => setConfirming(false)}>
              {t("withdraw.keep")}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="btn-secondary" onClick={() => setConfirming(true)}>
          {t("withdraw.button")}
        </button>
      )}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {translate(error)}
        </p>
      ) : null}
    </Section>
  );
}
