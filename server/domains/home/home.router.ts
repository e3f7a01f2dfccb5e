// tRPC procedures of the home page: parse, call the read with ctx.deps, return.
import { protectedProcedure, router } from "../../trpc/trpc.js";
import { countWaitingIn, listWaitingForMe } from "./home.reads.js";
import { WaitingCountInputSchema } from "./home.schema.js";

export const homeRouter = router({
  waiting: router({
    list: protectedProcedure.query(({ ctx }) => listWaitingForMe(ctx.deps, { userId: ctx.user.id })),
    count: protectedProcedure.input(WaitingCountInputSchema).query(({ ctx, input }) => countWaitingIn(ctx.deps, { userId: ctx.user.id, input })),
  }),
});
