// tRPC procedures of the joint domain: parse, call the use case with ctx.deps, return. The domains'
// own procedures propose their kinds (e.g. partnerships.committee.setQuorumRule); `propose` takes any.
import { protectedProcedure, router } from "../../trpc/trpc.js";
import { concurJointChange, declineJointChange, proposeAnyJointChange, submitJointChange, withdrawJointChange } from "./changes.js";
import { listJointChanges, listWaitingForMe } from "./joint.reads.js";
import { DeclineJointChangeInputSchema, JointChangeIdSchema, ListJointChangesInputSchema, ProposeJointChangeInputSchema } from "./joint.schema.js";

export const jointRouter = router({
  change: router({
    list: protectedProcedure.input(ListJointChangesInputSchema).query(({ ctx, input }) => listJointChanges(ctx.deps, { userId: ctx.user.id, input })),
    waiting: protectedProcedure.query(({ ctx }) => listWaitingForMe(ctx.deps, { userId: ctx.user.id })),
    propose: protectedProcedure.input(ProposeJointChangeInputSchema).mutation(({ ctx, input }) => proposeAnyJointChange(ctx.deps, { userId: ctx.user.id, input })),
    concur: protectedProcedure.input(JointChangeIdSchema).mutation(({ ctx, input }) => concurJointChange(ctx.deps, { userId: ctx.user.id, input })),
    decline: protectedProcedure.input(DeclineJointChangeInputSchema).mutation(({ ctx, input }) => declineJointChange(ctx.deps, { userId: ctx.user.id, input })),
    withdraw: protectedProcedure.input(JointChangeIdSchema).mutation(({ ctx, input }) => withdrawJointChange(ctx.deps, { userId: ctx.user.id, input })),
    submit: protectedProcedure.input(JointChangeIdSchema).mutation(({ ctx, input }) => submitJointChange(ctx.deps, { userId: ctx.user.id, input })),
  }),
});
