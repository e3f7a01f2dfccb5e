// tRPC procedures for the signed-in user's own notifications.
import { protectedProcedure, router } from "../../trpc/trpc.js";
import { ListNotificationsInputSchema, MarkReadInputSchema } from "./notifications.schema.js";

export const notificationsRouter = router({
  list: protectedProcedure
    .input(ListNotificationsInputSchema)
    .query(({ ctx, input }) => ctx.services.notifications.list({ userId: ctx.user.id, ...input })),
  unreadCount: protectedProcedure.query(({ ctx }) => ctx.services.notifications.unreadCount({ userId: ctx.user.id })),
  markRead: protectedProcedure
    .input(MarkReadInputSchema)
    .mutation(({ ctx, input }) => ctx.services.notifications.markRead({ userId: ctx.user.id, ids: input.ids })),
  markAllRead: protectedProcedure.mutation(({ ctx }) => ctx.services.notifications.markAllRead({ userId: ctx.user.id })),
});
