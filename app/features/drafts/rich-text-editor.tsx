// A module's rich-text editor: TipTap (StarterKit + Link), loaded in the browser only (the server
// render shows the text read-only until it is ready), with a labelled, keyboard-reachable toolbar.
// The server sanitizes whatever this produces; the editor only offers what the sanitizer keeps.
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Editor } from "@tiptap/core";

type Props = { label: string; value: string; onChange: (html: string) => void; describedBy?: string };

const BUTTON = "rounded px-2 py-1 text-xs font-semibold text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-100 aria-pressed:bg-indigo-100 aria-pressed:text-indigo-900";

export function RichTextEditor({ label, value, onChange, describedBy }: Props) {
  const id = useId();
  const { t } = useTranslation("drafts");
  const mountRef = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [, setTick] = useState(0);
  const [failed, setFailed] = useState(false);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const initial = useRef(value);

  useEffect(() => {
    let instance: Editor | null = null;
    let cancelled = false;
    Promise.all([import("@tiptap/core"), import("@tiptap/starter-kit"), import("@tiptap/extension-link")])
      .then(([core, starter, link]) => {
        if (cancelled || !mountRef.current) return;
        instance = new core.Editor({
          element: mountRef.current,
          extensions: [
            starter.default.configure({ heading: { levels: [2, 3, 4] }, code: false, codeBlock: false, horizontalRule: false, strike: false, link: false, underline: false }),
            link.default.configure({ openOnClick: false, protocols: ["mailto"], HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null } }),
          ],
          content: initial.current,
          editorProps: { attributes: { id, role: "textbox", "aria-multiline": "true", "aria-labelledby": `${id}-label`, ...(describedBy ? { "aria-describedby": describedBy } : {}), class: "input min-h-32" } },
          onUpdate: ({ editor: e }) => onChangeRef.current(e.getHTML()),
          onSelectionUpdate: () => setTick((t) => t + 1),
          onTransaction: () => setTick((t) => t + 1),
        });
        setEditor(instance);
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      instance?.destroy();
    };
  }, [id, describedBy]);

  const run = (fn: (e: Editor) => void) => () => {
    if (editor) fn(editor);
  };
  function setLink() {
    if (!editor) return;
    const previous = editor.getAttributes("link").href as string | undefined;
    const url = window.prompt(t("rich.linkPrompt"), previous ?? "https://");
    if (url === null) return;
    if (!url.trim()) editor.chain().focus().unsetLink().run();
    else if (/^(https?:\/\/|mailto:)/i.test(url.trim())) editor.chain().focus().setLink({ href: url.trim() }).run();
  }

  return (
    <div className="space-y-1">
      <span id={`${id}-label`} className="block text-sm font-medium text-slate-800">
        {label}
      </span>
      {failed ? (
        <textarea aria-labelledby={`${id}-label`} className="input" rows={6} defaultValue={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <>
          <div role="toolbar" aria-label={t("rich.toolbar", { label })} aria-controls={id} className="flex flex-wrap gap-1">
            <button type="button" className={BUTTON} aria-pressed={editor?.isActive("heading", { level: 2 }) ?? false} onClick={run((e) => e.chain().focus().toggleHeading({ level: 2 }).run())}>
              {t("rich.heading")}
            </button>
            <button type="button" className={BUTTON} aria-pressed={editor?.isActive("bold") ?? false} onClick={run((e) => e.chain().focus().toggleBold().run())}>
              {t("rich.bold")}
            </button>
            <button type="button" className={BUTTON} aria-pressed={editor?.isActive("italic") ?? false} onClick={run((e) => e.chain().focus().toggleItalic().run())}>
              {t("rich.italic")}
            </button>
            <button type="button" className={BUTTON} aria-pressed={editor?.isActive("bulletList") ?? false} onClick={run((e) => e.chain().focus().toggleBulletList().run())}>
              {t("rich.bullets")}
            </button>
            <button type="button" className={BUTTON} aria-pressed={editor?.isActive("orderedList") ?? false} onClick={run((e) => e.chain().focus().toggleOrderedList().run())}>
              {t("rich.numbered")}
            </button>
            <button type="button" className={BUTTON} aria-pressed={editor?.isActive("link") ?? false} onClick={setLink}>
              {t("rich.link")}
            </button>
          </div>
          <div className="draft-text text-sm">
            <div ref={mountRef} />
            {!editor ? (
              value ? (
                <div className="input min-h-32 text-slate-500" dangerouslySetInnerHTML={{ __html: value }} />
              ) : (
                <div className="input min-h-32 text-slate-500">
                  <p>{t("rich.loading")}</p>
                </div>
              )
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}
