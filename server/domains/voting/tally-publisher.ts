// Live tallies without flooding, per process: when ballots arrive in a burst, every viewer still holds
// the newest tally within one interval, but gets one message per interval rather than one per batch.
// The interval is TALLY_INTERVAL_MS, longer for a large room: a message costs a socket write per viewer
// (about 0.1 ms each on the 2-core machine), so a thousand viewers sent a tally every 50 ms would keep
// the process busy writing tallies instead of recording ballots (`npm run bench:votes`, N = 1,000: 77
// messages per client, half of the CPU). MS_PER_VIEWER keeps the fan-out under about a fifth of a core.
// And while newer tallies keep coming (a batch committed during the last interval), a newer one is
// likely a batch away: the throttle waits for a quiet interval, sending at least once per
// MAX_TALLY_INTERVAL_MS, so a burst of ballots is a message a second or so plus the final one an
// interval or two after the last batch (a bare server whose event loop is busy with the burst
// coalesces much the same way).
// "Newest" is the tally's version (the motion's tallyVersion, taken under its row lock), so the
// order holds across processes too; clients keep the highest version they have seen, and this
// throttle is only an optimization: losing its state loses nothing.
import type { Realtime } from "../../realtime/realtime.js";
import { motionRoom } from "../../realtime/realtime.events.js";
import type { LiveTally } from "./voting.events.js";

export const TALLY_INTERVAL_MS = 50;
/** The interval grows by this much per viewer of the room in this process (300 viewers: 150 ms)... */
export const MS_PER_VIEWER = 0.5;
/** ...up to this; and while batches keep committing, at least one tally this often. */
export const MAX_TALLY_INTERVAL_MS = 1_000;
/** How long a closed motion's final version is remembered, so a batch tally still on its way is dropped. */
const CLOSED_MEMORY_MS = 5_000;

/** `seenVersion`: the version when the last interval began (a newer one since: batches are still coming). */
type Entry = { version: number; tally: LiveTally | null; sentVersion: number; seenVersion: number; sentAt: number; timer: NodeJS.Timeout | null };

export type TallyPublisher = ReturnType<typeof createTallyPublisher>;

/** The wait after a tally to a room with this many viewers here, before the next one. */
export function tallyInterval(viewers: number, minimumMs = TALLY_INTERVAL_MS): number {
  return Math.min(Math.max(minimumMs, viewers * MS_PER_VIEWER), Math.max(minimumMs, MAX_TALLY_INTERVAL_MS));
}

export function createTallyPublisher(realtime: Pick<Realtime, "publish" | "localViewers">, intervalMs = TALLY_INTERVAL_MS) {
  const motions = new Map<string, Entry>();

  function later(motionId: string, entry: Entry, ms: number, then: () => void) {
    entry.timer = setTimeout(() => {
      entry.timer = null;
      if (motions.get(motionId) === entry) then();
    }, ms);
    entry.timer.unref();
  }

  function send(motionId: string, entry: Entry) {
    entry.sentVersion = entry.seenVersion = entry.version;
    entry.sentAt = Date.now();
    realtime.publish(motionRoom(motionId), "tally:updated", entry.tally!);
    later(motionId, entry, waitAfter(motionId), () => check(motionId, entry));
  }

  const waitAfter = (motionId: string) => tallyInterval(realtime.localViewers(motionRoom(motionId)), intervalMs);

  /** An interval on: the newest tally goes out, unless batches are still committing and the last send is recent. */
  function check(motionId: string, entry: Entry) {
    if (!entry.tally || entry.version <= entry.sentVersion) {
      motions.delete(motionId);
    } else if (entry.version > entry.seenVersion && Date.now() - entry.sentAt < MAX_TALLY_INTERVAL_MS) {
      entry.seenVersion = entry.version;
      later(motionId, entry, waitAfter(motionId), () => check(motionId, entry));
    } else {
      send(motionId, entry);
    }
  }

  return {
    /** A committed batch's tally: sent at once, or with the next interval's newest tally; an older one is dropped. */
    offer(tally: LiveTally) {
      const entry = motions.get(tally.motionId);
      if (!entry) {
        const fresh: Entry = { version: tally.version, tally, sentVersion: 0, seenVersion: 0, sentAt: 0, timer: null };
        motions.set(tally.motionId, fresh);
        send(tally.motionId, fresh);
        return;
      }
      if (tally.version > entry.version) Object.assign(entry, { version: tally.version, tally });
    },
    /**
     * The vote closed at `version` (its final tally goes out through the close's outbox): nothing still
     * waiting here is sent, and nothing older offered for a while either.
     */
    closed(motionId: string, version: number) {
      const entry = motions.get(motionId);
      if (entry?.timer) clearTimeout(entry.timer);
      const done: Entry = { version, tally: null, sentVersion: version, seenVersion: version, sentAt: 0, timer: null };
      motions.set(motionId, done);
      later(motionId, done, CLOSED_MEMORY_MS, () => motions.delete(motionId));
    },
  };
}
