// Notification kinds and their payloads (isomorphic). Later domains add kinds here; the bell renders
// each through notificationText() so the wording lives in one place.
import { z } from "zod";
import { WordsSchema } from "../joint/joint.words.rules.js";
import { formatCents } from "../services/services.rules.js";

export const NotificationPayloadSchemas = {
  "invitation.received": z.object({
    partnershipId: z.string(),
    partnershipName: z.string(),
    invitedByName: z.string(),
    roleLabel: z.string(),
    link: z.string(),
  }),
  "membership.joined": z.object({
    partnershipId: z.string(),
    partnershipName: z.string(),
    memberName: z.string(),
    organizationName: z.string(),
  }),
  "agenda.published": z.object({ partnershipId: z.string(), meetingId: z.string(), meetingTitle: z.string() }),
  "agenda.itemRejected": z.object({
    partnershipId: z.string(),
    meetingId: z.string(),
    meetingTitle: z.string(),
    itemTitle: z.string(),
    reason: z.string(),
  }),
  "action.assigned": z.object({
    partnershipId: z.string(),
    meetingId: z.string(),
    meetingTitle: z.string(),
    text: z.string(),
    dueDate: z.string(),
  }),
  "minutes.approved": z.object({ partnershipId: z.string(), meetingId: z.string(), meetingTitle: z.string() }),
  /** One co-chair approved this agenda version; it waits for the other side's co-chair (the recipient). */
  "agenda.awaitingApproval": z.object({ partnershipId: z.string(), meetingId: z.string(), meetingTitle: z.string(), version: z.number(), byName: z.string() }),
  /** The same for the minutes of an adjourned meeting. */
  "minutes.awaitingApproval": z.object({ partnershipId: z.string(), meetingId: z.string(), meetingTitle: z.string(), version: z.number(), byName: z.string() }),
  /** An open action item of the recipient's is due within two days (the daily job, once per item). */
  "action.dueSoon": z.object({ partnershipId: z.string(), meetingId: z.string(), meetingTitle: z.string(), text: z.string(), dueDate: z.string() }),
  "vote.opened": z.object({ partnershipId: z.string(), motionId: z.string(), motionText: z.string(), deadline: z.string().nullable() }),
  "vote.reminder": z.object({ partnershipId: z.string(), motionId: z.string(), motionText: z.string(), deadline: z.string() }),
  // drafts
  "draft.mentioned": z.object({ partnershipId: z.string(), draftId: z.string(), draftTitle: z.string(), byName: z.string(), excerpt: z.string() }),
  "draft.reviewRequested": z.object({ partnershipId: z.string(), draftId: z.string(), draftTitle: z.string(), version: z.number() }),
  "draft.signedOff": z.object({ partnershipId: z.string(), draftId: z.string(), draftTitle: z.string(), version: z.number() }),
  "draft.changesRequested": z.object({ partnershipId: z.string(), draftId: z.string(), draftTitle: z.string(), version: z.number(), byName: z.string() }),
  /** Someone answered the recipient's comment (or a thread they started). */
  "draft.replied": z.object({ partnershipId: z.string(), draftId: z.string(), draftTitle: z.string(), byName: z.string(), excerpt: z.string() }),
  /** No trainee name, ever: only the request's id, category and new status. */
  // category and statusLabel are English (older rows have only them); the codes let each recipient read them in their language.
  "serviceRequest.updated": z.object({
    partnershipId: z.string(),
    requestId: z.string(),
    category: z.string(),
    statusLabel: z.string(),
    categoryCode: z.string().optional(),
    status: z.string().optional(),
  }),
  /** A request newly in the reviewers' queue: its id and category, never the trainee. */
  "serviceRequest.submitted": z.object({ partnershipId: z.string(), requestId: z.string(), category: z.string(), categoryCode: z.string().optional() }),
  /** Above its fund's threshold, a reviewer of one side approved a request; it waits for a reviewer of the recipient's side. Never the trainee. */
  "serviceRequest.awaitingSide": z.object({
    partnershipId: z.string(),
    requestId: z.string(),
    category: z.string(),
    categoryCode: z.string(),
    /** The amount approved: the other side approves the same amount. */
    amountCents: z.number().int(),
    byName: z.string(),
  }),
  // joint changes
  /** A change needs this co-chair: to concur or decline (the other side proposed it), or to submit (staff prepared it). */
  "joint.waiting": z.object({
    partnershipId: z.string(),
    bodyId: z.string().nullable(),
    changeId: z.string(),
    /** The change's title as codes (joint.words.rules.ts), said in each reader's language; older rows: English. */
    title: z.union([z.string(), WordsSchema]),
    proposedByName: z.string(),
    step: z.enum(["concur", "submit"]),
  }),
  /** What became of a proposal (to its proposer and preparer). */
  "joint.decided": z.object({
    partnershipId: z.string(),
    bodyId: z.string().nullable(),
    changeId: z.string(),
    title: z.union([z.string(), WordsSchema]),
    outcome: z.enum(["APPLIED", "DECLINED", "STALE", "EXPIRED"]),
    byName: z.string().nullable(),
  }),
} as const;

export type NotificationKind = keyof typeof NotificationPayloadSchemas;
export type NotificationPayload<K extends NotificationKind> = z.infer<(typeof NotificationPayloadSchemas)[K]>;

export type NotificationView = {
  id: string;
  kind: NotificationKind;
  payload: unknown;
  readAt: Date | null;
  createdAt: Date;
};

/** The sentence and link a notification shows. */
export function notificationText(n: Pick<NotificationView, "kind" | "payload">): { text: string; href: string } {
  switch (n.kind) {
    case "invitation.received": {
      const p = n.payload as NotificationPayload<"invitation.received">;
      return { text: `${p.invitedByName} invited you to ${p.partnershipName} as ${p.roleLabel}.`, href: p.link };
    }
    case "membership.joined": {
      const p = n.payload as NotificationPayload<"membership.joined">;
      return {
        text: `${p.memberName} (${p.organizationName}) joined ${p.partnershipName}.`,
        href: `/p/${p.partnershipId}`,
      };
    }
    case "agenda.published": {
      const p = n.payload as NotificationPayload<"agenda.published">;
      return { text: `Both co-chairs approved the agenda of ${p.meetingTitle}.`, href: meetingHref(p) };
    }
    case "agenda.itemRejected": {
      const p = n.payload as NotificationPayload<"agenda.itemRejected">;
      return { text: `Your agenda item "${p.itemTitle}" for ${p.meetingTitle} was not accepted: ${p.reason}`, href: meetingHref(p) };
    }
    case "action.assigned": {
      const p = n.payload as NotificationPayload<"action.assigned">;
      return { text: `New action item from ${p.meetingTitle}, due ${p.dueDate}: ${p.text}`, href: meetingHref(p) };
    }
    case "minutes.approved": {
      const p = n.payload as NotificationPayload<"minutes.approved">;
      return { text: `The minutes of ${p.meetingTitle} were approved by both co-chairs.`, href: `${meetingHref(p)}/minutes` };
    }
    case "agenda.awaitingApproval": {
      const p = n.payload as NotificationPayload<"agenda.awaitingApproval">;
      return { text: `${p.byName} approved the agenda of ${p.meetingTitle}; it waits for your approval.`, href: meetingHref(p) };
    }
    case "minutes.awaitingApproval": {
      const p = n.payload as NotificationPayload<"minutes.awaitingApproval">;
      return { text: `${p.byName} approved the minutes of ${p.meetingTitle}; they wait for your approval.`, href: `${meetingHref(p)}/minutes` };
    }
    case "action.dueSoon": {
      const p = n.payload as NotificationPayload<"action.dueSoon">;
      return { text: `Your action item from ${p.meetingTitle} is due ${p.dueDate}: ${p.text}`, href: meetingHref(p) };
    }
    case "vote.opened": {
      const p = n.payload as NotificationPayload<"vote.opened">;
      return { text: `A vote is open: "${p.motionText}". Cast your ballot.`, href: motionHref(p) };
    }
    case "vote.reminder": {
      const p = n.payload as NotificationPayload<"vote.reminder">;
      return { text: `Reminder: you have not voted on "${p.motionText}" yet. The vote closes soon.`, href: motionHref(p) };
    }
    case "draft.mentioned": {
      const p = n.payload as NotificationPayload<"draft.mentioned">;
      return { text: `${p.byName} mentioned you on "${p.draftTitle}": ${p.excerpt}`, href: draftHref(p) };
    }
    case "draft.reviewRequested": {
      const p = n.payload as NotificationPayload<"draft.reviewRequested">;
      return { text: `Version ${p.version} of "${p.draftTitle}" is ready for your worker sign-off.`, href: draftHref(p) };
    }
    case "draft.replied": {
      const p = n.payload as NotificationPayload<"draft.replied">;
      return { text: `${p.byName} replied to your comment on "${p.draftTitle}": ${p.excerpt}`, href: draftHref(p) };
    }
    case "draft.signedOff": {
      const p = n.payload as NotificationPayload<"draft.signedOff">;
      return { text: `The worker reviewers signed off version ${p.version} of "${p.draftTitle}".`, href: draftHref(p) };
    }
    case "draft.changesRequested": {
      const p = n.payload as NotificationPayload<"draft.changesRequested">;
      return { text: `${p.byName} requested changes to version ${p.version} of "${p.draftTitle}".`, href: draftHref(p) };
    }
    case "joint.waiting": {
      // The bell and the mail say the title in the reader's language (its Words); this is a fallback.
      const p = { ...(n.payload as NotificationPayload<"joint.waiting">), title: titleText(n.payload) };
      return {
        text:
          p.step === "concur"
            ? `A joint change waits for your concurrence: ${p.title} (proposed by ${p.proposedByName}).`
            : `${p.proposedByName} prepared a joint change for a co-chair to submit: ${p.title}.`,
        href: jointHref(p),
      };
    }
    case "joint.decided": {
      const p = { ...(n.payload as NotificationPayload<"joint.decided">), title: titleText(n.payload) };
      const what = { APPLIED: "was agreed and applied", DECLINED: "was declined", STALE: "was not applied: the rule had changed meanwhile", EXPIRED: "expired unanswered" }[p.outcome];
      return { text: `Your proposal "${p.title}" ${what}${p.byName && p.outcome !== "EXPIRED" ? ` (${p.byName})` : ""}.`, href: jointHref(p) };
    }
    case "serviceRequest.submitted": {
      const p = n.payload as NotificationPayload<"serviceRequest.submitted">;
      return { text: `A new supportive-service request (${p.category}) is in your review queue.`, href: `/p/${p.partnershipId}/services/requests/${p.requestId}` };
    }
    case "serviceRequest.awaitingSide": {
      const p = n.payload as NotificationPayload<"serviceRequest.awaitingSide">;
      return {
        text: `${p.byName} approved ${formatCents(p.amountCents)} for a supportive-service request (${p.category}); it waits for a reviewer of your side.`,
        href: `/p/${p.partnershipId}/services/requests/${p.requestId}`,
      };
    }
    case "serviceRequest.updated": {
      const p = n.payload as NotificationPayload<"serviceRequest.updated">;
      return {
        text: `Your supportive-service request (${p.category}) is now: ${p.statusLabel}.`,
        href: `/p/${p.partnershipId}/services/requests/${p.requestId}`,
      };
    }
  }
}

/** A joint change's title as stored before it had codes (English), else a neutral stand-in. */
const titleText = (payload: unknown) => {
  const title = (payload as { title?: unknown }).title;
  return typeof title === "string" ? title : "a joint change";
};

/** A body's changes are listed on its page, the partnership's on its overview. */
const jointHref = (p: { partnershipId: string; bodyId: string | null }) =>
  p.bodyId ? `/p/${p.partnershipId}/committees/${p.bodyId}#joint-changes` : `/p/${p.partnershipId}#joint-changes`;

const draftHref = (p: { partnershipId: string; draftId: string }) => `/p/${p.partnershipId}/drafts/${p.draftId}`;

const motionHref = (p: { partnershipId: string; motionId: string }) => `/p/${p.partnershipId}/votes/${p.motionId}`;

const meetingHref = (p: { partnershipId: string; meetingId: string }) => `/p/${p.partnershipId}/meetings/${p.meetingId}`;

export const ListNotificationsInputSchema = z.object({
  filter: z.enum(["all", "unread"]).default("all"),
  limit: z.number().int().min(1).max(100).default(30),
  cursor: z.string().max(64).optional(),
});
export const MarkReadInputSchema = z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(100) });
export type ListNotificationsInput = z.infer<typeof ListNotificationsInputSchema>;
export type MarkReadInput = z.infer<typeof MarkReadInputSchema>;
