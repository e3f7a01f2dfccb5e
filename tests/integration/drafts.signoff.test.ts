// Worker sign-off and adoption: decisions bound to one version, cleared by any new version (history
// keeps them), the rule (all, or at least N), adoption only by both sides (a joint change both co-chairs
// agree to, or a passed motion naming the version), the guard through every path (service, HTTP, direct
// database writes) and its races with a new version; the registration agency's step after adoption.
import { afterAll, describe, expect, it } from "vitest";
import { betweenChecksAndTransaction, notificationsOf } from "../support/meetings-helpers.js";
import {
  draftInReview,
  draftingDraft,
  draftWorld,
  nextVersion,
  refusedByTrigger,
  refusedWithoutWrites,
  saveInputOf,
  type DraftWorld,
} from "../support/drafts-helpers.js";
import { refusal, startTestApp } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

const signOff = (who: Pick<DraftWorld["stranger"], "trpc">, draftId: string, versionNumber: number) =>
  who.trpc.drafts.signOff.decide({ draftId, versionNumber, decision: "SIGNED_OFF" });

async function signedOffDraft(world: DraftWorld) {
  const view = await draftInReview(world);
  for (const r of world.reviewers) await signOff(r, view.draft.id, 1);
  return world.editor.trpc.drafts.draft.get({ draftId: view.draft.id });
}

describe("worker sign-off", () => {
  it("every reviewer signs off (rule ALL): the draft is signed off; editors and co-chairs are told", async () => {
    const world = await draftWorld(app);
    const view = await draftInReview(world);
    expect(await notificationsOf(app.db, world.reviewer1.user.id, "draft.reviewRequested")).toHaveLength(1);
    expect((await world.reviewer1.trpc.drafts.draft.list({ partnershipId: world.partnership.id })).drafts[0]!.awaitingMySignOff).toBe(true);

    await signOff(world.reviewer1, view.draft.id, 1);
    let now = await world.editor.trpc.drafts.draft.get({ draftId: view.draft.id });
    expect(now.draft.status).toBe("IN_REVIEW");
    expect(now.review).toMatchObject({ signed: 1, required: 2, met: false });
    expect(now.viewer.canProposeAdoption).toBe(false);

    await signOff(world.reviewer2, view.draft.id, 1);
    now = await world.managementChair.trpc.drafts.draft.get({ draftId: view.draft.id });
    expect(now.draft.status).toBe("SIGNED_OFF");
    expect(now.review).toMatchObject({ signed: 2, required: 2, met: true });
    expect(now.review.group.map((g) => g.decision)).toEqual(["SIGNED_OFF", "SIGNED_OFF"]);
    expect(now.viewer).toMatchObject({ canProposeAdoption: true, canMoveAdoption: true });
    for (const who of [world.editor, world.editor2, world.laborChair, world.managementChair]) {
      expect(await notificationsOf(app.db, who.user.id, "draft.signedOff")).toHaveLength(1);
    }
    expect(await notificationsOf(app.db, world.reviewer2.user.id, "draft.signedOff")).toHaveLength(0);
  });

  it("refuses: not in the group, twice, changes without a reason, an old version, not in review, outsiders", async () => {
    const world = await draftWorld(app);
    const drafting = await draftingDraft(world);
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () =>
      world.reviewer1.trpc.drafts.signOff.decide({ draftId: drafting.draft.id, versionNumber: 1, decision: "SIGNED_OFF" }),
    );
    const view = await draftInReview(world);
    const draftId = view.draft.id;
    for (const who of [world.laborMember, world.laborChair, world.managementChair, world.editor]) {
      const r = await refusedWithoutWrites(app.db, "FORBIDDEN", () => signOff(who, draftId, 1));
      expect(r.message).toMatch(/sign-off group/);
    }
    for (const who of [world.outsider, world.stranger]) await refusedWithoutWrites(app.db, "NOT_FOUND", () => signOff(who, draftId, 1));
    const noReason = await refusedWithoutWrites(app.db, "BAD_REQUEST", () =>
      world.reviewer1.trpc.drafts.signOff.decide({ draftId, versionNumber: 1, decision: "CHANGES_REQUESTED", reason: "   " }),
    );
    expect(noReason.fieldErrors?.reason).toBeTruthy();
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => signOff(world.reviewer1, draftId, 2));

    await signOff(world.reviewer1, draftId, 1);
    const twice = await refusedWithoutWrites(app.db, "CONFLICT", () => signOff(world.reviewer1, draftId, 1));
    expect(twice.message).toMatch(/already/);
    await refusedWithoutWrites(app.db, "CONFLICT", () =>
      world.reviewer1.trpc.drafts.signOff.decide({ draftId, versionNumber: 1, decision: "CHANGES_REQUESTED", reason: "Second thoughts" }),
    );
    // The same decision twice at the same moment: exactly one is recorded.
    const results = await Promise.allSettled([signOff(world.reviewer2, draftId, 1), signOff(world.reviewer2, draftId, 1), signOff(world.reviewer2, draftId, 1)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await app.db.draftSignOff.count({ where: { draftId } })).toBe(2);
    // A decision is never changed or removed, whoever asks.
    const row = await app.db.draftSignOff.findFirstOrThrow({ where: { draftId } });
    await refusedByTrigger(app.db.draftSignOff.update({ where: { id: row.id }, data: { decision: "CHANGES_REQUESTED" } }), /append-only/);
    await refusedByTrigger(app.db.draftSignOff.delete({ where: { id: row.id } }), /append-only/);
  });

  it("a request for changes keeps the draft in review and tells the editors, with the reason", async () => {
    const world = await draftWorld(app);
    const view = await draftInReview(world);
    await world.reviewer1.trpc.drafts.signOff.decide({ draftId: view.draft.id, versionNumber: 1, decision: "CHANGES_REQUESTED", reason: "Mentor hours are missing." });
    await signOff(world.reviewer2, view.draft.id, 1);
    const now = await world.editor.trpc.drafts.draft.get({ draftId: view.draft.id });
    expect(now.draft.status).toBe("IN_REVIEW");
    expect(now.review).toMatchObject({ signed: 1, changesRequested: 1, met: false });
    expect(now.signOffs.find((s) => s.decision === "CHANGES_REQUESTED")!.reason).toBe("Mentor hours are missing.");
    expect(await notificationsOf(app.db, world.editor.user.id, "draft.changesRequested")).toHaveLength(1);
  });

  it("a new version clears the sign-offs and asks again; the history keeps the old ones", async () => {
    const world = await draftWorld(app);
    const signed = await signedOffDraft(world);
    expect(signed.draft.status).toBe("SIGNED_OFF");
    const v2 = await nextVersion(world, signed.draft.id);
    expect(v2.draft).toMatchObject({ status: "IN_REVIEW", currentVersion: 2 });
    expect(v2.review).toMatchObject({ signed: 0, met: false });
    expect(v2.review.group.every((g) => g.decision === null)).toBe(true);
    expect(v2.signOffs.map((s) => [s.versionNumber, s.decision])).toEqual([[1, "SIGNED_OFF"], [1, "SIGNED_OFF"]]);
    const asReviewer = await world.reviewer1.trpc.drafts.draft.get({ draftId: signed.draft.id });
    expect(asReviewer.viewer).toMatchObject({ canSignOff: true, myDecision: null });
    expect((await world.reviewer1.trpc.drafts.version.get({ draftId: signed.draft.id, number: 1 })).signOffs).toHaveLength(2);
    expect(await notificationsOf(app.db, world.reviewer1.user.id, "draft.reviewRequested")).toHaveLength(2);
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.managementChair.trpc.drafts.draft.adopt({ draftId: signed.draft.id, versionNumber: 1 }));
  });

  it("rule AT_LEAST 1: one reviewer is enough; a later decision by the other is still recorded", async () => {
    const world = await draftWorld(app, { rule: "AT_LEAST", minimum: 1 });
    const view = await draftInReview(world);
    await signOff(world.reviewer2, view.draft.id, 1);
    expect((await world.editor.trpc.drafts.draft.get({ draftId: view.draft.id })).draft.status).toBe("SIGNED_OFF");
    await world.reviewer1.trpc.drafts.signOff.decide({ draftId: view.draft.id, versionNumber: 1, decision: "CHANGES_REQUESTED", reason: "Add ESL support." });
    const now = await world.editor.trpc.drafts.draft.get({ draftId: view.draft.id });
    expect(now.draft.status).toBe("SIGNED_OFF");
    expect(now.review).toMatchObject({ signed: 1, required: 1, changesRequested: 1, met: true });
  });
});

describe("body settings", () => {
  it("co-chairs set editors, the labor-only group and the rule; open reviews are re-checked at once", async () => {
    const world = await draftWorld(app);
    const view = await draftInReview(world);
    await signOff(world.reviewer1, view.draft.id, 1);
    const settings = await world.laborChair.trpc.drafts.settings.get({ bodyId: world.committee.id });
    expect(settings.reviewerMembershipIds.sort()).toEqual([world.reviewer1.membershipId, world.reviewer2.membershipId].sort());
    const input = { bodyId: world.committee.id, editorMembershipIds: settings.editorMembershipIds, rule: "ALL" as const, minimum: 1 };

    // A management or neutral member, or someone not on the committee, cannot be in the group.
    for (const who of [world.managementMember, world.editor2, world.outsider]) {
      await refusedWithoutWrites(app.db, "BAD_REQUEST", () =>
        world.laborChair.trpc.drafts.settings.set({ ...input, reviewerMembershipIds: [world.reviewer1.membershipId, who.membershipId] }),
      );
    }
    for (const who of [world.editor, world.reviewer1, world.laborMember]) {
      await refusedWithoutWrites(app.db, "FORBIDDEN", () => who.trpc.drafts.settings.set({ ...input, reviewerMembershipIds: [] }));
    }
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.stranger.trpc.drafts.settings.set({ ...input, reviewerMembershipIds: [] }));
    await refusedWithoutWrites(app.db, "BAD_REQUEST", () =>
      world.laborChair.trpc.drafts.settings.set({ ...input, rule: "AT_LEAST", minimum: 3, reviewerMembershipIds: [world.reviewer1.membershipId] }),
    );
    // The database refuses a management member in the group whatever the caller.
    await refusedByTrigger(app.db.draftReviewer.create({ data: { bodyId: world.committee.id, membershipId: world.managementMember.membershipId } }), /labor-side/);

    // The group is labor's: management's change to it is only a proposal until labor concurs. Dropping
    // the reviewer who has not decided then completes the sign-off of the version in review.
    const proposal = await world.managementChair.trpc.drafts.settings.set({ ...input, reviewerMembershipIds: [world.reviewer1.membershipId] });
    expect(proposal).toMatchObject({ pending: true, waitingFor: "LABOR" });
    expect((await world.editor.trpc.drafts.draft.get({ draftId: view.draft.id })).draft.status).toBe("IN_REVIEW");
    await world.laborChair.trpc.joint.change.concur({ changeId: proposal.pending ? proposal.changeId : "" });
    expect((await world.editor.trpc.drafts.draft.get({ draftId: view.draft.id })).draft.status).toBe("SIGNED_OFF");
    // Labor's co-chair sets it at once: adding a labor member who has not decided puts it back in review.
    expect(await world.laborChair.trpc.drafts.settings.set({ ...input, reviewerMembershipIds: [world.reviewer1.membershipId, world.laborMember.membershipId] })).toMatchObject({ pending: false });
    expect((await world.editor.trpc.drafts.draft.get({ draftId: view.draft.id })).draft.status).toBe("IN_REVIEW");
  });
});

/** Proposes adopting the draft's version as `who` (a co-chair) and answers the waiting change's id. */
async function proposeAdoption(who: Pick<DraftWorld["stranger"], "trpc">, draftId: string, versionNumber: number) {
  const proposed = await who.trpc.drafts.draft.adopt({ draftId, versionNumber });
  expect(proposed).toMatchObject({ pending: true, status: "PENDING" });
  return proposed.pending ? proposed.changeId : "";
}

describe("adoption by both co-chairs", () => {
  it("one co-chair alone cannot adopt: a proposal waits, nothing is adopted; the other side's concurrence adopts it in one transaction", async () => {
    const world = await draftWorld(app);
    const signed = await signedOffDraft(world);
    const draftId = signed.draft.id;
    for (const who of [world.editor, world.reviewer1, world.managementMember, world.laborMember]) {
      await refusedWithoutWrites(app.db, "FORBIDDEN", () => who.trpc.drafts.draft.adopt({ draftId, versionNumber: 1 }));
    }
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.stranger.trpc.drafts.draft.adopt({ draftId, versionNumber: 1 }));

    // Management proposes: pending, nothing adopted; labor is told and it waits on their home page.
    const changeId = await proposeAdoption(world.managementChair, draftId, 1);
    let view = await world.reviewer1.trpc.drafts.draft.get({ draftId });
    expect(view.draft.status).toBe("SIGNED_OFF");
    expect(view.adoption).toBeNull();
    expect(await app.db.draftAdoption.count({ where: { draftId } })).toBe(0);
    expect(await notificationsOf(app.db, world.laborChair.user.id, "joint.waiting")).toHaveLength(1);
    // The proposer cannot concur with themself; a second proposal for the same draft is refused.
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.managementChair.trpc.joint.change.concur({ changeId }));
    await refusedWithoutWrites(app.db, "CONFLICT", () => world.laborChair.trpc.drafts.draft.adopt({ draftId, versionNumber: 1 }));

    const concurred = await world.laborChair.trpc.joint.change.concur({ changeId });
    expect(concurred.status).toBe("APPLIED");
    view = await world.reviewer1.trpc.drafts.draft.get({ draftId });
    expect(view.draft.status).toBe("ADOPTED");
    expect(view.adoption).toMatchObject({ versionNumber: 1, jointChangeId: changeId, motionId: null, agreedBy: [world.managementChair.name, world.laborChair.name] });
    expect(view.signOffs.map((s) => [s.versionNumber, s.reviewerName])).toEqual([
      [1, world.reviewer1.name],
      [1, world.reviewer2.name],
    ]);
    expect(view.viewer).toMatchObject({ canEdit: false, canComment: false, canSignOff: false, canProposeAdoption: false, canMoveAdoption: false });
    const audit = await app.db.auditEvent.findMany({ where: { subjectId: { in: [draftId, changeId] } }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["joint.proposed", "draft.adopted", "joint.applied"]));
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.editor.trpc.drafts.draft.save(saveInputOf(view, { newVersion: { changeSummary: "After adoption" } })));
    // Adopting again is refused before any write.
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.laborChair.trpc.drafts.draft.adopt({ draftId, versionNumber: 1 }));
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.editor.trpc.drafts.comment.add({ draftId, body: "Late note" }));
  });

  it("a stale proposal (a new version since) is not applied; a declined one leaves nothing", async () => {
    const world = await draftWorld(app);
    const signed = await signedOffDraft(world);
    const draftId = signed.draft.id;
    const stale = await proposeAdoption(world.laborChair, draftId, 1);
    await nextVersion(world, draftId);
    for (const r of world.reviewers) await signOff(r, draftId, 2);
    expect(await world.managementChair.trpc.joint.change.concur({ changeId: stale })).toMatchObject({ status: "STALE" });
    expect((await app.db.draft.findUniqueOrThrow({ where: { id: draftId } })).status).toBe("SIGNED_OFF");
    expect(await app.db.draftAdoption.count({ where: { draftId } })).toBe(0);

    const declined = await proposeAdoption(world.laborChair, draftId, 2);
    await world.managementChair.trpc.joint.change.decline({ changeId: declined, reason: "Not before the employers' review." });
    expect((await app.db.draft.findUniqueOrThrow({ where: { id: draftId } })).status).toBe("SIGNED_OFF");
    expect(await app.db.draftAdoption.count({ where: { draftId } })).toBe(0);
  });

  it("cannot propose without a complete sign-off: in review, partly signed, an older version, or over HTTP", async () => {
    const world = await draftWorld(app);
    const view = await draftInReview(world);
    const draftId = view.draft.id;
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.managementChair.trpc.drafts.draft.adopt({ draftId, versionNumber: 1 }));
    await signOff(world.reviewer1, draftId, 1);
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.managementChair.trpc.drafts.draft.adopt({ draftId, versionNumber: 1 }));
    const http = await world.managementChair.http.mutate("drafts.draft.adopt", { draftId, versionNumber: 1 });
    expect(http.status).toBe(412);
    expect(http.error?.code).toBe("PRECONDITION_FAILED");
    expect((await app.db.draft.findUniqueOrThrow({ where: { id: draftId } })).status).toBe("IN_REVIEW");
    expect(await app.db.jointChange.count({ where: { kind: "DRAFT_ADOPTION", targetKey: draftId } })).toBe(0);
  });

  it("the database itself refuses an adoption that the sign-off does not support, or that no joint change or motion decided", async () => {
    const world = await draftWorld(app);
    const view = await draftInReview(world);
    const draftId = view.draft.id;
    await signOff(world.reviewer1, draftId, 1);
    const v1 = await app.db.draftVersion.findFirstOrThrow({ where: { draftId, number: 1 } });
    // Half signed: no signed-off status, no adoption row, no adopted status.
    await refusedByTrigger(app.db.draft.update({ where: { id: draftId }, data: { status: "SIGNED_OFF" } }), /not complete/);
    await refusedByTrigger(
      app.db.draftAdoption.create({ data: { draftId, versionId: v1.id, versionNumber: 1, adoptedById: "x", adoptedByName: "x" } }),
      /complete worker sign-off/,
    );
    await refusedByTrigger(app.db.draft.update({ where: { id: draftId }, data: { status: "ADOPTED" } }), /adoption of its current version/);
    // Fully signed: still, one side alone (no joint change, no motion) cannot adopt, nor by a change not yet concurred.
    await signOff(world.reviewer2, draftId, 1);
    await refusedByTrigger(
      app.db.draftAdoption.create({ data: { draftId, versionId: v1.id, versionNumber: 1, adoptedById: "x", adoptedByName: "x" } }),
      /decided by both co-chairs/,
    );
    const pending = await proposeAdoption(world.managementChair, draftId, 1);
    await refusedByTrigger(
      app.db.draftAdoption.create({ data: { draftId, versionId: v1.id, versionNumber: 1, adoptedById: "x", adoptedByName: "x", jointChangeId: pending } }),
      /concurred by the other side/,
    );
    // Version 2 current: version 1 cannot be adopted, nor version 2 be "signed off".
    await world.managementChair.trpc.joint.change.withdraw({ changeId: pending });
    await nextVersion(world, draftId);
    await refusedByTrigger(
      app.db.draftAdoption.create({ data: { draftId, versionId: v1.id, versionNumber: 1, adoptedById: "x", adoptedByName: "x" } }),
      /complete worker sign-off/,
    );
    await refusedByTrigger(app.db.draft.update({ where: { id: draftId }, data: { status: "SIGNED_OFF" } }), /not complete/);
    // A reviewer's decision on the replaced version is refused by the database too.
    await refusedByTrigger(
      app.db.draftSignOff.create({
        data: { draftId, versionId: v1.id, reviewerMembershipId: world.reviewer1.membershipId, reviewerUserId: world.reviewer1.user.id, reviewerName: "x", decision: "SIGNED_OFF" },
      }),
      /current version/,
    );
    expect(await app.db.draftAdoption.count({ where: { draftId } })).toBe(0);
  });
});

/** A roll-call motion of the committee under `rule` (to adopt a version, when given), voted yes by everyone on the roll (or no by management), and closed. */
async function votedMotion(
  world: DraftWorld,
  options: { rule?: "DUAL_MAJORITY" | "SIMPLE_MAJORITY"; managementVotes?: "YES" | "NO"; bodyId?: string; adoptsDraft?: { draftId: string; versionNumber: number }; beforeClose?: () => Promise<unknown> } = {},
) {
  const { id: motionId } = await world.laborMember.trpc.voting.motion.move({
    bodyId: options.bodyId ?? world.committee.id,
    meetingId: null,
    text: "That the committee adopt the IMT apprenticeship curriculum as signed off by the worker reviewers.",
    ballotKind: "ROLL_CALL",
    rule: options.rule ?? "DUAL_MAJORITY",
    requireQuorum: false,
    adoptsDraft: options.adoptsDraft ?? null,
  });
  await world.managementMember.trpc.voting.motion.second({ motionId });
  await world.laborChair.trpc.voting.motion.open({ motionId, deadline: new Date(Date.now() + 3_600_000) });
  const everyone = [world.laborChair, world.managementChair, world.editor, world.editor2, world.reviewer1, world.reviewer2, world.laborMember, world.managementMember];
  const roll = await app.db.motionVoter.findMany({ where: { motionId } });
  for (const voter of roll) {
    const who = everyone.find((p) => p.membershipId === voter.voterMembershipId)!;
    await who.trpc.voting.ballot.cast({ motionId, choice: who.side === "MANAGEMENT" ? (options.managementVotes ?? "YES") : "YES" });
  }
  await options.beforeClose?.();
  await world.laborChair.trpc.voting.motion.close({ motionId });
  return motionId;
}

describe("adoption by the body's vote", () => {
  it("a passed dual-majority motion naming the version adopts it when it closes; any other passed motion adopts nothing", async () => {
    const world = await draftWorld(app);
    const inReview = await draftInReview(world);
    const draftId = inReview.draft.id;
    // Not signed off yet: no motion to adopt it can be moved.
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () =>
      world.laborMember.trpc.voting.motion.move({ bodyId: world.committee.id, text: "Adopt", ballotKind: "ROLL_CALL", rule: "DUAL_MAJORITY", adoptsDraft: { draftId, versionNumber: 1 } }),
    );
    for (const r of world.reviewers) await signOff(r, draftId, 1);
    // Only by dual majority; only the draft's own body; only voting members.
    await refusedWithoutWrites(app.db, "BAD_REQUEST", () =>
      world.laborMember.trpc.voting.motion.move({ bodyId: world.committee.id, text: "Adopt", ballotKind: "ROLL_CALL", rule: "SIMPLE_MAJORITY", adoptsDraft: { draftId, versionNumber: 1 } }),
    );
    const top = await app.db.body.findFirstOrThrow({ where: { partnershipId: world.partnership.id, kind: "PARTNERSHIP" } });
    await refusedWithoutWrites(app.db, "NOT_FOUND", () =>
      world.laborMember.trpc.voting.motion.move({ bodyId: top.id, text: "Adopt", ballotKind: "ROLL_CALL", rule: "DUAL_MAJORITY", adoptsDraft: { draftId, versionNumber: 1 } }),
    );
    // A passed motion that names no version, and a failed one that does, adopt nothing.
    await votedMotion(world);
    const failed = await votedMotion(world, { managementVotes: "NO", adoptsDraft: { draftId, versionNumber: 1 } });
    expect((await app.db.motion.findUniqueOrThrow({ where: { id: failed } })).outcome).not.toBe("PASSED");
    expect((await app.db.draft.findUniqueOrThrow({ where: { id: draftId } })).status).toBe("SIGNED_OFF");
    // The database refuses an adoption naming a motion that did not pass, or one that names no version.
    const v1 = await app.db.draftVersion.findFirstOrThrow({ where: { draftId, number: 1 } });
    await refusedByTrigger(
      app.db.draftAdoption.create({ data: { draftId, versionId: v1.id, versionNumber: 1, adoptedById: "x", adoptedByName: "x", motionId: failed } }),
      /passed dual-majority motion naming this version/,
    );

    const passed = await votedMotion(world, { adoptsDraft: { draftId, versionNumber: 1 } });
    const adopted = await world.reviewer1.trpc.drafts.draft.get({ draftId });
    expect(adopted.draft.status).toBe("ADOPTED");
    expect(adopted.adoption).toMatchObject({ versionNumber: 1, motionId: passed, jointChangeId: null });
    expect(adopted.adoptionMotions.map((m) => [m.id, m.versionNumber])).toEqual([
      [passed, 1],
      [failed, 1],
    ]);
    const motion = await world.laborMember.trpc.voting.motion.get({ motionId: passed });
    expect(motion.motion.adoptsDraft).toMatchObject({ draftId, versionNumber: 1, adoptedByThis: true });
  }, 60_000);

  it("a motion naming a version that a new version replaced before the close passes, and adopts nothing", async () => {
    const world = await draftWorld(app);
    const view = await draftInReview(world);
    const draftId = view.draft.id;
    for (const r of world.reviewers) await signOff(r, draftId, 1);
    const passed = await votedMotion(world, { adoptsDraft: { draftId, versionNumber: 1 }, beforeClose: () => nextVersion(world, draftId) });
    expect((await app.db.motion.findUniqueOrThrow({ where: { id: passed } })).outcome).toBe("PASSED");
    expect(await app.db.draft.findUniqueOrThrow({ where: { id: draftId } })).toMatchObject({ status: "IN_REVIEW", currentVersion: 2 });
    const events = await app.db.motionEvent.findMany({ where: { motionId: passed, kind: "adoption" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ adopted: false });
    expect(String((events[0]!.data as { reason: string }).reason)).toMatch(/Version 2 replaced version 1/);
  }, 60_000);
});

describe("registration agency approval", () => {
  it("co-chairs or staff record submitted, then returned or approved, for an adopted registered-apprenticeship standard; audited", async () => {
    const world = await draftWorld(app);
    const signed = await signedOffDraft(world);
    const draftId = signed.draft.id;
    const submitted = { draftId, status: "SUBMITTED" as const, agency: "State Apprenticeship Agency", agencyReference: "", submittedOn: "2026-11-02", decidedOn: "", note: "" };
    // Not adopted yet.
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.laborChair.trpc.drafts.draft.registration(submitted));
    const changeId = await proposeAdoption(world.managementChair, draftId, 1);
    await world.laborChair.trpc.joint.change.concur({ changeId });
    for (const who of [world.editor, world.reviewer1, world.managementMember]) {
      await refusedWithoutWrites(app.db, "FORBIDDEN", () => who.trpc.drafts.draft.registration(submitted));
    }
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.stranger.trpc.drafts.draft.registration(submitted));
    // Bad input is a clear 400: a decision date while only submitted, a return without a note, a decision before submission, a future date.
    for (const bad of [
      { ...submitted, decidedOn: "2026-11-03" },
      { ...submitted, status: "RETURNED" as const, decidedOn: "2026-11-03" },
      { ...submitted, status: "APPROVED" as const, decidedOn: "2026-11-01" },
      { ...submitted, submittedOn: "2099-01-01" },
      { ...submitted, submittedOn: "2026-02-30" },
    ]) {
      await refusedWithoutWrites(app.db, "BAD_REQUEST", () => world.laborChair.trpc.drafts.draft.registration(bad));
    }
    await world.laborChair.trpc.drafts.draft.registration(submitted);
    await world.managementChair.trpc.drafts.draft.registration({ ...submitted, status: "RETURNED", decidedOn: "2026-11-10", note: "Add the wage progression table." });
    await world.laborChair.trpc.drafts.draft.registration({ ...submitted, status: "APPROVED", submittedOn: "2026-11-12", decidedOn: "2026-11-20", agencyReference: "RAP-2026-0142" });
    const view = await world.reviewer1.trpc.drafts.draft.get({ draftId });
    expect(view.registration).toMatchObject({ status: "APPROVED", agencyReference: "RAP-2026-0142", updatedByName: world.laborChair.name });
    const audit = await app.db.auditEvent.findMany({ where: { subjectId: draftId, action: "draft.registration" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => (a.data as { status: string }).status)).toEqual(["SUBMITTED", "RETURNED", "APPROVED"]);
    // The database refuses a registration of a draft that is not an adopted registered apprenticeship.
    const other = await draftInReview(world);
    await refusedByTrigger(
      app.db.draftRegistration.create({ data: { draftId: other.draft.id, partnershipId: world.partnership.id, status: "SUBMITTED", submittedOn: new Date(), updatedById: "x", updatedByName: "x" } }),
      /adopted registered-apprenticeship/,
    );
  }, 60_000);
});

describe("races", () => {
  it("the last sign-off arrives just after a new version was saved: it is refused, nothing is signed off", async () => {
    const world = await draftWorld(app);
    const view = await draftInReview(world);
    const draftId = view.draft.id;
    await signOff(world.reviewer1, draftId, 1);
    // The reviewer's checks pass on version 1; the new version commits before their transaction.
    const race = betweenChecksAndTransaction(app.db, () => nextVersion(world, draftId));
    const refused = await refusal(signOff(world.reviewer2, draftId, 1));
    expect((await race.outcome).status).toBe("fulfilled");
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toMatch(/Version 2 replaced version 1/);
    const now = await world.editor.trpc.drafts.draft.get({ draftId });
    expect(now.draft).toMatchObject({ status: "IN_REVIEW", currentVersion: 2 });
    expect(now.review.signed).toBe(0);
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.managementChair.trpc.drafts.draft.adopt({ draftId, versionNumber: 1 }));
  });

  it("the last sign-off and a new version at the same moment, many times: signed off only ever with the current version's full sign-off", async () => {
    const world = await draftWorld(app);
    for (let round = 0; round < 6; round++) {
      const view = await draftInReview(world);
      const draftId = view.draft.id;
      await signOff(world.reviewer1, draftId, 1);
      // Alternate which request starts first.
      const calls = round % 2 ? [() => signOff(world.reviewer2, draftId, 1), () => nextVersion(world, draftId)] : [() => nextVersion(world, draftId), () => signOff(world.reviewer2, draftId, 1)];
      const settled = await Promise.allSettled(calls.map((call) => call()));
      const [last, save] = round % 2 ? settled : [settled[1], settled[0]];
      expect(save!.status === "fulfilled" || last!.status === "fulfilled").toBe(true);
      const draft = await app.db.draft.findUniqueOrThrow({ where: { id: draftId } });
      const current = await app.db.draftVersion.findFirstOrThrow({ where: { draftId, number: draft.currentVersion }, include: { signOffs: true } });
      if (draft.status === "SIGNED_OFF") expect(current.signOffs.filter((s) => s.decision === "SIGNED_OFF")).toHaveLength(2);
      else expect(draft.status).toBe("IN_REVIEW");
      expect(draft.currentVersion).toBe(2);
    }
  }, 60_000);

  it("the concurrence racing a new version: whichever commits first wins; never an adopted draft with an unsigned version", async () => {
    const world = await draftWorld(app);
    // Deterministic: the new version commits between the co-chair's checks and their transaction.
    const first = await signedOffDraft(world);
    const changeId = await proposeAdoption(world.managementChair, first.draft.id, 1);
    const race = betweenChecksAndTransaction(app.db, () => nextVersion(world, first.draft.id));
    const answer = await world.laborChair.trpc.joint.change.concur({ changeId });
    expect((await race.outcome).status).toBe("fulfilled");
    expect(answer.status).toBe("STALE");
    expect((await app.db.draft.findUniqueOrThrow({ where: { id: first.draft.id } })).status).toBe("IN_REVIEW");
    expect(await app.db.draftAdoption.count({ where: { draftId: first.draft.id } })).toBe(0);

    // At the same moment, several times: exactly one of the two wins, and the state agrees with it.
    for (let round = 0; round < 6; round++) {
      const signed = await signedOffDraft(world);
      const draftId = signed.draft.id;
      const proposal = await proposeAdoption(world.managementChair, draftId, 1);
      const [concur, save] = await Promise.allSettled([
        world.laborChair.trpc.joint.change.concur({ changeId: proposal }),
        world.editor.trpc.drafts.draft.save(saveInputOf(signed, { title: `Renamed ${round}`, newVersion: { changeSummary: "Late change" } })),
      ]);
      const draft = await app.db.draft.findUniqueOrThrow({ where: { id: draftId }, include: { adoption: true } });
      if (concur!.status === "fulfilled" && concur.value.status === "APPLIED") {
        expect(save!.status).toBe("rejected");
        expect(draft).toMatchObject({ status: "ADOPTED", currentVersion: 1 });
        expect(draft.adoption!.versionNumber).toBe(1);
      } else {
        expect(save!.status).toBe("fulfilled");
        expect(draft).toMatchObject({ status: "IN_REVIEW", currentVersion: 2, adoption: null });
      }
    }
  }, 60_000);
});
