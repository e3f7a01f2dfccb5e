// tRPC procedures of mail preferences: parse, call the use case with `ctx.deps`, return.
import { protectedProcedure, publicProcedure, router } from "../../trpc/trpc.js";
import { describeUnsubscribe, getMailSettings, setBodyMute, updateMailSettings } from "./preferences.js";
import { SetMuteInputSchema, UnsubscribeTokenInputSchema, UpdateMailSettingsInputSchema } from "./preferences.schema.js";

export const preferencesRouter = router({
  mail: router({
    get: protectedProcedure.query(({ ctx }) => getMailSettings(ctx.deps, { userId: ctx.user.id })),
    update: protectedProcedure.input(UpdateMailSettingsInputSchema).mutation(({ ctx, input }) => updateMailSettings(ctx.deps, { userId: ctx.user.id, input })),
  }),
  mute: router({
    set: protectedProcedure.input(SetMuteInputSchema).mutation(({ ctx, input }) => setBodyMute(ctx.deps, { userId: ctx.user.id, input })),
  }),
  /** The unsubscribe page's read (no sign-in: the signed token is the permission). The change itself is POST /unsubscribe/<token>. */
  unsubscribe: router({
    get: publicProcedure.input(UnsubscribeTokenInputSchema).query(({ ctx, input }) => describeUnsubscribe(ctx.deps, { input })),
  }),
});
