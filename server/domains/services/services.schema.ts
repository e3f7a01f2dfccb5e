// Inputs of the supportive-services domain (isomorphic: forms, procedures and tests share them).
// Money is typed in dollars and parsed to integer cents here; the configured maximum is checked by the
// service, which knows the configuration.
import { z } from "zod";
import { IdSchema as id, wholeNumber } from "../common.schema.js";
import { parseCalendarDate } from "../common.rules.js";
import { CATEGORY_KEYS, checkRaceEthnicity, DEMOGRAPHICS, parseDollars, type ServiceCategory } from "./services.rules.js";

/** Limits of the text fields, shared with the forms' maxLength. */
export const TRAINEE_NAME_MAX = 200;
export const PROGRAM_MAX = 200;
export const LANGUAGE_MAX = 60;
export const PHONE_MAX = 40;
export const TRAINEE_EMAIL_MAX = 254;
export const SEARCH_MAX = 100;
export const FUND_NAME_MAX = 200;
export const NOTE_MAX = 2_000;
export const REFERENCE_MAX = 200;

const text = (max: number) => z.string().trim().max(max, `At most ${max.toLocaleString("en-US")} characters.`);
const required = (what: string, max: number) =>
  z
    .string({ required_error: `${what} is required.` })
    .trim()
    .min(1, `${what} is required.`)
    .max(max, `${what} must be at most ${max.toLocaleString("en-US")} characters.`);

/** Dollars typed by a person ("125.50") → integer cents; numbers are refused so no float ever slips in. */
export const DollarsSchema = z.string({ required_error: "Enter an amount.", invalid_type_error: "Enter an amount." }).transform((value, ctx) => {
  const parsed = parseDollars(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.message });
    return z.NEVER;
  }
  return parsed.value;
});

/** "YYYY-MM-DD" → that date at 00:00 UTC. */
export const CalendarDateSchema = z.string({ required_error: "Enter a date." }).transform((value, ctx) => {
  const parsed = parseCalendarDate(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.message });
    return z.NEVER;
  }
  return parsed.value;
});

const category = z.enum(CATEGORY_KEYS, { errorMap: () => ({ message: "Choose a category." }) });
const demographic = <K extends keyof typeof DEMOGRAPHICS>(key: K) =>
  z.enum(Object.keys(DEMOGRAPHICS[key]) as [string, ...string[]]).default("PREFER_NOT_TO_SAY");

/** Race and ethnicity (2024 format): any categories, or "prefer not to say" alone; nothing chosen is "prefer not to say". */
export const RaceEthnicitySchema = z
  .array(z.string().max(40), { invalid_type_error: "Choose from the categories listed." })
  .max(8)
  .default(["PREFER_NOT_TO_SAY"])
  .transform((answers, ctx) => {
    const checked = checkRaceEthnicity(answers);
    if (!checked.ok) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: checked.message });
      return z.NEVER;
    }
    return checked.value;
  });

/** The self-reported questions, all optional: shared by trainees (services) and participants. */
export const DemographicsSchema = z.object({
  raceEthnicity: RaceEthnicitySchema,
  sex: demographic("sex"),
  veteranStatus: demographic("veteranStatus"),
  disabilityStatus: demographic("disabilityStatus"),
  ageBand: demographic("ageBand"),
});

export const PartnershipIdSchema = z.object({ partnershipId: id });
/** Which totals the CSV holds: requests by category and status, or trainees by each self-reported question. */
export const ExportInputSchema = PartnershipIdSchema.extend({ table: z.enum(["requests", "trainees"]).default("requests") });
export const RequestIdSchema = z.object({ requestId: id });
export const TraineeIdSchema = z.object({ traineeId: id });
export const FundIdSchema = z.object({ fundId: id });

// ─── settings and reviewers ─────────────────────────────────────────────────

/** The longest review target a partnership may set, in days. */
export const TARGET_DAYS_MAX = 90;

export const ServiceSettingsInputSchema = z.object({
  partnershipId: id,
  targetDays: wholeNumber(
    { min: 1, max: TARGET_DAYS_MAX },
    { type: "Enter a number of days.", whole: "Whole days only.", min: "At least one day.", max: `At most ${TARGET_DAYS_MAX} days.` },
  ),
});
export const ReviewerInputSchema = z.object({ partnershipId: id, membershipId: id });

// ─── trainees ───────────────────────────────────────────────────────────────

export const TraineeFieldsSchema = z.object({
  name: required("The trainee's name", TRAINEE_NAME_MAX),
  email: z
    .union([z.literal(""), z.string().trim().max(TRAINEE_EMAIL_MAX, `Email must be at most ${TRAINEE_EMAIL_MAX} characters.`).email("Enter a valid email address.")])
    .default(""),
  phone: text(PHONE_MAX).default(""),
  program: required("The program", PROGRAM_MAX),
  preferredLanguage: text(LANGUAGE_MAX).default("English").transform((v) => v || "English"),
}).merge(DemographicsSchema);
export const CreateTraineeInputSchema = TraineeFieldsSchema.extend({ partnershipId: id });
export type CreateTraineeInput = z.infer<typeof CreateTraineeInputSchema>;
export const UpdateTraineeInputSchema = TraineeFieldsSchema.extend({ traineeId: id });
export type UpdateTraineeInput = z.infer<typeof UpdateTraineeInputSchema>;
export const ListTraineesInputSchema = z.object({ partnershipId: id, search: text(SEARCH_MAX).default("") });
export const GrantInputSchema = z.object({ traineeId: id, organizationId: id });

// ─── funds ──────────────────────────────────────────────────────────────────

export const CreateFundInputSchema = z.object({
  partnershipId: id,
  name: required("The fund's name", FUND_NAME_MAX),
  starting: DollarsSchema,
});
export type CreateFundInput = z.infer<typeof CreateFundInputSchema>;

export const SetCapInputSchema = z.object({
  fundId: id,
  category: z.enum([...CATEGORY_KEYS, "ALL"] as [ServiceCategory | "ALL", ...(ServiceCategory | "ALL")[]]),
  perTrainee: z.boolean(),
  /** Empty removes the cap. */
  cap: z.union([z.literal(""), DollarsSchema]),
}).refine((v) => v.perTrainee || v.category !== "ALL", { message: "A cap for all categories together applies per trainee.", path: ["category"] });
export type SetCapInput = z.infer<typeof SetCapInputSchema>;

/** The largest threshold a fund's review policy takes (an integer column of cents). */
export const THRESHOLD_MAX_CENTS = 2_147_483_647;

/**
 * A fund's review policy: above `threshold` (dollars) an approval needs a reviewer of each side; empty
 * means one reviewer approves any amount. "0" makes every approval need both sides.
 */
export const SetReviewPolicyInputSchema = z.object({
  fundId: id,
  threshold: z.union([
    z.literal(""),
    z
      .string({ invalid_type_error: "Enter an amount." })
      .transform((value, ctx) => {
        if (/^\s*\$?0+(\.0{1,2})?\s*$/.test(value)) return 0;
        const parsed = parseDollars(value);
        if (!parsed.ok) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.message });
          return z.NEVER;
        }
        return parsed.value;
      })
      .refine((cents) => cents <= THRESHOLD_MAX_CENTS, { message: "At most $21,474,836.47." }),
  ]),
});
export type SetReviewPolicyInput = z.infer<typeof SetReviewPolicyInputSchema>;

// ─── requests ───────────────────────────────────────────────────────────────

export const JUSTIFICATION_MAX = 5_000;

export const RequestFieldsSchema = z.object({
  traineeId: id,
  category,
  amount: DollarsSchema,
  neededBy: CalendarDateSchema,
  justification: required("A justification", JUSTIFICATION_MAX),
});
export const CreateRequestInputSchema = RequestFieldsSchema.extend({
  partnershipId: id,
  /** Submit at once (true) or keep as a draft. */
  submit: z.boolean().default(false),
});
export type CreateRequestInput = z.infer<typeof CreateRequestInputSchema>;
export const UpdateRequestInputSchema = RequestFieldsSchema.omit({ traineeId: true }).extend({ requestId: id });
export type UpdateRequestInput = z.infer<typeof UpdateRequestInputSchema>;

export const ListRequestsInputSchema = z.object({
  partnershipId: id,
  /** mine: my organization's requests; queue: the reviewers' open requests, oldest first. */
  view: z.enum(["mine", "queue", "all"]).default("mine"),
});

export const NoteInputSchema = z.object({ requestId: id, note: required("A message", NOTE_MAX) });
export const ApproveInputSchema = z.object({
  requestId: id,
  fundId: id,
  amount: DollarsSchema,
  note: text(NOTE_MAX).default(""),
});
export type ApproveInput = z.infer<typeof ApproveInputSchema>;
export const DenyInputSchema = z.object({ requestId: id, reason: required("A reason", NOTE_MAX) });
export const FulfilInputSchema = z.object({
  requestId: id,
  fulfilledOn: CalendarDateSchema,
  reference: required("A payment or delivery reference", REFERENCE_MAX),
});
export const CancelInputSchema = z.object({ requestId: id, reason: text(NOTE_MAX).default("") });
