// Inputs of the supportive-services domain (isomorphic: forms, procedures and tests share them).
// Money is typed in dollars and parsed to integer cents here; the configured maximum is checked by the
// service, which knows the configuration.
import { z } from "zod";
import { IdSchema as id } from "../common.schema.js";
import { CATEGORY_KEYS, DEMOGRAPHICS, parseCalendarDate, parseDollars, type ServiceCategory } from "./services.rules.js";

const text = (max: number) => z.string().trim().max(max, `At most ${max.toLocaleString("en-US")} characters.`);
const required = (what: string, max: number) => z.string({ required_error: `${what} is required.` }).trim().min(1, `${what} is required.`).max(max);

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

export const PartnershipIdSchema = z.object({ partnershipId: id });
export const RequestIdSchema = z.object({ requestId: id });
export const TraineeIdSchema = z.object({ traineeId: id });
export const FundIdSchema = z.object({ fundId: id });

// ─── settings and reviewers ─────────────────────────────────────────────────

export const ServiceSettingsInputSchema = z.object({
  partnershipId: id,
  targetDays: z.coerce.number({ invalid_type_error: "Enter a number of days." }).int("Whole days only.").min(1, "At least one day.").max(90, "At most 90 days."),
});
export const ReviewerInputSchema = z.object({ partnershipId: id, membershipId: id });

// ─── trainees ───────────────────────────────────────────────────────────────

export const TraineeFieldsSchema = z.object({
  name: required("The trainee's name", 200),
  email: z.union([z.literal(""), z.string().trim().email("Enter a valid email address.").max(254)]).default(""),
  phone: text(40).default(""),
  program: required("The program", 200),
  preferredLanguage: text(60).default("English").transform((v) => v || "English"),
  raceEthnicity: demographic("raceEthnicity"),
  sex: demographic("sex"),
  veteranStatus: demographic("veteranStatus"),
  disabilityStatus: demographic("disabilityStatus"),
  ageBand: demographic("ageBand"),
});
export const CreateTraineeInputSchema = TraineeFieldsSchema.extend({ partnershipId: id });
export type CreateTraineeInput = z.infer<typeof CreateTraineeInputSchema>;
export const UpdateTraineeInputSchema = TraineeFieldsSchema.extend({ traineeId: id });
export type UpdateTraineeInput = z.infer<typeof UpdateTraineeInputSchema>;
export const ListTraineesInputSchema = z.object({ partnershipId: id, search: text(100).default("") });
export const GrantInputSchema = z.object({ traineeId: id, organizationId: id });

// ─── funds ──────────────────────────────────────────────────────────────────

export const CreateFundInputSchema = z.object({
  partnershipId: id,
  name: required("The fund's name", 200),
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

export const NoteInputSchema = z.object({ requestId: id, note: required("A message", 2_000) });
export const ApproveInputSchema = z.object({
  requestId: id,
  fundId: id,
  amount: DollarsSchema,
  note: text(2_000).default(""),
});
export type ApproveInput = z.infer<typeof ApproveInputSchema>;
export const DenyInputSchema = z.object({ requestId: id, reason: required("A reason", 2_000) });
export const FulfilInputSchema = z.object({
  requestId: id,
  fulfilledOn: CalendarDateSchema,
  reference: required("A payment or delivery reference", 200),
});
export const CancelInputSchema = z.object({ requestId: id, reason: text(2_000).default("") });
