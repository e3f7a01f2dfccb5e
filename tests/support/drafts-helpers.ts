// Helpers for the drafts integration tests: a committee with editors, a worker sign-off group and
// people in every other kind of seat (each signed in), drafts brought to a point of their life through
// the real procedures, and snapshots of the drafts tables (a refused call writes nothing).
import { expect } from "vitest";
import { databaseRefusal } from "../../server/domains/drafts/drafts.refusals.js";
import type { ModuleInput } from "../../server/domains/drafts/drafts.schema.js";
import type { SeatRole, Side } from "../../server/domains/partnerships/partnerships.schema.js";
import { addMember, createCommittee, createOrganization, createPartnership, createUser, seatOnBody, setDraftRoles } from "../../server/fixtures/factories.js";
import { refusal, snapshotData, type Db, type Refusal, type SignedIn, type TestApp } from "./test-app.js";

export type Person = SignedIn & { membershipId: string; name: string; side: Side };
export type DraftWorld = Awaited<ReturnType<typeof draftWorld>>;
export type DraftView = Awaited<ReturnType<SignedIn["trpc"]["drafts"]["draft"]["get"]>>;

let counter = 0;

/**
 * A partnership (union, employer, college) and a curriculum committee seating: a co-chair per side, a
 * management editor, two labor reviewers (the worker sign-off group, rule ALL), a labor member outside
 * the group, a neutral member, a labor observer. `outsider` is in the partnership without a seat on the
 * committee; `stranger` is in another partnership, where they co-chair.
 */
export async function draftWorld(app: TestApp, options: { rule?: "ALL" | "AT_LEAST"; minimum?: number } = {}) {
  const tag = ++counter;
  const founder = await createUser(app.db, { name: `Founder ${tag}`, hashCost: 4 });
  const { partnership, organization: union } = await createPartnership(app.db, { creatorId: founder.id, seat: "LABOR" });
  const employer = await createOrganization(app.db, { partnershipId: partnership.id, type: "EMPLOYER", side: "MANAGEMENT" });
  const college = await createOrganization(app.db, { partnershipId: partnership.id, type: "COLLEGE", side: "NEUTRAL" });
  const committee = await createCommittee(app.db, { partnershipId: partnership.id, name: `Curriculum committee ${tag}` });
  const orgOf: Record<Side, string> = { LABOR: union.id, MANAGEMENT: employer.id, NEUTRAL: college.id };

  async function person(name: string, side: Side, seat?: { role: SeatRole; isVoting?: boolean }): Promise<Person> {
    const user = await createUser(app.db, { name: `${name} ${tag}`, hashCost: 4 });
    const membership = await addMember(app.db, { partnershipId: partnership.id, organizationId: orgOf[side], userId: user.id });
    if (seat) await seatOnBody(app.db, { bodyId: committee.id, membershipId: membership.id, role: seat.role, isVoting: seat.isVoting });
    return { ...(await app.signIn(user)), membershipId: membership.id, name: user.name, side };
  }

  const laborChair = await person("Lena Labor-Chair", "LABOR", { role: "CO_CHAIR" });
  const managementChair = await person("Mark Management-Chair", "MANAGEMENT", { role: "CO_CHAIR" });
  const editor = await person("Eve Editor", "MANAGEMENT", { role: "MEMBER" });
  const editor2 = await person("Ed Second-Editor", "NEUTRAL", { role: "MEMBER" });
  const reviewer1 = await person("Rita Reviewer", "LABOR", { role: "MEMBER" });
  const reviewer2 = await person("Ray Reviewer", "LABOR", { role: "MEMBER" });
  const laborMember = await person("Luis Labor-Member", "LABOR", { role: "MEMBER" });
  const managementMember = await person("Mia Management-Member", "MANAGEMENT", { role: "MEMBER" });
  const observer = await person("Olga Observer", "LABOR", { role: "OBSERVER" });
  const outsider = await person("Otto Outsider", "LABOR");
  await setDraftRoles(app.db, {
    bodyId: committee.id,
    editors: [editor.membershipId, editor2.membershipId],
    reviewers: [reviewer1.membershipId, reviewer2.membershipId],
    rule: options.rule ?? "ALL",
    minimum: options.minimum ?? 1,
  });

  // Someone who co-chairs a different partnership: nothing of this one is theirs.
  const strangerUser = await createUser(app.db, { name: `Stella Stranger ${tag}`, hashCost: 4 });
  const other = await createPartnership(app.db, { creatorId: strangerUser.id, seat: "MANAGEMENT" });
  const stranger = await app.signIn(strangerUser);

  return {
    partnership,
    committee,
    union,
    employer,
    college,
    laborChair,
    managementChair,
    editor,
    editor2,
    reviewer1,
    reviewer2,
    reviewers: [reviewer1, reviewer2],
    laborMember,
    managementMember,
    observer,
    outsider,
    stranger,
    otherPartnership: other.partnership,
    person,
  };
}

export const IMT_MODULES: ModuleInput[] = [
  {
    title: "Safety and quality",
    objectives: "<p>The apprentice applies lockout/tagout on every machine and reads a control plan.</p><ul><li>Uses a torque wrench</li></ul>",
    competencies: "Lockout/tagout\nControl plans",
    relatedHours: 40,
    ojlHours: 120,
    assessment: "Written test and observed task",
    credential: "OSHA 10",
    testOut: true,
  },
  {
    title: "Blueprint reading",
    objectives: "<p>Reads prints, tolerances and geometric dimensioning for machined parts.</p>",
    competencies: "GD&T basics",
    relatedHours: 32,
    ojlHours: 80,
    assessment: "Practical",
    credential: "",
    testOut: false,
  },
];

/** The save input that keeps a view's working copy as it is (modules with their keys). */
export function saveInputOf(view: DraftView, overrides: { modules?: ModuleInput[]; newVersion?: { changeSummary: string } | null; title?: string } = {}) {
  return {
    draftId: view.draft.id,
    baseRevision: view.draft.revision,
    title: overrides.title ?? view.draft.title,
    occupation: view.draft.occupation,
    programKind: view.draft.programKind,
    modules: overrides.modules ?? view.modules,
    newVersion: overrides.newVersion ?? null,
  };
}

/** A draft created and saved by the editor with the IMT modules (still drafting). */
export async function draftingDraft(world: DraftWorld, modules: ModuleInput[] = IMT_MODULES) {
  const { id } = await world.editor.trpc.drafts.draft.create({
    bodyId: world.committee.id,
    title: "Industrial Manufacturing Technician",
    occupation: "Industrial Manufacturing Technician",
    programKind: "REGISTERED_APPRENTICESHIP",
  });
  const view = await world.editor.trpc.drafts.draft.get({ draftId: id });
  await world.editor.trpc.drafts.draft.save(saveInputOf(view, { modules }));
  return world.editor.trpc.drafts.draft.get({ draftId: id });
}

/** A draft whose version 1 is in review. */
export async function draftInReview(world: DraftWorld, modules: ModuleInput[] = IMT_MODULES) {
  const view = await draftingDraft(world, modules);
  await world.editor.trpc.drafts.draft.save(saveInputOf(view, { newVersion: { changeSummary: "First draft for worker review" } }));
  return world.editor.trpc.drafts.draft.get({ draftId: view.draft.id });
}

/** Saves a changed working copy as the next version (the editor edits module 0's title). */
export async function nextVersion(world: DraftWorld, draftId: string, summary = "Revised after review") {
  const view = await world.editor.trpc.drafts.draft.get({ draftId });
  const modules = view.modules.map((m, i) => (i === 0 ? { ...m, title: `${m.title} (rev ${view.draft.currentVersion + 1})` } : m));
  await world.editor.trpc.drafts.draft.save(saveInputOf(view, { modules, newVersion: { changeSummary: summary } }));
  return world.editor.trpc.drafts.draft.get({ draftId });
}

/**
 * Awaits a direct database write that PostgreSQL must refuse by one of its rules (a trigger or a CHECK:
 * SQLSTATE check_violation, or restrict_violation for the append-only tables) with a message matching
 * `pattern`. Model queries and raw queries reject with different error shapes; `databaseRefusal` is
 * the one reader of both that the use cases rely on.
 */
export async function refusedByTrigger(write: Promise<unknown>, pattern: RegExp) {
  const error = await write.then(
    () => expect.fail("the database accepted the write"),
    (e: unknown) => e,
  );
  const refusal = databaseRefusal(error);
  expect(refusal, `not a refusal by a database rule: ${String(error)}`).not.toBeNull();
  expect(["23514", "23001"]).toContain(refusal!.code);
  expect(refusal!.message).toMatch(pattern);
}

/** Every row of the drafts tables and of the tables `snapshotData` covers, ordered by id. */
export async function draftsData(db: Db) {
  const byId = { orderBy: { id: "asc" } } as const;
  const [base, drafts, modules, versions, signOffs, adoptions, comments, mentions, editors, reviewers, settings] = await Promise.all([
    snapshotData(db),
    db.draft.findMany(byId),
    db.draftModule.findMany(byId),
    db.draftVersion.findMany(byId),
    db.draftSignOff.findMany(byId),
    db.draftAdoption.findMany(byId),
    db.draftComment.findMany(byId),
    db.draftMention.findMany({ orderBy: [{ commentId: "asc" }, { userId: "asc" }] }),
    db.draftEditor.findMany(byId),
    db.draftReviewer.findMany(byId),
    db.draftSettings.findMany({ orderBy: { bodyId: "asc" } }),
  ]);
  return { ...base, drafts, modules, versions, signOffs, adoptions, comments, mentions, editors, reviewers, settings };
}

/** Awaits a call that must be refused with `code`, and checks that it wrote nothing anywhere. */
export async function refusedWithoutWrites(db: Db, code: Refusal["code"], call: () => Promise<unknown>): Promise<Refusal> {
  const before = await draftsData(db);
  const refused = await refusal(call());
  expect(refused.code, refused.message).toBe(code);
  expect(await draftsData(db)).toEqual(before);
  return refused;
}
