// Spanish chosen in the header, as a signed-in demo member does: the switcher saves the language on
// the person's profile, which beats the browser's. These tests change a shared demo person's profile
// for their duration (and put it back), so playwright.config.ts runs this file as its own project
// after every other spec has finished: a spec running at the same time as the same person would read
// the pages in Spanish. (1) A labor co-chair reads the demo's waiting joint change in Spanish on the
// overview and the home page. (2) The JATC's co-chair reads a meeting, its minutes, a vote and a draft
// in Spanish. Each page is axe clean and fits 390 px. Alone: `npx playwright test e2e/i18n-profile.spec.ts --no-deps`.
import { bothWidths, demoPartnershipId, expect, expectAxeClean, LABOR_CO_CHAIR, SPANISH, signIn, test } from "./fixtures";

const LUIS = "luis.ortega@demo.jointly.test"; // JATC co-chair

test("a co-chair who reads Spanish sees a joint change's title and before/after in Spanish, from its codes", async ({ page, context }) => {
  test.setTimeout(90_000);
  await signIn(context, LABOR_CO_CHAIR.email);
  const partnershipId = await demoPartnershipId(page);
  await page.goto(`/p/${partnershipId}`);
  // The header's switcher saves Spanish on her profile; put back in `finally` (other specs read her in English).
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  try {
    // The demo's waiting proposal: the JATC's management co-chair asks for two voting members of each side.
    const card = page.getByRole("article").filter({ hasText: "Cambiar la regla de quórum de Joint Apprenticeship and Training Committee" }).first();
    await expect(card.getByRole("heading")).toHaveText("Cambiar la regla de quórum de Joint Apprenticeship and Training Committee");
    await expect(card).toContainText("Para el quórum se necesita la presencia de al menos 2 miembros con voto de la parte sindical y 2 miembros con voto de la parte del empleador.");
    await expect(card).not.toContainText("At least");
    await expect(card.getByRole("button", { name: /^Aceptar/ })).toBeVisible();
    await card.scrollIntoViewIfNeeded();
    await expectAxeClean(page);
    await bothWidths(page, "joint-change-es");
    // The same proposal waits for her on the home page, in the same words.
    await page.goto("/");
    await expect(page.getByRole("article").filter({ hasText: "Cambiar la regla de quórum de Joint Apprenticeship and Training Committee" }).first()).toContainText("2 miembros con voto");
  } finally {
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  }
});

test("meetings, a vote and a draft read in Spanish with axe clean, at desktop width and at 390 px", async ({ page, context, newContext }) => {
  test.setTimeout(180_000);
  // Luis co-chairs the JATC, whose past meeting has approved minutes (server/fixtures/demo.ts).
  await signIn(context, LUIS);
  const partnershipId = await demoPartnershipId(page);
  await page.goto(`/p/${partnershipId}/meetings`);
  const past = await page.locator("section").filter({ has: page.locator("#past-heading") }).getByRole("link", { name: "JATC monthly meeting" }).first().getAttribute("href");
  await page.goto(`/p/${partnershipId}/votes`);
  const vote = await page.locator('main a[href*="/votes/c"]').first().getAttribute("href");
  await page.goto(`/p/${partnershipId}/drafts`);
  const draft = await page.locator('main a[href*="/drafts/c"]').first().getAttribute("href");

  // Chosen in the header, which saves his profile; put back at the end.
  const spanish = await newContext(SPANISH);
  await signIn(spanish, LUIS);
  const es = await spanish.newPage();
  await es.goto(`/p/${partnershipId}/meetings`);
  await es.getByRole("button", { name: "Español" }).click();
  try {
    await expect(es.getByRole("heading", { name: "Próximas reuniones" })).toBeVisible();
    await es.goto(past!);
    await expect(es.getByRole("heading", { name: "Acta", exact: true })).toBeVisible();
    await expectAxeClean(es);
    await bothWidths(es, "meeting-room-es");
    await es.goto(`${past!}/minutes`);
    await expect(es.getByRole("heading", { name: "Asistencia" })).toBeVisible();
    await expectAxeClean(es);
    await bothWidths(es, "minutes-es");
    // A vote and a draft of the demo, in Spanish.
    await es.goto(vote!);
    await expect(es.locator("html")).toHaveAttribute("lang", "es");
    await expect(es.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAxeClean(es);
    await bothWidths(es, "vote-es");
    await es.goto(draft!);
    await expect(es.locator("html")).toHaveAttribute("lang", "es");
    await expect(es.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAxeClean(es);
    await bothWidths(es, "draft-es");
  } finally {
    await es.getByRole("button", { name: "English" }).click();
    await expect(es.locator("html")).toHaveAttribute("lang", "en");
  }
});
