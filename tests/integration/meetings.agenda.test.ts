// Building a meeting's agenda (proposals, the co-chairs' accept/reject/edit/remove/reorder, limits) and
// its joint approval: published only when both sides approved the same version, and any change after
// that is a new version that needs both approvals again.
import { afterAll, describe, expect, it } from "vitest";
import { AGENDA_MAX_ITEMS, TEXT_MAX, TITLE_MAX } from "../../server/domains/meetings/meetings.schema.js";
import { createAgendaItem } from "../../server/fixtures/factories.js";
import {
  itemInput,
  meetingOf,
  meetingWorld,
  notificationsOf,
  publishedMeeting,
  refusedWithoutWrites,
  type World,
} from "../support/meetings-helpers.js";
import { startTestApp } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

const get = (who: World["laborChair"], meetingId: string) => who.trpc.meetings.meeting.get({ meetingId });

describe("proposing agenda items", () => {
  it("lets any member propose an item, which waits as PROPOSED without changing the agenda's version", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world);
    const { id, status } = await world.laborMember.trpc.meetings.agenda.propose(
      itemInput(meeting.id, { title: "Forklift certification", timeBoxMinutes: 20, kind: "DECISION", links: [{ label: "Draft", url: "https://example.test/d" }] }),
    );
    expect(status).toBe("PROPOSED");
    // Staff and advisory members take part too.
    expect((await world.staff.trpc.meetings.agenda.propose(itemInput(meeting.id))).status).toBe("PROPOSED");
    expect((await world.neutralMember.trpc.meetings.agenda.propose(itemInput(meeting.id))).status).toBe("PROPOSED");

    const view = await get(world.managementMember, meeting.id);
    expect(view.agenda.version).toBe(1);
    expect(view.agenda.items).toEqual([]);
    expect(view.agenda.proposals).toHaveLength(3);
    expect(view.agenda.proposals[0]).toMatchObject({
      id,
      title: "Forklift certification",
      timeBoxMinutes: 20,
      kind: "DECISION",
      status: "PROPOSED",
      proposedById: world.laborMember.user.id,
      proposedByName: world.laborMember.name,
      links: [{ label: "Draft", url: "https://example.test/d" }],
    });
  });

  it("puts a co-chair's own item straight on the agenda as ACCEPTED, as a new version", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world);
    const { id, status } = await world.managementChair.trpc.meetings.agenda.propose(itemInput(meeting.id, { title: "Budget" }));
    expect(status).toBe("ACCEPTED");
    const view = await get(world.laborMember, meeting.id);
    expect(view.agenda.items.map((i) => i.id)).toEqual([id]);
    expect(view.agenda.version).toBe(2);
  });

  it("refuses an observer (FORBIDDEN) and someone not on the body (NOT_FOUND), and writes nothing", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world);
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.observer.trpc.meetings.agenda.propose(itemInput(meeting.id)));
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.outsider.trpc.meetings.agenda.propose(itemInput(meeting.id)));
  });

  it.each([0, 481])("refuses a time box of %i minutes (BAD_REQUEST)", async (timeBoxMinutes) => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world);
    const refused = await refusedWithoutWrites(app.db, "BAD_REQUEST", () =>
      world.laborChair.trpc.meetings.agenda.propose(itemInput(meeting.id, { timeBoxMinutes })),
    );
    expect(refused.fieldErrors).toHaveProperty("timeBoxMinutes");
  });

  it("accepts time boxes of 1 and 480 minutes", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world);
    await world.laborMember.trpc.meetings.agenda.propose(itemInput(meeting.id, { timeBoxMinutes: 1 }));
    await world.laborMember.trpc.meetings.agenda.propose(itemInput(meeting.id, { timeBoxMinutes: 480 }));
    expect((await get(world.laborChair, meeting.id)).agenda.proposals.map((p) => p.timeBoxMinutes).sort((a, b) => a - b)).toEqual([1, 480]);
  });

  it("refuses a javascript: link (BAD_REQUEST)", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world);
    await refusedWithoutWrites(app.db, "BAD_REQUEST", () =>
      world.laborMember.trpc.meetings.agenda.propose(itemInput(meeting.id, { links: [{ label: "x", url: "javascript:alert(1)" }] })),
    );
  });

  it("refuses texts over their limits with a message naming the field, and keeps one at the limit whole", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world);
    const propose = (overrides: Parameters<typeof itemInput>[1]) => world.laborMember.trpc.meetings.agenda.propose(itemInput(meeting.id, overrides));
    const description = await refusedWithoutWrites(app.db, "BAD_REQUEST", () => propose({ description: "d".repeat(TEXT_MAX + 1) }));
    expect(description.fieldErrors?.description).toEqual(["Description must be at most 10,000 characters."]);
    const presenter = await refusedWithoutWrites(app.db, "BAD_REQUEST", () => propose({ presenter: "p".repeat(TITLE_MAX + 1) }));
    expect(presenter.fieldErrors?.presenter).toEqual(["Presenter must be at most 200 characters."]);
    const label = await refusedWithoutWrites(app.db, "BAD_REQUEST", () => propose({ links: [{ label: "l".repeat(TITLE_MAX + 1), url: "https://example.org" }] }));
    expect(label.fieldErrors?.links).toEqual(["A link's label must be at most 200 characters."]);

    const whole = `${"x".repeat(TEXT_MAX - 2)}🎉`;
    const { id } = await propose({ description: whole });
    expect((await app.db.agendaItem.findUniqueOrThrow({ where: { id } })).description).toBe(whole);
  });

  it(`refuses item ${AGENDA_MAX_ITEMS + 1} (PRECONDITION_FAILED)`, async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world, { items: AGENDA_MAX_ITEMS - 1 });
    // Proposals count toward the limit as well as accepted items: the 100th waits as a proposal.
    await createAgendaItem(app.db, { meetingId: meeting.id, proposedById: world.laborMember.user.id, status: "PROPOSED" });
    expect(await app.db.agendaItem.count({ where: { meetingId: meeting.id } })).toBe(AGENDA_MAX_ITEMS);
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.laborMember.trpc.meetings.agenda.propose(itemInput(meeting.id)));
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.laborChair.trpc.meetings.agenda.propose(itemInput(meeting.id)));
    // A rejected item no longer takes a place.
    const [proposal] = await app.db.agendaItem.findMany({ where: { meetingId: meeting.id, status: "PROPOSED" } });
    await world.laborChair.trpc.meetings.agenda.reject({ itemId: proposal!.id, reason: "Too many items" });
    expect((await world.laborMember.trpc.meetings.agenda.propose(itemInput(meeting.id))).status).toBe("PROPOSED");
  });

  it("closes the agenda of an adjourned or cancelled meeting (PRECONDITION_FAILED)", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world);
    await world.laborChair.trpc.meetings.meeting.cancel({ meetingId: meeting.id });
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.laborMember.trpc.meetings.agenda.propose(itemInput(meeting.id)));
  });
});

describe("the co-chairs' hand on proposals", () => {
  it("accepts a proposal onto the end of the agenda as a new version", async () => {
    const world = await meetingWorld(app);
    const { meeting, items } = await meetingOf(app, world, { items: 2 });
    const { id } = await world.laborMember.trpc.meetings.agenda.propose(itemInput(meeting.id, { title: "Mentoring" }));
    await world.managementChair.trpc.meetings.agenda.accept({ itemId: id });
    const view = await get(world.laborMember, meeting.id);
    expect(view.agenda.items.map((i) => i.id)).toEqual([items[0]!.id, items[1]!.id, id]);
    expect(view.agenda.proposals).toEqual([]);
    expect(view.agenda.version).toBe(2);
    expect(await app.db.auditEvent.count({ where: { subjectId: id, action: "agenda.itemAccepted", actorId: world.managementChair.user.id } })).toBe(1);
  });

  it("refuses a member who tries to accept, reject, edit or remove (FORBIDDEN)", async () => {
    const world = await meetingWorld(app);
    const { meeting, items } = await meetingOf(app, world, { items: 1 });
    const { id } = await world.laborMember.trpc.meetings.agenda.propose(itemInput(meeting.id));
    const agenda = world.managementMember.trpc.meetings.agenda;
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => agenda.accept({ itemId: id }));
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => agenda.reject({ itemId: id, reason: "No." }));
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => agenda.edit({ ...itemInput(meeting.id), itemId: items[0]!.id }));
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => agenda.remove({ itemId: items[0]!.id }));
    // Even the proposer cannot accept their own item.
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.laborMember.trpc.meetings.agenda.accept({ itemId: id }));
    // Staff schedule meetings but do not chair them.
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.staff.trpc.meetings.agenda.accept({ itemId: id }));
  });

  it("answers NOT_FOUND to a co-chair of another body", async () => {
    const world = await meetingWorld(app);
    const other = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world);
    const { id } = await world.laborMember.trpc.meetings.agenda.propose(itemInput(meeting.id));
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => other.laborChair.trpc.meetings.agenda.accept({ itemId: id }));
  });

  it("rejects with a reason that only the proposer and the co-chairs see, and notifies the proposer", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world, { items: 1 });
    const { id } = await world.laborMember.trpc.meetings.agenda.propose(itemInput(meeting.id, { title: "Overtime rules" }));

    const noReason = await refusedWithoutWrites(app.db, "BAD_REQUEST", () => world.laborChair.trpc.meetings.agenda.reject({ itemId: id, reason: "   " }));
    expect(noReason.fieldErrors).toHaveProperty("reason");

    const reason = "Bargaining topic: not for this committee.";
    await world.laborChair.trpc.meetings.agenda.reject({ itemId: id, reason });

    for (const who of [world.laborMember, world.laborChair, world.managementChair]) {
      const view = await get(who, meeting.id);
      expect(view.agenda.rejected).toEqual([expect.objectContaining({ id, status: "REJECTED", rejectionReason: reason })]);
    }
    for (const who of [world.managementMember, world.neutralMember, world.observer, world.staff]) {
      const view = await get(who, meeting.id);
      expect(view.agenda.rejected).toEqual([]);
      expect([...view.agenda.items, ...view.agenda.proposals].some((i) => i.id === id)).toBe(false);
      expect(JSON.stringify(view)).not.toContain(reason);
    }
    // Rejecting a proposal does not change the accepted agenda.
    expect((await get(world.laborChair, meeting.id)).agenda.version).toBe(1);

    const notes = await notificationsOf(app.db, world.laborMember.user.id, "agenda.itemRejected");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.payload).toEqual({
      partnershipId: world.partnership.id,
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      itemTitle: "Overtime rules",
      reason,
    });
    const others = [...world.seated, world.outsider].filter((p) => p !== world.laborMember).map((p) => p.user.id);
    expect(await app.db.notification.count({ where: { kind: "agenda.itemRejected", userId: { in: others } } })).toBe(0);
  });

  it("edits, removes and reorders accepted items, each a new version", async () => {
    const world = await meetingWorld(app);
    const { meeting, items } = await meetingOf(app, world, { items: 3 });
    const [a, b, c] = items.map((i) => i.id) as [string, string, string];
    const agenda = world.laborChair.trpc.meetings.agenda;

    await agenda.edit({ ...itemInput(meeting.id, { title: "Renamed", timeBoxMinutes: 45, kind: "DECISION", presenter: "Dana" }), itemId: b });
    let view = await get(world.laborMember, meeting.id);
    expect(view.agenda.version).toBe(2);
    expect(view.agenda.items.find((i) => i.id === b)).toMatchObject({ title: "Renamed", timeBoxMinutes: 45, kind: "DECISION", presenter: "Dana" });

    await world.managementChair.trpc.meetings.agenda.reorder({ meetingId: meeting.id, itemIds: [c, a, b] });
    view = await get(world.laborMember, meeting.id);
    expect(view.agenda.version).toBe(3);
    expect(view.agenda.items.map((i) => i.id)).toEqual([c, a, b]);

    // The same order again changes nothing.
    await agenda.reorder({ meetingId: meeting.id, itemIds: [c, a, b] });
    expect((await get(world.laborMember, meeting.id)).agenda.version).toBe(3);

    await agenda.remove({ itemId: a });
    view = await get(world.laborMember, meeting.id);
    expect(view.agenda.version).toBe(4);
    expect(view.agenda.items.map((i) => i.id)).toEqual([c, b]);
    expect(await app.db.agendaItem.findUnique({ where: { id: a } })).toBeNull();
  });

  it("refuses a member's reorder (FORBIDDEN) and a reorder that does not name the current items (CONFLICT)", async () => {
    const world = await meetingWorld(app);
    const { meeting, items } = await meetingOf(app, world, { items: 3 });
    const [a, b, c] = items.map((i) => i.id) as [string, string, string];
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.laborMember.trpc.meetings.agenda.reorder({ meetingId: meeting.id, itemIds: [c, b, a] }));
    const reorder = world.laborChair.trpc.meetings.agenda.reorder;
    await refusedWithoutWrites(app.db, "CONFLICT", () => reorder({ meetingId: meeting.id, itemIds: [c, b] }));
    await refusedWithoutWrites(app.db, "CONFLICT", () => reorder({ meetingId: meeting.id, itemIds: [c, b, b] }));
    await refusedWithoutWrites(app.db, "CONFLICT", () => reorder({ meetingId: meeting.id, itemIds: [c, b, "someone-else"] }));
  });

  it("does not change the agenda's version when a proposal is edited or removed", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world, { items: 1 });
    const { id } = await world.laborMember.trpc.meetings.agenda.propose(itemInput(meeting.id));
    await world.laborChair.trpc.meetings.agenda.edit({ ...itemInput(meeting.id, { title: "Tidied up" }), itemId: id });
    expect((await get(world.laborChair, meeting.id)).agenda).toMatchObject({ version: 1, proposals: [expect.objectContaining({ title: "Tidied up" })] });
    await world.laborChair.trpc.meetings.agenda.remove({ itemId: id });
    expect((await get(world.laborChair, meeting.id)).agenda).toMatchObject({ version: 1, proposals: [] });
  });
});

describe("joint approval", () => {
  it("publishes only when both sides approved the same version, and notifies the body's members", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world, { items: 2 });

    const first = await world.laborChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 });
    expect(first).toEqual({ published: false });
    let view = await get(world.laborMember, meeting.id);
    expect(view.agenda).toMatchObject({ version: 1, publishedVersion: null, isPublished: false, approvedSides: ["LABOR"], waitingFor: ["MANAGEMENT"] });
    const seatedIds = world.seated.map((p) => p.user.id);
    expect(await app.db.notification.count({ where: { kind: "agenda.published", userId: { in: seatedIds } } })).toBe(0);

    const second = await world.managementChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 });
    expect(second).toEqual({ published: true });
    view = await get(world.laborMember, meeting.id);
    expect(view.agenda).toMatchObject({
      version: 1,
      publishedVersion: 1,
      isPublished: true,
      approvedSides: ["LABOR", "MANAGEMENT"],
      waitingFor: [],
      approvals: [
        { side: "LABOR", version: 1, userName: world.laborChair.name },
        { side: "MANAGEMENT", version: 1, userName: world.managementChair.name },
      ],
    });

    for (const who of world.seated) {
      const notes = await notificationsOf(app.db, who.user.id, "agenda.published");
      expect(notes.map((n) => n.payload)).toEqual([{ partnershipId: world.partnership.id, meetingId: meeting.id, meetingTitle: meeting.title }]);
    }
    expect(await notificationsOf(app.db, world.outsider.user.id, "agenda.published")).toEqual([]);
    const list = await world.laborMember.trpc.meetings.meeting.list({ partnershipId: world.partnership.id });
    expect(list.upcoming.find((m) => m.id === meeting.id)?.isAgendaPublished).toBe(true);
  });

  const changes = {
    "a co-chair adds an item": async (world: World, meetingId: string) => {
      await world.laborChair.trpc.meetings.agenda.propose(itemInput(meetingId, { title: "Late addition" }));
    },
    "a co-chair edits an accepted item": async (world: World, meetingId: string, itemIds: string[]) => {
      await world.managementChair.trpc.meetings.agenda.edit({ ...itemInput(meetingId, { title: "Edited after approval" }), itemId: itemIds[0]! });
    },
    "a co-chair removes an item": async (world: World, _meetingId: string, itemIds: string[]) => {
      await world.laborChair.trpc.meetings.agenda.remove({ itemId: itemIds[1]! });
    },
    "a co-chair reorders the items": async (world: World, meetingId: string, itemIds: string[]) => {
      await world.laborChair.trpc.meetings.agenda.reorder({ meetingId, itemIds: [...itemIds].reverse() });
    },
    "a co-chair accepts a proposal": async (world: World, _meetingId: string, _itemIds: string[], proposalId: string) => {
      await world.managementChair.trpc.meetings.agenda.accept({ itemId: proposalId });
    },
    "a co-chair rejects an accepted item": async (world: World, _meetingId: string, itemIds: string[]) => {
      await world.managementChair.trpc.meetings.agenda.reject({ itemId: itemIds[2]!, reason: "Out of scope" });
    },
  };

  it.each(Object.keys(changes) as Array<keyof typeof changes>)("unpublishes when %s: a new version with no approvals", async (change) => {
    const world = await meetingWorld(app);
    const { meeting, items, version } = await publishedMeeting(app, world, { items: 3 });
    // A proposal that waits (proposals do not change the published agenda).
    const proposal = await world.laborMember.trpc.meetings.agenda.propose(itemInput(meeting.id, { title: "Waiting" }));
    expect((await get(world.laborMember, meeting.id)).agenda.isPublished).toBe(true);

    await changes[change](world, meeting.id, items.map((i) => i.id), proposal.id);

    const view = await get(world.laborMember, meeting.id);
    expect(view.agenda).toMatchObject({
      version: version + 1,
      publishedVersion: version,
      isPublished: false,
      approvedSides: [],
      waitingFor: ["LABOR", "MANAGEMENT"],
    });
    // The approvals of the old version stay on record; they just do not apply to the new one.
    expect(await app.db.agendaApproval.count({ where: { meetingId: meeting.id, version } })).toBe(2);
    expect(await app.db.agendaApproval.count({ where: { meetingId: meeting.id, version: version + 1 } })).toBe(0);

    // Both approve the new version: published again.
    await world.managementChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: version + 1 });
    expect(await world.laborChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: version + 1 })).toEqual({ published: true });
    expect((await get(world.laborMember, meeting.id)).agenda).toMatchObject({ isPublished: true, publishedVersion: version + 1 });
  });

  it("tells a co-chair what changed since their approval, from the snapshot kept with it (not a version number)", async () => {
    const world = await meetingWorld(app);
    const { meeting, items } = await meetingOf(app, world, { items: 3 });
    const [a, b, c] = items.map((i) => i.id) as [string, string, string];
    const [titleA, titleB, titleC] = items.map((i) => i.title) as [string, string, string];
    await world.laborChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 });
    expect((await get(world.laborChair, meeting.id)).agenda.changedSinceApproval).toEqual([]);

    const agenda = world.managementChair.trpc.meetings.agenda;
    await agenda.edit({ ...itemInput(meeting.id, { title: "Renamed", timeBoxMinutes: 45 }), itemId: b });
    await agenda.reorder({ meetingId: meeting.id, itemIds: [c, a, b] });
    await agenda.remove({ itemId: a });
    await agenda.propose(itemInput(meeting.id, { title: "Added late" }));

    const view = await get(world.laborMember, meeting.id);
    // Only the labor side had approved: management never did, so it has nothing to compare with.
    expect(view.agenda.changedSinceApproval).toHaveLength(1);
    expect(view.agenda.changedSinceApproval[0]).toMatchObject({ side: "LABOR", userName: world.laborChair.name });
    expect(view.agenda.changedSinceApproval[0]!.changes).toEqual([
      { kind: "moved", title: titleC, from: 3, to: 1 },
      { kind: "retitled", from: titleB, to: "Renamed" },
      { kind: "timeBox", title: "Renamed", from: 15, to: 45 },
      { kind: "added", title: "Added late", position: 3 },
      { kind: "removed", title: titleA },
    ]);
    // Once the labor co-chair approves the new agenda, there is nothing left to tell them.
    await world.laborChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: view.agenda.version });
    expect((await get(world.laborChair, meeting.id)).agenda.changedSinceApproval).toEqual([]);
  });

  it("refuses an approval of a stale version (CONFLICT)", async () => {
    const world = await meetingWorld(app);
    const { meeting, items } = await meetingOf(app, world, { items: 2 });
    await world.laborChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 });
    await world.laborChair.trpc.meetings.agenda.edit({ ...itemInput(meeting.id, { title: "Changed" }), itemId: items[0]!.id });
    const refused = await refusedWithoutWrites(app.db, "CONFLICT", () => world.managementChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 }));
    expect(refused.message).toContain("version 2");
    await refusedWithoutWrites(app.db, "CONFLICT", () => world.managementChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 3 }));
    expect((await get(world.laborChair, meeting.id)).agenda).toMatchObject({ isPublished: false, approvedSides: [] });
  });

  it("refuses a second approval by the same side (CONFLICT)", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world, { items: 1 });
    await world.laborChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 });
    await refusedWithoutWrites(app.db, "CONFLICT", () => world.laborChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 }));
    expect((await get(world.laborChair, meeting.id)).agenda).toMatchObject({ isPublished: false, approvedSides: ["LABOR"] });
  });

  it("refuses approving an empty agenda (PRECONDITION_FAILED)", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world);
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.laborChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 }));
  });

  it("records the side of the co-chair's seat, whatever the request says", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world, { items: 1 });
    // A client that sends a side (the schema has none) cannot approve for the other side.
    const forged = { meetingId: meeting.id, version: 1, side: "MANAGEMENT" } as { meetingId: string; version: number };
    expect(await world.laborChair.trpc.meetings.agenda.approve(forged)).toEqual({ published: false });
    const rows = await app.db.agendaApproval.findMany({ where: { meetingId: meeting.id } });
    expect(rows).toMatchObject([{ side: "LABOR", version: 1, userId: world.laborChair.user.id }]);
    // And the labor co-chair still cannot complete it alone.
    await refusedWithoutWrites(app.db, "CONFLICT", () => world.laborChair.trpc.meetings.agenda.approve(forged));
    expect((await get(world.laborChair, meeting.id)).agenda.waitingFor).toEqual(["MANAGEMENT"]);

    const managementForged = { meetingId: meeting.id, version: 1, side: "LABOR" } as { meetingId: string; version: number };
    expect(await world.managementChair.trpc.meetings.agenda.approve(managementForged)).toEqual({ published: true });
    expect((await app.db.agendaApproval.findMany({ where: { meetingId: meeting.id }, orderBy: { createdAt: "asc" } })).map((r) => [r.side, r.userId])).toEqual([
      ["LABOR", world.laborChair.user.id],
      ["MANAGEMENT", world.managementChair.user.id],
    ]);
  });

  it("refuses anyone but a co-chair (FORBIDDEN), and someone not on the body (NOT_FOUND)", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world, { items: 1 });
    for (const who of [world.laborMember, world.managementMember, world.neutralMember, world.observer, world.staff]) {
      await refusedWithoutWrites(app.db, "FORBIDDEN", () => who.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 }));
    }
    // The partnership's own co-chair has no seat on this committee.
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.founder.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 }));
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.outsider.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 }));
  });

  it("never seats a neutral member as a co-chair (BAD_REQUEST)", async () => {
    const world = await meetingWorld(app);
    for (const [who, bodyId] of [
      [world.laborChair, world.committee.id],
      [world.founder, world.topBody.id],
    ] as const) {
      const refused = await refusedWithoutWrites(app.db, "BAD_REQUEST", () =>
        who.trpc.partnerships.seat.set({ bodyId, membershipId: world.neutralMember.membershipId, role: "CO_CHAIR", isVoting: true }),
      );
      expect(refused.fieldErrors).toHaveProperty("role");
    }
  });
});
