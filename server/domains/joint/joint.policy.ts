// Who may do what with a joint change, as pure predicates over facts the use case has read. Each
// `…Refusal` answers null (allowed) or the refusal the user sees; the lists' `viewer.can*` flags ask
// the same functions, so a button and its rule never disagree. No I/O.
import type { AppErrorCode } from "../../errors.js";
import { canBecome, hasLapsed } from "./joint.rules.js";
import { SIDE_NAMES, type CoChairSide, type JointStatus } from "./joint.schema.js";

export type Refusal = { code: AppErrorCode; message: string };

/** A user's standing in the change's scope (its body and the partnership, or the partnership alone). */
export type JointViewer = {
  userId: string;
  /** The side they co-chair the scope for, or null. */
  coChairSide: CoChairSide | null;
  /** A staff seat in the scope: they prepare proposals, and never concur for a side. */
  isStaff: boolean;
};

export type ChangeFacts = {
  status: JointStatus;
  proposedSide: CoChairSide | null;
  proposedById: string | null;
  preparedById: string | null;
  expiresAt: Date | null;
};

/** A co-chair proposes; staff prepare a proposal a co-chair then submits; nobody else starts one. */
export function proposeAs(viewer: JointViewer): "PROPOSE" | "PREPARE" | null {
  if (viewer.coChairSide) return "PROPOSE";
  if (viewer.isStaff) return "PREPARE";
  return null;
}

export function proposeRefusal(viewer: JointViewer): Refusal | null {
  return proposeAs(viewer) ? null : { code: "FORBIDDEN", message: "Only the co-chairs propose changes to the rules (staff may prepare one)." };
}

const notOpen = (f: ChangeFacts, to: JointStatus, now: Date): Refusal | null => {
  if (hasLapsed(f, now)) return { code: "PRECONDITION_FAILED", message: "This proposal has expired." };
  return canBecome(f.status, to) ? null : { code: "CONFLICT", message: "This proposal has already been decided, withdrawn or has expired." };
};

/** Only a co-chair of the OTHER side concurs, while the proposal waits. */
export function concurRefusal(viewer: JointViewer, f: ChangeFacts, now: Date): Refusal | null {
  if (!viewer.coChairSide) {
    return { code: "FORBIDDEN", message: viewer.isStaff ? "Staff prepare proposals but never concur for a side." : "Only the other side's co-chair concurs." };
  }
  if (f.status === "PENDING" && viewer.coChairSide === f.proposedSide) {
    return { code: "FORBIDDEN", message: `This needs the other side: ${SIDE_NAMES[viewer.coChairSide].toLowerCase()} proposed it.` };
  }
  return notOpen(f, "APPLIED", now) ?? (f.status === "PENDING" ? null : { code: "CONFLICT", message: "This proposal is not waiting for a decision." });
}

/** Declining is the other side's answer too. */
export function declineRefusal(viewer: JointViewer, f: ChangeFacts, now: Date): Refusal | null {
  if (!viewer.coChairSide) {
    return { code: "FORBIDDEN", message: viewer.isStaff ? "Staff prepare proposals but never answer for a side." : "Only the other side's co-chair declines." };
  }
  return concurRefusal(viewer, f, now);
}

/** The proposer withdraws a waiting proposal; a prepared one is withdrawn by whoever prepared it or a co-chair. */
export function withdrawRefusal(viewer: JointViewer, f: ChangeFacts, now: Date): Refusal | null {
  const mine = f.status === "PENDING" ? f.proposedById === viewer.userId : f.preparedById === viewer.userId || viewer.coChairSide !== null;
  if (!mine) return { code: "FORBIDDEN", message: f.status === "PENDING" ? "Only the co-chair who proposed it withdraws it." : "Only its preparer or a co-chair withdraws it." };
  return notOpen(f, "WITHDRAWN", now);
}

/** A co-chair submits a proposal staff prepared: it becomes theirs, for the other side to answer. */
export function submitRefusal(viewer: JointViewer, f: ChangeFacts): Refusal | null {
  if (!viewer.coChairSide) return { code: "FORBIDDEN", message: "Only a co-chair submits a prepared proposal." };
  return f.status === "PREPARED" ? null : { code: "CONFLICT", message: "This proposal is no longer waiting to be submitted." };
}

/** What the viewer may do with a change, for the lists' buttons. */
export function viewerCan(viewer: JointViewer, f: ChangeFacts, now: Date) {
  return {
    canConcur: concurRefusal(viewer, f, now) === null,
    canDecline: declineRefusal(viewer, f, now) === null,
    canWithdraw: withdrawRefusal(viewer, f, now) === null,
    canSubmit: submitRefusal(viewer, f) === null,
  };
}
