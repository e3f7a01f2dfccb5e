// Meetings, live and jointly chaired (issue 3): the labor co-chair and the management co-chair, each in
// a browser of their own, build and approve a new meeting's agenda and see each other's approvals, the
// publication and the reset after an edit without reloading; the chair starts the meeting and sees a
// member's raised hand at once. And the printable minutes of the seeded past meeting.
import { readFile } from "node:fs/promises";
import type { BrowserContext, Page } from "@playwright/test";
import { DEMO_PARTNERSHIP, demoPartnershipId, expect, expectAxeClean, screenshot, signIn, test } from "./fixtures";

const DENISE = { name: "Denise Carter", email: "denise.carter@demo.jointly.test" };
const MARCUS = { name: "Marcus Lee", email: "marcus.lee@demo.jointly.test" };
const LUIS = { name: "Luis Ortega", email: "luis.ortega@demo.jointly.test" };

/** Live updates arrive over socket.io; on two shared cores give them a few seconds. */
const LIVE = { timeout: 10_000 };

async function pageFor(newContext: () => Promise<BrowserContext>, email: string): Promise<Page> {
  const context = await newContext();
  await signIn(context, email);
  return context.newPage();
}

/** Marks the document: the mark survives only while the page is not reloaded. */
async function markNoReload(page: Page) {
  await page.evaluate(() => Object.assign(window, { __e2eNoReload: true }));
}
async function expectNoReload(page: Page) {
  expect(await page.evaluate(() => (window as { __e2eNoReload?: boolean }).__e2eNoReload), "the page was reloaded").toBe(true);
}

/** "YYYY-MM-DDTHH:mm", `days` from now at 10:00, for a datetime-local field. */
function localDateTime(days: number): string {
  const d = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return `${d.toISOString().slice(0, 10)}T10:00`;
}

async function addItem(page: Page, title: string, minutes: number) {
  const form = page.getByRole("form", { name: "Propose an agenda item" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Time box (minutes)").fill(String(minutes));
  await form.getByRole("button", { name: "Add to agenda" }).click();
  await expect(form.getByRole("status")).toHaveText("Added to the agenda. Both co-chairs approve the new version.");
  await expect(page.getByRole("list", { name: "Agenda items" }).getByRole("heading", { level: 3, name: title })).toBeVisible();
}

test("both co-chairs approve the agenda live, an edit clears it, and the chair sees a raised hand at once", async ({ page, context, newContext }, testInfo) => {
  test.setTimeout(90_000);
  // ── Denise, the labor co-chair, schedules a meeting of the partnership itself.
  await signIn(context, DENISE.email);
  const partnershipId = await demoPartnershipId(page);
  await page.goto(`/p/${partnershipId}/meetings`);
  const title = `Joint board meeting ${testInfo.workerIndex}-${testInfo.repeatEachIndex}-${Date.now().toString(36)}`;
  const scheduleForm = page.getByRole("form", { name: "Schedule a meeting" });
  await scheduleForm.getByLabel("Body").selectOption({ label: DEMO_PARTNERSHIP });
  await scheduleForm.getByLabel("Title").fill(title);
  await scheduleForm.getByLabel("Starts").fill(localDateTime(21));
  await scheduleForm.getByLabel("Time zone").selectOption({ label: "Eastern (New York)" });
  await scheduleForm.getByLabel("Location").fill("Union hall, room 2");
  await scheduleForm.getByRole("button", { name: "Schedule meeting" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${partnershipId}/meetings/[^/]+$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const meetingPath = new URL(page.url()).pathname;

  // ── The agenda gets two items (a co-chair's items go straight onto it).
  await addItem(page, "Budget for the welding lab", 20);
  await addItem(page, "Pre-apprenticeship outreach with the CBOs", 15);
  const deniseApproval = page.getByTestId("agenda-approval");
  await expect(deniseApproval.getByRole("status")).toContainText("Draft agenda — waiting for approval from the labor co-chair and the management co-chair");

  // ── Marcus, the management co-chair, opens the same meeting in his own browser.
  const marcus = await pageFor(newContext, MARCUS.email);
  await marcus.goto(meetingPath);
  await expect(marcus.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const marcusAgenda = marcus.getByRole("list", { name: "Agenda items" });
  await expect(marcusAgenda.getByRole("heading", { level: 3 })).toHaveText([/Budget for the welding lab/, /Pre-apprenticeship outreach with the CBOs/]);
  const marcusApproval = marcus.getByTestId("agenda-approval");
  await expect(marcusApproval.getByRole("status")).toContainText("waiting for approval from the labor co-chair and the management co-chair");
  // Each sees the other viewing the meeting (presence), which also proves both sockets joined the room.
  await expect(marcus.getByText("Viewing now:").locator("..")).toContainText(DENISE.name, LIVE);
  await expect(page.getByText("Viewing now:").locator("..")).toContainText(MARCUS.name, LIVE);
  await markNoReload(marcus);
  await markNoReload(page);

  // ── Denise approves; Marcus's screen shows it without a reload.
  const approveButton = (p: Page) => p.getByRole("button", { name: /^Approve agenda \(version \d+\)$/ });
  const versionText = await approveButton(page).textContent();
  const version = Number(versionText?.match(/version (\d+)/)?.[1]);
  expect(version).toBeGreaterThan(0);
  await approveButton(page).click();
  await expect(deniseApproval).toContainText(`You approved version ${version} for the labor side.`);
  await expect(marcusApproval.getByRole("listitem").filter({ hasText: "labor co-chair" })).toContainText(
    `${DENISE.name}, labor co-chair, approved version ${version} on`,
    LIVE,
  );
  await expect(marcusApproval.getByRole("status")).toContainText("Draft agenda — waiting for approval from the management co-chair", LIVE);
  await expect(marcusApproval.getByRole("listitem").filter({ hasText: "management co-chair" })).toContainText(`Waiting for the management co-chair (version ${version})`);
  await screenshot(marcus, "marcus-sees-labor-approval");

  // ── Marcus approves: both see the agenda published.
  await approveButton(marcus).click();
  const published = `Agenda approved by both co-chairs (version ${version})`;
  await expect(marcusApproval.getByRole("status")).toHaveText(published, LIVE);
  await expect(deniseApproval.getByRole("status")).toHaveText(published, LIVE);
  await expect(deniseApproval.getByRole("listitem").filter({ hasText: "management co-chair" })).toContainText(
    `${MARCUS.name}, management co-chair, approved version ${version} on`,
  );
  await screenshot(page, "denise-agenda-published");

  // ── Denise edits an item of the approved agenda: both approvals clear on Marcus's screen, live.
  const agenda = page.getByRole("list", { name: "Agenda items" });
  await agenda.getByRole("button", { name: "Edit Budget for the welding lab" }).click();
  const editForm = page.getByRole("form", { name: "Edit “Budget for the welding lab”" });
  await editForm.getByLabel("Title").fill("Budget for the welding lab and fume extraction");
  await editForm.getByLabel("Time box (minutes)").fill("25");
  await editForm.getByRole("button", { name: "Save changes" }).click();
  await expect(editForm).toHaveCount(0);
  const next = version + 1;
  await expect(marcusAgenda.getByRole("heading", { level: 3 }).first()).toHaveText(/Budget for the welding lab and fume extraction/, LIVE);
  const marcusStatus = marcusApproval.getByRole("status");
  await expect(marcusStatus).toContainText("Draft agenda — waiting for approval from the labor co-chair and the management co-chair", LIVE);
  // Not "now version N": each co-chair is told what changed since they approved, item by item.
  const marcusChanges = marcusApproval.getByTestId("agenda-changes");
  await expect(marcusChanges).toContainText("The agenda changed since you approved it");
  await expect(marcusChanges).toContainText(`The agenda changed since ${DENISE.name}, labor co-chair, approved it`);
  await expect(marcusChanges.getByRole("listitem")).toHaveText([
    "Renamed: “Budget for the welding lab” is now “Budget for the welding lab and fume extraction”",
    "Time box of “Budget for the welding lab and fume extraction”: 25 min (was 20 min)",
    "Renamed: “Budget for the welding lab” is now “Budget for the welding lab and fume extraction”",
    "Time box of “Budget for the welding lab and fume extraction”: 25 min (was 20 min)",
  ]);
  await expect(marcusStatus).toContainText("The labor co-chair and the management co-chair must approve again.");
  await expect(marcusStatus).not.toContainText(`version ${next}`);
  const waitingFor = marcusApproval.getByRole("listitem").filter({ hasText: "Waiting for" });
  await expect(waitingFor).toHaveCount(2);
  await expect(waitingFor.first()).toContainText(`Waiting for the labor co-chair (version ${next})`);
  await expect(waitingFor.last()).toContainText(`Waiting for the management co-chair (version ${next})`);
  await expect(approveButton(marcus)).toHaveText(`Approve agenda (version ${next})`);
  await expect(marcusApproval.getByText(/^Earlier approvals \(2\)$/)).toBeVisible();
  await expect(deniseApproval.getByTestId("agenda-changes").locator("p").first()).toContainText("The agenda changed since you approved it");
  await screenshot(marcus, "marcus-sees-approvals-cleared");

  // ── Denise starts the meeting; Marcus sees it in session.
  const deniseLive = page.getByRole("region", { name: "Meeting", exact: true });
  await deniseLive.getByRole("button", { name: "Start meeting" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Status:" })).toHaveText("Status: In session");
  await expect(marcus.getByRole("status").filter({ hasText: "Status:" })).toHaveText("Status: In session", LIVE);
  const deniseQueue = page.getByRole("region", { name: "Speakers’ queue" });
  await expect(deniseQueue.getByText("No hands raised.")).toBeVisible();

  // ── Luis, a labor member, raises his hand in his own browser; the chair sees him at once.
  const luis = await pageFor(newContext, LUIS.email);
  await luis.goto(meetingPath);
  const luisQueue = luis.getByRole("region", { name: "Speakers’ queue" });
  await expect(luis.getByRole("status").filter({ hasText: "Status:" })).toHaveText("Status: In session");
  await expect(page.getByText("Viewing now:").locator("..")).toContainText(LUIS.name, LIVE);
  // Raising a hand is under the current item ("Your part"), where a phone shows it first, and only
  // there: the queue shows where he stands, never a second button for the same thing.
  const luisPart = luis.getByTestId("your-part");
  await expect(luisQueue.getByRole("button")).toHaveCount(0);
  await expect(luis.getByRole("button", { name: "Check in" })).toHaveCount(1);
  await expect(luis.getByRole("button", { name: "Raise hand" })).toHaveCount(1);
  await luisPart.getByRole("button", { name: "Raise hand" }).click();
  await expect(luisPart.getByRole("button", { name: "Lower hand" })).toBeVisible();
  await expect(luisQueue.getByRole("list", { name: "Waiting speakers" }).getByRole("listitem")).toContainText(/Luis Ortega\s*\(you\)/, LIVE);
  await expect(luisQueue.getByRole("button")).toHaveCount(0);
  await expect(luis.getByRole("button", { name: /^(Raise|Lower) hand$/ })).toHaveCount(1);
  const waiting = deniseQueue.getByRole("list", { name: "Waiting speakers" });
  await expect(waiting.getByRole("listitem")).toHaveCount(1, LIVE);
  await expect(waiting.getByRole("listitem")).toContainText(LUIS.name);
  await expect(waiting.getByRole("listitem")).toContainText("Labor");
  await expect(deniseQueue.getByRole("heading", { name: /Waiting \(1\)/ })).toContainText("labor 1 · management 0");
  await expect(marcus.getByRole("list", { name: "Waiting speakers" }).getByRole("listitem")).toContainText(LUIS.name, LIVE);
  await screenshot(page, "chair-sees-raised-hand");

  // The chair gives him the floor; Luis sees it on his screen.
  await deniseQueue.getByRole("button", { name: "Call next speaker" }).click();
  await expect(luisPart.getByText("You have the floor.")).toBeVisible(LIVE);
  await expect(luisQueue.getByTestId("now-speaking")).toContainText(/Now speaking:\s*Luis Ortega\s*\(you\)/);
  await expect(marcus.getByTestId("now-speaking")).toContainText(LUIS.name, LIVE);
  await screenshot(luis, "luis-has-the-floor");

  await expectNoReload(marcus);
  await expectNoReload(page);
});

test("the printable minutes of the seeded past meeting show the approved minutes", async ({ page, context }) => {
  // Luis co-chairs the JATC, whose past meeting has approved minutes (server/fixtures/demo.ts).
  await signIn(context, LUIS.email);
  const partnershipId = await demoPartnershipId(page);
  await page.goto(`/p/${partnershipId}/meetings`);
  const past = page.getByRole("region", { name: "Past meetings" });
  const seeded = past.getByRole("listitem").filter({ hasText: "Minutes approved" }).filter({ has: page.getByRole("link", { name: "JATC monthly meeting" }) });
  await seeded.first().getByRole("link", { name: "JATC monthly meeting" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "JATC monthly meeting" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Status:" })).toHaveText("Status: Adjourned");
  // The header has the link, and so does the minutes section of an adjourned meeting.
  await page.getByRole("link", { name: "Printable minutes" }).first().click();

  await expect(page).toHaveURL(/\/meetings\/[^/]+\/minutes$/);
  await expect(page.getByRole("heading", { level: 1, name: "Minutes: JATC monthly meeting" })).toBeVisible();
  const minutes = page.getByRole("article");
  // The start in the meeting's own time zone (America/Chicago), with the zone's name: the Time component's time-zone path.
  const when = minutes.getByRole("paragraph").filter({ hasText: "Lakeshore Community College" });
  await expect(when.locator("time")).toHaveText(/^[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M C[SD]T$/);
  await expect(when).toContainText("(America/Chicago) · Lakeshore Community College");
  await expect(minutes.getByText(/^Approved by both co-chairs on [A-Z][a-z]{2} \d{1,2}, \d{4}\.$/)).toBeVisible();
  await expect(page.getByText("DRAFT: not yet approved")).toHaveCount(0);
  await expect(minutes.getByRole("heading", { level: 3 })).toHaveText([
    /^1\. Apprentice progress report \(Information, Grace Whitfield\)$/,
    /^2\. Mentor training schedule \(Discussion, Tom Kowalski\)$/,
    /^3\. Wage progression for second-year apprentices \(Decision, Karen Mitchell\)$/,
  ]);
  await expect(page.getByText("Twelve IMT apprentices are on track")).toBeVisible();
  await expect(page.getByText(/^Decision: Second-year apprentices move to the next wage step at 2,000 OJL hours\. Quorum met/)).toBeVisible();
  await expect(page.getByText(/^Action: Publish the revised mentor training calendar: Tom Kowalski, due [A-Z][a-z]{2} \d{1,2}, \d{4} \(open\)$/)).toBeVisible();
  // The whole roll, each with their attendance: the chairs present, a late arrival marked.
  const roll = minutes.getByRole("table", { name: /Everyone seated on/ });
  await expect(roll.getByRole("row", { name: /^Luis Ortega .* Labor Co-chair present$/ })).toBeVisible();
  await expect(roll.getByRole("row", { name: /^Karen Mitchell .* Management Co-chair present$/ })).toBeVisible();
  await expect(roll.getByRole("row", { name: /^Julia Novak .* arrived late$/ })).toBeVisible();
  await expect(minutes.getByText(/^Labor co-chair: Luis Ortega, approved [A-Z][a-z]{2} \d{1,2}, \d{4}$/)).toBeVisible();
  await expect(minutes.getByText(/^Management co-chair: Karen Mitchell, approved [A-Z][a-z]{2} \d{1,2}, \d{4}$/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await expectAxeClean(page);
  await screenshot(page, "printable-minutes");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAxeClean(page);
  await screenshot(page, "printable-minutes-phone");

  // The PDF the server prints: its text holds the same record, with the stamp and page numbers.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^minutes-\d{4}-\d{2}-\d{2}-jatc-monthly-meeting\.pdf$/);
  const { extractText, getDocumentProxy } = await import("unpdf");
  const pdf = await extractText(await getDocumentProxy(new Uint8Array(await readFile((await download.path())!))), { mergePages: true });
  const text = pdf.text.replace(/\s+/g, " ").replace(/- /g, "-");
  expect(text).toContain(DEMO_PARTNERSHIP);
  expect(text).toMatch(/Approved on [A-Z][a-z]{2} \d{1,2}, \d{4} by Luis Ortega \(labor co-chair\) and Karen Mitchell \(management co-chair\)/);
  expect(text).toMatch(/Luis Ortega .{0,80}Labor Co-chair present/);
  expect(text).toMatch(/Julia Novak .{0,80}arrived late/);
  expect(text).toContain("Second-year apprentices move to the next wage step at 2,000 OJL hours.");
  expect(text).toContain(`Page 1 of ${pdf.totalPages}`);
});
