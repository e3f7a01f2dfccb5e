// tRPC procedures of the voting domain: parse, call the service, return.
import { z } from "zod";
import { protectedProcedure, router } from "../../trpc/trpc.js";
import {
  AmendMotionInputSchema,
  CastBallotInputSchema,
  ListMotionsInputSchema,
  MotionIdSchema,
  MoveMotionInputSchema,
  OpenVoteInputSchema,
  ResolveDeadlockInputSchema,
  SetAlternateInputSchema,
  SetDelegationInputSchema,
  VotingSettingsInputSchema,
} from "./voting.schema.js";

const BodyIdSchema = z.object({ bodyId: z.string().min(1).max(64) });
const PartnershipIdSchema = z.object({ partnershipId: z.string().min(1).max(64) });

export const votingRouter = router({
  motion: router({
    list: protectedProcedure.input(ListMotionsInputSchema).query(({ ctx, input }) => ctx.services.voting.list({ userId: ctx.user.id, ...input })),
    movableBodies: protectedProcedure.input(PartnershipIdSchema).query(({ ctx, input }) => ctx.services.voting.movableBodies({ userId: ctx.user.id, ...input })),
    get: protectedProcedure.input(MotionIdSchema).query(({ ctx, input }) => ctx.services.voting.get({ userId: ctx.user.id, ...input })),
    move: protectedProcedure.input(MoveMotionInputSchema).mutation(({ ctx, input }) => ctx.services.voting.move({ userId: ctx.user.id, input })),
    second: protectedProcedure.input(MotionIdSchema).mutation(({ ctx, input }) => ctx.services.voting.second({ userId: ctx.user.id, ...input })),
    amend: protectedProcedure.input(AmendMotionInputSchema).mutation(({ ctx, input }) => ctx.services.voting.amend({ userId: ctx.user.id, ...input })),
    withdraw: protectedProcedure.input(MotionIdSchema).mutation(({ ctx, input }) => ctx.services.voting.withdraw({ userId: ctx.user.id, ...input })),
    table: protectedProcedure.input(MotionIdSchema).mutation(({ ctx, input }) => ctx.services.voting.table({ userId: ctx.user.id, ...input })),
    open: protectedProcedure.input(OpenVoteInputSchema).mutation(({ ctx, input }) => ctx.services.voting.open({ userId: ctx.user.id, ...input })),
    close: protectedProcedure.input(MotionIdSchema).mutation(({ ctx, input }) => ctx.services.voting.close({ userId: ctx.user.id, ...input })),
    resolveDeadlock: protectedProcedure
      .input(ResolveDeadlockInputSchema)
      .mutation(({ ctx, input }) => ctx.services.voting.resolveDeadlock({ userId: ctx.user.id, ...input })),
    revote: protectedProcedure.input(MotionIdSchema).mutation(({ ctx, input }) => ctx.services.voting.revote({ userId: ctx.user.id, ...input })),
  }),
  ballot: router({
    cast: protectedProcedure.input(CastBallotInputSchema).mutation(({ ctx, input }) => ctx.services.voting.cast({ userId: ctx.user.id, ...input })),
  }),
  settings: router({
    get: protectedProcedure.input(BodyIdSchema).query(({ ctx, input }) => ctx.services.voting.getSettings({ userId: ctx.user.id, ...input })),
    set: protectedProcedure.input(VotingSettingsInputSchema).mutation(({ ctx, input }) => ctx.services.voting.setSettings({ userId: ctx.user.id, input })),
    setAlternate: protectedProcedure
      .input(SetAlternateInputSchema)
      .mutation(({ ctx, input }) => ctx.services.voting.setAlternate({ userId: ctx.user.id, ...input })),
    setDelegation: protectedProcedure
      .input(SetDelegationInputSchema)
      .mutation(({ ctx, input }) => ctx.services.voting.setDelegation({ userId: ctx.user.id, ...input })),
  }),
});
