// On a phone, a co-chair can read every page of the partnership without scrolling sideways: wide
// content (the people table, the tab bar) scrolls inside its own box, never the whole page.
import type { Page } from "@playwright/test";
import { LABOR_CO_CHAIR, demoPartnershipId, expect, screenshot, signIn, test } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 } });

const PAGES: Array<{ name: string; path: (partnershipId: string) => string }> = [
  { name: "dashboard", path: () => "/" },
  { name: "overview", path: (id) => `/p/${id}` },
  { name: "people", path: (id) => `/p/${id}/people` },
  { name: "meetings", path: (id) => `/p/${id}/meetings` },
  { name: "organizations", path: (id) => `/p/${id}/organizations` },
  { name: "committees", path: (id) => `/p/${id}/committees` },
  { name: "notifications", path: () => "/notifications" },
];

for (const { name, path } of PAGES) {
  test(`the ${name} page fits a phone's width`, async ({ page, context }) => {
    await signIn(context, LABOR_CO_CHAIR.email);
    const partnershipId = await demoPartnershipId(page);
    await page.goto(path(partnershipId));
    await expect(page.getByRole("main")).toBeVisible();
    await screenshot(page, `${name}-390`);
    expect(await sidewaysOverflow(page), "page is wider than the screen by this many pixels").toBe(0);
  });
}

test("a committee's page fits a phone's width", async ({ page, context }) => {
  await signIn(context, LABOR_CO_CHAIR.email);
  await page.goto(`/p/${await demoPartnershipId(page)}/committees`);
  await page.getByRole("link", { name: "Curriculum Committee" }).click();
  await expect(page.getByRole("heading", { name: "Curriculum Committee" })).toBeVisible();
  await screenshot(page, "committee-390");
  expect(await sidewaysOverflow(page), "page is wider than the screen by this many pixels").toBe(0);
});

async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
