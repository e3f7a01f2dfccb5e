// Inputs and vocabularies of the partnerships domain (isomorphic: forms, procedures and tests share them).
import { z } from "zod";
import { enumKeys as keys, IdSchema as id } from "../common.schema.js";

export const SECTORS = {
  CONSTRUCTION: "Construction",
  MANUFACTURING: "Manufacturing",
  HEALTH_CARE: "Health care",
  HOSPITALITY: "Hospitality",
  TRANSPORTATION: "Transportation",
  PUBLIC_SECTOR: "Public sector",
  OTHER: "Other",
} as const;
export type Sector = keyof typeof SECTORS;

export const ORGANIZATION_TYPES = {
  EMPLOYER: "Employer",
  UNION: "Union",
  COLLEGE: "Community college / training provider",
  CBO: "Community-based organization",
  WORKFORCE_BOARD: "Workforce board",
  GOVERNMENT: "Government agency",
} as const;
export type OrganizationType = keyof typeof ORGANIZATION_TYPES;

export const SIDES = { LABOR: "Labor", MANAGEMENT: "Management", NEUTRAL: "Neutral" } as const;
export type Side = keyof typeof SIDES;

/** The side an organization of this type usually sits on; a suggestion the form pre-selects. */
export const USUAL_SIDE: Record<OrganizationType, Side> = {
  EMPLOYER: "MANAGEMENT",
  UNION: "LABOR",
  COLLEGE: "NEUTRAL",
  CBO: "NEUTRAL",
  WORKFORCE_BOARD: "NEUTRAL",
  GOVERNMENT: "NEUTRAL",
};

/** Roles a person can be invited with, on the partnership's top body. */
export const PARTNERSHIP_ROLES = {
  LABOR_CO_CHAIR: "Labor co-chair",
  MANAGEMENT_CO_CHAIR: "Management co-chair",
  MEMBER: "Member",
  OBSERVER: "Observer",
  STAFF: "Staff",
} as const;
export type PartnershipRole = keyof typeof PARTNERSHIP_ROLES;

export const SEAT_ROLES = { CO_CHAIR: "Co-chair", MEMBER: "Member", OBSERVER: "Observer", STAFF: "Staff" } as const;
export type SeatRole = keyof typeof SEAT_ROLES;

export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 10_000;
/** The longest e-mail address (RFC 5321's path limit, less the angle brackets). */
export const EMAIL_MAX = 254;

const name = (what: string) =>
  z
    .string({ required_error: `${what} is required.`, invalid_type_error: `${what} must be text.` })
    .trim()
    .min(1, `${what} is required.`)
    .max(NAME_MAX, `${what} must be at most ${NAME_MAX} characters.`);
const description = z
  .string()
  .trim()
  .max(DESCRIPTION_MAX, `Description must be at most ${DESCRIPTION_MAX.toLocaleString("en-US")} characters.`)
  .default("");
export const EmailSchema = z
  .string({ required_error: "Email is required." })
  .trim()
  .toLowerCase()
  .min(1, "Email is required.")
  .max(EMAIL_MAX, `Email must be at most ${EMAIL_MAX} characters.`)
  .email("Enter a valid email address.");

export const SectorSchema = z.enum(keys(SECTORS), { errorMap: () => ({ message: "Choose a sector." }) });
export const OrganizationTypeSchema = z.enum(keys(ORGANIZATION_TYPES), {
  errorMap: () => ({ message: "Choose an organization type." }),
});
export const SideSchema = z.enum(keys(SIDES), { errorMap: () => ({ message: "Choose a side." }) });
export const PartnershipRoleSchema = z.enum(keys(PARTNERSHIP_ROLES), { errorMap: () => ({ message: "Choose a role." }) });
export const SeatRoleSchema = z.enum(keys(SEAT_ROLES), { errorMap: () => ({ message: "Choose a role." }) });

export const PartnershipIdSchema = z.object({ partnershipId: id });

export const CreatePartnershipInputSchema = z.object({
  name: name("Name"),
  sector: SectorSchema,
  description,
  /** The creator's own organization and co-chair seat: a partnership starts with one co-chair. */
  organizationName: name("Your organization"),
  organizationType: OrganizationTypeSchema,
  seat: z.enum(["LABOR", "MANAGEMENT"], { errorMap: () => ({ message: "Choose your side's co-chair seat." }) }),
});
export type CreatePartnershipInput = z.infer<typeof CreatePartnershipInputSchema>;

export const UpdatePartnershipInputSchema = z.object({
  partnershipId: id,
  name: name("Name"),
  sector: SectorSchema,
  description,
});
export type UpdatePartnershipInput = z.infer<typeof UpdatePartnershipInputSchema>;

export const CreateOrganizationInputSchema = z.object({
  partnershipId: id,
  name: name("Name"),
  type: OrganizationTypeSchema,
  side: SideSchema,
});
export type CreateOrganizationInput = z.infer<typeof CreateOrganizationInputSchema>;

export const UpdateOrganizationInputSchema = CreateOrganizationInputSchema.extend({ organizationId: id });
export type UpdateOrganizationInput = z.infer<typeof UpdateOrganizationInputSchema>;

export const CreateCommitteeInputSchema = z.object({
  partnershipId: id,
  name: name("Name"),
  description,
});
export type CreateCommitteeInput = z.infer<typeof CreateCommitteeInputSchema>;

export const UpdateCommitteeInputSchema = z.object({ bodyId: id, name: name("Name"), description });
export type UpdateCommitteeInput = z.infer<typeof UpdateCommitteeInputSchema>;

export const BodyIdSchema = z.object({ bodyId: id });

export const SEATS_PER_SIDE_MAX = 100;

/** Equal representation (with the number of voting seats each side holds) and the unit rule: a joint change. */
export const RepresentationInputSchema = z
  .object({
    bodyId: id,
    equalRepresentation: z.boolean(),
    seatsPerSide: z
      .number({ invalid_type_error: "Give a number of seats." })
      .int("Give a whole number of seats.")
      .min(1, "At least 1 seat per side.")
      .max(SEATS_PER_SIDE_MAX, `At most ${SEATS_PER_SIDE_MAX} seats per side.`)
      .nullable()
      .default(null),
    unitRule: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.equalRepresentation && v.seatsPerSide === null) ctx.addIssue({ code: "custom", path: ["seatsPerSide"], message: "Say how many voting seats each side holds." });
    if (v.unitRule && !v.equalRepresentation) ctx.addIssue({ code: "custom", path: ["unitRule"], message: "The unit rule goes with equal representation." });
  });
export type RepresentationInput = z.infer<typeof RepresentationInputSchema>;

/** Adds a partnership member to a committee, or changes their seat on it. */
export const SetSeatInputSchema = z.object({
  bodyId: id,
  membershipId: id,
  role: SeatRoleSchema,
  isVoting: z.boolean().default(true),
});
export type SetSeatInput = z.infer<typeof SetSeatInputSchema>;

export const RemoveSeatInputSchema = z.object({ bodyId: id, membershipId: id });

export const RemoveMemberInputSchema = z.object({ partnershipId: id, membershipId: id });

export const CreateInvitationInputSchema = z.object({
  partnershipId: id,
  organizationId: z.string({ required_error: "Choose an organization." }).min(1, "Choose an organization.").max(64),
  email: EmailSchema,
  role: PartnershipRoleSchema,
  /** The mail's language when the address has no account yet (an account's own language wins). */
  locale: z.enum(["en", "es"], { errorMap: () => ({ message: "Choose a language from the list." }) }).optional(),
});
export type CreateInvitationInput = z.infer<typeof CreateInvitationInputSchema>;

export const InvitationTokenSchema = z.object({ token: z.string().trim().min(20).max(100) });
export const InvitationIdSchema = z.object({ partnershipId: id, invitationId: id });

export const SetTwoFactorRequirementInputSchema = z.object({ partnershipId: z.string().min(1).max(64), required: z.boolean() });
export type SetTwoFactorRequirementInput = z.infer<typeof SetTwoFactorRequirementInputSchema>;
