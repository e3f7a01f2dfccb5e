// One member, one vote under concurrency: duplicate ballots from the same voter at the same moment
// (through the tRPC caller and the real HTTP endpoint) leave exactly one ballot, many voters at once
// are all counted, and a close racing ballots counts exactly the ballots that were accepted.
import { afterAll, describe, expect, it } from "vitest";
import type { Choice } from "../../server/domains/voting/voting.rules.js";
import type { MotionResult } from "../../server/domains/voting/voting.api.js";
import { writeRollCallBallots } from "../../server/domains/voting/ballot-rows.js";
import { isUniqueViolation } from "../../server/errors.js";
import { collectEvents, joinRoom, startTestApp } from "../support/test-app.js";
import {
  eventKinds,
  expectedTally,
  motionJobs,
  openMotion,
  sealedBallotCount,
  secondedMotion,
  settle,
  settleAll,
  votingJobs,
  votingWorld,
  type Person,
} from "../support/voting-helpers.js";

const app = await startTestApp();
afterAll(() => app.close());

const DUPLICATES_TRPC = 50;
const DUPLICATES_HTTP = 15;

/** The same ballot sent many times at once: through the caller and over HTTP, interleaved. */
async function duplicateCasts(voter: Person, motionId: string, choice: Choice) {
  const viaTrpc = Array.from({ length: DUPLICATES_TRPC }, () => voter.trpc.voting.ballot.cast({ motionId, choice }));
  const viaHttp = Array.from({ length: DUPLICATES_HTTP }, () => voter.http.mutate("voting.ballot.cast", { motionId, choice }));
  const [trpc, http] = await Promise.all([settleAll(viaTrpc), Promise.all(viaHttp)]);
  const httpOk = http.filter((r) => r.status === 200);
  const httpRefused = http.filter((r) => r.status !== 200).map((r) => r.error?.code ?? `HTTP ${r.status}`);
  return { ok: trpc.ok.length + httpOk.length, refused: [...trpc.refused, ...httpRefused] };
}

describe("one member, one vote", () => {
  it(`roll call: ${DUPLICATES_TRPC} + ${DUPLICATES_HTTP} identical ballots at once leave exactly one ballot`, async () => {
    const world = await votingWorld(app);
    const motionId = await openMotion(world);
    const { ok, refused } = await duplicateCasts(world.laborMember, motionId, "YES");

    // Repeating the same choice is harmless (a double click): accepted, or refused as a duplicate.
    expect(ok + refused.length).toBe(DUPLICATES_TRPC + DUPLICATES_HTTP);
    expect(ok).toBeGreaterThanOrEqual(1);
    expect(refused.filter((c) => c !== "CONFLICT")).toEqual([]);
    const ballots = await app.db.rollCallBallot.findMany({ where: { motionId } });
    expect(ballots).toHaveLength(1);
    expect(ballots[0]).toMatchObject({ seatMembershipId: world.laborMember.membershipId, castByMembershipId: world.laborMember.membershipId, choice: "YES" });
    expect((await eventKinds(app.db, motionId)).filter((k) => k === "ballotRecorded")).toHaveLength(1);
    expect((await world.laborChair.trpc.voting.motion.close({ motionId })).cast).toBe(1);
  });

  it(`secret ballot: ${DUPLICATES_TRPC} + ${DUPLICATES_HTTP} ballots at once count once, the rest are CONFLICT`, async () => {
    const world = await votingWorld(app);
    const motionId = await openMotion(world, { ballotKind: "SECRET" });
    // Mixed choices, so a second ballot could not hide as "the same choice again".
    const viaTrpc = Array.from({ length: DUPLICATES_TRPC }, (_, i) =>
      world.managementMember.trpc.voting.ballot.cast({ motionId, choice: i % 2 === 0 ? "YES" : "NO" }),
    );
    const viaHttp = Array.from({ length: DUPLICATES_HTTP }, (_, i) =>
      world.managementMember.http.mutate("voting.ballot.cast", { motionId, choice: i % 2 === 0 ? "NO" : "ABSTAIN" }),
    );
    const [trpc, http] = await Promise.all([settleAll(viaTrpc), Promise.all(viaHttp)]);
    const ok = trpc.ok.length + http.filter((r) => r.status === 200).length;
    const refused = [...trpc.refused, ...http.filter((r) => r.status !== 200).map((r) => r.error?.code)];

    expect(ok).toBe(1);
    expect(refused).toHaveLength(DUPLICATES_TRPC + DUPLICATES_HTTP - 1);
    expect(new Set(refused)).toEqual(new Set(["CONFLICT"]));
    expect(http.filter((r) => r.status !== 200).every((r) => r.status === 409)).toBe(true);
    expect(await app.db.secretParticipation.count({ where: { motionId } })).toBe(1);
    expect(await sealedBallotCount(app.db, motionId)).toBe(1);
    expect((await eventKinds(app.db, motionId)).filter((k) => k === "ballotCounted")).toHaveLength(1);
    const result = await world.laborChair.trpc.voting.motion.close({ motionId });
    expect(result.cast).toBe(1);
    expect(result.tally.MANAGEMENT.YES + result.tally.MANAGEMENT.NO + result.tally.MANAGEMENT.ABSTAIN).toBe(1);
    // The accepted ballot is the one counted: the choice its own answer said it recorded.
    const recorded = trpc.ok[0]?.recorded ?? (http.find((r) => r.status === 200)?.data as { recorded: Choice } | undefined)?.recorded;
    expect(recorded).toBeDefined();
    expect(result.tally.MANAGEMENT[recorded!]).toBe(1);
  });

  it("roll call: a voter changing their choice many times at once still has one ballot, holding one of the choices sent", async () => {
    const world = await votingWorld(app);
    const motionId = await openMotion(world);
    const choices: Choice[] = ["YES", "NO", "ABSTAIN"];
    const { ok } = await settleAll(Array.from({ length: 30 }, (_, i) => world.laborChair.trpc.voting.ballot.cast({ motionId, choice: choices[i % 3]! })));
    expect(ok).toHaveLength(30);
    const ballots = await app.db.rollCallBallot.findMany({ where: { motionId } });
    expect(ballots).toHaveLength(1);
    // Each request was its own transaction: the last one to commit wins, and the tally agrees.
    const view = await world.laborChair.trpc.voting.motion.get({ motionId });
    expect(view.tally.cast).toBe(1);
    expect(view.tally.bySide?.LABOR[ballots[0]!.choice as Choice]).toBe(1);
  });

  it.each(["ROLL_CALL", "SECRET"] as const)("%s: many voters, each sending many ballots at once, are each counted once", async (ballotKind) => {
    const world = await votingWorld(app, { votersPerSide: 5 });
    const motionId = await openMotion(world, { ballotKind });
    const choiceOf = (i: number): Choice => (i % 3 === 0 ? "NO" : "YES");
    const calls = world.voters.flatMap((voter, i) => Array.from({ length: 8 }, () => voter.trpc.voting.ballot.cast({ motionId, choice: choiceOf(i) })));
    // Interleave the voters' requests rather than sending each voter's as a block.
    const { ok, refused } = await settleAll(calls);
    if (ballotKind === "SECRET") expect(ok).toHaveLength(world.voters.length);
    expect(refused.every((c) => c === "CONFLICT")).toBe(true);

    const voters = world.voters.length;
    expect(voters).toBe(12);
    if (ballotKind === "ROLL_CALL") {
      const ballots = await app.db.rollCallBallot.findMany({ where: { motionId } });
      expect(ballots).toHaveLength(voters);
      expect(new Set(ballots.map((b) => b.seatMembershipId)).size).toBe(voters);
    } else {
      expect(await app.db.secretParticipation.count({ where: { motionId } })).toBe(voters);
      expect(await sealedBallotCount(app.db, motionId)).toBe(voters);
    }
    const result = await world.laborChair.trpc.voting.motion.close({ motionId });
    const expectedNo = world.voters.filter((_, i) => choiceOf(i) === "NO").length;
    expect(result.cast).toBe(voters);
    expect(result.tally.total).toEqual({ YES: voters - expectedNo, NO: expectedNo, ABSTAIN: 0 });
    expect(result.tally.LABOR.YES + result.tally.LABOR.NO).toBe(6);
    expect(result.tally.MANAGEMENT.YES + result.tally.MANAGEMENT.NO).toBe(6);
  });
});

describe("closing is atomic", () => {
  const ROUNDS = 6;

  it.each(["ROLL_CALL", "SECRET"] as const)(
    `%s: a close racing every voter's ballot counts exactly the ballots that were accepted (${ROUNDS} rounds)`,
    async (ballotKind) => {
      const world = await votingWorld(app, { votersPerSide: 4 });
      const accepted: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const motionId = await openMotion(world, { ballotKind, requireQuorum: false });
        // The ballots set off 2 ms apart (so they fall into several of the group commit's batches), and the
        // close a little later each round: it lands at a different point among them every time.
        const closing = settle(round * 4).then(() => world.managementChair.trpc.voting.motion.close({ motionId }));
        const choiceOf = (i: number): Choice => (i % 2 ? "NO" : "YES");
        const casts = world.voters.map((voter, i) => settle(i * 2).then(() => voter.trpc.voting.ballot.cast({ motionId, choice: choiceOf(i) })));
        const [{ ok, refused }, result] = await Promise.all([settleAll(casts), closing]);
        const settled = await Promise.allSettled(casts);
        const acceptedBallots = world.voters.flatMap((voter, i) => (settled[i]!.status === "fulfilled" ? [[voter, choiceOf(i)] as const] : []));

        expect(refused.every((c) => c === "PRECONDITION_FAILED"), `round ${round}: ${refused.join(",")}`).toBe(true);
        expect(ok.length + refused.length).toBe(world.voters.length);
        expect(result.cast, `round ${round}`).toBe(ok.length);
        const stored = await app.db.motion.findUniqueOrThrow({ where: { id: motionId } });
        expect((stored.result as MotionResult).cast).toBe(ok.length);
        const rows =
          ballotKind === "ROLL_CALL"
            ? await app.db.rollCallBallot.count({ where: { motionId } })
            : await app.db.secretParticipation.count({ where: { motionId } });
        expect(rows).toBe(ok.length);
        // Every accepted ballot is in the result with its side and choice, and no refused one is.
        expect(result.tally, `round ${round}`).toEqual(expectedTally(acceptedBallots));
        // A secret vote's boxes were opened, counted and deleted by the close.
        if (ballotKind === "SECRET") expect(await sealedBallotCount(app.db, motionId)).toBe(0);
        // Nothing recorded after the result.
        const kinds = await eventKinds(app.db, motionId);
        expect(kinds.slice(-2)).toEqual(["closed", "result"]);
        accepted.push(ok.length);
      }
      // The race really happened: some rounds closed with only part of the ballots in.
      expect(accepted.filter((n) => n > 0 && n < world.voters.length).length, `ballots accepted per round: ${accepted.join(", ")}`).toBeGreaterThan(0);
    },
  );

  it("the chair and the deadline job closing at once record one result", async () => {
    const world = await votingWorld(app);
    const motionId = await openMotion(world);
    await world.laborChair.trpc.voting.ballot.cast({ motionId, choice: "YES" });
    const deadline = (await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).deadline!;
    const jobs = votingJobs(app, () => new Date(deadline.getTime() + 1000));
    const [byChair, byClock] = await Promise.allSettled([world.laborChair.trpc.voting.motion.close({ motionId }), jobs.deadline(motionId)]);
    const closes = (await eventKinds(app.db, motionId)).filter((k) => k === "closed");
    expect(closes).toHaveLength(1);
    expect(await app.db.auditEvent.count({ where: { subjectId: motionId, action: "motion.closed" } })).toBe(1);
    if (byChair.status === "rejected") expect((byChair.reason as { code: string }).code).toBe("PRECONDITION_FAILED");
    expect(byClock.status).toBe("fulfilled");
  });
});

describe("the unique seat is the last word", () => {
  it("a batch whose write meets a seat that already voted writes nothing: a unique violation, no ballot, no event, the same tally version", async () => {
    const world = await votingWorld(app);
    const motionId = await openMotion(world);
    await world.laborMember.trpc.voting.ballot.cast({ motionId, choice: "YES" });
    const before = { events: await eventKinds(app.db, motionId), version: (await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).tallyVersion };
    // As if another writer had recorded labor's ballot behind this batch's read: the batch takes it for new.
    const batch = [world.managementMember, world.laborMember].map((p) => ({ seat: p.membershipId, by: p.membershipId, side: p.side, choice: "NO", isNew: true }));
    const failure = await app.db.$transaction((tx) => writeRollCallBallots(tx, motionId, batch, [{ cast: 2 }, { cast: 3 }])).catch((error: unknown) => error);
    expect(isUniqueViolation(failure)).toBe(true);
    expect(await app.db.rollCallBallot.findMany({ where: { motionId }, select: { seatMembershipId: true, choice: true } })).toEqual([
      { seatMembershipId: world.laborMember.membershipId, choice: "YES" },
    ]);
    expect(await eventKinds(app.db, motionId)).toEqual(before.events);
    expect((await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).tallyVersion).toBe(before.version);
  });
});

describe("opening is atomic", () => {
  const ROUNDS = 5;

  it(`both co-chairs opening the same vote at once: one roll, one set of jobs, one notice per voter (${ROUNDS} rounds)`, async () => {
    const world = await votingWorld(app);
    for (let round = 0; round < ROUNDS; round++) {
      const motionId = await secondedMotion(world, { ballotKind: round % 2 ? "SECRET" : "ROLL_CALL" });
      const deadline = new Date(Date.now() + 3_600_000);
      const { ok, refused } = await settleAll([world.laborChair, world.managementChair].map((chair) => chair.trpc.voting.motion.open({ motionId, deadline })));
      expect(ok).toHaveLength(1);
      expect(refused).toEqual(["CONFLICT"]);
      expect(await app.db.motionVoter.count({ where: { motionId } })).toBe(world.voters.length);
      expect((await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).eligibleCount).toBe(world.voters.length);
      // A secret vote got its public key once (the losing open wrote nothing).
      const opened = await app.db.motion.findUniqueOrThrow({ where: { id: motionId } });
      expect(opened.ballotPublicKey?.length ?? null).toBe(round % 2 ? 32 : null);
      expect((await eventKinds(app.db, motionId)).filter((k) => k === "opened")).toHaveLength(1);
      expect(await motionJobs(app.db, motionId)).toHaveLength(1);
      const notices = (await app.db.notification.findMany({ where: { kind: "vote.opened" }, select: { payload: true } })).filter(
        (n) => (n.payload as { motionId: string }).motionId === motionId,
      );
      expect(notices).toHaveLength(world.voters.length);
    }
  });
});

describe("two app processes on one database", () => {
  // A second server on the same database, as a second process of a deployment would be: its own
  // group-commit queue and tally throttle, the same rows, locks and socket rooms (PostgreSQL adapter).
  const ROUNDS = 4;

  it(`ballots split between the two and a close from one count exactly the accepted ballots; tallies never step back (${ROUNDS} rounds)`, async () => {
    const other = await startTestApp({ database: app.database });
    try {
      const world = await votingWorld(app, { votersPerSide: 4 });
      const elsewhere = new Map<string, Awaited<ReturnType<typeof other.signIn>>>();
      for (const voter of world.voters) elsewhere.set(voter.user.id, await other.signIn(voter.user));
      const watcher = await world.observer.connect();
      const accepted: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const motionId = await openMotion(world, { ballotKind: round % 2 ? "SECRET" : "ROLL_CALL", requireQuorum: false });
        await joinRoom(watcher, { kind: "motion", id: motionId });
        const heard = collectEvents(watcher, "tally:updated");
        // Every voter sends the same ballot through both processes at once; the close comes from one of them.
        const closing = settle(2 + round * 3).then(() => world.managementChair.trpc.voting.motion.close({ motionId }));
        const casts = world.voters.flatMap((voter, i) => {
          const input = { motionId, choice: (i % 2 ? "NO" : "YES") as Choice };
          return [settle(i).then(() => voter.trpc.voting.ballot.cast(input)), settle(i).then(() => elsewhere.get(voter.user.id)!.trpc.voting.ballot.cast(input))];
        });
        const [settled, result] = await Promise.all([Promise.allSettled(casts), closing]);
        const { refused } = await settleAll(casts);
        // Who got at least one ballot accepted (each voter's two ballots are casts 2i and 2i + 1).
        const acceptedVoters = world.voters.filter((_, i) => settled[2 * i]!.status === "fulfilled" || settled[2 * i + 1]!.status === "fulfilled");

        // The same ballot twice is a repeat (roll call) or CONFLICT (secret); after the close, PRECONDITION_FAILED.
        expect(refused.every((c) => c === "PRECONDITION_FAILED" || c === "CONFLICT"), refused.join(",")).toBe(true);
        const rows =
          round % 2
            ? await app.db.secretParticipation.count({ where: { motionId } })
            : await app.db.rollCallBallot.count({ where: { motionId } });
        expect(rows, `round ${round}`).toBe(acceptedVoters.length);
        expect(result.cast, `round ${round}`).toBe(acceptedVoters.length);
        expect(result.tally, `round ${round}`).toEqual(expectedTally(acceptedVoters.map((v) => [v, (world.voters.indexOf(v) % 2 ? "NO" : "YES") as Choice] as const)));
        if (round % 2) expect(await sealedBallotCount(app.db, motionId)).toBe(0);
        expect((await eventKinds(app.db, motionId)).slice(-2)).toEqual(["closed", "result"]);
        accepted.push(rows);

        // The watcher's tallies, ordered by version, never count fewer ballots; the highest is the close's.
        const stored = await app.db.motion.findUniqueOrThrow({ where: { id: motionId } });
        await eventuallyHeard(heard, stored.tallyVersion);
        const byVersion = [...heard].sort((a, b) => a.version - b.version);
        expect(byVersion.map((t) => t.cast)).toEqual(byVersion.map((t) => t.cast).sort((a, b) => a - b));
        expect(byVersion.at(-1)).toMatchObject({ version: stored.tallyVersion, cast: rows, bySide: expect.any(Object) });
      }
      expect(accepted.filter((n) => n > 0 && n < world.voters.length).length, `ballots counted per round: ${accepted.join(", ")}`).toBeGreaterThan(0);
    } finally {
      await other.close({ keepDatabase: true });
    }
  }, 60_000);
});

async function eventuallyHeard(heard: Array<{ version: number }>, version: number) {
  for (let waited = 0; !heard.some((t) => t.version === version); waited += 20) {
    if (waited > 2_000) throw new Error(`the final tally (version ${version}) did not arrive`);
    await settle(20);
  }
}
