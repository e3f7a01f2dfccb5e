// Comments: write one on the draft, a module or the selected passage (with @mentions of members),
// read threads (open / resolved / mine), reply, resolve and reopen. Passages are re-found in the
// version on screen; a passage that is gone shows as outdated, with its quote.
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Badge, EmptyState, Section, SideBadge, Time } from "~/components/ui";
import { useServerMessage } from "~/i18n/server-messages";
import { toUiError } from "~/lib/errors";
import { trpc } from "~/lib/trpc";
import { COMMENT_MAX } from "../../../server/domains/drafts/drafts.schema";
import type { CommentList, DraftView, Thread } from "./labels";
import type { PassageSelection } from "./module-reader";

type Filter = "open" | "resolved" | "mine" | "all";
const FILTERS: Filter[] = ["open", "resolved", "mine", "all"];

function MentionPicker({ people, onPick }: { people: DraftView["people"]; onPick: (name: string) => void }) {
  const { t } = useTranslation("drafts");
  return (
    <label className="flex items-center gap-2 text-xs text-slate-600">
      {t("comments.mention")}
      <select
        className="input w-auto py-1 text-xs"
        value=""
        onChange={(e) => {
          if (e.target.value) onPick(e.target.value);
        }}
      >
        <option value="">{t("comments.aMember")}</option>
        {people.map((p) => (
          <option key={p.userId} value={p.name}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function useTextWithMentions() {
  const [text, setText] = useState("");
  const ref = useRef<HTMLTextAreaElement>(null);
  const mention = (name: string) => {
    setText((current) => `${current}${current && !current.endsWith(" ") ? " " : ""}@${name} `);
    requestAnimationFrame(() => ref.current?.focus());
  };
  return { text, setText, ref, mention };
}

function NewComment({ view, version, selection, onClearSelection }: { view: DraftView; version: number; selection: PassageSelection | null; onClearSelection: () => void }) {
  const { t } = useTranslation("drafts");
  const translate = useServerMessage();
  const utils = trpc.useUtils();
  const add = trpc.drafts.comment.add.useMutation();
  const { text, setText, ref, mention } = useTextWithMentions();
  const [moduleKey, setModuleKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  const modules = view.modules;

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    try {
      await add.mutateAsync({
        draftId: view.draft.id,
        moduleKey: selection ? selection.moduleKey : moduleKey || null,
        anchor: selection ? { start: selection.start, end: selection.end, quote: selection.quote, version: selection.version } : null,
        body: text,
      });
      setText("");
      setError(null);
      onClearSelection();
      void utils.drafts.comment.list.invalidate({ draftId: view.draft.id });
    } catch (err) {
      const ui = toUiError(err);
      setError(ui.fields.body?.[0] ?? ui.fields.anchor?.[0] ?? ui.message);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label={t("comments.new")}>
      {selection ? (
        <div className="rounded-md bg-amber-50 p-2 text-sm ring-1 ring-amber-200" data-testid="selected-passage">
          <p className="text-xs font-semibold text-amber-900">{t("comments.onPassage", { module: selection.moduleTitle })}</p>
          <blockquote className="mt-1 line-clamp-3 italic">“{selection.quote}”</blockquote>
          <button type="button" className="link mt-1 text-xs" onClick={onClearSelection}>
            {t("comments.somethingElse")}
          </button>
        </div>
      ) : (
        <>
          <label className="block text-sm font-medium text-slate-800" htmlFor="comment-target">
            {t("comments.about")}
          </label>
          <select id="comment-target" className="input" value={moduleKey} onChange={(e) => setModuleKey(e.target.value)}>
            <option value="">{t("comments.wholeDraft")}</option>
            {modules.map((m, i) => (
              <option key={m.key} value={m.key}>
                {t("comments.moduleOption", { number: i + 1, title: m.title })}
              </option>
            ))}
          </select>
          <p className="text-xs text-slate-500">
            {version === 0 ? t("comments.selectHintWorkingCopy") : t("comments.selectHint", { number: version })}
          </p>
        </>
      )}
      <label className="block text-sm font-medium text-slate-800" htmlFor="comment-body">
        {t("comments.comment")}
      </label>
      <textarea id="comment-body" ref={ref} className="input" rows={3} maxLength={COMMENT_MAX} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <MentionPicker people={view.people} onPick={mention} />
        <button type="submit" className="btn-primary" disabled={add.isPending || !text.trim()}>
          {selection ? t("comments.onThePassage") : t("comments.comment")}
        </button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {translate(error)}
        </p>
      ) : null}
    </form>
  );
}

function ThreadItem({ thread, view, active, onShow }: { thread: Thread; view: DraftView; active: boolean; onShow: (id: string | null) => void }) {
  const { t } = useTranslation("drafts");
  const translate = useServerMessage();
  const utils = trpc.useUtils();
  const reply = trpc.drafts.comment.reply.useMutation();
  const resolve = trpc.drafts.comment.resolve.useMutation();
  const { text, setText, ref, mention } = useTextWithMentions();
  const [replying, setReplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => utils.drafts.comment.list.invalidate({ draftId: view.draft.id });
  const located = thread.location.state === "kept" || thread.location.state === "moved";

  async function onReply(e: React.FormEvent) {
    e.preventDefault();
    try {
      await reply.mutateAsync({ commentId: thread.id, body: text });
      setText("");
      setReplying(false);
      setError(null);
    } catch (err) {
      setError(toUiError(err).message);
    }
    void refresh();
  }
  async function onResolve() {
    try {
      await resolve.mutateAsync({ commentId: thread.id, resolved: !thread.resolved });
      setError(null);
    } catch (err) {
      setError(toUiError(err).message);
    }
    void refresh();
  }

  return (
    <li className={`space-y-2 rounded-md p-3 ring-1 ${active ? "bg-orange-50 ring-orange-300" : "bg-white ring-slate-200"}`} data-testid="comment-thread">
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <span className="font-semibold text-slate-900">{thread.authorName}</span>
        {thread.authorSide ? <SideBadge side={thread.authorSide} /> : null}
        <Time value={thread.createdAt} withTime />
        {thread.resolved ? <Badge tone="green">{t("comments.resolved")}</Badge> : null}
        {thread.location.state === "outdated" ? <Badge tone="red">{t("comments.outdated")}</Badge> : null}
        {thread.location.state === "moved" ? <Badge tone="indigo">{t("comments.moved")}</Badge> : null}
        {thread.moduleGone ? <Badge tone="red">{t("comments.moduleRemoved")}</Badge> : null}
      </div>
      <p className="text-xs text-slate-500">
        {thread.moduleKey ? (thread.moduleTitle ? t("comments.onModule", { module: thread.moduleTitle }) : t("comments.onModuleGone")) : t("comments.onWholeDraft")}
      </p>
      {thread.quote ? <blockquote className="border-l-4 border-amber-300 pl-2 text-sm italic text-slate-700">“{thread.quote}”</blockquote> : null}
      <p className="whitespace-pre-wrap break-words text-sm text-slate-900">{thread.body}</p>
      {thread.replies.length ? (
        <ul className="space-y-2 border-l-2 border-slate-200 pl-3" aria-label={t("comments.replies")}>
          {thread.replies.map((r) => (
            <li key={r.id} className="text-sm">
              <span className="text-xs font-semibold text-slate-800">{r.authorName}</span>{" "}
              <span className="text-xs text-slate-500">
                <Time value={r.createdAt} withTime />
              </span>
              <p className="whitespace-pre-wrap break-words">{r.body}</p>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {located ? (
          <button type="button" className="btn-secondary px-2 py-1 text-xs" aria-pressed={active} onClick={() => onShow(active ? null : thread.id)}>
            {active ? t("comments.hideInText") : t("comments.showInText")}
          </button>
        ) : null}
        {view.viewer.canComment ? (
          <button type="button" className="btn-secondary px-2 py-1 text-xs" onClick={() => setReplying((r) => !r)} aria-expanded={replying}>
            {t("comments.reply")}
          </button>
        ) : null}
        {thread.canResolve && view.viewer.canComment ? (
          <button type="button" className="btn-secondary px-2 py-1 text-xs" disabled={resolve.isPending} onClick={() => void onResolve()}>
            {thread.resolved ? t("comments.reopen") : t("comments.resolve")}
          </button>
        ) : null}
      </div>
      {replying ? (
        <form onSubmit={onReply} className="space-y-2">
          <label className="sr-only" htmlFor={`reply-${thread.id}`}>
            {t("comments.replyTo", { name: thread.authorName })}
          </label>
          <textarea id={`reply-${thread.id}`} ref={ref} className="input" rows={2} maxLength={COMMENT_MAX} value={text} onChange={(e) => setText(e.target.value)} />
          <div className="flex flex-wrap items-center justify-between gap-2">
            <MentionPicker people={view.people} onPick={mention} />
            <button type="submit" className="btn-primary px-2 py-1 text-xs" disabled={reply.isPending || !text.trim()}>
              {t("comments.sendReply")}
            </button>
          </div>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {translate(error)}
        </p>
      ) : null}
    </li>
  );
}

export function CommentsPanel({
  view,
  comments,
  version,
  selection,
  onClearSelection,
  activeThreadId,
  onShow,
}: {
  view: DraftView;
  comments: CommentList;
  version: number;
  selection: PassageSelection | null;
  onClearSelection: () => void;
  activeThreadId: string | null;
  onShow: (id: string | null) => void;
}) {
  const { t } = useTranslation("drafts");
  const [filter, setFilter] = useState<Filter>("open");
  const threads = comments.threads.filter((th) =>
    filter === "open" ? !th.resolved : filter === "resolved" ? th.resolved : filter === "mine" ? th.involvesMe : true,
  );
  const open = comments.threads.filter((th) => !th.resolved).length;
  return (
    <Section title={t("comments.title", { count: open })} id="comments">
      <div className="space-y-4">
        {view.viewer.canComment ? <NewComment view={view} version={version} selection={selection} onClearSelection={onClearSelection} /> : null}
        <div role="group" aria-label={t("comments.show")} className="flex flex-wrap gap-1">
          {FILTERS.map((key) => (
            <button
              key={key}
              type="button"
              aria-pressed={filter === key}
              className="rounded-full px-3 py-1 text-xs font-medium ring-1 ring-inset ring-slate-300 aria-pressed:bg-indigo-700 aria-pressed:text-white aria-pressed:ring-indigo-700"
              onClick={() => setFilter(key)}
            >
              {t(`comments.filter.${key}`)}
            </button>
          ))}
        </div>
        {threads.length === 0 ? (
          <EmptyState title={filter === "open" ? t("comments.noneOpen") : t("comments.nothing")} />
        ) : (
          <ul className="space-y-3" aria-live="polite" aria-label={t("comments.threads")}>
            {threads.map((th) => (
              <ThreadItem key={th.id} thread={th} view={view} active={activeThreadId === th.id} onShow={onShow} />
            ))}
          </ul>
        )}
      </div>
    </Section>
  );
}
