// The foundation's main journey: the labor co-chair signs in, proposes a committee (a joint change: the
// management co-chair concurs from his home page) and invites a new person, who signs up from the link
// and joins; the co-chair's open People page shows the newcomer and a new notification live, without a
// reload.
import type { Page } from "@playwright/test";
import { DEMO_PARTNERSHIP, DEMO_PASSWORD, LABOR_CO_CHAIR, MANAGEMENT_CO_CHAIR, expect, fromOwnAddress, screenshot, signIn, test, uniqueUser } from "./fixtures";

test("a co-chair creates a committee and invites someone who joins while she watches", async ({ page, newContext }, testInfo) => {
  // ── Denise signs in through the real form (the other specs use the fixture's signIn).
  await page.goto("/signin");
  await page.getByLabel("Email").fill(LABOR_CO_CHAIR.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { name: "Your partnerships" })).toBeVisible();
  await screenshot(page, "dashboard");

  await page.getByRole("link", { name: DEMO_PARTNERSHIP }).click();
  await expect(page).toHaveURL(/\/p\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: DEMO_PARTNERSHIP })).toBeVisible();
  const partnershipPath = new URL(page.url()).pathname;
  await screenshot(page, "partnership-overview");

  // ── A committee.
  const partnershipNav = page.getByRole("navigation", { name: "Partnership" });
  await partnershipNav.getByRole("link", { name: "Committees" }).click();
  await expect(page).toHaveURL(`${partnershipPath}/committees`);
  const committee = `Safety Training Committee ${testInfo.workerIndex}-${Date.now().toString(36)}`;
  const committeeForm = page.getByRole("form", { name: "New committee" });
  await committeeForm.getByLabel("Committee name").fill(committee);
  await committeeForm.getByLabel("Purpose").fill("Plans lockout/tagout and forklift refreshers with the safety stewards.");
  await committeeForm.getByRole("button", { name: "Create committee" }).click();
  // A new committee needs both sides: it waits for the management co-chair.
  await expect(committeeForm.getByRole("status")).toHaveText("Proposed — waiting for management's co-chair.");
  const marcus = await newContext(fromOwnAddress());
  await signIn(marcus, MANAGEMENT_CO_CHAIR.email);
  const his = await marcus.newPage();
  await his.goto("/");
  const proposal = his.getByRole("region", { name: /^Waiting for you/ }).getByRole("article").filter({ hasText: `Create the committee “${committee}”` });
  await proposal.getByRole("button", { name: /^Concur/ }).click();
  await expect(his.getByTestId("joint-outcome")).toContainText("Applied: both sides agreed.");
  // Live on Denise's page: the committee appears in the list.
  await page.getByRole("link", { name: committee }).click();
  await expect(page).toHaveURL(new RegExp(`^[^?]*${partnershipPath}/committees/[^/]+$`));
  await expect(page.getByRole("heading", { name: committee })).toBeVisible();
  await screenshot(page, "committee");

  // ── The People page, connected live before anything happens elsewhere.
  await partnershipNav.getByRole("link", { name: "People" }).click();
  await expect(page).toHaveURL(`${partnershipPath}/people`);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  const bell = page.getByRole("link", { name: /^Notifications/ });
  const unreadBefore = await unreadCount(page);
  // Survives only while the document does: proves the updates below arrive without a reload.
  await page.evaluate(() => Object.assign(window, { __e2eNoReload: true }));

  const newcomer = uniqueUser("newcomer");
  const inviteForm = page.getByRole("form", { name: "Invite someone" });
  await inviteForm.getByLabel("Email").fill(newcomer.email);
  await inviteForm.getByLabel("Organization").selectOption({ label: "Steelworkers Local 3120 (Labor)" });
  await inviteForm.getByLabel("Role").selectOption({ label: "Member" });
  await inviteForm.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Invitation e-mailed to" })).toContainText(newcomer.email);
  const linkBox = page.getByRole("textbox", { name: "Invitation link" });
  await expect(linkBox).toHaveValue(/\/invitations\/[\w-]+$/);
  await expect(linkBox).toHaveJSProperty("readOnly", true);
  const link = await linkBox.inputValue();
  const invitations = page.getByRole("list", { name: "Invitations" });
  await expect(invitations.getByRole("listitem").filter({ hasText: newcomer.email })).toContainText("pending");
  await screenshot(page, "people-with-invitation");

  // ── The newcomer, in a browser of their own.
  const theirs = await (await newContext()).newPage();
  await theirs.goto(link);
  await expect(theirs.getByRole("heading", { name: `Join ${DEMO_PARTNERSHIP}` })).toBeVisible();
  await expect(theirs.getByText(newcomer.email).first()).toBeVisible();
  await screenshot(theirs, "invitation");
  // The card's link, not the header's: it carries the invitation's email and the way back.
  await theirs.getByRole("main").getByRole("link", { name: "Create account" }).click();
  await expect(theirs).toHaveURL(/\/signup\?/);
  const signUpForm = theirs.getByRole("main");
  await expect(signUpForm.getByLabel("Email")).toHaveValue(newcomer.email);
  await signUpForm.getByLabel("Full name").fill(newcomer.name);
  await signUpForm.getByLabel("Password").fill(newcomer.password);
  await screenshot(theirs, "signup-from-invitation");
  await signUpForm.getByRole("button", { name: "Create account" }).click();
  await expect(theirs).toHaveURL(new URL(link).pathname);
  await theirs.getByRole("button", { name: `Accept and join ${DEMO_PARTNERSHIP}` }).click();
  await expect(theirs).toHaveURL(partnershipPath);
  await expect(theirs.getByRole("heading", { level: 1, name: DEMO_PARTNERSHIP })).toBeVisible();
  await expect(theirs.getByText("You are member")).toBeVisible();
  await screenshot(theirs, "newcomer-partnership");

  // ── Meanwhile, on Denise's People page: the newcomer, the invitation's new state and the bell.
  const peopleTable = page.getByRole("table");
  await expect(peopleTable.getByRole("row").filter({ hasText: newcomer.name })).toContainText("Steelworkers Local 3120", { timeout: 10_000 });
  await expect(invitations.getByRole("listitem").filter({ hasText: newcomer.email })).toContainText("accepted");
  // At least one more (specs running beside this one may notify Denise too, e.g. of a vote opening).
  await expect.poll(() => unreadCount(page), { timeout: 10_000 }).toBeGreaterThan(unreadBefore);
  await expect(bell).toHaveAttribute("aria-label", `Notifications, ${await unreadCount(page)} unread`);
  expect(await page.evaluate(() => (window as { __e2eNoReload?: boolean }).__e2eNoReload)).toBe(true);
  await screenshot(page, "people-after-join");
});

async function unreadCount(page: Page): Promise<number> {
  const badge = page.getByTestId("unread-count");
  return (await badge.count()) ? Number(await badge.textContent()) : 0;
}
