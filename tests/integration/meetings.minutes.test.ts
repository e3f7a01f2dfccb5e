// Minutes: who writes them (co-chairs and the designated note-taker), saves that never overwrite a
// newer text, action items and their owners, and the joint approval after adjournment that freezes
// them.
import { afterAll, describe, expect, it } from "vitest";
import {
  betweenChecksAndTransaction,
  liveMeeting,
  meetingOf,
  meetingWorld,
  notificationsOf,
  refusedWithoutWrites,
  type Person,
  type World,
} from "../support/meetings-helpers.js";
import { refusal, startTestApp } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

/** Resolves after `n` turns of the event loop (0: at once). */
async function ticks(n: number) {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

const view = (who: Person, meetingId: string) => who.trpc.meetings.meeting.get({ meetingId });
const minutesOf = async (itemId: string) => app.db.agendaItem.findUniqueOrThrow({ where: { id: itemId }, select: { minutes: true, minutesRevision: true } });

describe("writing minutes", () => {
  it("lets a co-chair and the designated note-taker save, and refuses a plain member (FORBIDDEN)", async () => {
    const world = await meetingWorld(app);
    const { meeting, items } = await liveMeeting(app, world);
    const itemId = items[0]!.id;

    expect(await world.managementChair.trpc.meetings.minutes.save({ itemId, text: "Opened at 9:32.", baseRevision: 0 })).toEqual({ revision: 1 });
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.laborMember.trpc.meetings.minutes.save({ itemId, text: "Mine now.", baseRevision: 1 }));
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.staff.trpc.meetings.minutes.save({ itemId, text: "Mine now.", baseRevision: 1 }));
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.outsider.trpc.meetings.minutes.save({ itemId, text: "Mine now.", baseRevision: 1 }));

    // Only co-chairs name the note-taker, and only a member of the body.
    await refusedWithoutWrites(app.db, "FORBIDDEN", () =>
      world.laborMember.trpc.meetings.minutes.setNoteTaker({ meetingId: meeting.id, membershipId: world.laborMember.membershipId }),
    );
    await refusedWithoutWrites(app.db, "BAD_REQUEST", () =>
      world.laborChair.trpc.meetings.minutes.setNoteTaker({ meetingId: meeting.id, membershipId: world.outsider.membershipId }),
    );
    await world.laborChair.trpc.meetings.minutes.setNoteTaker({ meetingId: meeting.id, membershipId: world.laborMember.membershipId });
    const v = await view(world.laborMember, meeting.id);
    expect(v.meeting.noteTakerMembershipId).toBe(world.laborMember.membershipId);
    expect(v.viewer).toMatchObject({ isNoteTaker: true, canWriteMinutes: true, canChair: false });

    expect(await world.laborMember.trpc.meetings.minutes.save({ itemId, text: "Opened at 9:32. Intake plan discussed.", baseRevision: 1 })).toEqual({ revision: 2 });
    expect(await minutesOf(itemId)).toEqual({ minutes: "Opened at 9:32. Intake plan discussed.", minutesRevision: 2 });
    // The note-taker keeps no other powers of a co-chair.
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.laborMember.trpc.meetings.meeting.adjourn({ meetingId: meeting.id }));

    // Unassigned, they are a plain member again.
    await world.managementChair.trpc.meetings.minutes.setNoteTaker({ meetingId: meeting.id, membershipId: null });
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.laborMember.trpc.meetings.minutes.save({ itemId, text: "Late note.", baseRevision: 2 }));
  });

  it("refuses minutes before the meeting starts (PRECONDITION_FAILED)", async () => {
    const world = await meetingWorld(app);
    const { items } = await meetingOf(app, world, { items: 1 });
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.laborChair.trpc.meetings.minutes.save({ itemId: items[0]!.id, text: "Too early.", baseRevision: 0 }));
  });

  it("refuses a save from a stale revision (CONFLICT) and keeps the newer text", async () => {
    const world = await meetingWorld(app);
    const { items } = await liveMeeting(app, world);
    const itemId = items[0]!.id;
    await world.laborChair.trpc.meetings.minutes.save({ itemId, text: "First draft.", baseRevision: 0 });
    await world.managementChair.trpc.meetings.minutes.save({ itemId, text: "Second draft.", baseRevision: 1 });
    await refusedWithoutWrites(app.db, "CONFLICT", () => world.laborChair.trpc.meetings.minutes.save({ itemId, text: "Overwrite!", baseRevision: 1 }));
    await refusedWithoutWrites(app.db, "CONFLICT", () => world.laborChair.trpc.meetings.minutes.save({ itemId, text: "From the future", baseRevision: 7 }));
    expect(await minutesOf(itemId)).toEqual({ minutes: "Second draft.", minutesRevision: 2 });
  });

  it("lets exactly one of two writers who started from the same revision win (10 rounds)", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await liveMeeting(app, world, { items: 0 });
    await world.laborChair.trpc.meetings.minutes.setNoteTaker({ meetingId: meeting.id, membershipId: world.managementMember.membershipId });
    for (let round = 0; round < 10; round++) {
      const { id: itemId } = await world.laborChair.trpc.meetings.agenda.propose({
        meetingId: meeting.id,
        title: `Item ${round}`,
        timeBoxMinutes: 10,
        kind: "DISCUSSION",
      });
      const texts = [`Chair's notes ${round}`, `Note-taker's notes ${round}`];
      const results = await Promise.allSettled([
        world.laborChair.trpc.meetings.minutes.save({ itemId, text: texts[0]!, baseRevision: 0 }),
        world.managementMember.trpc.meetings.minutes.save({ itemId, text: texts[1]!, baseRevision: 0 }),
      ]);
      const winners = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
      expect(winners, `round ${round}`).toHaveLength(1);
      const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect((await refusal(Promise.reject(loser.reason))).code).toBe("CONFLICT");
      expect(await minutesOf(itemId)).toEqual({ minutes: texts[winners[0]!], minutesRevision: 1 });
    }
  });
});

describe("action items", () => {
  it("assigns an action to a member of the body, who is notified", async () => {
    const world = await meetingWorld(app);
    const { meeting, items } = await liveMeeting(app, world);
    const created = await world.managementChair.trpc.meetings.action.create({
      meetingId: meeting.id,
      agendaItemId: items[0]!.id,
      text: "Draft the apprenticeship MOU",
      ownerMembershipId: world.laborMember.membershipId,
      dueDate: "2027-01-15",
    });
    const stored = await app.db.actionItem.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored).toMatchObject({ status: "OPEN", ownerMembershipId: world.laborMember.membershipId, agendaItemId: items[0]!.id, createdById: world.managementChair.user.id });
    expect(stored.dueDate.toISOString()).toBe("2027-01-15T00:00:00.000Z");

    const notes = await notificationsOf(app.db, world.laborMember.user.id, "action.assigned");
    expect(notes.map((n) => n.payload)).toEqual([
      { partnershipId: world.partnership.id, meetingId: meeting.id, meetingTitle: meeting.title, text: "Draft the apprenticeship MOU", dueDate: "2027-01-15" },
    ]);
    const others = [...world.seated, world.outsider].filter((p) => p !== world.laborMember).map((p) => p.user.id);
    expect(await app.db.notification.count({ where: { kind: "action.assigned", userId: { in: others } } })).toBe(0);

    const v = await view(world.observer, meeting.id);
    expect(v.actionItems).toEqual([expect.objectContaining({ id: created.id, ownerName: world.laborMember.name, status: "OPEN" })]);

    // A co-chair who takes an action themself is not notified about it.
    await world.laborChair.trpc.meetings.action.create({
      meetingId: meeting.id,
      agendaItemId: null,
      text: "Book the room",
      ownerMembershipId: world.laborChair.membershipId,
      dueDate: "2027-01-10",
    });
    expect(await notificationsOf(app.db, world.laborChair.user.id, "action.assigned")).toEqual([]);
  });

  it("refuses an owner who is not on the body (BAD_REQUEST) and a plain member creating one (FORBIDDEN)", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await liveMeeting(app, world);
    const input = (ownerMembershipId: string) => ({ meetingId: meeting.id, agendaItemId: null, text: "Follow up", ownerMembershipId, dueDate: "2027-02-01" });
    const refused = await refusedWithoutWrites(app.db, "BAD_REQUEST", () => world.laborChair.trpc.meetings.action.create(input(world.outsider.membershipId)));
    expect(refused.fieldErrors).toEqual({ ownerMembershipId: ["The owner must be a member of this body."] });
    const elsewhere = await meetingWorld(app);
    await refusedWithoutWrites(app.db, "BAD_REQUEST", () => world.laborChair.trpc.meetings.action.create(input(elsewhere.laborMember.membershipId)));
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.laborMember.trpc.meetings.action.create(input(world.laborMember.membershipId)));
    await refusedWithoutWrites(app.db, "BAD_REQUEST", () => world.laborChair.trpc.meetings.action.create({ ...input(world.laborMember.membershipId), dueDate: "next week" }));
  });

  it("refuses an agenda item of another meeting or one that does not exist (BAD_REQUEST on agendaItemId), and writes nothing", async () => {
    const world = await meetingWorld(app);
    const { meeting, items } = await liveMeeting(app, world);
    const elsewhere = await meetingWorld(app);
    const { items: foreignItems } = await liveMeeting(app, elsewhere);
    const sameBody = await meetingOf(app, world, { items: 1 });
    const input = (agendaItemId: string) => ({
      meetingId: meeting.id,
      agendaItemId,
      text: "Follow up",
      ownerMembershipId: world.laborMember.membershipId,
      dueDate: "2027-02-01",
    });
    const expected = { agendaItemId: ["Choose an item of this meeting's agenda."] };
    // Another partnership's item, another meeting of the same body, an id that does not exist.
    for (const agendaItemId of [foreignItems[0]!.id, sameBody.items[0]!.id, "no-such-item"]) {
      const refused = await refusedWithoutWrites(app.db, "BAD_REQUEST", () => world.laborChair.trpc.meetings.action.create(input(agendaItemId)));
      expect(refused.fieldErrors).toEqual(expected);
      const decision = await refusedWithoutWrites(app.db, "BAD_REQUEST", () =>
        world.laborChair.trpc.meetings.minutes.recordDecision({ meetingId: meeting.id, agendaItemId, text: "Agreed." }),
      );
      expect(decision.fieldErrors).toEqual(expected);
    }
    // Over HTTP too: a 400 with the field error, never a 500.
    const http = await world.laborChair.http.mutate("meetings.action.create", input("no-such-item"));
    expect(http.status).toBe(400);
    expect(http.error).toMatchObject({ code: "BAD_REQUEST", message: "Choose an item of this meeting's agenda.", fieldErrors: expected });
    // This meeting's own item is fine.
    const { id } = await world.laborChair.trpc.meetings.action.create(input(items[0]!.id));
    expect((await app.db.actionItem.findUniqueOrThrow({ where: { id } })).agendaItemId).toBe(items[0]!.id);
  });

  it("lets the owner or a co-chair change its status, nobody else; the owner's open items are listed", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await liveMeeting(app, world);
    const create = (text: string, dueDate: string) =>
      world.laborChair.trpc.meetings.action.create({ meetingId: meeting.id, agendaItemId: null, text, ownerMembershipId: world.managementMember.membershipId, dueDate });
    const later = await create("Survey supervisors", "2027-03-01");
    const sooner = await create("Send the budget", "2027-02-01");
    const dropped = await create("Old idea", "2027-04-01");

    for (const who of [world.laborMember, world.observer, world.staff]) {
      await refusedWithoutWrites(app.db, "FORBIDDEN", () => who.trpc.meetings.action.setStatus({ actionId: later.id, status: "DONE" }));
    }
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.outsider.trpc.meetings.action.setStatus({ actionId: later.id, status: "DONE" }));
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.laborChair.trpc.meetings.action.setStatus({ actionId: "no-such-action", status: "DONE" }));

    // The owner's open action items are what the home page lists as waiting for them, due soonest first.
    const owned = async (who: typeof world.managementMember) => (await who.trpc.home.waiting.list()).sections.actionItems;
    const mine = await owned(world.managementMember);
    expect(mine.map((a) => a.id)).toEqual([sooner.id, later.id, dropped.id]);
    expect(mine[0]).toMatchObject({ text: "Send the budget", partnershipId: world.partnership.id, meeting: { id: meeting.id } });
    expect(await owned(world.laborMember)).toEqual([]);

    expect(await world.managementMember.trpc.meetings.action.setStatus({ actionId: sooner.id, status: "DONE" })).toEqual({ id: sooner.id, status: "DONE" });
    await world.managementChair.trpc.meetings.action.setStatus({ actionId: dropped.id, status: "DROPPED" });
    expect((await owned(world.managementMember)).map((a) => a.id)).toEqual([later.id]);
    // Reopened by the owner: listed again.
    await world.managementMember.trpc.meetings.action.setStatus({ actionId: sooner.id, status: "OPEN" });
    expect((await owned(world.managementMember)).map((a) => a.id)).toEqual([sooner.id, later.id]);
  });
});

describe("approving the minutes", () => {
  it("needs an adjourned meeting, both co-chairs on the same version, and then freezes the minutes", async () => {
    const world = await meetingWorld(app);
    const { meeting, items } = await liveMeeting(app, world);
    const itemId = items[0]!.id;
    await world.laborChair.trpc.meetings.minutes.save({ itemId, text: "Discussed intake.", baseRevision: 0 });
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.laborChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: 1 }));
    await world.laborChair.trpc.meetings.meeting.adjourn({ meetingId: meeting.id });

    for (const who of [world.laborMember, world.staff]) {
      await refusedWithoutWrites(app.db, "FORBIDDEN", () => who.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: 1 }));
    }

    expect(await world.laborChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: 1 })).toEqual({ approved: false });
    expect((await view(world.laborMember, meeting.id)).minutes).toMatchObject({ version: 1, approvedAt: null, approvedSides: ["LABOR"], waitingFor: ["MANAGEMENT"] });
    await refusedWithoutWrites(app.db, "CONFLICT", () => world.laborChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: 1 }));

    // A correction after one approval is a new version: that approval no longer counts.
    expect(await world.managementChair.trpc.meetings.minutes.save({ itemId, text: "Discussed intake; agreed on March.", baseRevision: 1 })).toEqual({ revision: 2 });
    expect((await view(world.laborMember, meeting.id)).minutes).toMatchObject({ version: 2, approvedAt: null, approvedSides: [], waitingFor: ["LABOR", "MANAGEMENT"] });
    await refusedWithoutWrites(app.db, "CONFLICT", () => world.managementChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: 1 }));

    expect(await world.managementChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: 2 })).toEqual({ approved: false });
    expect(await world.laborChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: 2 })).toEqual({ approved: true });
    const v = await view(world.laborMember, meeting.id);
    expect(v.minutes).toMatchObject({ version: 2, approvedSides: ["LABOR", "MANAGEMENT"], waitingFor: [] });
    expect(v.minutes.approvedAt).toBeInstanceOf(Date);
    for (const who of world.seated) {
      expect((await notificationsOf(app.db, who.user.id, "minutes.approved")).map((n) => n.payload)).toEqual([
        { partnershipId: world.partnership.id, meetingId: meeting.id, meetingTitle: meeting.title },
      ]);
    }

    // Approved minutes no longer change.
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.laborChair.trpc.meetings.minutes.save({ itemId, text: "Rewritten.", baseRevision: 2 }));
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () =>
      world.laborChair.trpc.meetings.attendance.mark({ meetingId: meeting.id, membershipId: world.laborMember.membershipId, status: "ABSENT" }),
    );
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () =>
      world.laborChair.trpc.meetings.action.create({ meetingId: meeting.id, agendaItemId: null, text: "Late", ownerMembershipId: world.laborMember.membershipId, dueDate: "2027-05-01" }),
    );
    expect(await minutesOf(itemId)).toEqual({ minutes: "Discussed intake; agreed on March.", minutesRevision: 2 });
  });

  it("makes a new minutes version for attendance and action items changed after adjournment", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await liveMeeting(app, world);
    await world.laborChair.trpc.meetings.meeting.adjourn({ meetingId: meeting.id });
    await world.laborChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: 1 });
    await world.laborChair.trpc.meetings.attendance.mark({ meetingId: meeting.id, membershipId: world.laborMember.membershipId, status: "PRESENT" });
    expect((await view(world.laborChair, meeting.id)).minutes).toMatchObject({ version: 2, approvedSides: [] });
    await world.laborChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: 2 });
    await world.managementChair.trpc.meetings.action.create({
      meetingId: meeting.id,
      agendaItemId: null,
      text: "Send the minutes",
      ownerMembershipId: world.managementChair.membershipId,
      dueDate: "2027-01-20",
    });
    expect((await view(world.laborChair, meeting.id)).minutes).toMatchObject({ version: 3, approvedSides: [] });
  });

  it("never changes approved minutes when a save races the approval that completes them (12 rounds)", async () => {
    const world = await meetingWorld(app);
    const outcomes = { savedFirst: 0, approvedFirst: 0 };
    for (let round = 0; round < 12; round++) {
      const { meeting, items } = await liveMeeting(app, world, { items: 1 });
      const itemId = items[0]!.id;
      await world.laborChair.trpc.meetings.minutes.save({ itemId, text: "As approved.", baseRevision: 0 });
      await world.laborChair.trpc.meetings.meeting.adjourn({ meetingId: meeting.id });
      await world.laborChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: 1 });

      // Either call gets a head start of 0–3 turns of the event loop, so that both orders happen.
      const [saveWaits, approveWaits] = round % 2 === 0 ? [0, (round / 2) % 4] : [((round - 1) / 2) % 4, 0];
      const [saved, approved] = await Promise.allSettled([
        ticks(saveWaits).then(() => world.laborChair.trpc.meetings.minutes.save({ itemId, text: "Changed later.", baseRevision: 1 })),
        ticks(approveWaits).then(() => world.managementChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: 1 })),
      ]);

      const stored = await app.db.meeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { minutesVersion: true, minutesApprovedAt: true } });
      const text = (await minutesOf(itemId)).minutes;
      if (stored.minutesApprovedAt) {
        // Approved: the minutes are exactly what both approved, and the save was refused.
        outcomes.approvedFirst++;
        expect({ approved: approved.status === "fulfilled" && approved.value, version: stored.minutesVersion, text }, `round ${round}`).toEqual({
          approved: { approved: true },
          version: 1,
          text: "As approved.",
        });
        expect(saved.status === "rejected" && (await refusal(Promise.reject(saved.reason))).code).toBe("PRECONDITION_FAILED");
      } else {
        // Saved first: a new version, and approving the old one is refused.
        outcomes.savedFirst++;
        expect({ saved: saved.status, version: stored.minutesVersion, text }, `round ${round}`).toEqual({ saved: "fulfilled", version: 2, text: "Changed later." });
        expect(approved.status === "rejected" && (await refusal(Promise.reject(approved.reason))).code).toBe("CONFLICT");
      }
    }
    expect(outcomes.savedFirst + outcomes.approvedFirst).toBe(12);
  });

  const lateChanges = {
    "a minutes save": (world: World, _meetingId: string, itemId: string) =>
      world.laborChair.trpc.meetings.minutes.save({ itemId, text: "Changed under the approval.", baseRevision: 1 }),
    "an attendance mark": (world: World, meetingId: string) =>
      world.laborChair.trpc.meetings.attendance.mark({ meetingId, membershipId: world.laborMember.membershipId, status: "ABSENT" }),
    "a new action item": (world: World, meetingId: string) =>
      world.laborChair.trpc.meetings.action.create({ meetingId, agendaItemId: null, text: "Slipped in", ownerMembershipId: world.laborMember.membershipId, dueDate: "2027-05-01" }),
  };

  // The worst moment, made to happen: the approval that completes the minutes commits after the
  // change passed its checks (the minutes were open then) but before its transaction.
  it.each(Object.keys(lateChanges) as Array<keyof typeof lateChanges>)("refuses %s that lands just after the approval completed (PRECONDITION_FAILED)", async (change) => {
    const world = await meetingWorld(app);
    const { meeting, items } = await liveMeeting(app, world, { items: 1 });
    const itemId = items[0]!.id;
    await world.laborChair.trpc.meetings.minutes.save({ itemId, text: "As approved.", baseRevision: 0 });
    await world.laborChair.trpc.meetings.meeting.adjourn({ meetingId: meeting.id });
    await world.laborChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: 1 });
    // The co-chair who started the meeting was checked in by the start: that row was approved too.
    const attendanceApproved = await app.db.attendance.count({ where: { meetingId: meeting.id } });
    const race = betweenChecksAndTransaction(app.db, () => world.managementChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: 1 }));
    try {
      expect((await refusal(lateChanges[change](world, meeting.id, itemId))).code).toBe("PRECONDITION_FAILED");
    } finally {
      race.restore();
    }
    expect(await race.outcome).toEqual({ status: "fulfilled", value: { approved: true } });
    // The approved minutes are exactly what both co-chairs approved.
    const stored = await app.db.meeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { minutesVersion: true, minutesApprovedAt: true } });
    expect(stored.minutesVersion).toBe(1);
    expect(stored.minutesApprovedAt).toBeInstanceOf(Date);
    expect(await minutesOf(itemId)).toEqual({ minutes: "As approved.", minutesRevision: 1 });
    expect(await app.db.attendance.count({ where: { meetingId: meeting.id } })).toBe(attendanceApproved);
    expect(await app.db.actionItem.count({ where: { meetingId: meeting.id } })).toBe(0);
  });

  it("approves exactly once when both co-chairs approve at the same moment (10 rounds)", async () => {
    const world = await meetingWorld(app);
    for (let round = 0; round < 10; round++) {
      const { meeting } = await liveMeeting(app, world, { items: 1 });
      await world.laborChair.trpc.meetings.meeting.adjourn({ meetingId: meeting.id });
      const results = await Promise.all([
        world.laborChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: 1 }),
        world.managementChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: 1 }),
      ]);
      expect(results.filter((r) => r.approved), `round ${round}`).toHaveLength(1);
      expect((await app.db.minutesApproval.findMany({ where: { meetingId: meeting.id } })).map((a) => a.side).sort()).toEqual(["LABOR", "MANAGEMENT"]);
      const notified = await app.db.notification.findMany({ where: { kind: "minutes.approved" }, select: { payload: true } });
      expect(notified.filter((n) => (n.payload as { meetingId: string }).meetingId === meeting.id)).toHaveLength(world.seated.length);
    }
  });
});
