// The notification mails about meetings, action items and new members, and the daily digest, in
// Spanish (decision 0018): whole Spanish sentences with the payload's names, the date in es-US, the
// unsubscribe link naming its group in Spanish, and the digest's count with Spanish plurals.
import { describe, expect, it } from "vitest";
import { renderDigestMail } from "../../server/mail/templates/digest.js";
import { formatDate, formatDateTime } from "../../server/mail/templates/i18n.js";
import { mailGroupIn } from "../../server/mail/templates/mail-groups.js";
import type { NotificationMailContext } from "../../server/mail/templates/notification-template.js";
import { renderNotificationMail } from "../../server/mail/templates/notification-mails.js";

const ORIGIN = "https://jointly.example.org";
const urls = { page: `${ORIGIN}/p/p1/meetings/mt1`, settings: `${ORIGIN}/settings/notifications`, unsubscribe: `${ORIGIN}/unsubscribe/x` };
const ctx: NotificationMailContext = {
  locale: "es",
  partnershipName: "Alianza Metro",
  bodyName: "Comité de aprendizaje",
  formatDateTime: (iso) => formatDateTime(iso, { locale: "es", timeZone: "America/Chicago" }),
  formatDate: (value) => formatDate(value, { locale: "es" }),
};
const base = { partnershipId: "p1", meetingId: "mt1", meetingTitle: "Reunión de diciembre" };

describe("notification mails in Spanish", () => {
  it("an action item names its due date in es-US and its group in Spanish", () => {
    const mail = renderNotificationMail({ kind: "action.assigned", payload: { ...base, text: "Enviar el informe", dueDate: "2026-12-09" }, ctx, urls, groupLabel: mailGroupIn("es", "actions") })!;
    expect(mail.subject).toBe("Tarea asignada a usted: Enviar el informe");
    expect(mail.text).toContain("De la reunión Reunión de diciembre, con fecha límite el 9 de diciembre de 2026:");
    expect(mail.text).toContain("Recibe este correo porque se le asignó esta tarea en Alianza Metro.");
    expect(mail.text).toContain("Desactivar los correos de “Tareas”");
    expect(mail.html).toContain('lang="es"');
  });

  it("agendas, minutes and new members have their Spanish sentences", () => {
    const agenda = renderNotificationMail({ kind: "agenda.awaitingApproval", payload: { ...base, version: 2, byName: "Denise Carter" }, ctx, urls, groupLabel: "x" })!;
    expect(agenda.subject).toBe("Orden del día pendiente de su aprobación: Reunión de diciembre");
    expect(agenda.text).toContain("Denise Carter aprobó el orden del día de Reunión de diciembre (Alianza Metro · Comité de aprendizaje).");
    const minutes = renderNotificationMail({ kind: "minutes.approved", payload: base, ctx, urls, groupLabel: "x" })!;
    expect(minutes.subject).toBe("Acta aprobada: Reunión de diciembre");
    const rejected = renderNotificationMail({ kind: "agenda.itemRejected", payload: { ...base, itemTitle: "Presupuesto", reason: "Ya se trató." }, ctx, urls, groupLabel: "x" })!;
    expect(rejected.text).toContain("Los copresidentes no aceptaron su punto “Presupuesto” para Reunión de diciembre. Su motivo:");
    const joined = renderNotificationMail({
      kind: "membership.joined",
      payload: { partnershipId: "p1", partnershipName: "Alianza Metro", memberName: "Lucía Ramos", organizationName: "Nuevo Futuro" },
      ctx,
      urls,
      groupLabel: "x",
    })!;
    expect(joined.subject).toBe("Lucía Ramos se unió a Alianza Metro");
  });

  it("the digest counts in Spanish", () => {
    const item = { context: "Alianza Metro", text: "Se aprobó el acta de Reunión de diciembre", url: urls.page };
    const one = renderDigestMail({ locale: "es", items: [item], urls: { home: `${ORIGIN}/`, settings: urls.settings, unsubscribe: urls.unsubscribe } });
    expect(one.subject).toBe("Su resumen de Jointly: 1 novedad");
    expect(one.text).toContain("Pasó una cosa en sus alianzas:");
    const three = renderDigestMail({ locale: "es", items: [item, item, item], urls: { home: `${ORIGIN}/`, settings: urls.settings, unsubscribe: urls.unsubscribe } });
    expect(three.subject).toBe("Su resumen de Jointly: 3 novedades");
    expect(three.text).toContain("Pasaron 3 cosas en sus alianzas:");
    expect(three.text).toContain("Desactivar todos los tipos de correo que incluye este resumen");
  });

  it("every mail group has an English and a Spanish name", () => {
    expect(mailGroupIn("en", "meetings")).toBe("Meetings and minutes");
    expect(mailGroupIn("es", "meetings")).toBe("Reuniones y actas");
  });
});
