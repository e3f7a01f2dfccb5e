// Sign-up, sign-in and account inputs (isomorphic: the Remix forms and the service share them).
import { z } from "zod";
import { EmailSchema, NAME_MAX } from "../partnerships/partnerships.schema.js";
import { isTimeZone } from "../preferences/preferences.schema.js";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const SignUpInputSchema = z.object({
  name: z
    .string({ required_error: "Your name is required." })
    .trim()
    .min(1, "Your name is required.")
    .max(NAME_MAX, `Name must be at most ${NAME_MAX} characters.`),
  email: EmailSchema,
  password: z
    .string({ required_error: "Choose a password." })
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
    .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
});
export type SignUpInput = z.infer<typeof SignUpInputSchema>;

export const SignInInputSchema = z.object({
  email: EmailSchema,
  password: z.string({ required_error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX, `Passwords are at most ${PASSWORD_MAX} characters.`),
});
export type SignInInput = z.infer<typeof SignInInputSchema>;

/**
 * Where to go after signing in: only same-site paths, never another origin. No backslashes and no
 * control characters: browsers read "/\evil.com" as "//evil.com", and drop tabs and newlines from a
 * URL, which would turn "/<tab>/evil.com" into "//evil.com" too.
 */
export const RedirectToSchema = z
  .string()
  .regex(/^\/(?!\/)[^\\\u0000-\u001f\u007f]*$/)
  .max(2000)
  .catch("/");

// ─── account life ───────────────────────────────────────────────────────────

const NewPassword = z
  .string({ required_error: "Choose a password." })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);
const CurrentPassword = z
  .string({ required_error: "Enter your current password." })
  .min(1, "Enter your current password.")
  .max(PASSWORD_MAX, `Passwords are at most ${PASSWORD_MAX} characters.`);
/** A mailed link's token (43 base64url characters); anything else is refused before any query. */
export const TokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid.");

export const ForgotPasswordInputSchema = z.object({ email: EmailSchema });
export type ForgotPasswordInput = z.infer<typeof ForgotPasswordInputSchema>;

export const ResetPasswordInputSchema = z.object({ token: TokenSchema, password: NewPassword });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInputSchema>;

export const TokenInputSchema = z.object({ token: TokenSchema });
export type TokenInput = z.infer<typeof TokenInputSchema>;

export const ChangePasswordInputSchema = z.object({ currentPassword: CurrentPassword, newPassword: NewPassword });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInputSchema>;

export const ChangeEmailInputSchema = z.object({ email: EmailSchema, currentPassword: CurrentPassword });
export type ChangeEmailInput = z.infer<typeof ChangeEmailInputSchema>;

/** The languages a person can choose (the mails' LOCALES; the Spanish issue adds "es"). */
/** The languages of the app and its mails, each named in itself (app/i18n/config.ts, server/mail/templates/i18n.ts). */
export const LANGUAGES = { en: "English", es: "Español" } as const;
export type Language = keyof typeof LANGUAGES;

export const UpdateProfileInputSchema = z.object({
  name: z.string({ required_error: "Your name is required." }).trim().min(1, "Your name is required.").max(NAME_MAX, `Name must be at most ${NAME_MAX} characters.`),
  locale: z.enum(Object.keys(LANGUAGES) as [Language, ...Language[]], { errorMap: () => ({ message: "Choose a language from the list." }) }),
  /** IANA name; null: UTC. */
  timeZone: z.string().trim().min(1).max(64).refine(isTimeZone, "Choose a time zone from the list.").nullable(),
});
export type UpdateProfileInput = z.infer<typeof UpdateProfileInputSchema>;

/** The header's language switcher: the language alone. */
export const SetLocaleInputSchema = UpdateProfileInputSchema.pick({ locale: true });
export type SetLocaleInput = z.infer<typeof SetLocaleInputSchema>;

/** A six-digit code from the authenticator app, or a recovery code (spaces and dashes ignored). */
export const SecondFactorCodeSchema = z
  .string({ required_error: "Enter the code." })
  .transform((v) => v.replace(/[\s-]/g, "").toLowerCase())
  .pipe(z.string().regex(/^(\d{6}|[a-z0-9]{10})$/, "Enter the 6-digit code from your app, or a recovery code."));

export const TwoFactorCodeInputSchema = z.object({ code: SecondFactorCodeSchema });
export type TwoFactorCodeInput = z.infer<typeof TwoFactorCodeInputSchema>;

export const ConfirmPasswordInputSchema = z.object({ currentPassword: CurrentPassword });
export type ConfirmPasswordInput = z.infer<typeof ConfirmPasswordInputSchema>;

/**
 * The refusal of a partnership's pages to a person it requires to use two-factor sign-in, who has not
 * turned it on (access.ts). Pages recognise it by this exact message and send the person to set it up.
 */
export const TWO_FACTOR_REQUIRED = "This partnership requires two-factor sign-in for your role. Turn it on in your security settings to continue.";
export const SECURITY_PATH = "/settings/security";
