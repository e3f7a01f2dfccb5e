// The meeting room on a phone and through a dropped connection (issue 14, items 5 and 6):
// - at 390×844 a member in a live meeting sees the current item, the open ballot and their own
//   "check in / raise hand" on the first screen, under a compact partnership bar whose tabs are a menu;
//   the live tally's table is a list of labelled lines, no column cut off;
// - a co-chair running the meeting sees the current item, previous / next item and who the speakers'
//   queue gives the floor to next on the first screen (the queue's own controls are further down);
// - when the socket drops, a banner says plainly that nothing is queued, the live actions are disabled
//   and "Viewing now" is marked stale; on reconnect the rooms are joined again *before* the page
//   refetches, so a change made while it was away shows up.
import type { BrowserContext, Locator, Page, WebSocketRoute } from "@playwright/test";
import { demoPartnershipId, expect, expectAxeClean, expectTablesFit, screenshot, sidewaysOverflow, signIn, test } from "./fixtures";
import { liveMeeting, trpcCall } from "./room-support";

const DENISE = "denise.carter@demo.jointly.test"; // labor co-chair
const MARCUS = "marcus.lee@demo.jointly.test"; // management co-chair
const LUIS = "luis.ortega@demo.jointly.test"; // labor member
const PHONE = { width: 390, height: 844 };
const LIVE = { timeout: 15_000 };

/** The element is entirely inside the viewport as the page opens (no scrolling). */
async function expectOnFirstScreen(page: Page, locator: Locator, what: string) {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, `${what} has a box`).not.toBeNull();
  expect(await page.evaluate(() => window.scrollY), "the page has not scrolled").toBe(0);
  expect(box!.y, `${what} starts on the first screen`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what} ends on the first screen (viewport ${viewport.height} px)`).toBeLessThanOrEqual(viewport.height);
  expect(box!.x + box!.width, `${what} fits the width`).toBeLessThanOrEqual(viewport.width);
}

async function openVoteOnCurrentItem(denise: BrowserContext, luis: BrowserContext, marcus: BrowserContext, origin: string, meeting: Awaited<ReturnType<typeof liveMeeting>>, text: string) {
  const { id: motionId } = await trpcCall<{ id: string }>(luis, origin, "voting.motion.move", {
    bodyId: meeting.bodyId,
    meetingId: meeting.meetingId,
    agendaItemId: meeting.itemIds[0],
    text,
    ballotKind: "ROLL_CALL",
    rule: "DUAL_MAJORITY",
    requireQuorum: false,
  });
  await trpcCall(marcus, origin, "voting.motion.second", { motionId });
  await trpcCall(denise, origin, "voting.motion.open", { motionId, deadline: null });
  return motionId;
}

test("on a phone, the current item, the open ballot and check-in / raise hand are the first screen", async ({ page, context, newContext, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  await signIn(context, DENISE);
  const partnershipId = await demoPartnershipId(page);
  const meeting = await liveMeeting(context, baseURL!, partnershipId, `Phone room ${testInfo.workerIndex}-${Date.now().toString(36)}`, [
    { title: "Welding lab budget for the spring cohort", minutes: 20 },
    { title: "Outreach", minutes: 10 },
  ]);
  const marcus = await newContext();
  await signIn(marcus, MARCUS);
  const luisContext = await newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  await signIn(luisContext, LUIS);
  const luis = await luisContext.newPage();

  // ── Before any vote: the current item and "Your part" (check in, raise hand) open the page.
  await luis.goto(meeting.path);
  const current = luis.getByTestId("current-item");
  await expect(current).toContainText("Welding lab budget for the spring cohort");
  const yourPart = luis.getByTestId("your-part");
  // The app's header stays one row on a phone (language, bell, settings gear, sign out).
  expect((await luis.locator("body > header").boundingBox())!.height, "the header is one row").toBeLessThan(80);
  await expectOnFirstScreen(luis, current, "the current item");
  await expectOnFirstScreen(luis, yourPart.getByRole("button", { name: "Check in" }), "Check in");
  await expectOnFirstScreen(luis, yourPart.getByRole("button", { name: "Raise hand" }), "Raise hand");
  await screenshot(luis, "phone-room-before-vote");

  // The partnership's tabs are one menu button on a phone; every tab is in it, by keyboard too.
  const menu = luis.getByRole("button", { name: /Sections: Meetings/ });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(luis.getByRole("navigation", { name: "Partnership" })).toBeHidden();
  await menu.focus();
  await luis.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const nav = luis.getByRole("navigation", { name: "Partnership" });
  await expect(nav.getByRole("link")).toHaveText([/^Overview/, /^Meetings/, /^Votes/, /^Drafts/, /^Services/, /^Participants/, /^People/, /^Organizations/, /^Committees/]);
  await screenshot(luis, "phone-room-menu-open");
  await expectAxeClean(luis);
  await menu.click();
  await expect(nav).toBeHidden();

  // ── A vote opens: the ballot appears on the first screen, under the current item, without a reload.
  await yourPart.getByRole("button", { name: "Check in" }).click();
  await expect(yourPart).toContainText("You are checked in.", LIVE);
  await openVoteOnCurrentItem(context, luisContext, marcus, baseURL!, meeting, "I move that the welding lab budget of $40,000 be adopted.");
  const ballot = luis.getByTestId("room-motions").getByRole("region", { name: "Your ballot" });
  await expect(ballot.getByRole("radio", { name: "Yes", exact: true })).toBeVisible(LIVE);
  await luis.evaluate(() => window.scrollTo(0, 0));
  await expectOnFirstScreen(luis, current, "the current item");
  await expectOnFirstScreen(luis, yourPart.getByRole("button", { name: "Raise hand" }), "Raise hand");
  await expectOnFirstScreen(luis, ballot.getByRole("radio", { name: "Yes", exact: true }), "the ballot's Yes");
  await expectOnFirstScreen(luis, ballot.getByRole("button", { name: "Cast my vote" }), "Cast my vote");
  await luis.screenshot({ path: testInfo.outputPath("phone-room-ballot-first-screen.png") });
  await screenshot(luis, "phone-room-ballot");
  await expectAxeClean(luis);
  expect(await sidewaysOverflow(luis), "no sideways scrolling").toBe(0);
  // The live tally per side: a list of labelled lines on a phone, every count visible.
  const tally = luis.getByRole("table", { name: "Running count by side" });
  await expect(tally.getByRole("row", { name: /^Labor/ }).getByRole("cell")).toHaveText(["0", "0", "0", "0"], LIVE);
  expect(await expectTablesFit(luis, { stacked: true }), "tables checked").toBeGreaterThanOrEqual(1);
  await tally.scrollIntoViewIfNeeded();
  await luis.screenshot({ path: testInfo.outputPath("phone-room-tally.png") });

  // ── The same room on a desktop is axe clean too.
  await page.goto(meeting.path);
  await expect(page.getByTestId("room-motions").getByRole("region", { name: "Your ballot" })).toBeVisible(LIVE);
  await screenshot(page, "desktop-room-ballot");
  await expectAxeClean(page);
});

test("on a phone, a co-chair running the meeting sees the current item, previous / next and the next speaker on the first screen", async ({ page, context, newContext, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  await signIn(context, DENISE);
  const partnershipId = await demoPartnershipId(page);
  const meeting = await liveMeeting(context, baseURL!, partnershipId, `Chair phone ${testInfo.workerIndex}-${Date.now().toString(36)}`, [
    { title: "Apprentice progress report", minutes: 10 },
    { title: "Welding lab budget for the spring cohort", minutes: 20 },
    { title: "Mentor training calendar", minutes: 15 },
  ]);
  await trpcCall(context, baseURL!, "meetings.meeting.setCurrentItem", { meetingId: meeting.meetingId, itemId: meeting.itemIds[1] });
  const luis = await newContext();
  await signIn(luis, LUIS);
  const marcus = await newContext();
  await signIn(marcus, MARCUS);
  await trpcCall(luis, baseURL!, "meetings.speaker.raiseHand", { meetingId: meeting.meetingId });
  await trpcCall(marcus, baseURL!, "meetings.speaker.raiseHand", { meetingId: meeting.meetingId });

  const phone = await newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  await signIn(phone, DENISE);
  const denise = await phone.newPage();
  await denise.goto(meeting.path);
  const current = denise.getByTestId("current-item");
  await expect(current).toContainText("2. Welding lab budget for the spring cohort");
  const navigation = denise.getByTestId("chair-navigation");
  const previous = navigation.getByRole("button", { name: "Previous item" });
  const next = navigation.getByRole("button", { name: "Next item" });
  const nextSpeaker = denise.getByTestId("chair-next-speaker");
  await expect(nextSpeaker).toContainText("Next speaker: Luis Ortega");
  await expect(nextSpeaker).toContainText("+1 more waiting");
  await expectOnFirstScreen(denise, current, "the current item");
  await expectOnFirstScreen(denise, previous, "Previous item");
  await expectOnFirstScreen(denise, next, "Next item");
  await expectOnFirstScreen(denise, nextSpeaker, "the next speaker");
  await expect(previous).toHaveAccessibleDescription("Back to 1. Apprentice progress report");
  await expect(next).toHaveAccessibleDescription("Up next: 3. Mentor training calendar");
  await denise.screenshot({ path: testInfo.outputPath("phone-chair-first-screen.png") });
  await screenshot(denise, "phone-chair");
  await expectAxeClean(denise);
  expect(await sidewaysOverflow(denise), "no sideways scrolling").toBe(0);
  // Calling the next speaker stays in the queue's own section: one place for each action.
  await expect(denise.getByRole("button", { name: "Call next speaker" })).toHaveCount(1);
  await expect(denise.getByRole("region", { name: "Speakers’ queue" }).getByRole("button", { name: "Call next speaker" })).toHaveCount(1);

  // The queue moves (the management co-chair calls Luis): the line follows live.
  await trpcCall(marcus, baseURL!, "meetings.speaker.callNext", { meetingId: meeting.meetingId });
  await expect(nextSpeaker).toContainText("Speaking: Luis Ortega", LIVE);
  await expect(nextSpeaker).toContainText("Next speaker: Marcus Lee");
  await expect(nextSpeaker).not.toContainText("more waiting");

  // Previous and next from the phone.
  await next.click();
  await expect(current).toContainText("3. Mentor training calendar", LIVE);
  await expect(navigation.getByRole("button", { name: "Next item" })).toHaveCount(0);
  await expect(navigation.getByRole("button", { name: "Close the last item" })).toBeVisible();
  await navigation.getByRole("button", { name: "Previous item" }).click();
  await expect(current).toContainText("2. Welding lab budget for the spring cohort", LIVE);
});

test("a dropped connection is said plainly, pauses live actions, marks presence stale, and catches up after rejoining", async ({ page, context, newContext, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  await signIn(context, DENISE);
  const partnershipId = await demoPartnershipId(page);
  const meeting = await liveMeeting(context, baseURL!, partnershipId, `Reconnect ${testInfo.workerIndex}-${Date.now().toString(36)}`, [
    { title: "Apprentice wage step", minutes: 15 },
    { title: "Mentor training calendar", minutes: 10 },
  ]);
  const marcus = await newContext();
  await signIn(marcus, MARCUS);
  const marcusPage = await marcus.newPage();

  const luisContext = await newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  await signIn(luisContext, LUIS);
  const luis = await luisContext.newPage();
  // Luis's socket goes through this route: it can be cut, refused while "offline", and its frames logged.
  let offline = false;
  let offlineSince = 0;
  const routes: WebSocketRoute[] = [];
  const log: Array<{ at: number; what: string }> = [];
  const joins = new Map<string, string>(); // ack id → room
  await luis.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (offline) return void ws.close();
    const server = ws.connectToServer();
    routes.push(ws);
    ws.onMessage((message) => {
      const m = String(message).match(/^42(\d+)\["room:join",\{"kind":"(\w+)","id":"([^"]+)"/);
      if (m) joins.set(m[1]!, `${m[2]}:${m[3]}`);
      server.send(message);
    });
    server.onMessage((message) => {
      const ack = String(message).match(/^43(\d+)\[\{"ok":true/);
      if (ack && joins.has(ack[1]!)) log.push({ at: Date.now(), what: `joined ${joins.get(ack[1]!)}` });
      ws.send(message);
    });
  });
  luis.on("request", (request) => {
    if (request.url().includes("/api/trpc/") && request.url().includes("meetings.meeting.get")) log.push({ at: Date.now(), what: "refetch meeting" });
  });

  await luis.goto(meeting.path);
  await marcusPage.goto(meeting.path);
  const presence = luis.getByTestId("presence");
  await expect(presence).toContainText("Marcus Lee", LIVE);
  await expect(luis.getByText("Live", { exact: true })).toBeVisible(LIVE);
  await expect(luis.getByTestId("connection-banner")).toHaveCount(0);
  const raiseHand = luis.getByTestId("your-part").getByRole("button", { name: "Raise hand" });
  await expect(raiseHand).toBeEnabled();

  // ── The connection drops (and cannot come back yet).
  offline = true;
  offlineSince = Date.now();
  for (const ws of routes.splice(0)) await ws.close();
  const banner = luis.getByTestId("connection-banner");
  await expect(banner).toBeVisible(LIVE);
  await expect(banner).toHaveText(/Changes you make now may not be saved/);
  await expect(banner).not.toContainText("will be sent");
  await expect(presence).toHaveAttribute("data-stale", "true");
  await expect(presence).toContainText("may be out of date");
  await expect(raiseHand).toBeDisabled();
  await expect(luis.getByTestId("live-column")).toContainText("paused until the connection is back");
  await screenshot(luis, "phone-room-reconnecting");
  await expectAxeClean(luis);

  // Meanwhile the chair moves on to the next item: Luis's page cannot hear it.
  await trpcCall(context, baseURL!, "meetings.meeting.setCurrentItem", { meetingId: meeting.meetingId, itemId: meeting.itemIds[1] });
  await expect(marcusPage.getByTestId("current-item")).toContainText("Mentor training calendar", LIVE);
  await expect(luis.getByTestId("current-item")).toContainText("Apprentice wage step");

  // ── The connection comes back: rooms are joined again, then everything is read again.
  offline = false;
  await expect(banner).toHaveCount(0, { timeout: 30_000 });
  await expect(luis.getByTestId("current-item")).toContainText("Mentor training calendar", LIVE);
  await expect(presence).not.toHaveAttribute("data-stale", "true");
  await expect(raiseHand).toBeEnabled();
  const after = log.filter((e) => e.at >= offlineSince);
  const firstRefetch = after.findIndex((e) => e.what === "refetch meeting");
  const rejoin = after.findIndex((e) => e.what === `joined meeting:${meeting.meetingId}`);
  expect(rejoin, `the meeting's room was joined again (${JSON.stringify(after)})`).toBeGreaterThanOrEqual(0);
  expect(firstRefetch, `the meeting was read again (${JSON.stringify(after)})`).toBeGreaterThanOrEqual(0);
  expect(rejoin, "the room is joined again before the page refetches").toBeLessThan(firstRefetch);
  await screenshot(luis, "phone-room-reconnected");
});
