// Motions and voting (issue 4), several people in browsers of their own: a labor member moves a motion in
// the partnership's top body (where both co-chairs, Luis and Karen hold voting seats), a management
// member seconds it, a co-chair opens the vote, four voters use the accessible ballot, every screen
// follows the live tally without a reload, the chair closes, and every screen shows the same result.
// A secret ballot shows only how many ballots are in until it closes.
import type { BrowserContext, Locator, Page } from "@playwright/test";
import { DEMO_PARTNERSHIP, demoPartnershipId, expect, screenshot, signIn, test } from "./fixtures";

const DENISE = "denise.carter@demo.jointly.test"; // labor co-chair
const MARCUS = "marcus.lee@demo.jointly.test"; // management co-chair
const LUIS = "luis.ortega@demo.jointly.test"; // labor member
const KAREN = "karen.mitchell@demo.jointly.test"; // management member

/** Live updates arrive over socket.io; on two shared cores give them a few seconds. */
const LIVE = { timeout: 10_000 };

type Counts = [yes: number, no: number, abstain: number];

/** Whose screen a page is, for failure messages. */
const owner = new WeakMap<Page, string>();

async function pageFor(newContext: () => Promise<BrowserContext>, email: string): Promise<Page> {
  const context = await newContext();
  await signIn(context, email);
  const page = await context.newPage();
  owner.set(page, email.split("@")[0]!);
  return page;
}

async function markNoReload(page: Page) {
  await page.evaluate(() => Object.assign(window, { __e2eNoReload: true }));
}
async function expectNoReload(page: Page) {
  expect(await page.evaluate(() => (window as { __e2eNoReload?: boolean }).__e2eNoReload), "the page was reloaded").toBe(true);
}

function uniqueMotion(label: string): string {
  const id = `${test.info().workerIndex}-${test.info().repeatEachIndex}-${Date.now().toString(36)}`;
  return `I move that the partnership ${label} (e2e ${id}).`;
}

/** Luis moves the motion through the votes page's form; returns the motion page's path. */
async function moveMotion(page: Page, partnershipId: string, text: string, options: { ballot: string; rule: string }) {
  await page.goto(`/p/${partnershipId}/votes`);
  const form = page.getByRole("form", { name: "Move a motion" });
  await form.getByLabel("Body").selectOption({ label: DEMO_PARTNERSHIP });
  await form.getByLabel("Motion", { exact: true }).fill(text);
  await form.getByLabel("Rationale (optional)").fill("Both sides asked for it at the last meeting.");
  await form.getByLabel("How members vote").selectOption({ label: options.ballot });
  await form.getByLabel("Decision rule").selectOption({ label: options.rule });
  await expect(form.getByLabel("Require a quorum")).toBeChecked();
  await form.getByRole("button", { name: "Move the motion" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${partnershipId}/votes/[^/]+$`));
  await expect(page.getByTestId("motion-text")).toHaveText(text);
  await expect(statusBadge(page)).toHaveText("Status: Needs a second");
  return new URL(page.url()).pathname;
}

const statusBadge = (page: Page) => page.getByRole("status").filter({ hasText: "Status:" });
const ballotGroup = (page: Page) => page.getByRole("region", { name: "Your ballot" }).getByRole("group", { name: /^(Change your|Your) vote on the motion:/ });
const ballotStatus = (page: Page) => page.getByRole("region", { name: "Your ballot" }).getByRole("status");
const liveTally = (page: Page) => page.getByRole("region", { name: "Live tally" });

async function vote(page: Page, choice: "Yes" | "No" | "Abstain", confirmation: string) {
  const group = ballotGroup(page);
  await group.getByRole("radio", { name: choice, exact: true }).check();
  await page.getByRole("region", { name: "Your ballot" }).getByRole("button", { name: /^(Cast my vote|Change my vote)$/ }).click();
  await expect(ballotStatus(page)).toContainText(confirmation);
}

/** "n of m ballots cast", as text and as the progress bar screen readers get. */
async function expectCast(page: Page, cast: number, eligible: number) {
  await expect(liveTally(page).getByTestId("tally-cast"), `${owner.get(page) ?? "luis.ortega"}'s tally`).toContainText(
    new RegExp(`^\\s*${cast} of ${eligible} ballots cast`),
    LIVE,
  );
  await expect(liveTally(page).getByRole("progressbar", { name: "Ballots cast" })).toHaveAttribute("aria-valuenow", String(cast));
}

/**
 * How many seats the roll holds, as the page says once the vote is open (fixed at that moment): the
 * demo's six labor and six management voting seats, plus anyone another spec has invited meanwhile.
 */
async function eligibleOnRoll(page: Page) {
  const cast = liveTally(page).getByTestId("tally-cast");
  await expect(cast).toContainText(/^\s*0 of \d+ ballots cast/, LIVE);
  const eligible = Number((await cast.textContent())?.match(/of (\d+) ballots cast/)?.[1]);
  expect(eligible).toBeGreaterThanOrEqual(12);
  return eligible;
}

async function expectRow(table: Locator, side: string, [yes, no, abstain]: Counts) {
  const row = table.getByRole("row").filter({ has: table.page().getByRole("rowheader", { name: side, exact: true }) });
  await expect(row.getByRole("cell")).toHaveText([String(yes), String(no), String(abstain), String(yes + no + abstain)], LIVE);
}

test("a roll-call vote: moved, seconded across the table, four ballots, a live tally and one result everywhere", async ({ page, context, newContext }) => {
  test.setTimeout(120_000);
  // ── Luis (labor) moves a dual-majority roll-call motion in the partnership's top body.
  await signIn(context, LUIS);
  const partnershipId = await demoPartnershipId(page);
  const text = uniqueMotion("funds a second CNC simulator for the night-shift apprentices");
  const motionPath = await moveMotion(page, partnershipId, text, { ballot: "Roll call (everyone sees who voted what)", rule: "Dual majority (each side)" });
  const luis = page;
  await expect(luis.getByText("This motion needs a second before the vote can open.")).toBeVisible();
  // The mover cannot second his own motion.
  await expect(luis.getByRole("button", { name: "Second the motion" })).toHaveCount(0);

  // ── Karen (management) seconds it from the other side of the table.
  const karen = await pageFor(newContext, KAREN);
  await karen.goto(motionPath);
  await karen.getByRole("button", { name: "Second the motion" }).click();
  await expect(statusBadge(karen)).toHaveText("Status: Seconded, ready to open");
  await expect(luis.getByRole("definition").filter({ hasText: "Karen Mitchell" })).toContainText("Management", LIVE);
  await expect(statusBadge(luis)).toHaveText("Status: Seconded, ready to open", LIVE);

  // ── Denise (labor co-chair) and Marcus (management co-chair) open the motion; Denise opens the vote.
  const denise = await pageFor(newContext, DENISE);
  const marcus = await pageFor(newContext, MARCUS);
  await denise.goto(motionPath);
  await marcus.goto(motionPath);
  const everyone = [denise, marcus, luis, karen];
  const openForm = denise.getByRole("form", { name: "Open the vote" });
  // An electronic vote between meetings: the form proposes a deadline a week out.
  await expect(openForm.getByLabel("Voting deadline")).toHaveValue(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  for (const p of everyone) await markNoReload(p);
  await openForm.getByRole("button", { name: "Open the vote" }).click();
  for (const p of everyone) await expect(statusBadge(p)).toHaveText("Status: Voting open", LIVE);

  // The roll is the body's voting seats (neutral seats advise).
  const eligible = await eligibleOnRoll(luis);
  for (const p of everyone) {
    await expectCast(p, 0, eligible);
    await expect(ballotGroup(p)).toBeVisible();
    await expect(ballotGroup(p).getByRole("radio")).toHaveCount(3);
  }
  await screenshot(karen, "roll-call-ballot-before-voting");

  // ── Four ballots through the labelled radio group; every screen follows each one live.
  const ballots: Array<[Page, "Yes" | "No" | "Abstain"]> = [
    [luis, "Yes"],
    [karen, "Yes"],
  ];
  for (const [index, [voter, choice]] of ballots.entries()) {
    await vote(voter, choice, `Your vote ${choice} is recorded.`);
    for (const p of everyone) await expectCast(p, index + 1, eligible);
  }
  // The two co-chairs vote at the same moment: every screen still ends on the newest count.
  await Promise.all([vote(denise, "Yes", "Your vote Yes is recorded."), vote(marcus, "No", "Your vote No is recorded.")]);
  for (const p of everyone) await expectCast(p, 4, eligible);
  // The running count per side, and the roll call, on every screen.
  for (const p of everyone) {
    const table = liveTally(p).getByRole("table", { name: "Running count by side" });
    await expectRow(table, "Labor", [2, 0, 0]);
    await expectRow(table, "Management", [1, 1, 0]);
    const roll = liveTally(p).getByRole("list", { name: "Who voted what" });
    await expect(roll.getByRole("listitem")).toHaveCount(4, LIVE);
    await expect(roll.getByRole("listitem").filter({ hasText: "Marcus Lee" })).toContainText("No");
  }
  await screenshot(luis, "roll-call-live-tally");

  // Marcus changes his mind while the vote is open (the body allows it): the last vote counts.
  await expect(ballotStatus(marcus)).toContainText("You can change your vote until the vote closes.");
  await vote(marcus, "Abstain", "Your vote Abstain is recorded.");
  for (const p of everyone) {
    await expectCast(p, 4, eligible);
    await expectRow(liveTally(p).getByRole("table", { name: "Running count by side" }), "Management", [1, 0, 1]);
  }

  // ── Denise closes the vote; every screen shows the same result.
  await denise.getByRole("button", { name: "Close the vote…" }).click();
  await denise.getByRole("group", { name: "Confirm closing the vote" }).getByRole("button", { name: "Yes, close the vote" }).click();
  for (const p of everyone) {
    await expect(statusBadge(p)).toContainText("Status: Closed", LIVE);
    const result = p.getByRole("region", { name: "Result" });
    await expect(result.getByTestId("vote-outcome")).toContainText("Passed", LIVE);
    await expect(result.getByTestId("vote-outcome")).toContainText("A majority of each side voted yes. Labor 2–0, management 1–0.");
    await expect(result.getByTestId("vote-outcome")).toContainText(`4 of ${eligible} ballots cast`);
    const table = result.getByRole("table", { name: "Final count by side and in total" });
    await expectRow(table, "Labor", [2, 0, 0]);
    await expectRow(table, "Management", [1, 0, 1]);
    await expectRow(table, "Total", [3, 0, 1]);
    await expect(result.getByRole("definition").filter({ hasText: "Dual majority (each side)" })).toBeVisible();
    await expect(result.getByText("Quorum held")).toBeVisible();
    await expect(p.getByRole("region", { name: "Your ballot" })).toHaveCount(0);
    await expect(liveTally(p)).toHaveCount(0);
    await expectNoReload(p);
  }
  await screenshot(marcus, "roll-call-result");
});

test("a secret ballot shows only how many ballots are in until it closes", async ({ page, context, newContext }) => {
  test.setTimeout(120_000);
  await signIn(context, LUIS);
  const partnershipId = await demoPartnershipId(page);
  const text = uniqueMotion("elects the apprentice-selection panel by secret ballot");
  const motionPath = await moveMotion(page, partnershipId, text, { ballot: "Secret ballot", rule: "Simple majority" });
  const luis = page;

  const marcus = await pageFor(newContext, MARCUS);
  const karen = await pageFor(newContext, KAREN);
  await marcus.goto(motionPath);
  await karen.goto(motionPath);
  const everyone = [marcus, luis, karen];
  // Marcus, the management co-chair, seconds and then opens the vote himself.
  await marcus.getByRole("button", { name: "Second the motion" }).click();
  await expect(statusBadge(marcus)).toHaveText("Status: Seconded, ready to open");
  await expect(statusBadge(luis)).toHaveText("Status: Seconded, ready to open", LIVE);
  for (const p of everyone) await markNoReload(p);
  await marcus.getByRole("form", { name: "Open the vote" }).getByRole("button", { name: "Open the vote" }).click();
  for (const p of everyone) await expect(statusBadge(p)).toHaveText("Status: Voting open", LIVE);

  const eligible = await eligibleOnRoll(luis);
  const recorded = "Your secret ballot is recorded. It cannot be changed.";
  await vote(luis, "Yes", recorded);
  // A secret ballot is final: the form goes away, and focus moves to the confirmation.
  await expect(ballotGroup(luis)).toHaveCount(0);
  await expect(ballotStatus(luis)).toBeFocused();
  for (const p of everyone) await expectCast(p, 1, eligible);
  // Two ballots at the same moment: every screen ends on the newest count.
  await Promise.all([vote(karen, "No", recorded), vote(marcus, "Yes", recorded)]);
  for (const p of [karen, marcus]) await expect(ballotGroup(p)).toHaveCount(0);
  for (const p of everyone) await expectCast(p, 3, eligible);
  // Only the count: no per-side table, no roll call, on any screen.
  for (const p of everyone) {
    const tally = liveTally(p);
    await expect(tally).toContainText("Secret ballot: the counts stay sealed until the vote closes.");
    await expect(tally.getByRole("table")).toHaveCount(0);
    await expect(p.getByRole("list", { name: "Who voted what" })).toHaveCount(0);
  }
  await screenshot(karen, "secret-ballot-open");

  await marcus.getByRole("button", { name: "Close the vote…" }).click();
  await marcus.getByRole("group", { name: "Confirm closing the vote" }).getByRole("button", { name: "Yes, close the vote" }).click();
  for (const p of everyone) {
    const result = p.getByRole("region", { name: "Result" });
    await expect(result.getByTestId("vote-outcome")).toContainText("Passed", LIVE);
    await expect(result.getByTestId("vote-outcome")).toContainText("2 yes to 1 no.");
    const table = result.getByRole("table", { name: "Final count by side and in total" });
    await expectRow(table, "Labor", [1, 0, 0]);
    await expectRow(table, "Management", [1, 1, 0]);
    await expectRow(table, "Total", [2, 1, 0]);
    await expect(result.getByRole("definition").filter({ hasText: "Simple majority" })).toBeVisible();
    // Still nobody's choice is shown, after the close too.
    await expect(p.getByRole("list", { name: "Who voted what" })).toHaveCount(0);
    await expectNoReload(p);
  }
  await screenshot(luis, "secret-ballot-result");
});
