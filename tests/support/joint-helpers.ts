// Helpers for the joint-control tests: a partnership with a co-chair on each side (and staff), a committee
// with its own co-chairs and voting members of both sides, and ways to propose, answer and inspect
// joint changes through the real procedures.
import { expect } from "vitest";
import { jointJobHandlers } from "../../server/domains/joint/joint.jobs.js";
import type { Proposed } from "../../server/domains/joint/joint.schema.js";
import type { SeatRole, Side } from "../../server/domains/partnerships/partnerships.schema.js";
import { addMember, createCommittee, createOrganization, createPartnership, createUser, seatOnBody } from "../../server/fixtures/factories.js";
import type { Db, SignedIn, TestApp } from "./test-app.js";

export type Person = SignedIn & { membershipId: string; name: string; side: Side };
export type JointWorld = Awaited<ReturnType<typeof jointWorld>>;

let counter = 0;

/**
 * A partnership (union, employer, college, CBO) with its labor and management co-chairs, neutral staff,
 * two members of each side and a neutral member; and a committee seating its own co-chair per side,
 * those members (voting) and the neutral member (advisory). `outsider` belongs to no partnership here.
 */
export async function jointWorld(app: TestApp) {
  const tag = ++counter;
  const founder = await createUser(app.db, { name: `Dana Labor-Chair ${tag}`, hashCost: 4 });
  const { partnership, topBody, organization: union, membership: founderMembership } = await createPartnership(app.db, { creatorId: founder.id, seat: "LABOR" });
  const employer = await createOrganization(app.db, { partnershipId: partnership.id, type: "EMPLOYER", side: "MANAGEMENT" });
  const college = await createOrganization(app.db, { partnershipId: partnership.id, type: "COLLEGE", side: "NEUTRAL" });
  const committee = await createCommittee(app.db, { partnershipId: partnership.id, name: `Joint apprenticeship committee ${tag}` });
  await app.db.body.update({ where: { id: committee.id }, data: { reminderLeadHours: 0 } });
  const orgOf: Record<Side, string> = { LABOR: union.id, MANAGEMENT: employer.id, NEUTRAL: college.id };

  async function person(name: string, side: Side, options: { role?: "MANAGEMENT_CO_CHAIR" | "STAFF" | "MEMBER" | "OBSERVER"; seat?: { role: SeatRole; isVoting?: boolean } } = {}): Promise<Person> {
    const user = await createUser(app.db, { name: `${name} ${tag}`, hashCost: 4 });
    const membership = await addMember(app.db, { partnershipId: partnership.id, organizationId: orgOf[side], userId: user.id, role: options.role ?? "MEMBER" });
    if (options.seat) await seatOnBody(app.db, { bodyId: committee.id, membershipId: membership.id, role: options.seat.role, isVoting: options.seat.isVoting });
    return { ...(await app.signIn(user)), membershipId: membership.id, name: user.name, side };
  }

  const laborChair: Person = { ...(await app.signIn(founder)), membershipId: founderMembership.id, name: founder.name, side: "LABOR" };
  const managementChair = await person("Max Management-Chair", "MANAGEMENT", { role: "MANAGEMENT_CO_CHAIR" });
  const staff = await person("Sasha Staff", "NEUTRAL", { role: "STAFF" });
  const committeeLaborChair = await person("Cal Committee-Labor-Chair", "LABOR", { seat: { role: "CO_CHAIR" } });
  const committeeManagementChair = await person("Cora Committee-Management-Chair", "MANAGEMENT", { seat: { role: "CO_CHAIR" } });
  const laborMember = await person("Lee Labor-Member", "LABOR", { seat: { role: "MEMBER" } });
  const laborMember2 = await person("Lou Labor-Member", "LABOR", { seat: { role: "MEMBER" } });
  const managementMember = await person("Mo Management-Member", "MANAGEMENT", { seat: { role: "MEMBER" } });
  const managementMember2 = await person("Mel Management-Member", "MANAGEMENT", { seat: { role: "MEMBER" } });
  const neutralMember = await person("Nico Neutral", "NEUTRAL", { seat: { role: "MEMBER", isVoting: false } });
  const laborOutsider = await person("Lars Labor-Unseated", "LABOR");
  const managementOutsider = await person("Mina Management-Unseated", "MANAGEMENT");
  const stranger = await app.signIn(await createUser(app.db, { name: `Stella Stranger ${tag}`, hashCost: 4 }));

  return {
    partnership,
    topBody,
    committee,
    union,
    employer,
    college,
    laborChair,
    managementChair,
    staff,
    committeeLaborChair,
    committeeManagementChair,
    laborMember,
    laborMember2,
    managementMember,
    managementMember2,
    neutralMember,
    laborOutsider,
    managementOutsider,
    stranger,
    person,
    /** The partnership's co-chair of `side`. */
    chairOf: (side: "LABOR" | "MANAGEMENT") => (side === "LABOR" ? laborChair : managementChair),
  };
}

/** Expects a procedure's answer to be a proposal waiting for the other side, and returns it. */
export function expectPending(result: unknown, waitingFor?: "LABOR" | "MANAGEMENT"): Proposed {
  expect(result).toMatchObject({ pending: true, status: "PENDING", changeId: expect.any(String) });
  if (waitingFor) expect((result as Proposed).waitingFor).toBe(waitingFor);
  return result as Proposed;
}

/** Proposes through `propose` (as one side) and has `concurrer` (the other side) concur; returns the concurrence. */
export async function agreed(propose: () => Promise<unknown>, concurrer: SignedIn) {
  const { changeId } = expectPending(await propose());
  const answer = await concurrer.trpc.joint.change.concur({ changeId });
  expect(answer.status, answer.message).toBe("APPLIED");
  return { changeId, answer };
}

export async function changeRow(db: Db, changeId: string) {
  return db.jointChange.findUniqueOrThrow({ where: { id: changeId } });
}

/** Runs the expiry job now for a change, as if its time had come (its expiry moved into the past first). */
export async function expireNow(app: TestApp, changeId: string) {
  await app.db.jointChange.update({ where: { id: changeId }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await jointJobHandlers(app.server.deps)["joint:expire"]({ changeId });
}

/** The audit actions recorded about a change, in order. */
export async function auditOf(db: Db, changeId: string) {
  const rows = await db.auditEvent.findMany({ where: { subjectType: "JointChange", subjectId: changeId }, orderBy: { createdAt: "asc" }, select: { action: true } });
  return rows.map((r) => r.action);
}
