// A GET request reads the asker's member facts once per partnership and shares them between its
// loaders and queries (server/app.ts, `rememberMembers`). What must hold: a change made by anyone is
// seen by the next request, and an access object that does not remember sees it at once.
import { afterAll, describe, expect, it } from "vitest";
import { createAccess } from "../../server/access/access.js";
import { addMember, createPartnership, createUser } from "../../server/fixtures/factories.js";
import { startTestApp } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

async function partnershipWithMember() {
  const chairUser = await createUser(app.db);
  const { partnership, organization } = await createPartnership(app.db, { creatorId: chairUser.id, seat: "LABOR" });
  const membership = await addMember(app.db, { partnershipId: partnership.id, organizationId: organization.id });
  const chair = await app.signIn(chairUser);
  const member = await app.signIn(await app.db.user.findUniqueOrThrow({ where: { id: membership.userId } }));
  return { partnershipId: partnership.id, membership, chair, member };
}

describe("member facts remembered for one request", () => {
  it("keeps what one request learned, while a new request and a non-remembering reader see the removal", async () => {
    const { partnershipId, membership, chair, member } = await partnershipWithMember();
    const request = createAccess(app.db, { rememberMembers: true });
    const plain = createAccess(app.db);
    expect((await request.requireMember(membership.userId, partnershipId)).membershipId).toBe(membership.id);
    expect((await member.http.query("partnerships.partnership.get", { partnershipId })).status).toBe(200);

    await chair.trpc.partnerships.member.remove({ partnershipId, membershipId: membership.id });

    // The request that had read the facts keeps them; nobody else does.
    expect((await request.requireMember(membership.userId, partnershipId)).membershipId).toBe(membership.id);
    expect(await plain.getMember(membership.userId, partnershipId)).toBeNull();
    const next = await member.http.query("partnerships.partnership.get", { partnershipId });
    expect(next.status).toBe(404);
    expect((await member.http.query("partnerships.people.list", { partnershipId })).status).toBe(404);
  });

  it("remembers per partnership: being a member of one says nothing about another", async () => {
    const a = await partnershipWithMember();
    const b = await partnershipWithMember();
    const request = createAccess(app.db, { rememberMembers: true });
    expect(await request.getMember(a.membership.userId, a.partnershipId)).not.toBeNull();
    expect(await request.getMember(a.membership.userId, b.partnershipId)).toBeNull();
    await expect(request.requireMember(a.membership.userId, b.partnershipId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
