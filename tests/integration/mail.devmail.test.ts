// Without SMTP_URL: on a loopback origin (development, and `npm start` / the e2e run, which are production
// on localhost) the mails are kept in the local outbox that /dev/mail shows (its procedures, over real
// HTTP), to this machine only; on a public origin that outbox does not exist (404) and a mail that cannot
// be sent stays recorded as a failed delivery, retried by its job, never dropped.
import { afterAll, describe, expect, it } from "vitest";
import { startTestApp } from "../support/test-app.js";
import { eventually, openMotion, votingWorld } from "../support/voting-helpers.js";

const SECRET = "devmail-test-secret-0123456789-abcdefghij";
const development = await startTestApp({ env: { NODE_ENV: "development", APP_SECRET: SECRET } });
const localProduction = await startTestApp({ env: { NODE_ENV: "production", APP_SECRET: SECRET } });
const production = await startTestApp({ env: { NODE_ENV: "production", APP_SECRET: SECRET, APP_ORIGIN: "https://jointly.example.org" } });
afterAll(async () => {
  await development.close();
  await localProduction.close();
  await production.close();
});

type DevMailSummary = { id: string; toAddress: string; subject: string; createdAt: Date };
type DevMailWhole = DevMailSummary & { html: string; text: string; fromAddress: string; headers: Record<string, string> };

describe("in development", () => {
  it("keeps each mail, newest first, with its HTML, text and headers", async () => {
    const world = await votingWorld(development);
    const motionId = await openMotion(world, { text: "That the committee adopt the forklift curriculum." });
    const mine = async () => {
      const { data } = await development.http.query("devMail.list");
      return (data as DevMailSummary[]).filter((m) => world.voters.some((v) => m.toAddress.includes(v.user.email)));
    };
    await eventually(async () => (await mine()).length === world.voters.length, { timeoutMs: 15_000, what: "a dev mail per voter" });

    const list = (await development.http.query("devMail.list")).data as DevMailSummary[];
    const times = list.map((m) => new Date(m.createdAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const first = (await mine())[0]!;
    expect(first.subject).toBe("Vote open: That the committee adopt the forklift curriculum.");
    const { status, data } = await development.http.query("devMail.get", { id: first.id });
    expect(status).toBe(200);
    const mail = data as DevMailWhole;
    expect(mail.html).toContain("<!doctype html>");
    expect(mail.html).toContain(`/votes/${motionId}`);
    expect(mail.text).toContain(`${development.config.appOrigin}/p/${world.partnership.id}/votes/${motionId}`);
    expect(mail.fromAddress).toBe("Jointly <no-reply@localhost>");
    expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost:\d+\/unsubscribe\/.+>$/);
    const deliveries = await development.db.mailDelivery.findMany({ where: { toAddress: { in: world.voters.map((v) => v.user.email) } } });
    expect(deliveries.map((d) => d.status)).toEqual(world.voters.map(() => "SENT"));
  });

  it("answers an unknown mail with 404", async () => {
    expect((await development.http.query("devMail.get", { id: "nope" })).status).toBe(404);
  });
});

describe("in production on this machine (npm start: a localhost origin)", () => {
  it("keeps the mails in the local outbox too, so the demo can be followed", async () => {
    const world = await votingWorld(localProduction);
    await openMotion(world);
    const emails = world.voters.map((v) => v.user.email);
    await eventually(async () => (await localProduction.db.devMail.count({ where: { OR: emails.map((e) => ({ toAddress: { contains: e } })) } })) === emails.length, {
      timeoutMs: 15_000,
      what: "a local-outbox mail per voter",
    });
    const { status, data } = await localProduction.http.query("devMail.list");
    expect(status).toBe(200);
    expect((data as DevMailSummary[]).filter((m) => emails.some((e) => m.toAddress.includes(e))).length).toBe(emails.length);
  });

  it("shows the outbox to this machine only: another client address gets 404", async () => {
    const res = await fetch(`${localProduction.baseUrl}/api/trpc/devMail.list`, { headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(res.status).toBe(404);
    const batched = await fetch(`${localProduction.baseUrl}/api/trpc/identity.me,devMail.list?batch=1&input=%7B%7D`, { headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(batched.status).toBe(404);
  });
});

describe("in production on a public origin", () => {
  it("has no development outbox: 404", async () => {
    const list = await production.http.query("devMail.list");
    expect(list.status).toBe(404);
    expect(list.error?.code).toBe("NOT_FOUND");
    expect((await production.http.query("devMail.get", { id: "anything" })).status).toBe(404);
  });

  it("without SMTP_URL keeps each mail as a failed delivery that its job retries, and stores none for /dev/mail", async () => {
    const world = await votingWorld(production);
    await openMotion(world);
    const emails = world.voters.map((v) => v.user.email);
    await eventually(async () => (await production.db.mailDelivery.count({ where: { toAddress: { in: emails }, status: "FAILED" } })) === emails.length, {
      timeoutMs: 15_000,
      what: "a failed delivery per voter",
    });
    const deliveries = await production.db.mailDelivery.findMany({ where: { toAddress: { in: emails } } });
    expect(deliveries.every((d) => d.lastError === "SMTP_URL is not set")).toBe(true);
    expect(await production.db.devMail.count()).toBe(0);
    // Still queued for another attempt (with backoff), not given up.
    const jobs = await production.db.$queryRaw<Array<{ attempts: number; max_attempts: number }>>`
      SELECT "attempts", "max_attempts" FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'mail:notification'`;
    expect(jobs.length).toBeGreaterThanOrEqual(emails.length);
    expect(jobs.every((j) => j.attempts >= 1 && j.attempts < j.max_attempts)).toBe(true);
  });
});
