// Curriculum drafts: the working copy and its optimistic concurrency, immutable numbered versions,
// comparing versions, sanitized rich text and the limits on what a draft takes.
import { afterAll, describe, expect, it } from "vitest";
import { betweenChecksAndTransaction } from "../support/meetings-helpers.js";
import {
  draftInReview,
  draftingDraft,
  draftWorld,
  IMT_MODULES,
  nextVersion,
  refusedByTrigger,
  refusedWithoutWrites,
  saveInputOf,
} from "../support/drafts-helpers.js";
import { refusal, startTestApp } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

describe("working copy", () => {
  it("an editor creates a draft and saves modules; keys are given once and kept; hours are totalled", async () => {
    const world = await draftWorld(app);
    const view = await draftingDraft(world);
    expect(view.draft.status).toBe("DRAFTING");
    expect(view.draft.revision).toBe(1);
    expect(view.modules.map((m) => m.title)).toEqual(["Safety and quality", "Blueprint reading"]);
    expect(view.modules.every((m) => /^[a-z0-9_-]{4,40}$/i.test(m.key))).toBe(true);
    expect(view.hours).toMatchObject({ related: 72, ojl: 200, total: 272, testOutHours: 160 });

    // Saving again with the same keys keeps them; a new module gets its own.
    const keys = view.modules.map((m) => m.key);
    await world.editor.trpc.drafts.draft.save(saveInputOf(view, { modules: [...view.modules, { ...IMT_MODULES[1]!, key: undefined, title: "CNC operation" }] }));
    const after = await world.reviewer1.trpc.drafts.draft.get({ draftId: view.draft.id });
    expect(after.modules.slice(0, 2).map((m) => m.key)).toEqual(keys);
    expect(after.modules[2]!.key).not.toBe(keys[1]);
    expect(after.draft.revision).toBe(2);
    expect(after.versions).toEqual([]);
  });

  it("a stale save is refused with CONFLICT, writes nothing, and the other editor's changes are there to see", async () => {
    const world = await draftWorld(app);
    const start = await draftingDraft(world);
    // Both editors start from the same revision.
    const mine = saveInputOf(start, { modules: start.modules.map((m, i) => (i === 1 ? { ...m, ojlHours: 999 } : m)) });
    await world.editor2.trpc.drafts.draft.save(saveInputOf(start, { modules: start.modules.map((m, i) => (i === 0 ? { ...m, title: "Safety first" } : m)) }));

    const refused = await refusedWithoutWrites(app.db, "CONFLICT", () => world.editor.trpc.drafts.draft.save(mine));
    expect(refused.message).toContain(world.editor2.name);
    const now = await world.editor.trpc.drafts.draft.get({ draftId: start.draft.id });
    expect(now.modules[0]!.title).toBe("Safety first");
    expect(now.modules[1]!.ojlHours).toBe(80);
    expect(now.draft.updatedByName).toBe(world.editor2.name);

    // Applying my edit again on top of theirs, from the new revision, works.
    await world.editor.trpc.drafts.draft.save({ ...mine, baseRevision: now.draft.revision, modules: now.modules.map((m, i) => (i === 1 ? { ...m, ojlHours: 999 } : m)) });
    const merged = await world.editor.trpc.drafts.draft.get({ draftId: start.draft.id });
    expect(merged.modules.map((m) => [m.title, m.ojlHours])).toEqual([["Safety first", 120], ["Blueprint reading", 999]]);
  });

  it("two saves from the same revision at the same moment: exactly one wins, the other gets CONFLICT", async () => {
    const world = await draftWorld(app);
    const start = await draftingDraft(world);
    const results = await Promise.allSettled(
      [world.editor, world.editor2, world.editor, world.editor2].map((e, i) =>
        e.trpc.drafts.draft.save(saveInputOf(start, { title: `Title from save ${i}` })),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((x): x is PromiseRejectedResult => x.status === "rejected")) expect(r.reason.code).toBe("CONFLICT");
    const after = await app.db.draft.findUniqueOrThrow({ where: { id: start.draft.id } });
    expect(after.revision).toBe(start.draft.revision + 1);
  });

  it("who may write: editors and co-chairs; members, reviewers, observers and outsiders may not", async () => {
    const world = await draftWorld(app);
    const view = await draftingDraft(world);
    await world.laborChair.trpc.drafts.draft.save(saveInputOf(view, { title: "Renamed by the co-chair" }));
    const fresh = await world.editor.trpc.drafts.draft.get({ draftId: view.draft.id });
    for (const who of [world.laborMember, world.reviewer1, world.observer]) {
      await refusedWithoutWrites(app.db, "FORBIDDEN", () => who.trpc.drafts.draft.save(saveInputOf(fresh)));
    }
    // Not on the committee, or not in the partnership: the draft does not exist for them.
    for (const who of [world.outsider, world.stranger]) {
      await refusedWithoutWrites(app.db, "NOT_FOUND", () => who.trpc.drafts.draft.save(saveInputOf(fresh)));
      await refusedWithoutWrites(app.db, "NOT_FOUND", () => who.trpc.drafts.draft.get({ draftId: view.draft.id }));
    }
    await refusedWithoutWrites(app.db, "FORBIDDEN", () =>
      world.laborMember.trpc.drafts.draft.create({ bodyId: world.committee.id, title: "Mine", occupation: "Welder", programKind: "SHORT_COURSE" }),
    );
    await refusedWithoutWrites(app.db, "NOT_FOUND", () =>
      world.stranger.trpc.drafts.draft.create({ bodyId: world.committee.id, title: "Mine", occupation: "Welder", programKind: "SHORT_COURSE" }),
    );
    // Lists show only the drafts of bodies the viewer sits on.
    expect((await world.laborMember.trpc.drafts.draft.list({ partnershipId: world.partnership.id })).drafts.map((d) => d.id)).toContain(view.draft.id);
    expect((await world.outsider.trpc.drafts.draft.list({ partnershipId: world.partnership.id })).drafts).toEqual([]);
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.stranger.trpc.drafts.draft.list({ partnershipId: world.partnership.id }));
  });
});

describe("versions", () => {
  it("starting review freezes version 1 with who, when and the summary; later saves do not change it", async () => {
    const world = await draftWorld(app);
    const view = await draftInReview(world);
    expect(view.draft).toMatchObject({ status: "IN_REVIEW", currentVersion: 1 });
    expect(view.versions).toHaveLength(1);
    expect(view.versions[0]).toMatchObject({ number: 1, changeSummary: "First draft for worker review", createdByName: world.editor.name });

    // The working copy moves on; version 1 stays as it was.
    await world.editor.trpc.drafts.draft.save(saveInputOf(view, { modules: view.modules.map((m) => ({ ...m, title: `${m.title}!` })) }));
    const v1 = await world.managementMember.trpc.drafts.version.get({ draftId: view.draft.id, number: 1 });
    expect(v1.snapshot.modules.map((m) => m.title)).toEqual(["Safety and quality", "Blueprint reading"]);
    expect(v1.hours.total).toBe(272);
    expect((await world.editor.trpc.drafts.draft.get({ draftId: view.draft.id })).draft.currentVersion).toBe(1);

    // The database refuses any change to a version, whoever asks.
    const row = await app.db.draftVersion.findFirstOrThrow({ where: { draftId: view.draft.id } });
    await refusedByTrigger(app.db.draftVersion.update({ where: { id: row.id }, data: { changeSummary: "rewritten" } }), /append-only/);
    await refusedByTrigger(app.db.draftVersion.delete({ where: { id: row.id } }), /append-only/);
    // …and a version number out of sequence.
    await refusedByTrigger(
      app.db.draftVersion.create({ data: { draftId: view.draft.id, number: 5, snapshot: {}, changeSummary: "x", createdById: "x", createdByName: "x" } }),
      /next number/,
    );
    await refusal(world.editor.trpc.drafts.version.get({ draftId: view.draft.id, number: 9 })).then((r) => expect(r.code).toBe("NOT_FOUND"));
  });

  it("asking for review needs a summary and at least one module", async () => {
    const world = await draftWorld(app);
    const view = await draftingDraft(world);
    const noSummary = await refusedWithoutWrites(app.db, "BAD_REQUEST", () =>
      world.editor.trpc.drafts.draft.save(saveInputOf(view, { newVersion: { changeSummary: "  " } })),
    );
    expect(noSummary.fieldErrors).toBeTruthy();
    await refusedWithoutWrites(app.db, "BAD_REQUEST", () =>
      world.editor.trpc.drafts.draft.save(saveInputOf(view, { modules: [], newVersion: { changeSummary: "Empty" } })),
    );
  });

  it("compares any two versions module by module: added, removed, changed (word highlights), unchanged", async () => {
    const world = await draftWorld(app);
    const v1 = await draftInReview(world);
    const [safety, blueprint] = v1.modules;
    await world.editor.trpc.drafts.draft.save(
      saveInputOf(v1, {
        modules: [
          { ...safety!, objectives: "<p>The apprentice applies lockout/tagout on every machine and audits a control plan.</p><ul><li>Uses a torque wrench</li></ul>", ojlHours: 140 },
          { title: "Metrology", objectives: "<p>Measures with micrometers.</p>", competencies: "", relatedHours: 16, ojlHours: 40, assessment: "", credential: "", testOut: false },
        ],
        newVersion: { changeSummary: "Metrology replaces blueprints; more OJL for safety" },
      }),
    );
    const diff = await world.managementMember.trpc.drafts.version.compare({ draftId: v1.draft.id, from: 1, to: 2 });
    const byKey = new Map(diff.modules.map((m) => [m.key, m]));
    expect(byKey.get(safety!.key)!.status).toBe("changed");
    expect(byKey.get(blueprint!.key)!.status).toBe("removed");
    expect(diff.modules.find((m) => m.title === "Metrology")!.status).toBe("added");
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 0 });

    const objectives = byKey.get(safety!.key)!.fields.find((f) => f.field === "objectives")!;
    expect(objectives.changed).toBe(true);
    expect(objectives.parts.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(["reads"]);
    expect(objectives.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["audits"]);
    expect(objectives.parts.map((p) => p.value).join("")).not.toContain("<p>");
    const ojl = byKey.get(safety!.key)!.fields.find((f) => f.field === "ojlHours")!;
    expect(ojl.parts).toEqual([{ value: "120", removed: true }, { value: "140", added: true }]);
    expect(byKey.get(safety!.key)!.fields.find((f) => f.field === "title")!.changed).toBe(false);
    expect([diff.fromHours.total, diff.toHours.total]).toEqual([272, 236]);

    // The same version against itself: nothing changed. The working copy is "version 0".
    const same = await world.editor.trpc.drafts.version.compare({ draftId: v1.draft.id, from: 2, to: 0 });
    expect(same.counts).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 2 });
    await refusal(world.outsider.trpc.drafts.version.compare({ draftId: v1.draft.id, from: 1, to: 2 })).then((r) => expect(r.code).toBe("NOT_FOUND"));
  });
});

describe("bad input", () => {
  it("scripts, event handlers, styles and unsafe links are stripped from module text", async () => {
    const world = await draftWorld(app);
    const view = await draftingDraft(world);
    const dirty =
      '<h1 onclick="steal()">Safety</h1><script>alert(1)</script><p style="position:fixed" onmouseover="x()">Read the <a href="javascript:alert(1)">plan</a> and the <a href="https://osha.gov/lockout" target="_blank">rule</a>.</p><img src=x onerror="alert(1)"><iframe src="https://evil.test"></iframe><ol><li><strong>Lock</strong> <em>out</em></li></ol><a href="mailto:ri@local.test">mail</a>';
    await world.editor.trpc.drafts.draft.save(saveInputOf(view, { modules: [{ ...view.modules[0]!, objectives: dirty }] }));
    const saved = (await world.editor.trpc.drafts.draft.get({ draftId: view.draft.id })).modules[0]!.objectives;
    expect(saved).not.toMatch(/script|onclick|onmouseover|onerror|style=|javascript:|iframe|<img|target=/i);
    expect(saved).toContain('<a href="https://osha.gov/lockout" rel="noopener noreferrer nofollow">rule</a>');
    expect(saved).toContain('href="mailto:ri@local.test"');
    expect(saved).toContain("<h2>Safety</h2>");
    expect(saved).toContain("<ol><li><strong>Lock</strong> <em>out</em></li></ol>");
  });

  it("refuses over-long module text, bad hours, too many modules, a bad title, and writes nothing", async () => {
    const world = await draftWorld(app);
    const view = await draftingDraft(world);
    const base = view.modules[0]!;
    const tooLong = await refusedWithoutWrites(app.db, "BAD_REQUEST", () =>
      world.editor.trpc.drafts.draft.save(saveInputOf(view, { modules: [{ ...base, objectives: `<p>${"x".repeat(100_001)}</p>` }] })),
    );
    expect(JSON.stringify(tooLong.fieldErrors)).toContain("100,000");
    await refusedWithoutWrites(app.db, "BAD_REQUEST", () => world.editor.trpc.drafts.draft.save(saveInputOf(view, { modules: [{ ...base, ojlHours: -5 }] })));
    await refusedWithoutWrites(app.db, "BAD_REQUEST", () => world.editor.trpc.drafts.draft.save(saveInputOf(view, { modules: [{ ...base, relatedHours: 2.5 }] })));
    await refusedWithoutWrites(app.db, "BAD_REQUEST", () =>
      world.editor.trpc.drafts.draft.save(saveInputOf(view, { modules: Array.from({ length: 61 }, (_, i) => ({ ...base, key: undefined, title: `M${i}` })) })),
    );
    await refusedWithoutWrites(app.db, "BAD_REQUEST", () => world.editor.trpc.drafts.draft.save(saveInputOf(view, { title: "" })));
    await refusedWithoutWrites(app.db, "BAD_REQUEST", () =>
      world.editor.trpc.drafts.draft.save(saveInputOf(view, { modules: [base, { ...base, title: "Duplicate key" }] })),
    );
    // Exactly 100,000 characters of text is fine.
    await world.editor.trpc.drafts.draft.save(saveInputOf(view, { modules: [{ ...base, objectives: "y".repeat(100_000) }] }));
  });

  it("a withdrawn draft is read-only, also at the database", async () => {
    const world = await draftWorld(app);
    const view = await draftInReview(world);
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.reviewer1.trpc.drafts.draft.withdraw({ draftId: view.draft.id }));
    await world.editor.trpc.drafts.draft.withdraw({ draftId: view.draft.id });
    const withdrawn = await world.editor.trpc.drafts.draft.get({ draftId: view.draft.id });
    expect(withdrawn.draft.status).toBe("WITHDRAWN");
    expect(withdrawn.viewer.canEdit).toBe(false);
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.editor.trpc.drafts.draft.save(saveInputOf(withdrawn)));
    await refusedByTrigger(app.db.draftModule.deleteMany({ where: { draftId: view.draft.id } }), /read-only/);
    await refusedByTrigger(app.db.draft.update({ where: { id: view.draft.id }, data: { status: "DRAFTING" } }), /read-only/);
    // Raw SQL meets the same rule (and reaches the app as a differently shaped error).
    await refusedByTrigger(app.db.$executeRawUnsafe(`UPDATE "Draft" SET "title" = $1 WHERE "id" = $2`, "Renamed", view.draft.id), /read-only/);
    await refusedByTrigger(app.db.$executeRaw`INSERT INTO "DraftModule" ("id", "draftId", "key", "position", "title") VALUES ('m-late', ${view.draft.id}, 'late', 9, 'Late')`, /read-only/);
  });

  it("a new version while drafting is numbered after the last one", async () => {
    const world = await draftWorld(app);
    const view = await draftInReview(world);
    const v2 = await nextVersion(world, view.draft.id);
    expect(v2.versions.map((v) => v.number)).toEqual([2, 1]);
  });

  it("a save racing a new version from the same base: one of them is refused, the version is intact", async () => {
    const world = await draftWorld(app);
    const view = await draftInReview(world);
    const race = betweenChecksAndTransaction(app.db, () => world.editor2.trpc.drafts.draft.save(saveInputOf(view, { title: "Quick rename" })));
    const refused = await refusal(world.editor.trpc.drafts.draft.save(saveInputOf(view, { newVersion: { changeSummary: "v2" } })));
    expect((await race.outcome).status).toBe("fulfilled");
    expect(refused.code).toBe("CONFLICT");
    const after = await world.editor.trpc.drafts.draft.get({ draftId: view.draft.id });
    expect(after.draft).toMatchObject({ title: "Quick rename", currentVersion: 1 });
  });
});
