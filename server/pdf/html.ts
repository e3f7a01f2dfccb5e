// The HTML the PDF printer takes (pdf.ts): escaping, and the document with the print styles every record shares. Pure.

/** Text for HTML: the five characters that matter escaped. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The HTML document around a body, in `lang` (the reader's): print styles shared by every record. */
export function pdfDocument(title: string, body: string, lang = "en"): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
  body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #0f172a; margin: 0; }
  h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 13pt; margin: 16pt 0 6pt; border-bottom: 1px solid #cbd5e1; padding-bottom: 2pt; }
  h3 { font-size: 11pt; margin: 10pt 0 4pt; } p { margin: 3pt 0; } .muted { color: #475569; } .small { font-size: 9pt; }
  table { border-collapse: collapse; width: 100%; margin: 4pt 0; } th, td { border: 1px solid #cbd5e1; padding: 3pt 5pt; text-align: left; vertical-align: top; font-size: 9.5pt; }
  th { background: #f1f5f9; } .keep { break-inside: avoid; } .pre { white-space: pre-wrap; } .stamp { font-weight: bold; }
  .page-break { break-before: page; } img.doc { max-width: 100%; max-height: 8.5in; display: block; margin: 6pt auto; }
</style></head><body>${body}</body></html>`;
}

/**
 * A translated sentence as HTML: its values escaped, and its tags (`<date></date>`, `<label>…</label>`)
 * replaced by `tags`: a string fills an empty tag, a function wraps a tag's content. The sentence itself
 * is ours (the catalogs), never a person's words.
 */
export function sentenceHtml(
  t: (key: string, values?: Record<string, unknown>) => string,
  key: string,
  values: Record<string, string | number> = {},
  tags: Record<string, string | ((inner: string) => string)> = {},
): string {
  const escaped = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? escapeHtml(v) : v]));
  return t(key, escaped).replace(/<(\w+)>(.*?)<\/\1>/g, (_whole, name: string, inner: string) => {
    const tag = tags[name];
    return typeof tag === "function" ? tag(inner) : (tag ?? inner);
  });
}
