// Inputs of the voting domain (isomorphic).
import { z } from "zod";
import { IdSchema as id, INT4_MAX, wholeNumber } from "../common.schema.js";
import { CHOICES, DEADLOCK_PROCEDURES, RULE_LABELS, type DecisionRule, type DeadlockProcedure } from "./voting.rules.js";

export const MOTION_TEXT_MAX = 10_000;
export const BALLOT_KINDS = { ROLL_CALL: "Roll call (everyone sees who voted what)", SECRET: "Secret ballot" } as const;
export type BallotKind = keyof typeof BALLOT_KINDS;
export const CHOICE_LABELS = { YES: "Yes", NO: "No", ABSTAIN: "Abstain" } as const;

const ruleKeys = Object.keys(RULE_LABELS) as [DecisionRule, ...DecisionRule[]];
const procedureKeys = Object.keys(DEADLOCK_PROCEDURES) as [DeadlockProcedure, ...DeadlockProcedure[]];

export const MotionIdSchema = z.object({ motionId: id });

export const MoveMotionInputSchema = z.object({
  bodyId: id,
  meetingId: id.nullable().default(null),
  agendaItemId: id.nullable().default(null),
  /** An adjourned meeting of the same body whose minutes this motion approves when it passes. */
  approvesMinutesOfMeetingId: id.nullable().default(null),
  text: z.string({ required_error: "State the motion." }).trim().min(1, "State the motion.").max(MOTION_TEXT_MAX, "A motion is at most 10,000 characters."),
  rationale: z.string().trim().max(MOTION_TEXT_MAX).default(""),
  ballotKind: z.enum(["ROLL_CALL", "SECRET"], { errorMap: () => ({ message: "Choose how members vote." }) }),
  rule: z.enum(ruleKeys, { errorMap: () => ({ message: "Choose a decision rule." }) }),
  requireQuorum: z.boolean().default(true),
  /** A motion to adopt a curriculum draft's version (moved from the draft's page): decided by dual majority; adopts it when it passes. */
  adoptsDraft: z.object({ draftId: id, versionNumber: z.number().int().min(1).max(INT4_MAX) }).nullable().default(null),
});
export type MoveMotionInput = z.infer<typeof MoveMotionInputSchema>;

export const AmendMotionInputSchema = z.object({
  motionId: id,
  text: z.string().trim().min(1, "Give the amended wording.").max(MOTION_TEXT_MAX),
  /** The mover accepts it as friendly (changes the text at once); anyone else moves an amendment to be voted. */
  friendly: z.boolean().default(false),
});

/** The impartial umpire's name, as a body records it. */
export const UMPIRE_NAME_MAX = 200;

export const OpenVoteInputSchema = z.object({
  motionId: id,
  /** An electronic vote between meetings closes at its deadline; a vote at a meeting may have none. */
  deadline: z
    .date({ invalid_type_error: "Enter a valid date and time." })
    .min(new Date("2000-01-01T00:00:00Z"), "Enter a valid date and time.")
    .max(new Date("2999-12-31T23:59:59Z"), "Enter a valid date and time.")
    .nullable()
    .default(null),
});

export const CastBallotInputSchema = z.object({
  motionId: id,
  choice: z.enum(CHOICES, { errorMap: () => ({ message: "Choose yes, no or abstain." }) }),
});
export type CastBallotInput = z.infer<typeof CastBallotInputSchema>;

export const ResolveDeadlockInputSchema = z.object({
  motionId: id,
  resolution: z.string().trim().min(1, "Record the decision.").max(MOTION_TEXT_MAX),
});

export const VotingSettingsInputSchema = z.object({
  bodyId: id,
  secondFromOtherSide: z.boolean(),
  allowVoteChange: z.boolean(),
  deadlockProcedure: z.enum(procedureKeys),
  umpireName: z.string().trim().max(UMPIRE_NAME_MAX, `The umpire's name has at most ${UMPIRE_NAME_MAX} characters.`).default(""),
  reminderLeadHours: wholeNumber({ min: 0, max: 24 * 14 }, { max: "At most two weeks (336 hours) before the deadline." }),
});
export type VotingSettingsInput = z.infer<typeof VotingSettingsInputSchema>;

export const NameUmpireInputSchema = z.object({
  bodyId: id,
  umpireName: z.string().trim().max(UMPIRE_NAME_MAX, `The umpire's name has at most ${UMPIRE_NAME_MAX} characters.`),
});
export type NameUmpireInput = z.infer<typeof NameUmpireInputSchema>;

/** The umpire's decision on a deadlocked vote: the question put to them and their decision (both co-chairs attest it). */
export const UmpireDecisionInputSchema = z.object({
  motionId: id,
  question: z.string({ required_error: "Give the question put to the umpire." }).trim().min(1, "Give the question put to the umpire.").max(MOTION_TEXT_MAX),
  decision: z.string({ required_error: "Record the umpire's decision." }).trim().min(1, "Record the umpire's decision.").max(MOTION_TEXT_MAX),
});
export type UmpireDecisionInput = z.infer<typeof UmpireDecisionInputSchema>;

export const SetAlternateInputSchema = z.object({ bodyId: id, membershipId: id, alternateMembershipId: id.nullable() });
export const SetDelegationInputSchema = z.object({ bodyId: id, delegates: z.boolean() });

export const ListMotionsInputSchema = z.object({ partnershipId: id, meetingId: id.optional() });

export type MotionIdInput = z.infer<typeof MotionIdSchema>;
export type AmendMotionInput = z.infer<typeof AmendMotionInputSchema>;
export type OpenVoteInput = z.infer<typeof OpenVoteInputSchema>;
export type ResolveDeadlockInput = z.infer<typeof ResolveDeadlockInputSchema>;
export type SetAlternateInput = z.infer<typeof SetAlternateInputSchema>;
export type SetDelegationInput = z.infer<typeof SetDelegationInputSchema>;
export type ListMotionsInput = z.infer<typeof ListMotionsInputSchema>;

export const VotingBodyIdSchema = z.object({ bodyId: z.string().min(1).max(64) });
export type VotingBodyIdInput = z.infer<typeof VotingBodyIdSchema>;
export const VotingPartnershipIdSchema = z.object({ partnershipId: z.string().min(1).max(64) });
export type VotingPartnershipIdInput = z.infer<typeof VotingPartnershipIdSchema>;
