// A vote's "vote open" mail waits VOTE_MAIL_DELAY_SECONDS (2 s here, two minutes by default) and then
// goes only to those the vote still waits for: whoever voted in the meantime (in the room, usually), or
// every voter of a vote that closed, gets no mail. The bell keeps the notification either way.
// Through the real SMTP server and the app's job queue.
import { afterAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "../support/smtp.js";
import { startTestApp } from "../support/test-app.js";
import { eventually, openMotion, settle, votingWorld } from "../support/voting-helpers.js";

const DELAY_SECONDS = 2;
const smtp = await startSmtpServer();
const app = await startTestApp({ env: { SMTP_URL: smtp.url, APP_SECRET: "vote-delay-secret-0123456789-abcdefghijk", VOTE_MAIL_DELAY_SECONDS: String(DELAY_SECONDS) } });
afterAll(async () => {
  await app.close();
  await smtp.close();
});

const about = (motionId: string) => smtp.arrivals.filter((a) => Boolean(a.mail.text?.includes(motionId)));

/** Until the queue holds no notification mail job (each one ran, sent or not). */
async function mailJobsDone() {
  await eventually(
    async () => {
      const [row] = await app.db.$queryRaw<Array<{ count: bigint }>>`SELECT count(*) AS count FROM graphile_worker.jobs WHERE task_identifier = 'mail:notification'`;
      return row!.count === 0n;
    },
    { timeoutMs: 15_000, what: "every notification mail job to run" },
  );
}

describe("the vote-open mail waits, then goes only to those who have not voted", () => {
  it("sends nothing at first; then mails the voters still to vote, not the one who voted at once", async () => {
    const world = await votingWorld(app, { votersPerSide: 2 });
    const opened = Date.now();
    const motionId = await openMotion(world);
    await world.laborMember.trpc.voting.ballot.cast({ motionId, choice: "YES" });

    await settle(1_000);
    expect(about(motionId)).toEqual([]);

    const waiting = world.voters.filter((v) => v !== world.laborMember);
    const mails = await smtp.wait((a) => Boolean(a.mail.text?.includes(motionId)), waiting.length);
    expect(Date.now() - opened).toBeGreaterThanOrEqual(DELAY_SECONDS * 1000);
    await mailJobsDone();
    expect(about(motionId).map((a) => a.to).sort()).toEqual(waiting.map((v) => v.user.email.toLowerCase()).sort());
    expect(mails.every((a) => a.mail.subject?.startsWith("Vote open:"))).toBe(true);
    // The bell still says the vote opened.
    expect((await world.laborMember.trpc.notifications.list({})).items.map((n) => n.kind)).toContain("vote.opened");
  });

  it("sends no mail at all about a vote that closed before its mails were due", async () => {
    const world = await votingWorld(app);
    const motionId = await openMotion(world);
    await world.laborChair.trpc.voting.motion.close({ motionId });
    await settle(DELAY_SECONDS * 1000);
    await mailJobsDone();
    expect(about(motionId)).toEqual([]);
  });
});
