// The draft page: what the draft is and where it stands, the version on screen (read, comment on a
// passage), the editor, the comparison of versions, the worker sign-off and the comments, live.
import { Link, useSearchParams } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import { Badge, Section, Time } from "~/components/ui";
import { toUiError } from "~/lib/errors";
import { trpc } from "~/lib/trpc";
import { DRAFT_STATUSES, PROGRAM_KINDS } from "../../../server/domains/drafts/drafts.schema";
import { CommentsPanel } from "./comments-panel";
import { CompareView } from "./compare-view";
import { DraftEditor } from "./draft-editor";
import { DRAFT_TEXT_CSS, hoursText, STATUS_TONES, type CommentList, type DraftView, type VersionView } from "./labels";
import { ModuleReader, type PassageSelection } from "./module-reader";
import { ReviewPanel } from "./review-panel";
import { useDraftLive } from "./use-draft-live";

type Mode = "read" | "edit" | "compare";

export function DraftPage({ view, initialComments, initialVersion }: { view: DraftView; initialComments: CommentList; initialVersion: VersionView | null }) {
  const { draft } = view;
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
        <nav aria-label="Breadcrumb" className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <Link to={`/p/${draft.partnershipId}/drafts`} className="link">
            Curriculum drafts
          </Link>
          <span aria-hidden>/</span>
          <span>{draft.bodyName}</span>
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-2xl font-bold tracking-tight text-slate-900">{draft.title}</h2>
          <span role="status" data-testid="draft-status">
            <Badge tone={STATUS_TONES[draft.status]}>
              <span className="sr-only">Status: </span>
              {DRAFT_STATUSES[draft.status]}
            </Badge>
          </span>
        </div>
        <p className="text-sm text-slate-700">
          {PROGRAM_KINDS[draft.programKind]} · {draft.occupation} · {view.modules.length} modules in the working copy · {hoursText(view.hours)}
        </p>
        <p className="text-xs text-slate-500">
          {draft.currentVersion ? `Version ${draft.currentVersion} is current. ` : "No version yet. "}
          Working copy saved <Time value={draft.updatedAt} withTime />
          {draft.updatedByName ? ` by ${draft.updatedByName}` : ""}.
        </p>
        {viewers && viewers.length ? (
          <p className="text-xs text-slate-600" aria-live="polite" data-testid="presence">
            Reading now: {viewers.map((v) => v.name).join(", ")}
          </p>
        ) : null}
      </header>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <div className="flex flex-wrap items-end gap-2">
            <label className="text-sm">
              <span className="block font-medium text-slate-800">Showing</span>
              <select className="input" value={version} onChange={(e) => setPicked(Number(e.target.value))} disabled={mode !== "read"}>
                {view.versions.map((v) => (
                  <option key={v.number} value={v.number}>
                    Version {v.number}
                    {v.number === draft.currentVersion ? " (current)" : ""}
                  </option>
                ))}
                <option value={0}>Working copy{draft.currentVersion ? " (not yet a version)" : ""}</option>
              </select>
            </label>
            <div role="group" aria-label="View" className="flex flex-wrap gap-2">
              <button type="button" className="btn-secondary" aria-pressed={mode === "read"} onClick={() => setMode("read")}>
                Read
              </button>
              {view.viewer.canEdit ? (
                <button type="button" className="btn-secondary" aria-pressed={mode === "edit"} onClick={() => setMode("edit")}>
                  Edit
                </button>
              ) : null}
              {view.versions.length ? (
                <button type="button" className="btn-secondary" aria-pressed={mode === "compare"} onClick={() => setMode("compare")}>
                  Compare versions
                </button>
              ) : null}
              <Link to={`/p/${draft.partnershipId}/drafts/${draft.id}/print`} className="btn-secondary">
                Print
              </Link>
            </div>
          </div>
          {mode === "edit" && view.viewer.canEdit ? <DraftEditor view={view} onDone={closeEditor} /> : null}
          {mode === "compare" ? <CompareView view={view} /> : null}
          {mode === "read" ? (
            <>
              {version > 0 && versionQuery.data ? (
                <p className="text-sm text-slate-600">
                  Version {version}
                  {version !== draft.currentVersion ? " (an earlier version)" : ""}: “{versionQuery.data.changeSummary}”, by {versionQuery.data.createdByName},{" "}
                  <Time value={versionQuery.data.createdAt} withTime />.
                </p>
              ) : null}
              {version > 0 && versionQuery.isLoading ? <p className="text-sm text-slate-600">Loading version {version}…</p> : null}
              {versionQuery.isError ? (
                <p role="alert" className="text-sm text-red-700">
                  Could not load this version: {toUiError(versionQuery.error).message}
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
  return (
    <Section title="Versions" id="versions">
      {view.versions.length === 0 ? (
        <p className="text-sm text-slate-600">No version yet.</p>
      ) : (
        <ol className="space-y-3 text-sm">
          {view.versions.map((v) => {
            const decisions = view.signOffs.filter((s) => s.versionNumber === v.number);
            return (
              <li key={v.number}>
                <button type="button" className="link" onClick={() => onShow(v.number)}>
                  Version {v.number}
                </button>{" "}
                <span className="text-xs text-slate-500">
                  by {v.createdByName}, <Time value={v.createdAt} withTime />
                </span>
                <p className="text-slate-700">{v.changeSummary}</p>
                {decisions.length ? (
                  <ul className="text-xs text-slate-600">
                    {decisions.map((d) => (
                      <li key={d.id}>
                        {d.reviewerName}: {d.decision === "SIGNED_OFF" ? "signed off" : `requested changes (“${d.reason}”)`}
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
  const utils = trpc.useUtils();
  const withdraw = trpc.drafts.draft.withdraw.useMutation();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Section title="Withdraw" id="withdraw">
      {confirming ? (
        <div className="space-y-2 text-sm">
          <p>Withdrawing ends this draft for good: it can be read and printed, not changed.</p>
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
              Withdraw the draft
            </button>
            <button type="button" className="btn-secondary" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="btn-secondary" onClick={() => setConfirming(true)}>
          Withdraw this draft…
        </button>
      )}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </Section>
  );
}
