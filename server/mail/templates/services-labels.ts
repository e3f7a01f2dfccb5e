// Supportive services' categories and request statuses in each mail language, by code: English is the
// domain's own labels (services.rules.ts), Spanish is here (the app's catalogs hold the same words:
// app/locales/<lng>/services.json). A payload without a code (older notifications) keeps its English label.
import { REQUEST_STATUSES, SERVICE_CATEGORIES, type RequestStatus, type ServiceCategory } from "../../domains/services/services.rules.js";
import type { Locale } from "./i18n.js";

const CATEGORIES: Record<Locale, Record<ServiceCategory, string>> = {
  en: SERVICE_CATEGORIES,
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
  en: REQUEST_STATUSES,
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
