// Secret ballots keep nothing that links a choice to a voter (read from the raw tables), and live
// tallies reach the motion's room over real sockets: counts per side for a roll call, only the number
// cast for a secret ballot until it closes, and the final tally to everyone at close.
import { afterAll, describe, expect, it } from "vitest";
import { CHOICES, type Choice } from "../../server/domains/voting/voting.rules.js";
import type { LiveTally } from "../../server/domains/voting/voting.events.js";
import { collectEvents, joinRoom, nextEvent, startTestApp, type TestSocket } from "../support/test-app.js";
import { castAll, openMotion, secretCounterSum, settle, votingWorld, type Person, type VotingWorld } from "../support/voting-helpers.js";

const app = await startTestApp();
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
 * Every row of every table in the database, raw, each column read as text (so JSON, arrays and
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

/** Rows that hold both one of the people's ids (membership or user) and a ballot choice. */
async function rowsLinkingVotersToChoices(people: Person[]) {
  const ids = people.flatMap((p) => [p.membershipId, p.user.id]);
  const linking: Array<{ table: string; row: Row }> = [];
  for (const entry of await allRows()) {
    const strings = Object.values(entry.row).flatMap(stringsIn);
    const holdsId = strings.some((s) => ids.some((id) => s.includes(id)));
    const holdsChoice = strings.some((s) => CHOICE_SET.has(s));
    if (holdsId && holdsChoice) linking.push(entry);
  }
  return linking;
}

async function columnsOf(table: string) {
  const info = await app.db.$queryRaw<Array<{ name: string }>>`
    SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${table} ORDER BY ordinal_position`;
  return info.map((c) => c.name);
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

describe("a secret ballot cannot be linked to its voter", () => {
  it("stores who took part and counters per side, and no row anywhere holds both a voter and a choice", async () => {
    const world = await votingWorld(app, { votersPerSide: 2 });
    const motionId = await openMotion(world, { ballotKind: "SECRET", text: "That the employer fund tool kits for every first-year apprentice." });
    const ballots: Array<[Person, Choice]> = [
      [world.laborChair, "YES"],
      [world.laborMembers[0]!, "NO"],
      [world.laborMembers[1]!, "ABSTAIN"],
      [world.managementChair, "NO"],
      [world.managementMembers[0]!, "YES"],
    ];
    await castAll(motionId, ballots);

    // The shape of the tables is the guarantee: counters have no voter, participation has no choice.
    expect((await columnsOf("SecretTally")).sort()).toEqual(["choice", "count", "motionId", "side"]);
    const participationColumns = await columnsOf("SecretParticipation");
    expect(participationColumns.filter((c) => /choice|vote|yes|no\b/i.test(c))).toEqual([]);
    // Across the whole schema, the only table of a motion's ballots with both a voter column and a
    // choice column is the roll call's (public by design).
    expect(await motionTablesWithVoterAndChoice()).toEqual(["RollCallBallot"]);

    const tallies = await app.db.$queryRawUnsafe<Row[]>(`SELECT * FROM "SecretTally" WHERE "motionId" = $1`, motionId);
    const participations = await app.db.$queryRawUnsafe<Row[]>(`SELECT * FROM "SecretParticipation" WHERE "motionId" = $1`, motionId);
    expect(participations).toHaveLength(ballots.length);
    expect(tallies.reduce((sum, t) => sum + Number(t.count), 0)).toBe(participations.length);
    expect(await secretCounterSum(app.db, motionId)).toBe(ballots.length);
    for (const t of tallies) expect(Object.keys(t).sort()).toEqual(["choice", "count", "motionId", "side"]);
    expect(await app.db.rollCallBallot.count({ where: { motionId } })).toBe(0);

    // Nowhere in the database, while the vote is open or after it closed.
    expect(await rowsLinkingVotersToChoices(world.voters)).toEqual([]);
    const result = await world.laborChair.trpc.voting.motion.close({ motionId });
    expect(result.tally).toMatchObject({ LABOR: { YES: 1, NO: 1, ABSTAIN: 1 }, MANAGEMENT: { YES: 1, NO: 1, ABSTAIN: 0 } });
    expect(await rowsLinkingVotersToChoices(world.voters)).toEqual([]);
  });

  it("finds the link in a roll call (the check above can see one)", async () => {
    const world = await votingWorld(app);
    const motionId = await openMotion(world, { ballotKind: "ROLL_CALL" });
    await castAll(motionId, [[world.laborChair, "YES"]]);
    const linking = await rowsLinkingVotersToChoices(world.voters);
    expect(linking.map((l) => l.table)).toEqual(["RollCallBallot"]);
  });

  it("creates every counter, at zero, when the vote opens: before any ballot, whoever votes first", async () => {
    const world = await votingWorld(app);
    // The counters' creation order carries nothing: all nine exist before the first ballot. (Their
    // physical order does move with each ballot, since PostgreSQL writes an updated row anew: see
    // ADR 0005 and the "sealed at rest" hardening, which replaces the counters.)
    const counters = async (motionId: string) =>
      app.db.$queryRawUnsafe<Array<{ side: string; choice: string; count: number }>>(
        `SELECT "side", "choice", "count" FROM "SecretTally" WHERE "motionId" = $1 ORDER BY "side", "choice"`,
        motionId,
      );
    const allZero = ["LABOR", "MANAGEMENT", "NEUTRAL"].flatMap((side) => ["ABSTAIN", "NO", "YES"].map((choice) => ({ side, choice, count: 0 })));
    const opened = async (first: [Person, Choice], second: [Person, Choice]) => {
      const motionId = await openMotion(world, { ballotKind: "SECRET", requireQuorum: false });
      expect(await counters(motionId)).toEqual(allZero);
      const eventsBefore = await app.db.motionEvent.count({ where: { motionId } });
      await castAll(motionId, [first, second]);
      // The ballots changed counts only: no counter row was added, none removed.
      expect((await counters(motionId)).map(({ side, choice }) => ({ side, choice }))).toEqual(allZero.map(({ side, choice }) => ({ side, choice })));
      expect(await app.db.motionEvent.count({ where: { motionId } })).toBe(eventsBefore + 2);
      return counters(motionId);
    };
    const chairNoFirst = await opened([world.laborChair, "NO"], [world.laborMember, "YES"]);
    const chairYesFirst = await opened([world.laborChair, "YES"], [world.laborMember, "NO"]);
    // The same counts either way: nothing about who voted first.
    expect(chairNoFirst).toEqual(chairYesFirst);
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
    await world.laborChair.trpc.voting.motion.close({ motionId });
    const closed = await world.laborMember.trpc.voting.motion.get({ motionId });
    expect(closed.viewer.myChoice).toBeNull();
    expect(closed.tally.bySide?.LABOR).toEqual({ YES: 0, NO: 1, ABSTAIN: 0 });
  });
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
