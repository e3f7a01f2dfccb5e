// Reading a version (or the working copy) module by module. Selecting words in a module's text offers
// "comment on this passage": the selection becomes offsets in the module's plain text, counted the way
// the server counts them. Open comments' passages are highlighted with the CSS Custom Highlight API.
import { useEffect, useRef } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Badge } from "~/components/ui";
import { moduleHours } from "../../../server/domains/drafts/drafts.rules";
import type { ModuleSnapshot } from "../../../server/domains/drafts/drafts.rules";
import type { Thread } from "./labels";

export type PassageSelection = { moduleKey: string; moduleTitle: string; start: number; end: number; quote: string; version: number };

/** A DOM range over characters [start, end) of the text inside `root`. */
function rangeFromOffsets(root: HTMLElement, start: number, end: number): Range | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  let started = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    if (!started && start <= seen + length) {
      range.setStart(node, start - seen);
      started = true;
    }
    if (started && end <= seen + length) {
      range.setEnd(node, end - seen);
      return range;
    }
    seen += length;
  }
  return null;
}

type HighlightRegistry = { set: (name: string, h: unknown) => void; delete: (name: string) => void };
const highlights = (): HighlightRegistry | null =>
  typeof CSS !== "undefined" && "highlights" in CSS && typeof (globalThis as { Highlight?: unknown }).Highlight === "function"
    ? ((CSS as unknown as { highlights: HighlightRegistry }).highlights)
    : null;

export function ModuleReader({
  modules,
  version,
  threads,
  activeThreadId,
  onSelect,
}: {
  modules: ModuleSnapshot[];
  version: number;
  threads: Thread[];
  activeThreadId: string | null;
  onSelect: (selection: PassageSelection | null) => void;
}) {
  const { t } = useTranslation("drafts");
  const containerRef = useRef<HTMLDivElement>(null);

  // Selection → passage (only inside one module's text).
  useEffect(() => {
    function onSelectionChange() {
      const sel = document.getSelection();
      const root = containerRef.current;
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !root) return;
      const range = sel.getRangeAt(0);
      const start = (range.startContainer.nodeType === Node.ELEMENT_NODE ? range.startContainer : range.startContainer.parentElement) as Element | null;
      const textEl = start?.closest<HTMLElement>("[data-module-text]");
      if (!textEl || !root.contains(textEl) || !textEl.contains(range.endContainer)) return;
      const before = document.createRange();
      before.selectNodeContents(textEl);
      before.setEnd(range.startContainer, range.startOffset);
      const quote = range.toString();
      if (!quote.trim()) return;
      const offset = before.toString().length;
      onSelect({
        moduleKey: textEl.dataset.moduleText!,
        moduleTitle: textEl.dataset.moduleTitle ?? "",
        start: offset,
        end: offset + quote.length,
        quote,
        version,
      });
    }
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, [onSelect, version]);

  // Highlights of open, anchored comments in this version.
  useEffect(() => {
    const registry = highlights();
    const root = containerRef.current;
    if (!registry || !root) return;
    const HighlightCtor = (globalThis as unknown as { Highlight: new (...r: Range[]) => unknown }).Highlight;
    const open: Range[] = [];
    const active: Range[] = [];
    for (const t of threads) {
      if (!t.moduleKey || (t.location.state !== "kept" && t.location.state !== "moved")) continue;
      if (t.resolved && t.id !== activeThreadId) continue;
      const el = root.querySelector<HTMLElement>(`[data-module-text="${CSS.escape(t.moduleKey)}"]`);
      const range = el ? rangeFromOffsets(el, t.location.start, t.location.end) : null;
      if (range) (t.id === activeThreadId ? active : open).push(range);
    }
    registry.set("draft-comment", new HighlightCtor(...open));
    registry.set("draft-comment-active", new HighlightCtor(...active));
    if (active[0]) active[0].startContainer.parentElement?.scrollIntoView({ block: "center", behavior: "smooth" });
    return () => {
      registry.delete("draft-comment");
      registry.delete("draft-comment-active");
    };
  }, [threads, activeThreadId, modules]);

  if (modules.length === 0) return <p className="text-sm text-slate-600">{t("reader.noModules")}</p>;
  return (
    <div ref={containerRef} className="space-y-4">
      <p className="sr-only">{t("reader.hint")}</p>
      {modules.map((m, index) => {
        const hours = moduleHours(m);
        const count = threads.filter((th) => th.moduleKey === m.key && !th.resolved).length;
        const competencies = m.competencies.split("\n").map((c) => c.trim()).filter(Boolean);
        return (
          <article key={m.key} className="card space-y-3" aria-labelledby={`module-${m.key}`} data-testid="module">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h3 id={`module-${m.key}`} className="text-lg font-semibold text-slate-900">
                {index + 1}. {m.title}
              </h3>
              <div className="flex flex-wrap gap-1">
                {m.testOut ? <Badge tone="green">{t("reader.testOut")}</Badge> : null}
                {count ? <Badge tone="amber">{t("reader.openComments", { count })}</Badge> : null}
              </div>
            </div>
            <div
              className="draft-text text-sm leading-relaxed text-slate-800"
              data-module-text={m.key}
              data-module-title={m.title}
              // Sanitized on the server (sanitize-html) before it was stored.
              {...(m.objectives ? { dangerouslySetInnerHTML: { __html: m.objectives } } : {})}
            >
              {m.objectives ? null : (
                <p>
                  <em>{t("reader.noText")}</em>
                </p>
              )}
            </div>
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("reader.hours")}</dt>
                <dd>
                  <Trans t={t} i18nKey="reader.hoursLine" values={{ related: hours.related, ojl: hours.ojl, total: hours.total }} components={{ strong: <strong /> }} />
                </dd>
              </div>
              <div>
                <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("reader.assessment")}</dt>
                <dd>{m.assessment || t("reader.notSet")}</dd>
              </div>
              <div>
                <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("reader.credential")}</dt>
                <dd>{m.credential || t("reader.none")}</dd>
              </div>
              <div>
                <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("reader.competencies")}</dt>
                <dd>
                  {competencies.length ? (
                    <ul className="list-disc pl-5">
                      {competencies.map((c, i) => (
                        <li key={i}>{c}</li>
                      ))}
                    </ul>
                  ) : (
                    t("reader.noneListed")
                  )}
                </dd>
              </div>
            </dl>
          </article>
        );
      })}
    </div>
  );
}
