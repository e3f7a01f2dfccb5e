// Joint control, two co-chairs at once on the seeded demo: Denise Carter (labor) proposes a quorum rule
// for the Training Trust Fund Trustees; Marcus Lee (management) sees it arrive live on his home page,
// concurs from there with the keyboard, and both see the new rule. Then Marcus tries to demote Denise on
// the partnership: it only becomes a proposal, which Denise declines; she stays co-chair. The regions
// involved pass axe's WCAG 2 A/AA checks. Other specs use the same server: this one touches only the
// trustees' quorum (its own demo body) and a proposal that is declined.
import type { Page } from "@playwright/test";
import { demoPartnershipId, expect, expectAxeClean, fromOwnAddress, LABOR_CO_CHAIR, MANAGEMENT_CO_CHAIR, screenshot, signIn, test } from "./fixtures";

const TRUSTEES = "Training Trust Fund Trustees";

const region = (page: Page, name: RegExp) => page.getByRole("region", { name });

async function openBody(page: Page, partnershipId: string, name: string) {
  await page.goto(`/p/${partnershipId}/committees`);
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("labor proposes a quorum change, management sees it live on his home page and concurs, and both see the new rule", async ({ page, context, newContext }) => {
  await signIn(context, LABOR_CO_CHAIR.email);
  const partnershipId = await demoPartnershipId(page);

  // Marcus's home page is open (and live) before anything is proposed.
  const marcusContext = await newContext(fromOwnAddress());
  await signIn(marcusContext, MANAGEMENT_CO_CHAIR.email);
  const marcus = await marcusContext.newPage();
  await marcus.goto("/");
  const waiting = region(marcus, /^Waiting for you/);
  await expect(waiting.getByText("Live", { exact: true })).toBeVisible();

  // Denise proposes two voting members of each side (three, if a run before this one made it two).
  await openBody(page, partnershipId, TRUSTEES);
  const quorum = region(page, /^Quorum rule$/);
  const current = await quorum.locator("p").first().textContent();
  const wanted = current?.includes("At least 2 voting members") ? 3 : 2;
  const form = page.getByRole("form", { name: "Quorum rule" });
  await form.getByLabel("Counted as").selectOption("COUNT");
  await form.getByLabel("Labor (members)").fill(String(wanted));
  await form.getByLabel("Management (members)").fill(String(wanted));
  await form.getByRole("button", { name: "Propose quorum rule" }).click();
  await expect(form.getByRole("status")).toHaveText("Proposed — waiting for management's co-chair.");
  // Nothing applied yet: the rule shown is still the old one, and the proposal waits, highlighted.
  await expect(quorum.locator("p").first()).toHaveText(current ?? "");
  const changes = region(page, /^Joint changes/);
  const proposal = changes.getByRole("article").filter({ hasText: `Change the quorum rule of ${TRUSTEES}` });
  await expect(proposal).toContainText("Waiting for management's co-chair");
  await screenshot(page, "joint-proposed");

  // Live on Marcus's home page: the change, before and after, one click (here: the keyboard) away.
  const card = waiting.getByRole("article").filter({ hasText: `Change the quorum rule of ${TRUSTEES}` });
  await expect(card).toBeVisible({ timeout: 10_000 });
  await expect(card).toContainText(`At least ${wanted} voting members present from the labor side`);
  await expectAxeClean(marcus, ['section[aria-labelledby="waiting-for-you-heading"]']);
  await screenshot(marcus, "joint-waiting-for-marcus");
  const concur = card.getByRole("button", { name: /^Concur/ });
  await concur.focus();
  await expect(concur).toBeFocused();
  await marcus.keyboard.press("Enter");
  await expect(marcus.getByTestId("joint-outcome")).toContainText("Applied: both sides agreed.");
  await expect(card).toHaveCount(0);

  // Both see the new rule: Denise's page updates live, Marcus opens the trustees' page.
  const rule = `At least ${wanted} voting members present from the labor side and ${wanted} voting members from the management side.`;
  await expect(quorum.locator("p").first()).toHaveText(rule, { timeout: 10_000 });
  await expect(changes.getByRole("article").filter({ hasText: `Change the quorum rule of ${TRUSTEES}` }).first()).toContainText(`Concurred by ${MANAGEMENT_CO_CHAIR.name}`);
  await openBody(marcus, partnershipId, TRUSTEES);
  await expect(region(marcus, /^Quorum rule$/).locator("p").first()).toHaveText(rule);
  await expectAxeClean(page, ['section[aria-labelledby="joint-changes-heading"]', 'section[aria-labelledby="quorum-heading"]', 'section[aria-labelledby="representation-heading"]']);
  await screenshot(page, "joint-applied");
});

test("a management attempt to demote the labor co-chair becomes a proposal that labor declines", async ({ page, context, newContext }) => {
  await signIn(context, LABOR_CO_CHAIR.email);
  const partnershipId = await demoPartnershipId(page);
  await page.goto("/");
  const waiting = region(page, /^Waiting for you/);
  await expect(waiting.getByText("Live", { exact: true })).toBeVisible();

  // Marcus, on the partnership's own seats, sets Denise's role to member.
  const marcusContext = await newContext(fromOwnAddress());
  await signIn(marcusContext, MANAGEMENT_CO_CHAIR.email);
  const marcus = await marcusContext.newPage();
  await marcus.goto(`/p/${partnershipId}`);
  await marcus.getByRole("link", { name: "Partnership seats and quorum rule" }).click();
  const members = region(marcus, /^Members/);
  await members.getByLabel(`Role of ${LABOR_CO_CHAIR.name}`).selectOption("MEMBER");
  await expect(members.getByRole("status").first()).toHaveText("Proposed — waiting for labor's co-chair.");
  // Still labor's co-chair.
  await expect(members.getByLabel(`Role of ${LABOR_CO_CHAIR.name}`)).toHaveValue("CO_CHAIR");
  await expectAxeClean(marcus, ['section[aria-labelledby="members-heading"]', 'section[aria-labelledby="joint-changes-heading"]']);

  // Denise sees it live, and declines with a reason (the reason box takes the focus).
  const card = waiting.getByRole("article").filter({ hasText: `Change the seat of ${LABOR_CO_CHAIR.name}` });
  await expect(card).toBeVisible({ timeout: 10_000 });
  await expect(card).toContainText("Labor co-chair");
  await card.getByRole("button", { name: /^Decline/ }).click();
  const reason = card.getByLabel("Reason (optional)");
  await expect(reason).toBeFocused();
  await reason.fill("Labor chooses its own co-chair.");
  await card.getByRole("form").getByRole("button", { name: "Decline" }).click();
  await expect(page.getByTestId("joint-outcome")).toContainText("Declined: nothing changed.");
  await expectAxeClean(page, ['section[aria-labelledby="waiting-for-you-heading"]']);

  // Nothing changed: Denise is still the labor co-chair, and Marcus's page says the proposal was declined.
  const declined = region(marcus, /^Joint changes/).getByRole("article").filter({ hasText: `Change the seat of ${LABOR_CO_CHAIR.name}` }).first();
  await expect(declined).toContainText("Declined", { timeout: 10_000 });
  await expect(declined).toContainText("Labor chooses its own co-chair.");
  await expect(region(marcus, /^Co-chairs$/)).toContainText(LABOR_CO_CHAIR.name);
  await expect(members.getByLabel(`Role of ${LABOR_CO_CHAIR.name}`)).toHaveValue("CO_CHAIR");
  await screenshot(marcus, "joint-declined");
});
