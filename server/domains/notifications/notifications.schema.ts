// Notification kinds and their payloads (isomorphic). Later domains add kinds here; the bell renders
// each through notificationText() so the wording lives in one place.
import { z } from "zod";

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
  }
}

export const ListNotificationsInputSchema = z.object({
  filter: z.enum(["all", "unread"]).default("all"),
  limit: z.number().int().min(1).max(100).default(30),
  cursor: z.string().max(64).optional(),
});
export const MarkReadInputSchema = z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(100) });
