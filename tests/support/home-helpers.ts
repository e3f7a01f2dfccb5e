// Helpers for the "what needs me" tests: a partnership with a co-chair per side, a committee with its
// own co-chairs, voting members of both sides (one labor member in the worker sign-off group), an
// observer, a member without a seat, a community-based organization with a trainee and a member, and a
// designated reviewer; a stranger co-chairs another partnership. Everyone is signed in.
import type { SeatRole, Side } from "../../server/domains/partnerships/partnerships.schema.js";
import {
  addMember,
  createAgendaItem,
  createCommittee,
  createMeeting,
  createOrganization,
  createPartnership,
  createTrainee,
  createUser,
  designateReviewer,
  seatOnBody,
  setDraftRoles,
} from "../../server/fixtures/factories.js";
import type { SignedIn, TestApp } from "./test-app.js";

export type Person = SignedIn & { membershipId: string; name: string; side: Side };
export type HomeWorld = Awaited<ReturnType<typeof homeWorld>>;
export type Waiting = Awaited<ReturnType<SignedIn["trpc"]["home"]["waiting"]["list"]>>;

let counter = 0;
const HASH_COST = 4;

export async function homeWorld(app: TestApp) {
  const tag = ++counter;
  const founder = await createUser(app.db, { name: `Dana Labor-Chair ${tag}`, hashCost: HASH_COST });
  const { partnership, topBody, organization: union, membership: founderMembership } = await createPartnership(app.db, { creatorId: founder.id, seat: "LABOR" });
  const employer = await createOrganization(app.db, { partnershipId: partnership.id, type: "EMPLOYER", side: "MANAGEMENT" });
  const college = await createOrganization(app.db, { partnershipId: partnership.id, type: "COLLEGE", side: "NEUTRAL" });
  const cbo = await createOrganization(app.db, { partnershipId: partnership.id, type: "CBO", side: "NEUTRAL", name: `Eastside Works ${tag}` });
  const committee = await createCommittee(app.db, { partnershipId: partnership.id, name: `Apprenticeship committee ${tag}` });
  // No vote reminders in the background of these tests.
  await app.db.body.update({ where: { id: committee.id }, data: { reminderLeadHours: 0 } });
  await app.db.body.update({ where: { id: topBody.id }, data: { reminderLeadHours: 0 } });
  const orgOf: Record<Side, string> = { LABOR: union.id, MANAGEMENT: employer.id, NEUTRAL: college.id };

  async function person(
    name: string,
    organizationId: string,
    side: Side,
    options: { role?: "MANAGEMENT_CO_CHAIR" | "STAFF" | "MEMBER" | "OBSERVER"; seat?: { role: SeatRole; isVoting?: boolean } } = {},
  ): Promise<Person> {
    const user = await createUser(app.db, { name: `${name} ${tag}`, hashCost: HASH_COST });
    const membership = await addMember(app.db, { partnershipId: partnership.id, organizationId, userId: user.id, role: options.role ?? "MEMBER" });
    if (options.seat) await seatOnBody(app.db, { bodyId: committee.id, membershipId: membership.id, role: options.seat.role, isVoting: options.seat.isVoting });
    return { ...(await app.signIn(user)), membershipId: membership.id, name: user.name, side };
  }

  const laborChair: Person = { ...(await app.signIn(founder)), membershipId: founderMembership.id, name: founder.name, side: "LABOR" };
  const managementChair = await person("Max Management-Chair", orgOf.MANAGEMENT, "MANAGEMENT", { role: "MANAGEMENT_CO_CHAIR" });
  const committeeLaborChair = await person("Cal Committee-Labor-Chair", orgOf.LABOR, "LABOR", { seat: { role: "CO_CHAIR" } });
  const committeeManagementChair = await person("Cora Committee-Management-Chair", orgOf.MANAGEMENT, "MANAGEMENT", { seat: { role: "CO_CHAIR" } });
  const laborMember = await person("Lee Labor-Member", orgOf.LABOR, "LABOR", { seat: { role: "MEMBER" } });
  const managementMember = await person("Mo Management-Member", orgOf.MANAGEMENT, "MANAGEMENT", { seat: { role: "MEMBER" } });
  const observer = await person("Olga Observer", orgOf.LABOR, "LABOR", { seat: { role: "OBSERVER" } });
  const unseated = await person("Una Unseated", orgOf.LABOR, "LABOR");
  const cboMember = await person("Rosa Requester", cbo.id, "NEUTRAL");
  const reviewer = await person("Rita Reviewer", orgOf.NEUTRAL, "NEUTRAL");
  const cboReviewer = await person("Cody CboReviewer", cbo.id, "NEUTRAL");
  for (const r of [reviewer, cboReviewer]) await designateReviewer(app.db, { membershipId: r.membershipId, designatedBy: founder.id });
  await setDraftRoles(app.db, { bodyId: committee.id, reviewers: [laborMember.membershipId], rule: "ALL" });
  const trainee = await createTrainee(app.db, { partnershipId: partnership.id, organizationId: cbo.id, createdById: cboMember.user.id, name: `Maria Traineeperson ${tag}` });

  const strangerUser = await createUser(app.db, { name: `Stella Stranger ${tag}`, hashCost: HASH_COST });
  const other = await createPartnership(app.db, { creatorId: strangerUser.id, seat: "LABOR" });
  const stranger = await app.signIn(strangerUser);

  return {
    tag,
    partnership,
    topBody,
    committee,
    union,
    employer,
    college,
    cbo,
    trainee,
    laborChair,
    managementChair,
    committeeLaborChair,
    committeeManagementChair,
    laborMember,
    managementMember,
    observer,
    unseated,
    cboMember,
    reviewer,
    cboReviewer,
    stranger,
    otherPartnership: other.partnership,
    /** Everyone in the partnership. */
    everyone: [laborChair, managementChair, committeeLaborChair, committeeManagementChair, laborMember, managementMember, observer, unseated, cboMember, reviewer, cboReviewer],
  };
}

/** A scheduled meeting of the world's committee with `items` accepted items. */
export async function committeeMeeting(app: TestApp, world: HomeWorld, options: { items?: number; title?: string; startsAt?: Date } = {}) {
  const meeting = await createMeeting(app.db, { bodyId: world.committee.id, createdById: world.committeeLaborChair.user.id, title: options.title, startsAt: options.startsAt });
  for (let i = 0; i < (options.items ?? 1); i++) {
    await createAgendaItem(app.db, { meetingId: meeting.id, proposedById: world.committeeLaborChair.user.id, title: `Item ${i + 1}` });
  }
  return meeting;
}

/** Who of `people` sees `pick(waiting)` non-empty, by name. */
export async function whoSees(people: Array<{ name: string; trpc: SignedIn["trpc"] }>, pick: (w: Waiting) => readonly unknown[]) {
  const seen: string[] = [];
  for (const p of people) if (pick(await p.trpc.home.waiting.list()).length) seen.push(p.name);
  return seen.sort();
}

export const names = (...people: Array<{ name: string }>) => people.map((p) => p.name).sort();
