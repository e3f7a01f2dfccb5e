// tRPC procedures of the partnerships domain: parse, call the service, return.
import { z } from "zod";
import { protectedProcedure, publicProcedure, router } from "../../trpc/trpc.js";
import { QuorumRuleInputSchema } from "../meetings/meetings.schema.js";
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
  SetSeatInputSchema,
  UpdateCommitteeInputSchema,
  UpdateOrganizationInputSchema,
  UpdatePartnershipInputSchema,
} from "./partnerships.schema.js";

const OrganizationRefSchema = PartnershipIdSchema.extend({ organizationId: z.string().min(1).max(64) });

export const partnershipsRouter = router({
  partnership: router({
    list: protectedProcedure.query(({ ctx }) => ctx.services.partnerships.listMine({ userId: ctx.user.id })),
    get: protectedProcedure
      .input(PartnershipIdSchema)
      .query(({ ctx, input }) => ctx.services.partnerships.getHome({ userId: ctx.user.id, partnershipId: input.partnershipId })),
    create: protectedProcedure
      .input(CreatePartnershipInputSchema)
      .mutation(({ ctx, input }) => ctx.services.partnerships.create({ userId: ctx.user.id, input })),
    update: protectedProcedure
      .input(UpdatePartnershipInputSchema)
      .mutation(({ ctx, input }) => ctx.services.partnerships.update({ userId: ctx.user.id, input })),
  }),
  organization: router({
    create: protectedProcedure
      .input(CreateOrganizationInputSchema)
      .mutation(({ ctx, input }) => ctx.services.partnerships.createOrganization({ userId: ctx.user.id, input })),
    update: protectedProcedure
      .input(UpdateOrganizationInputSchema)
      .mutation(({ ctx, input }) => ctx.services.partnerships.updateOrganization({ userId: ctx.user.id, input })),
    remove: protectedProcedure
      .input(OrganizationRefSchema)
      .mutation(({ ctx, input }) => ctx.services.partnerships.removeOrganization({ userId: ctx.user.id, ...input })),
  }),
  committee: router({
    get: protectedProcedure
      .input(BodyIdSchema)
      .query(({ ctx, input }) => ctx.services.partnerships.getBody({ userId: ctx.user.id, bodyId: input.bodyId })),
    create: protectedProcedure
      .input(CreateCommitteeInputSchema)
      .mutation(({ ctx, input }) => ctx.services.partnerships.createCommittee({ userId: ctx.user.id, input })),
    setQuorumRule: protectedProcedure
      .input(QuorumRuleInputSchema)
      .mutation(({ ctx, input }) => ctx.services.partnerships.setQuorumRule({ userId: ctx.user.id, input })),
    update: protectedProcedure
      .input(UpdateCommitteeInputSchema)
      .mutation(({ ctx, input }) => ctx.services.partnerships.updateCommittee({ userId: ctx.user.id, input })),
  }),
  seat: router({
    set: protectedProcedure
      .input(SetSeatInputSchema)
      .mutation(({ ctx, input }) => ctx.services.partnerships.setSeat({ userId: ctx.user.id, input })),
    remove: protectedProcedure
      .input(RemoveSeatInputSchema)
      .mutation(({ ctx, input }) => ctx.services.partnerships.removeSeat({ userId: ctx.user.id, ...input })),
  }),
  member: router({
    remove: protectedProcedure
      .input(RemoveMemberInputSchema)
      .mutation(({ ctx, input }) => ctx.services.partnerships.removeMember({ userId: ctx.user.id, ...input })),
  }),
  invitation: router({
    list: protectedProcedure
      .input(PartnershipIdSchema)
      .query(({ ctx, input }) => ctx.services.partnerships.listInvitations({ userId: ctx.user.id, partnershipId: input.partnershipId })),
    create: protectedProcedure
      .input(CreateInvitationInputSchema)
      .mutation(({ ctx, input }) => ctx.services.partnerships.createInvitation({ userId: ctx.user.id, input })),
    revoke: protectedProcedure
      .input(InvitationIdSchema)
      .mutation(({ ctx, input }) => ctx.services.partnerships.revokeInvitation({ userId: ctx.user.id, ...input })),
    preview: publicProcedure
      .input(InvitationTokenSchema)
      .query(({ ctx, input }) => ctx.services.partnerships.previewInvitation({ token: input.token })),
    accept: protectedProcedure
      .input(InvitationTokenSchema)
      .mutation(({ ctx, input }) => ctx.services.partnerships.acceptInvitation({ userId: ctx.user.id, token: input.token })),
  }),
});
