// Whether a notification's mail still tells its recipient something when its job runs, which may be a
// while after the change (a vote's mail waits VOTE_MAIL_DELAY_SECONDS): a vote's mail, opened or the
// reminder, goes only while the vote still waits for that person's ballot. Every other kind: always.
import type { Db } from "../db.js";
import type { NotificationKind, NotificationPayload } from "../domains/notifications/notifications.schema.js";
import { voteWaitsFor } from "../domains/voting/waiting.js";

export async function stillWanted(db: Db, { userId, kind, payload }: { userId: string; kind: NotificationKind; payload: unknown }): Promise<boolean> {
  switch (kind) {
    case "vote.opened":
    case "vote.reminder":
      return voteWaitsFor({ db }, { userId, motionId: (payload as NotificationPayload<typeof kind>).motionId });
    default:
      return true;
  }
}
