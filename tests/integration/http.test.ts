// The real HTTP door to tRPC: zod refusals come back as 4xx with field errors, state-changing
// requests from another origin are refused, and GET never changes anything.
import { afterAll, describe, expect, it } from "vitest";
import { createOrganization, createPartnership, createUser } from "../../server/fixtures/factories.js";
import { inTransaction } from "../../server/unit-of-work/unit-of-work.js";
import { snapshotData, startTestApp } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

const chairUser = await createUser(app.db);
const { partnership, organization } = await createPartnership(app.db, { creatorId: chairUser.id, seat: "LABOR" });
const employer = await createOrganization(app.db, { partnershipId: partnership.id, side: "MANAGEMENT" });
const chair = await app.signIn(chairUser);

const validPartnership = {
  name: "Riverside Health Care Partnership",
  sector: "HEALTH_CARE",
  description: "",
  organizationName: "Nurses Local 5",
  organizationType: "UNION",
  seat: "LABOR",
};

describe("input validation over HTTP", () => {
  it("accepts a valid mutation (the baseline for the refusals below)", async () => {
    const response = await chair.http.mutate("partnerships.partnership.create", { ...validPartnership, name: "Baseline partnership" });
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ id: expect.any(String) });
    expect(await app.db.partnership.findUnique({ where: { id: (response.data as { id: string }).id } })).toMatchObject({
      name: "Baseline partnership",
      createdById: chairUser.id,
    });
  });

  it.each([
    ["a wrong type", { ...validPartnership, name: 123 }, { name: ["Name must be text."] }],
    ["a 201-character name", { ...validPartnership, name: "n".repeat(201) }, { name: ["Name must be at most 200 characters."] }],
    [
      "a 10,001-character description",
      { ...validPartnership, description: "d".repeat(10_001) },
      { description: ["Description must be at most 10,000 characters."] },
    ],
    ["an unknown sector", { ...validPartnership, sector: "MINING" }, { sector: ["Choose a sector."] }],
    [
      "missing fields",
      { description: "only this" },
      {
        name: ["Name is required."],
        sector: ["Choose a sector."],
        organizationName: ["Your organization is required."],
        organizationType: ["Choose an organization type."],
        seat: ["Choose your side's co-chair seat."],
      },
    ],
  ])("refuses %s with 400 and field errors, and writes nothing", async (_what, input, fieldErrors) => {
    const before = await snapshotData(app.db);
    const response = await chair.http.mutate("partnerships.partnership.create", input);
    expect(response.status).toBe(400);
    expect(response.error).toMatchObject({ code: "BAD_REQUEST", message: "Some fields need attention.", fieldErrors });
    expect(await snapshotData(app.db)).toEqual(before);
  });

  it("refuses a mutation with no input at all", async () => {
    const response = await chair.http.mutate("partnerships.committee.create");
    expect(response.status).toBe(400);
    expect(response.error?.code).toBe("BAD_REQUEST");
  });

  it("refuses a body that is not JSON", async () => {
    const before = await snapshotData(app.db);
    const response = await chair.http.mutate("partnerships.committee.create", undefined, { body: "{not json" });
    expect(response.status).toBe(400);
    expect(await snapshotData(app.db)).toEqual(before);
  });

  it("refuses wrong types in query input too", async () => {
    const response = await chair.http.query("partnerships.partnership.get", { partnershipId: 42 });
    expect(response.status).toBe(400);
    expect(response.error?.fieldErrors).toHaveProperty("partnershipId");
  });

  it("answers an unknown partnership with 404 and empty field errors", async () => {
    const response = await chair.http.query("partnerships.partnership.get", { partnershipId: "clx0000000000000000000000" });
    expect(response.status).toBe(404);
    expect(response.error).toMatchObject({ code: "NOT_FOUND", message: "Partnership was not found.", fieldErrors: null });
  });

  it("answers an unknown committee with 404", async () => {
    const response = await chair.http.query("partnerships.committee.get", { bodyId: "clx0000000000000000000000" });
    expect(response.status).toBe(404);
    expect(response.error?.code).toBe("NOT_FOUND");
  });

  it("refuses an unknown organization id in an invitation with 400 and a field error", async () => {
    const before = await snapshotData(app.db);
    const response = await chair.http.mutate("partnerships.invitation.create", {
      partnershipId: partnership.id,
      organizationId: "clx0000000000000000000000",
      email: "someone@example.test",
      role: "MEMBER",
    });
    expect(response.status).toBe(400);
    expect(response.error).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { organizationId: ["Choose an organization of this partnership."] },
    });
    expect(await snapshotData(app.db)).toEqual(before);
  });

  it("translates service refusals to their HTTP status, with field errors where they apply", async () => {
    const conflict = await chair.http.mutate("partnerships.invitation.create", {
      partnershipId: partnership.id,
      organizationId: organization.id,
      email: "second-labor-chair@example.test",
      role: "LABOR_CO_CHAIR",
    });
    expect(conflict.status).toBe(409);
    expect(conflict.error).toMatchObject({ code: "CONFLICT", fieldErrors: { role: ["That co-chair seat is already held."] } });

    const badRole = await chair.http.mutate("partnerships.invitation.create", {
      partnershipId: partnership.id,
      organizationId: employer.id,
      email: "wrong-side@example.test",
      role: "LABOR_CO_CHAIR",
    });
    expect(badRole.status).toBe(400);
    expect(badRole.error?.fieldErrors).toHaveProperty("role");
  });

  it("answers 401 to a protected procedure without a session", async () => {
    const response = await app.http.query("partnerships.partnership.list");
    expect(response.status).toBe(401);
    expect(response.error).toMatchObject({ code: "UNAUTHORIZED", message: "Please sign in." });
  });

  it("answers 404 for an unknown procedure", async () => {
    expect((await chair.http.query("partnerships.nothing.here")).status).toBe(404);
  });
});

describe("origin checks", () => {
  it.each([
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["Origin: null", { origin: "null" }],
    ["a look-alike Origin", { origin: `${app.config.appOrigin}.evil.example` }],
    ["no Origin or Referer", { origin: null }],
  ])("refuses a POST with %s with 403, and writes nothing", async (_what, headers) => {
    const before = await snapshotData(app.db);
    const response = await chair.http.mutate("partnerships.committee.create", { partnershipId: partnership.id, name: "Cross-site committee" }, headers);
    expect(response.status).toBe(403);
    expect(response.raw).toEqual({ error: { code: "FORBIDDEN", message: "Cross-origin request refused." } });
    expect(await snapshotData(app.db)).toEqual(before);
  });

  it("accepts a POST from the app's origin, and from 127.0.0.1 beside localhost", async () => {
    const fromApp = await chair.http.mutate("partnerships.committee.create", { partnershipId: partnership.id, name: "Same-origin committee" });
    expect(fromApp.status).toBe(200);
    const loopback = app.config.appOrigin.replace("localhost", "127.0.0.1");
    const fromLoopback = await chair.http.mutate(
      "partnerships.committee.create",
      { partnershipId: partnership.id, name: "Loopback committee" },
      { origin: loopback },
    );
    expect(fromLoopback.status).toBe(200);
  });

  it("accepts a POST without Origin whose Referer is the app", async () => {
    const response = await fetch(`${app.baseUrl}/api/trpc/partnerships.committee.create`, {
      method: "POST",
      headers: { cookie: chair.cookie, referer: `${app.config.appOrigin}/p/${partnership.id}`, "content-type": "application/json" },
      body: JSON.stringify({ json: { partnershipId: partnership.id, name: "Referer committee" } }),
    });
    expect(response.status).toBe(200);
  });
});

describe("GET is read-only", () => {
  it("does not run a mutation sent as GET", async () => {
    const before = await snapshotData(app.db);
    const response = await chair.http.query("partnerships.committee.create", { partnershipId: partnership.id, name: "Committee by GET" });
    expect(response.status).toBe(405);
    expect(await snapshotData(app.db)).toEqual(before);
  });

  it("changes nothing when queries are read, even from another origin", async () => {
    // An unread notification, made the way the app makes them: in a unit of work, created after commit.
    await inTransaction(app.server.deps, async (_tx, effects) =>
      effects.notify([chairUser.id], "membership.joined", {
        partnershipId: partnership.id,
        partnershipName: partnership.name,
        memberName: "Someone",
        organizationName: organization.name,
      }),
    );
    const before = await snapshotData(app.db);
    for (const origin of [app.config.appOrigin, "https://evil.example", null]) {
      expect((await chair.http.query("partnerships.partnership.get", { partnershipId: partnership.id }, { origin })).status).toBe(200);
      expect((await chair.http.query("partnerships.invitation.list", { partnershipId: partnership.id }, { origin })).status).toBe(200);
      const notifications = await chair.http.query("notifications.list", { filter: "unread" }, { origin });
      expect(notifications.status).toBe(200);
      expect((notifications.data as { unreadCount: number }).unreadCount).toBe(1);
    }
    expect(await snapshotData(app.db)).toEqual(before);
  });
});

describe("compression", () => {
  it("answers a read in Brotli or gzip when asked, and the answer decodes to the same data", async () => {
    const url = `${app.baseUrl}/api/trpc/partnerships.partnership.get?input=${encodeURIComponent(JSON.stringify({ json: { partnershipId: partnership.id } }))}`;
    const read = async (acceptEncoding: string) => {
      const response = await fetch(url, { headers: { cookie: chair.cookie, "accept-encoding": acceptEncoding } });
      expect(response.status).toBe(200);
      return { encoding: response.headers.get("content-encoding"), body: await response.json() };
    };
    const plain = await read("identity");
    expect(plain.encoding).toBeNull();
    expect(await read("br")).toEqual({ encoding: "br", body: plain.body });
    expect(await read("gzip")).toEqual({ encoding: "gzip", body: plain.body });
  });
});
