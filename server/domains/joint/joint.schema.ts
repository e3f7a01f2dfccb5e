// Joint changes (isomorphic): the kinds of change that need both sides, each kind's payload, the
// statuses a change goes through, and the inputs of the joint procedures. A payload holds plain values
// (cents as integers, ids), already checked by the procedure that proposed it.
import { z } from "zod";
import { enumKeys as keys, IdSchema as id, INT4_MAX } from "../common.schema.js";
import { SEAT_ROLES, SIDES, ORGANIZATION_TYPES } from "../partnerships/partnerships.schema.js";
import { DEADLOCK_PROCEDURES } from "../voting/voting.rules.js";

/** Every kind, with the name it is shown under. A new kind goes here, in joint.kinds.ts and in the migration's CHECK. */
export const JOINT_KINDS = {
  QUORUM_RULE: "Quorum rule",
  VOTING_SETTINGS: "Voting settings",
  UMPIRE: "Impartial umpire",
  UMPIRE_DECISION: "Umpire's decision",
  REPRESENTATION: "Equal representation",
  COMMITTEE: "New committee",
  SEAT: "Seat of the other side or a neutral member",
  SEAT_REMOVAL: "Removal from a committee",
  MEMBER_REMOVAL: "Removal from the partnership",
  ALTERNATE: "Alternate",
  ORGANIZATION: "Organization",
  ADOPTION_RULE: "Curriculum adoption rule",
  SIGNOFF_GROUP: "Worker sign-off group",
  FUND: "New fund",
  FUND_CLOSURE: "Closing a fund",
  FUND_CAP: "Fund cap",
  FUND_REVIEWER: "Request reviewers",
  AO_SNAPSHOT: "Publishing the Access & Opportunity dashboard",
  DRAFT_ADOPTION: "Curriculum adoption",
  FUND_REVIEW_POLICY: "Fund review policy",
} as const;
export type JointKind = keyof typeof JOINT_KINDS;
export const JointKindSchema = z.enum(keys(JOINT_KINDS));

export const JOINT_STATUSES = {
  PREPARED: "Prepared by staff",
  PENDING: "Waiting for the other side",
  APPLIED: "Applied",
  DECLINED: "Declined",
  WITHDRAWN: "Withdrawn",
  EXPIRED: "Expired",
  STALE: "Out of date",
} as const;
export type JointStatus = keyof typeof JOINT_STATUSES;
/** Still open: something may still happen to it. */
export const OPEN_JOINT_STATUSES: JointStatus[] = ["PREPARED", "PENDING"];

export type CoChairSide = "LABOR" | "MANAGEMENT";
export const SIDE_NAMES: Record<CoChairSide, string> = { LABOR: "Labor", MANAGEMENT: "Management" };

/** A proposal lapses after this many days unless the other side concurs or declines. */
export const DEFAULT_EXPIRY_DAYS = 14;
export const REASON_MAX = 2_000;
export const UMPIRE_TEXT_MAX = 10_000;

// ─── payloads ───────────────────────────────────────────────────────────────

const count = z.number().int().min(0).max(1_000);
const cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const name = (max = 200) => z.string().trim().min(1).max(max);

export const JointPayloadSchemas = {
  QUORUM_RULE: z
    .object({ mode: z.enum(["COUNT", "SHARE"]), labor: count, management: count })
    .refine((v) => v.mode === "COUNT" || (v.labor <= 100 && v.management <= 100), { message: "A share is at most 100%." }),
  VOTING_SETTINGS: z.object({
    secondFromOtherSide: z.boolean(),
    allowVoteChange: z.boolean(),
    deadlockProcedure: z.enum(keys(DEADLOCK_PROCEDURES)),
    reminderLeadHours: z.number().int().min(0).max(24 * 14),
  }),
  UMPIRE: z.object({ umpireName: z.string().trim().max(200) }),
  UMPIRE_DECISION: z.object({ motionId: id, question: name(UMPIRE_TEXT_MAX), decision: name(UMPIRE_TEXT_MAX) }),
  REPRESENTATION: z
    .object({ equalRepresentation: z.boolean(), seatsPerSide: z.number().int().min(1).max(100).nullable(), unitRule: z.boolean() })
    .refine((v) => !v.equalRepresentation || v.seatsPerSide !== null, { message: "Say how many voting seats each side holds.", path: ["seatsPerSide"] })
    .refine((v) => !v.unitRule || v.equalRepresentation, { message: "The unit rule goes with equal representation.", path: ["unitRule"] }),
  COMMITTEE: z.object({ name: name(), description: z.string().trim().max(10_000) }),
  SEAT: z.object({ membershipId: id, role: z.enum(keys(SEAT_ROLES)), isVoting: z.boolean() }),
  SEAT_REMOVAL: z.object({ membershipId: id }),
  MEMBER_REMOVAL: z.object({ membershipId: id }),
  ALTERNATE: z.object({ membershipId: id, alternateMembershipId: id.nullable() }),
  ORGANIZATION: z.object({
    action: z.enum(["CREATE", "UPDATE", "REMOVE"]),
    organizationId: id.nullable(),
    name: name(),
    type: z.enum(keys(ORGANIZATION_TYPES)),
    side: z.enum(keys(SIDES)),
  }),
  ADOPTION_RULE: z.object({ rule: z.enum(["ALL", "AT_LEAST"]), minimum: z.number().int().min(1).max(100) }),
  SIGNOFF_GROUP: z.object({ reviewerMembershipIds: z.array(id).max(100) }),
  FUND: z.object({ name: name(), startingCents: cents }),
  FUND_CLOSURE: z.object({ fundId: id }),
  FUND_CAP: z.object({ fundId: id, category: z.string().min(1).max(40), perTrainee: z.boolean(), capCents: cents.nullable() }),
  FUND_REVIEWER: z.object({ membershipId: id, designate: z.boolean() }),
  AO_SNAPSHOT: z.object({ year: z.number().int().min(2000).max(2100) }),
  DRAFT_ADOPTION: z.object({ draftId: id, versionNumber: z.number().int().min(1).max(INT4_MAX) }),
  /** Above `bothSidesAboveCents` an approval needs a reviewer of each side; null: one reviewer, any amount. */
  FUND_REVIEW_POLICY: z.object({ fundId: id, bothSidesAboveCents: z.number().int().min(0).max(INT4_MAX).nullable() }),
} satisfies Record<JointKind, z.ZodTypeAny>;

export type JointPayload<K extends JointKind> = z.infer<(typeof JointPayloadSchemas)[K]>;

// ─── inputs ─────────────────────────────────────────────────────────────────

export const JointChangeIdSchema = z.object({ changeId: id });
export type JointChangeIdInput = z.infer<typeof JointChangeIdSchema>;

export const DeclineJointChangeInputSchema = z.object({
  changeId: id,
  reason: z.string().trim().max(REASON_MAX, `A reason is at most ${REASON_MAX.toLocaleString("en-US")} characters.`).default(""),
});
export type DeclineJointChangeInput = z.infer<typeof DeclineJointChangeInputSchema>;

/** Any kind, proposed directly (the domains' own procedures propose their kinds with their own inputs). */
export const ProposeJointChangeInputSchema = z.object({
  partnershipId: id,
  bodyId: id.nullable().default(null),
  kind: JointKindSchema,
  payload: z.unknown(),
});
export type ProposeJointChangeInput = z.infer<typeof ProposeJointChangeInputSchema>;

export const ListJointChangesInputSchema = z.object({
  partnershipId: id,
  /** One body's changes (its own and none of the partnership's), or all of the partnership's. */
  bodyId: id.optional(),
  /** Open ones only, or the latest of every status. */
  show: z.enum(["open", "all"]).default("all"),
});
export type ListJointChangesInput = z.infer<typeof ListJointChangesInputSchema>;

// ─── answers ────────────────────────────────────────────────────────────────

/**
 * What a procedure that proposes answers when its change did not apply at once: it waits for the other
 * side's co-chair (PENDING), or, prepared by staff, for a co-chair to submit it (PREPARED).
 */
export type Proposed = { pending: true; changeId: string; status: "PENDING" | "PREPARED"; waitingFor: CoChairSide | null };
/** Applied at once (a side's own business, or no co-chair on the other side yet). */
export type AppliedNow<T extends object = object> = T & { pending: false };
export type ProposedOr<T extends object = object> = Proposed | AppliedNow<T>;

/** The sentence the UI shows after proposing. */
export function proposedMessage(p: Pick<Proposed, "status" | "waitingFor">): string {
  if (p.status === "PREPARED") return "Prepared — a co-chair submits it to the other side.";
  return p.waitingFor ? `Proposed — waiting for ${SIDE_NAMES[p.waitingFor].toLowerCase()}'s co-chair.` : "Proposed.";
}
