// Every direct mail's template by name (the names effects.mail accepts, see direct-mail.schema.ts).
import { DirectMailSchemas, type DirectTemplateName } from "../direct-mail.schema.js";
import {
  renderEmailChangedMail,
  renderEmailVerificationMail,
  renderPasswordChangedMail,
  renderPasswordResetMail,
  renderSignUpAttemptMail,
} from "./account-mails.js";
import type { Locale } from "./i18n.js";
import { renderInvitationMail } from "./invitation.js";
import type { RenderedMail } from "./layout.js";

export type DirectMailContext = { locale: Locale; origin: string; formatDateTime: (iso: string) => string };

export function renderDirectMail(template: DirectTemplateName, data: unknown, ctx: DirectMailContext): RenderedMail {
  switch (template) {
    case "invitation":
      return renderInvitationMail(DirectMailSchemas.invitation.parse(data), ctx);
    case "passwordReset":
      return renderPasswordResetMail(DirectMailSchemas.passwordReset.parse(data), ctx);
    case "emailVerification":
      return renderEmailVerificationMail(DirectMailSchemas.emailVerification.parse(data), ctx);
    case "signUpAttempt":
      return renderSignUpAttemptMail(DirectMailSchemas.signUpAttempt.parse(data), ctx);
    case "passwordChanged":
      return renderPasswordChangedMail(DirectMailSchemas.passwordChanged.parse(data), ctx);
    case "emailChanged":
      return renderEmailChangedMail(DirectMailSchemas.emailChanged.parse(data), ctx);
  }
}
