// Inputs and vocabularies of the meetings domain (isomorphic).
import { z } from "zod";
import { enumKeys as keys, IdSchema as id, INT4_MAX, TITLE_MAX, titleField as title, wholeNumber } from "../common.schema.js";
import type { Outcome, ReasonPart } from "../voting/voting.rules.js";
import { isLocalDateTime, isTimeZone, canonicalTimeZone } from "./meetings.rules.js";

export const AGENDA_ITEM_KINDS = { INFORMATION: "Information", DISCUSSION: "Discussion", DECISION: "Decision" } as const;
export type AgendaItemKind = keyof typeof AGENDA_ITEM_KINDS;
export const ATTENDANCE_STATUSES = { PRESENT: "Present", LATE: "Arrived late", EXCUSED: "Excused", ABSENT: "Absent" } as const;
export type AttendanceStatus = keyof typeof ATTENDANCE_STATUSES;
export const ACTION_STATUSES = { OPEN: "Open", DONE: "Done", DROPPED: "Dropped" } as const;
export type ActionStatus = keyof typeof ACTION_STATUSES;
export const STRAW_CHOICES = { YES: "Yes", NO: "No", UNSURE: "Not sure" } as const;
export type StrawChoice = keyof typeof STRAW_CHOICES;
export type MeetingStatus = "SCHEDULED" | "LIVE" | "ADJOURNED" | "CANCELLED";

/**
 * A vote's result as the minutes keep it (Decision.vote): codes and values, so each reader sees it in
 * their language (record.rules.ts `decisionText`). The adoption's reason is a server message (English,
 * translated through the errors catalog when it has one).
 */
export type VoteDecision =
  | {
      kind?: "vote";
      motionText: string;
      outcome: Outcome;
      why: ReasonPart[];
      /** For a motion naming a curriculum version: whether the passed vote adopted it, and if not why. */
      adoption: { adopted: true; version: number } | { adopted: false; reason: string } | null;
    }
  /** A deadlock settled by the umpire both sides agreed on, attested by both co-chairs (people's words kept as written). */
  | { kind: "umpire"; motionText: string; umpireName: string; question: string; decision: string; attestedBy: string[] };

export const TIME_BOX_MAX = 480;
export const AGENDA_MAX_ITEMS = 100;

// Text limits: the schemas refuse a longer value with a message naming the field, and every form field
// of the meetings UI takes its maxLength from these same constants. Nothing is shortened on the server.
// Lengths are counted in UTF-16 code units, as both zod and the browser's maxlength count them.
/** Titles, names, locations, presenters, link labels, straw-poll questions. */
export { TITLE_MAX };
/** Descriptions, reasons, decisions, action items. */
export const TEXT_MAX = 10_000;
/** The minutes of one agenda item. */
export const MINUTES_MAX = 100_000;
/** A side's shared caucus notes. */
export const CAUCUS_NOTE_MAX = 50_000;
/** Links (video call, agenda item links). */
export const URL_MAX = 2_000;
export const TIME_ZONE_MAX = 64;

const count = (n: number) => n.toLocaleString("en-US");
const tooLong = (what: string, max: number) => `${what} must be at most ${count(max)} characters.`;
/** Optional free text (empty when left out), refused beyond `max` with a message naming the field. */
const optionalField = (what: string, max: number) => z.string().trim().max(max, tooLong(what, max)).default("");
/** Required free text. */
const requiredField = (what: string, max: number, missing: string) => z.string().trim().min(1, missing).max(max, tooLong(what, max));

/** A link is http(s) only: no javascript: or data: URLs in agendas. */
export const UrlSchema = z
  .string()
  .trim()
  .max(URL_MAX, tooLong("A link", URL_MAX))
  .url("Enter a full link, starting with https://")
  .refine((u) => /^https?:\/\//i.test(u), "Links must start with http:// or https://");

export const MeetingIdSchema = z.object({ meetingId: id });
export type MeetingIdInput = z.infer<typeof MeetingIdSchema>;
export const ListMeetingsInputSchema = z.object({ partnershipId: id, bodyId: id.optional() });
export type ListMeetingsInput = z.infer<typeof ListMeetingsInputSchema>;
export const PartnershipIdSchema = z.object({ partnershipId: id });
export type PartnershipIdInput = z.infer<typeof PartnershipIdSchema>;

export const ScheduleMeetingInputSchema = z.object({
  bodyId: id,
  title: title("Title"),
  /**
   * The local date and time of the start, as typed (YYYY-MM-DDTHH:mm), in `timeZone`: a real date and
   * time of day (no 30 February), in the years 1900 to 2999. Stored as an instant by zonedLocalToUtc.
   */
  startsAtLocal: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter a start date and time.")
    .refine(isLocalDateTime, "Enter a date and time that exist (no 30 February, no 24:00).")
    .refine((local) => /^(19|2\d)/.test(local), "Choose a year between 1900 and 2999."),
  /** A named zone of the tz database, stored in its usual spelling ("america/chicago" → "America/Chicago"). */
  timeZone: z
    .string()
    .min(1, "Choose a time zone.")
    .max(TIME_ZONE_MAX, "Choose a valid time zone.")
    .refine(isTimeZone, "Choose a valid time zone.")
    .transform((zone) => canonicalTimeZone(zone) ?? zone),
  durationMinutes: wholeNumber(
    { min: 5, max: 1440 },
    { type: "Enter the length in minutes.", whole: "Use whole minutes.", min: "A meeting lasts at least 5 minutes.", max: "A meeting lasts at most 24 hours." },
  ),
  location: optionalField("Location", TITLE_MAX),
  videoUrl: z.union([z.literal(""), UrlSchema]).default(""),
});
export type ScheduleMeetingInput = z.infer<typeof ScheduleMeetingInputSchema>;

export const UpdateMeetingInputSchema = ScheduleMeetingInputSchema.omit({ bodyId: true }).extend({ meetingId: id });
export type UpdateMeetingInput = z.infer<typeof UpdateMeetingInputSchema>;

export const LinkSchema = z.object({ label: optionalField("A link's label", TITLE_MAX), url: UrlSchema });

const itemFields = {
  title: title("Title"),
  description: optionalField("Description", TEXT_MAX),
  presenter: optionalField("Presenter", TITLE_MAX),
  timeBoxMinutes: wholeNumber(
    { min: 1, max: TIME_BOX_MAX },
    { type: "Enter minutes.", whole: "Use whole minutes.", min: "A time box is at least 1 minute.", max: `A time box is at most ${TIME_BOX_MAX} minutes.` },
  ),
  kind: z.enum(keys(AGENDA_ITEM_KINDS), { errorMap: () => ({ message: "Choose a kind." }) }),
  links: z.array(LinkSchema).max(10, "At most 10 links.").default([]),
};

export const ProposeItemInputSchema = z.object({ meetingId: id, ...itemFields });
export type ProposeItemInput = z.infer<typeof ProposeItemInputSchema>;
export const EditItemInputSchema = z.object({ itemId: id, ...itemFields });
export type EditItemInput = z.infer<typeof EditItemInputSchema>;
export const ItemIdSchema = z.object({ itemId: id });
export type ItemIdInput = z.infer<typeof ItemIdSchema>;
export const RejectItemInputSchema = z.object({
  itemId: id,
  reason: requiredField("The reason", TEXT_MAX, "Give the proposer a reason."),
});
export type RejectItemInput = z.infer<typeof RejectItemInputSchema>;
export const ReorderAgendaInputSchema = z.object({
  meetingId: id,
  /** The accepted items' ids in their new order (all of them). */
  itemIds: z.array(id).max(AGENDA_MAX_ITEMS),
});
export type ReorderAgendaInput = z.infer<typeof ReorderAgendaInputSchema>;
export const ApproveAgendaInputSchema = z.object({
  meetingId: id,
  /** The agenda version the co-chair looked at; a newer one refuses the approval. */
  version: z.number().int().min(1).max(INT4_MAX),
});
/** Approving the agenda or the minutes: the meeting and the version the co-chair looked at. */
export type ApproveVersionInput = z.infer<typeof ApproveAgendaInputSchema>;

export const SetCurrentItemInputSchema = z.object({ meetingId: id, itemId: id.nullable() });
export type SetCurrentItemInput = z.infer<typeof SetCurrentItemInputSchema>;
export const CaucusInputSchema = z.object({ meetingId: id, minutes: z.number().int().min(1).max(120) });
export type CaucusInput = z.infer<typeof CaucusInputSchema>;

export const SpeakerIdSchema = z.object({ entryId: id });
export type SpeakerIdInput = z.infer<typeof SpeakerIdSchema>;
export const MoveSpeakerInputSchema = z.object({ entryId: id, direction: z.enum(["up", "down"]) });
export type MoveSpeakerInput = z.infer<typeof MoveSpeakerInputSchema>;

export const MarkAttendanceInputSchema = z.object({
  meetingId: id,
  membershipId: id,
  status: z.enum(keys(ATTENDANCE_STATUSES), { errorMap: () => ({ message: "Choose a status." }) }),
});
export type MarkAttendanceInput = z.infer<typeof MarkAttendanceInputSchema>;

export const SaveMinutesInputSchema = z.object({
  itemId: id,
  text: z.string().max(MINUTES_MAX, tooLong("Minutes for one item", MINUTES_MAX)),
  /** The revision the writer started from; a newer one on the server refuses the save. */
  baseRevision: z.number().int().min(0).max(INT4_MAX),
});
export type SaveMinutesInput = z.infer<typeof SaveMinutesInputSchema>;

export const RecordDecisionInputSchema = z.object({
  meetingId: id,
  agendaItemId: id.nullable().default(null),
  text: requiredField("A decision", TEXT_MAX, "Describe the decision."),
});
export type RecordDecisionInput = z.infer<typeof RecordDecisionInputSchema>;

export const CreateActionItemInputSchema = z.object({
  meetingId: id,
  agendaItemId: id.nullable().default(null),
  text: requiredField("An action item", TEXT_MAX, "Describe the action."),
  ownerMembershipId: id,
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a due date."),
});
export type CreateActionItemInput = z.infer<typeof CreateActionItemInputSchema>;
export const UpdateActionStatusInputSchema = z.object({
  actionId: id,
  status: z.enum(keys(ACTION_STATUSES)),
});
export type UpdateActionStatusInput = z.infer<typeof UpdateActionStatusInputSchema>;

export const SetNoteTakerInputSchema = z.object({ meetingId: id, membershipId: id.nullable() });
export type SetNoteTakerInput = z.infer<typeof SetNoteTakerInputSchema>;

export const CaucusNoteInputSchema = z.object({
  meetingId: id,
  text: z.string().max(CAUCUS_NOTE_MAX, tooLong("Caucus notes", CAUCUS_NOTE_MAX)),
  baseRevision: z.number().int().min(0).max(INT4_MAX),
});
export type CaucusNoteInput = z.infer<typeof CaucusNoteInputSchema>;
export const StrawPollInputSchema = z.object({
  meetingId: id,
  question: requiredField("A question", TITLE_MAX, "Ask a question."),
});
export type StrawPollInput = z.infer<typeof StrawPollInputSchema>;
export const StrawVoteInputSchema = z.object({ pollId: id, choice: z.enum(keys(STRAW_CHOICES)) });
export type StrawVoteInput = z.infer<typeof StrawVoteInputSchema>;

/** Members present (COUNT) or a percentage (SHARE, at most 100: checked below); no body seats more than this. */
export const QUORUM_NUMBER_MAX = 1_000;
const quorumNumber = wholeNumber(
  { min: 0, max: QUORUM_NUMBER_MAX },
  { type: "Enter a number.", whole: "Use a whole number.", min: "Must be 0 or more.", max: `Must be at most ${count(QUORUM_NUMBER_MAX)}.` },
);

export type QuorumRuleInput = z.infer<typeof QuorumRuleInputSchema>;
export const QuorumRuleInputSchema = z.object({
  bodyId: id,
  mode: z.enum(["COUNT", "SHARE"]),
  labor: quorumNumber,
  management: quorumNumber,
}).superRefine((v, ctx) => {
  if (v.mode === "SHARE") {
    for (const side of ["labor", "management"] as const) {
      if (v[side] > 100) ctx.addIssue({ code: "custom", path: [side], message: "A share is at most 100%." });
    }
  }
});

// ─── room displays ──────────────────────────────────────────────────────────
export const DISPLAY_LABEL_MAX = 80;
export const CreateDisplayLinkInputSchema = z.object({ meetingId: id, label: optionalField("A display's name", DISPLAY_LABEL_MAX) });
export type CreateDisplayLinkInput = z.infer<typeof CreateDisplayLinkInputSchema>;
export const DisplayLinkIdSchema = z.object({ linkId: id });
export type DisplayLinkIdInput = z.infer<typeof DisplayLinkIdSchema>;
/** A display link's token as it appears in its URL (shape checked again by the permission layer). */
export const DisplayTokenSchema = z.object({ token: z.string().min(1).max(128) });
export type DisplayTokenInput = z.infer<typeof DisplayTokenSchema>;
