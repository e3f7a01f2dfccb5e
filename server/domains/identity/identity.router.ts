// The signed-in user, as the UI sees it, and their account: profile, address, password, sessions and
// two-factor sign-in. Sign-in, sign-up, sign-out and the mailed links' pages are Remix actions (they
// must work without JavaScript and set cookies) that call the use cases with context.deps.
import { protectedProcedure, publicProcedure, router } from "../../trpc/trpc.js";
import { listSessions, signOutOtherSessions } from "./account-sessions.js";
import { cancelEmailChange, requestEmailChange, resendConfirmation } from "./addresses.js";
import {
  ChangeEmailInputSchema,
  ChangePasswordInputSchema,
  ConfirmPasswordInputSchema,
  SetLocaleInputSchema,
  TwoFactorCodeInputSchema,
  UpdateProfileInputSchema,
} from "./identity.schema.js";
import { getMe } from "./identity.server.js";
import { changePassword } from "./passwords.js";
import { getProfile, setLocale, updateProfile } from "./profile.js";
import { confirmTwoFactor, disableTwoFactor, regenerateRecoveryCodes, startTwoFactor } from "./two-factor.js";

export const identityRouter = router({
  me: publicProcedure.query(({ ctx }) => getMe(ctx.deps, { user: ctx.user })),
  profile: router({
    get: protectedProcedure.query(({ ctx }) => getProfile(ctx.deps, { userId: ctx.user.id })),
    update: protectedProcedure.input(UpdateProfileInputSchema).mutation(({ ctx, input }) => updateProfile(ctx.deps, { userId: ctx.user.id, input })),
    setLocale: protectedProcedure.input(SetLocaleInputSchema).mutation(({ ctx, input }) => setLocale(ctx.deps, { userId: ctx.user.id, input })),
  }),
  email: router({
    change: protectedProcedure
      .input(ChangeEmailInputSchema)
      .mutation(({ ctx, input }) => requestEmailChange(ctx.deps, { userId: ctx.user.id, input: { ...input, ip: ctx.clientIp ?? "unknown" } })),
    cancelChange: protectedProcedure.mutation(({ ctx }) => cancelEmailChange(ctx.deps, { userId: ctx.user.id })),
    resendConfirmation: protectedProcedure.mutation(({ ctx }) => resendConfirmation(ctx.deps, { userId: ctx.user.id })),
  }),
  password: router({
    change: protectedProcedure
      .input(ChangePasswordInputSchema)
      .mutation(({ ctx, input }) =>
        changePassword(ctx.deps, { userId: ctx.user.id, sessionRowId: ctx.deps.sessions.rowIdOf(ctx.session.id), input: { ...input, ip: ctx.clientIp ?? "unknown" } }),
      ),
  }),
  session: router({
    list: protectedProcedure.query(({ ctx }) => listSessions(ctx.deps, { userId: ctx.user.id, sessionRowId: ctx.deps.sessions.rowIdOf(ctx.session.id) })),
    signOutOthers: protectedProcedure.mutation(({ ctx }) => signOutOtherSessions(ctx.deps, { userId: ctx.user.id, sessionRowId: ctx.deps.sessions.rowIdOf(ctx.session.id) })),
  }),
  twoFactor: router({
    start: protectedProcedure.mutation(({ ctx }) => startTwoFactor(ctx.deps, { userId: ctx.user.id })),
    confirm: protectedProcedure
      .input(TwoFactorCodeInputSchema)
      .mutation(({ ctx, input }) => confirmTwoFactor(ctx.deps, { userId: ctx.user.id, input: { ...input, ip: ctx.clientIp ?? "unknown" } })),
    disable: protectedProcedure
      .input(ConfirmPasswordInputSchema)
      .mutation(({ ctx, input }) => disableTwoFactor(ctx.deps, { userId: ctx.user.id, input: { ...input, ip: ctx.clientIp ?? "unknown" } })),
    regenerateRecoveryCodes: protectedProcedure
      .input(ConfirmPasswordInputSchema)
      .mutation(({ ctx, input }) => regenerateRecoveryCodes(ctx.deps, { userId: ctx.user.id, input: { ...input, ip: ctx.clientIp ?? "unknown" } })),
  }),
});
