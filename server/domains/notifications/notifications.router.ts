// tRPC procedures for the signed-in user's own notifications: parse, call the use case with ctx.deps.
import { protectedProcedure, router } from "../../trpc/trpc.js";
import { countUnreadNotifications, listNotifications, markAllNotificationsRead, markNotificationsRead } from "./notifications.js";
import { ListNotificationsInputSchema, MarkReadInputSchema } from "./notifications.schema.js";

export const notificationsRouter = router({
  list: protectedProcedure
    .input(ListNotificationsInputSchema)
    .query(({ ctx, input }) => listNotifications(ctx.deps, { userId: ctx.user.id, input })),
  unreadCount: protectedProcedure.query(({ ctx }) => countUnreadNotifications(ctx.deps, { userId: ctx.user.id })),
  markRead: protectedProcedure
    .input(MarkReadInputSchema)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.deps, { userId: ctx.user.id, input })),
  markAllRead: protectedProcedure.mutation(({ ctx }) => markAllNotificationsRead(ctx.deps, { userId: ctx.user.id })),
});
