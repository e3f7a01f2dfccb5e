// Trainees are personal data. A member of another CBO, an employer member and a union member each get
// no trainee identity from any procedure, list, search, export, attachment download, socket event or
// notification, while the owning CBO and the designated reviewers do; every reviewer read is logged.
import { afterAll, describe, expect, it } from "vitest";
import { joinRoom, refusal, type TestSocket } from "../support/test-app.js";
import { dateIn, download, makeRequest, PDF_BYTES, servicesWorld, startServicesApp, upload, type Person, type ServicesWorld } from "../support/services-helpers.js";

const env = await startServicesApp();
const app = env.app;
afterAll(() => env.close());

/** The trainee's identifying strings: none may appear in what an outsider receives. */
const identityOf = (w: ServicesWorld) => [w.trainee.name, w.trainee.name.split(" ")[1]!, w.trainee.email, w.trainee.phone, w.trainee.id];
function expectNoIdentity(w: ServicesWorld, value: unknown) {
  const text = JSON.stringify(value) ?? "";
  for (const secret of identityOf(w)) expect(text, `leaked ${secret}`).not.toContain(secret);
}

/** Every event a socket receives, whatever its name. */
function recordAll(socket: TestSocket) {
  const seen: Array<{ event: string; payload: unknown }> = [];
  socket.onAny((event: string, payload: unknown) => seen.push({ event, payload }));
  return seen;
}

async function liveSocket(w: ServicesWorld, who: Person) {
  const socket = await who.connect();
  expect(await joinRoom(socket, { kind: "partnership", id: w.partnershipId })).toEqual({ ok: true, data: undefined });
  return socket;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("outsiders get counts and totals, never a trainee", () => {
  it("another CBO's member, an employer member and a union member: every procedure, search, export, download and socket event", async () => {
    const w = await servicesWorld(app, { fundCents: 100_000 });
    const sockets = new Map<Person, Array<{ event: string; payload: unknown }>>();
    for (const who of [...w.outsiders, w.cboMember, w.reviewer]) sockets.set(who, recordAll(await liveSocket(w, who)));

    // The whole life, with an attachment, while everyone is connected.
    const requestId = await makeRequest(w, { amount: "220.00", justification: `Work boots for ${w.trainee.name}` });
    const { body } = await upload(app, w.cboMember, requestId, "boots-quote.pdf", PDF_BYTES);
    const attachmentId = body!.attachment!.id;
    await w.reviewer.trpc.services.request.askInfo({ requestId, note: "Size and store?" });
    await w.cboMember.trpc.services.request.answer({ requestId, note: "Size 9, Red Wing" });
    await w.reviewer.trpc.services.request.approve({ requestId, fundId: w.fund.id, amount: "200" });
    await w.reviewer.trpc.services.request.fulfil({ requestId, fulfilledOn: dateIn(0), reference: "Voucher 88" });
    await pause(150);

    for (const who of w.outsiders) {
      const s = who.trpc.services;
      // Reads that answer with nothing for them.
      expect((await refusal(s.request.get({ requestId }))).code).toBe("NOT_FOUND");
      expect((await refusal(s.trainee.get({ traineeId: w.trainee.id }))).code).toBe("NOT_FOUND");
      expect((await refusal(s.request.list({ partnershipId: w.partnershipId, view: "queue" }))).code).toBe("NOT_FOUND");
      expect((await refusal(s.request.list({ partnershipId: w.partnershipId, view: "all" }))).code).toBe("NOT_FOUND");
      expect((await who.http.query("services.request.get", { requestId })).status).toBe(404);
      // Lists and searches filter in the query: the trainee is simply not there.
      expect(await s.request.list({ partnershipId: w.partnershipId, view: "mine" })).toEqual([]);
      const search = await s.trainee.list({ partnershipId: w.partnershipId, search: w.trainee.name.split(" ")[0]! });
      expect(search).toEqual([]);
      const everyone = await s.trainee.list({ partnershipId: w.partnershipId, search: "" });
      expectNoIdentity(w, everyone);
      // Aggregates they may see: counts and totals only.
      const summary = await s.summary({ partnershipId: w.partnershipId });
      expect(summary).toMatchObject({ trainees: 2, byStatus: { FULFILLED: 1 } });
      expectNoIdentity(w, summary);
      expectNoIdentity(w, await s.export({ partnershipId: w.partnershipId }));
      expectNoIdentity(w, await s.fund.list({ partnershipId: w.partnershipId }));
      expectNoIdentity(w, await s.overview({ partnershipId: w.partnershipId }));
      expectNoIdentity(w, await who.trpc.notifications.list({ filter: "all", limit: 100 }));
      // The file is not theirs to see.
      const file = await download(app, who, attachmentId);
      expect(file.status).toBe(404);
      expect(new TextDecoder().decode(file.bytes)).not.toContain("%PDF");
      // Sockets: no request event reached them at all, and nothing they got names the trainee.
      const seen = sockets.get(who)!;
      expect(seen.filter((e) => e.event === "serviceRequest:changed")).toEqual([]);
      expect(seen.some((e) => e.event === "services:totalsChanged")).toBe(true);
      expectNoIdentity(w, seen);
    }
    // The other CBO still sees its own trainee.
    expect((await w.otherCbo.trpc.services.trainee.list({ partnershipId: w.partnershipId, search: "" })).map((t) => t.id)).toEqual([w.otherTrainee.id]);

    // Those allowed got the live events (ids and status only) and may read the details.
    for (const who of [w.cboMember, w.reviewer]) {
      const changes = sockets.get(who)!.filter((e) => e.event === "serviceRequest:changed").map((e) => e.payload);
      expect(changes).toContainEqual({ partnershipId: w.partnershipId, requestId, status: "FULFILLED" });
      expectNoIdentity(w, sockets.get(who));
    }
    expect((await w.cboMember.trpc.services.request.get({ requestId })).trainee?.name).toBe(w.trainee.name);
    expect((await download(app, w.cboMember, attachmentId)).status).toBe(200);
  });

  it("the anonymous and strangers get nothing, through the caller or HTTP", async () => {
    const w = await servicesWorld(app);
    const requestId = await makeRequest(w);
    const stranger = await w.person("Sid Stranger", w.employer.id);
    await app.db.membership.delete({ where: { id: stranger.membershipId } });
    expect((await refusal(stranger.trpc.services.summary({ partnershipId: w.partnershipId }))).code).toBe("NOT_FOUND");
    expect((await refusal(stranger.trpc.services.request.get({ requestId }))).code).toBe("NOT_FOUND");
    expect((await refusal(app.anonymous.services.request.get({ requestId }))).code).toBe("UNAUTHORIZED");
    expect((await app.http.query("services.trainee.list", { partnershipId: w.partnershipId, search: "" })).status).toBe(401);
  });
});

describe("reviewers see trainees, and every read is logged", () => {
  it("logs each reviewer read of a request (who, when, why); the owning CBO's own reads are not logged, and it can see the log", async () => {
    const w = await servicesWorld(app);
    const requestId = await makeRequest(w);
    const before = new Date(Date.now() - 1000);
    const view = await w.reviewer.trpc.services.request.get({ requestId });
    expect(view.trainee).toMatchObject({ name: w.trainee.name, email: w.trainee.email, preferredLanguage: "Spanish" });
    await w.reviewer2.trpc.services.request.get({ requestId });
    await w.cboMember.trpc.services.request.get({ requestId });
    await w.cboColleague.trpc.services.trainee.get({ traineeId: w.trainee.id });

    const logs = await app.db.traineeAccessLog.findMany({ where: { traineeId: w.trainee.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(logs.map((l) => [l.userId, l.reason, l.requestId])).toEqual([
      [w.reviewer.user.id, "Reviewing a supportive-service request", requestId],
      [w.reviewer2.user.id, "Reviewing a supportive-service request", requestId],
    ]);
    expect(logs.every((l) => l.createdAt >= before)).toBe(true);

    // A reviewer opening the trainee's record or an attachment is logged too.
    await w.reviewer.trpc.services.trainee.get({ traineeId: w.trainee.id });
    const { body } = await upload(app, w.cboMember, requestId, "receipt.pdf", PDF_BYTES);
    expect((await download(app, w.reviewer, body!.attachment!.id)).status).toBe(200);
    const mine = await w.cboMember.trpc.services.trainee.get({ traineeId: w.trainee.id });
    expect(mine.accessLog.map((l) => [l.reader, l.reason])).toEqual([
      [w.reviewer.name, 'Opened the attachment "receipt.pdf"'],
      [w.reviewer.name, "Viewed the trainee's record while reviewing requests"],
      [w.reviewer2.name, "Reviewing a supportive-service request"],
      [w.reviewer.name, "Reviewing a supportive-service request"],
    ]);
    // Repeated reads (a reviewer's page refetching on live changes) are kept, and shown as one line.
    await w.reviewer.trpc.services.request.get({ requestId });
    await w.reviewer.trpc.services.request.get({ requestId });
    const again = await w.cboMember.trpc.services.trainee.get({ traineeId: w.trainee.id });
    expect(again.accessLog[0]).toMatchObject({ reader: w.reviewer.name, reason: "Reviewing a supportive-service request", times: 2 });
    expect(await app.db.traineeAccessLog.count({ where: { traineeId: w.trainee.id } })).toBe(6);
    // Reviewers do not see who read the record; the log is append-only in the database.
    expect((await w.reviewer.trpc.services.trainee.get({ traineeId: w.trainee.id })).accessLog).toEqual([]);
    await expect(app.db.$executeRawUnsafe(`DELETE FROM "TraineeAccessLog" WHERE "traineeId" = $1`, w.trainee.id)).rejects.toThrow(/append-only/);
    await expect(app.db.$executeRawUnsafe(`UPDATE "TraineeAccessLog" SET "reason" = 'x' WHERE "traineeId" = $1`, w.trainee.id)).rejects.toThrow(/append-only/);
  });

  it("the queue itself shows no trainee identity, so listing it reads no personal data", async () => {
    const w = await servicesWorld(app);
    await makeRequest(w);
    const queue = await w.reviewer.trpc.services.request.list({ partnershipId: w.partnershipId, view: "queue" });
    expect(queue).toHaveLength(1);
    expectNoIdentity(w, queue);
    expect(await app.db.traineeAccessLog.count({ where: { traineeId: w.trainee.id } })).toBe(0);
  });
});

describe("the owning CBO shares a trainee case by case", () => {
  it("grants another CBO access, which then sees and may request for the trainee; revoking ends it", async () => {
    const w = await servicesWorld(app);
    const requestId = await makeRequest(w);
    expect((await refusal(w.otherCbo.trpc.services.trainee.get({ traineeId: w.trainee.id }))).code).toBe("NOT_FOUND");
    // Only the owner shares, and only with a CBO.
    expect((await refusal(w.otherCbo.trpc.services.trainee.grant({ traineeId: w.trainee.id, organizationId: w.cboB.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(w.cboMember.trpc.services.trainee.grant({ traineeId: w.trainee.id, organizationId: w.employer.id }))).fieldErrors?.organizationId).toBeDefined();
    await w.cboMember.trpc.services.trainee.grant({ traineeId: w.trainee.id, organizationId: w.cboB.id });

    const shared = await w.otherCbo.trpc.services.trainee.get({ traineeId: w.trainee.id });
    expect(shared).toMatchObject({ via: "GRANTED", canEdit: false, grants: [], accessLog: [] });
    expect(shared.trainee.name).toBe(w.trainee.name);
    // The grantee sees the trainee, not the owner's requests for them.
    expect(shared.requests).toEqual([]);
    expect((await refusal(w.otherCbo.trpc.services.request.get({ requestId }))).code).toBe("NOT_FOUND");
    expect((await refusal(w.otherCbo.trpc.services.trainee.update({ traineeId: w.trainee.id, name: "X", program: "Y" }))).code).toBe("FORBIDDEN");
    const theirs = await makeRequest(w, { by: w.otherCbo, traineeId: w.trainee.id });
    // The owner sees requests made for its trainee by the grantee.
    expect((await w.cboMember.trpc.services.request.list({ partnershipId: w.partnershipId, view: "mine" })).map((r) => r.id)).toContain(theirs);

    await w.cboMember.trpc.services.trainee.revoke({ traineeId: w.trainee.id, organizationId: w.cboB.id });
    expect((await refusal(w.otherCbo.trpc.services.trainee.get({ traineeId: w.trainee.id }))).code).toBe("NOT_FOUND");
    expect(await w.otherCbo.trpc.services.trainee.list({ partnershipId: w.partnershipId, search: w.trainee.name })).toEqual([]);
  });

  it("only CBO members record trainees; search finds the CBO's own trainees by name or program", async () => {
    const w = await servicesWorld(app);
    expect((await refusal(w.employerMember.trpc.services.trainee.create({ partnershipId: w.partnershipId, name: "A", program: "B" }))).code).toBe("FORBIDDEN");
    const bad = await refusal(w.cboMember.trpc.services.trainee.create({ partnershipId: w.partnershipId, name: " ", program: "B", email: "not-an-email" }));
    expect(bad.fieldErrors).toMatchObject({ name: ["The trainee's name is required."], email: ["Enter a valid email address."] });
    await w.cboMember.trpc.services.trainee.create({ partnershipId: w.partnershipId, name: "Lin Zhao", program: "Welding pre-apprenticeship", preferredLanguage: "Mandarin", sex: "FEMALE" });
    expect((await w.cboColleague.trpc.services.trainee.list({ partnershipId: w.partnershipId, search: "weld" })).map((t) => t.name)).toEqual(["Lin Zhao"]);
    const zhao = (await w.cboColleague.trpc.services.trainee.list({ partnershipId: w.partnershipId, search: "Zhao" }))[0]!;
    const record = await w.cboColleague.trpc.services.trainee.get({ traineeId: zhao.id });
    expect(record.demographics).toMatchObject({ sex: "FEMALE", raceEthnicity: ["PREFER_NOT_TO_SAY"], ageBand: "PREFER_NOT_TO_SAY", veteranStatus: "PREFER_NOT_TO_SAY" });
    expect(record.via).toBe("OWNER");
    // An update replaces the whole record (as the form sends it): a field left out falls back to its default.
    await w.cboMember.trpc.services.trainee.update({ traineeId: zhao.id, name: "Lin Zhao", program: "Welding apprenticeship", preferredLanguage: "Cantonese", ageBand: "AGE_25_34" });
    const updated = await w.cboColleague.trpc.services.trainee.get({ traineeId: zhao.id });
    expect(updated.trainee).toMatchObject({ program: "Welding apprenticeship", preferredLanguage: "Cantonese" });
    expect(updated.demographics).toMatchObject({ ageBand: "AGE_25_34", sex: "PREFER_NOT_TO_SAY" });
    expect((await refusal(w.reviewer.trpc.services.trainee.update({ traineeId: zhao.id, name: "X", program: "Y" }))).code).toBe("NOT_FOUND");
  });
});

describe("self-reported answers in the 2024 federal format", () => {
  it("race and ethnicity is a multi-select with Hispanic or Latino and Middle Eastern or North African; 'prefer not to say' is exclusive", async () => {
    const w = await servicesWorld(app);
    const { id } = await w.cboMember.trpc.services.trainee.create({
      partnershipId: w.partnershipId,
      name: "Samira Haddad",
      program: "IMT pre-apprenticeship",
      raceEthnicity: ["MIDDLE_EASTERN_NORTH_AFRICAN", "HISPANIC_LATINO", "HISPANIC_LATINO"],
      veteranStatus: "VETERAN",
    });
    // Kept once each, in the standard's order.
    expect((await w.cboMember.trpc.services.trainee.get({ traineeId: id })).demographics?.raceEthnicity).toEqual(["HISPANIC_LATINO", "MIDDLE_EASTERN_NORTH_AFRICAN"]);
    const mixed = await refusal(
      w.cboMember.trpc.services.trainee.update({ traineeId: id, name: "Samira Haddad", program: "IMT", raceEthnicity: ["PREFER_NOT_TO_SAY", "ASIAN"] }),
    );
    expect(mixed.fieldErrors).toMatchObject({ raceEthnicity: ["“Prefer not to say” cannot be combined with a category."] });
    expect((await refusal(w.cboMember.trpc.services.trainee.update({ traineeId: id, name: "S", program: "IMT", raceEthnicity: ["TWO_OR_MORE"] }))).code).toBe("BAD_REQUEST");
    // Nothing checked is "prefer not to say".
    await w.cboMember.trpc.services.trainee.update({ traineeId: id, name: "Samira Haddad", program: "IMT", raceEthnicity: [] });
    expect((await w.cboMember.trpc.services.trainee.get({ traineeId: id })).demographics?.raceEthnicity).toEqual(["PREFER_NOT_TO_SAY"]);
    // The database holds the same rule.
    await expect(app.db.trainee.update({ where: { id }, data: { raceEthnicity: ["PREFER_NOT_TO_SAY", "WHITE"] } })).rejects.toThrow();
    await expect(app.db.trainee.update({ where: { id }, data: { raceEthnicity: ["WHITE", "WHITE"] } })).rejects.toThrow();
    await expect(app.db.trainee.update({ where: { id }, data: { raceEthnicity: [] } })).rejects.toThrow();
  });

  it("the answers are shown to the owner and the reviewers only; a CBO it is shared with sees the record without them", async () => {
    const w = await servicesWorld(app);
    await app.db.trainee.update({ where: { id: w.trainee.id }, data: { raceEthnicity: ["BLACK_AFRICAN_AMERICAN"], disabilityStatus: "YES" } });
    await makeRequest(w);
    expect((await w.cboMember.trpc.services.trainee.get({ traineeId: w.trainee.id })).demographics).toMatchObject({ disabilityStatus: "YES" });
    expect((await w.reviewer.trpc.services.trainee.get({ traineeId: w.trainee.id })).demographics).toMatchObject({ raceEthnicity: ["BLACK_AFRICAN_AMERICAN"] });
    await w.cboMember.trpc.services.trainee.grant({ traineeId: w.trainee.id, organizationId: w.cboB.id });
    const shared = await w.otherCbo.trpc.services.trainee.get({ traineeId: w.trainee.id });
    expect(shared.trainee.name).toBe(w.trainee.name);
    expect(shared.demographics).toBeNull();
    expect(JSON.stringify(shared)).not.toMatch(/BLACK_AFRICAN_AMERICAN|disabilityStatus/);
  });

  it("the summary and the CSV count trainees by each question, one group per person, small groups hidden with their complements", async () => {
    const w = await servicesWorld(app);
    const answers: Array<[string[], number]> = [
      [["HISPANIC_LATINO"], 14],
      [["WHITE"], 12],
      [["MIDDLE_EASTERN_NORTH_AFRICAN"], 3],
      [["HISPANIC_LATINO", "WHITE"], 2],
    ];
    for (const [raceEthnicity, n] of answers) {
      for (let i = 0; i < n; i++) {
        const t = await app.db.trainee.create({ data: { partnershipId: w.partnershipId, organizationId: w.cboA.id, createdById: w.cboMember.user.id, name: `T ${i}`, program: "IMT", raceEthnicity } });
        expect(t.id).toBeTruthy();
      }
    }
    const { demographics } = await w.employerMember.trpc.services.summary({ partnershipId: w.partnershipId });
    expect(demographics.threshold).toBe(10);
    expect(demographics.rule).toMatch(/threshold 10/);
    const race = demographics.tables[0]!;
    const count = (key: string) => race.rows.find((r) => r.key === key)!.count;
    // 33 trainees (the world's two, with "prefer not to say", and 31 here): MENA 3 and multiple 2 hidden,
    // and so are the smallest visible groups beside them, so no difference of totals gives them away.
    expect(race.total).toBe(33);
    expect(count("MIDDLE_EASTERN_NORTH_AFRICAN")).toBeNull();
    expect(count("MULTIPLE")).toBeNull();
    expect(count("NOT_REPORTED")).toBeNull();
    expect(count("HISPANIC_LATINO")).toBe(14);
    const shown = race.rows.reduce((n, r) => n + (r.count ?? 0), 0);
    expect(race.total! - shown).toBeGreaterThanOrEqual(10);
    const csv = await w.unionMember.trpc.services.export({ partnershipId: w.partnershipId, table: "trainees" });
    expect(csv).toContain("Race and ethnicity,Hispanic or Latino,14");
    expect(csv).toContain("Race and ethnicity,Middle Eastern or North African,\n");
    expect(csv).toMatch(/Suppression,.*threshold 10/);
    expect(csv).not.toContain("T 1");
  });
});
