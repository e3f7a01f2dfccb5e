// Participants and the Access & Opportunity dashboard on the seeded demo (issue 15):
// 1. David Chen, Marisol Vega's mentor, approves her waiting week of on-the-job hours from the
//    Participants tab; Marisol, signed in on her own page, sees her progress toward completion grow.
// 2. Keisha Thompson, a member of the A&O committee, views the dashboard: small groups' cells are hidden,
//    marked (— with "hidden" for screen readers), and the rule and threshold are printed.
// 3. Denise Carter (labor co-chair) proposes publishing the year; Marcus Lee (management co-chair)
//    concurs; an anonymous visitor opens the public snapshot and sees the same suppressed tables, no
//    names, and cannot open the dashboard itself.
// The regions involved pass axe's WCAG 2 A/AA checks. Other specs share the server: this one touches
// only Marisol's waiting week and the A&O snapshot of this year.
import type { Page } from "@playwright/test";
import { DEMO_PEOPLE } from "../server/fixtures/demo.js";
import { DEMO_APPRENTICE } from "../server/fixtures/demo-participants.js";
import { demoPartnershipId, expect, expectAxeClean, fromOwnAddress, LABOR_CO_CHAIR, MANAGEMENT_CO_CHAIR, screenshot, signIn, test } from "./fixtures";

const person = (name: string) => DEMO_PEOPLE.find((p) => p.name === name)!;
const MENTOR = person("David Chen");
const AO_MEMBER = person("Keisha Thompson");

// Each journey has several people's browsers, axe scans and the dashboard's counting: more than the
// default 30 s on a busy machine.
test.describe.configure({ timeout: 180_000 });

/** "520 of 2000 hours" → 520. */
const hoursIn = (text: string | null) => Number(text?.match(/^([\d.,]+) of/)?.[1]?.replace(/,/g, "") ?? NaN);

test("a mentor approves a week of hours and the apprentice sees her progress toward completion grow", async ({ page, context, newContext }) => {
  // David, her mentor, is a member of the partnership (Marisol is not: her home page lists none).
  const davidContext = await newContext(fromOwnAddress());
  await signIn(davidContext, MENTOR.email);
  const david = await davidContext.newPage();
  const partnershipId = await demoPartnershipId(david);

  // Marisol's own page: her on-the-job hours before the approval.
  await signIn(context, DEMO_APPRENTICE.email);
  await page.goto(`/p/${partnershipId}/participants/me`);
  await expect(page.getByRole("heading", { level: 1, name: "Your progress" })).toBeVisible();
  const progress = page.getByRole("region", { name: "Your progress toward completion" });
  const ojl = progress.getByRole("progressbar", { name: "On-the-job learning" });
  await expect(ojl).toBeVisible();
  const detail = progress.locator("div", { has: page.getByText("On-the-job learning", { exact: true }) }).locator("span.tabular-nums").first();
  const before = hoursIn(await detail.textContent());
  expect(before).toBeGreaterThan(0);
  const percentBefore = Number(await ojl.getAttribute("aria-valuenow"));
  await expect(page.getByRole("cell", { name: "Waiting for the mentor" }).first()).toBeVisible();

  // David approves her waiting week from the Participants tab, with the keyboard.
  await david.goto(`/p/${partnershipId}/participants`);
  const waiting = david.getByRole("region", { name: /^Hours waiting for your approval/ });
  const approve = waiting.getByRole("button", { name: `Approve 38.5 hours for ${DEMO_APPRENTICE.name}` });
  await expect(approve).toBeVisible();
  await expectAxeClean(david, ['section[aria-labelledby="pending-hours-heading"]']);
  await approve.focus();
  await david.keyboard.press("Enter");
  // The list empties (David mentors nobody else with hours waiting in the demo).
  await expect(approve).toHaveCount(0);

  // Marisol sees the week approved and 38.5 more hours toward completion.
  await page.reload();
  await expect(detail).toHaveText(new RegExp(`^${before + 38.5} of`));
  expect(Number(await ojl.getAttribute("aria-valuenow"))).toBeGreaterThanOrEqual(percentBefore);
  await expect(page.getByRole("cell", { name: "Waiting for the mentor" })).toHaveCount(0);
  await expect(page.getByTestId("overall-progress")).toHaveText(/% of the way overall\.$/);
  await expectAxeClean(page);
  await screenshot(page, "participant-progress");
});

test("the A&O committee sees the dashboard with small groups hidden; both co-chairs publish it and an anonymous visitor sees only the suppressed tables", async ({ page, context, newContext, browser }) => {
  const year = new Date().getUTCFullYear();

  // Keisha, of the A&O committee: hidden cells are marked, the rule is printed under every table.
  await signIn(context, AO_MEMBER.email);
  const partnershipId = await demoPartnershipId(page);
  await page.goto(`/p/${partnershipId}/participants/dashboard?year=${year}`, { timeout: 45_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Access & Opportunity dashboard" })).toBeVisible();
  const race = page.getByRole("table", { name: /^Race and ethnicity: applicants of/ });
  await expect(race).toBeVisible();
  const hiddenCells = page.locator('td[data-hidden="true"]');
  expect(await hiddenCells.count()).toBeGreaterThan(0);
  await expect(hiddenCells.first()).toHaveText("—hidden");
  await expect(page.getByRole("note").first()).toContainText("counts are hidden (shown as —)");
  await expect(page.getByText(/Counts from 1 to 9 are hidden \(threshold 10\)/).first()).toBeVisible();
  const shownOnDashboard = await race.locator("tbody tr").allInnerTexts();
  await expectAxeClean(page);
  await screenshot(page, "ao-dashboard");

  // Denise proposes publishing this year; Marcus concurs on the dashboard's own card.
  const deniseContext = await newContext(fromOwnAddress());
  await signIn(deniseContext, LABOR_CO_CHAIR.email);
  const denise = await deniseContext.newPage();
  await denise.goto(`/p/${partnershipId}/participants/dashboard?year=${year}`, { timeout: 45_000 });
  await denise.getByRole("button", { name: `Propose publishing ${year}` }).click();
  // The proposal's notice (the proposal's own card, listed below it, has a status line of its own).
  await expect(denise.getByRole("region", { name: "Publish" }).getByRole("status").filter({ hasText: "Proposed" })).toContainText("waiting for management's co-chair", { timeout: 30_000 });

  const marcusContext = await newContext(fromOwnAddress());
  await signIn(marcusContext, MANAGEMENT_CO_CHAIR.email);
  const marcus = await marcusContext.newPage();
  await marcus.goto(`/p/${partnershipId}/participants/dashboard?year=${year}`, { timeout: 45_000 });
  const card = marcus.getByRole("list", { name: "Proposals to publish" }).getByRole("article").first();
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expectAxeClean(marcus, ['section[aria-labelledby="publish-heading"]']);
  await card.getByRole("button", { name: /^Concur/ }).click();
  // The snapshot is listed live, on Marcus's page and on Denise's.
  const publishedLink = (p: Page) => p.getByRole("region", { name: "Published" }).getByRole("link", { name: new RegExp(`^${year}, published`) });
  const published = publishedLink(marcus);
  await expect(published).toBeVisible({ timeout: 30_000 });
  await expect(publishedLink(denise)).toBeVisible({ timeout: 30_000 });
  const publicPath = await published.getAttribute("href");
  expect(publicPath).toMatch(new RegExp(`^/p/${partnershipId}/participants/published/[^/]+$`));

  // Anonymous: the public snapshot, the same suppressed counts, the rule, no names; not the dashboard.
  const anonymous = await browser.newContext(fromOwnAddress());
  try {
    const visitor = await anonymous.newPage();
    await visitor.goto(publicPath!);
    await expect(visitor.getByRole("heading", { level: 1, name: `Access & Opportunity, ${year}` })).toBeVisible();
    await expect(visitor.getByText(`with the agreement of both co-chairs (`)).toContainText(LABOR_CO_CHAIR.name);
    const publicRace = visitor.getByRole("table", { name: /^Race and ethnicity: applicants of/ });
    expect(await publicRace.locator("tbody tr").allInnerTexts()).toEqual(shownOnDashboard);
    expect(await visitor.locator('td[data-hidden="true"]').count()).toBe(await hiddenCells.count());
    await expect(visitor.getByText(/Counts from 1 to 9 are hidden \(threshold 10\)/).first()).toBeVisible();
    await expect(visitor.getByText(DEMO_APPRENTICE.name)).toHaveCount(0);
    await expectAxeClean(visitor);
    await screenshot(visitor, "ao-public-snapshot");
    await visitor.setViewportSize({ width: 390, height: 844 });
    await screenshot(visitor, "ao-public-snapshot-390");

    // The page's CSV link names the page's language; the file starts with a byte-order mark for spreadsheets.
    const csvHref = await visitor.getByRole("link", { name: "CSV", exact: true }).getAttribute("href");
    expect(csvHref).toBe(`${publicPath}.csv?lng=en`);
    const csv = await anonymous.request.get(csvHref!);
    expect(csv.status()).toBe(200);
    expect([...(await csv.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = await csv.text();
    expect(csvText).toContain("Suppression");
    expect(csvText).not.toContain(DEMO_APPRENTICE.name);
    expect(await (await anonymous.request.get(`${publicPath}.csv?lng=es`)).text()).toContain('Supresión,"Se ocultan los conteos de 1 a 9 (umbral 10)');

    // The dashboard itself, its CSV and the participants' records stay behind sign-in.
    const dashboard = await anonymous.request.get(`/p/${partnershipId}/participants/dashboard?year=${year}`, { maxRedirects: 0 });
    expect([302, 401, 403]).toContain(dashboard.status());
    const dashboardCsv = await anonymous.request.get(`/p/${partnershipId}/participants/dashboard.csv?year=${year}`, { maxRedirects: 0 });
    expect([302, 401, 403]).toContain(dashboardCsv.status());
  } finally {
    await anonymous.close();
  }
});
