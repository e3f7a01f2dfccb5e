// Mail that reaches people (issue 11), followed through the development outbox (/dev/mail: the e2e
// server runs on localhost without SMTP_URL, so every mail is kept there): an invitation mailed to the
// invited address is opened from the mail and accepted; a forgotten password is reset from the mailed
// link and the session that was open elsewhere ends; a reviewer gets the mail of a new request in her
// queue and opens it from the link (fixtures.ts: waitForDevMail reads the outbox from this machine).
import type { BrowserContext } from "@playwright/test";
import { DEMO_PARTNERSHIP, demoPartnershipId, expect, LABOR_CO_CHAIR, linkInMail, screenshot, signIn, signUp, test, uniqueUser, waitForDevMail } from "./fixtures";

const ROSA = "rosa.delgado@demo.jointly.test"; // CBO member (Nuevo Futuro Workforce Alliance)
const PRIYA = "priya.nair@demo.jointly.test"; // a designated reviewer

async function pageFor(context: BrowserContext, email?: string) {
  if (email) await signIn(context, email);
  return context.newPage();
}

test("an invitation is mailed to the invited address, opened from the mail and accepted", async ({ page, context, newContext }) => {
  test.setTimeout(120_000);
  await signIn(context, LABOR_CO_CHAIR.email);
  const partnershipId = await demoPartnershipId(page);
  await page.goto(`/p/${partnershipId}/people`);
  const newcomer = uniqueUser("invited");
  const inviteForm = page.getByRole("form", { name: "Invite someone" });
  await inviteForm.getByLabel("Email").fill(newcomer.email);
  await inviteForm.getByLabel("Organization").selectOption({ label: "Steelworkers Local 3120 (Labor)" });
  await inviteForm.getByLabel("Role").selectOption({ label: "Member" });
  await inviteForm.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Invitation e-mailed to" })).toContainText(newcomer.email);

  // The newcomer, in a browser of their own, reads the mail (the outbox's page shows it) and follows its link.
  const mail = await waitForDevMail(newcomer.email, new RegExp(`invited you to ${DEMO_PARTNERSHIP}`), { timeoutMs: 30_000 });
  const link = linkInMail(mail, "/invitations/");
  const theirs = await pageFor(await newContext());
  await theirs.goto(`/dev/mail?id=${mail.id}`);
  await expect(theirs.getByRole("heading", { level: 2, name: mail.subject })).toBeVisible();
  await screenshot(theirs, "invitation-mail");
  await theirs.goto(link);
  await expect(theirs.getByRole("heading", { name: `Join ${DEMO_PARTNERSHIP}` })).toBeVisible();
  await theirs.getByRole("main").getByRole("link", { name: "Create account" }).click();
  const signUpForm = theirs.getByRole("main");
  await expect(signUpForm.getByLabel("Email")).toHaveValue(newcomer.email);
  await signUpForm.getByLabel("Full name").fill(newcomer.name);
  await signUpForm.getByLabel("Password").fill(newcomer.password);
  await signUpForm.getByRole("button", { name: "Create account" }).click();
  await expect(theirs).toHaveURL(link);
  await theirs.getByRole("button", { name: `Accept and join ${DEMO_PARTNERSHIP}` }).click();
  await expect(theirs).toHaveURL(`/p/${partnershipId}`);
  await expect(theirs.getByText("You are member")).toBeVisible();
});

test("a forgotten password is reset from the mailed link, and the session open elsewhere ends", async ({ page, context, newContext }) => {
  test.setTimeout(120_000);
  // An account signed in on one device (this browser).
  const user = await signUp(context, uniqueUser("forgetful"));
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Your partnerships" })).toBeVisible();

  // On another device, they ask for a link and follow it from the mail.
  const other = await pageFor(await newContext());
  await other.goto("/signin");
  await other.getByRole("link", { name: "Forgot your password?" }).click();
  // The sign-in page has an Email field too: fill only once the new page is there.
  await expect(other.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await other.getByLabel("Email").fill(user.email);
  await other.getByRole("button", { name: "Send me a link" }).click();
  await expect(other.getByRole("status")).toContainText("we sent it a link to choose a new password");
  const link = linkInMail(await waitForDevMail(user.email, /^Reset your Jointly password$/, { timeoutMs: 30_000 }), "/reset-password/");
  await other.goto(link);
  await expect(other.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  const newPassword = `${user.password}-renewed`;
  await other.getByLabel("New password").fill(newPassword);
  await other.getByRole("button", { name: "Save the new password" }).click();
  await expect(other).toHaveURL(/\/signin\?reset=1/);
  await expect(other.getByText("Your password was changed, and every session signed out.")).toBeVisible();
  await other.getByLabel("Email").fill(user.email);
  await other.getByLabel("Password").fill(newPassword);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByRole("heading", { name: "Your partnerships" })).toBeVisible();

  // The first device's session ended with the reset: the home page is the signed-out one.
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Your partnerships" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Create an account" }).first()).toBeVisible();
  // And the used link no longer works.
  await other.goto(link);
  await expect(other.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
});

test("a reviewer gets the mail of a new request in her queue and opens the request from its link", async ({ newContext }) => {
  test.setTimeout(120_000);
  const rosa = await pageFor(await newContext(), ROSA);
  const partnershipId = await demoPartnershipId(rosa);
  await rosa.goto(`/p/${partnershipId}/services`);
  const form = rosa.getByRole("form", { name: "New supportive-service request" });
  await form.getByLabel("Trainee").selectOption({ label: "Ana Morales — Industrial Manufacturing Technician apprenticeship" });
  await form.getByLabel("Category").selectOption({ label: "Transportation" });
  await form.getByLabel("Amount (USD)").fill("87.50");
  await form.getByLabel("Needed by").fill(new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10));
  await form.getByLabel("Justification").fill("Bus pass for the evening related-instruction classes.");
  await form.getByRole("button", { name: "Submit request" }).click();
  await expect(rosa).toHaveURL(new RegExp(`/p/${partnershipId}/services/requests/[^/]+$`));
  const requestPath = new URL(rosa.url()).pathname;

  const priya = await pageFor(await newContext(), PRIYA);
  const mail = await waitForDevMail(PRIYA, /^New request to review \(Transportation\)$/, { timeoutMs: 30_000 });
  const link = linkInMail(mail, requestPath);
  // The mail names no trainee.
  expect(mail.text).not.toContain("Ana Morales");
  expect(mail.html).not.toContain("Ana Morales");
  await priya.goto(link);
  await expect(priya).toHaveURL(requestPath);
  await expect(priya.getByRole("heading", { name: "Transportation: $87.50" })).toBeVisible();
});
