// Reordering a list by mouse (native HTML5 drag and drop) and by keyboard (pick up a handle with
// Space or Enter, move with the arrow keys, drop with Space or Enter, cancel with Escape). Moves are
// announced in a live region; the new order is committed once, when the item is dropped.
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";

type Options = {
  ids: string[];
  titleOf: (id: string) => string;
  /** Sends the full new order; resolves when the server has it (or rejects). */
  commit: (order: string[]) => Promise<unknown>;
  enabled: boolean;
};

function moveTo(order: string[], id: string, index: number) {
  const rest = order.filter((x) => x !== id);
  rest.splice(Math.max(0, Math.min(index, rest.length)), 0, id);
  return rest;
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function useReorder({ ids, titleOf, commit, enabled }: Options) {
  const [draft, setDraft] = useState<string[] | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const droppedRef = useRef(false);
  const pickedRef = useRef<string | null>(null);
  pickedRef.current = picked;

  const order = draft ?? ids;
  const { t } = useTranslation("meetings");
  const position = (list: string[], id: string) => t("reorder.position", { index: list.indexOf(id) + 1, total: list.length });

  // If the agenda changes under us (an item added or removed elsewhere) while nothing is in hand,
  // the server's order wins.
  const idsKey = ids.join(",");
  useEffect(() => {
    if (!picked && !dragging && !saving) setDraft(null);
  }, [idsKey]);

  // React may move the focused handle's list item in the DOM; keep focus on it while moving.
  useEffect(() => {
    if (picked) handles.current.get(picked)?.focus();
  }, [picked, draft]);

  async function finish(next: string[], id: string) {
    if (same(next, ids)) {
      setDraft(null);
      setAnnouncement(t("reorder.unchanged", { title: titleOf(id) }));
      return;
    }
    setDraft(next);
    setSaving(true);
    setAnnouncement(t("reorder.dropped", { title: titleOf(id), position: position(next, id) }));
    try {
      await commit(next);
      setAnnouncement(t("reorder.saved", { title: titleOf(id), position: position(next, id) }));
    } catch {
      setAnnouncement(t("reorder.notSaved"));
    } finally {
      setSaving(false);
      setDraft(null);
    }
  }

  function cancel(id: string) {
    setPicked(null);
    setDraft(null);
    setAnnouncement(t("reorder.cancelled", { title: titleOf(id), position: position(ids, id) }));
  }

  function move(id: string, delta: number) {
    const list = draft ?? ids;
    const index = list.indexOf(id) + delta;
    if (index < 0 || index >= list.length) return list;
    return moveTo(list, id, index);
  }

  return {
    order,
    picked,
    dragging,
    saving,
    announcement,
    /** For the Move up / Move down buttons: one step, committed at once. */
    async step(id: string, delta: -1 | 1) {
      if (saving) return;
      const next = move(id, delta);
      if (!same(next, order)) await finish(next, id);
    },
    /** Puts focus back after a move: on `button` if it can still be used, else on the item's handle. */
    refocus(id: string, button: HTMLButtonElement) {
      requestAnimationFrame(() => {
        if (button.isConnected && !button.disabled) button.focus();
        else handles.current.get(id)?.focus();
      });
    },
    handleProps(id: string) {
      return {
        ref: (el: HTMLButtonElement | null) => {
          if (el) handles.current.set(id, el);
          else handles.current.delete(id);
        },
        "aria-pressed": picked === id,
        // Not `disabled` while saving: that would throw the keyboard user's focus out of the list.
        "aria-disabled": !enabled || saving || undefined,
        // Space and Enter activate the button (also from screen readers' browse mode): pick up, or drop.
        onClick() {
          if (!enabled || saving) return;
          if (picked === id) {
            setPicked(null);
            void finish(draft ?? ids, id);
          } else {
            setPicked(id);
            setDraft(ids);
            setAnnouncement(
              t("reorder.picked", { title: titleOf(id), position: position(ids, id) }),
            );
          }
        },
        onKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
          if (picked !== id) return;
          if (e.key === "ArrowUp" || e.key === "ArrowDown") {
            e.preventDefault();
            const next = move(id, e.key === "ArrowUp" ? -1 : 1);
            setDraft(next);
            setAnnouncement(t("reorder.moved", { title: titleOf(id), position: position(next, id) }));
          } else if (e.key === "Escape") {
            e.preventDefault();
            cancel(id);
          }
        },
        onBlur() {
          // Leaving the handle (Tab, click elsewhere) puts the item back.
          setTimeout(() => {
            if (pickedRef.current === id && document.activeElement !== handles.current.get(id)) cancel(id);
          }, 0);
        },
      };
    },
    itemDragProps(id: string) {
      if (!enabled || saving) return {};
      return {
        draggable: true,
        onDragStart(e: DragEvent<HTMLElement>) {
          droppedRef.current = false;
          e.dataTransfer.effectAllowed = "move";
          e.dataTransfer.setData("text/plain", titleOf(id));
          setDragging(id);
          setDraft(ids);
        },
        onDragOver(e: DragEvent<HTMLElement>) {
          if (!dragging) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = "move";
          if (dragging === id) return;
          // Before or after the item under the pointer, by which half of it the pointer is over.
          const rect = e.currentTarget.getBoundingClientRect();
          const after = e.clientY > rect.top + rect.height / 2;
          const list = (draft ?? ids).filter((x) => x !== dragging);
          const next = moveTo(draft ?? ids, dragging, list.indexOf(id) + (after ? 1 : 0));
          if (!same(next, draft ?? ids)) setDraft(next);
        },
        onDrop(e: DragEvent<HTMLElement>) {
          if (!dragging) return;
          e.preventDefault();
          droppedRef.current = true;
          const held = dragging;
          setDragging(null);
          void finish(draft ?? ids, held);
        },
        onDragEnd() {
          if (!droppedRef.current) {
            setDragging(null);
            setDraft(null);
          }
        },
      };
    },
  };
}
