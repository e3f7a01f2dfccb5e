// Live tallies without flooding: when ballots arrive in a burst, every viewer still holds the newest
// tally within TALLY_INTERVAL_MS, but each viewer gets one message per interval rather than one per
// ballot. The newest tally is the one with the highest sequence, taken inside the ballot's transaction
// (transactions commit one at a time, so that order is the commit order).
import type { Realtime } from "../../realtime/realtime.js";
import { motionRoom } from "../../realtime/realtime.events.js";
import type { LiveTally } from "./voting.events.js";

export const TALLY_INTERVAL_MS = 50;

type Pending = { seq: number; tally: LiveTally; sentSeq: number; timer: NodeJS.Timeout | null };

export function createTallyPublisher(realtime: Pick<Realtime, "publish">, intervalMs = TALLY_INTERVAL_MS) {
  const motions = new Map<string, Pending>();

  function send(motionId: string, entry: Pending) {
    entry.sentSeq = entry.seq;
    realtime.publish(motionRoom(motionId), "tally:updated", entry.tally);
    entry.timer = setTimeout(() => {
      entry.timer = null;
      if (entry.seq > entry.sentSeq) send(motionId, entry);
      else motions.delete(motionId);
    }, intervalMs);
    entry.timer.unref();
  }

  return {
    /** A committed ballot's tally: sent at once, or with the next interval's newest tally. */
    offer(seq: number, tally: LiveTally) {
      const entry = motions.get(tally.motionId);
      if (!entry) {
        const fresh: Pending = { seq, tally, sentSeq: 0, timer: null };
        motions.set(tally.motionId, fresh);
        send(tally.motionId, fresh);
        return;
      }
      if (seq > entry.seq) Object.assign(entry, { seq, tally });
    },
    /** The final tally at close goes out at once and replaces anything still waiting. */
    final(tally: LiveTally) {
      const entry = motions.get(tally.motionId);
      if (entry?.timer) clearTimeout(entry.timer);
      motions.delete(tally.motionId);
      realtime.publish(motionRoom(tally.motionId), "tally:updated", tally);
    },
  };
}
