// Pure rules of curriculum drafts: hours totals, the worker sign-off rule, status moves, plain text of
// rich text, passage anchors that follow their text across versions, word-level version diffs and
// @mentions. No I/O: the service loads the facts, these decide.
import { diffWords } from "diff";
import type { DraftStatus, ProgramKind, SignOffRule } from "./drafts.schema.js";

export type ModuleSnapshot = {
  key: string;
  title: string;
  objectives: string;
  competencies: string;
  relatedHours: number;
  ojlHours: number;
  assessment: string;
  credential: string;
  testOut: boolean;
};

/** What a version freezes: the draft's details and its ordered modules. */
export type DraftSnapshot = { title: string; occupation: string; programKind: ProgramKind; modules: ModuleSnapshot[] };

// ─── hours ──────────────────────────────────────────────────────────────────

export type Hours = { related: number; ojl: number; total: number };

export const moduleHours = (m: Pick<ModuleSnapshot, "relatedHours" | "ojlHours">): Hours => ({
  related: m.relatedHours,
  ojl: m.ojlHours,
  total: m.relatedHours + m.ojlHours,
});

export function totalHours(modules: ReadonlyArray<Pick<ModuleSnapshot, "relatedHours" | "ojlHours" | "testOut">>) {
  const sum = { related: 0, ojl: 0, total: 0, testOutHours: 0 };
  for (const m of modules) {
    sum.related += m.relatedHours;
    sum.ojl += m.ojlHours;
    if (m.testOut) sum.testOutHours += m.relatedHours + m.ojlHours;
  }
  sum.total = sum.related + sum.ojl;
  return sum;
}

// ─── worker sign-off ────────────────────────────────────────────────────────

export type RuleState = { met: boolean; signed: number; required: number; groupSize: number; changesRequested: number };

/**
 * Whether a version's decisions meet the body's rule. Only decisions of current group members count;
 * an empty group never meets it (a draft cannot be adopted without worker sign-off).
 */
export function signOffState(options: {
  rule: SignOffRule;
  minimum: number;
  groupMembershipIds: readonly string[];
  decisions: ReadonlyArray<{ reviewerMembershipId: string; decision: "SIGNED_OFF" | "CHANGES_REQUESTED" }>;
}): RuleState {
  const group = new Set(options.groupMembershipIds);
  const signed = new Set(options.decisions.filter((d) => d.decision === "SIGNED_OFF" && group.has(d.reviewerMembershipId)).map((d) => d.reviewerMembershipId)).size;
  const changesRequested = options.decisions.filter((d) => d.decision === "CHANGES_REQUESTED" && group.has(d.reviewerMembershipId)).length;
  const required = options.rule === "ALL" ? group.size : Math.max(1, options.minimum);
  return { met: group.size > 0 && signed >= required, signed, required, groupSize: group.size, changesRequested };
}

// ─── status ─────────────────────────────────────────────────────────────────

const MOVES: Record<DraftStatus, DraftStatus[]> = {
  DRAFTING: ["IN_REVIEW", "WITHDRAWN"],
  IN_REVIEW: ["IN_REVIEW", "SIGNED_OFF", "WITHDRAWN"],
  SIGNED_OFF: ["IN_REVIEW", "ADOPTED", "WITHDRAWN"],
  ADOPTED: [],
  WITHDRAWN: [],
};

export const canMove = (from: DraftStatus, to: DraftStatus) => MOVES[from].includes(to);
export const isOpen = (status: DraftStatus) => status === "DRAFTING" || status === "IN_REVIEW" || status === "SIGNED_OFF";

// ─── rich text → plain text ─────────────────────────────────────────────────

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", "#39": "'" };

function decodeEntities(s: string) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The text of (sanitized) HTML exactly as the browser's DOM holds it: every text node in order, with
 * entities decoded. Passage offsets are counted in this text on both sides.
 */
export function plainText(html: string): string {
  return decodeEntities(html.replace(/<!--[\s\S]*?-->/g, "").replace(/<[^>]*>/g, ""));
}

/** Text for reading and diffing: one line per block (heading, paragraph, list item). Not for offsets. */
export function readableText(html: string): string {
  const lined = html.replace(/<br\s*\/?>/gi, "\n").replace(/<\/(p|h[1-6]|li|blockquote)>/gi, "\n").replace(/<li[^>]*>/gi, "• ");
  return plainText(lined)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n");
}

// ─── passage anchors ────────────────────────────────────────────────────────

export const CONTEXT_CHARS = 32;

export type Anchor = { quote: string; prefix: string; suffix: string; start: number; end: number };
export type AnchorCheck = { ok: true; anchor: Anchor } | { ok: false; message: string };

/** An anchor for text[start, end), if the offsets lie inside the text and span exactly `quote`. */
export function makeAnchor(text: string, start: number, end: number, quote: string): AnchorCheck {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) {
    return { ok: false, message: "The selected passage is outside the module's text." };
  }
  if (text.slice(start, end) !== quote) return { ok: false, message: "The selected passage does not match the module's text. Reload and select it again." };
  if (!quote.trim()) return { ok: false, message: "Select some words, not only spaces." };
  return {
    ok: true,
    anchor: { quote, start, end, prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start), suffix: text.slice(end, end + CONTEXT_CHARS) },
  };
}

export type Located = { state: "kept" | "moved"; start: number; end: number } | { state: "outdated" };

/** Characters two strings share from their ends (for prefixes) or starts (for suffixes). */
function sharedTail(a: string, b: string) {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function sharedHead(a: string, b: string) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Finds an anchored passage in a (later) text: "kept" where it was, "moved" to the occurrence of the
 * quote whose surroundings best match the saved prefix and suffix, or "outdated" when the quote is gone.
 */
export function locateAnchor(text: string, anchor: Anchor): Located {
  const { quote } = anchor;
  if (!quote) return { state: "outdated" };
  const candidates: number[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) candidates.push(i);
  if (candidates.length === 0) return { state: "outdated" };
  let best = candidates[0]!;
  let bestScore = -1;
  for (const at of candidates) {
    const before = text.slice(Math.max(0, at - CONTEXT_CHARS), at);
    const after = text.slice(at + quote.length, at + quote.length + CONTEXT_CHARS);
    // Context first; nearness to the old place breaks ties.
    const score = (sharedTail(before, anchor.prefix) + sharedHead(after, anchor.suffix)) * 100_000 - Math.abs(at - anchor.start);
    if (score > bestScore) {
      bestScore = score;
      best = at;
    }
  }
  const kept =
    best === anchor.start && text.slice(Math.max(0, best - CONTEXT_CHARS), best) === anchor.prefix && text.slice(best + quote.length, best + quote.length + CONTEXT_CHARS) === anchor.suffix;
  return { state: kept ? "kept" : "moved", start: best, end: best + quote.length };
}

// ─── diff ───────────────────────────────────────────────────────────────────

export type Part = { value: string; added?: boolean; removed?: boolean };
export type FieldDiff = { field: DiffField; label: string; changed: boolean; parts: Part[] };
export type ModuleDiff = {
  key: string;
  status: "added" | "removed" | "changed" | "unchanged";
  title: string;
  fromPosition: number | null;
  toPosition: number | null;
  fields: FieldDiff[];
};

export const DIFF_FIELDS = {
  title: "Title",
  objectives: "Learning objectives",
  competencies: "Competencies",
  relatedHours: "Related instruction hours",
  ojlHours: "On-the-job learning hours",
  assessment: "Assessment",
  credential: "Credential",
  testOut: "Test-out allowed",
} as const;
export type DiffField = keyof typeof DIFF_FIELDS;

function fieldText(m: ModuleSnapshot, field: DiffField): string {
  const value = m[field];
  if (field === "objectives") return readableText(String(value));
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value);
}

function wordParts(a: string, b: string): Part[] {
  if (a === b) return a ? [{ value: a }] : [];
  return diffWords(a, b).map((c) => ({ value: c.value, ...(c.added ? { added: true } : {}), ...(c.removed ? { removed: true } : {}) }));
}

/** Module-by-module comparison (matched by stable key), with word-level highlights per field. */
export function compareSnapshots(from: DraftSnapshot, to: DraftSnapshot) {
  const fromByKey = new Map(from.modules.map((m, i) => [m.key, { m, i }]));
  const toByKey = new Map(to.modules.map((m, i) => [m.key, { m, i }]));
  const modules: ModuleDiff[] = [];
  const fields = Object.keys(DIFF_FIELDS) as DiffField[];
  for (const [index, m] of to.modules.entries()) {
    const before = fromByKey.get(m.key);
    const diffs = fields.map((field) => {
      const a = before ? fieldText(before.m, field) : "";
      const b = fieldText(m, field);
      return { field, label: DIFF_FIELDS[field], changed: !before || a !== b, parts: before ? wordParts(a, b) : b ? [{ value: b, added: true }] : [] };
    });
    const changed = diffs.some((d) => d.changed) || (before !== undefined && before.i !== index);
    modules.push({
      key: m.key,
      status: !before ? "added" : changed ? "changed" : "unchanged",
      title: m.title,
      fromPosition: before?.i ?? null,
      toPosition: index,
      fields: diffs,
    });
  }
  for (const [index, m] of from.modules.entries()) {
    if (toByKey.has(m.key)) continue;
    modules.push({
      key: m.key,
      status: "removed",
      title: m.title,
      fromPosition: index,
      toPosition: null,
      fields: fields.map((field) => {
        const a = fieldText(m, field);
        return { field, label: DIFF_FIELDS[field], changed: true, parts: a ? [{ value: a, removed: true }] : [] };
      }),
    });
  }
  const details = (["title", "occupation", "programKind"] as const).map((field) => ({
    field,
    changed: from[field] !== to[field],
    parts: wordParts(from[field], to[field]),
  }));
  const counts = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const m of modules) counts[m.status]++;
  return { details, modules, counts, fromHours: totalHours(from.modules), toHours: totalHours(to.modules) };
}

// ─── mentions ───────────────────────────────────────────────────────────────

/** Members named as "@Full Name" in a comment (case-insensitive, longest names first). */
export function findMentions<P extends { userId: string; name: string }>(body: string, people: readonly P[]): P[] {
  // Longest names first, and a matched name is blanked out, so "@Luis Ortega Jr" is not also "@Luis Ortega".
  let rest = body.toLowerCase();
  const found = new Map<string, P>();
  for (const p of [...people].sort((a, b) => b.name.length - a.name.length)) {
    const needle = `@${p.name.toLowerCase()}`;
    for (let at = rest.indexOf(needle); at !== -1; at = rest.indexOf(needle, at + 1)) {
      const next = rest[at + needle.length];
      if (next !== undefined && /[\p{L}\p{N}]/u.test(next)) continue;
      found.set(p.userId, p);
      rest = rest.slice(0, at) + " ".repeat(needle.length) + rest.slice(at + needle.length);
    }
  }
  return [...found.values()];
}

// ─── merging a stale save per module ────────────────────────────────────────

const sameModule = (a: ModuleSnapshot, b: ModuleSnapshot) =>
  (Object.keys(DIFF_FIELDS) as DiffField[]).every((f) => a[f] === b[f]);

/**
 * Three-way merge of modules by key after a stale save: `base` is what the editor started from,
 * `mine` their edits, `theirs` what someone else saved meanwhile. A module only one side changed takes
 * that side; one both changed takes mine and is reported; additions of both are kept; a removal holds
 * unless the other side changed the module. Order follows theirs, with my additions after.
 */
export function mergeModules<M extends ModuleSnapshot>(base: readonly M[], mine: readonly M[], theirs: readonly M[]) {
  const baseBy = new Map(base.map((m) => [m.key, m]));
  const mineBy = new Map(mine.map((m) => [m.key, m]));
  const theirsBy = new Map(theirs.map((m) => [m.key, m]));
  const merged: M[] = [];
  const bothChanged: string[] = [];
  const theirChanges: string[] = [];
  for (const t of theirs) {
    const b = baseBy.get(t.key);
    const m = mineBy.get(t.key);
    const theyChanged = !b || !sameModule(b, t);
    if (theyChanged) theirChanges.push(t.title);
    if (!m) {
      // I removed it (or never had it): keep it only if they added or changed it.
      if (!b || theyChanged) merged.push(t);
      continue;
    }
    const iChanged = !b || !sameModule(b, m);
    if (iChanged && theyChanged) bothChanged.push(m.title);
    merged.push(iChanged ? m : t);
  }
  for (const m of mine) {
    if (theirsBy.has(m.key)) continue;
    const b = baseBy.get(m.key);
    if (!b) merged.push(m); // my addition
    else if (!sameModule(b, m)) {
      // They removed a module I changed: keep my version.
      merged.push(m);
      bothChanged.push(m.title);
    }
  }
  for (const b of base) if (!theirsBy.has(b.key) && !bothChanged.includes(b.title) && mineBy.has(b.key)) theirChanges.push(`${b.title} (removed)`);
  return { merged, bothChanged, theirChanges };
}
