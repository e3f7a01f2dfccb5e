import { describe, expect, it } from "vitest";
import {
  INVITATION_REFUSALS,
  invitationState,
  roleOfSeat,
  seatFor,
  seatForInvitation,
} from "../../server/domains/partnerships/partnerships.rules.js";
import {
  canRemoveOrganization,
  canRemoveSeat,
  invitationAcceptRefusal,
  keepsACoChair,
  organizationRemovalRefusal,
  sideChangeRefusal,
} from "../../server/domains/partnerships/partnerships.policy.js";

describe("seatFor", () => {
  it("gives a co-chair seat on the member's own side, always voting", () => {
    expect(seatFor("CO_CHAIR", "LABOR")).toEqual({ ok: true, seat: { role: "CO_CHAIR", coChairSide: "LABOR", isVoting: true } });
    expect(seatFor("CO_CHAIR", "MANAGEMENT", false)).toEqual({
      ok: true,
      seat: { role: "CO_CHAIR", coChairSide: "MANAGEMENT", isVoting: true },
    });
  });

  it("refuses a co-chair seat to a neutral-side member", () => {
    const result = seatFor("CO_CHAIR", "NEUTRAL");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/labor or the management side/);
  });

  it("makes labor and management members voting and neutral members advisory by default", () => {
    expect(seatFor("MEMBER", "LABOR")).toEqual({ ok: true, seat: { role: "MEMBER", coChairSide: null, isVoting: true } });
    expect(seatFor("MEMBER", "MANAGEMENT")).toEqual({ ok: true, seat: { role: "MEMBER", coChairSide: null, isVoting: true } });
    expect(seatFor("MEMBER", "NEUTRAL")).toEqual({ ok: true, seat: { role: "MEMBER", coChairSide: null, isVoting: false } });
  });

  it("lets a body choose whether a member votes", () => {
    expect(seatFor("MEMBER", "NEUTRAL", true)).toMatchObject({ ok: true, seat: { isVoting: true } });
    expect(seatFor("MEMBER", "LABOR", false)).toMatchObject({ ok: true, seat: { isVoting: false } });
  });

  it.each(["OBSERVER", "STAFF"] as const)("never lets %s vote, even when asked", (role) => {
    for (const side of ["LABOR", "MANAGEMENT", "NEUTRAL"] as const) {
      expect(seatFor(role, side, true)).toEqual({ ok: true, seat: { role, coChairSide: null, isVoting: false } });
    }
  });
});

describe("seatForInvitation", () => {
  it("seats a labor co-chair only from a labor-side organization", () => {
    expect(seatForInvitation("LABOR_CO_CHAIR", "LABOR")).toEqual({
      ok: true,
      seat: { role: "CO_CHAIR", coChairSide: "LABOR", isVoting: true },
    });
    for (const side of ["MANAGEMENT", "NEUTRAL"] as const) {
      expect(seatForInvitation("LABOR_CO_CHAIR", side)).toEqual({
        ok: false,
        message: "The labor co-chair must belong to a labor-side organization.",
      });
    }
  });

  it("seats a management co-chair only from a management-side organization", () => {
    expect(seatForInvitation("MANAGEMENT_CO_CHAIR", "MANAGEMENT")).toEqual({
      ok: true,
      seat: { role: "CO_CHAIR", coChairSide: "MANAGEMENT", isVoting: true },
    });
    for (const side of ["LABOR", "NEUTRAL"] as const) {
      expect(seatForInvitation("MANAGEMENT_CO_CHAIR", side)).toEqual({
        ok: false,
        message: "The management co-chair must belong to a management-side organization.",
      });
    }
  });

  it("gives the other roles the seat of the same name", () => {
    expect(seatForInvitation("MEMBER", "LABOR")).toEqual({ ok: true, seat: { role: "MEMBER", coChairSide: null, isVoting: true } });
    expect(seatForInvitation("MEMBER", "NEUTRAL")).toEqual({ ok: true, seat: { role: "MEMBER", coChairSide: null, isVoting: false } });
    expect(seatForInvitation("OBSERVER", "MANAGEMENT")).toEqual({ ok: true, seat: { role: "OBSERVER", coChairSide: null, isVoting: false } });
    expect(seatForInvitation("STAFF", "NEUTRAL")).toEqual({ ok: true, seat: { role: "STAFF", coChairSide: null, isVoting: false } });
  });
});

describe("roleOfSeat", () => {
  it("names co-chair seats by side and the others by role", () => {
    expect(roleOfSeat({ role: "CO_CHAIR", coChairSide: "LABOR" })).toBe("LABOR_CO_CHAIR");
    expect(roleOfSeat({ role: "CO_CHAIR", coChairSide: "MANAGEMENT" })).toBe("MANAGEMENT_CO_CHAIR");
    expect(roleOfSeat({ role: "MEMBER", coChairSide: null })).toBe("MEMBER");
    expect(roleOfSeat({ role: "OBSERVER", coChairSide: null })).toBe("OBSERVER");
    expect(roleOfSeat({ role: "STAFF", coChairSide: null })).toBe("STAFF");
  });
});

describe("invitationState", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  const later = new Date("2026-03-08T12:00:00Z");
  const earlier = new Date("2026-02-20T12:00:00Z");

  it("is pending until it expires", () => {
    expect(invitationState({ acceptedAt: null, revokedAt: null, expiresAt: later }, now)).toBe("PENDING");
    expect(invitationState({ acceptedAt: null, revokedAt: null, expiresAt: new Date(now.getTime() + 1) }, now)).toBe("PENDING");
  });

  it("expires at exactly its expiry time", () => {
    expect(invitationState({ acceptedAt: null, revokedAt: null, expiresAt: now }, now)).toBe("EXPIRED");
    expect(invitationState({ acceptedAt: null, revokedAt: null, expiresAt: earlier }, now)).toBe("EXPIRED");
  });

  it("stays accepted once used, even after it would have expired or been revoked", () => {
    expect(invitationState({ acceptedAt: earlier, revokedAt: null, expiresAt: later }, now)).toBe("ACCEPTED");
    expect(invitationState({ acceptedAt: earlier, revokedAt: now, expiresAt: earlier }, now)).toBe("ACCEPTED");
  });

  it("is revoked when withdrawn, whether or not it has expired since", () => {
    expect(invitationState({ acceptedAt: null, revokedAt: earlier, expiresAt: later }, now)).toBe("REVOKED");
    expect(invitationState({ acceptedAt: null, revokedAt: earlier, expiresAt: earlier }, now)).toBe("REVOKED");
  });

  it("has a refusal message for every state but pending", () => {
    expect(Object.keys(INVITATION_REFUSALS).sort()).toEqual(["ACCEPTED", "EXPIRED", "REVOKED"]);
  });
});

describe("partnerships.policy", () => {
  it("keeps a co-chair: only a top-body change that takes the last co-chair seat away is refused", () => {
    expect(keepsACoChair({ isTopBody: true, losesCoChairSeat: true, otherCoChairs: 0 })).toBe(false);
    expect(keepsACoChair({ isTopBody: true, losesCoChairSeat: true, otherCoChairs: 1 })).toBe(true);
    expect(keepsACoChair({ isTopBody: true, losesCoChairSeat: false, otherCoChairs: 0 })).toBe(true);
    // A committee may be left without co-chairs; the partnership's co-chairs manage it.
    expect(keepsACoChair({ isTopBody: false, losesCoChairSeat: true, otherCoChairs: 0 })).toBe(true);
  });

  it("removes seats on committees only", () => {
    expect(canRemoveSeat({ kind: "COMMITTEE" })).toBe(true);
    expect(canRemoveSeat({ kind: "PARTNERSHIP" })).toBe(false);
  });

  it("removes an organization only when nobody belongs to it and no service record names it", () => {
    const none = { memberships: 0, trainees: 0, serviceRequests: 0 };
    expect(organizationRemovalRefusal(none)).toBeNull();
    expect(canRemoveOrganization(none)).toBe(true);
    expect(organizationRemovalRefusal({ ...none, memberships: 1 })).toMatch(/People still belong/);
    expect(organizationRemovalRefusal({ ...none, trainees: 2 })).toMatch(/trainees or supportive-service requests/);
    expect(canRemoveOrganization({ ...none, serviceRequests: 1 })).toBe(false);
  });

  it("fixes an organization's side while a co-chair belongs to it", () => {
    expect(sideChangeRefusal({ from: "LABOR", to: "NEUTRAL", hasCoChair: true })).toMatch(/co-chair belongs/);
    expect(sideChangeRefusal({ from: "LABOR", to: "LABOR", hasCoChair: true })).toBeNull();
    expect(sideChangeRefusal({ from: "LABOR", to: "NEUTRAL", hasCoChair: false })).toBeNull();
  });

  it("lets only the invited e-mail accept a pending invitation, and says why otherwise", () => {
    const now = new Date("2026-03-01T12:00:00Z");
    const pending = { email: "a@example.test", acceptedAt: null, revokedAt: null, expiresAt: new Date("2026-03-08T12:00:00Z") };
    expect(invitationAcceptRefusal(pending, { email: "a@example.test" }, now)).toBeNull();
    expect(invitationAcceptRefusal(pending, { email: "b@example.test" }, now)).toEqual({
      code: "FORBIDDEN",
      message: "This invitation is for a@example.test. Sign in with that email to accept it.",
    });
    expect(invitationAcceptRefusal({ ...pending, revokedAt: now }, { email: "a@example.test" }, now)).toEqual({
      code: "PRECONDITION_FAILED",
      message: INVITATION_REFUSALS.REVOKED,
    });
    // The state is told before the e-mail: a used link says so to anyone.
    expect(invitationAcceptRefusal({ ...pending, acceptedAt: now }, { email: "b@example.test" }, now)).toEqual({
      code: "PRECONDITION_FAILED",
      message: INVITATION_REFUSALS.ACCEPTED,
    });
  });
});
