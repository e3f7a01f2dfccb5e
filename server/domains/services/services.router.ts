// tRPC procedures of supportive services: parse, call the service, return.
import { protectedProcedure, router } from "../../trpc/trpc.js";
import {
  ApproveInputSchema,
  CancelInputSchema,
  CreateFundInputSchema,
  CreateRequestInputSchema,
  CreateTraineeInputSchema,
  DenyInputSchema,
  FulfilInputSchema,
  GrantInputSchema,
  ListRequestsInputSchema,
  ListTraineesInputSchema,
  NoteInputSchema,
  PartnershipIdSchema,
  RequestIdSchema,
  ReviewerInputSchema,
  ServiceSettingsInputSchema,
  SetCapInputSchema,
  TraineeIdSchema,
  UpdateRequestInputSchema,
  UpdateTraineeInputSchema,
} from "./services.schema.js";

export const servicesRouter = router({
  overview: protectedProcedure.input(PartnershipIdSchema).query(({ ctx, input }) => ctx.services.services.overview({ userId: ctx.user.id, ...input })),
  summary: protectedProcedure.input(PartnershipIdSchema).query(({ ctx, input }) => ctx.services.services.summary({ userId: ctx.user.id, ...input })),
  export: protectedProcedure.input(PartnershipIdSchema).query(({ ctx, input }) => ctx.services.services.exportCsv({ userId: ctx.user.id, ...input })),
  settings: router({
    set: protectedProcedure.input(ServiceSettingsInputSchema).mutation(({ ctx, input }) => ctx.services.services.setSettings({ userId: ctx.user.id, ...input })),
  }),
  reviewer: router({
    add: protectedProcedure.input(ReviewerInputSchema).mutation(({ ctx, input }) => ctx.services.services.addReviewer({ userId: ctx.user.id, ...input })),
    remove: protectedProcedure.input(ReviewerInputSchema).mutation(({ ctx, input }) => ctx.services.services.removeReviewer({ userId: ctx.user.id, ...input })),
  }),
  trainee: router({
    list: protectedProcedure.input(ListTraineesInputSchema).query(({ ctx, input }) => ctx.services.services.listTrainees({ userId: ctx.user.id, ...input })),
    get: protectedProcedure.input(TraineeIdSchema).query(({ ctx, input }) => ctx.services.services.getTrainee({ userId: ctx.user.id, ...input })),
    create: protectedProcedure.input(CreateTraineeInputSchema).mutation(({ ctx, input }) => ctx.services.services.createTrainee({ userId: ctx.user.id, input })),
    update: protectedProcedure.input(UpdateTraineeInputSchema).mutation(({ ctx, input }) => ctx.services.services.updateTrainee({ userId: ctx.user.id, input })),
    grant: protectedProcedure.input(GrantInputSchema).mutation(({ ctx, input }) => ctx.services.services.grantAccess({ userId: ctx.user.id, ...input })),
    revoke: protectedProcedure.input(GrantInputSchema).mutation(({ ctx, input }) => ctx.services.services.revokeAccess({ userId: ctx.user.id, ...input })),
  }),
  fund: router({
    list: protectedProcedure.input(PartnershipIdSchema).query(({ ctx, input }) => ctx.services.services.listFunds({ userId: ctx.user.id, ...input })),
    create: protectedProcedure.input(CreateFundInputSchema).mutation(({ ctx, input }) => ctx.services.services.createFund({ userId: ctx.user.id, input })),
    setCap: protectedProcedure.input(SetCapInputSchema).mutation(({ ctx, input }) => ctx.services.services.setCap({ userId: ctx.user.id, input })),
  }),
  request: router({
    list: protectedProcedure.input(ListRequestsInputSchema).query(({ ctx, input }) => ctx.services.services.listRequests({ userId: ctx.user.id, ...input })),
    get: protectedProcedure.input(RequestIdSchema).query(({ ctx, input }) => ctx.services.services.getRequest({ userId: ctx.user.id, ...input })),
    create: protectedProcedure.input(CreateRequestInputSchema).mutation(({ ctx, input }) => ctx.services.services.createRequest({ userId: ctx.user.id, input })),
    update: protectedProcedure.input(UpdateRequestInputSchema).mutation(({ ctx, input }) => ctx.services.services.updateRequest({ userId: ctx.user.id, input })),
    submit: protectedProcedure.input(RequestIdSchema).mutation(({ ctx, input }) => ctx.services.services.submit({ userId: ctx.user.id, ...input })),
    startReview: protectedProcedure.input(RequestIdSchema).mutation(({ ctx, input }) => ctx.services.services.startReview({ userId: ctx.user.id, ...input })),
    askInfo: protectedProcedure.input(NoteInputSchema).mutation(({ ctx, input }) => ctx.services.services.askInfo({ userId: ctx.user.id, ...input })),
    answer: protectedProcedure.input(NoteInputSchema).mutation(({ ctx, input }) => ctx.services.services.answer({ userId: ctx.user.id, ...input })),
    approve: protectedProcedure.input(ApproveInputSchema).mutation(({ ctx, input }) => ctx.services.services.approve({ userId: ctx.user.id, input })),
    deny: protectedProcedure.input(DenyInputSchema).mutation(({ ctx, input }) => ctx.services.services.deny({ userId: ctx.user.id, ...input })),
    fulfil: protectedProcedure.input(FulfilInputSchema).mutation(({ ctx, input }) => ctx.services.services.fulfil({ userId: ctx.user.id, ...input })),
    cancel: protectedProcedure.input(CancelInputSchema).mutation(({ ctx, input }) => ctx.services.services.cancel({ userId: ctx.user.id, ...input })),
  }),
});
