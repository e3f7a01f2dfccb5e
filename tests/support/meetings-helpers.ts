// Helpers for the meetings integration tests: a committee with one person in every kind of seat (each
// signed in), meetings in a given state, snapshots of the meetings tables (a refusal writes nothing)
// and waiting for a socket event that matches.
import { expect } from "vitest";
import { currentJob } from "../../server/jobs/jobs.js";
import type { ProposeItemInput } from "../../server/domains/meetings/meetings.schema.js";
import type { SeatRole } from "../../server/domains/partnerships/partnerships.schema.js";
import {
  addMember,
  createAgendaItem,
  createCommittee,
  createMeeting,
  createOrganization,
  createPartnership,
  createUser,
  seatOnBody,
} from "../../server/fixtures/factories.js";
import type { ServerEventName, ServerEventPayload } from "../../server/realtime/realtime.events.js";
import { refusal, snapshotData, type Db, type Refusal, type SignedIn, type TestApp, type TestSocket } from "./test-app.js";

export type Person = SignedIn & { membershipId: string; name: string };
export type World = Awaited<ReturnType<typeof meetingWorld>>;
export type MeetingView = Awaited<ReturnType<SignedIn["trpc"]["meetings"]["meeting"]["get"]>>;

let counter = 0;
/** Nobody here signs in with a password (sessions are started directly), so hash it cheaply. */
const HASH_COST = 4;

/**
 * A partnership with a labor (union), a management (employer) and a neutral (college) organization,
 * and a committee with: a co-chair per side, a voting member per side, a labor advisory member, a
 * neutral (advisory) member, a labor observer and neutral staff. `outsider` is in the partnership but
 * has no seat on the committee; `stranger` is in no partnership at all.
 */
export async function meetingWorld(app: TestApp) {
  const tag = ++counter;
  const founder = await createUser(app.db, { name: `Founder ${tag}`, hashCost: HASH_COST });
  const { partnership, topBody, organization: union } = await createPartnership(app.db, { creatorId: founder.id, seat: "LABOR" });
  const employer = await createOrganization(app.db, { partnershipId: partnership.id, type: "EMPLOYER", side: "MANAGEMENT" });
  const college = await createOrganization(app.db, { partnershipId: partnership.id, type: "COLLEGE", side: "NEUTRAL" });
  const committee = await createCommittee(app.db, { partnershipId: partnership.id, name: `Training committee ${tag}` });

  async function person(name: string, organizationId: string, seat?: { role: SeatRole; isVoting?: boolean }): Promise<Person> {
    const user = await createUser(app.db, { name: `${name} ${tag}`, hashCost: HASH_COST });
    const membership = await addMember(app.db, { partnershipId: partnership.id, organizationId, userId: user.id });
    if (seat) await seatOnBody(app.db, { bodyId: committee.id, membershipId: membership.id, role: seat.role, isVoting: seat.isVoting });
    return { ...(await app.signIn(user)), membershipId: membership.id, name: user.name };
  }

  const laborChair = await person("Lena Labor-Chair", union.id, { role: "CO_CHAIR" });
  const managementChair = await person("Mark Management-Chair", employer.id, { role: "CO_CHAIR" });
  const laborMember = await person("Luis Labor-Member", union.id, { role: "MEMBER" });
  const managementMember = await person("Mia Management-Member", employer.id, { role: "MEMBER" });
  const laborAdvisory = await person("Leo Labor-Advisory", union.id, { role: "MEMBER", isVoting: false });
  const neutralMember = await person("Nora Neutral", college.id, { role: "MEMBER" });
  const observer = await person("Olga Observer", union.id, { role: "OBSERVER" });
  const staff = await person("Sam Staff", college.id, { role: "STAFF" });
  const outsider = await person("Otto Outsider", employer.id);
  const stranger = await app.signIn(await createUser(app.db, { name: `Stella Stranger ${tag}`, hashCost: HASH_COST }));

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
    laborMember,
    managementMember,
    laborAdvisory,
    neutralMember,
    observer,
    staff,
    outsider,
    stranger,
    /** Everyone with a seat on the committee. */
    seated: [laborChair, managementChair, laborMember, managementMember, laborAdvisory, neutralMember, observer, staff],
  };
}

/**
 * `count` more voting members of the world's committee, alternately from the labor and the management
 * side, each signed in (for races with many people at once).
 */
export async function moreMembers(app: TestApp, world: World, count: number): Promise<Person[]> {
  const people: Person[] = [];
  for (let i = 0; i < count; i++) {
    const organization = i % 2 === 0 ? world.union : world.employer;
    const user = await createUser(app.db, { name: `Extra member ${++counter}`, hashCost: HASH_COST });
    const membership = await addMember(app.db, { partnershipId: world.partnership.id, organizationId: organization.id, userId: user.id });
    await seatOnBody(app.db, { bodyId: world.committee.id, membershipId: membership.id, role: "MEMBER" });
    people.push({ ...(await app.signIn(user)), membershipId: membership.id, name: user.name });
  }
  return people;
}

/** A scheduled meeting of the world's committee (through the factory), optionally with accepted items. */
export async function meetingOf(app: TestApp, world: World, options: { items?: number; title?: string } = {}) {
  const meeting = await createMeeting(app.db, { bodyId: world.committee.id, createdById: world.laborChair.user.id, title: options.title });
  const items = [];
  for (let i = 0; i < (options.items ?? 0); i++) {
    items.push(await createAgendaItem(app.db, { meetingId: meeting.id, proposedById: world.laborChair.user.id, title: `Item ${i + 1}` }));
  }
  return { meeting, items };
}

/** A meeting whose agenda (with `items` accepted items) both co-chairs approved. */
export async function publishedMeeting(app: TestApp, world: World, options: { items?: number } = {}) {
  const { meeting, items } = await meetingOf(app, world, { items: options.items ?? 3 });
  const version = meeting.agendaVersion;
  await world.laborChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version });
  const { published } = await world.managementChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version });
  expect(published).toBe(true);
  return { meeting, items, version };
}

/** A meeting in session (started by the labor co-chair). */
export async function liveMeeting(app: TestApp, world: World, options: { items?: number } = {}) {
  const made = await meetingOf(app, world, { items: options.items ?? 2 });
  await world.laborChair.trpc.meetings.meeting.start({ meetingId: made.meeting.id });
  return made;
}

export function itemInput(meetingId: string, overrides: Partial<ProposeItemInput> = {}): ProposeItemInput {
  return {
    meetingId,
    title: "Apprenticeship intake for spring",
    description: "",
    presenter: "",
    timeBoxMinutes: 15,
    kind: "DISCUSSION",
    links: [],
    ...overrides,
  };
}

/** Every row of the meetings tables and of the tables `snapshotData` covers, ordered by id. */
export async function snapshotMeetingData(db: Db) {
  const byId = { orderBy: { id: "asc" } } as const;
  const [base, meetings, agendaItems, agendaApprovals, minutesApprovals, attendance, speakers, decisions, actionItems, caucusNotes, strawPolls, strawVotes] =
    await Promise.all([
      snapshotData(db),
      db.meeting.findMany(byId),
      db.agendaItem.findMany(byId),
      db.agendaApproval.findMany(byId),
      db.minutesApproval.findMany(byId),
      db.attendance.findMany(byId),
      db.speakerEntry.findMany(byId),
      db.decision.findMany(byId),
      db.actionItem.findMany(byId),
      db.caucusNote.findMany(byId),
      db.strawPoll.findMany(byId),
      db.strawVote.findMany(byId),
    ]);
  return { ...base, meetings, agendaItems, agendaApprovals, minutesApprovals, attendance, speakers, decisions, actionItems, caucusNotes, strawPolls, strawVotes };
}

/** Awaits a call that must be refused with `code`, and checks that it wrote nothing anywhere. */
export async function refusedWithoutWrites(db: Db, code: Refusal["code"], call: () => Promise<unknown>): Promise<Refusal> {
  const before = await snapshotMeetingData(db);
  const refused = await refusal(call());
  expect(refused.code, refused.message).toBe(code);
  expect(await snapshotMeetingData(db)).toEqual(before);
  return refused;
}

/** The first `event` on the socket whose payload matches, or a rejection after `timeoutMs`. */
export function eventMatching<E extends ServerEventName>(
  socket: TestSocket,
  event: E,
  matches: (payload: ServerEventPayload<E>) => boolean,
  timeoutMs = 3_000,
): Promise<ServerEventPayload<E>> {
  // socket.io's typed on/off cannot follow a generic event name (as in test-app.ts's nextEvent).
  const on = (socket.on as (event: string, fn: unknown) => void).bind(socket);
  const off = (socket.off as (event: string, fn: unknown) => void).bind(socket);
  return new Promise((resolve, reject) => {
    const listener = (payload: ServerEventPayload<E>) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      off(event, listener);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      off(event, listener);
      reject(new Error(`No matching "${event}" event within ${timeoutMs} ms`));
    }, timeoutMs);
    on(event, listener);
  });
}

/** Lets events already on the wire arrive before asserting that some did not. */
export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

/** Notifications of one kind a user received. */
export function notificationsOf(db: Db, userId: string, kind: string) {
  return db.notification.findMany({ where: { userId, kind }, orderBy: { createdAt: "asc" } });
}

/**
 * Makes a race happen at the worst moment, deterministically: `between` runs to completion after the
 * next call has done its checks and just before it opens its transaction (the next `db.$transaction`).
 * Returns `between`'s settled outcome once it ran, and a `restore` for when no transaction came.
 */
export function betweenChecksAndTransaction(db: Db, between: () => Promise<unknown>) {
  const original = db.$transaction;
  let ran!: (outcome: PromiseSettledResult<unknown>) => void;
  const outcome = new Promise<PromiseSettledResult<unknown>>((resolve) => (ran = resolve));
  const restore = () => {
    (db as { $transaction: unknown }).$transaction = original;
  };
  (db as { $transaction: unknown }).$transaction = async (...args: unknown[]) => {
    // A background job's transaction (a notification's mail, the outbox sweeper) is not the one raced.
    if (currentJob()) return (original as (...a: unknown[]) => unknown).apply(db, args);
    restore();
    const [settled] = await Promise.allSettled([between()]);
    ran(settled!);
    return (original as (...a: unknown[]) => unknown).apply(db, args);
  };
  return { outcome, restore };
}

/**
 * Makes every statement inside a transaction wait `latencyMs` before it goes to the database, as with a
 * database across a network: racing transactions then overlap for real instead of one finishing in
 * the few milliseconds before the next begins. Returns `restore`.
 */
export function slowTransactions(db: Db, latencyMs = 5) {
  const original = db.$transaction;
  const pause = () => new Promise((resolve) => setTimeout(resolve, latencyMs));
  const slowCall = (fn: (...a: unknown[]) => unknown, self: unknown) => (...args: unknown[]) => pause().then(() => fn.apply(self, args));
  const slowClient = (tx: object) =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value === "function") return slowCall(value as (...a: unknown[]) => unknown, target);
        if (typeof prop === "string" && !prop.startsWith("$") && value && typeof value === "object") {
          // A model's delegate (tx.meeting, tx.agendaItem, …): each of its queries waits first.
          return new Proxy(value, {
            get: (delegate, name, r) => {
              const method = Reflect.get(delegate, name, r) as unknown;
              return typeof method === "function" ? slowCall(method as (...a: unknown[]) => unknown, delegate) : method;
            },
          });
        }
        return value;
      },
    });
  (db as { $transaction: unknown }).$transaction = (work: unknown, ...rest: unknown[]) =>
    typeof work === "function"
      ? (original as (...a: unknown[]) => unknown).call(db, (tx: object) => (work as (tx: object) => unknown)(slowClient(tx)), ...rest)
      : (original as (...a: unknown[]) => unknown).call(db, work, ...rest);
  return {
    restore: () => {
      (db as { $transaction: unknown }).$transaction = original;
    },
  };
}
