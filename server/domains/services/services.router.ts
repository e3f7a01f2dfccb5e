// tRPC procedures of supportive services: parse, call the use case with `ctx.deps`, return.
import { protectedProcedure, router } from "../../trpc/trpc.js";
import { closeFund, createFund, setFundCap, setFundReviewPolicy } from "./funds.js";
import { answerRequest, approveRequest, askForInfo, cancelRequest, createRequest, denyRequest, fulfilRequest, startReview, submitRequest, updateRequest } from "./requests.js";
import { addReviewer, removeReviewer, setServiceSettings } from "./reviewers.js";
import { exportSummaryCsv, getOverview, getRequest, getSummary, listFunds, listRequests, listTrainees } from "./services.reads.js";
import {
  ApproveInputSchema,
  CancelInputSchema,
  CreateFundInputSchema,
  CreateRequestInputSchema,
  CreateTraineeInputSchema,
  DenyInputSchema,
  ExportInputSchema,
  FulfilInputSchema,
  FundIdSchema,
  GrantInputSchema,
  ListRequestsInputSchema,
  ListTraineesInputSchema,
  NoteInputSchema,
  PartnershipIdSchema,
  RequestIdSchema,
  ReviewerInputSchema,
  ServiceSettingsInputSchema,
  SetCapInputSchema,
  SetReviewPolicyInputSchema,
  TraineeIdSchema,
  UpdateRequestInputSchema,
  UpdateTraineeInputSchema,
} from "./services.schema.js";
import { createTrainee, getTrainee, grantTraineeAccess, revokeTraineeAccess, updateTrainee } from "./trainees.js";

export const servicesRouter = router({
  overview: protectedProcedure.input(PartnershipIdSchema).query(({ ctx, input }) => getOverview(ctx.deps, { userId: ctx.user.id, input })),
  summary: protectedProcedure.input(PartnershipIdSchema).query(({ ctx, input }) => getSummary(ctx.deps, { userId: ctx.user.id, input })),
  export: protectedProcedure.input(ExportInputSchema).query(({ ctx, input }) => exportSummaryCsv(ctx.deps, { userId: ctx.user.id, input })),
  settings: router({
    set: protectedProcedure.input(ServiceSettingsInputSchema).mutation(({ ctx, input }) => setServiceSettings(ctx.deps, { userId: ctx.user.id, input })),
  }),
  reviewer: router({
    add: protectedProcedure.input(ReviewerInputSchema).mutation(({ ctx, input }) => addReviewer(ctx.deps, { userId: ctx.user.id, input })),
    remove: protectedProcedure.input(ReviewerInputSchema).mutation(({ ctx, input }) => removeReviewer(ctx.deps, { userId: ctx.user.id, input })),
  }),
  trainee: router({
    list: protectedProcedure.input(ListTraineesInputSchema).query(({ ctx, input }) => listTrainees(ctx.deps, { userId: ctx.user.id, input })),
    get: protectedProcedure.input(TraineeIdSchema).query(({ ctx, input }) => getTrainee(ctx.deps, { userId: ctx.user.id, input })),
    create: protectedProcedure.input(CreateTraineeInputSchema).mutation(({ ctx, input }) => createTrainee(ctx.deps, { userId: ctx.user.id, input })),
    update: protectedProcedure.input(UpdateTraineeInputSchema).mutation(({ ctx, input }) => updateTrainee(ctx.deps, { userId: ctx.user.id, input })),
    grant: protectedProcedure.input(GrantInputSchema).mutation(({ ctx, input }) => grantTraineeAccess(ctx.deps, { userId: ctx.user.id, input })),
    revoke: protectedProcedure.input(GrantInputSchema).mutation(({ ctx, input }) => revokeTraineeAccess(ctx.deps, { userId: ctx.user.id, input })),
  }),
  fund: router({
    list: protectedProcedure.input(PartnershipIdSchema).query(({ ctx, input }) => listFunds(ctx.deps, { userId: ctx.user.id, input })),
    create: protectedProcedure.input(CreateFundInputSchema).mutation(({ ctx, input }) => createFund(ctx.deps, { userId: ctx.user.id, input })),
    setCap: protectedProcedure.input(SetCapInputSchema).mutation(({ ctx, input }) => setFundCap(ctx.deps, { userId: ctx.user.id, input })),
    setReviewPolicy: protectedProcedure.input(SetReviewPolicyInputSchema).mutation(({ ctx, input }) => setFundReviewPolicy(ctx.deps, { userId: ctx.user.id, input })),
    close: protectedProcedure.input(FundIdSchema).mutation(({ ctx, input }) => closeFund(ctx.deps, { userId: ctx.user.id, input })),
  }),
  request: router({
    list: protectedProcedure.input(ListRequestsInputSchema).query(({ ctx, input }) => listRequests(ctx.deps, { userId: ctx.user.id, input })),
    get: protectedProcedure.input(RequestIdSchema).query(({ ctx, input }) => getRequest(ctx.deps, { userId: ctx.user.id, input })),
    create: protectedProcedure.input(CreateRequestInputSchema).mutation(({ ctx, input }) => createRequest(ctx.deps, { userId: ctx.user.id, input })),
    update: protectedProcedure.input(UpdateRequestInputSchema).mutation(({ ctx, input }) => updateRequest(ctx.deps, { userId: ctx.user.id, input })),
    submit: protectedProcedure.input(RequestIdSchema).mutation(({ ctx, input }) => submitRequest(ctx.deps, { userId: ctx.user.id, input })),
    startReview: protectedProcedure.input(RequestIdSchema).mutation(({ ctx, input }) => startReview(ctx.deps, { userId: ctx.user.id, input })),
    askInfo: protectedProcedure.input(NoteInputSchema).mutation(({ ctx, input }) => askForInfo(ctx.deps, { userId: ctx.user.id, input })),
    answer: protectedProcedure.input(NoteInputSchema).mutation(({ ctx, input }) => answerRequest(ctx.deps, { userId: ctx.user.id, input })),
    approve: protectedProcedure.input(ApproveInputSchema).mutation(({ ctx, input }) => approveRequest(ctx.deps, { userId: ctx.user.id, input })),
    deny: protectedProcedure.input(DenyInputSchema).mutation(({ ctx, input }) => denyRequest(ctx.deps, { userId: ctx.user.id, input })),
    fulfil: protectedProcedure.input(FulfilInputSchema).mutation(({ ctx, input }) => fulfilRequest(ctx.deps, { userId: ctx.user.id, input })),
    cancel: protectedProcedure.input(CancelInputSchema).mutation(({ ctx, input }) => cancelRequest(ctx.deps, { userId: ctx.user.id, input })),
  }),
});
