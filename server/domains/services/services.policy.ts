// Who may do what in supportive services, as pure predicates over facts the permission layer read.
// The same functions give a page its `can.*` flags and the use case its guard, so a button and the rule
// behind it never disagree. No I/O.
import { canAttach, canEditDetails, checkTransition, REQUEST_ACTIONS, type Actor, type RequestAction, type RequestStatus } from "./services.rules.js";

/**
 * How a viewer may see a trainee's identity: OWNER (their organization recorded the trainee), GRANTED
 * (the owner shares the record with their organization) or REVIEWER (a designated reviewer, for a
 * request sent for review; every such read is logged). Null: not at all (counts and totals only).
 */
export type TraineeVia = "OWNER" | "GRANTED" | "REVIEWER";

export type TraineeFacts = {
  viewerOrganizationId: string;
  ownerOrganizationId: string;
  /** The viewer's organization holds the owner's grant for this trainee (now). */
  hasGrant: boolean;
  isReviewer: boolean;
  /** There is something for a reviewer to review (a request past its draft). */
  underReview: boolean;
};

export function traineeVia(facts: TraineeFacts): TraineeVia | null {
  if (facts.viewerOrganizationId === facts.ownerOrganizationId) return "OWNER";
  if (facts.hasGrant) return "GRANTED";
  if (facts.isReviewer && facts.underReview) return "REVIEWER";
  return null;
}

/** An organization acts for a trainee (requests, submits, answers, attaches) only while it owns them or holds the owner's grant. */
export const mayActForTrainee = (via: TraineeVia | null) => via === "OWNER" || via === "GRANTED";

/** The viewer of one request, as the permission layer found them. */
export type RequestViewer = {
  /** A member of the requesting organization. */
  asRequester: boolean;
  isReviewer: boolean;
  /** How the viewer may see the request's trainee (see `traineeVia`). */
  traineeVia: TraineeVia | null;
};

export const NO_TRAINEE_ACCESS =
  "The trainee's organization no longer shares this trainee's record with your organization, so you cannot act for them on this request. You can still cancel it.";

/** Steps a requesting organization takes on the trainee's behalf; cancelling is not one of them (withdrawing stays possible). */
const ON_TRAINEES_BEHALF: ReadonlySet<RequestAction> = new Set<RequestAction>(["submit", "answer"]);

export type RoleCheck = { ok: true; role: Actor } | { ok: false; message: string };

/**
 * The part the viewer plays in `action`: requester (CBO) or reviewer, never both — a reviewer does not
 * review their own organization's request — and a requester acts for the trainee only with access.
 */
export function roleFor(action: RequestAction, viewer: RequestViewer): RoleCheck {
  const by = REQUEST_ACTIONS[action].by as readonly Actor[];
  if (by.includes("CBO") && viewer.asRequester) {
    if (ON_TRAINEES_BEHALF.has(action) && !mayActForTrainee(viewer.traineeVia)) return { ok: false, message: NO_TRAINEE_ACCESS };
    return { ok: true, role: "CBO" };
  }
  if (by.includes("REVIEWER") && viewer.isReviewer) {
    if (viewer.asRequester) return { ok: false, message: "Conflict of interest: a reviewer cannot review their own organization's request." };
    return { ok: true, role: "REVIEWER" };
  }
  if (by.includes("REVIEWER") && !by.includes("CBO")) return { ok: false, message: "Only a designated reviewer can do that." };
  return { ok: false, message: "Only the requesting organization can do that." };
}

/** Whether the viewer may take `action` on a request in `status` now (the page's button). */
export function canTake(action: RequestAction, status: RequestStatus, viewer: RequestViewer): boolean {
  const role = roleFor(action, viewer);
  return role.ok && checkTransition(status, action, role.role).ok;
}

/** The requesting organization edits a draft's details, while it may still act for the trainee. */
export const canEditRequest = (status: RequestStatus, viewer: RequestViewer) => viewer.asRequester && mayActForTrainee(viewer.traineeVia) && canEditDetails(status);

/** The requesting organization adds receipts and quotes until the decision, while it may still act for the trainee. */
export const canAttachFiles = (status: RequestStatus, viewer: RequestViewer) => viewer.asRequester && mayActForTrainee(viewer.traineeVia) && canAttach(status);

/** Receipts and quotes are the trainee's papers: opened only by those who may see the trainee. */
export const canOpenFiles = (viewer: RequestViewer) => viewer.traineeVia !== null;

/** Co-chairs and staff keep the funds, the caps, the target and the list of reviewers. */
export const canManageServices = (actor: { canManage: boolean }) => actor.canManage;

/** Only members of a community-based organization record trainees and make requests. */
export const canRecordTrainees = (actor: { isCbo: boolean }) => actor.isCbo;
