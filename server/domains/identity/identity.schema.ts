// Sign-up and sign-in inputs (isomorphic: the Remix forms and the service share them).
import { z } from "zod";
import { EmailSchema, NAME_MAX } from "../partnerships/partnerships.schema.js";

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
