// Curriculum drafts under concurrency, with real parallel connections to PostgreSQL: the last two
// sign-offs at the same moment, saves from the same revision, a sign-off or an adoption racing a new
// version, a settings change racing a sign-off, and a withdrawal landing between a writer's checks and
// its transaction. Timed races (Promise.allSettled, repeated, with the order alternated) run beside
// deterministic ones that force the worst interleaving (betweenChecksAndTransaction).
import { afterAll, describe, expect, it } from "vitest";
import { betweenChecksAndTransaction } from "../support/meetings-helpers.js";
import { draftInReview, draftWorld, IMT_MODULES, nextVersion, saveInputOf, type DraftWorld, type Person } from "../support/drafts-helpers.js";
import { refusal, startTestApp } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

const ROUNDS = 15;
/** Each round brings a draft to review through the real procedures: allow time on a busy machine. */
const RACE_TIMEOUT = 120_000;

/** Resolves after `n` turns of the event loop (0: at once), to vary which request gets ahead. */
async function ticks(n: number) {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

const signOff = (who: Person, draftId: string, versionNumber: number) =>
  who.trpc.drafts.signOff.decide({ draftId, versionNumber, decision: "SIGNED_OFF" });

/** Whether the stored sign-offs of the draft's current version meet the body's stored rule and group. */
async function ruleMetInDatabase(draftId: string) {
  const draft = await app.db.draft.findUniqueOrThrow({ where: { id: draftId } });
  const [group, settings, version] = await Promise.all([
    app.db.draftReviewer.findMany({ where: { bodyId: draft.bodyId } }),
    app.db.draftSettings.findUnique({ where: { bodyId: draft.bodyId } }),
    app.db.draftVersion.findFirstOrThrow({ where: { draftId, number: draft.currentVersion }, include: { signOffs: true } }),
  ]);
  const members = new Set(group.map((g) => g.membershipId));
  const signed = new Set(version.signOffs.filter((s) => s.decision === "SIGNED_OFF" && members.has(s.reviewerMembershipId)).map((s) => s.reviewerMembershipId)).size;
  const required = (settings?.rule ?? "ALL") === "ALL" ? members.size : settings!.minimum;
  return { draft, met: members.size > 0 && signed >= required };
}

async function signedOffNotices(userId: string, draftId: string) {
  const rows = await app.db.notification.findMany({ where: { userId, kind: "draft.signedOff" } });
  return rows.filter((n) => (n.payload as { draftId?: string }).draftId === draftId);
}

describe("the last two sign-offs at the same moment", () => {
  it(`the draft is signed off every time, and the editors are told once (${ROUNDS} rounds)`, async () => {
    const world = await draftWorld(app);
    for (let round = 0; round < ROUNDS; round++) {
      const view = await draftInReview(world);
      const draftId = view.draft.id;
      const [first, second] = round % 2 ? [world.reviewer2, world.reviewer1] : [world.reviewer1, world.reviewer2];
      const results = await Promise.allSettled([signOff(first, draftId, 1), ticks(round % 3).then(() => signOff(second, draftId, 1))]);
      for (const r of results) expect(r.status, `round ${round}: ${r.status === "rejected" ? String(r.reason) : ""}`).toBe("fulfilled");
      const now = await app.db.draft.findUniqueOrThrow({ where: { id: draftId } });
      expect(now.status, `round ${round}`).toBe("SIGNED_OFF");
      // Exactly one of the two decisions completed the sign-off (the other was counted before it).
      const completed = results.map((r) => (r.status === "fulfilled" ? r.value.signedOff : null));
      expect(completed.filter(Boolean), `round ${round}`).toHaveLength(1);
      expect(await signedOffNotices(world.editor.user.id, draftId), `round ${round}`).toHaveLength(1);
    }
  }, RACE_TIMEOUT);
});

describe("saves of the working copy from the same revision at the same moment", () => {
  it(`exactly one wins; the others get CONFLICT and wrote nothing; the modules are the winner's (${ROUNDS} rounds)`, async () => {
    const world = await draftWorld(app);
    const editors = [world.editor, world.editor2, world.laborChair, world.managementChair];
    for (let round = 0; round < ROUNDS; round++) {
      const start = await world.editor.trpc.drafts.draft.get({ draftId: (await draftInReview(world)).draft.id });
      // Each save has a different module list (one to four modules), so a mixed result would show.
      const inputs = editors.map((_, i) =>
        saveInputOf(start, {
          title: `Round ${round} save ${i}`,
          modules: Array.from({ length: i + 1 }, (_, j) => ({ ...IMT_MODULES[j % 2]!, key: j < start.modules.length ? start.modules[j]!.key : undefined, title: `Save ${i} module ${j}` })),
        }),
      );
      const results = await Promise.allSettled(editors.map((e, i) => ticks((round + i) % 3).then(() => e.trpc.drafts.draft.save(inputs[i]!))));
      const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
      expect(won, `round ${round}`).toHaveLength(1);
      for (const r of results) if (r.status === "rejected") expect(r.reason.code, String(r.reason)).toBe("CONFLICT");
      const draft = await app.db.draft.findUniqueOrThrow({ where: { id: start.draft.id }, include: { modules: { orderBy: { position: "asc" } } } });
      expect(draft.revision).toBe(start.draft.revision + 1);
      expect(draft.title).toBe(`Round ${round} save ${won[0]}`);
      expect(draft.modules.map((m) => [m.position, m.title])).toEqual(inputs[won[0]!]!.modules.map((m, j) => [j, m.title]));
    }
  }, RACE_TIMEOUT);
});

describe("a sign-off racing a new version", () => {
  it(`the decision binds to the version the reviewer read, or is refused; never signed off without the current version's sign-off (${ROUNDS} rounds)`, async () => {
    const world = await draftWorld(app);
    for (let round = 0; round < ROUNDS; round++) {
      const view = await draftInReview(world);
      const draftId = view.draft.id;
      await signOff(world.reviewer1, draftId, 1);
      const calls: Array<() => Promise<unknown>> = [() => signOff(world.reviewer2, draftId, 1), () => nextVersion(world, draftId)];
      const order = round % 2 ? [1, 0] : [0, 1];
      const settled: PromiseSettledResult<unknown>[] = [];
      await Promise.all(order.map((i, k) => ticks(k * (round % 3)).then(() => calls[i]!()).then(
        (value) => void (settled[i] = { status: "fulfilled", value }),
        (reason: unknown) => void (settled[i] = { status: "rejected", reason }),
      )));
      const [decision, save] = settled;
      expect(save!.status, `round ${round}`).toBe("fulfilled");
      const v1 = await app.db.draftVersion.findFirstOrThrow({ where: { draftId, number: 1 }, include: { signOffs: true } });
      const mine = v1.signOffs.find((s) => s.reviewerMembershipId === world.reviewer2.membershipId);
      if (decision!.status === "fulfilled") {
        expect(mine, `round ${round}`).toBeTruthy();
      } else {
        expect((decision as PromiseRejectedResult).reason.code).toBe("PRECONDITION_FAILED");
        expect(mine).toBeUndefined();
      }
      const { draft, met } = await ruleMetInDatabase(draftId);
      expect(draft).toMatchObject({ currentVersion: 2, status: "IN_REVIEW" });
      expect(met).toBe(false);
    }
  }, RACE_TIMEOUT);
});

describe("the other side's concurrence to adopt racing a new version", () => {
  it(`exactly one of them wins and the state agrees with it (${ROUNDS} rounds)`, async () => {
    const world = await draftWorld(app);
    for (let round = 0; round < ROUNDS; round++) {
      const view = await draftInReview(world);
      const draftId = view.draft.id;
      for (const r of world.reviewers) await signOff(r, draftId, 1);
      const signed = await world.editor.trpc.drafts.draft.get({ draftId });
      const proposed = await world.managementChair.trpc.drafts.draft.adopt({ draftId, versionNumber: 1 });
      const changeId = proposed.pending ? proposed.changeId : "";
      // A concurrence that finds the version replaced applies nothing (STALE): treated as losing.
      const adoptCall = () =>
        world.laborChair.trpc.joint.change.concur({ changeId }).then((r) => {
          if (r.status !== "APPLIED") throw Object.assign(new Error(r.message), { code: "PRECONDITION_FAILED" });
          return r;
        });
      const saveCall = () => world.editor.trpc.drafts.draft.save(saveInputOf(signed, { title: `Renamed ${round}`, newVersion: { changeSummary: "Late change" } }));
      const [adopt, save] = await Promise.allSettled(
        round % 2 ? [ticks(round % 3).then(adoptCall), saveCall()] : [adoptCall(), ticks(round % 3).then(saveCall)],
      );
      const draft = await app.db.draft.findUniqueOrThrow({ where: { id: draftId }, include: { adoption: true } });
      if (adopt!.status === "fulfilled") {
        expect(save!.status, `round ${round}`).toBe("rejected");
        expect((save as PromiseRejectedResult).reason.code).toBe("PRECONDITION_FAILED");
        expect(draft).toMatchObject({ status: "ADOPTED", currentVersion: 1 });
        expect(draft.adoption!.versionNumber).toBe(1);
      } else {
        expect(save!.status, `round ${round}`).toBe("fulfilled");
        expect((adopt as PromiseRejectedResult).reason.code).toBe("PRECONDITION_FAILED");
        expect(draft).toMatchObject({ status: "IN_REVIEW", currentVersion: 2, adoption: null });
      }
    }
  }, RACE_TIMEOUT);
});

describe("a settings change racing a sign-off", () => {
  async function setGroup(world: DraftWorld, reviewers: Person[]) {
    await world.laborChair.trpc.drafts.settings.set({
      bodyId: world.committee.id,
      editorMembershipIds: [world.editor.membershipId, world.editor2.membershipId],
      reviewerMembershipIds: reviewers.map((r) => r.membershipId),
      rule: "ALL",
      minimum: 1,
    });
  }

  it(`dropping the undecided reviewer while the other signs off: the status always agrees with the rule (${ROUNDS} rounds)`, async () => {
    const world = await draftWorld(app);
    for (let round = 0; round < ROUNDS; round++) {
      await setGroup(world, world.reviewers);
      const view = await draftInReview(world);
      const draftId = view.draft.id;
      const results = await Promise.allSettled(
        round % 2
          ? [signOff(world.reviewer1, draftId, 1), ticks(round % 3).then(() => setGroup(world, [world.reviewer1]))]
          : [ticks(round % 3).then(() => signOff(world.reviewer1, draftId, 1)), setGroup(world, [world.reviewer1])],
      );
      for (const r of results) expect(r.status, `round ${round}: ${r.status === "rejected" ? String(r.reason) : ""}`).toBe("fulfilled");
      const { draft, met } = await ruleMetInDatabase(draftId);
      expect(met, `round ${round}`).toBe(true);
      expect(draft.status, `round ${round}`).toBe("SIGNED_OFF");
      // Withdrawn, so that the next rounds' settings changes leave it alone.
      await world.editor.trpc.drafts.draft.withdraw({ draftId });
    }
  }, RACE_TIMEOUT);

  it("a reviewer dropped from the group between their checks and their transaction is refused", async () => {
    const world = await draftWorld(app);
    const view = await draftInReview(world);
    const race = betweenChecksAndTransaction(app.db, () => setGroup(world, [world.reviewer1]));
    const refused = await refusal(signOff(world.reviewer2, view.draft.id, 1));
    expect((await race.outcome).status).toBe("fulfilled");
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/sign-off group/);
    expect(await app.db.draftSignOff.count({ where: { draftId: view.draft.id } })).toBe(0);
  });
});

describe("a withdrawal between a writer's checks and their transaction", () => {
  const writes = {
    comment: (world: DraftWorld, draftId: string) => world.reviewer2.trpc.drafts.comment.add({ draftId, body: "Too late" }),
    reply: (world: DraftWorld, _draftId: string, commentId: string) => world.reviewer2.trpc.drafts.comment.reply({ commentId, body: "Too late" }),
    resolution: (world: DraftWorld, _draftId: string, commentId: string) => world.reviewer1.trpc.drafts.comment.resolve({ commentId, resolved: true }),
  };
  for (const [kind, write] of Object.entries(writes)) {
    it(`a ${kind} is refused; the withdrawn draft's comments stay as they were`, async () => {
      const world = await draftWorld(app);
      const view = await draftInReview(world);
      const draftId = view.draft.id;
      const { id: commentId } = await world.reviewer1.trpc.drafts.comment.add({ draftId, body: "Before the withdrawal" });
      const before = await app.db.draftComment.findMany({ where: { draftId }, orderBy: { id: "asc" } });
      const race = betweenChecksAndTransaction(app.db, () => world.editor.trpc.drafts.draft.withdraw({ draftId }));
      const refused = await refusal(write(world, draftId, commentId));
      expect((await race.outcome).status).toBe("fulfilled");
      expect(refused.code).toBe("PRECONDITION_FAILED");
      expect(refused.message).toMatch(/withdrawn/);
      expect(await app.db.draftComment.findMany({ where: { draftId }, orderBy: { id: "asc" } })).toEqual(before);
    });
  }
});
