// On a phone, a co-chair can read every page of the partnership without scrolling sideways, and no
// table has a column cut off: below sm tables become lists of labelled lines (the people table, the
// minutes' roll; the room's tallies in room-phone.spec.ts).
import { LABOR_CO_CHAIR, demoPartnershipId, expect, expectAxeClean, expectTablesFit, screenshot, sidewaysOverflow, signIn, test } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 } });

const PAGES: Array<{ name: string; path: (partnershipId: string) => string; tables?: number }> = [
  { name: "dashboard", path: () => "/" },
  { name: "overview", path: (id) => `/p/${id}` },
  { name: "people", path: (id) => `/p/${id}/people`, tables: 1 },
  { name: "meetings", path: (id) => `/p/${id}/meetings` },
  { name: "organizations", path: (id) => `/p/${id}/organizations` },
  { name: "committees", path: (id) => `/p/${id}/committees` },
  { name: "notifications", path: () => "/notifications" },
];

for (const { name, path, tables = 0 } of PAGES) {
  test(`the ${name} page fits a phone's width`, async ({ page, context }) => {
    await signIn(context, LABOR_CO_CHAIR.email);
    const partnershipId = await demoPartnershipId(page);
    await page.goto(path(partnershipId));
    await expect(page.getByRole("main")).toBeVisible();
    await screenshot(page, `${name}-390`);
    expect(await sidewaysOverflow(page), "page is wider than the screen by this many pixels").toBe(0);
    expect(await expectTablesFit(page, { stacked: true }), "tables checked").toBeGreaterThanOrEqual(tables);
  });
}

test("the people table is a list of labelled lines on a phone, a table on a desktop", async ({ page, context }) => {
  await signIn(context, LABOR_CO_CHAIR.email);
  await page.goto(`/p/${await demoPartnershipId(page)}/people`);
  const table = page.getByRole("table", { name: /^People/ });
  // Still a table to assistive technology, its rows named by the person.
  const luis = table.getByRole("row", { name: /^Luis Ortega/ });
  await expect(luis.getByRole("rowheader")).toContainText("Luis Ortega");
  await expect(luis.getByRole("cell").first()).toHaveText("Steelworkers Local 3120");
  // Each line shows its column's name on a phone; the header row is for screen readers only.
  expect(await luis.getByRole("cell").first().evaluate((cell) => getComputedStyle(cell, "::before").content)).toContain("Organization");
  expect((await table.locator("thead").boundingBox())!.height).toBeLessThanOrEqual(1);
  const rowBox = (await luis.boundingBox())!;
  expect(rowBox.height, "a person's lines stack").toBeGreaterThan(60);
  await expectAxeClean(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(table.locator("thead")).toBeVisible();
  expect(await luis.getByRole("cell").first().evaluate((cell) => getComputedStyle(cell, "::before").content)).toBe("none");
  expect(await expectTablesFit(page)).toBe(1);
});

test("the minutes of record fit a phone: the roll is a list of labelled lines", async ({ page, context }) => {
  // Luis co-chairs the JATC, whose past meeting has approved minutes (server/fixtures/demo.ts).
  await signIn(context, "luis.ortega@demo.jointly.test");
  await page.goto(`/p/${await demoPartnershipId(page)}/meetings`);
  const past = page.getByRole("region", { name: "Past meetings" });
  await past.getByRole("listitem").filter({ hasText: "Minutes approved" }).first().getByRole("link", { name: "JATC monthly meeting" }).click();
  await page.getByRole("link", { name: "Printable minutes" }).first().click();
  const roll = page.getByRole("table", { name: /Everyone seated on/ });
  await expect(roll.getByRole("row", { name: /^Luis Ortega .* Labor Co-chair present$/ })).toBeVisible();
  await screenshot(page, "minutes-390");
  await expectAxeClean(page);
  expect(await sidewaysOverflow(page), "page is wider than the screen by this many pixels").toBe(0);
  expect(await expectTablesFit(page, { stacked: true }), "tables checked").toBeGreaterThanOrEqual(1);
});

test("a committee's page fits a phone's width", async ({ page, context }) => {
  await signIn(context, LABOR_CO_CHAIR.email);
  await page.goto(`/p/${await demoPartnershipId(page)}/committees`);
  await page.getByRole("link", { name: "Curriculum Committee" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Curriculum Committee" })).toBeVisible();
  await screenshot(page, "committee-390");
  expect(await sidewaysOverflow(page), "page is wider than the screen by this many pixels").toBe(0);
});
