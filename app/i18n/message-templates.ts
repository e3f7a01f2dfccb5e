// Server messages that carry a value (a fund's name, an amount, a count) in the viewer's language. The
// server writes such a message in English with the value inside ("Fund A has only $12.00 available.");
// the `errors` catalog may hold its template under the English words with named placeholders ("{{fund}}
// has only {{amount}} available."). The message is matched against the templates, and the values it
// carries are said again inside the translation. Values stay as the server wrote them (names, amounts,
// numbers): a template whose value would be an English word (a status, a side) is written out whole, one
// key per word, instead.
type Template = { key: string; pattern: RegExp; names: string[]; literal: number };

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;
const compiled = new WeakMap<object, Template[]>();

function compile(catalog: Record<string, string>): Template[] {
  const templates: Template[] = [];
  for (const key of Object.keys(catalog)) {
    const names = [...key.matchAll(PLACEHOLDER)].map((m) => m[1]!);
    if (!names.length) continue;
    const parts = key.split(PLACEHOLDER).filter((_, i) => i % 2 === 0);
    const source = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("(.+?)");
    templates.push({ key, pattern: new RegExp(`^${source}$`, "s"), names, literal: parts.join("").length });
  }
  // The most specific template first: the one with the most words of its own.
  return templates.sort((a, b) => b.literal - a.literal);
}

/** The catalog's template that `message` fits, with the values it carries; null when none fits. */
export function matchTemplate(catalog: Record<string, string>, message: string): { key: string; values: Record<string, string> } | null {
  let templates = compiled.get(catalog);
  if (!templates) {
    templates = compile(catalog);
    compiled.set(catalog, templates);
  }
  for (const template of templates) {
    const found = template.pattern.exec(message);
    if (!found) continue;
    const values: Record<string, string> = {};
    template.names.forEach((name, i) => (values[name] = found[i + 1]!));
    return { key: template.key, values };
  }
  return null;
}
