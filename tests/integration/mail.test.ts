// E-mail through a real SMTP server (smtp-server, in this process, on a free port) and the app's real
// job queue: who gets a notification's mail and who does not (settings, mutes), the daily digest, the
// one-click unsubscribe without a session, direct mails, and delivery exactly once across a crash
// before dispatch, a stale "sending" claim and an SMTP failure retried with backoff.
import type { ParsedMail } from "mailparser";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { openVote } from "../../server/domains/voting/vote-lifecycle.js";
import { MAIL_GROUP_KEYS, MAIL_GROUPS, MAIL_KINDS } from "../../server/domains/preferences/preferences.schema.js";
import { localTime } from "../../server/mail/digest-time.js";
import { signUnsubscribeToken } from "../../server/mail/unsubscribe-token.js";
import { inTransaction } from "../../server/unit-of-work/unit-of-work.js";
import { servicesWorld, makeRequest } from "../support/services-helpers.js";
import { startSmtpServer, type Arrival } from "../support/smtp.js";
import { refusal, startTestApp, type SignedIn } from "../support/test-app.js";
import { HOUR, eventually, openMotion, secondedMotion, settle, votingWorld, type VotingWorld } from "../support/voting-helpers.js";

const APP_SECRET = "mail-test-secret-0123456789-abcdefghijklmnop";

const smtp = await startSmtpServer();
const app = await startTestApp({ env: { SMTP_URL: smtp.url, APP_SECRET, MAIL_FROM: "Jointly <no-reply@jointly.test>" } });
afterAll(async () => {
  await app.close();
  await smtp.close();
});

beforeEach(() => smtp.refuse(0));

/** Mails that arrived mentioning `marker` (a motion's or a request's id in its links). */
const about = smtp.about;
const recipientsOf = (arrivals: Arrival[]) => arrivals.map((a) => a.to).sort();
const emailsOf = (people: Array<{ user: { email: string } }>) => people.map((p) => p.user.email.toLowerCase()).sort();
const header = (mail: ParsedMail, name: string) => mail.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, "");

/** Waits until `count` mails about `marker` arrived, then a little longer, so a duplicate would show. */
async function arrivalsAbout(marker: string, count: number, { timeoutMs = 15_000 } = {}) {
  await eventually(async () => about(marker).length >= count, { timeoutMs, what: `${count} mails about ${marker}` });
  await settle(1_500);
  return about(marker);
}

async function setGroup(person: SignedIn, group: "votes" | "services", choice: "IMMEDIATELY" | "DIGEST" | "OFF" | "DEFAULT") {
  const current = await person.trpc.preferences.mail.get();
  const groups = Object.fromEntries(current.groups.map((g) => [g.key, g.choice])) as Record<string, string>;
  await person.trpc.preferences.mail.update({ groups: { ...groups, [group]: choice } as never, timeZone: current.timeZone });
}

/** The ids of a motion's notifications, and their mail deliveries. */
async function deliveriesAbout(motionId: string) {
  const notes = await app.db.notification.findMany({ where: { payload: { path: ["motionId"], equals: motionId } }, select: { id: true } });
  return app.db.mailDelivery.findMany({ where: { items: { some: { notificationId: { in: notes.map((n) => n.id) } } } } });
}

// ─── notifications by mail ──────────────────────────────────────────────────

describe("a vote opened", () => {
  it("mails each voter on the roll once, and nobody else", async () => {
    const world = await votingWorld(app, { votersPerSide: 2 });
    const motionId = await openMotion(world);
    const mails = await arrivalsAbout(motionId, world.voters.length);
    expect(recipientsOf(mails)).toEqual(emailsOf(world.voters));
    for (const nobody of [world.laborAdvisory, world.observer, world.staff, world.outsider, world.stranger, world.founder]) {
      expect(smtp.arrivals.some((a) => a.to === nobody.user.email.toLowerCase())).toBe(false);
    }
  });

  it("says what and where, links to the vote, and carries the one-click unsubscribe headers", async () => {
    const world = await votingWorld(app);
    const motionId = await openMotion(world, { text: "That the committee adopt the <b>welding</b> standard." });
    const [arrival] = await arrivalsAbout(motionId, world.voters.length).then((all) => all.filter((a) => a.to === world.laborMember.user.email.toLowerCase()));
    const mail = arrival!.mail;
    expect(mail.subject).toBe("Vote open: That the committee adopt the <b>welding</b> standard.");
    expect(mail.from?.value[0]).toMatchObject({ name: "Jointly", address: "no-reply@jointly.test" });
    expect(mail.text).toContain(`${app.config.appOrigin}/p/${world.partnership.id}/votes/${motionId}`);
    expect(mail.text).toContain(world.committee.name);
    expect(mail.html).toContain("&lt;b&gt;welding&lt;/b&gt;");
    expect(header(mail, "List-Unsubscribe")).toMatch(new RegExp(`^<${app.config.appOrigin}/unsubscribe/[A-Za-z0-9._-]+>$`));
    expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(mail.messageId).toMatch(/^<[a-z0-9]+@localhost>$/);
  });

  it("sends nothing to a voter who turned votes off, though the bell still shows it", async () => {
    const world = await votingWorld(app);
    await setGroup(world.managementMember, "votes", "OFF");
    const motionId = await openMotion(world);
    const mails = await arrivalsAbout(motionId, world.voters.length - 1);
    expect(recipientsOf(mails)).toEqual(emailsOf(world.voters.filter((v) => v !== world.managementMember)));
    expect((await world.managementMember.trpc.notifications.list({})).items.map((n) => n.kind)).toContain("vote.opened");
  });

  it("sends nothing about a muted committee, nor about any committee of a muted partnership", async () => {
    const world = await votingWorld(app);
    await world.laborMember.trpc.preferences.mute.set({ bodyId: world.committee.id, muted: true });
    await world.managementMember.trpc.preferences.mute.set({ bodyId: world.topBody.id, muted: true });
    const motionId = await openMotion(world);
    const mails = await arrivalsAbout(motionId, world.voters.length - 2);
    expect(recipientsOf(mails)).toEqual(emailsOf(world.voters.filter((v) => v !== world.laborMember && v !== world.managementMember)));

    // Unmuted, the next vote reaches them again.
    await world.laborMember.trpc.preferences.mute.set({ bodyId: world.committee.id, muted: false });
    const next = await openMotion(world);
    expect(recipientsOf(await arrivalsAbout(next, world.voters.length - 1))).toContain(world.laborMember.user.email.toLowerCase());
  });

  it("refuses to mute a body of a partnership one is not in", async () => {
    const world = await votingWorld(app);
    expect((await refusal(world.stranger.trpc.preferences.mute.set({ bodyId: world.committee.id, muted: true }))).code).toBe("NOT_FOUND");
  });
});

describe("daily digest", () => {
  it("groups a digest recipient's notifications into one mail, and never repeats them", async () => {
    const world = await votingWorld(app);
    const reader = world.laborMember;
    await setGroup(reader, "votes", "DIGEST");
    const first = await openMotion(world, { text: "That the committee fund ten welding seats." });
    const second = await openMotion(world, { text: "That the committee meet monthly." });
    await arrivalsAbout(first, world.voters.length - 1);
    await arrivalsAbout(second, world.voters.length - 1);
    expect(smtp.arrivals.some((a) => a.to === reader.user.email.toLowerCase())).toBe(false);

    const day = localTime(new Date(), null).day;
    await app.server.jobHandlers["mail:digest"]({ userId: reader.user.id, day });
    const digests = smtp.arrivals.filter((a) => a.to === reader.user.email.toLowerCase());
    expect(digests).toHaveLength(1);
    const digest = digests[0]!.mail;
    expect(digest.subject).toBe("Your Jointly digest: 2 updates");
    expect(digest.text).toContain("That the committee fund ten welding seats.");
    expect(digest.text).toContain("That the committee meet monthly.");
    expect(digest.text).toContain(`/votes/${first}`);
    expect(digest.text).toContain(`/votes/${second}`);
    expect(header(digest, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

    // The same day again, and the next day: nothing new to send.
    await app.server.jobHandlers["mail:digest"]({ userId: reader.user.id, day });
    await app.server.jobHandlers["mail:digest"]({ userId: reader.user.id, day: "2099-01-01" });
    expect(smtp.arrivals.filter((a) => a.to === reader.user.email.toLowerCase())).toHaveLength(1);
  });

  it("leaves out what the person already read in the app, and sends no empty digest", async () => {
    const world = await votingWorld(app);
    const reader = world.managementMember;
    await setGroup(reader, "votes", "DIGEST");
    const motionId = await openMotion(world);
    await arrivalsAbout(motionId, world.voters.length - 1);
    await reader.trpc.notifications.markAllRead();
    await app.server.jobHandlers["mail:digest"]({ userId: reader.user.id, day: localTime(new Date(), null).day });
    expect(smtp.arrivals.some((a) => a.to === reader.user.email.toLowerCase())).toBe(false);
  });

  it("the hourly run schedules the digests of the people whose local hour it is", async () => {
    const world = await votingWorld(app);
    const reader = world.laborChair;
    await setGroup(reader, "votes", "DIGEST");
    const motionId = await openMotion(world);
    await arrivalsAbout(motionId, world.voters.length - 1);
    // Put the reader's digest hour at this very hour by choosing their time zone: the configured hour
    // is 7, so a zone where it is 7 now (whole-hour offsets span -12…+14).
    const zone = ["Etc/GMT+12", ...Array.from({ length: 26 }, (_, i) => `Etc/GMT${i - 14 < 0 ? "" : "+"}${i - 14}`)]
      .map((z) => z.replace("Etc/GMT+0", "Etc/GMT"))
      .find((z) => localTime(new Date(), z).hour === app.config.MAIL_DIGEST_HOUR)!;
    const current = await reader.trpc.preferences.mail.get();
    await reader.trpc.preferences.mail.update({ groups: Object.fromEntries(current.groups.map((g) => [g.key, g.choice])) as never, timeZone: zone });
    await app.server.jobHandlers["mail:digest"]({});
    await eventually(async () => smtp.arrivals.some((a) => a.to === reader.user.email.toLowerCase()), { timeoutMs: 15_000, what: "the scheduled digest" });
    const digest = smtp.arrivals.find((a) => a.to === reader.user.email.toLowerCase())!.mail;
    expect(digest.subject).toBe("Your Jointly digest: 1 update");
  });
});

describe("one-click unsubscribe", () => {
  it("turns the group off with a POST that has no session and no Origin of ours, and the next vote sends nothing", async () => {
    const world = await votingWorld(app);
    const leaver = world.laborMember;
    const motionId = await openMotion(world);
    const mail = (await arrivalsAbout(motionId, world.voters.length)).find((a) => a.to === leaver.user.email.toLowerCase())!.mail;
    const link = header(mail, "List-Unsubscribe")!.slice(1, -1);
    const path = new URL(link).pathname;
    expect(mail.text).toContain(link); // the footer carries the same link

    // What a mail client does (RFC 8058): POST the form body, no cookie, its own Origin or none.
    const res = await fetch(`${app.baseUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://mail.example.net" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(200);
    expect((await leaver.trpc.preferences.mail.get()).groups.find((g) => g.key === "votes")?.choice).toBe("OFF");
    // Twice is fine.
    expect((await fetch(`${app.baseUrl}${path}`, { method: "POST", body: "List-Unsubscribe=One-Click" })).status).toBe(200);

    const next = await openMotion(world);
    const mails = await arrivalsAbout(next, world.voters.length - 1);
    expect(recipientsOf(mails)).not.toContain(leaver.user.email.toLowerCase());
  });

  it("refuses a tampered link and changes nothing; other POSTs still need our Origin", async () => {
    const world = await votingWorld(app);
    const victim = world.managementMember;
    const forged = signUnsubscribeToken("not-the-app-secret-0123456789-abcdefgh", { userId: victim.user.id, scope: "votes" });
    const res = await fetch(`${app.baseUrl}/unsubscribe/${forged}`, { method: "POST", body: "List-Unsubscribe=One-Click" });
    expect(res.status).toBe(404);
    expect((await victim.trpc.preferences.mail.get()).groups.find((g) => g.key === "votes")?.choice).toBe("DEFAULT");
    // The exemption is this path only.
    expect((await fetch(`${app.baseUrl}/unsubscribe/${forged}/more`, { method: "POST" })).status).toBe(403);
    expect((await fetch(`${app.baseUrl}/api/trpc/preferences.mail.update`, { method: "POST", headers: { cookie: victim.cookie } })).status).toBe(403);
  });

  it("the confirmation page's read says what the link turns off, without a session", async () => {
    const world = await votingWorld(app);
    const token = signUnsubscribeToken(APP_SECRET, { userId: world.laborChair.user.id, scope: "digest" });
    const described = await app.anonymous.preferences.unsubscribe.get({ token });
    // Left on the recommendations, the digest carries every group with a kind digested by default.
    const digested = MAIL_GROUP_KEYS.filter((g) => Object.values(MAIL_KINDS).some((k) => k?.group === g && k.default === "DIGEST"));
    expect(described).toEqual({ scope: "digest", groups: digested.map((key) => ({ key, label: MAIL_GROUPS[key].label })), isDone: false });
    expect(digested).toEqual(expect.arrayContaining(["meetings", "drafts", "actions", "people"]));
    expect(digested).not.toContain("votes");

    // Clicked: those groups are off (votes, not in the digest, stay on), and the page says so.
    expect((await fetch(`${app.baseUrl}/unsubscribe/${token}`, { method: "POST" })).status).toBe(200);
    const after = await world.laborChair.trpc.preferences.mail.get();
    for (const group of after.groups) expect(group.choice, group.key).toBe(digested.includes(group.key) ? "OFF" : "DEFAULT");
    expect((await app.anonymous.preferences.unsubscribe.get({ token })).isDone).toBe(true);
    expect((await refusal(app.anonymous.preferences.unsubscribe.get({ token: `${token}x` }))).code).toBe("NOT_FOUND");
  });
});

// ─── supportive services ────────────────────────────────────────────────────

describe("supportive services", () => {
  it("mails the reviewers a new request (but the requesting organization's own), then the requester a decision; never the trainee", async () => {
    const world = await servicesWorld(app);
    const requestId = await makeRequest(world);
    const queued = await arrivalsAbout(requestId, 2);
    expect(recipientsOf(queued)).toEqual(emailsOf([world.reviewer, world.reviewer2]));
    for (const { mail } of queued) {
      expect(mail.subject).toBe("New request to review (Transportation)");
      for (const part of [mail.text ?? "", String(mail.html)]) {
        expect(part).not.toContain(world.trainee.name);
        expect(part).not.toContain("555-0100");
        expect(part).not.toContain("Bus pass"); // nor the justification, which may name the trainee
      }
    }
    await world.reviewer.trpc.services.request.askInfo({ requestId, note: `Please confirm ${world.trainee.name}'s start date.` });
    const [arrival, ...others] = (await arrivalsAbout(requestId, 3)).filter((a) => !queued.includes(a));
    expect(others).toEqual([]);
    expect(arrival!.to).toBe(world.cboMember.user.email.toLowerCase());
    const mail = arrival!.mail;
    expect(mail.subject).toBe("Your request (Transportation): Needs more information");
    for (const part of [mail.subject ?? "", mail.text ?? "", String(mail.html)]) {
      expect(part).not.toContain(world.trainee.name);
      expect(part).not.toContain("Traineeperson");
      expect(part).not.toContain("555-0100");
      expect(part).not.toMatch(/maria\d*@example\.test/);
      expect(part).not.toContain("start date"); // nor the reviewer's note, which may name the trainee
    }
  });
});

// ─── direct mails ───────────────────────────────────────────────────────────

describe("direct mails (effects.mail)", () => {
  const invitation = (path: string) => ({
    partnershipName: "Metro Health Training Partnership",
    invitedByName: "Lena Labor-Chair",
    roleLabel: "member",
    path,
    expiresAt: new Date(Date.now() + 7 * 24 * HOUR).toISOString(),
  });

  it("sends a committed change's mail once, to the address, without list headers", async () => {
    const marker = `/invitations/direct-${Date.now()}`;
    await inTransaction(app.server.deps, async (_tx, effects) => {
      effects.mail({ to: { email: "Invitee@Example.test", name: "New Person" }, template: "invitation", data: invitation(marker) });
    });
    const [arrival, ...others] = await arrivalsAbout(marker, 1);
    expect(others).toEqual([]);
    expect(arrival!.to).toBe("invitee@example.test");
    expect(arrival!.mail.subject).toBe("Lena Labor-Chair invited you to Metro Health Training Partnership on Jointly");
    expect(arrival!.mail.text).toContain(`${app.config.appOrigin}${marker}`);
    expect(header(arrival!.mail, "List-Unsubscribe")).toBeUndefined();
    const delivery = await app.db.mailDelivery.findFirstOrThrow({ where: { toAddress: "invitee@example.test", template: "invitation" }, orderBy: { createdAt: "desc" } });
    expect(delivery).toMatchObject({ kind: "DIRECT", status: "SENT", attempts: 1 });
  });

  it("sends nothing for a change that rolled back, and refuses bad data inside the change", async () => {
    const marker = `/invitations/rolled-back-${Date.now()}`;
    await expect(
      inTransaction(app.server.deps, async (_tx, effects) => {
        effects.mail({ to: { email: "someone@example.test" }, template: "invitation", data: invitation(marker) });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await expect(
      inTransaction(app.server.deps, async (_tx, effects) => {
        effects.mail({ to: { email: "someone@example.test" }, template: "invitation", data: invitation("https://evil.example/x") });
      }),
    ).rejects.toThrow();
    await settle(1_500);
    expect(about(marker)).toEqual([]);
  });
});

// ─── exactly once ───────────────────────────────────────────────────────────

describe("delivery exactly once", () => {
  it("a crash between commit and dispatch still mails every voter once, after the sweeper's redo", async () => {
    const world = await votingWorld(app);
    const motionId = await secondedMotion(world);
    // The process "dies" right after the commit: the dispatcher never runs.
    const crashed = { ...app.server.deps, outbox: { ...app.server.outbox, dispatch: async () => {} } };
    await openVote(crashed, { userId: world.laborChair.user.id, input: { motionId, deadline: new Date(Date.now() + HOUR) } });
    await settle(1_000);
    expect(about(motionId)).toEqual([]);
    expect(await app.db.notification.count({ where: { payload: { path: ["motionId"], equals: motionId } } })).toBe(0);

    // Two sweepers at once (two processes), then another redo: each voter still gets one mail.
    await Promise.all([app.server.outbox.sweep(0), app.server.outbox.sweep(0)]);
    await app.server.outbox.sweep(0);
    const mails = await arrivalsAbout(motionId, world.voters.length);
    expect(recipientsOf(mails)).toEqual(emailsOf(world.voters));
    await app.server.outbox.sweep(0);
    await settle(1_500);
    expect(about(motionId)).toHaveLength(world.voters.length);
    expect((await deliveriesAbout(motionId)).map((d) => [d.status, d.attempts])).toEqual(world.voters.map(() => ["SENT", 1]));
  });

  it("a redo of a sent mail's job sends nothing; a 'sending' claim is left alone while fresh and sent again once stale", async () => {
    const world = await votingWorld(app);
    const motionId = await openMotion(world);
    await arrivalsAbout(motionId, world.voters.length);
    const [sent] = await deliveriesAbout(motionId);
    const [item] = await app.db.mailDeliveryItem.findMany({ where: { deliveryId: sent!.id } });
    // The job runs again (a worker retried it): the delivery row says SENT, nothing goes out.
    await app.server.jobHandlers["mail:notification"]({ notificationId: item!.notificationId });
    await settle(500);
    expect(about(motionId)).toHaveLength(world.voters.length);

    // A process claimed it and died mid-send: while the claim is fresh, another attempt waits…
    await app.db.mailDelivery.update({ where: { id: sent!.id }, data: { status: "SENDING", sentAt: null, claimedAt: new Date(Date.now() - 60_000) } });
    await expect(app.server.jobHandlers["mail:notification"]({ notificationId: item!.notificationId })).rejects.toThrow(/another attempt/);
    // …and once it is stale, the mail is sent again, once (the at-least-once edge of decision 0009).
    await app.db.mailDelivery.update({ where: { id: sent!.id }, data: { claimedAt: new Date(Date.now() - 20 * 60_000) } });
    await app.server.jobHandlers["mail:notification"]({ notificationId: item!.notificationId });
    await app.server.jobHandlers["mail:notification"]({ notificationId: item!.notificationId });
    expect(about(motionId)).toHaveLength(world.voters.length + 1);
    expect(await app.db.mailDelivery.findUniqueOrThrow({ where: { id: sent!.id } })).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("an SMTP failure is retried with backoff, then the mail arrives once", async () => {
    const world: VotingWorld = await votingWorld(app);
    smtp.refuse(1);
    const motionId = await openMotion(world);
    const mails = await arrivalsAbout(motionId, world.voters.length, { timeoutMs: 30_000 });
    expect(recipientsOf(mails)).toEqual(emailsOf(world.voters));
    const deliveries = await deliveriesAbout(motionId);
    expect(deliveries.every((d) => d.status === "SENT")).toBe(true);
    const retried = deliveries.filter((d) => d.attempts === 2);
    expect(retried).toHaveLength(1);
    expect(deliveries.filter((d) => d.attempts === 1)).toHaveLength(world.voters.length - 1);
    // graphile-worker's backoff: e^1 ≈ 2.7 s after the first failure.
    expect(retried[0]!.sentAt!.getTime() - retried[0]!.createdAt.getTime()).toBeGreaterThan(2_000);
  }, 45_000);
});
