// A direct mail: the invitation to join a partnership, to the invited address (the person may have no
// account yet). Transactional: no unsubscribe link, only why it came.
import type { DirectMailData } from "../direct-mail.schema.js";
import type { PartnershipRole } from "../../domains/partnerships/partnerships.schema.js";
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
  es: {
    subject: ({ by, partnership }: { by: string; partnership: string }) => `${by} lo (la) invitó a ${partnership} en Jointly`,
    heading: ({ partnership }: { partnership: string }) => `Tiene una invitación a ${partnership}`,
    body: ({ by, partnership, role }: { by: string; partnership: string; role: string }) => `${by} lo (la) invitó a unirse a ${partnership} como ${role}.`,
    expires: ({ expires }: { expires: string }) => `La invitación es para esta dirección de correo electrónico y funciona hasta el ${expires}.`,
    action: "Aceptar la invitación",
    why: "Recibe este correo porque un miembro de la alianza escribió su dirección. Si no lo esperaba, puede ignorarlo.",
  },
};

/** The invited role in each language ("member", "miembro"), by the role's code. */
const ROLES: Record<Locale, Record<PartnershipRole, string>> = {
  en: { LABOR_CO_CHAIR: "labor co-chair", MANAGEMENT_CO_CHAIR: "management co-chair", MEMBER: "member", OBSERVER: "observer", STAFF: "staff" },
  es: { LABOR_CO_CHAIR: "copresidente(a) sindical", MANAGEMENT_CO_CHAIR: "copresidente(a) del empleador", MEMBER: "miembro", OBSERVER: "observador(a)", STAFF: "personal" },
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
    blocks: [{ text: m.body({ by: data.invitedByName, partnership: data.partnershipName, role: data.role ? ROLES[ctx.locale][data.role] : data.roleLabel }) }, { text: m.expires({ expires: ctx.formatDateTime(data.expiresAt) }) }],
    action: { label: m.action, url: `${ctx.origin}${data.path}` },
    footer: { why: m.why },
  });
}
