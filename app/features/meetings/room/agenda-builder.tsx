// The accepted agenda, in order: what everyone reads, and where the co-chairs reorder (drag and drop
// or keyboard), edit, remove and — during the meeting — take up items.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Badge, EmptyState, InlineError, Section } from "~/components/ui";
import { trpc } from "~/lib/trpc";
import { type AgendaItemKind } from "../../../../server/domains/meetings/meetings.schema";
import { useActionError, useMeetingRefresh } from "./actions";
import { ItemDocuments } from "./item-documents";
import { EditItemForm } from "./item-form";
import { formatMinutes, type AgendaItem, type MeetingView } from "./types";
import { useReorder } from "./use-reorder";

export const KIND_TONE: Record<AgendaItemKind, "slate" | "indigo" | "amber"> = { INFORMATION: "slate", DISCUSSION: "indigo", DECISION: "amber" };

export function KindBadge({ kind }: { kind: AgendaItemKind }) {
  const { t } = useTranslation("meetings");
  return (
    <Badge tone={KIND_TONE[kind]}>
      <span className="sr-only">{t("agenda.kindLabel")} </span>
      {t(`kinds.${kind}`)}
    </Badge>
  );
}

export function ItemDetails({ item }: { item: Pick<AgendaItem, "presenter" | "timeBoxMinutes" | "description" | "links" | "kind"> }) {
  const { t } = useTranslation("meetings");
  return (
    <>
      <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
        <KindBadge kind={item.kind} />
        <span>{formatMinutes(t, item.timeBoxMinutes)}</span>
        {item.presenter ? <span>{t("agenda.presenter", { name: item.presenter })}</span> : null}
      </p>
      {item.description ? <p className="mt-2 whitespace-pre-wrap break-words text-sm text-slate-700">{item.description}</p> : null}
      {item.links.length ? (
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {item.links.map((l, i) => (
            <li key={i} className="min-w-0 break-all">
              <a href={l.url} className="link" target="_blank" rel="noopener noreferrer">
                {l.label || l.url}
                <span className="sr-only"> {t("newTab")}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export function AgendaBuilder({ view }: { view: MeetingView }) {
  const { t } = useTranslation("meetings");
  const meetingId = view.meeting.id;
  const items = view.agenda.items;
  const byId = new Map(items.map((i) => [i.id, i]));
  const canEdit = view.viewer.canEditAgenda;
  const refresh = useMeetingRefresh(meetingId);
  const reorderMutation = trpc.meetings.agenda.reorder.useMutation();
  const reorderError = useActionError(meetingId);
  const reorder = useReorder({
    ids: items.map((i) => i.id),
    titleOf: (id) => byId.get(id)?.title ?? t("agenda.itemFallback"),
    enabled: canEdit,
    commit: async (itemIds) => {
      reorderError.clear();
      try {
        await reorderMutation.mutateAsync({ meetingId, itemIds });
      } catch (e) {
        reorderError.onError(e);
        throw e;
      } finally {
        await refresh();
      }
    },
  });
  const total = items.reduce((sum, i) => sum + i.timeBoxMinutes, 0);
  const helpId = "agenda-reorder-help";
  return (
    <Section
      title={t("agenda.title")}
      id="agenda"
      actions={
        <span className="text-sm text-slate-600">
          {t("agenda.count", { count: items.length, total: formatMinutes(t, total) })}
        </span>
      }
    >
      {canEdit && items.length > 1 ? (
        <p id={helpId} className="mb-2 text-xs text-slate-500">
          {t("agenda.reorderHelp")}
        </p>
      ) : null}
      <p className="sr-only" aria-live="assertive">
        {reorder.announcement}
      </p>
      <InlineError message={reorderError.error} />
      {items.length === 0 ? (
        <EmptyState title={t("agenda.emptyTitle")}>
          {view.viewer.canProposeItem ? t("agenda.emptyPropose") : t("agenda.emptyWait")}
        </EmptyState>
      ) : (
        <ol className="space-y-2" aria-label={t("agenda.items")} aria-busy={reorder.saving}>
          {reorder.order.map((id, index) => {
            const item = byId.get(id);
            if (!item) return null;
            return (
              <AgendaRow key={id} view={view} item={item} index={index} count={reorder.order.length} canEdit={canEdit} reorder={reorder} helpId={helpId} />
            );
          })}
        </ol>
      )}
    </Section>
  );
}

function AgendaRow({
  view,
  item,
  index,
  count,
  canEdit,
  reorder,
  helpId,
}: {
  view: MeetingView;
  item: AgendaItem;
  index: number;
  count: number;
  canEdit: boolean;
  reorder: ReturnType<typeof useReorder>;
  helpId: string;
}) {
  const { t } = useTranslation("meetings");
  const meetingId = view.meeting.id;
  const [mode, setMode] = useState<"view" | "edit" | "remove">("view");
  const action = useActionError(meetingId);
  const remove = trpc.meetings.agenda.remove.useMutation({ onError: action.onError, onSuccess: action.onSuccess });
  const takeUp = trpc.meetings.meeting.setCurrentItem.useMutation({ onError: action.onError, onSuccess: action.onSuccess });
  const isCurrent = view.meeting.currentItemId === item.id;
  const isLive = view.meeting.status === "LIVE";
  const isPicked = reorder.picked === item.id;
  const isDragging = reorder.dragging === item.id;
  return (
    <li
      {...reorder.itemDragProps(item.id)}
      className={`rounded-md p-3 ring-1 transition ${isCurrent ? "bg-indigo-50 ring-2 ring-indigo-500" : "bg-white ring-slate-200"} ${
        isPicked ? "shadow-lg ring-2 ring-indigo-600" : ""
      } ${isDragging ? "opacity-50" : ""}`}
      aria-current={isCurrent ? "step" : undefined}
      data-testid="agenda-item"
    >
      <div className="flex items-start gap-3">
        {canEdit && count > 1 ? (
          <button
            type="button"
            {...reorder.handleProps(item.id)}
            className="mt-0.5 cursor-grab rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 aria-pressed:bg-indigo-100 aria-pressed:text-indigo-800 active:cursor-grabbing"
            aria-label={t("agenda.reorderItem", { title: item.title })}
            aria-describedby={helpId}
          >
            <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
              <circle cx="7" cy="5" r="1.5" />
              <circle cx="13" cy="5" r="1.5" />
              <circle cx="7" cy="10" r="1.5" />
              <circle cx="13" cy="10" r="1.5" />
              <circle cx="7" cy="15" r="1.5" />
              <circle cx="13" cy="15" r="1.5" />
            </svg>
          </button>
        ) : null}
        <span className="mt-0.5 w-6 shrink-0 text-right font-mono text-sm text-slate-600" aria-hidden>
          {index + 1}.
        </span>
        <div className="min-w-0 flex-1">
          <h3 className="font-semibold text-slate-900">
            <span className="sr-only">{t("agenda.itemNumber", { number: index + 1 })} </span>
            <span translate="no">{item.title}</span>
            {isCurrent ? (
              <span className="ml-2 align-middle">
                <Badge tone="green">{t("agenda.current")}</Badge>
              </span>
            ) : null}
          </h3>
          <ItemDetails item={item} />
          <p className="mt-1 text-xs text-slate-600">{t("agenda.proposedBy", { name: item.proposedByName })}</p>
          <ItemDocuments meetingId={meetingId} itemId={item.id} itemTitle={item.title} />
          {(canEdit || (isLive && view.viewer.canChair)) && mode === "view" ? (
            <div className="mt-2 flex flex-wrap gap-2">
              {isLive && view.viewer.canChair && !isCurrent ? (
                <button
                  type="button"
                  className="btn-primary px-2 py-1 text-xs"
                  disabled={takeUp.isPending}
                  onClick={() => takeUp.mutate({ meetingId, itemId: item.id })}
                >
                  {t("agenda.takeUp")}<span className="sr-only">: <span translate="no">{item.title}</span></span>
                </button>
              ) : null}
              {canEdit && count > 1 ? (
                <>
                  <MoveButton reorder={reorder} id={item.id} delta={-1} disabled={index === 0} title={item.title} />
                  <MoveButton reorder={reorder} id={item.id} delta={1} disabled={index === count - 1} title={item.title} />
                </>
              ) : null}
              {canEdit ? (
                <>
                  <button type="button" className="btn-secondary px-2 py-1 text-xs" onClick={() => setMode("edit")}>
                    {t("agenda.edit")}<span className="sr-only"> <span translate="no">{item.title}</span></span>
                  </button>
                  <button type="button" className="btn-danger px-2 py-1 text-xs" onClick={() => setMode("remove")}>
                    {t("agenda.remove")}<span className="sr-only"> <span translate="no">{item.title}</span></span>
                  </button>
                </>
              ) : null}
            </div>
          ) : null}
        </div>
      </div>
      {mode === "edit" ? (
        <div className="mt-3">
          <EditItemForm meetingId={meetingId} item={item} onDone={() => setMode("view")} />
        </div>
      ) : null}
      {mode === "remove" ? (
        <div
          className="mt-3 flex flex-wrap items-center gap-2 rounded-md bg-red-50 p-3 text-sm ring-1 ring-red-200"
          role="group"
          aria-label={t("agenda.removeLabel", { title: item.title })}
        >
          <span className="text-red-900">{t("agenda.removeQuestion", { title: item.title })}</span>
          <button type="button" className="btn-danger py-1" disabled={remove.isPending} onClick={() => remove.mutate({ itemId: item.id })}>
            {remove.isPending ? t("agenda.removing") : t("agenda.removeYes")}
          </button>
          <button type="button" className="btn-secondary py-1" onClick={() => setMode("view")}>
            {t("agenda.keep")}
          </button>
        </div>
      ) : null}
      <InlineError message={action.error} />
    </li>
  );
}

function MoveButton({
  reorder,
  id,
  delta,
  disabled,
  title,
}: {
  reorder: ReturnType<typeof useReorder>;
  id: string;
  delta: -1 | 1;
  disabled: boolean;
  title: string;
}) {
  const { t } = useTranslation("meetings");
  return (
    <button
      type="button"
      className="btn-secondary px-2 py-1 text-xs"
      disabled={disabled}
      // Not `disabled` while saving, so the keyboard user's focus stays put.
      aria-disabled={reorder.saving || undefined}
      onClick={(e) => {
        const button = e.currentTarget;
        void reorder.step(id, delta).then(() => reorder.refocus(id, button));
      }}
    >
      {delta < 0 ? t("agenda.moveUp") : t("agenda.moveDown")}
      <span className="sr-only">: <span translate="no">{title}</span></span>
    </button>
  );
}
