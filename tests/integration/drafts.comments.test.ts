// Comments on drafts: on the draft, a module or a selected passage; passages follow their text across
// versions (kept, moved) or are shown as outdated, never lost; threads, @mentions, resolve/reopen; the
// draft's live room (permission-checked join, events after commit, presence).
import { afterAll, describe, expect, it } from "vitest";
import { plainText } from "../../server/domains/drafts/drafts.rules.js";
import { eventMatching, notificationsOf, settle } from "../support/meetings-helpers.js";
import { draftInReview, draftWorld, refusedWithoutWrites, saveInputOf, type DraftView, type DraftWorld } from "../support/drafts-helpers.js";
import { collectEvents, joinRoom, startTestApp } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

const PASSAGE = "reads a control plan";

/** An anchor for `quote` in module `index` of a view's version (its plain text, as the browser has it). */
function anchorIn(view: DraftView, quote: string, index = 0) {
  const module = view.modules[index]!;
  const text = plainText(module.objectives);
  const start = text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  return { moduleKey: module.key, anchor: { start, end: start + quote.length, quote, version: view.draft.currentVersion } };
}

async function saveVersionWith(world: DraftWorld, draftId: string, change: (objectives: string, index: number) => string, keep = (_i: number) => true) {
  const view = await world.editor.trpc.drafts.draft.get({ draftId });
  const modules = view.modules.filter((_, i) => keep(i)).map((m, i) => ({ ...m, objectives: change(m.objectives, i) }));
  await world.editor.trpc.drafts.draft.save(saveInputOf(view, { modules, newVersion: { changeSummary: "Edited" } }));
}

describe("anchored comments across versions", () => {
  it("a passage comment is kept, then moved, then outdated as the text changes; it is never lost", async () => {
    const world = await draftWorld(app);
    const v1 = await draftInReview(world);
    const draftId = v1.draft.id;
    const { id } = await world.reviewer1.trpc.drafts.comment.add({ draftId, ...anchorIn(v1, PASSAGE), body: "Which control plan? Ours or the customer's?" });

    let list = await world.editor.trpc.drafts.comment.list({ draftId });
    let thread = list.threads.find((t) => t.id === id)!;
    expect(thread).toMatchObject({ quote: PASSAGE, moduleTitle: "Safety and quality", location: { state: "kept" } });
    const text1 = plainText(v1.modules[0]!.objectives);
    expect(thread.location).toMatchObject({ start: text1.indexOf(PASSAGE) });

    // Words added before the passage: it moves, and the new offsets point at the same words.
    await saveVersionWith(world, draftId, (html, i) => (i === 0 ? html.replace("The apprentice", "Under a mentor, the apprentice") : html));
    list = await world.editor.trpc.drafts.comment.list({ draftId });
    thread = list.threads.find((t) => t.id === id)!;
    expect(list.version).toBe(2);
    expect(thread.location.state).toBe("moved");
    const v2 = await world.editor.trpc.drafts.draft.get({ draftId });
    const text2 = plainText(v2.modules[0]!.objectives);
    if (thread.location.state === "moved") expect(text2.slice(thread.location.start, thread.location.end)).toBe(PASSAGE);

    // The passage is rewritten: outdated, still listed with its quote and body.
    await saveVersionWith(world, draftId, (html, i) => (i === 0 ? html.replace(PASSAGE, "follows the plant's control plan") : html));
    thread = (await world.editor.trpc.drafts.comment.list({ draftId })).threads.find((t) => t.id === id)!;
    expect(thread).toMatchObject({ quote: PASSAGE, body: "Which control plan? Ours or the customer's?", location: { state: "outdated" } });

    // In the old version it is still where it was.
    thread = (await world.editor.trpc.drafts.comment.list({ draftId, version: 1 })).threads.find((t) => t.id === id)!;
    expect(thread.location.state).toBe("kept");
  });

  it("with the same words twice, the context picks the right occurrence; a removed module makes its comments outdated", async () => {
    const world = await draftWorld(app);
    const v1 = await draftInReview(world, [
      { title: "Lathe", objectives: "<p>Set up the lathe safely. Check the chuck key. Run the lathe safely at low speed.</p>", competencies: "", relatedHours: 8, ojlHours: 16, assessment: "", credential: "", testOut: false },
      { title: "Mill", objectives: "<p>Square a block on the mill.</p>", competencies: "", relatedHours: 8, ojlHours: 16, assessment: "", credential: "", testOut: false },
    ]);
    const draftId = v1.draft.id;
    const text = plainText(v1.modules[0]!.objectives);
    const second = text.lastIndexOf("lathe safely");
    const { id } = await world.reviewer1.trpc.drafts.comment.add({
      draftId,
      moduleKey: v1.modules[0]!.key,
      anchor: { start: second, end: second + "lathe safely".length, quote: "lathe safely", version: 1 },
      body: "Low speed for first-years only?",
    });
    const onMill = await world.reviewer2.trpc.drafts.comment.add({ draftId, moduleKey: v1.modules[1]!.key, body: "Do we still teach manual milling?" });
    await saveVersionWith(
      world,
      draftId,
      (html) => html.replace("Set up the lathe safely.", "Set up and inspect the lathe safely before every shift."),
      (i) => i === 0,
    );
    const v2 = await world.editor.trpc.drafts.draft.get({ draftId });
    const list = await world.editor.trpc.drafts.comment.list({ draftId });
    const thread = list.threads.find((t) => t.id === id)!;
    const text2 = plainText(v2.modules[0]!.objectives);
    expect(thread.location.state).toBe("moved");
    if (thread.location.state === "moved") expect(thread.location.start).toBe(text2.lastIndexOf("lathe safely"));
    const mill = list.threads.find((t) => t.id === onMill.id)!;
    expect(mill).toMatchObject({ moduleGone: true, moduleTitle: null, body: "Do we still teach manual milling?" });
  });

  it("refuses anchors outside the text or not matching it, unknown modules, over-long comments; writes nothing", async () => {
    const world = await draftWorld(app);
    const view = await draftInReview(world);
    const draftId = view.draft.id;
    const good = anchorIn(view, PASSAGE);
    const textLength = plainText(view.modules[0]!.objectives).length;
    const cases = [
      { ...good, anchor: { ...good.anchor, start: textLength - 2, end: textLength + 5, quote: "x".repeat(7) } },
      { ...good, anchor: { ...good.anchor, start: good.anchor.start + 1, end: good.anchor.end + 1 } },
      { ...good, anchor: { ...good.anchor, end: good.anchor.start } },
      { ...good, moduleKey: "no-such-module" },
      { ...good, moduleKey: null },
      { ...good, anchor: { ...good.anchor, version: 7 } },
    ];
    for (const c of cases) await refusedWithoutWrites(app.db, "BAD_REQUEST", () => world.reviewer1.trpc.drafts.comment.add({ draftId, ...c, body: "Hmm" }));
    const long = await refusedWithoutWrites(app.db, "BAD_REQUEST", () => world.reviewer1.trpc.drafts.comment.add({ draftId, body: "x".repeat(10_001) }));
    expect(long.fieldErrors?.body?.[0]).toMatch(/10,000/);
    await refusedWithoutWrites(app.db, "BAD_REQUEST", () => world.reviewer1.trpc.drafts.comment.add({ draftId, body: "   " }));
    // Another partnership's draft, or a committee the member does not sit on: nothing there.
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.stranger.trpc.drafts.comment.add({ draftId, body: "Hello" }));
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.outsider.trpc.drafts.comment.add({ draftId, body: "Hello" }));
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.stranger.trpc.drafts.comment.list({ draftId }));
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.observer.trpc.drafts.comment.add({ draftId, body: "Hello" }));
    // A comment of exactly 10,000 characters is fine.
    await world.reviewer1.trpc.drafts.comment.add({ draftId, body: "y".repeat(10_000) });
  });
});

describe("threads", () => {
  it("replies, @mentions notify in-app, resolve and reopen by the author or an editor only; filters", async () => {
    const world = await draftWorld(app);
    const view = await draftInReview(world);
    const draftId = view.draft.id;
    const { id } = await world.reviewer1.trpc.drafts.comment.add({
      draftId,
      moduleKey: view.modules[1]!.key,
      body: `@${world.editor.name} can we add GD&T? cc @${world.managementMember.name.toUpperCase()} and @Nobody Here`,
    });
    expect(await notificationsOf(app.db, world.editor.user.id, "draft.mentioned")).toHaveLength(1);
    expect(await notificationsOf(app.db, world.managementMember.user.id, "draft.mentioned")).toHaveLength(1);
    expect(await notificationsOf(app.db, world.reviewer2.user.id, "draft.mentioned")).toHaveLength(0);
    // Someone outside the committee is never notified, even when named.
    await world.reviewer1.trpc.drafts.comment.add({ draftId, body: `@${world.outsider.name} please look` });
    expect(await notificationsOf(app.db, world.outsider.user.id, "draft.mentioned")).toHaveLength(0);

    const reply = await world.editor.trpc.drafts.comment.reply({ commentId: id, body: `Yes. @${world.reviewer1.name} see module 2.` });
    // A reply to a reply joins the same thread.
    await world.reviewer1.trpc.drafts.comment.reply({ commentId: reply.id, body: "Thanks" });
    expect(await notificationsOf(app.db, world.reviewer1.user.id, "draft.mentioned")).toHaveLength(1);

    let thread = (await world.reviewer2.trpc.drafts.comment.list({ draftId })).threads.find((t) => t.id === id)!;
    expect(thread.replies.map((r) => r.body)).toEqual([`Yes. @${world.reviewer1.name} see module 2.`, "Thanks"]);
    expect(thread).toMatchObject({ isMine: false, involvesMe: false, canResolve: false, resolved: false });
    const mine = (await world.editor.trpc.drafts.comment.list({ draftId })).threads.find((t) => t.id === id)!;
    expect(mine).toMatchObject({ mentionsMe: true, involvesMe: true, canResolve: true });

    for (const who of [world.reviewer2, world.laborMember, world.observer]) {
      await refusedWithoutWrites(app.db, "FORBIDDEN", () => who.trpc.drafts.comment.resolve({ commentId: id, resolved: true }));
    }
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.stranger.trpc.drafts.comment.resolve({ commentId: id, resolved: true }));
    await refusedWithoutWrites(app.db, "BAD_REQUEST", () => world.reviewer1.trpc.drafts.comment.resolve({ commentId: reply.id, resolved: true }));
    await world.editor2.trpc.drafts.comment.resolve({ commentId: id, resolved: true });
    thread = (await world.reviewer2.trpc.drafts.comment.list({ draftId })).threads.find((t) => t.id === id)!;
    expect(thread).toMatchObject({ resolved: true, resolvedByName: world.editor2.name });
    await world.reviewer1.trpc.drafts.comment.resolve({ commentId: id, resolved: false });
    thread = (await world.reviewer2.trpc.drafts.comment.list({ draftId })).threads.find((t) => t.id === id)!;
    expect(thread).toMatchObject({ resolved: false, resolvedByName: null });
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.stranger.trpc.drafts.comment.reply({ commentId: id, body: "Hi" }));
  });
});

describe("mention excerpts", () => {
  it("cut the notification's excerpt between characters, with an ellipsis, when an emoji straddles the 140th character", async () => {
    const world = await draftWorld(app);
    const view = await draftInReview(world);
    const mention = `@${world.editor.name} `;
    // The emoji's two UTF-16 halves sit at 139 and 140: a cut at 140 would keep a lone surrogate.
    const body = `${mention}${"w".repeat(139 - mention.length)}😀 and the rest of a long comment`;
    expect(body.codePointAt(139)).toBe(0x1f600);
    const { id } = await world.reviewer1.trpc.drafts.comment.add({ draftId: view.draft.id, body });

    const [note] = await notificationsOf(app.db, world.editor.user.id, "draft.mentioned");
    const excerpt = (note?.payload as { excerpt: string } | undefined)?.excerpt;
    expect(excerpt).toBe(`${mention}${"w".repeat(139 - mention.length)}…`);
    expect(excerpt).not.toMatch(/[\uD800-\uDFFF]/);
    // The comment itself is stored whole.
    expect((await app.db.draftComment.findUniqueOrThrow({ where: { id } })).body).toBe(body);
  });
});

describe("live", () => {
  it("joining a draft's room is a permission check; comments, resolutions, versions and sign-offs reach the room after commit", async () => {
    const world = await draftWorld(app);
    const view = await draftInReview(world);
    const draftId = view.draft.id;
    const editorSocket = await world.editor.connect();
    const reviewerSocket = await world.reviewer1.connect();
    const outsiderSocket = await world.outsider.connect();
    const strangerSocket = await world.stranger.connect();
    expect(await joinRoom(editorSocket, { kind: "draft", id: draftId })).toEqual({ ok: true, data: undefined });
    const presence = eventMatching(editorSocket, "presence:changed", (p) => p.room === `draft:${draftId}` && p.viewers.length === 2);
    expect((await joinRoom(reviewerSocket, { kind: "draft", id: draftId })).ok).toBe(true);
    expect((await presence).viewers.map((v) => v.name).sort()).toEqual([world.editor.name, world.reviewer1.name].sort());
    for (const s of [outsiderSocket, strangerSocket]) {
      expect(await joinRoom(s, { kind: "draft", id: draftId })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    }
    const leaked = [...collectEvents(outsiderSocket, "draft:changed"), ...collectEvents(strangerSocket, "draft:changed")];

    const commented = eventMatching(editorSocket, "draft:changed", (p) => p.draftId === draftId && p.parts.includes("comments"));
    const { id } = await world.reviewer1.trpc.drafts.comment.add({ draftId, ...anchorIn(view, PASSAGE), body: "Live comment" });
    expect(await commented).toMatchObject({ commentId: id, by: world.reviewer1.user.id });

    const signed = eventMatching(editorSocket, "draft:changed", (p) => p.parts.includes("signOffs"));
    await world.reviewer1.trpc.drafts.signOff.decide({ draftId, versionNumber: 1, decision: "SIGNED_OFF" });
    expect(await signed).toMatchObject({ version: 1 });

    const versioned = eventMatching(reviewerSocket, "draft:changed", (p) => p.parts.includes("versions"));
    const listed = eventMatching(reviewerSocket, "drafts:changed", () => true).catch(() => null);
    await joinRoom(reviewerSocket, { kind: "partnership", id: world.partnership.id });
    await saveVersionWith(world, draftId, (html) => html);
    expect(await versioned).toMatchObject({ version: 2 });
    expect(await listed).toEqual({ partnershipId: world.partnership.id });

    const resolved = eventMatching(reviewerSocket, "draft:changed", (p) => p.parts.includes("comments") && p.commentId === id);
    await world.editor.trpc.drafts.comment.resolve({ commentId: id, resolved: true });
    await resolved;

    // Leaving updates presence for those who stay.
    const left = eventMatching(editorSocket, "presence:changed", (p) => p.room === `draft:${draftId}` && p.viewers.length === 1);
    reviewerSocket.close();
    expect((await left).viewers.map((v) => v.name)).toEqual([world.editor.name]);
    await settle();
    expect(leaked).toEqual([]);
  });
});

describe("comments on modules", () => {
  it("a module only in the working copy can take a comment; a passage must be in the version it names", async () => {
    const world = await draftWorld(app);
    const view = await draftInReview(world);
    await world.editor.trpc.drafts.draft.save(
      saveInputOf(view, { modules: [...view.modules, { title: "Mentoring", objectives: "<p>Mentors meet apprentices weekly.</p>", competencies: "", relatedHours: 0, ojlHours: 8, assessment: "", credential: "", testOut: false }] }),
    );
    const working = await world.editor.trpc.drafts.draft.get({ draftId: view.draft.id });
    const newKey = working.modules[2]!.key;
    await world.reviewer1.trpc.drafts.comment.add({ draftId: view.draft.id, moduleKey: newKey, body: "Weekly is good." });
    // The passage is in the working copy (version 0), not in version 1.
    await refusedWithoutWrites(app.db, "BAD_REQUEST", () =>
      world.reviewer1.trpc.drafts.comment.add({ draftId: view.draft.id, moduleKey: newKey, anchor: { start: 0, end: 7, quote: "Mentors", version: 1 }, body: "Which mentors?" }),
    );
    await world.reviewer1.trpc.drafts.comment.add({ draftId: view.draft.id, moduleKey: newKey, anchor: { start: 0, end: 7, quote: "Mentors", version: 0 }, body: "Which mentors?" });
    const onWorking = await world.editor.trpc.drafts.comment.list({ draftId: view.draft.id, version: 0 });
    expect(onWorking.threads.find((t) => t.body === "Which mentors?")!.location).toEqual({ state: "kept", start: 0, end: 7 });
  });
});
