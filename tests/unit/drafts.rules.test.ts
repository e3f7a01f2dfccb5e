// Pure rules of curriculum drafts: hours, the sign-off rule, status moves, plain text, anchors, diffs,
// mentions; the policy's predicates (who may do what in which state); reading database refusals.
import { describe, expect, it } from "vitest";
import type { SeatFacts } from "../../server/access/access.rules.js";
import {
  acceptsSignOff,
  adoptionProblem,
  canComment,
  canEdit,
  canMoveAdoption,
  canProposeAdoption,
  canRecordRegistration,
  canResolve,
  canSignOff,
} from "../../server/domains/drafts/drafts.policy.js";
import { databaseRefusal } from "../../server/domains/drafts/drafts.refusals.js";
import {
  canMove,
  compareSnapshots,
  findMentions,
  locateAnchor,
  makeAnchor,
  plainText,
  signOffState,
  totalHours,
  type DraftSnapshot,
  type ModuleSnapshot,
} from "../../server/domains/drafts/drafts.rules.js";

const mod = (key: string, over: Partial<ModuleSnapshot> = {}): ModuleSnapshot => ({
  key,
  title: `Module ${key}`,
  objectives: "",
  competencies: "",
  relatedHours: 0,
  ojlHours: 0,
  assessment: "",
  credential: "",
  testOut: false,
  ...over,
});
const snap = (modules: ModuleSnapshot[]): DraftSnapshot => ({ title: "IMT", occupation: "Technician", programKind: "REGISTERED_APPRENTICESHIP", modules });

describe("hours", () => {
  it("totals related instruction and on-the-job learning, and what a skilled worker may test out of", () => {
    expect(totalHours([mod("a", { relatedHours: 40, ojlHours: 120, testOut: true }), mod("b", { relatedHours: 32, ojlHours: 80 })])).toEqual({
      related: 72,
      ojl: 200,
      total: 272,
      testOutHours: 160,
    });
    expect(totalHours([])).toEqual({ related: 0, ojl: 0, total: 0, testOutHours: 0 });
  });
});

describe("sign-off rule", () => {
  const decisions = (...pairs: Array<[string, "SIGNED_OFF" | "CHANGES_REQUESTED"]>) => pairs.map(([reviewerMembershipId, decision]) => ({ reviewerMembershipId, decision }));
  it("ALL needs every member of the group; a request for changes blocks it", () => {
    expect(signOffState({ rule: "ALL", minimum: 1, groupMembershipIds: ["a", "b"], decisions: decisions(["a", "SIGNED_OFF"]) })).toMatchObject({ met: false, signed: 1, required: 2 });
    expect(signOffState({ rule: "ALL", minimum: 1, groupMembershipIds: ["a", "b"], decisions: decisions(["a", "SIGNED_OFF"], ["b", "SIGNED_OFF"]) }).met).toBe(true);
    expect(signOffState({ rule: "ALL", minimum: 1, groupMembershipIds: ["a", "b"], decisions: decisions(["a", "SIGNED_OFF"], ["b", "CHANGES_REQUESTED"]) })).toMatchObject({ met: false, changesRequested: 1 });
  });
  it("AT_LEAST n counts sign-offs of current members only; an empty group never meets any rule", () => {
    expect(signOffState({ rule: "AT_LEAST", minimum: 2, groupMembershipIds: ["a", "b", "c"], decisions: decisions(["a", "SIGNED_OFF"], ["x", "SIGNED_OFF"]) }).met).toBe(false);
    expect(signOffState({ rule: "AT_LEAST", minimum: 2, groupMembershipIds: ["a", "b", "c"], decisions: decisions(["a", "SIGNED_OFF"], ["c", "SIGNED_OFF"]) }).met).toBe(true);
    expect(signOffState({ rule: "ALL", minimum: 1, groupMembershipIds: [], decisions: [] }).met).toBe(false);
    expect(signOffState({ rule: "AT_LEAST", minimum: 1, groupMembershipIds: [], decisions: decisions(["x", "SIGNED_OFF"]) }).met).toBe(false);
  });
});

describe("status", () => {
  it("moves forward only; adopted and withdrawn are final; a new version returns signed off to review", () => {
    expect(canMove("DRAFTING", "IN_REVIEW")).toBe(true);
    expect(canMove("SIGNED_OFF", "IN_REVIEW")).toBe(true);
    expect(canMove("IN_REVIEW", "ADOPTED")).toBe(false);
    expect(canMove("DRAFTING", "ADOPTED")).toBe(false);
    expect(canMove("ADOPTED", "IN_REVIEW")).toBe(false);
    expect(canMove("WITHDRAWN", "DRAFTING")).toBe(false);
  });
});

describe("plain text", () => {
  it("is every text node in order, with entities decoded, as the browser's DOM has it", () => {
    expect(plainText("<h2>Safety &amp; quality</h2><p>5 &lt; 6 &quot;ok&quot; &#39;x&#39; &#x41;</p><ul>\n<li>a</li></ul>")).toBe("Safety & quality5 < 6 \"ok\" 'x' A\na");
  });
});

describe("anchors", () => {
  const text = "Set up the lathe safely. Check the chuck key. Run the lathe safely at low speed.";
  it("are made only for offsets inside the text that span exactly the quote", () => {
    const made = makeAnchor(text, 4, 9, "up th");
    expect(made).toEqual({ ok: true, anchor: { quote: "up th", start: 4, end: 9, prefix: "Set ", suffix: "e lathe safely. Check the chuck " } });
    expect(makeAnchor(text, 70, 200, "x").ok).toBe(false);
    expect(makeAnchor(text, -1, 3, "Set").ok).toBe(false);
    expect(makeAnchor(text, 5, 5, "").ok).toBe(false);
    expect(makeAnchor(text, 0, 3, "Sit").ok).toBe(false);
    expect(makeAnchor(text, 3, 4, " ").ok).toBe(false);
  });
  it("are kept in place, moved with their context, or outdated when the quote is gone", () => {
    const at = text.lastIndexOf("lathe safely");
    const made = makeAnchor(text, at, at + 12, "lathe safely");
    if (!made.ok) throw new Error(made.message);
    expect(locateAnchor(text, made.anchor)).toEqual({ state: "kept", start: at, end: at + 12 });
    const edited = `Before anything: ${text}`;
    expect(locateAnchor(edited, made.anchor)).toEqual({ state: "moved", start: edited.lastIndexOf("lathe safely"), end: edited.lastIndexOf("lathe safely") + 12 });
    // The first occurrence's context changed too: the matching context still wins over nearness.
    const swapped = text.replace("Set up the lathe safely.", "Run the lathe safely at high speed first.");
    expect(locateAnchor(swapped, made.anchor)).toMatchObject({ state: "moved", start: swapped.lastIndexOf("lathe safely") });
    expect(locateAnchor(text.replaceAll("lathe safely", "lathe carefully"), made.anchor)).toEqual({ state: "outdated" });
  });
});

describe("diff", () => {
  it("matches modules by key: added, removed, changed with word parts, unchanged, reordered", () => {
    const from = snap([mod("a", { objectives: "<p>Read a control plan.</p>", ojlHours: 120 }), mod("b"), mod("c")]);
    const to = snap([mod("c"), mod("a", { objectives: "<p>Audit a control plan.</p>", ojlHours: 140 }), mod("d")]);
    const diff = compareSnapshots(from, to);
    const status = Object.fromEntries(diff.modules.map((m) => [m.key, m.status]));
    expect(status).toEqual({ a: "changed", b: "removed", c: "changed", d: "added" });
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 2, unchanged: 0 });
    const objectives = diff.modules.find((m) => m.key === "a")!.fields.find((f) => f.field === "objectives")!;
    expect(objectives.parts).toEqual([{ value: "Read", removed: true }, { value: "Audit", added: true }, { value: " a control plan." }]);
    expect(compareSnapshots(to, to).counts).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 3 });
  });
});

describe("mentions", () => {
  const people = [
    { userId: "1", name: "Luis Ortega" },
    { userId: "2", name: "Luis Ortega Jr" },
    { userId: "3", name: "Ann" },
  ];
  it("finds @Full Name case-insensitively, whole names only", () => {
    expect(findMentions("@luis ortega please check", people).map((p) => p.userId)).toEqual(["1"]);
    expect(findMentions("@Luis Ortega Jr and @Ann.", people).map((p) => p.userId).sort()).toEqual(["2", "3"]);
    expect(findMentions("@Annette and luis ortega", people)).toEqual([]);
  });
});

describe("merging a stale save", () => {
  it("takes each module from the side that changed it, keeps both sides' additions, reports clashes", async () => {
    const { mergeModules } = await import("../../server/domains/drafts/drafts.rules.js");
    const base = [mod("a"), mod("b"), mod("c"), mod("d")];
    const mine = [mod("a", { title: "A mine" }), mod("b", { ojlHours: 5 }), mod("c"), mod("e", { title: "E new" })];
    const theirs = [mod("a"), mod("b", { ojlHours: 9 }), mod("d", { relatedHours: 3 }), mod("f", { title: "F theirs" })];
    const { merged, bothChanged, theirChanges } = mergeModules(base, mine, theirs);
    // a: mine; b: both changed → mine; c: they removed, I did not change → gone; d: I removed, they changed → theirs; f and e added.
    expect(merged.map((m) => [m.key, m.title, m.ojlHours, m.relatedHours])).toEqual([
      ["a", "A mine", 0, 0],
      ["b", "Module b", 5, 0],
      ["d", "Module d", 0, 3],
      ["f", "F theirs", 0, 0],
      ["e", "E new", 0, 0],
    ]);
    expect(bothChanged).toEqual(["Module b"]);
    expect(theirChanges).toEqual(["Module b", "Module d", "F theirs", "Module c (removed)"]);
  });
});

describe("readable text", () => {
  it("puts each block on its own line for diffs", async () => {
    const { readableText } = await import("../../server/domains/drafts/drafts.rules.js");
    expect(readableText("<h2>Goals</h2><p>Read a plan.</p><ul><li>Measure</li><li>Stop &amp; report</li></ul>")).toBe("Goals\nRead a plan.\n• Measure\n• Stop & report");
  });
});

describe("policy", () => {
  const seat = (role: SeatFacts["role"], coChairSide: SeatFacts["coChairSide"] = null): SeatFacts => ({ role, coChairSide, isVoting: true });
  const inReview = { status: "IN_REVIEW" as const, currentVersion: 2 };

  it("editing and commenting need an open draft; observers never comment", () => {
    expect(canEdit(seat("MEMBER"), true, inReview)).toBe(true);
    expect(canEdit(seat("CO_CHAIR", "LABOR"), false, inReview)).toBe(true);
    expect(canEdit(seat("MEMBER"), false, inReview)).toBe(false);
    expect(canEdit(seat("MEMBER"), true, { status: "WITHDRAWN", currentVersion: 2 })).toBe(false);
    expect(canComment(seat("MEMBER"), inReview)).toBe(true);
    expect(canComment(seat("OBSERVER"), inReview)).toBe(false);
    expect(canComment(seat("MEMBER"), { status: "ADOPTED", currentVersion: 2 })).toBe(false);
    expect(canResolve({ isAuthor: false, mayEdit: true })).toBe(true);
    expect(canResolve({ isAuthor: false, mayEdit: false })).toBe(false);
  });

  it("a decision is taken once, on the current version under review", () => {
    expect(acceptsSignOff(inReview, 2)).toBe(true);
    expect(acceptsSignOff(inReview, 1)).toBe(false);
    expect(acceptsSignOff({ status: "SIGNED_OFF", currentVersion: 2 }, 2)).toBe(true);
    expect(acceptsSignOff({ status: "DRAFTING", currentVersion: 0 }, 0)).toBe(false);
    expect(acceptsSignOff({ status: "ADOPTED", currentVersion: 2 }, 2)).toBe(false);
    expect(canSignOff({ isReviewer: true, hasDecided: false, draft: inReview })).toBe(true);
    expect(canSignOff({ isReviewer: true, hasDecided: true, draft: inReview })).toBe(false);
    expect(canSignOff({ isReviewer: false, hasDecided: false, draft: inReview })).toBe(false);
  });

  it("either side's co-chair (or staff, to prepare) proposes adopting a signed-off version whose rule is met; no one adopts alone", () => {
    const signed = { status: "SIGNED_OFF" as const, currentVersion: 1 };
    expect(canProposeAdoption(seat("CO_CHAIR", "MANAGEMENT"), signed, true)).toBe(true);
    expect(canProposeAdoption(seat("CO_CHAIR", "LABOR"), signed, true)).toBe(true);
    expect(canProposeAdoption(seat("STAFF"), signed, true)).toBe(true);
    expect(canProposeAdoption(seat("CO_CHAIR", "MANAGEMENT"), signed, false)).toBe(false);
    expect(canProposeAdoption(seat("CO_CHAIR", "MANAGEMENT"), inReview, true)).toBe(false);
    expect(canProposeAdoption(seat("MEMBER"), signed, true)).toBe(false);
  });

  it("voting members move a motion to adopt the signed-off version; observers, staff and advisory members do not", () => {
    const signed = { status: "SIGNED_OFF" as const, currentVersion: 2 };
    expect(canMoveAdoption(seat("MEMBER"), signed, true)).toBe(true);
    expect(canMoveAdoption(seat("CO_CHAIR", "LABOR"), signed, true)).toBe(true);
    expect(canMoveAdoption({ ...seat("MEMBER"), isVoting: false }, signed, true)).toBe(false);
    expect(canMoveAdoption(seat("OBSERVER"), signed, true)).toBe(false);
    expect(canMoveAdoption(seat("MEMBER"), signed, false)).toBe(false);
  });

  it("says why a version cannot be adopted or put to a vote", () => {
    const signed = { status: "SIGNED_OFF" as const, currentVersion: 2, ruleMet: true };
    expect(adoptionProblem(signed, 2)).toBeNull();
    expect(adoptionProblem(signed, 1)).toMatch(/Version 2 replaced version 1/);
    expect(adoptionProblem({ ...signed, ruleMet: false }, 2)).toMatch(/not signed off/);
    expect(adoptionProblem({ ...signed, status: "IN_REVIEW" }, 2)).toMatch(/not signed off/);
    expect(adoptionProblem({ ...signed, status: "ADOPTED" }, 2)).toMatch(/already adopted/);
    expect(adoptionProblem({ ...signed, status: "WITHDRAWN" }, 2)).toMatch(/withdrawn/);
  });

  it("the registration step is for an adopted registered-apprenticeship standard, recorded by co-chairs or staff", () => {
    const adopted = { status: "ADOPTED" as const, programKind: "REGISTERED_APPRENTICESHIP" };
    expect(canRecordRegistration(seat("CO_CHAIR", "LABOR"), adopted)).toBe(true);
    expect(canRecordRegistration(seat("STAFF"), adopted)).toBe(true);
    expect(canRecordRegistration(seat("MEMBER"), adopted)).toBe(false);
    expect(canRecordRegistration(seat("CO_CHAIR", "LABOR"), { ...adopted, programKind: "SHORT_COURSE" })).toBe(false);
    expect(canRecordRegistration(seat("CO_CHAIR", "LABOR"), { ...adopted, status: "SIGNED_OFF" })).toBe(false);
  });
});

describe("database refusals", () => {
  const cause = { originalCode: "23514", originalMessage: "An adopted or withdrawn draft is read-only", kind: "postgres", code: "23514", message: "An adopted or withdrawn draft is read-only" };

  it("reads a trigger's or a CHECK's refusal from a model query and from a raw query", () => {
    expect(databaseRefusal({ name: "DriverAdapterError", cause })).toEqual({ code: "23514", message: "An adopted or withdrawn draft is read-only" });
    expect(databaseRefusal({ name: "PrismaClientKnownRequestError", code: "P2010", meta: { driverAdapterError: { cause } } })).toEqual({
      code: "23514",
      message: "An adopted or withdrawn draft is read-only",
    });
    expect(databaseRefusal({ name: "DriverAdapterError", cause: { ...cause, originalCode: "23001", code: "23001", originalMessage: "DraftVersion is append-only" } })?.code).toBe("23001");
  });

  it("ignores every other error", () => {
    expect(databaseRefusal({ code: "P2002", meta: { target: ["draftId"] } })).toBeNull();
    expect(databaseRefusal({ name: "DriverAdapterError", cause: { originalCode: "40P01", message: "deadlock detected" } })).toBeNull();
    expect(databaseRefusal(new Error("boom"))).toBeNull();
    expect(databaseRefusal(null)).toBeNull();
  });
});
