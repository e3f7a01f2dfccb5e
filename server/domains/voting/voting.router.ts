// tRPC procedures of the voting domain: parse, call the use case with the app's deps, return.
import { protectedProcedure, router } from "../../trpc/trpc.js";
import { castBallot } from "./ballots.js";
import { amendMotion, moveMotion, secondMotion, tableMotion, withdrawMotion } from "./motions.js";
import { proposeUmpireDecision, resolveDeadlock } from "./deadlocks.js";
import { getVotingSettings, nameUmpire, setAlternate, setDelegation, setVotingSettings } from "./settings.js";
import { closeVote, openVote, revoteMotion } from "./vote-lifecycle.js";
import { getMotion, listMotions, listMovableBodies } from "./voting.reads.js";
import {
  AmendMotionInputSchema,
  CastBallotInputSchema,
  ListMotionsInputSchema,
  MotionIdSchema,
  MoveMotionInputSchema,
  NameUmpireInputSchema,
  OpenVoteInputSchema,
  ResolveDeadlockInputSchema,
  SetAlternateInputSchema,
  SetDelegationInputSchema,
  UmpireDecisionInputSchema,
  VotingBodyIdSchema,
  VotingPartnershipIdSchema,
  VotingSettingsInputSchema,
} from "./voting.schema.js";

export const votingRouter = router({
  motion: router({
    list: protectedProcedure.input(ListMotionsInputSchema).query(({ ctx, input }) => listMotions(ctx.deps, { userId: ctx.user.id, input })),
    movableBodies: protectedProcedure.input(VotingPartnershipIdSchema).query(({ ctx, input }) => listMovableBodies(ctx.deps, { userId: ctx.user.id, input })),
    get: protectedProcedure.input(MotionIdSchema).query(({ ctx, input }) => getMotion(ctx.deps, { userId: ctx.user.id, input })),
    move: protectedProcedure.input(MoveMotionInputSchema).mutation(({ ctx, input }) => moveMotion(ctx.deps, { userId: ctx.user.id, input })),
    second: protectedProcedure.input(MotionIdSchema).mutation(({ ctx, input }) => secondMotion(ctx.deps, { userId: ctx.user.id, input })),
    amend: protectedProcedure.input(AmendMotionInputSchema).mutation(({ ctx, input }) => amendMotion(ctx.deps, { userId: ctx.user.id, input })),
    withdraw: protectedProcedure.input(MotionIdSchema).mutation(({ ctx, input }) => withdrawMotion(ctx.deps, { userId: ctx.user.id, input })),
    table: protectedProcedure.input(MotionIdSchema).mutation(({ ctx, input }) => tableMotion(ctx.deps, { userId: ctx.user.id, input })),
    open: protectedProcedure.input(OpenVoteInputSchema).mutation(({ ctx, input }) => openVote(ctx.deps, { userId: ctx.user.id, input })),
    close: protectedProcedure.input(MotionIdSchema).mutation(({ ctx, input }) => closeVote(ctx.deps, { userId: ctx.user.id, input })),
    resolveDeadlock: protectedProcedure.input(ResolveDeadlockInputSchema).mutation(({ ctx, input }) => resolveDeadlock(ctx.deps, { userId: ctx.user.id, input })),
    recordUmpireDecision: protectedProcedure.input(UmpireDecisionInputSchema).mutation(({ ctx, input }) => proposeUmpireDecision(ctx.deps, { userId: ctx.user.id, input })),
    revote: protectedProcedure.input(MotionIdSchema).mutation(({ ctx, input }) => revoteMotion(ctx.deps, { userId: ctx.user.id, input })),
  }),
  ballot: router({
    cast: protectedProcedure.input(CastBallotInputSchema).mutation(({ ctx, input }) => castBallot(ctx.deps, { userId: ctx.user.id, input })),
  }),
  settings: router({
    get: protectedProcedure.input(VotingBodyIdSchema).query(({ ctx, input }) => getVotingSettings(ctx.deps, { userId: ctx.user.id, input })),
    set: protectedProcedure.input(VotingSettingsInputSchema).mutation(({ ctx, input }) => setVotingSettings(ctx.deps, { userId: ctx.user.id, input })),
    nameUmpire: protectedProcedure.input(NameUmpireInputSchema).mutation(({ ctx, input }) => nameUmpire(ctx.deps, { userId: ctx.user.id, input })),
    setAlternate: protectedProcedure.input(SetAlternateInputSchema).mutation(({ ctx, input }) => setAlternate(ctx.deps, { userId: ctx.user.id, input })),
    setDelegation: protectedProcedure.input(SetDelegationInputSchema).mutation(({ ctx, input }) => setDelegation(ctx.deps, { userId: ctx.user.id, input })),
  }),
});
