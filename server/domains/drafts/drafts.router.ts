// tRPC procedures of the curriculum drafts domain: parse, call the use case with `ctx.deps`, return.
import { protectedProcedure, router } from "../../trpc/trpc.js";
import { addComment, listComments, replyToComment, resolveComment } from "./comments.js";
import { compareVersions, getDraft, getDraftVersion, listDrafts } from "./drafts.reads.js";
import {
  AddCommentInputSchema,
  AdoptInputSchema,
  BodyIdInputSchema,
  CompareInputSchema,
  CreateDraftInputSchema,
  DraftIdSchema,
  DraftSettingsInputSchema,
  ListCommentsInputSchema,
  RegistrationInputSchema,
  ListDraftsInputSchema,
  ReplyInputSchema,
  ResolveInputSchema,
  SaveDraftInputSchema,
  SignOffInputSchema,
  VersionInputSchema,
} from "./drafts.schema.js";
import { recordRegistration } from "./registration.js";
import { decideSignOff, proposeAdoption } from "./review.js";
import { getDraftSettings, setDraftSettings } from "./settings.js";
import { createDraft, saveDraft, withdrawDraft } from "./working-copy.js";

export const draftsRouter = router({
  draft: router({
    list: protectedProcedure.input(ListDraftsInputSchema).query(({ ctx, input }) => listDrafts(ctx.deps, { userId: ctx.user.id, input })),
    get: protectedProcedure.input(DraftIdSchema).query(({ ctx, input }) => getDraft(ctx.deps, { userId: ctx.user.id, input })),
    create: protectedProcedure.input(CreateDraftInputSchema).mutation(({ ctx, input }) => createDraft(ctx.deps, { userId: ctx.user.id, input })),
    save: protectedProcedure.input(SaveDraftInputSchema).mutation(({ ctx, input }) => saveDraft(ctx.deps, { userId: ctx.user.id, input })),
    withdraw: protectedProcedure.input(DraftIdSchema).mutation(({ ctx, input }) => withdrawDraft(ctx.deps, { userId: ctx.user.id, input })),
    /** Proposes adopting the signed-off version (a joint change; the other side's co-chair concurs). */
    adopt: protectedProcedure.input(AdoptInputSchema).mutation(({ ctx, input }) => proposeAdoption(ctx.deps, { userId: ctx.user.id, input })),
    registration: protectedProcedure.input(RegistrationInputSchema).mutation(({ ctx, input }) => recordRegistration(ctx.deps, { userId: ctx.user.id, input })),
  }),
  version: router({
    get: protectedProcedure.input(VersionInputSchema).query(({ ctx, input }) => getDraftVersion(ctx.deps, { userId: ctx.user.id, input })),
    compare: protectedProcedure.input(CompareInputSchema).query(({ ctx, input }) => compareVersions(ctx.deps, { userId: ctx.user.id, input })),
  }),
  signOff: router({
    decide: protectedProcedure.input(SignOffInputSchema).mutation(({ ctx, input }) => decideSignOff(ctx.deps, { userId: ctx.user.id, input })),
  }),
  comment: router({
    list: protectedProcedure.input(ListCommentsInputSchema).query(({ ctx, input }) => listComments(ctx.deps, { userId: ctx.user.id, input })),
    add: protectedProcedure.input(AddCommentInputSchema).mutation(({ ctx, input }) => addComment(ctx.deps, { userId: ctx.user.id, input })),
    reply: protectedProcedure.input(ReplyInputSchema).mutation(({ ctx, input }) => replyToComment(ctx.deps, { userId: ctx.user.id, input })),
    resolve: protectedProcedure.input(ResolveInputSchema).mutation(({ ctx, input }) => resolveComment(ctx.deps, { userId: ctx.user.id, input })),
  }),
  settings: router({
    get: protectedProcedure.input(BodyIdInputSchema).query(({ ctx, input }) => getDraftSettings(ctx.deps, { userId: ctx.user.id, input })),
    set: protectedProcedure.input(DraftSettingsInputSchema).mutation(({ ctx, input }) => setDraftSettings(ctx.deps, { userId: ctx.user.id, input })),
  }),
});
