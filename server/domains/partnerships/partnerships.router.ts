// tRPC procedures of the partnerships domain: parse, call the use case with ctx.deps, return.
import { z } from "zod";
import { protectedProcedure, publicProcedure, router } from "../../trpc/trpc.js";
import { QuorumRuleInputSchema } from "../meetings/meetings.schema.js";
import { createCommittee, getCommittee, removeSeat, setQuorumRule, setRepresentation, setSeat, updateCommittee } from "./committees.js";
import { acceptInvitation, createInvitation, listInvitations, previewInvitation, revokeInvitation } from "./invitations.js";
import { removeMember } from "./members.js";
import { createOrganization, removeOrganization, updateOrganization } from "./organizations.js";
import { createPartnership, getPartnership, listPartnerships, listPeople, updatePartnership } from "./partnerships.js";
import { getSecuritySettings, setTwoFactorRequirement } from "./security.js";
import {
  BodyIdSchema,
  CreateCommitteeInputSchema,
  CreateInvitationInputSchema,
  CreateOrganizationInputSchema,
  CreatePartnershipInputSchema,
  InvitationIdSchema,
  InvitationTokenSchema,
  PartnershipIdSchema,
  RemoveMemberInputSchema,
  RemoveSeatInputSchema,
  RepresentationInputSchema,
  SetSeatInputSchema,
  SetTwoFactorRequirementInputSchema,
  UpdateCommitteeInputSchema,
  UpdateOrganizationInputSchema,
  UpdatePartnershipInputSchema,
} from "./partnerships.schema.js";

const OrganizationRefSchema = PartnershipIdSchema.extend({ organizationId: z.string().min(1).max(64) });

export const partnershipsRouter = router({
  partnership: router({
    list: protectedProcedure.query(({ ctx }) => listPartnerships(ctx.deps, { userId: ctx.user.id })),
    get: protectedProcedure
      .input(PartnershipIdSchema)
      .query(({ ctx, input }) => getPartnership(ctx.deps, { userId: ctx.user.id, input })),
    create: protectedProcedure
      .input(CreatePartnershipInputSchema)
      .mutation(({ ctx, input }) => createPartnership(ctx.deps, { userId: ctx.user.id, input })),
    update: protectedProcedure
      .input(UpdatePartnershipInputSchema)
      .mutation(({ ctx, input }) => updatePartnership(ctx.deps, { userId: ctx.user.id, input })),
  }),
  people: router({
    list: protectedProcedure.input(PartnershipIdSchema).query(({ ctx, input }) => listPeople(ctx.deps, { userId: ctx.user.id, input })),
  }),
  organization: router({
    create: protectedProcedure
      .input(CreateOrganizationInputSchema)
      .mutation(({ ctx, input }) => createOrganization(ctx.deps, { userId: ctx.user.id, input })),
    update: protectedProcedure
      .input(UpdateOrganizationInputSchema)
      .mutation(({ ctx, input }) => updateOrganization(ctx.deps, { userId: ctx.user.id, input })),
    remove: protectedProcedure
      .input(OrganizationRefSchema)
      .mutation(({ ctx, input }) => removeOrganization(ctx.deps, { userId: ctx.user.id, input })),
  }),
  committee: router({
    get: protectedProcedure
      .input(BodyIdSchema)
      .query(({ ctx, input }) => getCommittee(ctx.deps, { userId: ctx.user.id, input })),
    create: protectedProcedure
      .input(CreateCommitteeInputSchema)
      .mutation(({ ctx, input }) => createCommittee(ctx.deps, { userId: ctx.user.id, input })),
    setQuorumRule: protectedProcedure
      .input(QuorumRuleInputSchema)
      .mutation(({ ctx, input }) => setQuorumRule(ctx.deps, { userId: ctx.user.id, input })),
    setRepresentation: protectedProcedure
      .input(RepresentationInputSchema)
      .mutation(({ ctx, input }) => setRepresentation(ctx.deps, { userId: ctx.user.id, input })),
    update: protectedProcedure
      .input(UpdateCommitteeInputSchema)
      .mutation(({ ctx, input }) => updateCommittee(ctx.deps, { userId: ctx.user.id, input })),
  }),
  seat: router({
    set: protectedProcedure
      .input(SetSeatInputSchema)
      .mutation(({ ctx, input }) => setSeat(ctx.deps, { userId: ctx.user.id, input })),
    remove: protectedProcedure
      .input(RemoveSeatInputSchema)
      .mutation(({ ctx, input }) => removeSeat(ctx.deps, { userId: ctx.user.id, input })),
  }),
  member: router({
    remove: protectedProcedure
      .input(RemoveMemberInputSchema)
      .mutation(({ ctx, input }) => removeMember(ctx.deps, { userId: ctx.user.id, input })),
  }),
  security: router({
    get: protectedProcedure.input(PartnershipIdSchema).query(({ ctx, input }) => getSecuritySettings(ctx.deps, { userId: ctx.user.id, input })),
    setTwoFactorRequired: protectedProcedure
      .input(SetTwoFactorRequirementInputSchema)
      .mutation(({ ctx, input }) => setTwoFactorRequirement(ctx.deps, { userId: ctx.user.id, input })),
  }),
  invitation: router({
    list: protectedProcedure
      .input(PartnershipIdSchema)
      .query(({ ctx, input }) => listInvitations(ctx.deps, { userId: ctx.user.id, input })),
    create: protectedProcedure
      .input(CreateInvitationInputSchema)
      .mutation(({ ctx, input }) => createInvitation(ctx.deps, { userId: ctx.user.id, input })),
    revoke: protectedProcedure
      .input(InvitationIdSchema)
      .mutation(({ ctx, input }) => revokeInvitation(ctx.deps, { userId: ctx.user.id, input })),
    preview: publicProcedure
      .input(InvitationTokenSchema)
      .query(({ ctx, input }) => previewInvitation(ctx.deps, { input })),
    accept: protectedProcedure
      .input(InvitationTokenSchema)
      .mutation(({ ctx, input }) => acceptInvitation(ctx.deps, { userId: ctx.user.id, input })),
  }),
});
