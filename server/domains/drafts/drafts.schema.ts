// Inputs and vocabularies of the curriculum drafts domain (isomorphic: forms, procedures and tests share them).
import { z } from "zod";
import { parseCalendarDate } from "../common.rules.js";
import { enumKeys as keys, IdSchema as id, INT4_MAX, optionalText, TITLE_MAX, titleField as title, wholeNumber } from "../common.schema.js";

export const PROGRAM_KINDS = {
  REGISTERED_APPRENTICESHIP: "Registered apprenticeship",
  PRE_APPRENTICESHIP: "Pre-apprenticeship",
  INCUMBENT_UPGRADE: "Incumbent-worker upgrade",
  SHORT_COURSE: "Short course",
} as const;
export type ProgramKind = keyof typeof PROGRAM_KINDS;

export const DRAFT_STATUSES = {
  DRAFTING: "Drafting",
  IN_REVIEW: "In review",
  SIGNED_OFF: "Signed off",
  ADOPTED: "Adopted",
  WITHDRAWN: "Withdrawn",
} as const;
export type DraftStatus = keyof typeof DRAFT_STATUSES;

export const SIGNOFF_DECISIONS = { SIGNED_OFF: "Signed off", CHANGES_REQUESTED: "Requested changes" } as const;
export type SignOffDecision = keyof typeof SIGNOFF_DECISIONS;

export const SIGNOFF_RULES = { ALL: "All members of the group", AT_LEAST: "At least a number of them" } as const;
export type SignOffRule = keyof typeof SIGNOFF_RULES;

export const MODULE_TEXT_MAX = 100_000;
export const COMMENT_MAX = 10_000;
export { TITLE_MAX };
export const FIELD_MAX = 2_000;
export const COMPETENCIES_MAX = 10_000;
export const MODULES_MAX = 60;
export const HOURS_MAX = 100_000;
/** The most editors or worker reviewers a body names (and so the largest AT_LEAST minimum). */
export const SIGNOFF_GROUP_MAX = 200;

const text = (max = FIELD_MAX) => optionalText(max);
const hours = wholeNumber(
  { min: 0, max: HOURS_MAX },
  { type: "Enter hours as a whole number.", whole: "Use whole hours.", min: "Hours cannot be negative.", max: `At most ${HOURS_MAX.toLocaleString("en-US")} hours.` },
);
/** A working-copy revision or a version number (an integer column; 0 is the working copy where allowed). */
const counter = (min: 0 | 1) => z.number().int().min(min).max(INT4_MAX);

export const DraftIdSchema = z.object({ draftId: id });
export type DraftIdInput = z.infer<typeof DraftIdSchema>;

export const DraftDetailsSchema = z.object({
  title: title("Title"),
  occupation: title("Occupation"),
  programKind: z.enum(keys(PROGRAM_KINDS), { errorMap: () => ({ message: "Choose the kind of program." }) }),
});

/** A module of the working copy. `key` is stable across versions; a new module has none yet. */
export const ModuleInputSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{4,40}$/i, "Invalid module key.")
    .optional(),
  title: title("Module title"),
  /** Rich text (HTML); sanitized on the server. */
  objectives: z
    .string()
    .max(MODULE_TEXT_MAX, `A module's text is at most ${MODULE_TEXT_MAX.toLocaleString("en-US")} characters.`)
    .default(""),
  competencies: text(COMPETENCIES_MAX),
  relatedHours: hours.default(0),
  ojlHours: hours.default(0),
  assessment: text(),
  credential: text(TITLE_MAX),
  testOut: z.boolean().default(false),
});
export type ModuleInput = z.infer<typeof ModuleInputSchema>;

export const CreateDraftInputSchema = DraftDetailsSchema.extend({ bodyId: id });
export type CreateDraftInput = z.infer<typeof CreateDraftInputSchema>;

export const SaveDraftInputSchema = DraftDetailsSchema.extend({
  draftId: id,
  /** The working-copy revision the editor started from; a stale one is refused with CONFLICT. */
  baseRevision: counter(0),
  modules: z.array(ModuleInputSchema).max(MODULES_MAX, `At most ${MODULES_MAX} modules.`),
  /** When given, the save also becomes the next immutable version and (re)starts worker review. */
  newVersion: z
    .object({ changeSummary: z.string().trim().min(1, "Say what changed in this version.").max(FIELD_MAX, `At most ${FIELD_MAX.toLocaleString("en-US")} characters.`) })
    .nullable()
    .default(null),
});
export type SaveDraftInput = z.infer<typeof SaveDraftInputSchema>;

export const SignOffInputSchema = z
  .object({
    draftId: id,
    /** The version the reviewer read: a decision on any other version is refused. */
    versionNumber: counter(1),
    decision: z.enum(keys(SIGNOFF_DECISIONS), { errorMap: () => ({ message: "Sign off or request changes." }) }),
    reason: z.string().trim().max(FIELD_MAX, `At most ${FIELD_MAX.toLocaleString("en-US")} characters.`).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "CHANGES_REQUESTED" && !v.reason) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["reason"], message: "Say what needs to change." });
    }
  });
export type SignOffInput = z.infer<typeof SignOffInputSchema>;

/** A proposal to adopt the draft's current, signed-off version: a joint change both co-chairs decide. */
export const AdoptInputSchema = z.object({
  draftId: id,
  versionNumber: counter(1),
});
export type AdoptInput = z.infer<typeof AdoptInputSchema>;

// ─── registration agency approval (registered-apprenticeship standards, after adoption) ───

export const REGISTRATION_STATUSES = {
  SUBMITTED: "Submitted to the registration agency",
  APPROVED: "Approved by the registration agency",
  RETURNED: "Returned by the registration agency",
} as const;
export type RegistrationStatus = keyof typeof REGISTRATION_STATUSES;
export const AGENCY_MAX = 200;
export const AGENCY_REFERENCE_MAX = 100;

/** A calendar date (YYYY-MM-DD) as a form sends it; midnight UTC. */
const calendarDate = z.string({ required_error: "Enter a date." }).transform((value, ctx) => {
  const parsed = parseCalendarDate(value);
  if (!parsed.ok || parsed.value.getUTCFullYear() < 2000) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.ok ? "That date does not exist." : parsed.message });
    return z.NEVER;
  }
  return parsed.value;
});

/**
 * The registration step as it stands now: submitted on a date (to an agency, with its reference when
 * known), then approved on a date, or returned on a date with the agency's note.
 */
export const RegistrationInputSchema = z
  .object({
    draftId: id,
    status: z.enum(keys(REGISTRATION_STATUSES), { errorMap: () => ({ message: "Choose where the registration stands." }) }),
    agency: optionalText(AGENCY_MAX),
    agencyReference: optionalText(AGENCY_REFERENCE_MAX),
    submittedOn: calendarDate,
    decidedOn: z.union([z.literal("").transform(() => null), calendarDate]).nullable().default(null),
    note: optionalText(FIELD_MAX),
  })
  .superRefine((v, ctx) => {
    if (v.status === "SUBMITTED" && v.decidedOn) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["decidedOn"], message: "Leave the decision date empty while it is only submitted." });
    if (v.status !== "SUBMITTED" && !v.decidedOn) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["decidedOn"], message: "Enter the date the agency decided." });
    if (v.decidedOn && v.decidedOn < v.submittedOn) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["decidedOn"], message: "The decision cannot come before the submission." });
    if (v.status === "RETURNED" && !v.note) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["note"], message: "Say why the agency returned it." });
  });
export type RegistrationInput = z.infer<typeof RegistrationInputSchema>;

export const CompareInputSchema = z.object({
  draftId: id,
  /** Version numbers; 0 is the working copy. */
  from: counter(0),
  to: counter(0),
});
export type CompareInput = z.infer<typeof CompareInputSchema>;

export const VersionInputSchema = z.object({ draftId: id, number: counter(1) });
export type VersionInput = z.infer<typeof VersionInputSchema>;

export const AnchorInputSchema = z.object({
  /** Offsets in the module's plain text (as rendered) of `version` (0 = working copy). */
  start: z.number().int().min(0).max(MODULE_TEXT_MAX),
  end: z.number().int().min(1).max(MODULE_TEXT_MAX),
  quote: z.string().min(1, "Select a passage.").max(COMMENT_MAX, `A quoted passage is at most ${COMMENT_MAX.toLocaleString("en-US")} characters.`),
  version: counter(0),
});
export type AnchorInput = z.infer<typeof AnchorInputSchema>;

export const CommentBodySchema = z
  .string({ required_error: "Write a comment." })
  .trim()
  .min(1, "Write a comment.")
  .max(COMMENT_MAX, `A comment is at most ${COMMENT_MAX.toLocaleString("en-US")} characters.`);

export const AddCommentInputSchema = z.object({
  draftId: id,
  moduleKey: z.string().trim().max(40, "Invalid module key.").nullable().default(null),
  anchor: AnchorInputSchema.nullable().default(null),
  body: CommentBodySchema,
});
export type AddCommentInput = z.infer<typeof AddCommentInputSchema>;

export const ReplyInputSchema = z.object({ commentId: id, body: CommentBodySchema });
export type ReplyInput = z.infer<typeof ReplyInputSchema>;
export const ResolveInputSchema = z.object({ commentId: id, resolved: z.boolean() });
export type ResolveInput = z.infer<typeof ResolveInputSchema>;
export const ListCommentsInputSchema = z.object({
  draftId: id,
  /** Re-anchor passages against this version (0 = working copy); the current version by default. */
  version: counter(0).optional(),
});
export type ListCommentsInput = z.infer<typeof ListCommentsInputSchema>;

export const ListDraftsInputSchema = z.object({ partnershipId: id });
export type ListDraftsInput = z.infer<typeof ListDraftsInputSchema>;

/** A body whose drafts settings are read. */
export const BodyIdInputSchema = z.object({ bodyId: z.string().trim().min(1).max(64) });
export type BodyIdInput = z.infer<typeof BodyIdInputSchema>;

export const DraftSettingsInputSchema = z
  .object({
    bodyId: id,
    editorMembershipIds: z.array(id).max(SIGNOFF_GROUP_MAX, `At most ${SIGNOFF_GROUP_MAX} editors.`),
    reviewerMembershipIds: z.array(id).max(SIGNOFF_GROUP_MAX, `At most ${SIGNOFF_GROUP_MAX} reviewers.`),
    rule: z.enum(keys(SIGNOFF_RULES)),
    minimum: wholeNumber({ min: 1, max: SIGNOFF_GROUP_MAX }, { min: "At least 1.", max: `At most ${SIGNOFF_GROUP_MAX}.` }),
  })
  .superRefine((v, ctx) => {
    if (v.rule === "AT_LEAST" && v.minimum > v.reviewerMembershipIds.length) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["minimum"], message: "The group has fewer members than that." });
    }
  });
export type DraftSettingsInput = z.infer<typeof DraftSettingsInputSchema>;
