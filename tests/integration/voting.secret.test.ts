// Secret ballots are sealed (decision 0010): the database holds who took part and, apart from it, a
// sealed box per ballot, and no row anywhere holds both a voter and a choice (read from the raw tables
// and PostgreSQL's catalog). The boxes open only with their own vote's key, derived from the server's
// secret; the close counts them per side, refuses rather than publish a count that does not match the
// participation, and deletes them. Live tallies reach the motion's room over real sockets: counts per
// side for a roll call, only the number cast for a secret ballot until it closes, the final tally at
// close. (What the database's files hold on disk, WAL included: voting.sealed-files.test.ts.)
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { deriveBallotKeys, openBallot, sealBallot, voteKeys } from "../../server/domains/voting/ballot-box.js";
import { closeVote } from "../../server/domains/voting/vote-lifecycle.js";
import { DEMO_PEOPLE, seedDemo } from "../../server/fixtures/demo.js";
import { seedDemoVotes } from "../../server/fixtures/demo-votes.js";
import { CHOICES, type Choice } from "../../server/domains/voting/voting.rules.js";
import type { LiveTally } from "../../server/domains/voting/voting.events.js";
import { allowConsoleError } from "../support/fail-on-console-error.js";
import { collectEvents, joinRoom, nextEvent, startTestApp, type TestSocket } from "../support/test-app.js";
import { castAll, expectedTally, openMotion, sealedBallotCount, settle, settleAll, votingWorld, type Person, type VotingWorld } from "../support/voting-helpers.js";

const APP_SECRET = randomBytes(32).toString("base64url");
const app = await startTestApp({ env: { APP_SECRET } });
afterAll(() => app.close());

type Row = Record<string, unknown>;
const CHOICE_SET = new Set<string>(CHOICES);

/** The app's tables (schema public, from PostgreSQL's catalog; not Prisma's migration log). */
async function appTables() {
  const tables = await app.db.$queryRaw<Array<{ name: string }>>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\_prisma%'
    ORDER BY table_name`;
  return tables.map((t) => t.name);
}

/**
 * Every row of every table in the database, raw, each column read as text (so JSON, arrays, bytes and
 * timestamps are compared as PostgreSQL prints them). The job queue's tables are included: a job's
 * payload is a row like any other.
 */
async function allRows() {
  const rows: Array<{ table: string; row: Row }> = [];
  const queue = await app.db.$queryRaw<Array<{ name: string }>>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'graphile_worker' AND table_type = 'BASE TABLE'`;
  const tables = [
    ...(await appTables()).map((name) => ({ name, sql: `"${name}"` })),
    ...queue.map((t) => ({ name: `graphile_worker.${t.name}`, sql: `graphile_worker."${t.name}"` })),
  ];
  for (const table of tables) {
    for (const { row } of await app.db.$queryRawUnsafe<Array<{ row: Row }>>(`SELECT to_jsonb(t) AS row FROM ${table.sql} t`)) rows.push({ table: table.name, row });
  }
  return rows;
}

/** The string values in a cell, looking inside JSON (values only: a tally's "YES" key is not a choice). */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        return [value, ...stringsIn(JSON.parse(trimmed) as unknown)];
      } catch {
        return [value];
      }
    }
    return [value];
  }
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Rows that hold both one of the people's ids (membership or user) and a ballot choice (alone, or as `SIDE:CHOICE`). */
async function rowsLinkingVotersToChoices(people: Person[]) {
  const ids = people.flatMap((p) => [p.membershipId, p.user.id]);
  const linking: Array<{ table: string; row: Row }> = [];
  for (const entry of await allRows()) {
    const strings = Object.values(entry.row).flatMap(stringsIn);
    const holdsId = strings.some((s) => ids.some((id) => s.includes(id)));
    const holdsChoice = strings.some((s) => CHOICE_SET.has(s) || /(LABOR|MANAGEMENT|NEUTRAL):(YES|NO|ABSTAIN)/.test(s));
    if (holdsId && holdsChoice) linking.push(entry);
  }
  return linking;
}

async function columnsOf(table: string) {
  const info = await app.db.$queryRaw<Array<{ name: string; type: string }>>`
    SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${table} ORDER BY ordinal_position`;
  return info;
}

/** Tables (from the catalog) with a motion column, a column naming a member or user, and a choice column. */
async function motionTablesWithVoterAndChoice() {
  const columns = await app.db.$queryRaw<Array<{ table: string; column: string }>>`
    SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns WHERE table_schema = 'public'`;
  const byTable = new Map<string, string[]>();
  for (const c of columns) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c.column]);
  return [...byTable]
    .filter(([, cols]) => cols.includes("motionId") && cols.some((c) => /membershipId$|userId$/i.test(c)) && cols.some((c) => /choice/i.test(c)))
    .map(([table]) => table)
    .sort();
}

/** A secret vote's boxes, raw from the table. */
async function boxesOf(motionId: string) {
  const rows = await app.db.$queryRawUnsafe<Array<{ id: string; box: Uint8Array }>>(`SELECT "id"::text AS id, "box" FROM "SealedBallot" WHERE "motionId" = $1`, motionId);
  return rows.map((r) => ({ id: r.id, box: new Uint8Array(r.box) }));
}

describe("a secret ballot cannot be linked to its voter", () => {
  it("stores who took part and a sealed box per ballot, no row anywhere holds both a voter and a choice, and the close counts each side right", async () => {
    const world = await votingWorld(app, { votersPerSide: 2 });
    const motionId = await openMotion(world, { ballotKind: "SECRET", rule: "DUAL_MAJORITY", text: "That the employer fund tool kits for every first-year apprentice." });
    const ballots: Array<[Person, Choice]> = [
      [world.laborChair, "YES"],
      [world.laborMembers[0]!, "NO"],
      [world.laborMembers[1]!, "YES"],
      [world.managementChair, "ABSTAIN"],
      [world.managementMembers[0]!, "YES"],
      [world.managementMembers[1]!, "YES"],
    ];
    await castAll(motionId, ballots);

    // The shape of the tables is the guarantee: a box has no voter and no time, participation has no choice.
    const boxColumns = await columnsOf("SealedBallot");
    expect(boxColumns.map((c) => c.name).sort()).toEqual(["box", "id", "motionId"]);
    expect(boxColumns.find((c) => c.name === "id")?.type).toBe("uuid");
    const participationColumns = (await columnsOf("SecretParticipation")).map((c) => c.name);
    expect(participationColumns.filter((c) => /choice|vote|yes|no\b|box/i.test(c))).toEqual([]);
    // No per-choice counters any more, anywhere.
    expect(await appTables()).not.toContain("SecretTally");
    // Across the whole schema, the only table of a motion's ballots with both a voter column and a
    // choice column is the roll call's (public by design).
    expect(await motionTablesWithVoterAndChoice()).toEqual(["RollCallBallot"]);

    const participations = await app.db.$queryRawUnsafe<Row[]>(`SELECT * FROM "SecretParticipation" WHERE "motionId" = $1`, motionId);
    expect(participations).toHaveLength(ballots.length);
    const boxes = await boxesOf(motionId);
    expect(boxes).toHaveLength(ballots.length);
    // Every box the same size, every id a random (version 4) UUID: neither carries an order or a choice.
    expect(new Set(boxes.map((b) => b.box.length))).toEqual(new Set([80]));
    for (const { id } of boxes) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await app.db.rollCallBallot.count({ where: { motionId } })).toBe(0);

    // Nowhere in the database, while the vote is open or after it closed.
    expect(await rowsLinkingVotersToChoices(world.voters)).toEqual([]);
    const result = await world.laborChair.trpc.voting.motion.close({ motionId });
    // Dual majority, counted per side from the boxes: labor 2–1, management 2–0 (one abstention).
    expect(result.tally).toEqual(expectedTally(ballots));
    expect(result.tally).toMatchObject({ LABOR: { YES: 2, NO: 1, ABSTAIN: 0 }, MANAGEMENT: { YES: 2, NO: 0, ABSTAIN: 1 } });
    expect(result).toMatchObject({ outcome: "PASSED", cast: 6 });
    expect((await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).result).toMatchObject({ outcome: "PASSED", tally: result.tally });
    // The boxes were counted and deleted; who took part stays.
    expect(await sealedBallotCount(app.db, motionId)).toBe(0);
    expect(await app.db.secretParticipation.count({ where: { motionId } })).toBe(ballots.length);
    expect(await rowsLinkingVotersToChoices(world.voters)).toEqual([]);
  });

  it("finds the link in a roll call (the check above can see one)", async () => {
    const world = await votingWorld(app);
    const motionId = await openMotion(world, { ballotKind: "ROLL_CALL" });
    await castAll(motionId, [[world.laborChair, "YES"]]);
    const linking = await rowsLinkingVotersToChoices(world.voters);
    expect(linking.map((l) => l.table)).toEqual(["RollCallBallot"]);
  });

  it("seals each ballot to its own vote's key: another motion's key, or another server secret, opens none", async () => {
    const world = await votingWorld(app);
    const first = await openMotion(world, { ballotKind: "SECRET", requireQuorum: false });
    const second = await openMotion(world, { ballotKind: "SECRET", requireQuorum: false });
    await castAll(first, [
      [world.laborChair, "NO"],
      [world.managementMember, "YES"],
    ]);
    await castAll(second, [[world.laborMember, "ABSTAIN"]]);

    // The public key stored with each vote is the one derived from the server's secret and its id.
    const stored = await app.db.motion.findMany({ where: { id: { in: [first, second] } }, select: { id: true, ballotPublicKey: true } });
    for (const { id, ballotPublicKey } of stored) expect(new Uint8Array(ballotPublicKey!)).toEqual((await voteKeys(app.config, id)).publicKey);
    expect((await voteKeys(app.config, first)).publicKey).not.toEqual((await voteKeys(app.config, second)).publicKey);

    const boxes = await boxesOf(first);
    const own = await voteKeys(app.config, first);
    const opened = await Promise.all(boxes.map((b) => openBallot(own, b.box)));
    expect(opened.sort((a, b) => a.side.localeCompare(b.side))).toEqual([
      { side: "LABOR", choice: "NO" },
      { side: "MANAGEMENT", choice: "YES" },
    ]);
    const others = [await voteKeys(app.config, second), await deriveBallotKeys(randomBytes(32).toString("base64url"), first)];
    for (const keys of others) for (const { box } of boxes) await expect(openBallot(keys, box)).rejects.toThrow();
    // And the second vote's box does not open with the first's key.
    for (const { box } of await boxesOf(second)) await expect(openBallot(own, box)).rejects.toThrow();
  });

  it("refuses to close, and stays open, when the boxes and the participation disagree or the server's secret changed", async () => {
    const world = await votingWorld(app);
    const motionId = await openMotion(world, { ballotKind: "SECRET", requireQuorum: false });
    await castAll(motionId, [[world.laborChair, "YES"]]);

    // Another process on the same database with another APP_SECRET cannot open the boxes: it refuses
    // the close (an internal error, never a result), and the vote stays as it was.
    const other = await startTestApp({ database: app.database, env: { APP_SECRET: randomBytes(32).toString("base64url") } });
    try {
      const chair = await other.signIn(world.laborChair.user);
      allowConsoleError();
      await expect(chair.trpc.voting.motion.close({ motionId })).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    } finally {
      await other.close({ keepDatabase: true });
    }
    expect(await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).toMatchObject({ status: "OPEN", result: null, outcome: null });
    expect(await sealedBallotCount(app.db, motionId)).toBe(1);

    // A box without a participation (a bug, or a forged row): the count would not be the voters'.
    const extra = await sealBallot((await voteKeys(app.config, motionId)).publicKey, { side: "LABOR", choice: "NO" });
    await app.db.sealedBallot.create({ data: { motionId, box: extra } });
    await expect(world.laborChair.trpc.voting.motion.close({ motionId })).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    expect(await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).toMatchObject({ status: "OPEN", result: null });
    expect(await sealedBallotCount(app.db, motionId)).toBe(2);
  });

  it("lets the database take a box only into an open secret vote, never change one, and remove them only once the vote closed", async () => {
    const world = await votingWorld(app);
    const secret = await openMotion(world, { ballotKind: "SECRET", requireQuorum: false });
    const rollCall = await openMotion(world, { ballotKind: "ROLL_CALL", requireQuorum: false });
    await castAll(secret, [[world.laborChair, "YES"]]);
    const box = await sealBallot((await voteKeys(app.config, secret)).publicKey, { side: "LABOR", choice: "YES" });
    const refusal = (e: unknown) => String((e as { message?: string }).message ?? e);

    expect(refusal(await app.db.sealedBallot.create({ data: { motionId: rollCall, box } }).catch((e: unknown) => e))).toMatch(/only into an open secret vote/);
    expect(refusal(await app.db.sealedBallot.create({ data: { motionId: secret, box: box.slice(0, 79) } }).catch((e: unknown) => e))).toMatch(/SealedBallot_box_check/);
    expect(refusal(await app.db.$executeRawUnsafe(`UPDATE "SealedBallot" SET "box" = "box" WHERE "motionId" = $1`, secret).catch((e: unknown) => e))).toMatch(/never changed/);
    expect(refusal(await app.db.$executeRawUnsafe(`DELETE FROM "SealedBallot" WHERE "motionId" = $1`, secret).catch((e: unknown) => e))).toMatch(/stays until its vote has closed/);
    expect(await sealedBallotCount(app.db, secret)).toBe(1);

    await world.laborChair.trpc.voting.motion.close({ motionId: secret });
    expect(refusal(await app.db.sealedBallot.create({ data: { motionId: secret, box } }).catch((e: unknown) => e))).toMatch(/only into an open secret vote/);
  });

  it("tells a voter that they voted, never how", async () => {
    const world = await votingWorld(app);
    const motionId = await openMotion(world, { ballotKind: "SECRET" });
    await world.laborMember.trpc.voting.ballot.cast({ motionId, choice: "NO" });
    const mine = await world.laborMember.trpc.voting.motion.get({ motionId });
    expect(mine.viewer).toMatchObject({ isOnRoll: true, hasVoted: true, myChoice: null, canVote: false });
    expect(mine.rollCall).toBeNull();
    expect(mine.tally).toEqual({ motionId, cast: 1, eligible: 4, bySide: null, version: 1 });
    // The co-chair sees the same: a count, no sides, no names.
    const chair = await world.laborChair.trpc.voting.motion.get({ motionId });
    expect(chair.tally.bySide).toBeNull();
    expect(chair.viewer).toMatchObject({ hasVoted: false, canVote: true });
    expect(JSON.stringify(chair)).not.toContain('"NO"');
    // Over HTTP too.
    const response = await world.laborMember.http.query("voting.motion.get", { motionId });
    expect(JSON.stringify(response.raw)).not.toMatch(/"(NO|YES|ABSTAIN)"/);
    // The partnership's list shows the count too.
    const listed = (await world.laborChair.trpc.voting.motion.list({ partnershipId: world.partnership.id })).find((m) => m.id === motionId);
    expect(listed).toMatchObject({ cast: 1, eligible: 4 });
    await world.laborChair.trpc.voting.motion.close({ motionId });
    const closed = await world.laborMember.trpc.voting.motion.get({ motionId });
    expect(closed.viewer.myChoice).toBeNull();
    expect(closed.tally.bySide?.LABOR).toEqual({ YES: 0, NO: 1, ABSTAIN: 0 });
    expect(closed.tally.cast).toBe(1);
  });

  it("a burst of secret ballots in one group commit: all counted, one box each", async () => {
    const world = await votingWorld(app, { votersPerSide: 4 });
    const motionId = await openMotion(world, { ballotKind: "SECRET", requireQuorum: false });
    const ballots = world.voters.map((voter, i) => [voter, CHOICES[i % 3]!] as const);
    const { ok, refused } = await settleAll(ballots.map(([voter, choice]) => voter.trpc.voting.ballot.cast({ motionId, choice })));
    expect(refused).toEqual([]);
    expect(ok).toHaveLength(ballots.length);
    expect(await sealedBallotCount(app.db, motionId)).toBe(ballots.length);
    const result = await world.laborChair.trpc.voting.motion.close({ motionId });
    expect(result.tally).toEqual(expectedTally(ballots));
  });
});

describe("the demo", () => {
  it("seeds its open secret vote the same way: three voters, three sealed boxes, counted at its close", async () => {
    const { partnershipId } = await seedDemo(app.db, { hashCost: 10 });
    await seedDemoVotes(app.db, app.server.deps, { partnershipId });
    const motion = await app.db.motion.findFirstOrThrow({ where: { partnershipId, ballotKind: "SECRET", status: "OPEN" } });
    expect(new Uint8Array(motion.ballotPublicKey!)).toEqual((await voteKeys(app.config, motion.id)).publicKey);
    expect(await app.db.secretParticipation.count({ where: { motionId: motion.id } })).toBe(3);
    expect(await sealedBallotCount(app.db, motion.id)).toBe(3);
    const chair = await app.db.user.findUniqueOrThrow({ where: { email: DEMO_PEOPLE[0]!.email } });
    const result = await closeVote(app.server.deps, { userId: chair.id, input: { motionId: motion.id } });
    expect(result.tally.total).toEqual({ YES: 2, NO: 1, ABSTAIN: 0 });
    expect(await sealedBallotCount(app.db, motion.id)).toBe(0);
  }, 60_000);
});

describe("live tallies over real sockets", () => {
  /** Sockets of a co-chair, a member and an observer, joined to the motion's room. */
  async function watchers(world: VotingWorld, motionId: string) {
    const sockets: TestSocket[] = [];
    for (const p of [world.laborChair, world.managementMember, world.observer]) {
      const socket = await p.connect();
      expect(await joinRoom(socket, { kind: "motion", id: motionId })).toMatchObject({ ok: true });
      sockets.push(socket);
    }
    return sockets;
  }

  it("refuses the motion's room to a partnership member without a seat on the body, and to strangers", async () => {
    const world = await votingWorld(app);
    const motionId = await openMotion(world);
    for (const p of [world.outsider, world.stranger]) {
      const socket = await p.connect();
      expect(await joinRoom(socket, { kind: "motion", id: motionId })).toEqual({ ok: false, error: { code: "NOT_FOUND", message: "Motion was not found." } });
    }
  });

  it("roll call: every watcher gets the counts per side after each ballot, and the final tally at close within 1 s", async () => {
    const world = await votingWorld(app);
    const motionId = await openMotion(world);
    const sockets = await watchers(world, motionId);
    const ballots: Array<[Person, Choice]> = [
      [world.laborChair, "YES"],
      [world.managementMember, "NO"],
      [world.laborMember, "YES"],
      [world.managementChair, "ABSTAIN"],
    ];
    const running = { LABOR: { YES: 0, NO: 0, ABSTAIN: 0 }, MANAGEMENT: { YES: 0, NO: 0, ABSTAIN: 0 }, NEUTRAL: { YES: 0, NO: 0, ABSTAIN: 0 } };
    for (const [i, [voter, choice]] of ballots.entries()) {
      const heard = sockets.map((s) => nextEvent(s, "tally:updated"));
      await voter.trpc.voting.ballot.cast({ motionId, choice });
      running[voter.side as "LABOR" | "MANAGEMENT"][choice]++;
      for (const tally of await Promise.all(heard)) {
        expect(tally).toEqual({ motionId, cast: i + 1, eligible: 4, bySide: running, version: i + 1 });
      }
    }

    const started = Date.now();
    const finals = sockets.map((s) => Promise.all([nextEvent(s, "tally:updated", 1000), nextEvent(s, "motion:changed", 1000)]));
    await world.laborChair.trpc.voting.motion.close({ motionId });
    for (const [tally, changed] of await Promise.all(finals)) {
      // The close bumps the version once more: its final tally outranks every batch's.
      expect(tally).toEqual({ motionId, cast: 4, eligible: 4, bySide: running, version: 5 });
      expect(changed).toEqual({ motionId });
    }
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("secret ballot: only the number cast travels while open; the counts per side arrive at close", async () => {
    const world = await votingWorld(app);
    const motionId = await openMotion(world, { ballotKind: "SECRET" });
    const sockets = await watchers(world, motionId);
    const seen = sockets.map((s) => collectEvents(s, "tally:updated"));
    const ballots: Array<[Person, Choice]> = [
      [world.managementChair, "NO"],
      [world.laborMember, "YES"],
      [world.laborChair, "YES"],
    ];
    for (const [i, [voter, choice]] of ballots.entries()) {
      const heard = sockets.map((s) => nextEvent(s, "tally:updated"));
      await voter.trpc.voting.ballot.cast({ motionId, choice });
      for (const tally of await Promise.all(heard)) expect(tally).toEqual({ motionId, cast: i + 1, eligible: 4, bySide: null, version: i + 1 });
    }

    const started = Date.now();
    const finals = sockets.map((s) => Promise.all([nextEvent(s, "tally:updated", 1000), nextEvent(s, "motion:changed", 1000)]));
    await world.managementChair.trpc.voting.motion.close({ motionId });
    for (const [tally, changed] of await Promise.all(finals)) {
      expect(tally).toEqual({
        motionId,
        cast: 3,
        eligible: 4,
        bySide: { LABOR: { YES: 2, NO: 0, ABSTAIN: 0 }, MANAGEMENT: { YES: 0, NO: 1, ABSTAIN: 0 }, NEUTRAL: { YES: 0, NO: 0, ABSTAIN: 0 } },
        version: 4,
      });
      expect(changed).toEqual({ motionId });
    }
    expect(Date.now() - started).toBeLessThan(1000);
    await settle();
    // Nothing per side went out before the close, and the final tally was the last word.
    for (const tallies of seen) {
      expect(tallies.slice(0, -1).every((t: LiveTally) => t.bySide === null)).toBe(true);
      expect(tallies.at(-1)?.bySide).not.toBeNull();
    }
  });

  it("a burst of ballots leaves every watcher holding the newest tally", async () => {
    const world = await votingWorld(app, { votersPerSide: 4 });
    const motionId = await openMotion(world);
    const sockets = await watchers(world, motionId);
    const seen = sockets.map((s) => collectEvents(s, "tally:updated"));
    await Promise.all(world.voters.map((v) => v.trpc.voting.ballot.cast({ motionId, choice: "YES" })));
    await settle(300);
    for (const tallies of seen) {
      expect(tallies.length).toBeGreaterThan(0);
      expect(tallies.at(-1)).toMatchObject({ cast: world.voters.length, eligible: world.voters.length });
      // Never a step back: counts and versions only grow, and the last is the motion's current version.
      const casts = tallies.map((t: LiveTally) => t.cast);
      expect(casts).toEqual([...casts].sort((a, b) => a - b));
      const versions = tallies.map((t: LiveTally) => t.version);
      expect(new Set(versions).size).toBe(versions.length);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      expect(tallies.at(-1)?.version).toBe((await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).tallyVersion);
    }
  });
});
