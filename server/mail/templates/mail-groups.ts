// The names of the mail groups (the settings page's rows) in each mail language, for the "turn off
// e-mails for …" link of a notification's mail (the app's catalogs hold the same words:
// app/locales/<lng>/settings.json, notifications.groups).
import type { MailGroup } from "../../domains/preferences/preferences.schema.js";
import type { Locale } from "./i18n.js";

const GROUPS: Record<Locale, Record<MailGroup, string>> = {
  en: {
    votes: "Votes",
    meetings: "Meetings and minutes",
    drafts: "Curriculum drafts and comments",
    services: "Supportive services",
    actions: "Action items",
    people: "People joining",
    joint: "Joint changes",
  },
  es: {
    votes: "Votaciones",
    meetings: "Reuniones y actas",
    drafts: "Borradores de planes de estudios y comentarios",
    services: "Servicios de apoyo",
    actions: "Tareas",
    people: "Personas que se unen",
    joint: "Cambios conjuntos",
  },
};

export function mailGroupIn(locale: Locale, group: MailGroup): string {
  return GROUPS[locale][group];
}
