// Mail preferences (isomorphic): the groups of notification kinds a person sets one mode for, each
// kind's default mode, and the inputs of the settings page and the unsubscribe link.
import { z } from "zod";
import type { NotificationKind } from "../notifications/notifications.schema.js";

export const MAIL_MODES = {
  IMMEDIATELY: "Immediately",
  DIGEST: "Daily digest",
  OFF: "Off",
} as const;
export type MailMode = keyof typeof MAIL_MODES;
const MAIL_MODE_KEYS = Object.keys(MAIL_MODES) as [MailMode, ...MailMode[]];

/** What a person chooses per group: a mode, or each kind's default. */
export const MAIL_CHOICES = { DEFAULT: "Recommended", ...MAIL_MODES } as const;
export type MailChoice = keyof typeof MAIL_CHOICES;

export const MAIL_GROUPS = {
  votes: { label: "Votes", description: "A vote opens for you, and a reminder before it closes while you have not voted." },
  meetings: { label: "Meetings and minutes", description: "An agenda or minutes waiting for your approval, agendas published, your agenda items, minutes approved." },
  drafts: {
    label: "Curriculum drafts and comments",
    description: "Your sign-off requested on a new version, comments that mention you or reply to you, reviews of drafts you work on.",
  },
  services: { label: "Supportive services", description: "News of your organization's requests, and new requests in your review queue (never a trainee's name)." },
  actions: { label: "Action items", description: "Action items assigned to you, and a reminder when one is due soon." },
  people: { label: "People joining", description: "New members of your partnerships." },
  joint: { label: "Joint changes", description: "A change to the rules waits for your concurrence, and what became of your proposals." },
} as const;
export type MailGroup = keyof typeof MAIL_GROUPS;
export const MAIL_GROUP_KEYS = Object.keys(MAIL_GROUPS) as [MailGroup, ...MailGroup[]];

/**
 * Each notification kind's group and its mode when the person has not chosen one for the group:
 * immediately for what needs the person (a vote to cast, a sign-off or a mention, a decision on their
 * request), the daily digest for the rest. `null`: never mailed as a notification (an invitation has
 * its own mail to the invited address). A new kind must be placed here (the type requires it).
 */
export const MAIL_KINDS: Record<NotificationKind, { group: MailGroup; default: MailMode } | null> = {
  "invitation.received": null,
  "membership.joined": { group: "people", default: "DIGEST" },
  "agenda.published": { group: "meetings", default: "DIGEST" },
  "agenda.itemRejected": { group: "meetings", default: "DIGEST" },
  "minutes.approved": { group: "meetings", default: "DIGEST" },
  "agenda.awaitingApproval": { group: "meetings", default: "IMMEDIATELY" },
  "minutes.awaitingApproval": { group: "meetings", default: "IMMEDIATELY" },
  "action.dueSoon": { group: "actions", default: "IMMEDIATELY" },
  "action.assigned": { group: "actions", default: "DIGEST" },
  "vote.opened": { group: "votes", default: "IMMEDIATELY" },
  "vote.reminder": { group: "votes", default: "IMMEDIATELY" },
  "draft.mentioned": { group: "drafts", default: "IMMEDIATELY" },
  "draft.reviewRequested": { group: "drafts", default: "IMMEDIATELY" },
  "draft.changesRequested": { group: "drafts", default: "IMMEDIATELY" },
  "draft.replied": { group: "drafts", default: "IMMEDIATELY" },
  "draft.signedOff": { group: "drafts", default: "DIGEST" },
  "serviceRequest.updated": { group: "services", default: "IMMEDIATELY" },
  "serviceRequest.submitted": { group: "services", default: "IMMEDIATELY" },
  "serviceRequest.awaitingSide": { group: "services", default: "IMMEDIATELY" },
  "joint.waiting": { group: "joint", default: "IMMEDIATELY" },
  "joint.decided": { group: "joint", default: "DIGEST" },
};

/** The mode a kind is mailed in, given the person's choice for its group (undefined: not chosen). */
export function mailModeOf(kind: NotificationKind, chosen: MailMode | undefined): MailMode {
  const placed = MAIL_KINDS[kind];
  if (!placed) return "OFF";
  return chosen ?? placed.default;
}

/** The recommended modes of a group's kinds, in words ("Immediately" or "Immediately for …, digest for …"). */
export function recommendedModes(group: MailGroup): MailMode[] {
  const modes = new Set<MailMode>();
  for (const placed of Object.values(MAIL_KINDS)) if (placed?.group === group) modes.add(placed.default);
  return MAIL_MODE_KEYS.filter((m) => modes.has(m));
}

/** An unsubscribe link turns off one group, or every group now mailed as a digest (a digest's link). */
export const UNSUBSCRIBE_SCOPES = [...MAIL_GROUP_KEYS, "digest"] as const;
export type UnsubscribeScope = (typeof UNSUBSCRIBE_SCOPES)[number];

const TIME_ZONE = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isTimeZone, "Choose a time zone from the list.");

export const UpdateMailSettingsInputSchema = z.object({
  groups: z.object(Object.fromEntries(MAIL_GROUP_KEYS.map((g) => [g, z.enum(Object.keys(MAIL_CHOICES) as [MailChoice, ...MailChoice[]])])) as Record<MailGroup, z.ZodEnum<[MailChoice, ...MailChoice[]]>>),
  /** IANA name; null: UTC; left out: unchanged (it is chosen on the profile page). */
  timeZone: TIME_ZONE.nullable().optional(),
});
export type UpdateMailSettingsInput = z.infer<typeof UpdateMailSettingsInputSchema>;

export const SetMuteInputSchema = z.object({ bodyId: z.string().min(1).max(64), muted: z.boolean() });
export type SetMuteInput = z.infer<typeof SetMuteInputSchema>;

export const UnsubscribeTokenInputSchema = z.object({ token: z.string().min(1).max(512) });
export type UnsubscribeTokenInput = z.infer<typeof UnsubscribeTokenInputSchema>;

/** Whether the runtime knows `name` as an IANA time zone. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
