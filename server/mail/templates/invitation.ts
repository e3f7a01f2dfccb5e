// A direct mail: the invitation to join a partnership, to the invited address (the person may have no
// account yet). Transactional: no unsubscribe link, only why it came.
import type { DirectMailData } from "../direct-mail.schema.js";
import { messagesFor, type Locale } from "./i18n.js";
import { renderLayout, type RenderedMail } from "./layout.js";

export const messages = {
  en: {
    subject: ({ by, partnership }: { by: string; partnership: string }) => `${by} invited you to ${partnership} on Jointly`,
    heading: ({ partnership }: { partnership: string }) => `You are invited to ${partnership}`,
    body: ({ by, partnership, role }: { by: string; partnership: string; role: string }) => `${by} invited you to join ${partnership} as ${role}.`,
    expires: ({ expires }: { expires: string }) => `The invitation is for this e-mail address and works until ${expires}.`,
    action: "Accept the invitation",
    why: "You get this because a member of the partnership entered your e-mail address. If you did not expect it, you can ignore it.",
  },
};

export function renderInvitationMail(
  data: DirectMailData<"invitation">,
  ctx: { locale: Locale; origin: string; formatDateTime: (iso: string) => string },
): RenderedMail {
  const m = messagesFor(messages, ctx.locale);
  return renderLayout({
    locale: ctx.locale,
    subject: m.subject({ by: data.invitedByName, partnership: data.partnershipName }),
    context: data.partnershipName,
    heading: m.heading({ partnership: data.partnershipName }),
    blocks: [{ text: m.body({ by: data.invitedByName, partnership: data.partnershipName, role: data.roleLabel }) }, { text: m.expires({ expires: ctx.formatDateTime(data.expiresAt) }) }],
    action: { label: m.action, url: `${ctx.origin}${data.path}` },
    footer: { why: m.why },
  });
}
