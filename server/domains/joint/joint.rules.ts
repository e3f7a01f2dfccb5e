// Pure rules of joint changes: when a proposal lapses, whether the state it changes from still holds,
// and which status changes are possible. No I/O; shared with the browser.
import { DEFAULT_EXPIRY_DAYS, type CoChairSide, type JointStatus } from "./joint.schema.js";

const DAY_MS = 86_400_000;

export const expiryFrom = (proposedAt: Date, days = DEFAULT_EXPIRY_DAYS) => new Date(proposedAt.getTime() + days * DAY_MS);

export const otherSide = (side: CoChairSide): CoChairSide => (side === "LABOR" ? "MANAGEMENT" : "LABOR");

/** JSON with object keys in order, so two reads of the same state compare equal however they were built. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The state a change was proposed against still holds (nothing changed it since). */
export const sameState = (snapshot: unknown, current: unknown) => canonicalJson(snapshot) === canonicalJson(current);

/** Which status changes the life of a joint change allows (the database's trigger says the same). */
const TRANSITIONS: Record<JointStatus, JointStatus[]> = {
  PREPARED: ["PENDING", "APPLIED", "WITHDRAWN", "STALE"],
  PENDING: ["APPLIED", "DECLINED", "WITHDRAWN", "EXPIRED", "STALE"],
  APPLIED: [],
  DECLINED: [],
  WITHDRAWN: [],
  EXPIRED: [],
  STALE: [],
};
export const canBecome = (from: JointStatus, to: JointStatus) => TRANSITIONS[from].includes(to);

/** A pending change whose time is up counts as expired, whether or not its job has run yet. */
export const hasLapsed = (change: { status: JointStatus; expiresAt: Date | null }, now: Date) =>
  change.status === "PENDING" && change.expiresAt !== null && change.expiresAt.getTime() <= now.getTime();
