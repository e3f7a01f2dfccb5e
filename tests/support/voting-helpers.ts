// Helpers for the voting integration tests: a committee with one person in every kind of seat (each
// signed in), motions brought to a given point of their life through the real procedures, and
// snapshots of the voting tables (a refused call writes nothing).
import { expect } from "vitest";
import { votingJobHandlers } from "../../server/domains/voting/voting.jobs.js";
import { tallyOf, type Choice, type DecisionRule } from "../../server/domains/voting/voting.rules.js";
import type { BallotKind } from "../../server/domains/voting/voting.schema.js";
import type { SeatRole, Side } from "../../server/domains/partnerships/partnerships.schema.js";
import {
  addMember,
  createCommittee,
  createMeeting,
  createOrganization,
  createPartnership,
  createUser,
  seatOnBody,
} from "../../server/fixtures/factories.js";
import { snapshotData, type Db, type SignedIn, type TestApp } from "./test-app.js";

export type Person = SignedIn & { membershipId: string; name: string; side: Side };
export type VotingWorld = Awaited<ReturnType<typeof votingWorld>>;
export type MotionView = Awaited<ReturnType<SignedIn["trpc"]["voting"]["motion"]["get"]>>;

export const HOUR = 60 * 60 * 1000;
let counter = 0;

/**
 * A partnership with a labor (union), a management (employer) and a neutral (college) organization,
 * and a committee seating: a co-chair per side, `votersPerSide` voting members per side (default 1),
 * a labor advisory member, a neutral member (advisory by default), a labor observer and neutral staff.
 * `outsider` is in the partnership without a seat on the committee; `stranger` is in no partnership.
 * The roll of a vote opened now is the co-chairs and the voting members.
 */
export async function votingWorld(app: TestApp, options: { votersPerSide?: number } = {}) {
  const tag = ++counter;
  const founder = await createUser(app.db, { name: `Founder ${tag}` });
  const { partnership, topBody, organization: union } = await createPartnership(app.db, { creatorId: founder.id, seat: "LABOR" });
  const employer = await createOrganization(app.db, { partnershipId: partnership.id, type: "EMPLOYER", side: "MANAGEMENT" });
  const college = await createOrganization(app.db, { partnershipId: partnership.id, type: "COLLEGE", side: "NEUTRAL" });
  const committee = await createCommittee(app.db, { partnershipId: partnership.id, name: `Apprenticeship committee ${tag}` });
  // No reminders unless a test asks for them: with the default 24-hour lead, every vote opened with a
  // deadline an hour away would be reminded at once by the app's job runner, in the background of
  // tests that compare every row before and after a call.
  await app.db.body.update({ where: { id: committee.id }, data: { reminderLeadHours: 0 } });
  const orgOf: Record<Side, string> = { LABOR: union.id, MANAGEMENT: employer.id, NEUTRAL: college.id };

  /** A partnership member (signed in), seated on the committee when `seat` is given. */
  async function person(name: string, side: Side, seat?: { role: SeatRole; isVoting?: boolean }): Promise<Person> {
    const user = await createUser(app.db, { name: `${name} ${tag}` });
    const membership = await addMember(app.db, { partnershipId: partnership.id, organizationId: orgOf[side], userId: user.id });
    if (seat) await seatOnBody(app.db, { bodyId: committee.id, membershipId: membership.id, role: seat.role, isVoting: seat.isVoting });
    return { ...(await app.signIn(user)), membershipId: membership.id, name: user.name, side };
  }

  const laborChair = await person("Lena Labor-Chair", "LABOR", { role: "CO_CHAIR" });
  const managementChair = await person("Mark Management-Chair", "MANAGEMENT", { role: "CO_CHAIR" });
  const laborMembers: Person[] = [];
  const managementMembers: Person[] = [];
  for (let i = 1; i <= (options.votersPerSide ?? 1); i++) {
    laborMembers.push(await person(`Luis Labor-Member-${i}`, "LABOR", { role: "MEMBER" }));
    managementMembers.push(await person(`Mia Management-Member-${i}`, "MANAGEMENT", { role: "MEMBER" }));
  }
  const laborAdvisory = await person("Leo Labor-Advisory", "LABOR", { role: "MEMBER", isVoting: false });
  const neutralMember = await person("Nora Neutral", "NEUTRAL", { role: "MEMBER" });
  const observer = await person("Olga Observer", "LABOR", { role: "OBSERVER" });
  const staff = await person("Sam Staff", "NEUTRAL", { role: "STAFF" });
  const outsider = await person("Otto Outsider", "MANAGEMENT");
  const stranger = await app.signIn(await createUser(app.db, { name: `Stella Stranger ${tag}` }));

  const laborVoters = [laborChair, ...laborMembers];
  const managementVoters = [managementChair, ...managementMembers];
  return {
    partnership,
    topBody,
    committee,
    union,
    employer,
    college,
    founder: await app.signIn(founder),
    laborChair,
    managementChair,
    laborMember: laborMembers[0]!,
    managementMember: managementMembers[0]!,
    laborMembers,
    managementMembers,
    laborAdvisory,
    neutralMember,
    observer,
    staff,
    outsider,
    stranger,
    /** Everyone on the roll of a vote opened now, labor first. */
    voters: [...laborVoters, ...managementVoters],
    laborVoters,
    managementVoters,
    person,
    /** A scheduled meeting of the committee. */
    meeting: () => createMeeting(app.db, { bodyId: committee.id, createdById: laborChair.user.id }),
  };
}

export type MotionOptions = {
  text?: string;
  ballotKind?: BallotKind;
  rule?: DecisionRule;
  requireQuorum?: boolean;
  meetingId?: string | null;
  approvesMinutesOfMeetingId?: string | null;
  mover?: Person;
  seconder?: Person;
};

/** Moves a motion (the first labor member moves it unless told otherwise) and returns its id. */
export async function moveMotion(world: VotingWorld, options: MotionOptions = {}) {
  const mover = options.mover ?? world.laborMember;
  const { id } = await mover.trpc.voting.motion.move({
    bodyId: world.committee.id,
    meetingId: options.meetingId ?? null,
    approvesMinutesOfMeetingId: options.approvesMinutesOfMeetingId ?? null,
    text: options.text ?? `That the committee adopt apprenticeship standard ${++counter}.`,
    ballotKind: options.ballotKind ?? "ROLL_CALL",
    rule: options.rule ?? "SIMPLE_MAJORITY",
    requireQuorum: options.requireQuorum ?? true,
  });
  return id;
}

/** A motion moved by a labor member and seconded by a management member. */
export async function secondedMotion(world: VotingWorld, options: MotionOptions = {}) {
  const id = await moveMotion(world, options);
  await (options.seconder ?? world.managementMember).trpc.voting.motion.second({ motionId: id });
  return id;
}

/**
 * A seconded motion whose vote the labor co-chair opened: with a deadline an hour away when it is an
 * electronic vote (no meeting), with none at a meeting unless one is given.
 */
export async function openMotion(world: VotingWorld, options: MotionOptions & { deadline?: Date | null } = {}) {
  const id = await secondedMotion(world, options);
  const deadline = options.deadline !== undefined ? options.deadline : options.meetingId ? null : new Date(Date.now() + HOUR);
  await world.laborChair.trpc.voting.motion.open({ motionId: id, deadline });
  return id;
}

/** Casts each person's choice one after the other. */
export async function castAll(motionId: string, ballots: ReadonlyArray<readonly [Person, Choice]>) {
  for (const [voter, choice] of ballots) await voter.trpc.voting.ballot.cast({ motionId, choice });
}

/** Every row of the voting tables and of the tables a vote touches elsewhere (minutes, attendance). */
export async function votingData(db: Db) {
  const byId = { orderBy: { id: "asc" } } as const;
  const [motions, voters, ballots, participations, sealedBallots, events, decisions, attendance] = await Promise.all([
    db.motion.findMany(byId),
    db.motionVoter.findMany(byId),
    db.rollCallBallot.findMany(byId),
    db.secretParticipation.findMany(byId),
    db.sealedBallot.findMany(byId),
    db.motionEvent.findMany(byId),
    db.decision.findMany(byId),
    db.attendance.findMany(byId),
  ]);
  return { motions, voters, ballots, participations, sealedBallots, events, decisions, attendance };
}

/** The whole database's domain data: equal before and after a refused call means it wrote nothing. */
export async function everything(db: Db) {
  return { ...(await snapshotData(db)), ...(await votingData(db)) };
}

/** Event kinds of a motion, in the order they were appended. */
export async function eventKinds(db: Db, motionId: string) {
  const events = await db.motionEvent.findMany({ where: { motionId }, orderBy: { seq: "asc" }, select: { kind: true } });
  return events.map((e) => e.kind);
}

/** How many sealed ballots an open secret vote holds (the close counts and deletes them). */
export async function sealedBallotCount(db: Db, motionId: string) {
  return db.sealedBallot.count({ where: { motionId } });
}

/** The tally that the given ballots make: what a close must find, no more and no less. */
export function expectedTally(ballots: ReadonlyArray<readonly [Person, Choice]>) {
  return tallyOf(ballots.map(([voter, choice]) => ({ side: voter.side, choice })));
}

/** The voting job handlers as the job runner calls them, judging deadlines by the clock `now` gives. */
export function votingJobs(app: TestApp, now: () => Date = () => new Date()) {
  const handlers = votingJobHandlers(app.server.deps, now);
  return {
    deadline: (motionId: string) => handlers["voting:deadline"]({ motionId }),
    reminder: (motionId: string) => handlers["voting:reminder"]({ motionId }),
  };
}

/** The job-queue rows (pending or running) with a motion's job keys. */
export async function motionJobs(db: Db, motionId: string) {
  return db.$queryRaw<Array<{ key: string; run_at: Date; locked_at: Date | null }>>`
    SELECT "key", "run_at", "locked_at" FROM graphile_worker._private_jobs
    WHERE "key" IN (${`motion-deadline:${motionId}`}, ${`motion-reminder:${motionId}`}) ORDER BY "key"`;
}

/** Polls `check` until it returns true, or fails after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, { timeoutMs = 5_000, everyMs = 50, what = "the condition" } = {}) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) expect.fail(`${what} did not happen within ${timeoutMs} ms`);
    await settle(everyMs);
  }
}

/** Lets events already on the wire arrive before asserting that some did not. */
export const settle = (ms = 100) => new Promise((resolve) => setTimeout(resolve, ms));

/** Settles every promise and splits successes from refusals (by tRPC code); anything else fails the test. */
export async function settleAll<T>(calls: Array<Promise<T>>) {
  const results = await Promise.allSettled(calls);
  const ok: T[] = [];
  const refused: string[] = [];
  for (const r of results) {
    if (r.status === "fulfilled") ok.push(r.value);
    else refused.push(codeOf(r.reason));
  }
  return { ok, refused };
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return code;
  expect.fail(`Not a refusal: ${String(error)}`);
}
