// "What needs me" (issue 11): Marcus Lee, the management co-chair, keeps his home page open while Denise
// Carter schedules a meeting and approves its agenda; the agenda arrives on his home page live (and on
// the partnership's Meetings tab count), one click from the meeting, where he approves it; back home it
// is gone. The list passes axe's WCAG 2 A/AA checks and is screenshot at desktop and 390 px. Other specs
// share the server: this one only adds a meeting of its own.
import { DEMO_PARTNERSHIP, demoPartnershipId, expect, expectAxeClean, fromOwnAddress, LABOR_CO_CHAIR, MANAGEMENT_CO_CHAIR, screenshot, signIn, test } from "./fixtures";

const LIVE = { timeout: 15_000 };

function localDateTime(days: number): string {
  const d = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return `${d.toISOString().slice(0, 10)}T10:00`;
}

test("an agenda waiting for the management co-chair appears on his home page live and leaves it once he approves", async ({ page, context, newContext }, testInfo) => {
  test.setTimeout(120_000);
  // Marcus's home page is open, and live, before anything happens.
  const marcusContext = await newContext(fromOwnAddress());
  await signIn(marcusContext, MANAGEMENT_CO_CHAIR.email);
  const marcus = await marcusContext.newPage();
  await marcus.goto("/");
  const waiting = marcus.getByRole("region", { name: /^Waiting for you/ });
  await expect(waiting.getByText("Live", { exact: true })).toBeVisible(LIVE);

  // Denise schedules a meeting of the partnership with one item, and approves its agenda.
  await signIn(context, LABOR_CO_CHAIR.email);
  const partnershipId = await demoPartnershipId(page);
  await page.goto(`/p/${partnershipId}/meetings`);
  const title = `Home page board meeting ${testInfo.workerIndex}-${Date.now().toString(36)}`;
  const scheduleForm = page.getByRole("form", { name: "Schedule a meeting" });
  await scheduleForm.getByLabel("Body").selectOption({ label: DEMO_PARTNERSHIP });
  await scheduleForm.getByLabel("Title").fill(title);
  await scheduleForm.getByLabel("Starts").fill(localDateTime(20));
  await scheduleForm.getByLabel("Time zone").selectOption({ label: "Eastern (New York)" });
  await scheduleForm.getByLabel("Location").fill("Union hall, room 2");
  await scheduleForm.getByRole("button", { name: "Schedule meeting" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const itemForm = page.getByRole("form", { name: "Propose an agenda item" });
  await itemForm.getByLabel("Title").fill("Apprentice wage review");
  await itemForm.getByLabel("Time box (minutes)").fill("20");
  await itemForm.getByRole("button", { name: "Add to agenda" }).click();
  await expect(itemForm.getByRole("status")).toHaveText("Added to the agenda. Both co-chairs approve the new version.");
  await page.getByRole("button", { name: /^Approve agenda \(version \d+\)$/ }).click();
  await expect(page.getByTestId("agenda-approval")).toContainText("You approved version");

  // Marcus's home page shows it without a reload: the other side approved, he has not.
  const agendas = waiting.getByRole("region", { name: /^Agendas to approve/ });
  const row = agendas.getByRole("listitem").filter({ hasText: title });
  await expect(row).toBeVisible(LIVE);
  await expect(row).toContainText("The other side approved");
  await expect(marcus.getByRole("link", { name: DEMO_PARTNERSHIP })).toContainText("waiting for you");
  await expectAxeClean(marcus, 'section[aria-labelledby="waiting-for-you-heading"]');
  await screenshot(marcus, "home-waiting-desktop");
  await marcus.setViewportSize({ width: 390, height: 844 });
  await screenshot(marcus, "home-waiting-390");
  await marcus.setViewportSize({ width: 1280, height: 800 });

  // One click to the meeting; the partnership's Meetings tab counts what waits there.
  await row.getByRole("link").click();
  await expect(marcus.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(marcus.getByTestId("tab-count-meetings")).toBeVisible(LIVE);
  const before = Number((await marcus.getByTestId("tab-count-meetings").textContent())?.match(/\d+/)?.[0]);
  await marcus.getByRole("button", { name: /^Approve agenda \(version \d+\)$/ }).click();
  await expect(marcus.getByTestId("agenda-approval").getByRole("status")).toContainText("Agenda approved by both co-chairs", LIVE);
  if (before > 1) await expect(marcus.getByTestId("tab-count-meetings")).toContainText(String(before - 1), LIVE);
  else await expect(marcus.getByTestId("tab-count-meetings")).toHaveCount(0, LIVE);

  // Back home: the agenda no longer waits for him.
  await marcus.goto("/");
  await expect(waiting).toBeVisible();
  await expect(waiting.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);
});

test("someone with nothing waiting sees that all is done", async ({ page, context }) => {
  // Frank Russo, the workforce board's observer, is asked for nothing in the demo.
  await signIn(context, "frank.russo@demo.jointly.test");
  await page.goto("/");
  const waiting = page.getByRole("region", { name: /^Waiting for you/ });
  await expect(waiting.getByText("All done: nothing waits for you")).toBeVisible();
  await expectAxeClean(page, 'section[aria-labelledby="waiting-for-you-heading"]');
  await screenshot(page, "home-all-done");
});
