// Colours of supportive services, shared by its pages (the words are in app/locales/<lng>/services.json).
import type { RequestStatus } from "../../../server/domains/services/services.rules";

export const STATUS_TONES: Record<RequestStatus, "slate" | "amber" | "green" | "red" | "indigo"> = {
  DRAFT: "slate",
  SUBMITTED: "indigo",
  UNDER_REVIEW: "indigo",
  NEEDS_INFO: "amber",
  APPROVED: "green",
  DENIED: "red",
  FULFILLED: "green",
  CANCELLED: "slate",
};

/** Today as YYYY-MM-DD in UTC (the server's calendar for needed-by dates). */
export const todayIso = () => new Date().toISOString().slice(0, 10);
