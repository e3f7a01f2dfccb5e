// Curriculum drafts, two people at once: a worker reviewer (Luis Ortega) and an editor (Grace
// Whitfield) on the seeded IMT apprenticeship draft. The reviewer's comment on a selected passage
// appears live on the editor's screen; the editor's new version clears the reviewer's sign-off on the
// reviewer's screen, live.
import type { Page } from "@playwright/test";
import { demoPartnershipId, expect, fromOwnAddress, screenshot as attachScreenshot, sidewaysOverflow, signIn, test } from "./fixtures";

const EDITOR = "grace.whitfield@demo.jointly.test";
const REVIEWER = "luis.ortega@demo.jointly.test";
const DRAFT = "Industrial Manufacturing Technician apprenticeship";
const PASSAGE = "Has the right to stop the line";

async function openDraft(page: Page, partnershipId: string) {
  await page.goto(`/p/${partnershipId}/drafts`);
  await page.getByRole("link", { name: DRAFT }).first().click();
  await expect(page.getByRole("heading", { name: DRAFT })).toBeVisible();
  // The socket is up and the page has joined the draft's room once the reader list shows.
  await expect(page.getByTestId("presence")).toBeVisible();
}

/** Attaches a screenshot to the report and keeps a copy in tests/.tmp (the report folder is wiped by every run). */
async function screenshot(page: Page, name: string) {
  await attachScreenshot(page, name);
  await page.screenshot({ path: `tests/.tmp/${name}.png`, fullPage: true });
}

/** Selects `quote` inside a module's text, as a reader dragging over the words would. */
async function selectPassage(page: Page, quote: string) {
  const found = await page.evaluate((q) => {
    for (const el of document.querySelectorAll<HTMLElement>("[data-module-text]")) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(q);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + q.length);
        const selection = document.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return true;
      }
    }
    return false;
  }, quote);
  expect(found, `"${quote}" is in a module's text`).toBe(true);
}

test("a reviewer's passage comment reaches the editor live, and the editor's new version clears the reviewer's sign-off", async ({ newContext }) => {
  const editorContext = await newContext(fromOwnAddress());
  const reviewerContext = await newContext(fromOwnAddress());
  await signIn(editorContext, EDITOR);
  await signIn(reviewerContext, REVIEWER);
  const editor = await editorContext.newPage();
  const reviewer = await reviewerContext.newPage();
  const partnershipId = await demoPartnershipId(editor);
  await openDraft(editor, partnershipId);
  await openDraft(reviewer, partnershipId);
  await expect(editor.getByTestId("presence")).toContainText("Luis Ortega");
  await expect(editor.getByTestId("draft-status")).toHaveText(/In review/);
  await expect(reviewer.getByTestId("signoff-status")).toContainText("Version 2: 1 of 2");

  // The reviewer comments on a selected passage.
  await expect(reviewer.getByText(PASSAGE)).toBeVisible();
  await selectPassage(reviewer, PASSAGE);
  await expect(reviewer.getByTestId("selected-passage")).toContainText(PASSAGE);
  await reviewer.getByLabel("Comment", { exact: true }).fill("Please name the steward who backs the apprentice up here.");
  await reviewer.getByRole("button", { name: "Comment on the passage" }).click();

  // …and it appears on the editor's screen without a reload, with its passage.
  const thread = editor.getByTestId("comment-thread").filter({ hasText: "Please name the steward" });
  await expect(thread).toBeVisible();
  await expect(thread).toContainText(`“${PASSAGE}”`);
  await expect(thread).toContainText("Luis Ortega");
  await screenshot(editor, "draft-editor-sees-comment");

  // The reviewer signs off version 2: with Samuel Okafor's earlier sign-off, the rule is met.
  await reviewer.getByRole("button", { name: "Sign off version 2" }).click();
  await expect(reviewer.getByTestId("my-decision")).toContainText("You signed off version 2");
  await expect(reviewer.getByTestId("draft-status")).toHaveText(/Signed off/);
  await expect(editor.getByTestId("draft-status")).toHaveText(/Signed off/);
  await screenshot(reviewer, "draft-reviewer-signed-off");

  // The editor saves version 3.
  await editor.getByRole("button", { name: "Edit", exact: true }).click();
  await editor.getByLabel("Module 2 title").fill("Quality practices, measurement and the right to stop the line");
  await editor.getByLabel("What changed in version 3").fill("Module 2 title names the right to stop the line");
  await screenshot(editor, "draft-editor-editing");
  await editor.getByRole("button", { name: "Save as version 3 and ask for sign-off" }).click();
  await expect(editor.getByTestId("signoff-status")).toContainText("Version 3: 0 of 2");

  // On the reviewer's screen, live: back in review, the sign-off cleared, a decision asked again.
  await expect(reviewer.getByTestId("draft-status")).toHaveText(/In review/);
  await expect(reviewer.getByTestId("signoff-status")).toContainText("Version 3: 0 of 2");
  await expect(reviewer.getByRole("button", { name: "Sign off version 3" })).toBeVisible();
  await expect(reviewer.getByText("You signed off version 2")).toHaveCount(0);
  await expect(reviewer.getByRole("heading", { name: /Quality practices, measurement and the right to stop the line/ })).toBeVisible();
  // The history keeps the cleared sign-off.
  await expect(reviewer.getByRole("region", { name: "Versions" })).toContainText("Luis Ortega: signed off");
  await screenshot(reviewer, "draft-reviewer-cleared");
});

test("versions compare side by side, and an adopted curriculum prints with its sign-offs", async ({ page, context }) => {
  await signIn(context, "robert.hayes@demo.jointly.test");
  const partnershipId = await demoPartnershipId(page);
  await page.goto(`/p/${partnershipId}/drafts`);
  await screenshot(page, "drafts-list");
  await page.getByRole("region", { name: "Editors and worker sign-off" }).getByRole("link", { name: "Curriculum Committee" }).click();
  await expect(page.getByRole("group", { name: "Worker sign-off group" }).getByLabel("Luis Ortega")).toBeChecked();
  await screenshot(page, "drafts-settings");
  await page.goto(`/p/${partnershipId}/drafts`);
  await page.getByRole("link", { name: DRAFT }).first().click();
  await page.getByRole("button", { name: "Compare versions" }).click();
  await page.getByLabel("From").selectOption("1");
  await page.getByLabel("To").selectOption("2");
  await expect(page.getByTestId("compare-summary")).toContainText("1 added");
  await expect(page.getByTestId("module-diff").filter({ hasText: "Workplace communication" })).toContainText("Added");
  await expect(page.locator("ins").filter({ hasText: "mentor" }).first()).toBeVisible();
  await screenshot(page, "drafts-compare");

  await page.goto(`/p/${partnershipId}/drafts`);
  await page.getByRole("link", { name: "CNC operator upgrade course" }).click();
  await page.getByRole("link", { name: "Print" }).click();
  await expect(page.getByTestId("print-status")).toContainText("Adopted: version 1, agreed by both co-chairs (Robert Hayes proposed, Angela Brooks concurred)");
  await expect(page.getByText("Luis Ortega: signed off")).toBeVisible();
  await screenshot(page, "drafts-print");
});

test("two editors at once: the later save is merged per module, nothing is lost", async ({ newContext, consoleErrors }) => {
  consoleErrors.allow(/status of 409 \(Conflict\)/, "Ellen's stale save is refused with CONFLICT on purpose; the browser logs the 409");
  const contexts = [await newContext(fromOwnAddress()), await newContext(fromOwnAddress())];
  await signIn(contexts[0]!, EDITOR);
  await signIn(contexts[1]!, "ellen.park@demo.jointly.test");
  const [grace, ellen] = [await contexts[0]!.newPage(), await contexts[1]!.newPage()];
  const partnershipId = await demoPartnershipId(grace);
  for (const page of [grace, ellen]) {
    await openDraft(page, partnershipId);
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    await expect(page.getByLabel("Module 1 title")).toBeVisible();
  }
  await grace.getByLabel("Module 1 title").fill("Safety, health and environment on the floor");
  await grace.getByRole("button", { name: "Save draft" }).click();
  await expect(grace.getByRole("status").filter({ hasText: "Saved (revision" })).toBeVisible();

  // Ellen is told live that Grace saved; her own edit to another module then meets a conflict and is merged.
  await expect(ellen.getByText("Grace Whitfield saved the draft while you are editing")).toBeVisible();
  await ellen.getByLabel("Module 4 title").fill("Maintenance awareness and reliability");
  await ellen.getByRole("button", { name: "Save draft" }).click();
  await expect(ellen.getByRole("alert").filter({ hasText: "saved this draft while you were editing" })).toBeVisible();
  await expect(ellen.getByLabel("Module 1 title")).toHaveValue("Safety, health and environment on the floor");
  await expect(ellen.getByLabel("Module 4 title")).toHaveValue("Maintenance awareness and reliability");
  await screenshot(ellen, "draft-merge");
  await ellen.getByRole("button", { name: "Save draft" }).click();
  await expect(ellen.getByRole("status").filter({ hasText: "Saved (revision" })).toBeVisible();

  await grace.reload();
  await grace.getByRole("button", { name: "Edit", exact: true }).click();
  await expect(grace.getByLabel("Module 1 title")).toHaveValue("Safety, health and environment on the floor");
  await expect(grace.getByLabel("Module 4 title")).toHaveValue("Maintenance awareness and reliability");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the draft page fits a phone's width", async ({ page, context }) => {
    await signIn(context, REVIEWER);
    const partnershipId = await demoPartnershipId(page);
    await page.goto(`/p/${partnershipId}/drafts`);
    await page.getByRole("link", { name: DRAFT }).first().click();
    await expect(page.getByRole("heading", { name: DRAFT })).toBeVisible();
    await screenshot(page, "draft-390");
    expect(await sidewaysOverflow(page)).toBe(0);
  });
});
