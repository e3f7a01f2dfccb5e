// Every procedure, enumerated from the router, receives malformed input as a signed-in co-chair of the
// demo partnership (so permission checks pass and the input reaches the use case): wrong types, huge
// and negative numbers, NaN and Infinity, lone surrogates, NUL, text far over any limit, deep nesting,
// long lists, invalid dates. Each must be answered with a 4xx and a message — never a 5xx — and the
// server must keep answering.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type z } from "zod";
import { DEMO_PEOPLE } from "../../server/fixtures/demo.js";
import { seedDemoIfEmpty } from "../../server/fixtures/seed.js";
import { appRouter } from "../../server/trpc/router.js";
import { startTestApp, type SignedIn, type TrpcHttpResult } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

type Procedure = { path: string; type: "query" | "mutation"; input: z.ZodTypeAny | null };
const procedures: Procedure[] = Object.entries((appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: string; inputs: z.ZodTypeAny[] } }> } })._def.procedures)
  .map(([path, p]) => ({ path, type: p._def.type as Procedure["type"], input: p._def.inputs[0] ?? null }))
  .filter((p) => p.type === "query" || p.type === "mutation");

/** Ids of the demo's rows, by the input field names that refer to them. */
let ids: Record<string, string> = {};
let me: SignedIn;

beforeAll(async () => {
  await seedDemoIfEmpty({ db: app.db, deps: app.server.deps, hashCost: 10 });
  const denise = await app.db.user.findUniqueOrThrow({ where: { email: DEMO_PEOPLE[0]!.email } });
  me = await app.signIn(denise);
  const first = async <T extends { id: string }>(rows: Promise<T | null>) => (await rows)?.id ?? "missing";
  const partnership = await app.db.partnership.findFirstOrThrow();
  ids = {
    partnershipId: partnership.id,
    bodyId: await first(app.db.body.findFirst({ where: { partnershipId: partnership.id, kind: "PARTNERSHIP" } })),
    organizationId: await first(app.db.organization.findFirst()),
    membershipId: await first(app.db.membership.findFirst({ where: { userId: { not: denise.id } } })),
    meetingId: await first(app.db.meeting.findFirst({ where: { status: "SCHEDULED" } })),
    itemId: await first(app.db.agendaItem.findFirst()),
    agendaItemId: await first(app.db.agendaItem.findFirst()),
    motionId: await first(app.db.motion.findFirst({ where: { status: "OPEN" } })),
    draftId: await first(app.db.draft.findFirst()),
    commentId: await first(app.db.draftComment.findFirst()),
    requestId: await first(app.db.serviceRequest.findFirst()),
    traineeId: await first(app.db.trainee.findFirst()),
    fundId: await first(app.db.fund.findFirst()),
    invitationId: await first(app.db.invitation.findFirst()),
    attachmentId: await first(app.db.attachment.findFirst()),
  };
  // The demo's meetings and drafts sit on committees the co-chair has no seat on, where every input would
  // stop at NOT_FOUND before reaching its use case: give her a meeting (with an agenda item) and a draft
  // (with a comment) on the partnership's own body, made through the procedures.
  const meeting = await me.trpc.meetings.meeting.schedule({
    bodyId: ids.bodyId!,
    title: "Fuzz meeting",
    startsAtLocal: "2027-03-01T09:00",
    timeZone: "America/Chicago",
    durationMinutes: 60,
    location: "",
    videoUrl: "",
  });
  const item = await me.trpc.meetings.agenda.propose({ meetingId: meeting.id, title: "Fuzz item", description: "", presenter: "", timeBoxMinutes: 10, kind: "DISCUSSION", links: [] });
  const draft = await me.trpc.drafts.draft.create({ bodyId: ids.bodyId!, title: "Fuzz draft", occupation: "Fuzz occupation", programKind: "SHORT_COURSE" });
  const comment = await me.trpc.drafts.comment.add({ draftId: draft.id, moduleKey: null, anchor: null, body: "A comment to reply to." });
  Object.assign(ids, { meetingId: meeting.id, itemId: item.id, agendaItemId: item.id, draftId: draft.id, commentId: comment.id });
}, 120_000);

/** A plausible value for a schema (ids from the demo where the field names one). */
function sample(schema: z.ZodTypeAny, key = ""): unknown {
  const def = schema._def as { typeName: z.ZodFirstPartyTypeKind } & Record<string, unknown>;
  switch (def.typeName) {
    case "ZodOptional":
    case "ZodNullable":
    case "ZodDefault":
    case "ZodReadonly":
    case "ZodCatch":
      return sample(def.innerType as z.ZodTypeAny, key);
    case "ZodEffects":
      return sample(def.schema as z.ZodTypeAny, key);
    case "ZodPipeline":
      return sample(def.in as z.ZodTypeAny, key);
    case "ZodBranded":
      return sample(def.type as z.ZodTypeAny, key);
    case "ZodLazy":
      return sample((def.getter as () => z.ZodTypeAny)(), key);
    case "ZodObject":
      return Object.fromEntries(Object.entries((schema as z.AnyZodObject).shape).map(([k, s]) => [k, sample(s as z.ZodTypeAny, k)]));
    case "ZodString":
      if (ids[key]) return ids[key];
      if (/email/i.test(key)) return "someone@example.test";
      if (/url|link/i.test(key)) return "https://example.test/";
      if (/^startsAtLocal$/.test(key)) return "2027-03-01T09:00";
      if (/date|neededBy|dueDate|fulfilledOn/i.test(key)) return "2027-03-01";
      if (/^timeZone$/.test(key)) return "America/Chicago";
      if (/^(amount|starting|cap)$/.test(key)) return "125.50"; // dollars, as typed
      return "Plain text";
    case "ZodNumber": {
      // The smallest value the field allows, so a base input reaches its use case (a meeting lasts ≥ 5 minutes).
      const min = (def.checks as Array<{ kind: string; value?: number }>).find((c) => c.kind === "min")?.value;
      return Math.max(1, min ?? 1);
    }
    case "ZodBigInt":
      return 1n;
    case "ZodBoolean":
      return true;
    case "ZodDate":
      return new Date(Date.now() + 86_400_000);
    case "ZodEnum":
      return (def.values as string[])[0];
    case "ZodNativeEnum":
      return Object.values(def.values as object)[0];
    case "ZodLiteral":
      return def.value;
    case "ZodArray":
      return [];
    case "ZodUnion":
    case "ZodDiscriminatedUnion":
      return sample((def.options as z.ZodTypeAny[])[0]!, key);
    case "ZodRecord":
      return {};
    default:
      return null;
  }
}

const deep = (n: number): unknown => (n === 0 ? 1 : { x: deep(n - 1) });
/** Values no field of any form may accept. */
function malformedFor(value: unknown): unknown[] {
  const always: unknown[] = [deep(40), Array.from({ length: 5_000 }, () => "x")];
  if (typeof value === "string") return [...always, 12345, "\uD800 broken", "nul\u0000", "x".repeat(300_000), ["x"]];
  // (A number written as text, "12", is accepted where forms send numbers as text: not listed.)
  if (typeof value === "number") return [...always, "twelve", NaN, Infinity, -Infinity, 1e308, -1e308, new Date()];
  if (typeof value === "boolean") return [...always, "yes", 1];
  if (value instanceof Date) return [...always, new Date(Number.NaN), "not a date", new Date(8.64e15)];
  if (Array.isArray(value)) return [...always, "x", [{ x: deep(30) }]];
  return [...always, "x", 42];
}

function send(p: Procedure, input: unknown): Promise<TrpcHttpResult> {
  return p.type === "query" ? me.http.query(p.path, input) : me.http.mutate(p.path, input);
}

function failure(p: Procedure, label: string, res: TrpcHttpResult): string | null {
  // 431: a query whose address is longer than any server accepts (Node refuses it before the app sees it).
  if (res.status === 431 && p.type === "query") return null;
  const ok4xx = res.status >= 400 && res.status < 500 && typeof res.error?.message === "string" && res.error.message.length > 0;
  return ok4xx ? null : `${p.path} ${label}: HTTP ${res.status} ${res.error?.code ?? ""} ${res.error?.message ?? JSON.stringify(res.raw).slice(0, 120)}`;
}

describe("malformed input to every procedure", () => {
  it(`enumerates the router (${procedures.length} procedures)`, () => {
    expect(procedures.length).toBeGreaterThan(100);
  });

  it("answers each malformed input with a 4xx and a message, and the server stays up", async () => {
    const failures: string[] = [];
    for (const p of procedures) {
      const base = p.input ? sample(p.input) : undefined;
      const cases: Array<[string, unknown]> = [
        ["input 42", 42],
        ["input text", "text"],
        ["input list", [1, 2]],
        ["input nested", deep(40)],
      ];
      if (base && typeof base === "object" && !Array.isArray(base)) {
        for (const [key, value] of Object.entries(base)) {
          for (const bad of malformedFor(value)) cases.push([`${key}=${describeValue(bad)}`, { ...base, [key]: bad }]);
        }
      }
      for (const [label, input] of cases) {
        if (!p.input && label.startsWith("input")) continue; // no input: nothing to refuse
        const f = failure(p, label, await send(p, input));
        if (f) failures.push(f);
      }
    }
    expect(failures).toEqual([]);
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  }, 600_000);
});

function describeValue(v: unknown): string {
  if (typeof v === "string") return v.length > 20 ? `text(${v.length})` : JSON.stringify(v);
  if (typeof v === "number") return String(v);
  if (v instanceof Date) return `Date(${Number.isNaN(v.getTime()) ? "invalid" : v.getTime()})`;
  if (Array.isArray(v)) return `list(${v.length})`;
  return typeof v;
}
