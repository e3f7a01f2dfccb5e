// Invitations against the real database: single-use links whose token is never stored, acceptance
// by the invited email only, the seat each role gives, concurrency, and the notifications around them.
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { PartnershipRole } from "../../server/domains/partnerships/partnerships.schema.js";
import { addMember, createOrganization, createPartnership, createUser } from "../../server/fixtures/factories.js";
import { refusal, snapshotData, startTestApp } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

const DAY = 24 * 60 * 60 * 1000;
const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");
let emailCounter = 0;
const newEmail = () => `invitee-${++emailCounter}-${Date.now()}@example.test`;

/** A partnership whose labor co-chair (the creator) invites, with a management and a neutral organization. */
async function setUp() {
  const laborChair = await createUser(app.db, { name: "Denise Carter" });
  const { partnership, topBody, organization: union } = await createPartnership(app.db, { creatorId: laborChair.id, seat: "LABOR" });
  const employer = await createOrganization(app.db, { partnershipId: partnership.id, type: "EMPLOYER", side: "MANAGEMENT" });
  const college = await createOrganization(app.db, { partnershipId: partnership.id, type: "COLLEGE", side: "NEUTRAL" });
  const chair = await app.signIn(laborChair);
  async function invite(options: { email?: string; role?: PartnershipRole; organizationId?: string } = {}) {
    const email = options.email ?? newEmail();
    const result = await chair.trpc.partnerships.invitation.create({
      partnershipId: partnership.id,
      organizationId: options.organizationId ?? employer.id,
      email,
      role: options.role ?? "MEMBER",
    });
    const token = tokenOf(result.link);
    return { ...result, email, token };
  }
  return { laborChair, chair, partnership, topBody, union, employer, college, invite };
}

function tokenOf(link: string) {
  const match = new RegExp(`^${app.config.appOrigin}/invitations/([A-Za-z0-9_-]+)$`).exec(link);
  if (!match) throw new Error(`Not an invitation link: ${link}`);
  return match[1]!;
}

/** A user with the invited email, signed in. */
async function invitee(email: string) {
  return app.signIn(await createUser(app.db, { email }));
}

describe("creating an invitation", () => {
  it("returns a link with a token and stores only the token's hash", async () => {
    const { partnership, employer, invite, laborChair } = await setUp();
    const started = Date.now();
    const { id, link, token, expiresAt, email } = await invite({ email: "New.Person@Example.test", role: "MANAGEMENT_CO_CHAIR" });

    expect(link).toBe(`${app.config.appOrigin}/invitations/${token}`);
    expect(token.length).toBeGreaterThanOrEqual(40); // 32 random bytes
    const row = await app.db.invitation.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      partnershipId: partnership.id,
      organizationId: employer.id,
      email: email.toLowerCase(),
      role: "MANAGEMENT_CO_CHAIR",
      invitedById: laborChair.id,
      acceptedAt: null,
      revokedAt: null,
      tokenHash: sha256(token),
    });
    expect(JSON.stringify(row)).not.toContain(token);
    const audit = await app.db.auditEvent.findMany({ where: { subjectId: id } });
    expect(audit.map((a) => a.action)).toEqual(["invitation.created"]);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(expiresAt.getTime() - started).toBeGreaterThan(app.config.INVITATION_TTL_DAYS * DAY - 60_000);
    expect(expiresAt.getTime() - started).toBeLessThan(app.config.INVITATION_TTL_DAYS * DAY + 60_000);
  });

  it("gives every invitation its own token", async () => {
    const { invite } = await setUp();
    const a = await invite();
    const b = await invite();
    expect(a.token).not.toBe(b.token);
  });

  it("refuses a labor co-chair from a management organization, and writes nothing", async () => {
    const { invite, employer } = await setUp();
    const before = await snapshotData(app.db);
    const refused = await refusal(invite({ role: "LABOR_CO_CHAIR", organizationId: employer.id }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.fieldErrors).toEqual({ role: ["The labor co-chair must belong to a labor-side organization."] });
    expect(await snapshotData(app.db)).toEqual(before);
  });

  it("refuses any co-chair from a neutral organization", async () => {
    const { invite, college } = await setUp();
    expect((await refusal(invite({ role: "MANAGEMENT_CO_CHAIR", organizationId: college.id }))).code).toBe("BAD_REQUEST");
    expect((await refusal(invite({ role: "LABOR_CO_CHAIR", organizationId: college.id }))).code).toBe("BAD_REQUEST");
  });

  it("refuses an invitation into a co-chair seat that is already held, and writes nothing", async () => {
    const { invite, union } = await setUp();
    const before = await snapshotData(app.db);
    const refused = await refusal(invite({ role: "LABOR_CO_CHAIR", organizationId: union.id }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.fieldErrors).toEqual({ role: ["That co-chair seat is already held."] });
    expect(await snapshotData(app.db)).toEqual(before);
  });

  it("refuses to invite someone who is already a member", async () => {
    const { invite, partnership, employer } = await setUp();
    const member = await createUser(app.db);
    await addMember(app.db, { partnershipId: partnership.id, organizationId: employer.id, userId: member.id });
    const refused = await refusal(invite({ email: member.email.toUpperCase() }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.fieldErrors).toHaveProperty("email");
  });

  it("refuses an organization of another partnership", async () => {
    const { invite } = await setUp();
    const elsewhere = await setUp();
    const refused = await refusal(invite({ organizationId: elsewhere.employer.id }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.fieldErrors).toEqual({ organizationId: ["Choose an organization of this partnership."] });
  });

  it("notifies an invitee who already has an account, and nobody else", async () => {
    const { invite, partnership, laborChair } = await setUp();
    const existing = await createUser(app.db);
    const { token } = await invite({ email: existing.email, role: "OBSERVER" });

    const received = await app.db.notification.findMany({ where: { userId: existing.id } });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      kind: "invitation.received",
      readAt: null,
      payload: {
        partnershipId: partnership.id,
        partnershipName: partnership.name,
        invitedByName: laborChair.name,
        roleLabel: "observer",
        link: `/invitations/${token}`,
      },
    });
    expect(await app.db.notification.count({ where: { userId: laborChair.id } })).toBe(0);
  });

  it("notifies nobody when the invitee has no account yet", async () => {
    const { invite } = await setUp();
    const before = await app.db.notification.count();
    await invite();
    expect(await app.db.notification.count()).toBe(before);
  });
});

describe("accepting an invitation", () => {
  it.each([
    { role: "MANAGEMENT_CO_CHAIR", org: "employer", seat: { role: "CO_CHAIR", coChairSide: "MANAGEMENT", isVoting: true } },
    { role: "MEMBER", org: "employer", seat: { role: "MEMBER", coChairSide: null, isVoting: true } },
    { role: "MEMBER", org: "college", seat: { role: "MEMBER", coChairSide: null, isVoting: false } },
    { role: "OBSERVER", org: "union", seat: { role: "OBSERVER", coChairSide: null, isVoting: false } },
    { role: "STAFF", org: "college", seat: { role: "STAFF", coChairSide: null, isVoting: false } },
  ] as const)("makes the invitee a member with a $role seat ($org organization)", async ({ role, org, seat }) => {
    const ctx = await setUp();
    const organization = ctx[org];
    const { id, token, email } = await ctx.invite({ role, organizationId: organization.id });
    const person = await invitee(email);

    const result = await person.trpc.partnerships.invitation.accept({ token });

    expect(result.partnershipId).toBe(ctx.partnership.id);
    const membership = await app.db.membership.findUniqueOrThrow({ where: { id: result.membershipId }, include: { seats: true } });
    expect(membership).toMatchObject({ partnershipId: ctx.partnership.id, userId: person.user.id, organizationId: organization.id });
    expect(membership.seats).toHaveLength(1);
    expect(membership.seats[0]).toMatchObject({ bodyId: ctx.topBody.id, ...seat });
    expect(await app.db.invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({ acceptedById: person.user.id, acceptedAt: expect.any(Date) });
    expect(await app.db.auditEvent.count({ where: { subjectId: id, action: "invitation.accepted" } })).toBe(1);

    const home = await person.trpc.partnerships.partnership.get({ partnershipId: ctx.partnership.id });
    expect(home.viewer.role).toBe(role);
    expect(home.viewer.canManage).toBe(seat.role === "CO_CHAIR");
  });

  it("notifies the inviter and the co-chairs that someone joined, but not the newcomer", async () => {
    const ctx = await setUp();
    // A management co-chair joins first; then the management co-chair's invitee joins.
    const first = await ctx.invite({ role: "MANAGEMENT_CO_CHAIR" });
    const managementChair = await invitee(first.email);
    await managementChair.trpc.partnerships.invitation.accept({ token: first.token });
    expect(await app.db.notification.findMany({ where: { userId: ctx.laborChair.id } })).toMatchObject([
      { kind: "membership.joined", payload: { partnershipId: ctx.partnership.id, memberName: managementChair.user.name, organizationName: ctx.employer.name } },
    ]);

    const email = newEmail();
    const { link } = await managementChair.trpc.partnerships.invitation.create({
      partnershipId: ctx.partnership.id,
      organizationId: ctx.college.id,
      email,
      role: "MEMBER",
    });
    const newcomer = await invitee(email);
    await newcomer.trpc.partnerships.invitation.accept({ token: tokenOf(link) });

    for (const chair of [ctx.laborChair.id, managementChair.user.id]) {
      const joined = (await app.db.notification.findMany({ where: { userId: chair, kind: "membership.joined" } })).filter(
        (n) => (n.payload as { memberName?: string }).memberName === newcomer.user.name,
      );
      // One each, although the inviter is also a co-chair.
      expect(joined).toHaveLength(1);
      expect(joined[0]!.payload).toEqual({
        partnershipId: ctx.partnership.id,
        partnershipName: ctx.partnership.name,
        memberName: newcomer.user.name,
        organizationName: ctx.college.name,
      });
    }
    expect(await app.db.notification.count({ where: { userId: newcomer.user.id } })).toBe(0);
  });

  it("notifies the inviter even if they are no longer a co-chair", async () => {
    const ctx = await setUp();
    const managementChair = await addMember(app.db, { partnershipId: ctx.partnership.id, organizationId: ctx.employer.id, role: "MANAGEMENT_CO_CHAIR" });
    const { token, email } = await ctx.invite({ organizationId: ctx.union.id });
    // The inviter hands the labor co-chair seat to another labor member (a side is never left without one).
    const successor = await addMember(app.db, { partnershipId: ctx.partnership.id, organizationId: ctx.union.id });
    await ctx.chair.trpc.partnerships.seat.set({ bodyId: ctx.topBody.id, membershipId: successor.id, role: "CO_CHAIR", isVoting: true });

    await (await invitee(email)).trpc.partnerships.invitation.accept({ token });

    for (const userId of [ctx.laborChair.id, managementChair.userId, successor.userId]) {
      expect(await app.db.notification.findMany({ where: { userId } })).toMatchObject([{ kind: "membership.joined" }]);
    }
  });

  it("refuses a signed-in user with another email, and writes nothing", async () => {
    const { invite } = await setUp();
    const { token } = await invite();
    const someoneElse = await app.signIn(await createUser(app.db));
    const before = await snapshotData(app.db);

    const refused = await refusal(someoneElse.trpc.partnerships.invitation.accept({ token }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/This invitation is for .+\. Sign in with that email to accept it\./);
    expect(await snapshotData(app.db)).toEqual(before);
  });

  it("needs a signed-in user", async () => {
    const { invite } = await setUp();
    const { token } = await invite();
    expect((await refusal(app.anonymous.partnerships.invitation.accept({ token }))).code).toBe("UNAUTHORIZED");
  });

  it("works once: a second use is refused and writes nothing", async () => {
    const { invite } = await setUp();
    const { token, email } = await invite();
    const person = await invitee(email);
    await person.trpc.partnerships.invitation.accept({ token });
    const before = await snapshotData(app.db);

    const refused = await refusal(person.trpc.partnerships.invitation.accept({ token }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toBe("This invitation has already been used.");
    expect(await snapshotData(app.db)).toEqual(before);
  });

  it("refuses an expired invitation and writes nothing", async () => {
    const { invite } = await setUp();
    const { id, token, email } = await invite();
    await app.db.invitation.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const person = await invitee(email);
    const before = await snapshotData(app.db);

    const refused = await refusal(person.trpc.partnerships.invitation.accept({ token }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toMatch(/expired/);
    expect(await snapshotData(app.db)).toEqual(before);
  });

  it("refuses a revoked invitation", async () => {
    const { invite, chair, partnership } = await setUp();
    const { id, token, email } = await invite();
    await chair.trpc.partnerships.invitation.revoke({ partnershipId: partnership.id, invitationId: id });
    expect((await app.db.invitation.findUniqueOrThrow({ where: { id } })).revokedAt).toBeInstanceOf(Date);
    const person = await invitee(email);
    const before = await snapshotData(app.db);

    const refused = await refusal(person.trpc.partnerships.invitation.accept({ token }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toBe("This invitation was withdrawn.");
    expect(await snapshotData(app.db)).toEqual(before);
    // Revoking again finds no pending invitation.
    expect((await refusal(chair.trpc.partnerships.invitation.revoke({ partnershipId: partnership.id, invitationId: id }))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("refuses an unknown token", async () => {
    const person = await invitee(newEmail());
    expect((await refusal(person.trpc.partnerships.invitation.accept({ token: "x".repeat(43) }))).code).toBe("NOT_FOUND");
  });

  it("admits exactly one of several simultaneous accepts of the same link", async () => {
    const { invite, partnership } = await setUp();
    const { token, email } = await invite();
    const user = await createUser(app.db, { email });
    // Several devices of the same person, all at once.
    const devices = await Promise.all([app.signIn(user), app.signIn(user), app.signIn(user), app.signIn(user)]);

    const results = await Promise.allSettled(devices.map((d) => d.trpc.partnerships.invitation.accept({ token })));

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const rejected of results.filter((r) => r.status === "rejected")) {
      expect((await refusal(Promise.reject((rejected as PromiseRejectedResult).reason))).code).toBe("PRECONDITION_FAILED");
    }
    expect(await app.db.membership.count({ where: { partnershipId: partnership.id, userId: user.id } })).toBe(1);
    expect(await app.db.bodySeat.count({ where: { partnershipId: partnership.id, membership: { userId: user.id } } })).toBe(1);
  });

  it("admits a person once when two of their invitations are accepted at the same time", async () => {
    const { invite, partnership } = await setUp();
    const email = newEmail();
    const a = await invite({ email });
    const b = await invite({ email, role: "OBSERVER" });
    const person = await invitee(email);

    const results = await Promise.allSettled([
      person.trpc.partnerships.invitation.accept({ token: a.token }),
      person.trpc.partnerships.invitation.accept({ token: b.token }),
    ]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    const refused = await refusal(Promise.reject(rejected.reason));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe("You are already a member of this partnership.");
    expect(await app.db.membership.count({ where: { partnershipId: partnership.id, userId: person.user.id } })).toBe(1);
    // The refused invitation was not used up: its claim was rolled back with the rest.
    const invitations = await app.db.invitation.findMany({ where: { id: { in: [a.id, b.id] } } });
    expect(invitations.filter((i) => i.acceptedAt !== null)).toHaveLength(1);
  });

  it("refuses a co-chair invitation whose seat was filled in the meantime, and keeps it unused", async () => {
    const { invite, partnership } = await setUp();
    const first = await invite({ role: "MANAGEMENT_CO_CHAIR" });
    const second = await invite({ role: "MANAGEMENT_CO_CHAIR" });
    await (await invitee(first.email)).trpc.partnerships.invitation.accept({ token: first.token });
    const late = await invitee(second.email);
    const before = await snapshotData(app.db);

    const refused = await refusal(late.trpc.partnerships.invitation.accept({ token: second.token }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe("That co-chair seat was filled in the meantime. Ask for a new invitation.");
    expect(await snapshotData(app.db)).toEqual(before);
    expect(await app.db.membership.count({ where: { partnershipId: partnership.id, userId: late.user.id } })).toBe(0);
  });
});

describe("accepting under concurrency, many rounds", () => {
  const ROUNDS = 12;
  /** The refusal a rejected call carries (fails the test on a success). */
  const reasonOf = (r: PromiseSettledResult<unknown>) => refusal(Promise.reject((r as PromiseRejectedResult).reason));

  it("one link accepted from several devices at the same moment: exactly one membership, the rest clearly refused", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { invite, partnership, topBody } = await setUp();
      const { token, email, id } = await invite();
      const user = await createUser(app.db, { email });
      const devices = await Promise.all(Array.from({ length: 5 }, () => app.signIn(user)));

      const results = await Promise.allSettled(devices.map((d) => d.trpc.partnerships.invitation.accept({ token })));

      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const rejected of results.filter((r) => r.status === "rejected")) {
        expect(await reasonOf(rejected)).toMatchObject({ code: "PRECONDITION_FAILED", message: "This invitation has already been used." });
      }
      expect(await app.db.membership.count({ where: { partnershipId: partnership.id, userId: user.id } })).toBe(1);
      expect(await app.db.bodySeat.count({ where: { bodyId: topBody.id, membership: { userId: user.id } } })).toBe(1);
      expect(await app.db.auditEvent.count({ where: { subjectId: id, action: "invitation.accepted" } })).toBe(1);
    }
  }, 90_000);

  it("two invitations of one person accepted at once: one membership, the other refused and left unused", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { invite, partnership } = await setUp();
      const email = newEmail();
      const a = await invite({ email });
      const b = await invite({ email, role: "OBSERVER" });
      const person = await invitee(email);

      const results = await Promise.allSettled([a, b].map((i) => person.trpc.partnerships.invitation.accept({ token: i.token })));

      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = await reasonOf(results.find((r) => r.status === "rejected")!);
      expect(refused).toMatchObject({ code: "CONFLICT", message: "You are already a member of this partnership." });
      expect(await app.db.membership.count({ where: { partnershipId: partnership.id, userId: person.user.id } })).toBe(1);
      expect(await app.db.invitation.count({ where: { id: { in: [a.id, b.id] }, acceptedAt: { not: null } } })).toBe(1);
    }
  }, 90_000);

  it("an acceptance racing its withdrawal: either a member (nothing left to withdraw) or withdrawn (and told so)", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { invite, chair, partnership } = await setUp();
      const { id, token, email } = await invite();
      const person = await invitee(email);

      const [accepted, revoked] = await Promise.allSettled([
        person.trpc.partnerships.invitation.accept({ token }),
        chair.trpc.partnerships.invitation.revoke({ partnershipId: partnership.id, invitationId: id }),
      ]);

      const members = await app.db.membership.count({ where: { partnershipId: partnership.id, userId: person.user.id } });
      const row = await app.db.invitation.findUniqueOrThrow({ where: { id } });
      if (accepted.status === "fulfilled") {
        expect(await reasonOf(revoked)).toMatchObject({ code: "NOT_FOUND", message: "Pending invitation was not found." });
        expect(members).toBe(1);
        expect(row).toMatchObject({ acceptedById: person.user.id, revokedAt: null });
      } else {
        expect(revoked.status).toBe("fulfilled");
        expect(await reasonOf(accepted)).toMatchObject({ code: "PRECONDITION_FAILED", message: "This invitation was withdrawn." });
        expect(members).toBe(0);
        expect(row).toMatchObject({ acceptedAt: null, revokedAt: expect.any(Date) });
      }
    }
  }, 90_000);
});

describe("previewing and listing invitations", () => {
  it("shows the link's holder what the invitation is, without signing in", async () => {
    const { invite, partnership, employer, laborChair } = await setUp();
    const { token, email } = await invite({ role: "MANAGEMENT_CO_CHAIR" });
    expect(await app.anonymous.partnerships.invitation.preview({ token })).toMatchObject({
      partnershipName: partnership.name,
      organizationName: employer.name,
      email,
      role: "MANAGEMENT_CO_CHAIR",
      invitedByName: laborChair.name,
      state: "PENDING",
    });
    expect((await refusal(app.anonymous.partnerships.invitation.preview({ token: "y".repeat(43) }))).code).toBe("NOT_FOUND");
  });

  it("lists the partnership's invitations with their states, for a co-chair", async () => {
    const { invite, chair, partnership } = await setUp();
    const pending = await invite();
    const accepted = await invite();
    const expired = await invite();
    const revoked = await invite();
    await (await invitee(accepted.email)).trpc.partnerships.invitation.accept({ token: accepted.token });
    await app.db.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await chair.trpc.partnerships.invitation.revoke({ partnershipId: partnership.id, invitationId: revoked.id });

    const list = await chair.trpc.partnerships.invitation.list({ partnershipId: partnership.id });
    const states = Object.fromEntries(list.map((i) => [i.id, i.state]));
    expect(states).toEqual({ [pending.id]: "PENDING", [accepted.id]: "ACCEPTED", [expired.id]: "EXPIRED", [revoked.id]: "REVOKED" });
    expect(JSON.stringify(list)).not.toMatch(/tokenHash/);
  });
});
