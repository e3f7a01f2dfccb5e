// Inputs of the participants domain (isomorphic: forms, procedures and tests share them).
import { z } from "zod";
import { IdSchema as id, wholeNumber } from "../common.schema.js";
import { DemographicsSchema } from "../services/services.schema.js";
import { MAX_SUPPRESSION_THRESHOLD, MIN_SUPPRESSION_THRESHOLD } from "./suppression.rules.js";
import { parseCalendarDate } from "../common.rules.js";
import { ENROLLMENT_ACTION_KEYS, parseHours, PROGRAM_KIND_KEYS } from "./participants.rules.js";

export const NAME_MAX = 200;
export const REASON_MAX = 1_000;
export const NOTE_MAX = 500;
export const CSV_MAX = 1_000_000;
export const LABEL_MAX = 100;

const text = (max: number) => z.string().trim().max(max, `At most ${max.toLocaleString("en-US")} characters.`);
const required = (what: string, max: number) =>
  z
    .string({ required_error: `${what} is required.` })
    .trim()
    .min(1, `${what} is required.`)
    .max(max, `${what} must be at most ${max.toLocaleString("en-US")} characters.`);

/** "YYYY-MM-DD" → that date at 00:00 UTC. */
export const DateSchema = z.string({ required_error: "Enter a date." }).transform((value, ctx) => {
  const parsed = parseCalendarDate(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.message });
    return z.NEVER;
  }
  return parsed.value;
});
const optionalDate = z.union([z.literal(""), DateSchema]).default("").transform((v) => (v === "" ? null : v));
const optionalId = z.union([z.literal(""), id]).default("").transform((v) => (v === "" ? null : v));

export const PartnershipIdSchema = z.object({ partnershipId: id });
export const ParticipantIdSchema = z.object({ participantId: id });
export const EnrollmentIdSchema = z.object({ enrollmentId: id });
export const SnapshotIdSchema = z.object({ snapshotId: id });
/** A published snapshot's CSV, in the language its link names (English when it names none we speak). */
export const SnapshotCsvSchema = SnapshotIdSchema.extend({ locale: z.string().max(16).optional() });

// ─── settings and programs ──────────────────────────────────────────────────

export const SettingsInputSchema = z.object({
  partnershipId: id,
  aoBodyId: optionalId,
  suppressionThreshold: wholeNumber(
    { min: MIN_SUPPRESSION_THRESHOLD, max: MAX_SUPPRESSION_THRESHOLD },
    { type: "Enter a number.", whole: "A whole number.", min: `At least ${MIN_SUPPRESSION_THRESHOLD}.`, max: `At most ${MAX_SUPPRESSION_THRESHOLD}.` },
  ),
  committeeSeesNames: z.boolean().default(false),
});
export type SettingsInput = z.infer<typeof SettingsInputSchema>;

export const WageStepInputSchema = z.object({
  label: required("A label", LABEL_MAX),
  basis: z.enum(["HOURS", "COMPETENCIES"]),
  threshold: wholeNumber({ min: 0, max: 100_000 }, { type: "Enter a number.", whole: "A whole number.", min: "Zero or more.", max: "At most 100,000." }),
  hourlyWage: z.string().transform((value, ctx) => {
    const m = /^\$?(\d{1,4})(?:\.(\d{1,2}))?$/.exec(value.trim());
    if (!m || Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) <= 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "Enter an hourly wage, e.g. 21.50." });
      return z.NEVER;
    }
    return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  }),
});
export const CreateProgramInputSchema = z.object({
  partnershipId: id,
  bodyId: id,
  name: required("The program's name", NAME_MAX),
  kind: z.enum(PROGRAM_KIND_KEYS),
  curriculumVersionId: id,
  wageSteps: z.array(WageStepInputSchema).max(20).default([]),
});
export type CreateProgramInput = z.infer<typeof CreateProgramInputSchema>;

// ─── participants and enrollments ───────────────────────────────────────────

/** A new participant: a CBO's trainee (linked, not copied) or a person recorded here. */
export const CreateParticipantInputSchema = z
  .object({
    partnershipId: id,
    traineeId: optionalId,
    name: text(NAME_MAX).default(""),
    /** A Jointly account's email, so the participant signs in to see their own record. */
    accountEmail: z.union([z.literal(""), z.string().trim().toLowerCase().max(254).email("Enter a valid email address.")]).default(""),
    programId: id,
    employerId: id,
    appliedOn: DateSchema,
    startDate: optionalDate,
    mentorMembershipId: optionalId,
    instructorMembershipId: optionalId,
  })
  .merge(DemographicsSchema)
  .superRefine((v, ctx) => {
    if (!v.traineeId && !v.name) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["name"], message: "The participant's name is required." });
    if (v.startDate && v.startDate < v.appliedOn) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["startDate"], message: "The start is before the application." });
    if (v.mentorMembershipId && v.mentorMembershipId === v.instructorMembershipId) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["instructorMembershipId"], message: "The mentor approves the instructor's hours: choose someone else." });
    }
  });
export type CreateParticipantInput = z.infer<typeof CreateParticipantInputSchema>;

export const ChangeStatusInputSchema = z.object({
  enrollmentId: id,
  action: z.enum(ENROLLMENT_ACTION_KEYS),
  reason: text(REASON_MAX).default(""),
  /** For enroll: the start date. */
  startDate: optionalDate,
  /** The date it ended (complete, cancel, transfer); today when empty. */
  endedOn: optionalDate,
});
export type ChangeStatusInput = z.infer<typeof ChangeStatusInputSchema>;

export const AssignInputSchema = z.object({ enrollmentId: id, mentorMembershipId: optionalId, instructorMembershipId: optionalId });

// ─── progress ───────────────────────────────────────────────────────────────

export const HoursSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const parsed = parseHours(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.message });
    return z.NEVER;
  }
  return parsed.value;
});
export const LogHoursInputSchema = z.object({
  enrollmentId: id,
  /** Any day of the week; the week's Monday is kept. */
  week: DateSchema,
  kind: z.enum(["RI", "OJL"]),
  hours: HoursSchema,
  note: text(NOTE_MAX).default(""),
});
export type LogHoursInput = z.infer<typeof LogHoursInputSchema>;
export const DecideHoursInputSchema = z
  .object({ logId: id, decision: z.enum(["APPROVED", "REJECTED"]), note: text(NOTE_MAX).default("") })
  .refine((v) => v.decision === "APPROVED" || v.note.length > 0, { path: ["note"], message: "Say why the hours are sent back." });
export type DecideHoursInput = z.infer<typeof DecideHoursInputSchema>;

export const CompetencyInputSchema = z
  .object({
    enrollmentId: id,
    moduleKey: z.string().trim().min(1).max(40),
    competency: required("The competency", 200),
    method: z.enum(["ASSESSMENT", "ON_THE_JOB"]),
    assessment: text(NOTE_MAX).default(""),
    attainedOn: DateSchema,
  })
  .refine((v) => v.method === "ON_THE_JOB" || v.assessment.length > 0, { path: ["assessment"], message: "Name the assessment." });
export type CompetencyInput = z.infer<typeof CompetencyInputSchema>;
export const TestOutInputSchema = z.object({
  enrollmentId: id,
  moduleKey: z.string().trim().min(1).max(40),
  assessment: required("The assessment and its result", NOTE_MAX),
  attainedOn: DateSchema,
});
export type TestOutInput = z.infer<typeof TestOutInputSchema>;
export const CredentialInputSchema = z.object({
  enrollmentId: id,
  name: required("The credential", NAME_MAX),
  issuer: required("The issuer", NAME_MAX),
  earnedOn: DateSchema,
});
export type CredentialInput = z.infer<typeof CredentialInputSchema>;
export const OutcomeInputSchema = z
  .object({
    enrollmentId: id,
    checkpoint: z.enum(["EXIT", "MONTH_6", "MONTH_12"]),
    employed: z.boolean(),
    employerName: text(NAME_MAX).default(""),
    hourlyWage: z.union([z.literal(""), WageStepInputSchema.shape.hourlyWage]).default(""),
    recordedOn: DateSchema,
  })
  .transform((v) => ({ ...v, hourlyCents: v.hourlyWage === "" ? null : v.hourlyWage }))
  .refine((v) => v.employed || v.hourlyCents === null, { path: ["hourlyWage"], message: "A wage goes with employment." });
export type OutcomeInput = z.infer<typeof OutcomeInputSchema>;

// ─── imports, dashboard, snapshots ──────────────────────────────────────────

export const ImportInputSchema = z.object({
  partnershipId: id,
  kind: z.enum(["participants", "hours"]),
  csv: z.string().max(CSV_MAX, "The file is too large (1 MB at most)."),
});
export type ImportInput = z.infer<typeof ImportInputSchema>;

export const DashboardInputSchema = z.object({
  partnershipId: id,
  year: wholeNumber({ min: 2000, max: 2100 }, { type: "Choose a year.", whole: "Choose a year.", min: "Choose a year.", max: "Choose a year." }),
});
export type DashboardInput = z.infer<typeof DashboardInputSchema>;
