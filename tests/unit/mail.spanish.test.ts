// Mails in the recipient's language (decision 0018): the invitation, the account mails and the
// supportive-services mails in Spanish, with the role, category and status named in Spanish from their
// codes, dates and money in es-US; a payload without codes (older rows) keeps its English label.
import { describe, expect, it } from "vitest";
import { renderDirectMail } from "../../server/mail/templates/direct-mails.js";
import { formatCents, formatDateTime } from "../../server/mail/templates/i18n.js";
import type { NotificationMailContext } from "../../server/mail/templates/notification-template.js";
import { renderNotificationMail } from "../../server/mail/templates/notification-mails.js";

const ORIGIN = "https://jointly.example.org";
const urls = { page: `${ORIGIN}/p/p1/services/requests/r1`, settings: `${ORIGIN}/settings/notifications`, unsubscribe: `${ORIGIN}/unsubscribe/x` };
const es = { locale: "es" as const, origin: ORIGIN, formatDateTime: (iso: string) => formatDateTime(iso, { locale: "es", timeZone: "America/Chicago" }) };
const ctx: NotificationMailContext = {
  locale: "es",
  partnershipName: "Alianza Metro",
  bodyName: null,
  formatDateTime: es.formatDateTime,
  formatDate: (v) => v,
};

describe("mails in Spanish", () => {
  it("the invitation names the role in Spanish and the date in es-US", () => {
    const mail = renderDirectMail(
      "invitation",
      { partnershipName: "Alianza Metro", invitedByName: "Denise Carter", roleLabel: "member", role: "MEMBER", path: "/invitations/abc", expiresAt: "2026-12-09T15:00:00Z" },
      es,
    );
    expect(mail.subject).toBe("Denise Carter lo (la) invitó a Alianza Metro en Jointly");
    expect(mail.text).toContain("como miembro.");
    expect(mail.text).toContain("funciona hasta el mié, 9 de dic, 9:00 a.m. CST");
    expect(mail.html).toContain('lang="es"');
  });

  it("an invitation without the role's code (an older mail) keeps the English label", () => {
    const mail = renderDirectMail("invitation", { partnershipName: "P", invitedByName: "D", roleLabel: "member", path: "/invitations/abc", expiresAt: "2026-12-09T15:00:00Z" }, es);
    expect(mail.text).toContain("como member.");
  });

  it("a request's new status in Spanish, from the codes", () => {
    const mail = renderNotificationMail({
      kind: "serviceRequest.updated",
      payload: { partnershipId: "p1", requestId: "r1", category: "Transportation", statusLabel: "Needs more information", categoryCode: "TRANSPORTATION", status: "NEEDS_INFO" },
      ctx,
      urls,
      groupLabel: "Servicios de apoyo",
    });
    expect(mail!.subject).toBe("Su solicitud (Transporte): Se necesita más información");
    expect(mail!.text).toContain("Recibe este correo porque hizo esta solicitud en Alianza Metro.");
  });

  it("the account mails have a Spanish version", () => {
    const mail = renderDirectMail("passwordReset", { name: "Lucía", path: "/reset-password/t", expiresAt: "2026-12-09T15:00:00Z" }, es);
    expect(mail.subject).toBe("Restablezca su contraseña de Jointly");
    expect(mail.text).toContain("Hola, Lucía:");
  });

  it("money in the recipient's language keeps US dollars", () => {
    expect(formatCents(123450, { locale: "en" })).toBe("$1,234.50");
    expect(formatCents(123450, { locale: "es" })).toBe("$1,234.50");
  });
});
