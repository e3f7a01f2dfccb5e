// Direct mails (not notifications): who they go to, and each template's data, checked when a unit of
// work asks for one (`effects.mail`), so a wrong payload fails the change, not the job later.
import { z } from "zod";
import { PartnershipRoleSchema } from "../domains/partnerships/partnerships.schema.js";
import { LOCALES } from "./templates/i18n.js";

export const MailAddressSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  name: z.string().trim().max(200).optional(),
  /** The account the address belongs to, when there is one. */
  userId: z.string().max(64).optional(),
});
export type MailAddress = z.infer<typeof MailAddressSchema>;

const Name = z.string().min(1).max(200);

/** A path inside the app ("/invitations/…"): the mail prefixes APP_ORIGIN. */
const AppPath = z.string().regex(/^\/(?!\/)[^\s\\]*$/, "an app path starting with /").max(2000);

export const DirectMailSchemas = {
  invitation: z.object({
    partnershipName: z.string().min(1).max(200),
    invitedByName: z.string().min(1).max(200),
    roleLabel: z.string().min(1).max(100),
    /** The role's code, so the mail names it in the recipient's language (roleLabel: English, older mails). */
    role: PartnershipRoleSchema.optional(),
    path: AppPath,
    expiresAt: z.string().datetime({ offset: true }),
  }),
  // Account mails (server/domains/identity/account.ts): each to the account's own address, or, for a
  // change of address, to the new one (to confirm it) and the old one (to say it changed).
  passwordReset: z.object({ name: Name, path: AppPath, expiresAt: z.string().datetime({ offset: true }) }),
  emailVerification: z.object({ name: Name, path: AppPath, expiresAt: z.string().datetime({ offset: true }), isChange: z.boolean() }),
  /** Someone tried to sign up with an address that already has an account: its owner is told, nobody else. */
  signUpAttempt: z.object({ name: Name, signInPath: AppPath, resetPath: AppPath }),
  passwordChanged: z.object({ name: Name, how: z.enum(["reset", "changed"]), resetPath: AppPath }),
  emailChanged: z.object({ name: Name, newEmail: z.string().email().max(254), resetPath: AppPath }),
} as const;

export type DirectTemplateName = keyof typeof DirectMailSchemas;
export type DirectMailData<T extends DirectTemplateName> = z.infer<(typeof DirectMailSchemas)[T]>;

export const MailLocaleSchema = z.enum(LOCALES).default("en");
