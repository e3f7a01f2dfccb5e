// Words and colours of supportive services, shared by its pages.
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

export const EVENT_LABELS: Record<string, string> = {
  CREATED: "created the request",
  UPDATED: "edited the draft",
  SUBMITTED: "submitted the request",
  REVIEW_STARTED: "started the review",
  INFO_REQUESTED: "asked for more information",
  INFO_PROVIDED: "answered",
  APPROVED: "approved",
  APPROVED_BY_SIDE: "approved for their side (waiting for the other side)",
  DENIED: "denied the request",
  FULFILLED: "marked it fulfilled",
  CANCELLED: "cancelled the request",
  ATTACHMENT_ADDED: "attached a file",
};

/** Today as YYYY-MM-DD in UTC (the server's calendar for needed-by dates). */
export const todayIso = () => new Date().toISOString().slice(0, 10);
