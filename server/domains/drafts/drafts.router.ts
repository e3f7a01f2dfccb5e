// tRPC procedures of the curriculum drafts domain: parse, call the service, return.
import { z } from "zod";
import { protectedProcedure, router } from "../../trpc/trpc.js";
import {
  AddCommentInputSchema,
  AdoptInputSchema,
  CompareInputSchema,
  CreateDraftInputSchema,
  DraftIdSchema,
  DraftSettingsInputSchema,
  ListCommentsInputSchema,
  ListDraftsInputSchema,
  ReplyInputSchema,
  ResolveInputSchema,
  SaveDraftInputSchema,
  SignOffInputSchema,
  VersionInputSchema,
} from "./drafts.schema.js";

const BodyIdSchema = z.object({ bodyId: z.string().trim().min(1).max(64) });

export const draftsRouter = router({
  draft: router({
    list: protectedProcedure.input(ListDraftsInputSchema).query(({ ctx, input }) => ctx.services.drafts.list({ userId: ctx.user.id, ...input })),
    get: protectedProcedure.input(DraftIdSchema).query(({ ctx, input }) => ctx.services.drafts.get({ userId: ctx.user.id, ...input })),
    create: protectedProcedure.input(CreateDraftInputSchema).mutation(({ ctx, input }) => ctx.services.drafts.create({ userId: ctx.user.id, input })),
    save: protectedProcedure.input(SaveDraftInputSchema).mutation(({ ctx, input }) => ctx.services.drafts.save({ userId: ctx.user.id, input })),
    withdraw: protectedProcedure.input(DraftIdSchema).mutation(({ ctx, input }) => ctx.services.drafts.withdraw({ userId: ctx.user.id, ...input })),
    adopt: protectedProcedure.input(AdoptInputSchema).mutation(({ ctx, input }) => ctx.services.drafts.adopt({ userId: ctx.user.id, ...input })),
  }),
  version: router({
    get: protectedProcedure.input(VersionInputSchema).query(({ ctx, input }) => ctx.services.drafts.getVersion({ userId: ctx.user.id, ...input })),
    compare: protectedProcedure.input(CompareInputSchema).query(({ ctx, input }) => ctx.services.drafts.compare({ userId: ctx.user.id, ...input })),
  }),
  signOff: router({
    decide: protectedProcedure.input(SignOffInputSchema).mutation(({ ctx, input }) => ctx.services.drafts.signOff({ userId: ctx.user.id, input })),
  }),
  comment: router({
    list: protectedProcedure.input(ListCommentsInputSchema).query(({ ctx, input }) => ctx.services.drafts.listComments({ userId: ctx.user.id, ...input })),
    add: protectedProcedure.input(AddCommentInputSchema).mutation(({ ctx, input }) => ctx.services.drafts.addComment({ userId: ctx.user.id, input })),
    reply: protectedProcedure.input(ReplyInputSchema).mutation(({ ctx, input }) => ctx.services.drafts.reply({ userId: ctx.user.id, ...input })),
    resolve: protectedProcedure.input(ResolveInputSchema).mutation(({ ctx, input }) => ctx.services.drafts.resolve({ userId: ctx.user.id, ...input })),
  }),
  settings: router({
    get: protectedProcedure.input(BodyIdSchema).query(({ ctx, input }) => ctx.services.drafts.getSettings({ userId: ctx.user.id, ...input })),
    set: protectedProcedure.input(DraftSettingsInputSchema).mutation(({ ctx, input }) => ctx.services.drafts.setSettings({ userId: ctx.user.id, input })),
  }),
});
