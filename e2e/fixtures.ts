// Playwright fixtures and helpers shared by every spec:
// - signIn / signUp put a session cookie into a browser context by POSTing the real forms from that
//   context (no clicking), so a test starts where its journey starts;
// - every page of every context a test opens is watched, and the test fails on a console error or an
//   uncaught page error unless the test allowed that exact message and said why.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, request, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { DEMO_PARTNERSHIP, DEMO_PASSWORD, DEMO_PEOPLE } from "../server/fixtures/demo.js";

export { expect, DEMO_PARTNERSHIP, DEMO_PASSWORD };

/** The seeded labor co-chair of the demo partnership (Denise Carter; see server/fixtures/demo.ts). */
export const LABOR_CO_CHAIR = DEMO_PEOPLE.find((p) => p.role === "LABOR_CO_CHAIR")!;
/** The seeded management co-chair of the demo partnership (Marcus Lee). */
export const MANAGEMENT_CO_CHAIR = DEMO_PEOPLE.find((p) => p.role === "MANAGEMENT_CO_CHAIR")!;

export type NewUser = { name: string; email: string; password: string };

/** A name and an email nobody has used yet (also across workers and repeated runs). */
export function uniqueUser(label = "user"): NewUser {
  const id = randomUUID().slice(0, 8);
  return {
    name: `E2E ${label[0]!.toUpperCase()}${label.slice(1)} ${id}`,
    email: `e2e-${label}-${id}@example.test`,
    password: `e2e-password-${id}`,
  };
}

function appOrigin(): string {
  const baseURL = test.info().project.use.baseURL;
  if (!baseURL) throw new Error("playwright.config.ts must set use.baseURL");
  return new URL(baseURL).origin;
}

async function postForm(context: BrowserContext, path: string, form: Record<string, string>, what: string) {
  const response = await context.request.post(path, {
    form,
    // The server refuses a non-GET request without its own Origin, the header a browser would send.
    headers: { Origin: appOrigin() },
    maxRedirects: 0,
  });
  // The Remix actions answer success with a redirect that carries Set-Cookie; a refusal re-renders the
  // form with 400/401/409/429, worth a clear message here rather than a timeout later in the test.
  if (response.status() !== 302) {
    throw new Error(`${what} failed: ${response.status()} ${response.statusText()}\n${(await response.text()).slice(0, 500)}`);
  }
  if (!response.headersArray().some((h) => h.name.toLowerCase() === "set-cookie")) {
    throw new Error(`${what} answered 302 but set no session cookie`);
  }
}

/** Signs `email` in within `context` (its pages share the cookie), without the sign-in page. */
export async function signIn(context: BrowserContext, email: string, password = DEMO_PASSWORD) {
  await postForm(context, "/signin", { email, password, redirectTo: "/" }, `Signing in ${email}`);
}

/**
 * Creates a brand-new account through /signup (which answers "check your inbox" whether or not the
 * address is taken, so nothing is signed in yet), then signs it in within `context`. The address stays
 * unconfirmed: confirming is a journey of its own (auth.spec.ts).
 */
export async function signUp(context: BrowserContext, user: NewUser = uniqueUser()) {
  const response = await context.request.post("/signup", {
    form: { name: user.name, email: user.email, password: user.password, redirectTo: "/" },
    headers: { Origin: appOrigin() },
    maxRedirects: 0,
  });
  const page = await response.text();
  if (response.status() !== 200 || !page.includes("Check your inbox")) {
    throw new Error(`Signing up ${user.email} failed: ${response.status()} ${response.statusText()}\n${page.slice(0, 500)}`);
  }
  await signIn(context, user.email, user.password);
  return user;
}

export type DevMail = { id: string; toAddress: string; subject: string; html: string; text: string; headers: Record<string, string> };

/**
 * Waits for the newest mail to `to` whose subject matches, in the app's local outbox (/dev/mail: the
 * e2e server has no SMTP_URL on a loopback origin). Mail leaves through the outbox and the job queue
 * after commit, so it arrives a moment after the action that sent it. Asked from this machine's own
 * address (the outbox answers nobody else), whatever address the test's browsers pretend to have.
 */
export async function waitForDevMail(to: string, subject: RegExp, { timeoutMs = 15_000 } = {}): Promise<DevMail> {
  const api = await request.newContext({ baseURL: appOrigin() });
  try {
    const query = async <T>(procedure: string, input?: unknown): Promise<T> => {
      const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
      const response = await api.get(`/api/trpc/${procedure}${search}`);
      if (!response.ok()) throw new Error(`${procedure} answered ${response.status()}: ${(await response.text()).slice(0, 300)}`);
      return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
    };
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mails = await query<{ id: string; toAddress: string; subject: string }[]>("devMail.list");
      // A mail to a named recipient is kept as "Name <address>".
      const address = (m: { toAddress: string }) => (m.toAddress.match(/<([^>]+)>$/)?.[1] ?? m.toAddress).toLowerCase();
      const found = mails.find((m) => address(m) === to.toLowerCase() && subject.test(m.subject));
      if (found) return await query<DevMail>("devMail.get", { id: found.id });
      if (Date.now() > deadline) throw new Error(`No mail to ${to} with a subject like ${subject} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await api.dispose();
  }
}

/** The first link in a mail's plain text that starts with `pathPrefix` (e.g. "/verify-email/"), as a path. */
export function linkInMail(mail: DevMail, pathPrefix: string): string {
  for (const match of mail.text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    const url = new URL(match[0]);
    if (url.pathname.startsWith(pathPrefix)) return url.pathname + url.search;
  }
  throw new Error(`No ${pathPrefix} link in the mail "${mail.subject}"`);
}

/** Saves a full-page screenshot in the test's output folder and attaches it to the report. */
export async function screenshot(page: Page, name: string) {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: "image/png" });
}

/**
 * No column of any visible table is cut off: each table's container shows all of it (its scrollWidth
 * equals its clientWidth, so nothing hides behind a sideways scroll). Below sm the app's tables are
 * stacked into labelled lines (.table-stack in app/tailwind.css); `stacked` says they must be.
 * Answers how many tables it checked.
 */
export async function expectTablesFit(page: Page, { stacked = false } = {}): Promise<number> {
  const tables = await page.locator("table").evaluateAll((elements) =>
    elements
      .filter((table) => table.getClientRects().length > 0)
      .map((table) => {
        const box = table.parentElement!;
        const name = table.querySelector("caption")?.textContent || table.getAttribute("aria-label") || table.querySelector("th")?.textContent || "?";
        return { name, scrollWidth: box.scrollWidth, clientWidth: box.clientWidth, tableWidth: table.scrollWidth, display: getComputedStyle(table).display };
      }),
  );
  for (const t of tables) {
    expect(t.scrollWidth, `the table "${t.name}" is cut off: its container scrolls ${t.scrollWidth - t.clientWidth} px sideways`).toBe(t.clientWidth);
    expect(t.tableWidth, `the table "${t.name}" is wider than its container`).toBeLessThanOrEqual(t.clientWidth);
    if (stacked) expect(t.display, `the table "${t.name}" is stacked into a list`).toBe("block");
  }
  return tables.length;
}

/**
 * Context options that make the browser look like it comes from an address of its own. The sign-in
 * limiter counts failures per client IP, and every test browser connects from 127.0.0.1: a test that
 * fails sign-ins on purpose would otherwise lock every other test out for the whole window. The server
 * trusts X-Forwarded-For from loopback (a local reverse proxy), so this is how a second client looks.
 */
export function fromOwnAddress(): BrowserContextOptions {
  const octet = () => 1 + Math.floor(Math.random() * 254);
  return { extraHTTPHeaders: { "X-Forwarded-For": `10.${octet()}.${octet()}.${octet()}` } };
}

/** The demo partnership's id, read from the signed-in user's dashboard. */
export async function demoPartnershipId(page: Page): Promise<string> {
  await page.goto("/");
  const href = await page.getByRole("link", { name: DEMO_PARTNERSHIP }).getAttribute("href");
  const id = href?.match(/^\/p\/([^/?#]+)$/)?.[1];
  if (!id) throw new Error(`No link to "${DEMO_PARTNERSHIP}" on the dashboard (href ${href})`);
  return id;
}

type Problem = { kind: "console.error" | "pageerror"; text: string; url: string };

export type ConsoleErrors = {
  /** Starts watching a context's pages (the `context` and `newContext` fixtures do it for you). */
  watch(context: BrowserContext): void;
  /** Lets an error matching `pattern` through in this test; `reason` says why it is expected. */
  allow(pattern: RegExp, reason: string): void;
};

type Fixtures = {
  consoleErrors: ConsoleErrors;
  /** Opens another browser context (a second person), watched and closed like the default one. */
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
};

export const test = base.extend<Fixtures>({
  consoleErrors: [async ({}, use, testInfo) => {
    const problems: Problem[] = [];
    const allowed: Array<{ pattern: RegExp; reason: string }> = [];
    const watched = new WeakSet<BrowserContext>();
    const watchPage = (page: Page) => {
      page.on("console", (message) => {
        if (message.type() === "error") problems.push({ kind: "console.error", text: message.text(), url: page.url() });
      });
      page.on("pageerror", (error) => problems.push({ kind: "pageerror", text: `${error.name}: ${error.message}`, url: page.url() }));
    };
    await use({
      watch(context) {
        if (watched.has(context)) return;
        watched.add(context);
        context.pages().forEach(watchPage);
        context.on("page", watchPage);
      },
      allow(pattern, reason) {
        if (!reason.trim()) throw new Error("consoleErrors.allow needs a reason");
        allowed.push({ pattern, reason });
      },
    });
    const unexpected = problems.filter((p) => !allowed.some((a) => a.pattern.test(p.text)));
    // An allowance that matched nothing is stale, and would hide the next real error of that shape.
    const unused = allowed.filter((a) => !problems.some((p) => a.pattern.test(p.text))).map((a) => `${a.pattern} (${a.reason})`);
    if (problems.length) {
      const report = { problems, allowed: allowed.map((a) => ({ pattern: String(a.pattern), reason: a.reason })) };
      await testInfo.attach("console-errors.json", { body: JSON.stringify(report, null, 2), contentType: "application/json" });
    }
    expect(unexpected, "the pages logged unexpected errors").toEqual([]);
    // Only when the test itself passed: a failure part-way may stop before the allowed error happens.
    if (testInfo.status === testInfo.expectedStatus) expect(unused, "consoleErrors.allow() matched nothing").toEqual([]);
  }, { auto: true }],

  context: async ({ context, consoleErrors }, use) => {
    consoleErrors.watch(context);
    await use(context);
  },

  newContext: async ({ browser, consoleErrors, baseURL, locale, timezoneId, viewport, userAgent }, use) => {
    const opened: BrowserContext[] = [];
    await use(async (options) => {
      // browser.newContext() does not apply the config's `use` options by itself.
      const context = await browser.newContext({ baseURL, locale, timezoneId, viewport, userAgent, ...options });
      consoleErrors.watch(context);
      opened.push(context);
      return context;
    });
    for (const context of opened) await context.close();
  },
});

/** No WCAG 2 A/AA violation on the page, or only inside `regions` (CSS selectors) when given. */
export async function expectAxeClean(page: Page, regions: string | string[] = []) {
  // What a reader sees once the page settles: colours still changing (a button's hover, a row's
  // highlight) are not the ones they keep. A spinner never finishes, so only animations that end count.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)))
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]);
  for (const selector of typeof regions === "string" ? [regions] : regions) builder = builder.include(selector);
  const { violations } = await builder.analyze();
  // The failure summary says why (for contrast: both colours and the ratio), which a CI log needs.
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")} (${n.failureSummary ?? ""})`).join(", ")}`)).toEqual([]);
}

/** A browser set to Spanish (Accept-Language es-US), in a zone other than the tests' default. */
export const SPANISH = { locale: "es-US", timezoneId: "America/Chicago" };

/** How many pixels the page is wider than its window (0 when nothing scrolls sideways). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Screenshots at the context's size and at 390 px, where the page must not be wider than the screen. */
export async function bothWidths(page: Page, name: string) {
  await screenshot(page, `${name}-desktop`);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-390`);
  expect(await sidewaysOverflow(page), `${name} is wider than a 390 px screen`).toBeLessThanOrEqual(0);
  if (size) await page.setViewportSize(size);
}
