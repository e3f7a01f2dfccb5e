// tRPC procedures of participants: parse, call the use case with `ctx.deps`, return. The published
// A&O snapshots are the only public procedures (no sign-in); proposals to publish are concurred with,
// declined or withdrawn through the joint domain's procedures.
import { protectedProcedure, publicProcedure, router } from "../../trpc/trpc.js";
import { exportDashboardCsv, getDashboard } from "./dashboard.js";
import { assignSupervisors, changeEnrollmentStatus, createParticipant } from "./enrollments.js";
import { previewImport, runImport } from "./imports.js";
import { exportPeopleCsv, getMine, getOverview, getParticipant } from "./participants.reads.js";
import {
  AssignInputSchema,
  ChangeStatusInputSchema,
  CompetencyInputSchema,
  CreateParticipantInputSchema,
  CreateProgramInputSchema,
  CredentialInputSchema,
  DashboardInputSchema,
  DecideHoursInputSchema,
  ImportInputSchema,
  LogHoursInputSchema,
  OutcomeInputSchema,
  ParticipantIdSchema,
  PartnershipIdSchema,
  SettingsInputSchema,
  SnapshotCsvSchema,
  SnapshotIdSchema,
  TestOutInputSchema,
} from "./participants.schema.js";
import { decideHours, logHours, recordCompetency, recordCredential, recordOutcome, testOutModule } from "./progress.js";
import { createProgram, setParticipantSettings } from "./programs.js";
import { getPublicSnapshot, listSnapshots, proposeSnapshot, publicSnapshotCsv } from "./snapshots.js";

export const participantsRouter = router({
  overview: protectedProcedure.input(PartnershipIdSchema).query(({ ctx, input }) => getOverview(ctx.deps, { userId: ctx.user.id, input })),
  mine: protectedProcedure.input(PartnershipIdSchema).query(({ ctx, input }) => getMine(ctx.deps, { userId: ctx.user.id, input })),
  get: protectedProcedure.input(ParticipantIdSchema).query(({ ctx, input }) => getParticipant(ctx.deps, { userId: ctx.user.id, input })),
  export: protectedProcedure.input(PartnershipIdSchema).query(({ ctx, input }) => exportPeopleCsv(ctx.deps, { userId: ctx.user.id, input })),
  create: protectedProcedure.input(CreateParticipantInputSchema).mutation(({ ctx, input }) => createParticipant(ctx.deps, { userId: ctx.user.id, input })),
  settings: protectedProcedure.input(SettingsInputSchema).mutation(({ ctx, input }) => setParticipantSettings(ctx.deps, { userId: ctx.user.id, input })),
  program: router({
    create: protectedProcedure.input(CreateProgramInputSchema).mutation(({ ctx, input }) => createProgram(ctx.deps, { userId: ctx.user.id, input })),
  }),
  enrollment: router({
    status: protectedProcedure.input(ChangeStatusInputSchema).mutation(({ ctx, input }) => changeEnrollmentStatus(ctx.deps, { userId: ctx.user.id, input })),
    assign: protectedProcedure.input(AssignInputSchema).mutation(({ ctx, input }) => assignSupervisors(ctx.deps, { userId: ctx.user.id, input })),
  }),
  hours: router({
    log: protectedProcedure.input(LogHoursInputSchema).mutation(({ ctx, input }) => logHours(ctx.deps, { userId: ctx.user.id, input })),
    decide: protectedProcedure.input(DecideHoursInputSchema).mutation(({ ctx, input }) => decideHours(ctx.deps, { userId: ctx.user.id, input })),
  }),
  competency: router({
    record: protectedProcedure.input(CompetencyInputSchema).mutation(({ ctx, input }) => recordCompetency(ctx.deps, { userId: ctx.user.id, input })),
    testOut: protectedProcedure.input(TestOutInputSchema).mutation(({ ctx, input }) => testOutModule(ctx.deps, { userId: ctx.user.id, input })),
  }),
  credential: router({
    record: protectedProcedure.input(CredentialInputSchema).mutation(({ ctx, input }) => recordCredential(ctx.deps, { userId: ctx.user.id, input })),
  }),
  outcome: router({
    record: protectedProcedure.input(OutcomeInputSchema).mutation(({ ctx, input }) => recordOutcome(ctx.deps, { userId: ctx.user.id, input })),
  }),
  import: router({
    preview: protectedProcedure.input(ImportInputSchema).mutation(({ ctx, input }) => previewImport(ctx.deps, { userId: ctx.user.id, input })),
    run: protectedProcedure.input(ImportInputSchema).mutation(({ ctx, input }) => runImport(ctx.deps, { userId: ctx.user.id, input })),
  }),
  dashboard: router({
    get: protectedProcedure.input(DashboardInputSchema).query(({ ctx, input }) => getDashboard(ctx.deps, { userId: ctx.user.id, input })),
    export: protectedProcedure.input(DashboardInputSchema).query(({ ctx, input }) => exportDashboardCsv(ctx.deps, { userId: ctx.user.id, input })),
  }),
  snapshot: router({
    list: protectedProcedure.input(PartnershipIdSchema).query(({ ctx, input }) => listSnapshots(ctx.deps, { userId: ctx.user.id, input })),
    propose: protectedProcedure.input(DashboardInputSchema).mutation(({ ctx, input }) => proposeSnapshot(ctx.deps, { userId: ctx.user.id, input })),
    public: publicProcedure.input(SnapshotIdSchema).query(({ ctx, input }) => getPublicSnapshot(ctx.deps, { input })),
    publicCsv: publicProcedure.input(SnapshotCsvSchema).query(({ ctx, input }) => publicSnapshotCsv(ctx.deps, { input })),
  }),
});
