// The meeting room as the place where the meeting happens (issue 14): three people in browsers of their
// own follow a live meeting; a motion on the current item is moved, seconded, opened, voted and closed
// inside the room, the ballot appearing for each voter the moment the vote opens; the result shows in
// the room and lands in the item's decisions. On a phone the current item and the ballot are the first
// screen. The room is axe clean.
import type { BrowserContext, Page } from "@playwright/test";
import { demoPartnershipId, expect, expectAxeClean, screenshot, signIn, test } from "./fixtures";
import { liveMeeting } from "./room-support";

const DENISE = "denise.carter@demo.jointly.test"; // labor co-chair
const MARCUS = "marcus.lee@demo.jointly.test"; // management co-chair
const LUIS = "luis.ortega@demo.jointly.test"; // labor member

const LIVE = { timeout: 10_000 };

async function pageFor(newContext: (o?: object) => Promise<BrowserContext>, email: string, options?: object): Promise<Page> {
  const context = await newContext(options);
  await signIn(context, email);
  return context.newPage();
}

const motions = (page: Page) => page.getByTestId("room-motions");
const ballot = (page: Page) => motions(page).getByRole("region", { name: "Your ballot" });

async function vote(page: Page, choice: "Yes" | "No" | "Abstain") {
  await ballot(page).getByRole("radio", { name: choice, exact: true }).check();
  await ballot(page).getByRole("button", { name: "Cast my vote" }).click();
  await expect(ballot(page).getByRole("status")).toContainText(`Your vote ${choice} is recorded.`);
}

test("a motion is moved, seconded, voted and recorded inside the live room", async ({ page, context, newContext, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  await signIn(context, DENISE);
  const partnershipId = await demoPartnershipId(page);
  const title = `Room vote ${testInfo.workerIndex}-${Date.now().toString(36)}`;
  const meeting = await liveMeeting(context, baseURL!, partnershipId, title, [
    { title: "Welding lab budget", minutes: 20 },
    { title: "Outreach", minutes: 10 },
  ]);
  const luis = await pageFor(newContext, LUIS);
  const marcus = await pageFor(newContext, MARCUS);
  for (const p of [page, luis, marcus]) await p.goto(meeting.path);
  for (const p of [page, luis, marcus]) {
    await expect(p.getByTestId("current-item")).toContainText("Welding lab budget");
    await expect(motions(p)).toContainText("No motion on this item yet.");
  }
  // Everyone's socket is in the meeting's room before anything happens.
  await expect(page.getByText("Viewing now:").locator("..")).toContainText("Luis Ortega", LIVE);
  await expect(page.getByText("Viewing now:").locator("..")).toContainText("Marcus Lee", LIVE);

  // ── Luis moves a motion on the current item, without leaving the room.
  const text = `I move that the welding lab budget of $40,000 be adopted (e2e ${Date.now().toString(36)}).`;
  await motions(luis).getByRole("button", { name: "Move a motion on this item" }).click();
  const form = luis.getByRole("form", { name: "Move a motion on this item" });
  await form.getByLabel("Motion", { exact: true }).fill(text);
  await form.getByLabel("How members vote").selectOption({ label: "Roll call (everyone sees who voted what)" });
  await form.getByLabel("Decision rule").selectOption({ label: "Dual majority (each side)" });
  await form.getByLabel("Require a quorum").uncheck();
  await form.getByRole("button", { name: "Move the motion" }).click();
  for (const p of [luis, marcus, page]) {
    await expect(motions(p).getByTestId("room-motion-text")).toHaveText(text, LIVE);
    await expect(motions(p).getByRole("status").filter({ hasText: "Status:" })).toHaveText("Status: Needs a second", LIVE);
  }
  expect(new URL(luis.url()).pathname).toBe(meeting.path);

  // ── Marcus (management) seconds it across the table; Denise opens the vote from the room.
  await motions(marcus).getByRole("button", { name: "Second the motion" }).click();
  await expect(motions(page).getByRole("status").filter({ hasText: "Status:" })).toHaveText("Status: Seconded, ready to open", LIVE);
  await motions(page).getByRole("button", { name: "Open the vote" }).click();

  // ── The ballot appears for every voter at once, without a reload.
  for (const p of [page, luis, marcus]) await expect(ballot(p).getByRole("radio", { name: "Yes", exact: true })).toBeVisible(LIVE);
  await vote(luis, "Yes");
  await vote(marcus, "Yes");
  await vote(page, "No");
  const tally = (p: Page) => motions(p).getByRole("region", { name: "Live tally" }).getByTestId("tally-cast");
  for (const p of [page, luis, marcus]) await expect(tally(p)).toContainText(/^\s*3 of \d+ ballots cast/, LIVE);
  await screenshot(page, "room-vote-open");
  await expectAxeClean(page);

  // ── Denise closes the vote; the result is in the room for everyone and in the item's decisions.
  await motions(page).getByRole("button", { name: "Close the vote…" }).click();
  await motions(page).getByRole("button", { name: "Yes, close the vote" }).click();
  for (const p of [page, luis, marcus]) {
    await expect(motions(p).getByTestId("vote-outcome")).toContainText("Deadlocked", LIVE);
    await expect(p.getByTestId("decisions").first()).toContainText(`Motion: ${text}`, LIVE);
  }
  expect(new URL(marcus.url()).pathname).toBe(meeting.path);
  await screenshot(luis, "room-vote-result");
});
