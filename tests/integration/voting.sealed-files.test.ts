// What someone holding copies of the database's files learns about secret ballots (decision 0010). The
// finding this answers: with per-choice counters, replaying the write-ahead log commit by commit
// recovered 12 of 12 secret choices cast 250 ms apart. This test takes that attacker's place.
//
// How, and why this is an honest version of it:
// - Its own PostgreSQL cluster (embedded, in a temporary folder): the files then hold this test's data
//   only, and they are readable whatever DATABASE_URL says (an external server's files are not, and a
//   scan that cannot read them must not pass). The data directory is asked of the server itself.
// - A slow secret vote: 8 voters with known choices, ballots 250 ms apart, so each ballot is its own
//   transaction (the case the finding exploited, and the worst one for us). For control, a roll-call
//   vote by 4 other people (choices stored in clear by design). Nothing is stopped: CHECKPOINT forces
//   the data pages to disk (the WAL is written at commit anyway), then every file is read raw.
// - Attack 1, the bytes: every file under the data directory (tables, indexes, free space, pg_wal/,
//   pg_xact/, …) is searched, around every occurrence of each voter's membership id (a tuple, a WAL
//   record, a full-page image), for each encoding in which this code base writes a choice: a text
//   column's value (`\x09YES`), JSON text (`"YES"`), and the sealed plaintext (`LABOR:YES`), which must
//   not appear anywhere at all. The control: the same search recovers every roll-call choice.
// - Attack 2, the replay: pg_walinspect decodes the WAL record by record (what pg_waldump does with a
//   copy), follows every row through its versions, and lists for each ballot's transaction which
//   existing rows it changed and which tables it added to. The counters leaked because the row a ballot
//   changed depended on the choice; here every ballot must change the same row (its motion's) and add
//   to the same tables. The control: a miniature of the old counters, replayed the same way, gives up
//   6 of 6 choices.
// - The boxes themselves are in the files (found by their bytes in the table's file and in pg_wal):
//   without the server's secret, ciphertext is all there is. With the secret, which this test holds, they
//   open, and each sits in its participation's transaction: that attacker links them (decision 0010).
// What it does not prove: that the cipher is sound (libsodium's crypto_box_seal), that no encoding
// exists beyond those searched (jsonb keeps strings without quotes or headers, so a choice leaked into
// a jsonb column is not in the byte search; voting.secret.test.ts reads every column of every row,
// JSON included, for that), or anything about a copy taken together with the server's secret.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgres } from "../../server/database/embedded-postgres.js";
import { prepareDatabase } from "../../server/database/prepare.js";
import { openBallot, voteKeys, type SealedChoice } from "../../server/domains/voting/ballot-box.js";
import { CHOICES, type Choice, type VoteSide } from "../../server/domains/voting/voting.rules.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { expectedTally, openMotion, settle, votingWorld, type Person } from "../support/voting-helpers.js";

const GAP_MS = 250;
const SIDES: VoteSide[] = ["LABOR", "MANAGEMENT", "NEUTRAL"];
const APP_SECRET = randomBytes(32).toString("base64url");
const root = fs.mkdtempSync(path.join(os.tmpdir(), "jointly-sealed-files-"));
// The embedded server runs as the `postgres` system user when we are root: it must reach its folder.
fs.chmodSync(root, 0o755);

let cluster: EmbeddedPostgres;
let app: TestApp;
let sql: pg.Client;
let dataDirectory: string;

beforeAll(async () => {
  cluster = await startEmbeddedPostgres({ dataDir: root });
  const name = "jointly_sealed_files";
  await ensureDatabase(cluster.urlFor("postgres"), name);
  const url = cluster.urlFor(name);
  await prepareDatabase(url);
  app = await startTestApp({ database: { name, url, remove: async () => {} }, env: { APP_SECRET } });
  sql = new pg.Client({ connectionString: url });
  await sql.connect();
  await sql.query("CREATE EXTENSION IF NOT EXISTS pg_walinspect");
  dataDirectory = (await sql.query<{ data_directory: string }>("SHOW data_directory")).rows[0]!.data_directory;
}, 240_000);

afterAll(async () => {
  await sql?.end();
  await app?.close();
  await cluster?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

const lsnNow = async () => (await sql.query<{ lsn: string }>("SELECT pg_current_wal_insert_lsn()::text AS lsn")).rows[0]!.lsn;

/** One ballot after another, GAP_MS apart: each its own group commit, its own transaction. */
async function castSlowly(motionId: string, ballots: ReadonlyArray<readonly [Person, Choice]>) {
  for (const [i, [voter, choice]] of ballots.entries()) {
    if (i) await settle(GAP_MS);
    await voter.trpc.voting.ballot.cast({ motionId, choice });
  }
}

// ─── attack 1: the bytes of every file ───────────────────────────────────────

type ClusterFile = { file: string; bytes: Buffer };

/** Every regular file under the data directory, raw (a file that vanishes meanwhile, a temporary one, is skipped). */
function readCluster(): ClusterFile[] {
  const files: ClusterFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        try {
          files.push({ file: path.relative(dataDirectory, full), bytes: fs.readFileSync(full) });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        }
      }
    }
  };
  walk(dataDirectory);
  return files;
}

function occurrences(haystack: Buffer, needle: Buffer): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** A short text value as a heap tuple (and so a WAL record) stores it: a one-byte length header, then the bytes. */
const textValue = (s: string) => Buffer.concat([Buffer.from([((s.length + 1) << 1) | 1]), Buffer.from(s)]);
/** The sealed plaintext's form (ballot-box.ts): must appear nowhere in the files. */
const sealedForms = CHOICES.flatMap((choice) => SIDES.map((side) => ({ choice, bytes: Buffer.from(`${side}:${choice}`) })));
/** Every way this code base writes a choice. */
const choiceForms = [...CHOICES.flatMap((choice) => [{ choice, bytes: textValue(choice) }, { choice, bytes: Buffer.from(`"${choice}"`) }]), ...sealedForms];

const WINDOW = 256;

/**
 * Around every occurrence of each person's membership id in the files: the choices found within WINDOW
 * bytes either side (a link), and the choice stored as a text value within 48 bytes after it (a roll-call
 * ballot's tuple: seat, cast-by, side, choice). Also how often the id was seen at all.
 */
function scanForLinks(files: ClusterFile[], people: Person[]) {
  return people.map((person) => {
    const id = Buffer.from(person.membershipId);
    let seen = 0;
    const near = new Set<string>();
    const stored = new Set<Choice>();
    for (const { file, bytes } of files) {
      for (const at of occurrences(bytes, id)) {
        seen++;
        const around = bytes.subarray(Math.max(0, at - WINDOW), at + id.length + WINDOW);
        for (const form of choiceForms) if (around.includes(form.bytes)) near.add(`${form.choice} in ${file}`);
        const after = bytes.subarray(at + id.length, at + id.length + 48);
        for (const choice of CHOICES) if (after.includes(textValue(choice))) stored.add(choice);
      }
    }
    return { person, seen, near: [...near], stored: [...stored] };
  });
}

// ─── attack 2: replaying the WAL ─────────────────────────────────────────────

type BlockRecord = { lsn: string; xid: string; blockId: number; relname: string | null; blk: string; recordType: string; description: string };

/** The heap records between two LSNs, one row per block they touch, with the table they belong to. */
async function heapRecords(from: string, to: string): Promise<BlockRecord[]> {
  const { rows } = await sql.query<BlockRecord>(
    `SELECT b.start_lsn::text AS lsn, b.xid::text AS xid, b.block_id AS "blockId", c.relname, b.relblocknumber::text AS blk,
            b.record_type AS "recordType", b.description
     FROM pg_get_wal_block_info($1::pg_lsn, $2::pg_lsn, false) b
     LEFT JOIN pg_class c ON c.relfilenode = b.relfilenode
     WHERE b.resource_manager = 'Heap' AND b.relforknumber = 0
       AND b.reldatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
     ORDER BY b.start_lsn, b.block_id`,
    [from, to],
  );
  return rows;
}

type Footprint = { changed: string[]; inserted: string[]; insertedAt: string[] };

/**
 * Replays heap records in order, following each row through its versions (an update moves a row to a
 * new offset, or a new page), and returns per transaction: the rows it changed or locked (by identity:
 * the table, and where the row was first seen), the tables it added rows to, and where (`table (blk,off)`).
 */
function replay(records: BlockRecord[]) {
  const rowAt = new Map<string, string>();
  const latest = new Map<string, [blk: string, off: string]>();
  const place = (row: string, table: string, blk: string, off: string) => {
    rowAt.set(`${table}/${blk}/${off}`, row);
    latest.set(row, [blk, off]);
  };
  const identity = (table: string, blk: string, off: string) => {
    const key = `${table}/${blk}/${off}`;
    if (!rowAt.has(key)) place(`${table} row first seen at (${blk},${off})`, table, blk, off);
    return rowAt.get(key)!;
  };
  const byXid = new Map<string, Footprint>();
  const footprint = (xid: string) => {
    if (!byXid.has(xid)) byXid.set(xid, { changed: [], inserted: [], insertedAt: [] });
    return byXid.get(xid)!;
  };
  const byRecord = new Map<string, BlockRecord[]>();
  for (const r of records) byRecord.set(r.lsn, [...(byRecord.get(r.lsn) ?? []), r]);
  for (const blocks of byRecord.values()) {
    const main = blocks.find((b) => b.blockId === 0) ?? blocks[0]!;
    const table = main.relname ?? "?";
    const type = main.recordType.replace("+INIT", "");
    const field = (name: string) => new RegExp(`(?:^|[\\s,])${name}: (\\d+)`).exec(main.description)?.[1];
    const fp = footprint(main.xid);
    if (type === "INSERT") {
      const off = field("off")!;
      place(`${table} row inserted at ${main.lsn}`, table, main.blk, off);
      fp.inserted.push(table);
      fp.insertedAt.push(`${table} (${main.blk},${off})`);
    } else if (type === "UPDATE" || type === "HOT_UPDATE") {
      const oldBlk = (blocks.find((b) => b.blockId === 1) ?? main).blk;
      const row = identity(table, oldBlk, field("old_off")!);
      place(row, table, main.blk, field("new_off")!);
      fp.changed.push(row);
    } else if (type === "LOCK" || type === "DELETE") {
      fp.changed.push(identity(table, main.blk, field("off")!));
    } else {
      fp.changed.push(`${table}: ${type}`);
    }
  }
  /** Where a row's newest version is now (block, offset): what its ctid is. */
  const current = (row: string) => latest.get(row)!;
  return { byXid, current };
}

const normalized = (fp: Footprint) => ({ changed: [...new Set(fp.changed)].sort(), inserted: [...new Set(fp.inserted)].sort() });

// ─── the votes ───────────────────────────────────────────────────────────────

describe("a slow secret vote, read from the database's files", () => {
  let secret: { motionId: string; ballots: Array<readonly [Person, Choice]>; voters: Person[]; walFrom: string; walTo: string };
  let rollCall: { ballots: Array<readonly [Person, Choice]>; voters: Person[] };

  beforeAll(async () => {
    const world = await votingWorld(app, { votersPerSide: 3 });
    const control = await votingWorld(app);
    const motionId = await openMotion(world, { ballotKind: "SECRET", rule: "DUAL_MAJORITY", requireQuorum: false, text: "That the fund pay for safety boots." });
    const labor: Choice[] = ["YES", "NO", "YES", "ABSTAIN"];
    const management: Choice[] = ["NO", "YES", "YES", "ABSTAIN"];
    const ballots = [...world.laborVoters.map((v, i) => [v, labor[i]!] as const), ...world.managementVoters.map((v, i) => [v, management[i]!] as const)];
    // Interleave the sides, so neither the order of the sides nor of the choices is a pattern.
    const order = [0, 4, 1, 5, 2, 6, 3, 7].map((i) => ballots[i]!);
    const walFrom = await lsnNow();
    await castSlowly(motionId, order);
    const walTo = await lsnNow();
    secret = { motionId, ballots: order, voters: world.voters, walFrom, walTo };

    const rollCallMotion = await openMotion(control, { ballotKind: "ROLL_CALL", requireQuorum: false, text: "That the fund pay for safety glasses." });
    const controlBallots = [
      [control.laborChair, "YES"],
      [control.managementChair, "NO"],
      [control.laborMember, "ABSTAIN"],
      [control.managementMember, "YES"],
    ] as const;
    await castSlowly(rollCallMotion, controlBallots);
    rollCall = { ballots: [...controlBallots], voters: control.voters };
    await sql.query("CHECKPOINT");
  }, 240_000);

  it("the scan reads this test's own cluster, WAL included", async () => {
    expect(fs.realpathSync(dataDirectory)).toBe(fs.realpathSync(path.join(root, "cluster")));
    const files = readCluster().map((f) => f.file);
    expect(files.some((f) => f.startsWith("pg_wal/"))).toBe(true);
    const table = (await sql.query<{ file: string }>(`SELECT pg_relation_filepath('"SealedBallot"') AS file`)).rows[0]!.file;
    expect(files).toContain(table);
  });

  it("holds no choice near any secret voter's id, and the plaintext form of a ballot nowhere; the same scan recovers every roll-call choice", () => {
    const files = readCluster();
    const secretScan = scanForLinks(files, secret.voters);
    // The scan does see the secret voters' rows (participation, roll, memberships): just no choice near them.
    for (const { person, seen } of secretScan) expect(seen, person.name).toBeGreaterThan(0);
    expect(secretScan.filter((s) => s.near.length || s.stored.length).map((s) => ({ voter: s.person.name, near: s.near, stored: s.stored }))).toEqual([]);
    for (const form of sealedForms) expect(files.filter((f) => f.bytes.includes(form.bytes)).map((f) => f.file), form.bytes.toString()).toEqual([]);

    // Control: where choices are stored in clear, the same scan links every voter to their own choice.
    const controlScan = scanForLinks(files, rollCall.voters);
    const recovered = rollCall.ballots.map(([voter]) => controlScan.find((s) => s.person === voter)!.stored);
    expect(recovered).toEqual(rollCall.ballots.map(([, choice]) => [choice]));
  });

  it("replayed commit by commit, every secret ballot changed the same row (its motion's) and added to the same tables; the same replay breaks counters", async () => {
    const { byXid, current } = replay(await heapRecords(secret.walFrom, secret.walTo));
    const ballotXids = [...byXid].filter(([, fp]) => fp.inserted.includes("SecretParticipation"));
    expect(ballotXids).toHaveLength(secret.ballots.length);
    const shapes = ballotXids.map(([, fp]) => normalized(fp));
    expect(new Set(shapes.map((s) => JSON.stringify(s))).size, JSON.stringify(shapes, null, 1)).toBe(1);
    expect(shapes[0]!.changed).toHaveLength(1);
    expect(shapes[0]!.changed[0]).toMatch(/^Motion row/);
    expect(shapes[0]!.inserted).toContain("SealedBallot");
    // The replay does know whose ballot each transaction was (the participation row it added)…
    const seats: Array<string | undefined> = [];
    for (const [, fp] of ballotXids) {
      const [blk, off] = /\((\d+),(\d+)\)/.exec(fp.insertedAt.find((a) => a.startsWith("SecretParticipation"))!)!.slice(1);
      const { rows } = await sql.query<{ seat: string }>(`SELECT "seatMembershipId" AS seat FROM "SecretParticipation" WHERE ctid = $1::tid`, [`(${blk},${off})`]);
      seats.push(rows[0]?.seat);
    }
    expect(seats).toEqual(secret.ballots.map(([voter]) => voter.membershipId));
    // …and nothing else it changed depends on the choice: the one row each changed is the motion's.
    const [blk, off] = current(shapes[0]!.changed[0]!);
    expect((await sql.query(`SELECT "id" FROM "Motion" WHERE ctid = $1::tid`, [`(${blk},${off})`])).rows).toEqual([{ id: secret.motionId }]);

    // Control: the old design in miniature (counters per side and choice, created at zero, and a
    // participation row beside each increment), replayed the same way, gives every choice away.
    const legacyFrom = await lsnNow();
    await sql.query(`CREATE TABLE legacy_tally ("side" text, "choice" text, "count" int NOT NULL DEFAULT 0, PRIMARY KEY ("side", "choice"))`);
    await sql.query(`CREATE TABLE legacy_participation ("seat" text PRIMARY KEY)`);
    await sql.query(`INSERT INTO legacy_tally ("side", "choice") SELECT s, c FROM unnest($1::text[]) s, unnest($2::text[]) c`, [SIDES, [...CHOICES]]);
    // (Seats of its own: the files must not put the real voters' ids beside these clear counters.)
    const legacy = secret.ballots.slice(0, 6).map(([voter, choice], i) => ({ seat: `legacy-seat-${i}`, side: voter.side, choice }));
    for (const { seat, side, choice } of legacy) {
      await sql.query("BEGIN");
      await sql.query(`INSERT INTO legacy_participation VALUES ($1)`, [seat]);
      await sql.query(`UPDATE legacy_tally SET "count" = "count" + 1 WHERE "side" = $1 AND "choice" = $2`, [side, choice]);
      await sql.query("COMMIT");
      await settle(20);
    }
    await sql.query("CHECKPOINT");
    const legacyReplay = replay(await heapRecords(legacyFrom, await lsnNow()));
    const at = (table: string, [blk, off]: readonly string[]) => sql.query(`SELECT * FROM ${table} WHERE ctid = $1::tid`, [`(${blk},${off})`]);
    const broken: Array<{ seat: string; choice: string }> = [];
    for (const fp of [...legacyReplay.byXid.values()].filter((f) => f.inserted.includes("legacy_participation"))) {
      // Whose ballot: the participation row the transaction added. Which choice: the counter row it
      // changed, followed through its versions to where it is now, read in clear.
      const seat = (await at("legacy_participation", /\((\d+),(\d+)\)/.exec(fp.insertedAt[0]!)!.slice(1))).rows[0]?.seat as string;
      const counter = fp.changed.find((c) => c.startsWith("legacy_tally"))!;
      broken.push({ seat, choice: (await at("legacy_tally", legacyReplay.current(counter))).rows[0]?.choice as string });
    }
    expect(broken).toEqual(legacy.map(({ seat, choice }) => ({ seat, choice })));
  });

  it("holds every box, in the table's file and in the WAL: ciphertext without the server's secret, the ballots with it", async () => {
    const { rows } = await sql.query<{ box: Buffer }>(`SELECT "box" FROM "SealedBallot" WHERE "motionId" = $1`, [secret.motionId]);
    expect(rows).toHaveLength(secret.ballots.length);
    const files = readCluster();
    const table = (await sql.query<{ file: string }>(`SELECT pg_relation_filepath('"SealedBallot"') AS file`)).rows[0]!.file;
    const found = rows.map(({ box }) => files.filter((f) => f.bytes.includes(box)).map((f) => f.file));
    for (const where of found) {
      expect(where).toContain(table);
      expect(where.some((f) => f.startsWith("pg_wal/"))).toBe(true);
    }
    // With the secret, what the files hold opens to exactly the ballots cast, side by side.
    const keys = await voteKeys(app.config, secret.motionId);
    const opened = await Promise.all(rows.map(({ box }) => openBallot(keys, new Uint8Array(box))));
    const sorted = (ballots: SealedChoice[]) => ballots.map((b) => `${b.side}:${b.choice}`).sort();
    expect(sorted(opened)).toEqual(sorted(secret.ballots.map(([voter, choice]) => ({ side: voter.side as VoteSide, choice }))));
  });

  it("after the close: the boxes are counted and deleted, the result is right per side, and still no choice lies near a voter's id", async () => {
    const chair = secret.voters[0]!;
    const result = await chair.trpc.voting.motion.close({ motionId: secret.motionId });
    expect(result.tally).toEqual(expectedTally(secret.ballots));
    expect(await app.db.sealedBallot.count({ where: { motionId: secret.motionId } })).toBe(0);
    await sql.query("CHECKPOINT");
    const files = readCluster();
    expect(scanForLinks(files, secret.voters).filter((s) => s.near.length || s.stored.length)).toEqual([]);
    for (const form of sealedForms) expect(files.filter((f) => f.bytes.includes(form.bytes)).map((f) => f.file)).toEqual([]);
  });
});
