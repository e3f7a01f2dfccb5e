// Text limits of meetings: every schema refuses a value over its limit with a message that names the
// field (never shortens it), a value at the limit passes whole, and every text field of the meetings
// UI carries a maxLength taken from the constants meetings.schema.ts exports.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  CAUCUS_NOTE_MAX,
  CaucusNoteInputSchema,
  CreateActionItemInputSchema,
  MINUTES_MAX,
  ProposeItemInputSchema,
  RecordDecisionInputSchema,
  RejectItemInputSchema,
  SaveMinutesInputSchema,
  ScheduleMeetingInputSchema,
  StrawPollInputSchema,
  TEXT_MAX,
  TITLE_MAX,
  URL_MAX,
} from "../../server/domains/meetings/meetings.schema.js";

const schedule = { bodyId: "b", title: "Meeting", startsAtLocal: "2026-12-03T09:30", timeZone: "America/Chicago", durationMinutes: 60 };
const item = { meetingId: "m", title: "Item", kind: "DISCUSSION", timeBoxMinutes: 10 };

/** A text of exactly `n` UTF-16 code units that ends in an emoji, so a cut would show. */
const textOf = (n: number) => "a".repeat(n - 2) + "🎉";
/** A link of exactly `n` characters. */
const urlOf = (n: number) => {
  const head = "https://example.org/";
  return head + "p".repeat(n - head.length);
};

type Row = {
  what: string;
  schema: z.ZodTypeAny;
  input: (value: string) => Record<string, unknown>;
  path: string;
  max: number;
  message: string;
  value?: (n: number) => string;
};

const ROWS: Row[] = [
  { what: "meeting title", schema: ScheduleMeetingInputSchema, input: (v) => ({ ...schedule, title: v }), path: "title", max: TITLE_MAX, message: "Title must be at most 200 characters." },
  { what: "location", schema: ScheduleMeetingInputSchema, input: (v) => ({ ...schedule, location: v }), path: "location", max: TITLE_MAX, message: "Location must be at most 200 characters." },
  { what: "video link", schema: ScheduleMeetingInputSchema, input: (v) => ({ ...schedule, videoUrl: v }), path: "videoUrl", max: URL_MAX, message: "A link must be at most 2,000 characters.", value: urlOf },
  { what: "item title", schema: ProposeItemInputSchema, input: (v) => ({ ...item, title: v }), path: "title", max: TITLE_MAX, message: "Title must be at most 200 characters." },
  { what: "description", schema: ProposeItemInputSchema, input: (v) => ({ ...item, description: v }), path: "description", max: TEXT_MAX, message: "Description must be at most 10,000 characters." },
  { what: "presenter", schema: ProposeItemInputSchema, input: (v) => ({ ...item, presenter: v }), path: "presenter", max: TITLE_MAX, message: "Presenter must be at most 200 characters." },
  { what: "link label", schema: ProposeItemInputSchema, input: (v) => ({ ...item, links: [{ label: v, url: "https://example.org" }] }), path: "links", max: TITLE_MAX, message: "A link's label must be at most 200 characters." },
  { what: "link address", schema: ProposeItemInputSchema, input: (v) => ({ ...item, links: [{ label: "x", url: v }] }), path: "links", max: URL_MAX, message: "A link must be at most 2,000 characters.", value: urlOf },
  { what: "rejection reason", schema: RejectItemInputSchema, input: (v) => ({ itemId: "i", reason: v }), path: "reason", max: TEXT_MAX, message: "The reason must be at most 10,000 characters." },
  { what: "minutes", schema: SaveMinutesInputSchema, input: (v) => ({ itemId: "i", text: v, baseRevision: 0 }), path: "text", max: MINUTES_MAX, message: "Minutes for one item must be at most 100,000 characters." },
  { what: "decision", schema: RecordDecisionInputSchema, input: (v) => ({ meetingId: "m", text: v }), path: "text", max: TEXT_MAX, message: "A decision must be at most 10,000 characters." },
  { what: "action item", schema: CreateActionItemInputSchema, input: (v) => ({ meetingId: "m", text: v, ownerMembershipId: "o", dueDate: "2026-12-10" }), path: "text", max: TEXT_MAX, message: "An action item must be at most 10,000 characters." },
  { what: "caucus notes", schema: CaucusNoteInputSchema, input: (v) => ({ meetingId: "m", text: v, baseRevision: 0 }), path: "text", max: CAUCUS_NOTE_MAX, message: "Caucus notes must be at most 50,000 characters." },
  { what: "straw-poll question", schema: StrawPollInputSchema, input: (v) => ({ meetingId: "m", question: v }), path: "question", max: TITLE_MAX, message: "A question must be at most 200 characters." },
];

describe("meetings schemas: limits refused with a message, never cut", () => {
  it.each(ROWS)("$what: one character over $max is refused with “$message”", ({ schema, input, path, max, message, value = textOf }) => {
    const over = schema.safeParse(input(value(max + 1)));
    expect(over.success).toBe(false);
    const issue = over.error!.issues.find((i) => i.path[0] === path);
    expect(issue?.message).toBe(message);
  });

  it.each(ROWS)("$what: exactly $max passes whole", ({ schema, input, max, value = textOf }) => {
    const text = value(max);
    const parsed = schema.safeParse(input(text));
    expect(parsed.success).toBe(true);
    expect(JSON.stringify(parsed.data)).toContain(JSON.stringify(text).slice(1, -1));
  });
});

// ─── the forms ──────────────────────────────────────────────────────────────

const ROOT = join(import.meta.dirname, "../..");
const LIMIT_CONSTANTS = new Set(["TITLE_MAX", "TEXT_MAX", "MINUTES_MAX", "CAUCUS_NOTE_MAX", "URL_MAX"]);
const NOT_TEXT = new Set(["number", "date", "datetime-local", "time", "radio", "checkbox", "hidden", "file", "range"]);
const TEXT_CONTROLS = new Set(["TextField", "TextArea", "input", "textarea", "SharedTextEditor"]);

function meetingsUiFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : e.name.endsWith(".tsx") ? [`${dir}/${e.name}`] : []));
  const routes = readdirSync(join(ROOT, "app/routes"))
    .filter((f) => /^p\.\$partnershipId_?\.meetings/.test(f) && f.endsWith(".tsx"))
    .map((f) => `app/routes/${f}`);
  return [...walk("app/features/meetings"), ...routes];
}

type Control = { file: string; line: number; tag: string; type: string | null; maxLength: string | null };

function textControls(file: string): { controls: Control[]; importsFromSchema: Set<string> } {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const controls: Control[] = [];
  const importsFromSchema = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text.endsWith("meetings/meetings.schema")) {
      const named = node.importClause?.namedBindings;
      if (named && ts.isNamedImports(named)) for (const el of named.elements) importsFromSchema.add(el.name.text);
    }
    if ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && TEXT_CONTROLS.has(node.tagName.getText(source))) {
      const attr = (name: string) => node.attributes.properties.find((p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.name.getText(source) === name);
      const type = attr("type")?.initializer;
      const max = attr("maxLength")?.initializer;
      controls.push({
        file,
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        tag: node.tagName.getText(source),
        type: type && ts.isStringLiteral(type) ? type.text : null,
        maxLength: max && ts.isJsxExpression(max) && max.expression ? max.expression.getText(source) : null,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { controls, importsFromSchema };
}

describe("meetings forms: every text field says its limit", () => {
  it("gives every text input and text area a maxLength from meetings.schema.ts's constants", () => {
    const files = meetingsUiFiles();
    let checked = 0;
    for (const file of files) {
      const { controls, importsFromSchema } = textControls(file);
      for (const c of controls) {
        if (c.type && NOT_TEXT.has(c.type)) continue;
        const where = `${c.file}:${c.line} <${c.tag}${c.type ? ` type="${c.type}"` : ""}>`;
        checked++;
        if (c.file.endsWith("room/shared-text.tsx") && c.tag === "textarea") {
          // The shared editor passes on the maxLength its callers give it (checked at the callers).
          expect(c.maxLength, where).toBe("maxLength");
          continue;
        }
        expect(c.maxLength, `${where} has no maxLength`).not.toBeNull();
        if (c.file.endsWith("room/room-motions.tsx") && c.maxLength === "MOTION_TEXT_MAX") {
          // A motion moved in the room is the voting domain's input: its limit is voting.schema's.
          expect(readFileSync(join(ROOT, c.file), "utf8"), where).toMatch(/import \{[^}]*\bMOTION_TEXT_MAX\b[^}]*\} from "[./]+\/server\/domains\/voting\/voting\.schema"/);
          continue;
        }
        expect(LIMIT_CONSTANTS.has(c.maxLength!), `${where} maxLength={${c.maxLength}} is not one of the schema's constants`).toBe(true);
        expect(importsFromSchema.has(c.maxLength!), `${where} does not import ${c.maxLength} from meetings.schema`).toBe(true);
      }
    }
    // Title, location, video link; item title, description, presenter, link label and address;
    // reason; decision; action; poll question; minutes and caucus notes (and the shared editor).
    expect(checked).toBeGreaterThanOrEqual(15);
  });
});
