// Accounts: signing up and in through the forms, refusals, signing out, and what a signed-out or
// non-member visitor gets at a partnership's address.
import {
  DEMO_PARTNERSHIP,
  DEMO_PASSWORD,
  LABOR_CO_CHAIR,
  demoPartnershipId,
  expect,
  fromOwnAddress,
  linkInMail,
  screenshot,
  signIn,
  signUp,
  test,
  uniqueUser,
  waitForDevMail,
} from "./fixtures";

test("signing up through the form asks to confirm the address by mail; the mailed link confirms it and sign-in lands on an empty dashboard", async ({ page }) => {
  const user = uniqueUser("signup");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/signup/);
  await page.getByLabel("Full name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("main").getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(user.email);
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);

  const mail = await waitForDevMail(user.email, /Confirm your e-mail address/);
  await page.goto(linkInMail(mail, "/verify-email/"));
  await page.getByRole("button", { name: /Confirm/ }).click();
  await expect(page).toHaveURL(/\/signin\?confirmed=1/);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { name: "Your partnerships" })).toBeVisible();
  await expect(page.getByText("You are not in a partnership yet")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText(user.name);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await screenshot(page, "new-account-dashboard");
});

test("signing up with an address that already has an account answers the same, creates nothing, and mails the owner", async ({ page, consoleErrors }) => {
  consoleErrors.allow(
    /Failed to load resource: the server responded with a status of 401/,
    "the stranger's password is refused at sign-in with 401, which Chromium logs for the form's fetch",
  );
  await page.goto("/signup");
  await page.getByLabel("Full name").fill("Someone Else");
  await page.getByLabel("Email").fill(LABOR_CO_CHAIR.email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("main").getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);

  const mail = await waitForDevMail(LABOR_CO_CHAIR.email, /tried to create a Jointly account/);
  expect(mail.text).toContain("/signin");
  // The stranger's password does not open the owner's account.
  await page.goto("/signin");
  await page.getByLabel("Email").fill(LABOR_CO_CHAIR.email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
});

test("a wrong password or an unknown email gets the same refusal", async ({ newContext, consoleErrors }) => {
  consoleErrors.allow(
    /Failed to load resource: the server responded with a status of 401/,
    "the sign-in action answers a refused sign-in with 401, which Chromium logs for the form's fetch",
  );
  const context = await newContext(fromOwnAddress());
  const user = await signUp(context);
  await context.clearCookies();
  const page = await context.newPage();

  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByLabel("Email")).toHaveValue(user.email);
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await screenshot(page, "wrong-password");

  await page.getByLabel("Email").fill(uniqueUser("nobody").email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Email")).toHaveValue(/^e2e-nobody-/);
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();

  // The right password still works (two failures are far from the limit).
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("repeated wrong passwords pause sign-in for that account", async ({ newContext, consoleErrors }) => {
  consoleErrors.allow(/status of 401/, "each refused sign-in is answered with 401, which Chromium logs");
  consoleErrors.allow(/status of 429/, "the paused sign-in is answered with 429 Too Many Requests, which Chromium logs");
  const context = await newContext(fromOwnAddress());
  const user = await signUp(context);
  await context.clearCookies();
  const page = await context.newPage();

  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Password").fill(`wrong-${attempt}`);
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/signin");
    await page.getByRole("button", { name: "Sign in" }).click();
    expect((await answered).status()).toBe(401);
  }
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Too many failed sign-in attempts for this account from your network\. Try again in \d+ minutes?\./)).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});

test("signing out ends the session: the partnership's address then asks to sign in", async ({ page, context }) => {
  await signIn(context, LABOR_CO_CHAIR.email);
  const partnershipId = await demoPartnershipId(page);
  await page.goto(`/p/${partnershipId}`);
  await expect(page.getByRole("heading", { level: 1, name: DEMO_PARTNERSHIP })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/signin");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  expect((await context.cookies()).filter((c) => c.httpOnly && c.value)).toEqual([]);

  await page.goto(`/p/${partnershipId}`);
  await expect(page).toHaveURL(`/signin?redirectTo=${encodeURIComponent(`/p/${partnershipId}`)}`);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("signing in from a redirect goes back to the page that asked", async ({ page, context, newContext }) => {
  await signIn(context, LABOR_CO_CHAIR.email);
  const partnershipId = await demoPartnershipId(page);

  const visitor = await (await newContext()).newPage();
  await visitor.goto(`/p/${partnershipId}/people`);
  await expect(visitor).toHaveURL(/\/signin\?redirectTo=/);
  await visitor.getByLabel("Email").fill(LABOR_CO_CHAIR.email);
  await visitor.getByLabel("Password").fill(DEMO_PASSWORD);
  await visitor.getByRole("button", { name: "Sign in" }).click();
  await expect(visitor).toHaveURL(`/p/${partnershipId}/people`);
  await expect(visitor.getByRole("heading", { name: /^People \(\d+\)$/ })).toBeVisible();
});

test("someone outside the partnership gets 'Page not found' at its address", async ({ page, context, newContext, consoleErrors }) => {
  consoleErrors.allow(
    /Failed to load resource: the server responded with a status of 404/,
    "the page is answered with 404 on purpose (a forbidden read looks like a missing page), and Chromium logs that status",
  );
  await signIn(context, LABOR_CO_CHAIR.email);
  const partnershipId = await demoPartnershipId(page);

  const outsiderContext = await newContext();
  await signUp(outsiderContext);
  const outsider = await outsiderContext.newPage();
  const response = await outsider.goto(`/p/${partnershipId}`);
  expect(response?.status()).toBe(404);
  await expect(outsider.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(outsider.getByText(DEMO_PARTNERSHIP)).toHaveCount(0);
  await screenshot(outsider, "not-found");
  await outsider.goto(`/p/${partnershipId}/people`);
  await expect(outsider.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
