// The pure rules of supportive services: every allowed and refused status change, money parsing,
// dates, the service-level clock, caps and attachment checks; and the policy (who sees a trainee, who
// plays which part in a step, what a requesting organization may still do once its access is revoked).
import { describe, expect, it } from "vitest";
import {
  approvalStep,
  capBreached,
  checkAttachment,
  checkFileName,
  checkMaximum,
  checkNeededBy,
  checkTransition,
  formatCents,
  nextStatuses,
  parseDollars,
  REQUEST_ACTIONS,
  sniffMime,
  slaClock,
  STATUS_KEYS,
  type Actor,
  type RequestAction,
  type RequestStatus,
} from "../../server/domains/services/services.rules.js";
import { parseCalendarDate } from "../../server/domains/common.rules.js";
import { ApproveInputSchema, CreateRequestInputSchema, DollarsSchema } from "../../server/domains/services/services.schema.js";
import {
  canAttachFiles,
  canEditRequest,
  canOpenFiles,
  canTake,
  mayActForTrainee,
  NO_TRAINEE_ACCESS,
  roleFor,
  traineeVia,
  type RequestViewer,
} from "../../server/domains/services/services.policy.js";

/** The whole life, written out once by hand: [from, action, actor] → to. Anything not listed is refused. */
const ALLOWED: Array<[RequestStatus, RequestAction, Actor, RequestStatus]> = [
  ["DRAFT", "submit", "CBO", "SUBMITTED"],
  ["SUBMITTED", "startReview", "REVIEWER", "UNDER_REVIEW"],
  ["SUBMITTED", "askInfo", "REVIEWER", "NEEDS_INFO"],
  ["UNDER_REVIEW", "askInfo", "REVIEWER", "NEEDS_INFO"],
  ["NEEDS_INFO", "answer", "CBO", "UNDER_REVIEW"],
  ["SUBMITTED", "approve", "REVIEWER", "APPROVED"],
  ["UNDER_REVIEW", "approve", "REVIEWER", "APPROVED"],
  ["SUBMITTED", "deny", "REVIEWER", "DENIED"],
  ["UNDER_REVIEW", "deny", "REVIEWER", "DENIED"],
  ["NEEDS_INFO", "deny", "REVIEWER", "DENIED"],
  ["APPROVED", "fulfil", "REVIEWER", "FULFILLED"],
  ...(["DRAFT", "SUBMITTED", "UNDER_REVIEW", "NEEDS_INFO", "APPROVED"] as RequestStatus[]).flatMap((from) =>
    (["CBO", "REVIEWER"] as Actor[]).map((actor) => [from, "cancel", actor, "CANCELLED"] as [RequestStatus, RequestAction, Actor, RequestStatus]),
  ),
];

describe("the life of a request", () => {
  const actions = Object.keys(REQUEST_ACTIONS) as RequestAction[];
  const cases = STATUS_KEYS.flatMap((status) => actions.flatMap((action) => (["CBO", "REVIEWER"] as Actor[]).map((actor) => [status, action, actor] as const)));

  it.each(cases)("%s --%s by %s", (status, action, actor) => {
    const expected = ALLOWED.find(([f, a, who]) => f === status && a === action && who === actor);
    const result = checkTransition(status, action, actor);
    if (expected) {
      expect(result).toEqual({ ok: true, to: expected[3] });
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
    }
  });

  it("says whether the actor or the status was wrong", () => {
    expect(checkTransition("SUBMITTED", "approve", "CBO")).toMatchObject({ ok: false, reason: "ACTOR", message: "Only a reviewer can approve a request." });
    expect(checkTransition("DENIED", "approve", "REVIEWER")).toMatchObject({ ok: false, reason: "STATUS", message: "A request that is denied cannot be approved." });
    expect(checkTransition("DRAFT", "approve", "REVIEWER")).toMatchObject({ ok: false, reason: "STATUS" });
    expect(checkTransition("FULFILLED", "cancel", "CBO")).toMatchObject({ ok: false, reason: "STATUS" });
  });

  it("ends at denied, fulfilled and cancelled", () => {
    expect(nextStatuses("DENIED")).toEqual([]);
    expect(nextStatuses("FULFILLED")).toEqual([]);
    expect(nextStatuses("CANCELLED")).toEqual([]);
    expect(nextStatuses("APPROVED").sort()).toEqual(["CANCELLED", "FULFILLED"]);
  });
});

describe("money", () => {
  it.each([
    ["125.50", 12550],
    ["125.5", 12550],
    ["125", 12500],
    ["$1,250.05", 125005],
    ["0.01", 1],
    [" 40 ", 4000],
    ["999999999.99", 99999999999],
  ])("parses %s to %i cents", (input, cents) => {
    expect(parseDollars(input)).toEqual({ ok: true, value: cents });
  });

  it.each([
    ["", "Enter an amount."],
    ["0", "The amount must be more than zero."],
    ["0.00", "The amount must be more than zero."],
    ["-5", "The amount must be more than zero."],
    ["1.234", "Use at most two decimals (cents)."],
    ["12.5.1", "Enter an amount in dollars and cents, e.g. 125.50."],
    ["1e3", "Enter an amount in dollars and cents, e.g. 125.50."],
    ["abc", "Enter an amount in dollars and cents, e.g. 125.50."],
    ["1,25", "Enter an amount in dollars and cents, e.g. 125.50."],
  ])("refuses %j", (input, message) => {
    expect(parseDollars(input)).toEqual({ ok: false, message });
  });

  it("the zod schema takes only strings, so no float sneaks in", () => {
    expect(DollarsSchema.safeParse("19.99")).toEqual({ success: true, data: 1999 });
    expect(DollarsSchema.safeParse(19.99).success).toBe(false);
    const approve = ApproveInputSchema.safeParse({ requestId: "r", fundId: "f", amount: "10.001" });
    expect(approve.success).toBe(false);
    if (!approve.success) expect(approve.error.flatten().fieldErrors.amount).toEqual(["Use at most two decimals (cents)."]);
  });

  it("checks the configured maximum and formats cents", () => {
    expect(checkMaximum(1_000_000, 1_000_000)).toEqual({ ok: true, value: 1_000_000 });
    expect(checkMaximum(1_000_001, 1_000_000)).toEqual({ ok: false, message: "A request may ask for at most $10,000.00." });
    expect(formatCents(123456789)).toBe("$1,234,567.89");
    expect(formatCents(5)).toBe("$0.05");
  });
});

describe("dates and the service-level clock", () => {
  it("parses calendar dates and refuses impossible ones", () => {
    expect(parseCalendarDate("2026-12-01")).toEqual({ ok: true, value: new Date("2026-12-01T00:00:00Z") });
    expect(parseCalendarDate("2026-02-30")).toEqual({ ok: false, message: "That date does not exist." });
    expect(parseCalendarDate("12/01/2026").ok).toBe(false);
    const create = CreateRequestInputSchema.safeParse({ partnershipId: "p", traineeId: "t", category: "HOUSING", amount: "10", neededBy: "soon", justification: "x" });
    expect(create.success).toBe(false);
  });

  it("accepts today and later as needed-by, refuses yesterday", () => {
    const now = new Date("2026-11-30T23:59:00Z");
    expect(checkNeededBy(new Date("2026-11-30T00:00:00Z"), now).ok).toBe(true);
    expect(checkNeededBy(new Date("2026-12-15T00:00:00Z"), now).ok).toBe(true);
    expect(checkNeededBy(new Date("2026-11-29T00:00:00Z"), now)).toEqual({ ok: false, message: "The needed-by date is in the past." });
  });

  it("counts age and flags requests past the target", () => {
    const submitted = new Date("2026-11-01T12:00:00Z");
    expect(slaClock(submitted, new Date("2026-11-03T13:00:00Z"), 5)).toEqual({ ageDays: 2, dueAt: new Date("2026-11-06T12:00:00Z"), overdue: false, daysLeft: 3 });
    const late = slaClock(submitted, new Date("2026-11-08T12:00:00Z"), 5);
    expect(late).toMatchObject({ ageDays: 7, overdue: true, daysLeft: -2 });
  });
});

describe("caps", () => {
  const use = { categoryYearCents: 40_000, traineeCategoryYearCents: 10_000, traineeYearCents: 30_000 };
  it("lets an amount within every cap through", () => {
    expect(capBreached([{ category: "TRANSPORTATION", perTrainee: false, capCents: 50_000 }], "TRANSPORTATION", 10_000, use)).toBeNull();
    expect(capBreached([{ category: "HOUSING", perTrainee: false, capCents: 1 }], "TRANSPORTATION", 10_000, use)).toBeNull();
  });
  it("refuses past the category cap, the per-trainee cap in a category and the per-trainee cap overall", () => {
    expect(capBreached([{ category: "TRANSPORTATION", perTrainee: false, capCents: 50_000 }], "TRANSPORTATION", 10_001, use)?.message).toBe(
      "This would exceed the yearly cap for transportation ($500.00; $100.00 left).",
    );
    expect(capBreached([{ category: "TRANSPORTATION", perTrainee: true, capCents: 15_000 }], "TRANSPORTATION", 5_001, use)?.message).toMatch(/per trainee for transportation/);
    expect(capBreached([{ category: "ALL", perTrainee: true, capCents: 35_000 }], "TRANSPORTATION", 5_001, use)?.message).toBe(
      "This would exceed the yearly cap per trainee ($350.00; $50.00 left).",
    );
    expect(capBreached([{ category: "ALL", perTrainee: true, capCents: 35_000 }], "TRANSPORTATION", 5_000, use)).toBeNull();
  });
});

describe("approval by both sides above a fund's threshold", () => {
  const fund = { fundId: "f1", bothSidesAboveCents: 50_000 };
  const labor800 = { side: "LABOR" as const, amountCents: 80_000, fundId: "f1", fundName: "Fund 1", reviewerName: "Luis" };
  const management700 = { side: "MANAGEMENT" as const, amountCents: 70_000, fundId: "f1", fundName: "Fund 1", reviewerName: "Karen" };

  it("charges at once at or below the threshold, or without one; refuses a neutral reviewer above it", () => {
    expect(approvalStep({ ...fund, reviewerSide: "NEUTRAL", cents: 50_000, approvals: [] })).toEqual({ step: "CHARGE" });
    expect(approvalStep({ ...fund, bothSidesAboveCents: null, reviewerSide: "LABOR", cents: 900_000, approvals: [] })).toEqual({ step: "CHARGE" });
    expect(approvalStep({ ...fund, reviewerSide: "NEUTRAL", cents: 50_001, approvals: [] })).toMatchObject({ step: "REFUSED", code: "FORBIDDEN" });
  });

  it("waits after the first side; completes when the other side approves the same amount from the same fund", () => {
    expect(approvalStep({ ...fund, reviewerSide: "LABOR", cents: 80_000, approvals: [] })).toEqual({ step: "WAIT", replaces: null });
    expect(approvalStep({ ...fund, reviewerSide: "MANAGEMENT", cents: 80_000, approvals: [labor800] })).toEqual({ step: "COMPLETE", replaces: null });
  });

  it("records another amount or fund as the other side's answer, and a side's agreement to the answer replaces its own approval", () => {
    expect(approvalStep({ ...fund, reviewerSide: "MANAGEMENT", cents: 70_000, approvals: [labor800] })).toEqual({ step: "WAIT", replaces: null });
    expect(approvalStep({ ...fund, fundId: "f2", reviewerSide: "MANAGEMENT", cents: 80_000, approvals: [labor800] })).toEqual({ step: "WAIT", replaces: null });
    expect(approvalStep({ ...fund, reviewerSide: "LABOR", cents: 70_000, approvals: [labor800, management700] })).toEqual({ step: "COMPLETE", replaces: labor800 });
    expect(approvalStep({ ...fund, reviewerSide: "LABOR", cents: 75_000, approvals: [labor800, management700] })).toEqual({ step: "WAIT", replaces: labor800 });
  });

  it("refuses a side's same approval again, saying what completes it", () => {
    const alone = approvalStep({ ...fund, reviewerSide: "LABOR", cents: 80_000, approvals: [labor800] });
    expect(alone).toMatchObject({ step: "REFUSED", code: "CONFLICT", message: expect.stringMatching(/it waits for a management-side reviewer/) });
    const answered = approvalStep({ ...fund, reviewerSide: "LABOR", cents: 80_000, approvals: [labor800, management700] });
    expect(answered).toMatchObject({ step: "REFUSED", code: "CONFLICT", message: expect.stringMatching(/management approved \$700\.00 from Fund 1\. Approve that to complete it/) });
  });
});

describe("attachments", () => {
  const pdf = new TextEncoder().encode("%PDF-1.7\n...");
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
  const html = new TextEncoder().encode("<html><script>alert(1)</script>");

  it("recognises PDF, JPEG and PNG by their first bytes only", () => {
    expect(sniffMime(pdf)).toBe("application/pdf");
    expect(sniffMime(png)).toBe("image/png");
    expect(sniffMime(jpeg)).toBe("image/jpeg");
    expect(sniffMime(html)).toBeNull();
    expect(sniffMime(new Uint8Array([0x25, 0x50]))).toBeNull();
  });

  it.each(["../etc/passwd", "a/b.pdf", "a\\b.pdf", ".htaccess", "x..pdf", "rec\u0000eipt.pdf", "C:receipt.pdf", "", " "])("refuses the file name %j", (name) => {
    expect(checkFileName(name).ok).toBe(false);
  });

  it("keeps ordinary names, spaces and accents included", () => {
    expect(checkFileName("Recibo de guardería (nov).pdf")).toEqual({ ok: true, value: "Recibo de guardería (nov).pdf" });
  });

  it("refuses empty, oversize and wrong-type files", () => {
    expect(checkAttachment({ name: "a.pdf", bytes: new Uint8Array(), maxBytes: 100 })).toEqual({ ok: false, message: "The file is empty." });
    expect(checkAttachment({ name: "a.pdf", bytes: new Uint8Array(101).fill(0x25), maxBytes: 100 }).ok).toBe(false);
    expect(checkAttachment({ name: "a.pdf", bytes: html, maxBytes: 100 })).toEqual({ ok: false, message: "Only PDF, JPEG or PNG files can be attached." });
    expect(checkAttachment({ name: "quote.png", bytes: png, maxBytes: 100 })).toEqual({ ok: true, value: { name: "quote.png", mime: "image/png" } });
  });
});

describe("policy: who sees a trainee", () => {
  const facts = { viewerOrganizationId: "b", ownerOrganizationId: "a", hasGrant: false, isReviewer: false, underReview: true };
  it("the owner, a CBO holding the owner's grant, a reviewer once there is something to review; nobody else", () => {
    expect(traineeVia({ ...facts, viewerOrganizationId: "a" })).toBe("OWNER");
    expect(traineeVia({ ...facts, hasGrant: true })).toBe("GRANTED");
    expect(traineeVia({ ...facts, isReviewer: true })).toBe("REVIEWER");
    expect(traineeVia({ ...facts, isReviewer: true, underReview: false })).toBeNull();
    // A requesting organization whose grant was revoked: nothing.
    expect(traineeVia(facts)).toBeNull();
    expect(mayActForTrainee("OWNER") && mayActForTrainee("GRANTED")).toBe(true);
    expect(mayActForTrainee("REVIEWER") || mayActForTrainee(null)).toBe(false);
  });
});

describe("policy: the part a viewer plays in a step", () => {
  const requester: RequestViewer = { asRequester: true, isReviewer: false, traineeVia: "GRANTED" };
  const revoked: RequestViewer = { asRequester: true, isReviewer: false, traineeVia: null };
  const reviewer: RequestViewer = { asRequester: false, isReviewer: true, traineeVia: "REVIEWER" };
  const conflicted: RequestViewer = { asRequester: true, isReviewer: true, traineeVia: "OWNER" };
  const bystander: RequestViewer = { asRequester: false, isReviewer: false, traineeVia: "OWNER" };

  it("requesters submit, answer and cancel; reviewers review; a reviewer never reviews their own organization's request", () => {
    expect(roleFor("submit", requester)).toEqual({ ok: true, role: "CBO" });
    expect(roleFor("approve", reviewer)).toEqual({ ok: true, role: "REVIEWER" });
    expect(roleFor("approve", conflicted)).toMatchObject({ ok: false, message: expect.stringMatching(/Conflict of interest/) });
    expect(roleFor("cancel", conflicted)).toEqual({ ok: true, role: "CBO" });
    expect(roleFor("approve", requester)).toEqual({ ok: false, message: "Only a designated reviewer can do that." });
    expect(roleFor("answer", reviewer)).toEqual({ ok: false, message: "Only the requesting organization can do that." });
    expect(roleFor("cancel", bystander).ok).toBe(false);
  });

  it("after a revocation the requester may only withdraw: no submit, answer, edit, attach, or opening the files", () => {
    expect(roleFor("submit", revoked)).toEqual({ ok: false, message: NO_TRAINEE_ACCESS });
    expect(roleFor("answer", revoked)).toEqual({ ok: false, message: NO_TRAINEE_ACCESS });
    expect(canTake("submit", "DRAFT", revoked)).toBe(false);
    expect(canTake("answer", "NEEDS_INFO", revoked)).toBe(false);
    expect(canTake("cancel", "APPROVED", revoked)).toBe(true);
    expect(canEditRequest("DRAFT", revoked)).toBe(false);
    expect(canAttachFiles("SUBMITTED", revoked)).toBe(false);
    expect(canOpenFiles(revoked)).toBe(false);
    // With access, the same requester may.
    expect(canTake("submit", "DRAFT", requester)).toBe(true);
    expect(canEditRequest("DRAFT", requester)).toBe(true);
    expect(canAttachFiles("SUBMITTED", requester)).toBe(true);
    expect(canAttachFiles("APPROVED", requester)).toBe(false);
    expect(canOpenFiles(reviewer)).toBe(true);
  });

  it("a button shows exactly when the step's guard lets it through (every status, action and viewer)", () => {
    for (const viewer of [requester, revoked, reviewer, conflicted, bystander]) {
      for (const status of STATUS_KEYS) {
        for (const action of Object.keys(REQUEST_ACTIONS) as RequestAction[]) {
          const part = roleFor(action, viewer);
          const guard = part.ok && checkTransition(status, action, part.role).ok;
          expect(canTake(action, status, viewer)).toBe(guard);
        }
      }
    }
  });
});
