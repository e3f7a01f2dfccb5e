// tRPC procedures of the meetings domain: parse, call the use case with ctx.deps, return.
import { protectedProcedure, publicProcedure, router } from "../../trpc/trpc.js";
import { createDisplayLink, getDisplay, listDisplayLinks, revokeDisplayLink } from "./display.js";
import { acceptAgendaItem, approveAgenda, editAgendaItem, proposeAgendaItem, rejectAgendaItem, removeAgendaItem, reorderAgenda } from "./agenda.js";
import { checkIn, markAttendance } from "./attendance.js";
import { castStrawVote, createStrawPoll, getCaucus, saveCaucusNote } from "./caucus.js";
import { adjournMeeting, callCaucus, resumeMeeting, setCurrentItem, startMeeting } from "./live.js";
import { getMeeting, listMeetings, listSchedulableBodies } from "./meetings.reads.js";
import {
  CreateDisplayLinkInputSchema,
  DisplayLinkIdSchema,
  DisplayTokenSchema,
  ApproveAgendaInputSchema,
  CaucusInputSchema,
  CaucusNoteInputSchema,
  CreateActionItemInputSchema,
  EditItemInputSchema,
  ItemIdSchema,
  ListMeetingsInputSchema,
  MarkAttendanceInputSchema,
  MeetingIdSchema,
  MoveSpeakerInputSchema,
  PartnershipIdSchema,
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
import { approveMinutes, createActionItem, recordDecision, saveMinutes, setActionStatus, setNoteTaker } from "./minutes.js";
import { getMeetingRecord } from "./record.js";
import { addDocumentLink, listDocuments, reviseDocumentLink } from "./documents.js";
import { AddDocumentLinkInputSchema, ReviseDocumentLinkInputSchema } from "./documents.schema.js";
import { cancelMeeting, getMeetingCalendar, scheduleMeeting, updateMeeting } from "./schedule.js";
import { callNextSpeaker, lowerHand, moveSpeaker, raiseHand, removeSpeaker } from "./speakers.js";

export const meetingsRouter = router({
  document: router({
    list: protectedProcedure.input(MeetingIdSchema).query(({ ctx, input }) => listDocuments(ctx.deps, { userId: ctx.user.id, input })),
    addLink: protectedProcedure.input(AddDocumentLinkInputSchema).mutation(({ ctx, input }) => addDocumentLink(ctx.deps, { userId: ctx.user.id, input })),
    reviseLink: protectedProcedure.input(ReviseDocumentLinkInputSchema).mutation(({ ctx, input }) => reviseDocumentLink(ctx.deps, { userId: ctx.user.id, input })),
  }),
  meeting: router({
    list: protectedProcedure.input(ListMeetingsInputSchema).query(({ ctx, input }) => listMeetings(ctx.deps, { userId: ctx.user.id, input })),
    schedulableBodies: protectedProcedure
      .input(PartnershipIdSchema)
      .query(({ ctx, input }) => listSchedulableBodies(ctx.deps, { userId: ctx.user.id, input })),
    get: protectedProcedure.input(MeetingIdSchema).query(({ ctx, input }) => getMeeting(ctx.deps, { userId: ctx.user.id, input })),
    record: protectedProcedure.input(MeetingIdSchema).query(({ ctx, input }) => getMeetingRecord(ctx.deps, { userId: ctx.user.id, input })),
    calendar: protectedProcedure.input(MeetingIdSchema).query(({ ctx, input }) => getMeetingCalendar(ctx.deps, { userId: ctx.user.id, input })),
    schedule: protectedProcedure.input(ScheduleMeetingInputSchema).mutation(({ ctx, input }) => scheduleMeeting(ctx.deps, { userId: ctx.user.id, input })),
    update: protectedProcedure.input(UpdateMeetingInputSchema).mutation(({ ctx, input }) => updateMeeting(ctx.deps, { userId: ctx.user.id, input })),
    cancel: protectedProcedure.input(MeetingIdSchema).mutation(({ ctx, input }) => cancelMeeting(ctx.deps, { userId: ctx.user.id, input })),
    start: protectedProcedure.input(MeetingIdSchema).mutation(({ ctx, input }) => startMeeting(ctx.deps, { userId: ctx.user.id, input })),
    setCurrentItem: protectedProcedure.input(SetCurrentItemInputSchema).mutation(({ ctx, input }) => setCurrentItem(ctx.deps, { userId: ctx.user.id, input })),
    callCaucus: protectedProcedure.input(CaucusInputSchema).mutation(({ ctx, input }) => callCaucus(ctx.deps, { userId: ctx.user.id, input })),
    resume: protectedProcedure.input(MeetingIdSchema).mutation(({ ctx, input }) => resumeMeeting(ctx.deps, { userId: ctx.user.id, input })),
    adjourn: protectedProcedure.input(MeetingIdSchema).mutation(({ ctx, input }) => adjournMeeting(ctx.deps, { userId: ctx.user.id, input })),
  }),
  /** Room displays: links the co-chairs manage, and the read-only view a display (no person) reads with its token. */
  display: router({
    create: protectedProcedure.input(CreateDisplayLinkInputSchema).mutation(({ ctx, input }) => createDisplayLink(ctx.deps, { userId: ctx.user.id, input })),
    list: protectedProcedure.input(MeetingIdSchema).query(({ ctx, input }) => listDisplayLinks(ctx.deps, { userId: ctx.user.id, input })),
    revoke: protectedProcedure.input(DisplayLinkIdSchema).mutation(({ ctx, input }) => revokeDisplayLink(ctx.deps, { userId: ctx.user.id, input })),
    get: publicProcedure.input(DisplayTokenSchema).query(({ ctx, input }) => getDisplay(ctx.deps, { input })),
  }),
  agenda: router({
    propose: protectedProcedure.input(ProposeItemInputSchema).mutation(({ ctx, input }) => proposeAgendaItem(ctx.deps, { userId: ctx.user.id, input })),
    accept: protectedProcedure.input(ItemIdSchema).mutation(({ ctx, input }) => acceptAgendaItem(ctx.deps, { userId: ctx.user.id, input })),
    reject: protectedProcedure.input(RejectItemInputSchema).mutation(({ ctx, input }) => rejectAgendaItem(ctx.deps, { userId: ctx.user.id, input })),
    edit: protectedProcedure.input(EditItemInputSchema).mutation(({ ctx, input }) => editAgendaItem(ctx.deps, { userId: ctx.user.id, input })),
    remove: protectedProcedure.input(ItemIdSchema).mutation(({ ctx, input }) => removeAgendaItem(ctx.deps, { userId: ctx.user.id, input })),
    reorder: protectedProcedure.input(ReorderAgendaInputSchema).mutation(({ ctx, input }) => reorderAgenda(ctx.deps, { userId: ctx.user.id, input })),
    approve: protectedProcedure.input(ApproveAgendaInputSchema).mutation(({ ctx, input }) => approveAgenda(ctx.deps, { userId: ctx.user.id, input })),
  }),
  speaker: router({
    raiseHand: protectedProcedure.input(MeetingIdSchema).mutation(({ ctx, input }) => raiseHand(ctx.deps, { userId: ctx.user.id, input })),
    lowerHand: protectedProcedure.input(MeetingIdSchema).mutation(({ ctx, input }) => lowerHand(ctx.deps, { userId: ctx.user.id, input })),
    callNext: protectedProcedure.input(MeetingIdSchema).mutation(({ ctx, input }) => callNextSpeaker(ctx.deps, { userId: ctx.user.id, input })),
    move: protectedProcedure.input(MoveSpeakerInputSchema).mutation(({ ctx, input }) => moveSpeaker(ctx.deps, { userId: ctx.user.id, input })),
    remove: protectedProcedure.input(SpeakerIdSchema).mutation(({ ctx, input }) => removeSpeaker(ctx.deps, { userId: ctx.user.id, input })),
  }),
  attendance: router({
    mark: protectedProcedure.input(MarkAttendanceInputSchema).mutation(({ ctx, input }) => markAttendance(ctx.deps, { userId: ctx.user.id, input })),
    checkIn: protectedProcedure.input(MeetingIdSchema).mutation(({ ctx, input }) => checkIn(ctx.deps, { userId: ctx.user.id, input })),
  }),
  minutes: router({
    save: protectedProcedure.input(SaveMinutesInputSchema).mutation(({ ctx, input }) => saveMinutes(ctx.deps, { userId: ctx.user.id, input })),
    setNoteTaker: protectedProcedure.input(SetNoteTakerInputSchema).mutation(({ ctx, input }) => setNoteTaker(ctx.deps, { userId: ctx.user.id, input })),
    recordDecision: protectedProcedure.input(RecordDecisionInputSchema).mutation(({ ctx, input }) => recordDecision(ctx.deps, { userId: ctx.user.id, input })),
    approve: protectedProcedure.input(ApproveAgendaInputSchema).mutation(({ ctx, input }) => approveMinutes(ctx.deps, { userId: ctx.user.id, input })),
  }),
  action: router({
    create: protectedProcedure.input(CreateActionItemInputSchema).mutation(({ ctx, input }) => createActionItem(ctx.deps, { userId: ctx.user.id, input })),
    setStatus: protectedProcedure.input(UpdateActionStatusInputSchema).mutation(({ ctx, input }) => setActionStatus(ctx.deps, { userId: ctx.user.id, input })),
  }),
  caucus: router({
    get: protectedProcedure.input(MeetingIdSchema).query(({ ctx, input }) => getCaucus(ctx.deps, { userId: ctx.user.id, input })),
    saveNote: protectedProcedure.input(CaucusNoteInputSchema).mutation(({ ctx, input }) => saveCaucusNote(ctx.deps, { userId: ctx.user.id, input })),
    createPoll: protectedProcedure.input(StrawPollInputSchema).mutation(({ ctx, input }) => createStrawPoll(ctx.deps, { userId: ctx.user.id, input })),
    vote: protectedProcedure.input(StrawVoteInputSchema).mutation(({ ctx, input }) => castStrawVote(ctx.deps, { userId: ctx.user.id, input })),
  }),
});
