// Supportive services (issue 6), two people in browsers of their own: Rosa (a CBO member, Nuevo Futuro)
// submits a request for one of her trainees; Priya (partnership staff, a designated reviewer) sees it
// arrive in her queue without reloading, asks a question; Rosa's page shows the question live and she
// answers; Priya approves part of the amount; Rosa's page shows the decision live and the fund's
// available balance drops by the approved amount.
import type { BrowserContext, Page } from "@playwright/test";
import { demoPartnershipId, expect, sidewaysOverflow, signIn, test } from "./fixtures";

const ROSA = "rosa.delgado@demo.jointly.test"; // CBO member (Nuevo Futuro Workforce Alliance)
const PRIYA = "priya.nair@demo.jointly.test"; // staff, designated reviewer in the seed

const LIVE = { timeout: 10_000 };

async function pageFor(newContext: () => Promise<BrowserContext>, email: string): Promise<Page> {
  const context = await newContext();
  await signIn(context, email);
  return context.newPage();
}

async function markNoReload(page: Page) {
  await page.evaluate(() => Object.assign(window, { __e2eNoReload: true }));
}
async function expectNoReload(page: Page) {
  expect(await page.evaluate(() => (window as { __e2eNoReload?: boolean }).__e2eNoReload), "the page was reloaded").toBe(true);
}

const dateIn = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
const dollars = (text: string) => Number(text.replace(/[$,]/g, ""));

async function waitUntilLive(page: Page) {
  await expect(page.getByText("Live", { exact: true })).toBeVisible(LIVE);
}

test("a CBO's request goes to a reviewer live, is questioned, answered and partly approved, and the CBO sees the decision and the fund drop", async ({ newContext }) => {
  const rosa = await pageFor(newContext, ROSA);
  const priya = await pageFor(newContext, PRIYA);
  const partnershipId = await demoPartnershipId(rosa);

  // Priya watches her queue.
  await priya.goto(`/p/${partnershipId}/services`);
  const queue = priya.getByRole("region", { name: /^Review queue/ });
  await expect(queue.getByRole("link", { name: "Dependent care / childcare" })).toBeVisible();
  await expect(queue.getByRole("link", { name: "Tools and equipment" })).toHaveCount(0);
  await waitUntilLive(priya);
  await markNoReload(priya);
  await priya.screenshot({ path: "tests/.tmp/services-queue.png", fullPage: true });

  // Rosa submits a request for Ana Morales.
  await rosa.goto(`/p/${partnershipId}/services`);
  const form = rosa.getByRole("form", { name: "New supportive-service request" });
  await form.getByLabel("Trainee").selectOption({ label: "Ana Morales — Industrial Manufacturing Technician apprenticeship" });
  await form.getByLabel("Category").selectOption({ label: "Tools and equipment" });
  // A third decimal is refused next to the field, before anything is sent.
  await form.getByLabel("Amount (USD)").fill("260.005");
  await form.getByLabel("Needed by").fill(dateIn(10));
  await form.getByLabel("Justification").fill("Precision measuring set required in week 3 of related instruction.");
  await form.getByRole("button", { name: "Submit request" }).click();
  await expect(form.getByText("Use at most two decimals (cents).")).toBeVisible();
  await form.getByLabel("Amount (USD)").fill("260.00");
  await form.getByRole("button", { name: "Submit request" }).click();
  await expect(rosa).toHaveURL(new RegExp(`/p/${partnershipId}/services/requests/[^/]+$`));
  const status = rosa.getByTestId("request-status");
  await expect(status).toContainText("Submitted");
  await expect(rosa.getByRole("heading", { name: "Tools and equipment: $260.00" })).toBeVisible();
  await waitUntilLive(rosa);
  await markNoReload(rosa);
  const fundBefore = dollars((await rosa.getByTestId("fund-available").textContent()) ?? "");

  // It arrives in Priya's queue live; she opens it and asks a question.
  const arrived = queue.getByRole("link", { name: "Tools and equipment" });
  await expect(arrived).toBeVisible(LIVE);
  await expectNoReload(priya);
  await arrived.click();
  await expect(priya.getByRole("heading", { name: "Tools and equipment: $260.00" })).toBeVisible();
  await expect(priya.getByText("For Ana Morales")).toBeVisible();
  const ask = priya.getByRole("form", { name: "Ask for more information" });
  await ask.getByLabel("Your question").fill("Is the employer's tool allowance covering part of this set?");
  await ask.getByRole("button", { name: "Send question" }).click();
  await expect(priya.getByTestId("request-status")).toContainText("Needs more information");
  await waitUntilLive(priya);
  await markNoReload(priya);

  // Rosa sees the question without reloading, and answers.
  await expect(status).toContainText("Needs more information", LIVE);
  await expect(rosa.getByText("Is the employer's tool allowance covering part of this set?")).toBeVisible();
  await expectNoReload(rosa);
  const answer = rosa.getByRole("form", { name: "Answer the reviewer" });
  await answer.getByLabel("Your answer").fill("The allowance covers $60; we ask for the rest.");
  await answer.getByRole("button", { name: "Send answer" }).click();
  await expect(status).toContainText("Under review");

  // Priya sees the answer live and approves part of the amount.
  await expect(priya.getByText("The allowance covers $60; we ask for the rest.")).toBeVisible(LIVE);
  await expect(priya.getByTestId("request-status")).toContainText("Under review");
  await expectNoReload(priya);
  const approve = priya.getByRole("form", { name: "Approve the request" });
  await expect(approve.getByLabel("Amount to approve (USD)")).toHaveValue("260.00");
  await approve.getByLabel("Amount to approve (USD)").fill("200.00");
  await approve.getByLabel("Note to the organization (optional)").fill("Approved net of the employer's allowance.");
  await approve.getByRole("button", { name: "Approve" }).click();
  await expect(priya.getByTestId("request-status")).toContainText("Approved");
  await priya.screenshot({ path: "tests/.tmp/services-request-reviewer.png", fullPage: true });

  // Rosa's screen shows the decision and the fund drops by $200, without a reload.
  await expect(status).toContainText("Approved", LIVE);
  await expect(rosa.getByTestId("decision")).toContainText("Approved $200.00 of $260.00");
  await expect(rosa.getByTestId("decision")).toContainText("Approved net of the employer's allowance.");
  await expect
    .poll(async () => dollars((await rosa.getByTestId("fund-available").textContent()) ?? ""), LIVE)
    .toBe(fundBefore - 200);
  await expectNoReload(rosa);
  await rosa.screenshot({ path: "tests/.tmp/services-request-cbo.png", fullPage: true });

  // Her in-app notifications say what happened, without the trainee's name.
  await rosa.goto("/notifications");
  await expect(rosa.getByText("Your supportive-service request (Tools and equipment) is now: Approved.")).toBeVisible();
  await expect(rosa.getByText("Your supportive-service request (Tools and equipment) is now: Needs more information.")).toBeVisible();
  await expect(rosa.getByText("Ana Morales")).toHaveCount(0);

  // The fund page shows the committed money.
  await rosa.goto(`/p/${partnershipId}/services/funds`);
  await expect(rosa.getByRole("heading", { name: "Employer contributions fund 2026" })).toBeVisible();
  await rosa.screenshot({ path: "tests/.tmp/services-funds.png", fullPage: true });
});

test("members outside the CBO and the reviewers see only totals; phone-width pages fit", async ({ newContext }) => {
  const karen = await pageFor(newContext, "karen.mitchell@demo.jointly.test"); // management member
  const partnershipId = await demoPartnershipId(karen);
  await karen.goto(`/p/${partnershipId}/services`);
  await expect(karen.getByRole("heading", { name: "Supportive services", level: 1 })).toBeVisible();
  await expect(karen.getByRole("region", { name: "Requests by category" })).toBeVisible();
  await expect(karen.getByText("Ana Morales")).toHaveCount(0);
  await expect(karen.getByRole("region", { name: /^Review queue/ })).toHaveCount(0);
  await karen.goto(`/p/${partnershipId}/services/trainees`);
  await expect(karen.getByText("No trainees yet")).toBeVisible();

  const phone = await (await newContext({ viewport: { width: 375, height: 800 } })).newPage();
  await signIn(phone.context(), ROSA);
  await phone.goto(`/p/${partnershipId}/services`);
  await expect(phone.getByRole("form", { name: "New supportive-service request" })).toBeVisible();
  expect(await sidewaysOverflow(phone)).toBeLessThanOrEqual(0);
  await phone.screenshot({ path: "tests/.tmp/services-phone.png", fullPage: true });
  await phone.goto(`/p/${partnershipId}/services/trainees`);
  await expect(phone.getByRole("link", { name: "Ana Morales" })).toBeVisible();
  expect(await sidewaysOverflow(phone)).toBeLessThanOrEqual(0);
  // Her own record: who read it and when (reviewers' reads are logged).
  await phone.getByRole("link", { name: "Ana Morales" }).click();
  await expect(phone.getByRole("region", { name: "Who read or shared this record" })).toBeVisible();
  expect(await sidewaysOverflow(phone)).toBeLessThanOrEqual(0);
  await phone.screenshot({ path: "tests/.tmp/services-trainee-phone.png", fullPage: true });
});
