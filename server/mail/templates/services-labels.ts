// Supportive services' categories and request statuses in each mail language, by code (the app's own
// catalogs hold the same words: app/locales/<lng>/services.json). A payload without a code (older
// notifications) keeps its English label.
import type { RequestStatus, ServiceCategory } from "../../domains/services/services.rules.js";
import type { Locale } from "./i18n.js";

const CATEGORIES: Record<Locale, Record<ServiceCategory, string>> = {
  en: {
    DEPENDENT_CARE: "Dependent care / childcare",
    TRANSPORTATION: "Transportation",
    TOOLS_EQUIPMENT: "Tools and equipment",
    UNIFORMS_SAFETY_GEAR: "Uniforms and safety gear",
    TUITION_FEES: "Tuition and fees",
    TESTING_LICENSING: "Testing and licensing fees",
    EMERGENCY_CASH: "Emergency cash assistance",
    HOUSING: "Housing",
    LANGUAGE_ESL: "Language support / ESL",
    GED_BASIC_SKILLS: "GED or basic skills",
    OTHER: "Other",
  },
  es: {
    DEPENDENT_CARE: "Cuidado de dependientes / cuidado infantil",
    TRANSPORTATION: "Transporte",
    TOOLS_EQUIPMENT: "Herramientas y equipo",
    UNIFORMS_SAFETY_GEAR: "Uniformes y equipo de seguridad",
    TUITION_FEES: "Matrícula y cuotas",
    TESTING_LICENSING: "Cuotas de exámenes y licencias",
    EMERGENCY_CASH: "Ayuda económica de emergencia",
    HOUSING: "Vivienda",
    LANGUAGE_ESL: "Apoyo con el idioma / inglés como segundo idioma (ESL)",
    GED_BASIC_SKILLS: "GED o habilidades básicas",
    OTHER: "Otro",
  },
};

const STATUSES: Record<Locale, Record<RequestStatus, string>> = {
  en: {
    DRAFT: "Draft",
    SUBMITTED: "Submitted",
    UNDER_REVIEW: "Under review",
    NEEDS_INFO: "Needs more information",
    APPROVED: "Approved",
    DENIED: "Denied",
    FULFILLED: "Fulfilled",
    CANCELLED: "Cancelled",
  },
  es: {
    DRAFT: "Borrador",
    SUBMITTED: "Enviada",
    UNDER_REVIEW: "En revisión",
    NEEDS_INFO: "Se necesita más información",
    APPROVED: "Aprobada",
    DENIED: "Denegada",
    FULFILLED: "Entregada",
    CANCELLED: "Cancelada",
  },
};

export function categoryIn(locale: Locale, code: string | undefined, english: string): string {
  return (code && CATEGORIES[locale][code as ServiceCategory]) || english;
}

export function statusIn(locale: Locale, code: string | undefined, english: string): string {
  return (code && STATUSES[locale][code as RequestStatus]) || english;
}
