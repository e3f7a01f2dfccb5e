// tRPC procedures of the meetings domain: parse, call the service, return.
import { z } from "zod";
import { protectedProcedure, router } from "../../trpc/trpc.js";
import {
  ApproveAgendaInputSchema,
  CaucusInputSchema,
  CaucusNoteInputSchema,
  CreateActionItemInputSchema,
  EditItemInputSchema,
  ItemIdSchema,
  MarkAttendanceInputSchema,
  MeetingIdSchema,
  MoveSpeakerInputSchema,
  ProposeItemInputSchema,
  RecordDecisionInputSchema,
  RejectItemInputSchema,
  ReorderAgendaInputSchema,
  SaveMinutesInputSchema,
  ScheduleMeetingInputSchema,
  SetCurrentItemInputSchema,
  SetNoteTakerInputSchema,
  SpeakerIdSchema,
  StrawPollInputSchema,
  StrawVoteInputSchema,
  UpdateActionStatusInputSchema,
  UpdateMeetingInputSchema,
} from "./meetings.schema.js";

const ListInputSchema = z.object({ partnershipId: z.string().min(1).max(64), bodyId: z.string().min(1).max(64).optional() });
const PartnershipInputSchema = z.object({ partnershipId: z.string().min(1).max(64) });

export const meetingsRouter = router({
  meeting: router({
    list: protectedProcedure.input(ListInputSchema).query(({ ctx, input }) => ctx.services.meetings.list({ userId: ctx.user.id, ...input })),
    schedulableBodies: protectedProcedure
      .input(PartnershipInputSchema)
      .query(({ ctx, input }) => ctx.services.meetings.schedulableBodies({ userId: ctx.user.id, ...input })),
    get: protectedProcedure.input(MeetingIdSchema).query(({ ctx, input }) => ctx.services.meetings.get({ userId: ctx.user.id, ...input })),
    calendar: protectedProcedure.input(MeetingIdSchema).query(({ ctx, input }) => ctx.services.meetings.calendar({ userId: ctx.user.id, ...input })),
    schedule: protectedProcedure
      .input(ScheduleMeetingInputSchema)
      .mutation(({ ctx, input }) => ctx.services.meetings.schedule({ userId: ctx.user.id, input })),
    update: protectedProcedure
      .input(UpdateMeetingInputSchema)
      .mutation(({ ctx, input }) => ctx.services.meetings.update({ userId: ctx.user.id, input })),
    cancel: protectedProcedure.input(MeetingIdSchema).mutation(({ ctx, input }) => ctx.services.meetings.cancel({ userId: ctx.user.id, ...input })),
    start: protectedProcedure.input(MeetingIdSchema).mutation(({ ctx, input }) => ctx.services.meetings.start({ userId: ctx.user.id, ...input })),
    setCurrentItem: protectedProcedure
      .input(SetCurrentItemInputSchema)
      .mutation(({ ctx, input }) => ctx.services.meetings.setCurrentItem({ userId: ctx.user.id, ...input })),
    callCaucus: protectedProcedure
      .input(CaucusInputSchema)
      .mutation(({ ctx, input }) => ctx.services.meetings.callCaucus({ userId: ctx.user.id, ...input })),
    resume: protectedProcedure.input(MeetingIdSchema).mutation(({ ctx, input }) => ctx.services.meetings.resume({ userId: ctx.user.id, ...input })),
    adjourn: protectedProcedure.input(MeetingIdSchema).mutation(({ ctx, input }) => ctx.services.meetings.adjourn({ userId: ctx.user.id, ...input })),
  }),
  agenda: router({
    propose: protectedProcedure
      .input(ProposeItemInputSchema)
      .mutation(({ ctx, input }) => ctx.services.meetings.proposeItem({ userId: ctx.user.id, input })),
    accept: protectedProcedure.input(ItemIdSchema).mutation(({ ctx, input }) => ctx.services.meetings.acceptItem({ userId: ctx.user.id, ...input })),
    reject: protectedProcedure.input(RejectItemInputSchema).mutation(({ ctx, input }) => ctx.services.meetings.rejectItem({ userId: ctx.user.id, ...input })),
    edit: protectedProcedure.input(EditItemInputSchema).mutation(({ ctx, input }) => ctx.services.meetings.editItem({ userId: ctx.user.id, input })),
    remove: protectedProcedure.input(ItemIdSchema).mutation(({ ctx, input }) => ctx.services.meetings.removeItem({ userId: ctx.user.id, ...input })),
    reorder: protectedProcedure
      .input(ReorderAgendaInputSchema)
      .mutation(({ ctx, input }) => ctx.services.meetings.reorder({ userId: ctx.user.id, ...input })),
    approve: protectedProcedure
      .input(ApproveAgendaInputSchema)
      .mutation(({ ctx, input }) => ctx.services.meetings.approveAgenda({ userId: ctx.user.id, ...input })),
  }),
  speaker: router({
    raiseHand: protectedProcedure.input(MeetingIdSchema).mutation(({ ctx, input }) => ctx.services.meetings.raiseHand({ userId: ctx.user.id, ...input })),
    lowerHand: protectedProcedure.input(MeetingIdSchema).mutation(({ ctx, input }) => ctx.services.meetings.lowerHand({ userId: ctx.user.id, ...input })),
    callNext: protectedProcedure
      .input(MeetingIdSchema)
      .mutation(({ ctx, input }) => ctx.services.meetings.callNextSpeaker({ userId: ctx.user.id, ...input })),
    move: protectedProcedure.input(MoveSpeakerInputSchema).mutation(({ ctx, input }) => ctx.services.meetings.moveSpeaker({ userId: ctx.user.id, ...input })),
    remove: protectedProcedure.input(SpeakerIdSchema).mutation(({ ctx, input }) => ctx.services.meetings.removeSpeaker({ userId: ctx.user.id, ...input })),
  }),
  attendance: router({
    mark: protectedProcedure
      .input(MarkAttendanceInputSchema)
      .mutation(({ ctx, input }) => ctx.services.meetings.markAttendance({ userId: ctx.user.id, ...input })),
    checkIn: protectedProcedure.input(MeetingIdSchema).mutation(({ ctx, input }) => ctx.services.meetings.checkIn({ userId: ctx.user.id, ...input })),
  }),
  minutes: router({
    save: protectedProcedure.input(SaveMinutesInputSchema).mutation(({ ctx, input }) => ctx.services.meetings.saveMinutes({ userId: ctx.user.id, ...input })),
    setNoteTaker: protectedProcedure
      .input(SetNoteTakerInputSchema)
      .mutation(({ ctx, input }) => ctx.services.meetings.setNoteTaker({ userId: ctx.user.id, ...input })),
    recordDecision: protectedProcedure
      .input(RecordDecisionInputSchema)
      .mutation(({ ctx, input }) => ctx.services.meetings.recordDecision({ userId: ctx.user.id, ...input })),
    approve: protectedProcedure
      .input(ApproveAgendaInputSchema)
      .mutation(({ ctx, input }) => ctx.services.meetings.approveMinutes({ userId: ctx.user.id, ...input })),
  }),
  action: router({
    create: protectedProcedure
      .input(CreateActionItemInputSchema)
      .mutation(({ ctx, input }) => ctx.services.meetings.createActionItem({ userId: ctx.user.id, input })),
    setStatus: protectedProcedure
      .input(UpdateActionStatusInputSchema)
      .mutation(({ ctx, input }) => ctx.services.meetings.updateActionStatus({ userId: ctx.user.id, ...input })),
    mine: protectedProcedure.query(({ ctx }) => ctx.services.meetings.myActionItems({ userId: ctx.user.id })),
  }),
  caucus: router({
    get: protectedProcedure.input(MeetingIdSchema).query(({ ctx, input }) => ctx.services.caucus.get({ userId: ctx.user.id, ...input })),
    saveNote: protectedProcedure.input(CaucusNoteInputSchema).mutation(({ ctx, input }) => ctx.services.caucus.saveNote({ userId: ctx.user.id, ...input })),
    createPoll: protectedProcedure.input(StrawPollInputSchema).mutation(({ ctx, input }) => ctx.services.caucus.createPoll({ userId: ctx.user.id, ...input })),
    vote: protectedProcedure.input(StrawVoteInputSchema).mutation(({ ctx, input }) => ctx.services.caucus.vote({ userId: ctx.user.id, ...input })),
  }),
});
