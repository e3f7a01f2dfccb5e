// Pure rules of supportive services: the request's life (who may move it where), money in integer
// cents, dates, the service-level clock, fund headroom and caps, and attachment checks. No I/O.

import type { Parsed } from "../common.rules.js";

export const SERVICE_CATEGORIES = {
  DEPENDENT_CARE: "Dependent care / childcare",
  TRANSPORTATION: "Transportation",
  TOOLS_EQUIPMENT: "Tools and equipment",
  UNIFORMS_SAFETY_GEAR: "Uniforms and safety gear",
  TUITION_FEES: "Tuition and fees",
  TESTING_LICENSING: "Testing and licensing fees",
  EMERGENCY_CASH: "Emergency cash assistance",
  HOUSING: "Housing",
  LANGUAGE_ESL: "Language support / ESL",
  GED_BASIC_SKILLS: "GED or basic skills",
  OTHER: "Other",
} as const;
export type ServiceCategory = keyof typeof SERVICE_CATEGORIES;
export const CATEGORY_KEYS = Object.keys(SERVICE_CATEGORIES) as [ServiceCategory, ...ServiceCategory[]];

export const REQUEST_STATUSES = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  UNDER_REVIEW: "Under review",
  NEEDS_INFO: "Needs more information",
  APPROVED: "Approved",
  DENIED: "Denied",
  FULFILLED: "Fulfilled",
  CANCELLED: "Cancelled",
} as const;
export type RequestStatus = keyof typeof REQUEST_STATUSES;
export const STATUS_KEYS = Object.keys(REQUEST_STATUSES) as [RequestStatus, ...RequestStatus[]];

/** Requests waiting for a reviewer's decision (the queue). */
export const OPEN_STATUSES: RequestStatus[] = ["SUBMITTED", "UNDER_REVIEW", "NEEDS_INFO"];
/** Requests whose approved amount counts against a fund (committed or spent). */
export const FUNDED_STATUSES: RequestStatus[] = ["APPROVED", "FULFILLED"];

// ─── the life of a request ──────────────────────────────────────────────────

/** Who acts: a member of the requesting CBO, or a designated reviewer (never of the requesting organization). */
export type Actor = "CBO" | "REVIEWER";

export const REQUEST_ACTIONS = {
  submit: { from: ["DRAFT"], to: "SUBMITTED", by: ["CBO"] },
  startReview: { from: ["SUBMITTED"], to: "UNDER_REVIEW", by: ["REVIEWER"] },
  askInfo: { from: ["SUBMITTED", "UNDER_REVIEW"], to: "NEEDS_INFO", by: ["REVIEWER"] },
  answer: { from: ["NEEDS_INFO"], to: "UNDER_REVIEW", by: ["CBO"] },
  approve: { from: ["SUBMITTED", "UNDER_REVIEW"], to: "APPROVED", by: ["REVIEWER"] },
  deny: { from: ["SUBMITTED", "UNDER_REVIEW", "NEEDS_INFO"], to: "DENIED", by: ["REVIEWER"] },
  fulfil: { from: ["APPROVED"], to: "FULFILLED", by: ["REVIEWER"] },
  cancel: { from: ["DRAFT", "SUBMITTED", "UNDER_REVIEW", "NEEDS_INFO", "APPROVED"], to: "CANCELLED", by: ["CBO", "REVIEWER"] },
} as const satisfies Record<string, { from: readonly RequestStatus[]; to: RequestStatus; by: readonly Actor[] }>;
export type RequestAction = keyof typeof REQUEST_ACTIONS;

const ACTION_VERBS: Record<RequestAction, string> = {
  submit: "submit",
  startReview: "start reviewing",
  askInfo: "ask for more information on",
  answer: "answer",
  approve: "approve",
  deny: "deny",
  fulfil: "mark as fulfilled",
  cancel: "cancel",
};

export type TransitionCheck = { ok: true; to: RequestStatus } | { ok: false; reason: "STATUS" | "ACTOR"; message: string };

/** Whether `actor` may take `action` on a request in `status`, and where it leads. */
export function checkTransition(status: RequestStatus, action: RequestAction, actor: Actor): TransitionCheck {
  const rule = REQUEST_ACTIONS[action];
  if (!(rule.by as readonly Actor[]).includes(actor)) {
    const who = actor === "CBO" ? "a reviewer" : "the requesting organization";
    return { ok: false, reason: "ACTOR", message: `Only ${who} can ${ACTION_VERBS[action]} a request.` };
  }
  if (!(rule.from as readonly RequestStatus[]).includes(status)) {
    return {
      ok: false,
      reason: "STATUS",
      message: `A request that is ${REQUEST_STATUSES[status].toLowerCase()} cannot be ${pastTense(action)}.`,
    };
  }
  return { ok: true, to: rule.to };
}

function pastTense(action: RequestAction): string {
  const map: Record<RequestAction, string> = {
    submit: "submitted",
    startReview: "taken into review",
    askInfo: "sent back for more information",
    answer: "answered",
    approve: "approved",
    deny: "denied",
    fulfil: "marked as fulfilled",
    cancel: "cancelled",
  };
  return map[action];
}

/** Every status a request can reach from `status` by some action (for tests and the UI). */
export function nextStatuses(status: RequestStatus): RequestStatus[] {
  return [...new Set(Object.values(REQUEST_ACTIONS).filter((r) => (r.from as readonly RequestStatus[]).includes(status)).map((r) => r.to))];
}

/** A CBO member may edit the request's details (amount, dates, text) only while it is a draft. */
export const canEditDetails = (status: RequestStatus) => status === "DRAFT";
/** Receipts and quotes can be added until a decision is taken. */
export const canAttach = (status: RequestStatus) => status === "DRAFT" || OPEN_STATUSES.includes(status);

// ─── money ──────────────────────────────────────────────────────────────────


/**
 * Dollars as typed ("1,250.5", "$40", "12.34") to integer cents. Refuses negative or zero amounts,
 * more than two decimals and anything that is not a plain number. Never goes through floating point.
 */
export function parseDollars(input: string): Parsed<number> {
  const text = input.trim().replace(/^\$/, "").replace(/,(?=\d{3}(\D|$))/g, "");
  if (text === "") return { ok: false, message: "Enter an amount." };
  if (text.startsWith("-")) return { ok: false, message: "The amount must be more than zero." };
  const match = /^(\d{1,9})(?:\.(\d*))?$/.exec(text);
  if (!match) return { ok: false, message: "Enter an amount in dollars and cents, e.g. 125.50." };
  const decimals = match[2] ?? "";
  if (decimals.length > 2) return { ok: false, message: "Use at most two decimals (cents)." };
  const cents = Number(match[1]) * 100 + Number(decimals.padEnd(2, "0"));
  if (cents <= 0) return { ok: false, message: "The amount must be more than zero." };
  return { ok: true, value: cents };
}

/** Refuses an amount above the configured maximum per request. */
export function checkMaximum(cents: number, maxCents: number): Parsed<number> {
  if (cents > maxCents) return { ok: false, message: `A request may ask for at most ${formatCents(maxCents)}.` };
  return { ok: true, value: cents };
}

/** "$1,250.50" (en-US). */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100).toLocaleString("en-US");
  return `${sign}$${dollars}.${String(abs % 100).padStart(2, "0")}`;
}

/** Cents as an editable dollars string ("1250.50"). */
export const centsToDollarsInput = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;

// ─── dates and the service-level clock ──────────────────────────────────────

const DAY_MS = 24 * 60 * 60 * 1000;

/** A needed-by date may be today or later (calendar dates in UTC). */
export function checkNeededBy(neededBy: Date, now: Date): Parsed<Date> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (neededBy.getTime() < today) return { ok: false, message: "The needed-by date is in the past." };
  return { ok: true, value: neededBy };
}

export type SlaClock = { ageDays: number; dueAt: Date; overdue: boolean; daysLeft: number };

/** Age since submission and the decision's due time against the partnership's target days. */
export function slaClock(submittedAt: Date, now: Date, targetDays: number): SlaClock {
  const dueAt = new Date(submittedAt.getTime() + targetDays * DAY_MS);
  const ageDays = Math.max(0, Math.floor((now.getTime() - submittedAt.getTime()) / DAY_MS));
  const daysLeft = Math.ceil((dueAt.getTime() - now.getTime()) / DAY_MS);
  return { ageDays, dueAt, overdue: now.getTime() > dueAt.getTime(), daysLeft };
}

// ─── funds and caps ─────────────────────────────────────────────────────────

export type FundBalance = { startingCents: number; committedCents: number; spentCents: number };
export const availableCents = (f: FundBalance) => f.startingCents - f.committedCents - f.spentCents;

export type Cap = { category: ServiceCategory | "ALL"; perTrainee: boolean; capCents: number };
export type CapUse = {
  /** This year's approved amounts (approved or fulfilled) from the fund, in the request's category. */
  categoryYearCents: number;
  /** This year's approved amounts for the trainee, in the request's category. */
  traineeCategoryYearCents: number;
  /** This year's approved amounts for the trainee, in every category. */
  traineeYearCents: number;
};

/** The first cap an approval of `cents` in `category` would break, or null. */
export function capBreached(caps: Cap[], category: ServiceCategory, cents: number, use: CapUse): { cap: Cap; message: string } | null {
  for (const cap of caps) {
    if (cap.category !== "ALL" && cap.category !== category) continue;
    const used = cap.perTrainee ? (cap.category === "ALL" ? use.traineeYearCents : use.traineeCategoryYearCents) : cap.category === "ALL" ? null : use.categoryYearCents;
    if (used === null) continue;
    if (used + cents > cap.capCents) {
      const what = cap.perTrainee
        ? `the yearly cap per trainee${cap.category === "ALL" ? "" : ` for ${SERVICE_CATEGORIES[cap.category].toLowerCase()}`}`
        : `the yearly cap for ${SERVICE_CATEGORIES[cap.category as ServiceCategory].toLowerCase()}`;
      return { cap, message: `This would exceed ${what} (${formatCents(cap.capCents)}; ${formatCents(Math.max(0, cap.capCents - used))} left).` };
    }
  }
  return null;
}

// ─── who approves: one reviewer, or one of each side above a fund's threshold ─

/** A fund's review policy in words (its threshold: null is none). */
export function describeReviewPolicy(bothSidesAboveCents: number | null): string {
  if (bothSidesAboveCents === null) return "One reviewer approves any amount";
  return `Above ${formatCents(bothSidesAboveCents)}: a reviewer of each side (labor and management) approves; up to it, one reviewer`;
}

/** Whether approving `cents` from a fund with this threshold needs a reviewer of each side. */
export const needsBothSides = (bothSidesAboveCents: number | null, cents: number) => bothSidesAboveCents !== null && cents > bothSidesAboveCents;

export type ApprovalSide = "LABOR" | "MANAGEMENT";
export type SideApproval = { side: ApprovalSide; amountCents: number; fundId: string; fundName: string; reviewerName: string };

/**
 * What a reviewer's approval of `cents` from a fund does, given each side's approval already recorded
 * for the request: CHARGE (one reviewer suffices: at or below the threshold, or no threshold), WAIT
 * (this side's approval is recorded, replacing the side's earlier one if any, and the request waits for
 * the other side to approve the same), COMPLETE (the other side approved the same amount from the same
 * fund: recorded, and the fund is charged), or a refusal. So the sides converge: either may answer the
 * other's approval with another amount or fund, which the other side then agrees to or answers again;
 * neither settles an amount alone. Reviewers of neutral organizations are of neither side: above the
 * threshold they cannot be one of the two.
 */
export function approvalStep(f: {
  reviewerSide: "LABOR" | "MANAGEMENT" | "NEUTRAL";
  cents: number;
  fundId: string;
  bothSidesAboveCents: number | null;
  approvals: SideApproval[];
}):
  | { step: "CHARGE" }
  | { step: "WAIT" | "COMPLETE"; replaces: SideApproval | null }
  | { step: "REFUSED"; code: "FORBIDDEN" | "CONFLICT"; message: string } {
  if (!needsBothSides(f.bothSidesAboveCents, f.cents)) return { step: "CHARGE" };
  const limit = formatCents(f.bothSidesAboveCents!);
  if (f.reviewerSide === "NEUTRAL") {
    return {
      step: "REFUSED",
      code: "FORBIDDEN",
      message: `Above ${limit}, this fund needs a reviewer from each side (labor and management). As a reviewer from a neutral organization you approve up to ${limit}, ask for information or deny the request.`,
    };
  }
  const side = f.reviewerSide;
  const other: ApprovalSide = side === "LABOR" ? "MANAGEMENT" : "LABOR";
  const mine = f.approvals.find((a) => a.side === side) ?? null;
  const theirs = f.approvals.find((a) => a.side === other) ?? null;
  const same = (a: SideApproval | null) => a !== null && a.fundId === f.fundId && a.amountCents === f.cents;
  if (same(mine)) {
    return {
      step: "REFUSED",
      code: "CONFLICT",
      message: theirs
        ? `${SIDE_WORDS[side]} already approved ${formatCents(mine!.amountCents)} from ${mine!.fundName} (${mine!.reviewerName}); ${SIDE_WORDS[other].toLowerCase()} approved ${formatCents(theirs.amountCents)} from ${theirs.fundName}. Approve that to complete it, or wait for ${SIDE_WORDS[other].toLowerCase()} to agree to yours.`
        : `${SIDE_WORDS[side]} already approved this request (${formatCents(mine!.amountCents)}, ${mine!.reviewerName}); it waits for a ${SIDE_WORDS[other].toLowerCase()}-side reviewer.`,
    };
  }
  return { step: same(theirs) ? "COMPLETE" : "WAIT", replaces: mine };
}

const SIDE_WORDS: Record<ApprovalSide, string> = { LABOR: "Labor", MANAGEMENT: "Management" };

/** The calendar year (UTC) of `date` as [start, end). */
export function yearRange(date: Date): { start: Date; end: Date } {
  const y = date.getUTCFullYear();
  return { start: new Date(Date.UTC(y, 0, 1)), end: new Date(Date.UTC(y + 1, 0, 1)) };
}

// ─── trainees' demographics ─────────────────────────────────────────────────
// Self-reported and optional. Race and ethnicity follow the 2024 federal standard (SPD 15): one question,
// any number of categories (Hispanic or Latino, and Middle Eastern or North African, are categories of
// it), or "prefer not to say" alone. Participants (the participants domain) use the same categories.

export const PREFER_NOT_TO_SAY = "PREFER_NOT_TO_SAY";
export const RACE_ETHNICITY = {
  AMERICAN_INDIAN_ALASKA_NATIVE: "American Indian or Alaska Native",
  ASIAN: "Asian",
  BLACK_AFRICAN_AMERICAN: "Black or African American",
  HISPANIC_LATINO: "Hispanic or Latino",
  MIDDLE_EASTERN_NORTH_AFRICAN: "Middle Eastern or North African",
  NATIVE_HAWAIIAN_PACIFIC_ISLANDER: "Native Hawaiian or Pacific Islander",
  WHITE: "White",
} as const;
export type RaceEthnicity = keyof typeof RACE_ETHNICITY;
export const RACE_ETHNICITY_KEYS = Object.keys(RACE_ETHNICITY) as [RaceEthnicity, ...RaceEthnicity[]];
export type RaceEthnicityAnswer = RaceEthnicity | typeof PREFER_NOT_TO_SAY;

/** The single-choice questions (each "prefer not to say" unless answered). */
export const DEMOGRAPHICS = {
  sex: { FEMALE: "Female", MALE: "Male", ANOTHER: "Another identity", PREFER_NOT_TO_SAY: "Prefer not to say" },
  veteranStatus: { VETERAN: "Veteran", NOT_VETERAN: "Not a veteran", PREFER_NOT_TO_SAY: "Prefer not to say" },
  disabilityStatus: { YES: "Has a disability", NO: "No disability", PREFER_NOT_TO_SAY: "Prefer not to say" },
  ageBand: {
    AGE_UNDER_18: "Under 18",
    AGE_18_24: "18–24",
    AGE_25_34: "25–34",
    AGE_35_44: "35–44",
    AGE_45_54: "45–54",
    AGE_55_64: "55–64",
    AGE_65_PLUS: "65 or older",
    PREFER_NOT_TO_SAY: "Prefer not to say",
  },
} as const;
export type DemographicQuestion = keyof typeof DEMOGRAPHICS;
export const DEMOGRAPHIC_LABELS: Record<DemographicQuestion | "raceEthnicity", string> = {
  raceEthnicity: "Race and ethnicity",
  sex: "Sex",
  veteranStatus: "Veteran status",
  disabilityStatus: "Disability",
  ageBand: "Age",
};

/**
 * A set of answers as it is kept: categories once each in a fixed order, or PREFER_NOT_TO_SAY alone
 * (also when nothing was chosen). "Prefer not to say" with a category is refused: it is exclusive.
 */
export function checkRaceEthnicity(answers: readonly string[]): Parsed<RaceEthnicityAnswer[]> {
  const chosen = new Set(answers);
  for (const a of chosen) if (a !== PREFER_NOT_TO_SAY && !(a in RACE_ETHNICITY)) return { ok: false, message: "Choose from the categories listed." };
  if (chosen.has(PREFER_NOT_TO_SAY) && chosen.size > 1) return { ok: false, message: "“Prefer not to say” cannot be combined with a category." };
  const categories = RACE_ETHNICITY_KEYS.filter((k) => chosen.has(k));
  return { ok: true, value: categories.length ? categories : [PREFER_NOT_TO_SAY] };
}

export const describeRaceEthnicity = (answers: readonly string[]) =>
  answers.includes(PREFER_NOT_TO_SAY) || !answers.length ? "Prefer not to say" : answers.map((a) => RACE_ETHNICITY[a as RaceEthnicity] ?? a).join(", ");

/**
 * Where a person is counted in a table by race and ethnicity, so that each person is in exactly one row
 * (the rows add up to the total, which small-cell suppression relies on): the category when one was
 * chosen ("alone"), MULTIPLE when several, NOT_REPORTED when the person preferred not to say.
 */
export const RACE_ETHNICITY_GROUPS = {
  ...RACE_ETHNICITY,
  MULTIPLE: "Multiracial and/or multiethnic (two or more)",
  NOT_REPORTED: "Prefer not to say",
} as const;
export type RaceEthnicityGroup = keyof typeof RACE_ETHNICITY_GROUPS;
export function raceEthnicityGroup(answers: readonly string[]): RaceEthnicityGroup {
  const categories = answers.filter((a) => a in RACE_ETHNICITY);
  if (!categories.length) return "NOT_REPORTED";
  return categories.length > 1 ? "MULTIPLE" : (categories[0] as RaceEthnicity);
}

// ─── attachments ────────────────────────────────────────────────────────────

export const ATTACHMENT_TYPES = { "application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG" } as const;
export type AttachmentMime = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The type a file really is, from its first bytes (never from its name or the browser's claim). */
export function sniffMime(bytes: Uint8Array): AttachmentMime | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  return null;
}

/**
 * A file name as given by the uploader, for display and download only (never a path on disk): no
 * path characters, no control characters, no leading dot, at most 200 characters.
 */
export function checkFileName(name: string): Parsed<string> {
  const trimmed = name.trim();
  if (trimmed === "") return { ok: false, message: "The file needs a name." };
  if (trimmed.length > 200) return { ok: false, message: "The file name is too long (200 characters at most)." };
  if (/[/\\\x00-\x1f\x7f:*?"<>|]/.test(trimmed) || trimmed.startsWith(".") || trimmed.includes("..")) {
    return { ok: false, message: "The file name may not contain path or special characters (/ \\ : * ? \" < > | ..)." };
  }
  return { ok: true, value: trimmed };
}

/** Checks an upload: size within the limit, a PDF/JPEG/PNG by its content, and a safe name. */
export function checkAttachment(input: { name: string; bytes: Uint8Array; maxBytes: number }): Parsed<{ name: string; mime: AttachmentMime }> {
  const name = checkFileName(input.name);
  if (!name.ok) return name;
  if (input.bytes.length === 0) return { ok: false, message: "The file is empty." };
  if (input.bytes.length > input.maxBytes) {
    return { ok: false, message: `The file is too large (at most ${Math.round(input.maxBytes / (1024 * 1024))} MB).` };
  }
  const mime = sniffMime(input.bytes);
  if (!mime) return { ok: false, message: "Only PDF, JPEG or PNG files can be attached." };
  return { ok: true, value: { name: name.value, mime } };
}
