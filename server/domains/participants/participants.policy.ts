// Who may do what with participants, as pure predicates over facts the permission layer read. The
// page's `can.*` flags and the use cases' guards call the same functions. No I/O.

export type ParticipantsViewer = {
  userId: string;
  /** Null for a participant who is not a member of the partnership (an apprentice seeing their record). */
  membershipId: string | null;
  organizationId: string | null;
  isCbo: boolean;
  /** The partnership's co-chairs and staff administer every program. */
  isPartnershipManager: boolean;
  isPartnershipCoChair: boolean;
  /** Bodies on which the viewer is a co-chair or staff: they administer those bodies' programs. */
  adminBodyIds: string[];
  /** Bodies on which the viewer has any seat. */
  seatedBodyIds: string[];
  /** The side the viewer co-chairs the partnership or the A&O committee for, if they do. */
  coChairSide: "LABOR" | "MANAGEMENT" | null;
  aoBodyId: string | null;
  committeeSeesNames: boolean;
};

export type EnrollmentFacts = {
  programBodyId: string;
  mentorMembershipId: string | null;
  instructorMembershipId: string | null;
  participantUserId: string | null;
};

/**
 * How the viewer stands to one person's enrollment: SELF (it is theirs), ADMIN (their program's
 * administrators), MENTOR or INSTRUCTOR (they supervise it), COMMITTEE (a member of the owning committee
 * where the partnership lets it see names: the list, never the record), or null (counts only).
 */
export type Relation = "SELF" | "ADMIN" | "MENTOR" | "INSTRUCTOR" | "COMMITTEE";

export function relationTo(viewer: ParticipantsViewer, facts: EnrollmentFacts): Relation | null {
  if (facts.participantUserId !== null && facts.participantUserId === viewer.userId) return "SELF";
  if (canManageProgram(viewer, facts.programBodyId)) return "ADMIN";
  if (viewer.membershipId && facts.mentorMembershipId === viewer.membershipId) return "MENTOR";
  if (viewer.membershipId && facts.instructorMembershipId === viewer.membershipId) return "INSTRUCTOR";
  if (viewer.committeeSeesNames && viewer.seatedBodyIds.includes(facts.programBodyId)) return "COMMITTEE";
  return null;
}

export const canManageProgram = (viewer: ParticipantsViewer, bodyId: string) => viewer.isPartnershipManager || viewer.adminBodyIds.includes(bodyId);
/** The record itself (progress, hours, competencies): the person, their administrators and supervisors. */
export const canSeeRecord = (relation: Relation | null) => relation === "SELF" || relation === "ADMIN" || relation === "MENTOR" || relation === "INSTRUCTOR";
/** A read of someone else's record is logged for that person's owner. */
export const isLoggedRead = (relation: Relation | null) => relation === "ADMIN" || relation === "MENTOR" || relation === "INSTRUCTOR";
/** Self-reported answers of a person recorded here: the person and the program's administrators (who recorded them). */
export const canSeeAnswers = (relation: Relation | null) => relation === "SELF" || relation === "ADMIN";

/** Hours are logged by the participant (either kind) or the instructor (related instruction). */
export const canLogHours = (relation: Relation | null, kind: "RI" | "OJL") => relation === "SELF" || (relation === "INSTRUCTOR" && kind === "RI");
export const loggedAs = (relation: Relation | null) => (relation === "SELF" ? "PARTICIPANT" : "INSTRUCTOR");
/** The mentor approves or sends back hours, never hours they logged themselves. */
export const canDecideHours = (relation: Relation | null, log: { loggedById: string }, userId: string) => relation === "MENTOR" && log.loggedById !== userId;

/** Competencies: by assessment (instructor), on the job (mentor), either by the program's administrators. */
export const canRecordCompetency = (relation: Relation | null, method: "ASSESSMENT" | "ON_THE_JOB") =>
  relation === "ADMIN" || (method === "ASSESSMENT" ? relation === "INSTRUCTOR" : relation === "MENTOR");
export const canTestOut = (relation: Relation | null) => relation === "ADMIN" || relation === "INSTRUCTOR";
export const canRecordCredential = (relation: Relation | null) => relation === "ADMIN" || relation === "INSTRUCTOR";
export const canChangeStatus = (relation: Relation | null) => relation === "ADMIN";
export const canRecordOutcome = (relation: Relation | null) => relation === "ADMIN";

/** The A&O dashboard: the partnership's co-chairs and staff and anyone seated on the A&O committee. */
export const canSeeDashboard = (viewer: ParticipantsViewer) =>
  viewer.isPartnershipManager || viewer.coChairSide !== null || (viewer.aoBodyId !== null && viewer.seatedBodyIds.includes(viewer.aoBodyId));
/** The threshold, the A&O committee and whether committees see names: the partnership's co-chairs. */
export const canEditSettings = (viewer: ParticipantsViewer) => viewer.isPartnershipCoChair;
