// Every direct mail's template by name (the names effects.mail accepts, see direct-mail.schema.ts).
import { DirectMailSchemas, type DirectTemplateName } from "../direct-mail.schema.js";
import type { Locale } from "./i18n.js";
import { renderInvitationMail } from "./invitation.js";
import type { RenderedMail } from "./layout.js";

export type DirectMailContext = { locale: Locale; origin: string; formatDateTime: (iso: string) => string };

export function renderDirectMail(template: DirectTemplateName, data: unknown, ctx: DirectMailContext): RenderedMail {
  switch (template) {
    case "invitation":
      return renderInvitationMail(DirectMailSchemas.invitation.parse(data), ctx);
  }
}
