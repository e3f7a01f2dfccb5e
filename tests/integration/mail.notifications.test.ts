// The notifications issue 11 added, each through its domain's use case and mailed (by default at once)
// through a real SMTP server: an agenda or minutes waiting for *your* approval (the other side's
// co-chair, once per version; nothing to anyone else), an action item due soon (the daily job, once per
// item), a reply to your comment (not to the replier, and not twice to someone the reply mentions).
// A new request in the reviewers' queue is in mail.test.ts (with the services privacy checks).
import { afterAll, describe, expect, it } from "vitest";
import { draftInReview, draftWorld } from "../support/drafts-helpers.js";
import { liveMeeting, meetingOf, meetingWorld, notificationsOf } from "../support/meetings-helpers.js";
import { startSmtpServer } from "../support/smtp.js";
import { startTestApp } from "../support/test-app.js";
import { settle } from "../support/voting-helpers.js";

const smtp = await startSmtpServer();
const app = await startTestApp({ env: { SMTP_URL: smtp.url, APP_SECRET: "notifications-mail-secret-0123456789-abcdef" } });
afterAll(async () => {
  await app.close();
  await smtp.close();
});

const DAY = 24 * 60 * 60_000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

describe("an agenda waiting for your approval", () => {
  it("mails the other side's co-chair once when one co-chair approved a version, and nobody else; publishing sends no such mail", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world, { items: 2, title: `Agenda meeting ${Date.now()}` });
    await world.laborChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: meeting.agendaVersion });
    const mails = await smtp.wait((a) => a.mail.subject === `Agenda waiting for your approval: ${meeting.title}`, 1);
    expect(mails.map((m) => m.to)).toEqual([world.managementChair.user.email]);
    expect(mails[0]!.mail.text).toContain(`${app.config.appOrigin}/p/${world.partnership.id}/meetings/${meeting.id}`);
    expect(mails[0]!.mail.text).toContain(world.laborChair.name);

    const { published } = await world.managementChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: meeting.agendaVersion });
    expect(published).toBe(true);
    await settle(2_000);
    // Only ever the one "waiting" mail, and "published" goes to the digest by default (nothing at once).
    expect(smtp.about(meeting.id).map((a) => a.mail.subject)).toEqual([`Agenda waiting for your approval: ${meeting.title}`]);
    expect(await notificationsOf(app.db, world.laborChair.user.id, "agenda.awaitingApproval")).toEqual([]);
    // One "published" notice per seated person, not one per approval.
    for (const who of world.seated) expect(await notificationsOf(app.db, who.user.id, "agenda.published")).toHaveLength(1);
  });
});

describe("minutes waiting for your approval", () => {
  it("mails the other side's co-chair once when one co-chair approved the adjourned meeting's minutes", async () => {
    const world = await meetingWorld(app);
    const { meeting, items } = await liveMeeting(app, world, { items: 1 });
    await world.laborChair.trpc.meetings.minutes.save({ itemId: items[0]!.id, text: "Agreed to pilot the welding course.", baseRevision: 0 });
    await world.laborChair.trpc.meetings.meeting.adjourn({ meetingId: meeting.id });
    await world.managementChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: 1 });
    const mails = await smtp.wait((a) => a.mail.subject === `Minutes waiting for your approval: ${meeting.title}`, 1);
    expect(mails.map((m) => m.to)).toEqual([world.laborChair.user.email]);
    expect(mails[0]!.mail.text).toContain(`/meetings/${meeting.id}/minutes`);
    await world.laborChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: 1 });
    await settle(2_000);
    expect(smtp.about(meeting.id).filter((a) => a.mail.subject?.startsWith("Minutes waiting"))).toHaveLength(1);
  });
});

describe("action items due soon", () => {
  it("the daily job mails each open item's owner once, when it is due within two days and was assigned at least a day ago", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await liveMeeting(app, world, { items: 1 });
    const create = async (text: string, dueDate: string, owner = world.laborMember) =>
      (await world.laborChair.trpc.meetings.action.create({ meetingId: meeting.id, agendaItemId: null, text, ownerMembershipId: owner.membershipId, dueDate })).id;
    const soon = await create(`Order the safety glasses ${Date.now()}`, dateIn(1));
    const later = await create(`Book the hall ${Date.now()}`, dateIn(6));
    const done = await create(`Send the minutes ${Date.now()}`, dateIn(1), world.managementMember);
    const fresh = await create(`Call the college ${Date.now()}`, dateIn(1), world.neutralMember);
    await app.db.actionItem.updateMany({ where: { id: { in: [soon, later, done] } }, data: { createdAt: new Date(Date.now() - 3 * DAY) } });
    await app.db.actionItem.update({ where: { id: done }, data: { status: "DONE" } });
    void fresh; // assigned just now: its assignment mail said the date

    await app.server.jobHandlers["meetings:actionsDue"]({});
    await app.server.jobHandlers["meetings:actionsDue"]({}); // a second run (a retry, another process) reminds nobody twice
    const mails = await smtp.wait((a) => Boolean(a.mail.subject?.startsWith("Due soon:")) && Boolean(a.mail.text?.includes(meeting.id)), 1);
    expect(mails.map((m) => [m.to, m.mail.subject])).toEqual([[world.laborMember.user.email, expect.stringContaining("Order the safety glasses")]]);
    expect(await app.db.actionItem.count({ where: { meetingId: meeting.id, dueReminderAt: { not: null } } })).toBe(1);
  });
});

describe("a reply to your comment", () => {
  it("mails the comment's author (not the replier), and someone the reply mentions gets the mention only", async () => {
    const world = await draftWorld(app);
    const { draft } = await draftInReview(world);
    const { id } = await world.reviewer1.trpc.drafts.comment.add({ draftId: draft.id, body: "Do we still teach manual milling?" });
    await world.editor.trpc.drafts.comment.reply({ commentId: id, body: "Yes, in module 2." });
    const replied = `${world.editor.name} replied to you on ${draft.title}`;
    const mails = await smtp.wait((a) => a.mail.subject === replied, 1);
    expect(mails.map((m) => m.to)).toEqual([world.reviewer1.user.email]);
    expect(mails[0]!.mail.text).toContain("Yes, in module 2.");

    // A reply that mentions the author: one mail, the mention's.
    await world.laborMember.trpc.drafts.comment.reply({ commentId: id, body: `@${world.reviewer1.name} module 3 too.` });
    const mentioned = `${world.laborMember.name} mentioned you on ${draft.title}`;
    await smtp.wait((a) => a.mail.subject === mentioned, 1);
    expect(smtp.to(world.reviewer1.user.email).filter((a) => a.mail.subject?.includes(world.laborMember.name))).toHaveLength(1);
    expect(smtp.to(world.editor.user.email).filter((a) => a.mail.subject?.includes("replied"))).toEqual([]);
  });
});
