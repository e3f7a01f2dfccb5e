// Inputs and vocabularies of the meetings domain (isomorphic).
import { z } from "zod";
import { enumKeys as keys, IdSchema as id, optionalText, TITLE_MAX, titleField as title } from "../common.schema.js";

export const AGENDA_ITEM_KINDS = { INFORMATION: "Information", DISCUSSION: "Discussion", DECISION: "Decision" } as const;
export type AgendaItemKind = keyof typeof AGENDA_ITEM_KINDS;
export const ATTENDANCE_STATUSES = { PRESENT: "Present", LATE: "Arrived late", EXCUSED: "Excused", ABSENT: "Absent" } as const;
export type AttendanceStatus = keyof typeof ATTENDANCE_STATUSES;
export const ACTION_STATUSES = { OPEN: "Open", DONE: "Done", DROPPED: "Dropped" } as const;
export type ActionStatus = keyof typeof ACTION_STATUSES;
export const STRAW_CHOICES = { YES: "Yes", NO: "No", UNSURE: "Not sure" } as const;
export type StrawChoice = keyof typeof STRAW_CHOICES;
export type MeetingStatus = "SCHEDULED" | "LIVE" | "ADJOURNED" | "CANCELLED";

export const TIME_BOX_MAX = 480;
export const AGENDA_MAX_ITEMS = 100;
export { TITLE_MAX };
export const TEXT_MAX = 10_000;
export const MINUTES_MAX = 100_000;

const text = (max = TEXT_MAX) => optionalText(max);

function isTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A link is http(s) only: no javascript: or data: URLs in agendas. */
export const UrlSchema = z
  .string()
  .trim()
  .max(2000, "Links must be at most 2,000 characters.")
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
  /** The local date and time of the start, as typed (YYYY-MM-DDTHH:mm), in `timeZone`. */
  startsAtLocal: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter a start date and time."),
  timeZone: z.string().min(1, "Choose a time zone.").max(64).refine(isTimeZone, "Choose a valid time zone."),
  durationMinutes: z.coerce
    .number({ invalid_type_error: "Enter the length in minutes." })
    .int("Use whole minutes.")
    .min(5, "A meeting lasts at least 5 minutes.")
    .max(1440, "A meeting lasts at most 24 hours."),
  location: text(TITLE_MAX),
  videoUrl: z.union([z.literal(""), UrlSchema]).default(""),
});
export type ScheduleMeetingInput = z.infer<typeof ScheduleMeetingInputSchema>;

export const UpdateMeetingInputSchema = ScheduleMeetingInputSchema.omit({ bodyId: true }).extend({ meetingId: id });
export type UpdateMeetingInput = z.infer<typeof UpdateMeetingInputSchema>;

export const LinkSchema = z.object({ label: z.string().trim().max(TITLE_MAX).default(""), url: UrlSchema });

const itemFields = {
  title: title("Title"),
  description: text(),
  presenter: text(TITLE_MAX),
  timeBoxMinutes: z.coerce
    .number({ invalid_type_error: "Enter minutes." })
    .int("Use whole minutes.")
    .min(1, "A time box is at least 1 minute.")
    .max(TIME_BOX_MAX, `A time box is at most ${TIME_BOX_MAX} minutes.`),
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
  reason: z.string().trim().min(1, "Give the proposer a reason.").max(TEXT_MAX),
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
  version: z.number().int().min(1),
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
  text: z.string().max(MINUTES_MAX, `Minutes for one item must be at most ${MINUTES_MAX.toLocaleString("en-US")} characters.`),
  /** The revision the writer started from; a newer one on the server refuses the save. */
  baseRevision: z.number().int().min(0),
});
export type SaveMinutesInput = z.infer<typeof SaveMinutesInputSchema>;

export const RecordDecisionInputSchema = z.object({
  meetingId: id,
  agendaItemId: id.nullable().default(null),
  text: z.string().trim().min(1, "Describe the decision.").max(TEXT_MAX),
});
export type RecordDecisionInput = z.infer<typeof RecordDecisionInputSchema>;

export const CreateActionItemInputSchema = z.object({
  meetingId: id,
  agendaItemId: id.nullable().default(null),
  text: z.string().trim().min(1, "Describe the action.").max(TEXT_MAX),
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
  text: z.string().max(TEXT_MAX * 5),
  baseRevision: z.number().int().min(0),
});
export type CaucusNoteInput = z.infer<typeof CaucusNoteInputSchema>;
export const StrawPollInputSchema = z.object({
  meetingId: id,
  question: z.string().trim().min(1, "Ask a question.").max(TITLE_MAX),
});
export type StrawPollInput = z.infer<typeof StrawPollInputSchema>;
export const StrawVoteInputSchema = z.object({ pollId: id, choice: z.enum(keys(STRAW_CHOICES)) });
export type StrawVoteInput = z.infer<typeof StrawVoteInputSchema>;

/** Members present (COUNT) or a percentage (SHARE, at most 100: checked below); no body seats more than this. */
export const QUORUM_NUMBER_MAX = 1_000;
const quorumNumber = z.coerce
  .number({ invalid_type_error: "Enter a number." })
  .int("Use a whole number.")
  .min(0, "Must be 0 or more.")
  .max(QUORUM_NUMBER_MAX, `Must be at most ${QUORUM_NUMBER_MAX.toLocaleString("en-US")}.`);

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
