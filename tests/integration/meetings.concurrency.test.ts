// Joint approval under concurrency: two approvals at the same moment publish exactly once; an edit
// racing the approval that would complete it never leaves a published agenda that differs from what
// both co-chairs approved; and a change racing a proposal's acceptance still makes a new version.
// Places taken at the same moment (the speakers' queue, accepted items) are distinct and gap-free, and
// of two saves of a side's caucus notes from the same revision exactly one wins.
// Timed races (Promise.all, repeated) run beside deterministic ones that force the worst interleaving
// (betweenChecksAndTransaction).
import { afterAll, describe, expect, it } from "vitest";
import {
  betweenChecksAndTransaction,
  itemInput,
  liveMeeting,
  meetingOf,
  meetingWorld,
  moreMembers,
  slowTransactions,
  type World,
} from "../support/meetings-helpers.js";
import { refusal, startTestApp } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

const ROUNDS = 20;
/** Rounds of the races that also have a deterministic test of their worst interleaving. */
const TIMED_ROUNDS = 12;
/** Resolves after `n` turns of the event loop (0: at once). */
async function ticks(n: number) {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Audit actions about these subjects in the order the agenda went through them. Each agenda entry
 * records the agenda version it left behind (`data.agendaVersion`), and versions are taken under the
 * meeting's row lock, one writer at a time, so they follow the commit order of the changes that made
 * them. (createdAt cannot order them: two racing changes can share a millisecond, and PostgreSQL keeps
 * no insertion order.) Entries that left the same version (changes to proposals, which do not touch the
 * accepted agenda) are ordered by time only.
 */
async function auditOrder(...subjectIds: string[]) {
  const rows = await app.db.$queryRawUnsafe<Array<{ action: string }>>(
    `SELECT "action" FROM "AuditEvent" WHERE "subjectId" IN (${subjectIds.map((_, i) => `$${i + 1}`).join(", ")})
     ORDER BY ("data"->>'agendaVersion')::int, "createdAt"`,
    ...subjectIds,
  );
  return rows.map((r) => r.action);
}

/** The stored agenda state of a meeting: version, publication and the approval rows. */
async function agendaState(meetingId: string) {
  const meeting = await app.db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { agendaVersion: true, publishedVersion: true } });
  const approvals = await app.db.agendaApproval.findMany({ where: { meetingId }, orderBy: { createdAt: "asc" } });
  return { ...meeting, isPublished: meeting.publishedVersion === meeting.agendaVersion, approvals };
}

describe("both co-chairs approve the same version at the same moment", () => {
  it(`publishes exactly once, with both approvals recorded (${ROUNDS} rounds)`, async () => {
    const world = await meetingWorld(app);
    for (let round = 0; round < ROUNDS; round++) {
      const { meeting } = await meetingOf(app, world, { items: 2 });
      // Alternate who is first in line, so either side can be the one that completes the approval.
      const [labor, management] = round % 2 === 0
        ? await Promise.all([
            world.laborChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 }),
            world.managementChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 }),
          ])
        : await Promise.all([
            world.managementChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 }),
            world.laborChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 }),
          ]).then(([m, l]) => [l, m] as const);

      expect([labor.published, management.published].filter(Boolean), `round ${round}`).toHaveLength(1);
      const state = await agendaState(meeting.id);
      expect(state).toMatchObject({ agendaVersion: 1, publishedVersion: 1, isPublished: true });
      expect(state.approvals.map((a) => `${a.side}@${a.version}`).sort()).toEqual(["LABOR@1", "MANAGEMENT@1"]);
      expect(await app.db.auditEvent.count({ where: { subjectId: meeting.id, action: "agenda.published" } })).toBe(1);
      // One publication, so one notification per member of the body.
      const published = await app.db.notification.findMany({ where: { kind: "agenda.published" }, select: { userId: true, payload: true } });
      const forThisMeeting = published.filter((n) => (n.payload as { meetingId: string }).meetingId === meeting.id);
      expect(forThisMeeting.map((n) => n.userId).sort()).toEqual(world.seated.map((p) => p.user.id).sort());
    }
  });
});

describe("an edit races the approval that would publish", () => {
  it(`never publishes an agenda that differs from what both approved (${ROUNDS} rounds)`, async () => {
    const world = await meetingWorld(app);
    const outcomes = { editFirst: 0, approvalFirst: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const { meeting, items } = await meetingOf(app, world, { items: 2 });
      const item = items[0]!;
      const approvedTitle = item.title;
      const editedTitle = `Edited in round ${round}`;
      await world.laborChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 });

      const edit = () => world.laborChair.trpc.meetings.agenda.edit({ ...itemInput(meeting.id, { title: editedTitle }), itemId: item.id });
      const approve = () => world.managementChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 });
      // Give the edit a head start of 0–3 turns of the event loop (its checks before the transaction
      // take longer than the approval's), so that the two interleave differently from round to round.
      const [editResult, approveResult] = await Promise.allSettled([edit(), ticks(round % 4).then(approve)]);

      // The edit always lands (a co-chair may change the agenda at any time).
      expect(editResult.status, `round ${round}`).toBe("fulfilled");
      const state = await agendaState(meeting.id);
      const stored = await app.db.agendaItem.findUniqueOrThrow({ where: { id: item.id } });
      expect(stored.title).toBe(editedTitle);
      // The edit made a new version, so whatever happened to the approval, nothing is published now.
      expect(state.agendaVersion).toBe(2);
      expect(state.isPublished, `round ${round}`).toBe(false);
      expect(state.approvals.filter((a) => a.version === 2)).toEqual([]);

      if (approveResult.status === "fulfilled") {
        // The approval came first: it published version 1 (the text both saw), and the edit then
        // unpublished it.
        outcomes.approvalFirst++;
        expect(approveResult.value).toEqual({ published: true });
        expect(state.publishedVersion).toBe(1);
        expect(state.approvals.map((a) => `${a.side}@${a.version}`).sort()).toEqual(["LABOR@1", "MANAGEMENT@1"]);
        // The audit trail shows the order: published version 1, then the edit.
        const actions = (await auditOrder(meeting.id, item.id)).filter((a) => a === "agenda.published" || a === "agenda.itemEdited");
        expect(actions).toEqual(["agenda.published", "agenda.itemEdited"]);
      } else {
        // The edit came first: approving version 1 is refused, and nothing was published.
        outcomes.editFirst++;
        const refused = await refusal(Promise.reject(approveResult.reason));
        expect(refused.code).toBe("CONFLICT");
        expect(state.publishedVersion).toBeNull();
        expect(state.approvals.map((a) => `${a.side}@${a.version}`)).toEqual(["LABOR@1"]);
      }
      assertPublishedIsApproved(state, stored.title, approvedTitle, editedTitle);
    }
    // Both orders are legitimate; the invariant holds for whichever the server saw.
    expect(outcomes.editFirst + outcomes.approvalFirst).toBe(ROUNDS);
  });

  it("unpublishes when the approval lands between the edit's checks and its transaction", async () => {
    const world = await meetingWorld(app);
    const { meeting, items } = await meetingOf(app, world, { items: 2 });
    await world.laborChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 });
    const race = betweenChecksAndTransaction(app.db, () => world.managementChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 }));
    try {
      await world.laborChair.trpc.meetings.agenda.edit({ ...itemInput(meeting.id, { title: "Edited" }), itemId: items[0]!.id });
    } finally {
      race.restore();
    }
    expect(await race.outcome).toEqual({ status: "fulfilled", value: { published: true } });
    expect(await agendaState(meeting.id)).toMatchObject({ agendaVersion: 2, publishedVersion: 1, isPublished: false });
  });

  it("refuses the approval when the edit lands between the approval's checks and its transaction (CONFLICT)", async () => {
    const world = await meetingWorld(app);
    const { meeting, items } = await meetingOf(app, world, { items: 2 });
    await world.laborChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 });
    const race = betweenChecksAndTransaction(app.db, () =>
      world.laborChair.trpc.meetings.agenda.edit({ ...itemInput(meeting.id, { title: "Edited" }), itemId: items[0]!.id }),
    );
    let refused;
    try {
      refused = await refusal(world.managementChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 }));
    } finally {
      race.restore();
    }
    expect(refused.code).toBe("CONFLICT");
    expect((await race.outcome).status).toBe("fulfilled");
    const state = await agendaState(meeting.id);
    expect(state).toMatchObject({ agendaVersion: 2, publishedVersion: null, isPublished: false });
    expect(state.approvals.map((a) => `${a.side}@${a.version}`)).toEqual(["LABOR@1"]);
  });

  it(`never publishes a stale version when the edit and BOTH approvals race (${ROUNDS} rounds)`, async () => {
    const world = await meetingWorld(app);
    for (let round = 0; round < ROUNDS; round++) {
      const { meeting, items } = await meetingOf(app, world, { items: 2 });
      const item = items[1]!;
      const editedTitle = `Raced in round ${round}`;
      const calls = [
        () => world.laborChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 }),
        () => world.managementChair.trpc.meetings.agenda.edit({ ...itemInput(meeting.id, { title: editedTitle }), itemId: item.id }),
        () => world.managementChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 }),
      ];
      // Rotate who starts first, so each call gets to lead.
      const rotated = [...calls.slice(round % 3), ...calls.slice(0, round % 3)];
      const results = await Promise.allSettled(rotated.map((call) => call()));
      for (const r of results) if (r.status === "rejected") expect((await refusal(Promise.reject(r.reason))).code).toBe("CONFLICT");

      const state = await agendaState(meeting.id);
      const stored = await app.db.agendaItem.findUniqueOrThrow({ where: { id: item.id } });
      expect(stored.title).toBe(editedTitle);
      expect(state.agendaVersion).toBe(2);
      expect(state.isPublished).toBe(false);
      assertPublishedIsApproved(state, stored.title, item.title, editedTitle);
    }
  });
});

describe("a change to a proposal races its acceptance", () => {
  const rivals = {
    edit: {
      action: "agenda.itemEdited",
      run: (world: World, meetingId: string, itemId: string) =>
        world.laborChair.trpc.meetings.agenda.edit({ ...itemInput(meetingId, { title: "Edited meanwhile" }), itemId }),
    },
    reject: {
      action: "agenda.itemRejected",
      run: (world: World, _meetingId: string, itemId: string) => world.laborChair.trpc.meetings.agenda.reject({ itemId, reason: "Not now" }),
    },
    remove: {
      action: "agenda.itemRemoved",
      run: (world: World, _meetingId: string, itemId: string) => world.laborChair.trpc.meetings.agenda.remove({ itemId }),
    },
  };
  type Rival = keyof typeof rivals;

  // The worst moment, made to happen: the acceptance commits after the change checked the item (a
  // proposal then) but before the change's transaction. The change now touches the accepted agenda,
  // so it must make a new version; changing version 2 in place would let approvals of version 2 cover
  // an agenda nobody saw.
  it.each(Object.keys(rivals) as Rival[])("makes a new version when the %s lands just after the acceptance", async (rival) => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world, { items: 1 });
    const { id } = await world.laborMember.trpc.meetings.agenda.propose(itemInput(meeting.id, { title: "Proposed" }));

    const race = betweenChecksAndTransaction(app.db, () => world.managementChair.trpc.meetings.agenda.accept({ itemId: id }));
    try {
      await rivals[rival].run(world, meeting.id, id);
    } finally {
      race.restore();
    }
    expect(await race.outcome).toEqual({ status: "fulfilled", value: { id } });
    expect((await auditOrder(id)).filter((a) => a !== "agenda.itemProposed")).toEqual(["agenda.itemAccepted", rivals[rival].action]);
    expect((await app.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).agendaVersion).toBe(3);
  });

  // And under real timing: either order, every change to the accepted agenda is a version.
  it.each(Object.keys(rivals) as Rival[])(`keeps versions right when the %s and the acceptance race (${TIMED_ROUNDS} rounds)`, async (rival) => {
    const world = await meetingWorld(app);
    for (let round = 0; round < TIMED_ROUNDS; round++) {
      const { meeting } = await meetingOf(app, world, { items: 1 });
      const { id } = await world.laborMember.trpc.meetings.agenda.propose(itemInput(meeting.id, { title: "Proposed" }));
      // Either call gets a head start of 0–3 turns of the event loop, so that both orders happen.
      const [changeWaits, acceptWaits] = round % 2 === 0 ? [0, (round / 2) % 4] : [((round - 1) / 2) % 4, 0];
      const [changed, accepted] = await Promise.allSettled([
        ticks(changeWaits).then(() => rivals[rival].run(world, meeting.id, id)),
        ticks(acceptWaits).then(() => world.managementChair.trpc.meetings.agenda.accept({ itemId: id })),
      ]);
      expect(changed.status).toBe("fulfilled");

      const order = (await auditOrder(id)).filter((a) => a !== "agenda.itemProposed");
      const { agendaVersion } = await app.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
      if (order[0] === "agenda.itemAccepted") {
        expect({ order, agendaVersion }, `round ${round}`).toEqual({ order: ["agenda.itemAccepted", rivals[rival].action], agendaVersion: 3 });
      } else if (rival === "remove") {
        // Removed first: there is nothing left to accept.
        expect(accepted.status === "rejected" && (await refusal(Promise.reject(accepted.reason))).code).toBe("NOT_FOUND");
        expect({ order, agendaVersion }).toEqual({ order: [rivals[rival].action], agendaVersion: 1 });
      } else {
        // Changed while a proposal (no new version), then accepted (one new version).
        expect(accepted.status).toBe("fulfilled");
        expect({ order, agendaVersion }, `round ${round}`).toEqual({ order: [rivals[rival].action, "agenda.itemAccepted"], agendaVersion: 2 });
      }
    }
  });
});

/** Races with many people at once take longer than one test's default time. */
const RACE_TIMEOUT_MS = 90_000;
/** 1, 2, …, n: every place taken once, none skipped. */
const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

// In these races every statement inside a transaction takes a few milliseconds longer (slowTransactions),
// as with a database across a network, so that the racing transactions really overlap.
describe("positions taken at the same moment", () => {
  it(`gives many members who raise their hands at once distinct, gap-free places in the queue (${ROUNDS} rounds)`, async () => {
    const world = await meetingWorld(app);
    const extra = await moreMembers(app, world, 10);
    const hands = [...world.seated.filter((p) => p !== world.observer), ...extra];
    for (let round = 0; round < ROUNDS; round++) {
      const { meeting } = await liveMeeting(app, world, { items: 1 });
      // Everyone at once, some twice (a double click): one entry each, whoever is first.
      const raised = [...hands, ...hands.slice(0, 4)];
      const slow = slowTransactions(app.db);
      try {
        await Promise.all(raised.map((p) => p.trpc.meetings.speaker.raiseHand({ meetingId: meeting.id })));
      } finally {
        slow.restore();
      }

      const entries = await app.db.speakerEntry.findMany({ where: { meetingId: meeting.id }, orderBy: { position: "asc" } });
      expect(entries.map((e) => e.position), `round ${round}`).toEqual(oneToN(hands.length));
      expect(entries.map((e) => e.membershipId).sort()).toEqual(hands.map((p) => p.membershipId).sort());
      expect(entries.every((e) => e.status === "WAITING")).toBe(true);
      // The page shows the queue in that order.
      const view = await world.laborChair.trpc.meetings.meeting.get({ meetingId: meeting.id });
      expect(view.speakers.map((s) => s.membershipId)).toEqual(entries.map((e) => e.membershipId));
    }
  }, RACE_TIMEOUT_MS);

  it(`keeps the queue's places distinct when hands go up while the chair moves and calls speakers (${ROUNDS} rounds)`, async () => {
    const world = await meetingWorld(app);
    const extra = await moreMembers(app, world, 6);
    const [first, second, ...later] = [world.laborMember, world.managementMember, world.neutralMember, world.laborAdvisory, ...extra];
    for (let round = 0; round < ROUNDS; round++) {
      const { meeting } = await liveMeeting(app, world, { items: 1 });
      await first!.trpc.meetings.speaker.raiseHand({ meetingId: meeting.id });
      await second!.trpc.meetings.speaker.raiseHand({ meetingId: meeting.id });
      const secondEntry = await app.db.speakerEntry.findFirstOrThrow({ where: { meetingId: meeting.id, membershipId: second!.membershipId } });
      const slow = slowTransactions(app.db);
      try {
        await Promise.all([
          ...later.map((p) => p.trpc.meetings.speaker.raiseHand({ meetingId: meeting.id })),
          world.laborChair.trpc.meetings.speaker.move({ entryId: secondEntry.id, direction: "up" }),
          world.managementChair.trpc.meetings.speaker.callNext({ meetingId: meeting.id }),
        ]);
      } finally {
        slow.restore();
      }
      const entries = await app.db.speakerEntry.findMany({ where: { meetingId: meeting.id }, orderBy: { position: "asc" } });
      expect(entries.map((e) => e.position).sort((a, b) => a - b), `round ${round}`).toEqual(oneToN(later.length + 2));
      expect(entries.filter((e) => e.status === "SPEAKING")).toHaveLength(1);
      expect(new Set(entries.map((e) => e.membershipId)).size).toBe(entries.length);
    }
  }, RACE_TIMEOUT_MS);

  it(`gives proposals accepted at the same moment distinct places at the end of the agenda (${ROUNDS} rounds)`, async () => {
    const world = await meetingWorld(app);
    const proposers = [world.laborMember, world.managementMember, world.neutralMember, world.laborAdvisory, world.staff];
    for (let round = 0; round < ROUNDS; round++) {
      const { meeting, items } = await meetingOf(app, world, { items: 2 });
      const proposals = [];
      for (const [i, p] of [...proposers, ...proposers].entries()) {
        proposals.push((await p.trpc.meetings.agenda.propose(itemInput(meeting.id, { title: `Proposal ${i}` }))).id);
      }
      // Both co-chairs accept them all at once, alternating (and a co-chair adds one of their own).
      const slow = slowTransactions(app.db);
      try {
        await Promise.all([
          ...proposals.map((itemId, i) => (i % 2 === 0 ? world.laborChair : world.managementChair).trpc.meetings.agenda.accept({ itemId })),
          world.managementChair.trpc.meetings.agenda.propose(itemInput(meeting.id, { title: "The chair's own" })),
        ]);
      } finally {
        slow.restore();
      }

      const accepted = await app.db.agendaItem.findMany({ where: { meetingId: meeting.id, status: "ACCEPTED" }, orderBy: { position: "asc" } });
      expect(accepted.map((i) => i.position), `round ${round}`).toEqual(oneToN(items.length + proposals.length + 1));
      expect(accepted.slice(0, 2).map((i) => i.id)).toEqual(items.map((i) => i.id));
      // Each acceptance was its own version of the agenda.
      const { agendaVersion } = await app.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
      expect(agendaVersion).toBe(1 + proposals.length + 1);
      const view = await world.laborMember.trpc.meetings.meeting.get({ meetingId: meeting.id });
      expect(view.agenda.items.map((i) => i.id)).toEqual(accepted.map((i) => i.id));
      expect(view.agenda.proposals).toEqual([]);
    }
  }, RACE_TIMEOUT_MS);
});

describe("two members of a side save the caucus notes at the same moment", () => {
  it(`lets exactly one of them win, from the first save and from a later one (${ROUNDS} rounds)`, async () => {
    const world = await meetingWorld(app);
    const { meeting } = await liveMeeting(app, world);
    await world.laborChair.trpc.meetings.meeting.callCaucus({ meetingId: meeting.id, minutes: 30 });
    const writers = [world.laborChair, world.laborMember, world.laborAdvisory];
    let revision = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Round 0 races the first save (nothing stored yet); later rounds race an update.
      const texts = writers.map((w) => `${w.name}, round ${round}`);
      const slow = slowTransactions(app.db);
      const results = await Promise.allSettled(
        writers.map((w, i) => w.trpc.meetings.caucus.saveNote({ meetingId: meeting.id, text: texts[i]!, baseRevision: revision })),
      ).finally(() => slow.restore());
      const winners = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
      expect(winners, `round ${round}`).toHaveLength(1);
      for (const loser of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
        expect((await refusal(Promise.reject(loser.reason))).code).toBe("CONFLICT");
      }
      revision++;
      expect((results[winners[0]!] as PromiseFulfilledResult<{ revision: number }>).value).toEqual({ revision });
      const stored = await app.db.caucusNote.findUniqueOrThrow({ where: { meetingId_side: { meetingId: meeting.id, side: "LABOR" } } });
      expect({ text: stored.text, revision: stored.revision }).toEqual({ text: texts[winners[0]!], revision });
    }
    expect(await app.db.caucusNote.count({ where: { meetingId: meeting.id } })).toBe(1);
  }, RACE_TIMEOUT_MS);
});

/**
 * The invariant: while the agenda is published, its version is the one both sides approved, and the
 * item's text is the text at that version (the edited text exists only in a later version).
 */
function assertPublishedIsApproved(
  state: Awaited<ReturnType<typeof agendaState>>,
  currentTitle: string,
  approvedTitle: string,
  editedTitle: string,
) {
  if (!state.isPublished) return;
  expect(state.publishedVersion).toBe(state.agendaVersion);
  const sides = state.approvals.filter((a) => a.version === state.agendaVersion).map((a) => a.side).sort();
  expect(sides).toEqual(["LABOR", "MANAGEMENT"]);
  // Version 1 carries the original text; the edit is version 2.
  expect(currentTitle).toBe(state.agendaVersion === 1 ? approvedTitle : editedTitle);
}
