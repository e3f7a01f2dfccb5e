// The message catalogs against the code (decision 0018): every key the app uses exists in English and
// Spanish, every key in the catalogs is used, both languages have the same keys (with each language's
// plural forms), placeholders match, and the Spanish server messages (`errors`) translate a sentence the
// server really says. Static reading of app/ and server/: t("key"), t("ns:key"), i18nKey="key", pageTitle(…, "key", "ns");
// a template key (t(`status.${s}`)) counts as using every key under its prefix. The joint registry's
// words("KIND.key") (server/domains/joint, said under joint:change.) count as uses too.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const LOCALES_DIR = join(ROOT, "app", "locales");
const LANGS = ["en", "es"] as const;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function walk(dir: string, exts: string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "locales" || name === "generated" ? [] : walk(path, exts);
    return exts.some((e) => name.endsWith(e)) ? [path] : [];
  });
}

const namespaces = readdirSync(join(LOCALES_DIR, "en")).map((f) => f.replace(/\.json$/, ""));
const catalogs = Object.fromEntries(
  LANGS.map((lng) => [
    lng,
    Object.fromEntries(
      readdirSync(join(LOCALES_DIR, lng)).map((f) => [f.replace(/\.json$/, ""), flatten(JSON.parse(readFileSync(join(LOCALES_DIR, lng, f), "utf8")) as Tree)]),
    ),
  ]),
) as Record<(typeof LANGS)[number], Record<string, Map<string, string>>>;

/** "a.b_one" → "a.b"; the base keys a language's catalog answers for. */
const baseKeys = (m: Map<string, string>) => new Set([...m.keys()].map((k) => k.replace(PLURAL_SUFFIX, "")));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}|<(\w+)>/g)].map((m) => m[1] ?? `<${m[2]}>`).sort();

type Use = { ns: string; key: string; prefix: boolean; file: string };

function usesIn(file: string): Use[] {
  const source = readFileSync(file, "utf8");
  const rel = relative(ROOT, file);
  const declared = [...source.matchAll(/useTranslation\(\s*(?:\[\s*)?"(\w+)"/g)].map((m) => m[1]!);
  const defaults = new Set(declared);
  if (defaults.size > 1) throw new Error(`${rel}: one default namespace per file (found ${[...defaults].join(", ")}); use "ns:key" for the others`);
  const fileNs = declared[0] ?? "common";
  const uses: Use[] = [];
  const add = (raw: string, prefix: boolean, ns = fileNs) => {
    const [maybeNs, rest] = raw.includes(":") ? raw.split(":", 2) : [null, raw];
    uses.push({ ns: maybeNs ?? ns, key: rest!, prefix, file: rel });
  };
  for (const m of source.matchAll(/\b(?:t|[a-z]+T)\(\s*"([^"]+)"/g)) add(m[1]!, false);
  for (const m of source.matchAll(/\b(?:t|[a-z]+T)\(\s*`([^`$]*)\$\{/g)) add(m[1]!, true);
  for (const m of source.matchAll(/\bt\(\s*\w+\s*\?\s*"([^"]+)"\s*:\s*"([^"]+)"/g)) {
    add(m[1]!, false);
    add(m[2]!, false);
  }
  for (const m of source.matchAll(/i18nKey="([^"]+)"/g)) add(m[1]!, false);
  // The server's print HTML (server/pdf/html.ts sentenceHtml(t, "ns:key", …)).
  for (const m of source.matchAll(/\bsentenceHtml\(\s*\w+,\s*"([^"]+)"/g)) add(m[1]!, false);
  for (const m of source.matchAll(/i18nKey=\{([^}]*)\}/g)) for (const s of m[1]!.matchAll(/"([^"]+)"/g)) add(s[1]!, false);
  for (const m of source.matchAll(/pageTitle\(\s*matches,\s*"([^"]+)"(?:,\s*"(\w+)")?/g)) add(m[1]!, false, m[2] ?? "common");
  return uses;
}

/**
 * The keys the joint registry says (server/domains/joint: words("KIND.key"), said by the page and the
 * mail under the joint catalog's `change.`, or "ns:key" for a term of another catalog).
 */
function wordsIn(file: string): Use[] {
  const source = readFileSync(file, "utf8");
  const rel = relative(ROOT, file);
  const uses: Use[] = [];
  const add = (raw: string, prefix: boolean) => {
    const [ns, key] = raw.includes(":") ? raw.split(":", 2) : ["joint", `change.${raw}`];
    uses.push({ ns: ns!, key: key!, prefix, file: rel });
  };
  for (const m of source.matchAll(/\bwords\(\s*"([^"]+)"/g)) add(m[1]!, false);
  for (const m of source.matchAll(/\bwords\(\s*`([^`$]*)\$\{/g)) add(m[1]!, true);
  for (const m of source.matchAll(/\bwords\(\s*[\w.]+\s*\?\s*"([^"]+)"\s*:\s*"([^"]+)"/g)) {
    add(m[1]!, false);
    add(m[2]!, false);
  }
  return uses;
}

const appFiles = walk(join(ROOT, "app"), [".ts", ".tsx"]);
const serverFiles = walk(join(ROOT, "server"), [".ts"]);
// The server translates what it prints (PDFs: server/i18n.ts) with keys that name their namespace.
const uses = [...[...appFiles, ...serverFiles].flatMap(usesIn), ...walk(join(ROOT, "server", "domains", "joint"), [".ts"]).flatMap(wordsIn)];

describe("message catalogs", () => {
  it("have the same namespaces in every language", () => {
    for (const lng of LANGS) expect(Object.keys(catalogs[lng]).filter((ns) => ns !== "errors").sort()).toEqual(namespaces.filter((ns) => ns !== "errors").sort());
  });

  it("have the same keys in English and Spanish, with each language's plural forms", () => {
    const problems: string[] = [];
    for (const ns of namespaces) {
      if (ns === "errors") continue;
      const en = catalogs.en[ns]!;
      const es = catalogs.es[ns]!;
      for (const key of baseKeys(en)) if (!baseKeys(es).has(key)) problems.push(`es is missing ${ns}:${key}`);
      for (const key of baseKeys(es)) if (!baseKeys(en).has(key)) problems.push(`en is missing ${ns}:${key}`);
      for (const [lng, cat, forms] of [
        ["en", en, new Intl.PluralRules("en").resolvedOptions().pluralCategories],
        ["es", es, new Intl.PluralRules("es").resolvedOptions().pluralCategories],
      ] as const) {
        const plural = new Set([...cat.keys()].filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, "")));
        for (const base of plural) for (const form of forms) if (!cat.has(`${base}_${form}`)) problems.push(`${lng} ${ns}:${base} has no _${form} form`);
      }
      for (const [key, text] of en) {
        const other = es.get(key) ?? es.get(key.replace(PLURAL_SUFFIX, "_other"));
        if (other !== undefined && placeholders(other).join() !== placeholders(text).join()) problems.push(`${ns}:${key} placeholders differ: ${placeholders(text)} vs ${placeholders(other)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("have every key the app uses, in English and in Spanish", () => {
    expect(uses.length).toBeGreaterThan(300);
    const missing: string[] = [];
    for (const use of uses) {
      for (const lng of LANGS) {
        const cat = catalogs[lng][use.ns];
        const keys = cat ? baseKeys(cat) : new Set<string>();
        const found = use.prefix ? [...keys].some((k) => k.startsWith(use.key)) : keys.has(use.key);
        if (!found) missing.push(`${lng} ${use.ns}:${use.key}${use.prefix ? "*" : ""} (${use.file})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("have no key that the app does not use", () => {
    const unused: string[] = [];
    for (const ns of namespaces) {
      if (ns === "errors") continue;
      for (const key of baseKeys(catalogs.en[ns]!)) {
        const used = uses.some((u) => u.ns === ns && (u.prefix ? key.startsWith(u.key) : u.key === key));
        if (!used) unused.push(`${ns}:${key}`);
      }
    }
    expect(unused).toEqual([]);
  });

  it("translate into Spanish only messages the server or the app really says", () => {
    const literals: string[] = [];
    const patterns: RegExp[] = [];
    for (const file of [...serverFiles, ...appFiles]) {
      const source = readFileSync(file, "utf8");
      for (const m of source.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) literals.push(m[1]!.replace(/\\"/g, '"'));
      for (const m of source.matchAll(/`([^`]*)`/g)) {
        if (!m[1]!.includes("${")) literals.push(m[1]!);
        else patterns.push(new RegExp(`^${m[1]!.split(/\$\{[^}]*\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".+")}$`));
      }
    }
    const said = new Set(literals);
    const unknown = [...catalogs.es.errors!.keys()].filter((message) => !said.has(message) && !patterns.some((p) => p.test(message)));
    expect(unknown).toEqual([]);
  });
});
