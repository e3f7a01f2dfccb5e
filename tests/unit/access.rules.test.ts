import { describe, expect, it } from "vitest";
import {
  canChair,
  canManageBody,
  canManagePartnership,
  canScheduleMeetings,
  canTakePart,
  canWriteMinutes,
  isCoChair,
  type MemberFacts,
  type SeatFacts,
} from "../../server/access/access.rules.js";

const seat = (role: SeatFacts["role"], coChairSide: SeatFacts["coChairSide"] = null): SeatFacts => ({
  role,
  coChairSide: role === "CO_CHAIR" ? (coChairSide ?? "LABOR") : null,
  isVoting: role === "CO_CHAIR" || role === "MEMBER",
});

const member = (partnershipSeat: SeatFacts | null): MemberFacts => ({
  userId: "u1",
  partnershipId: "p1",
  membershipId: "m1",
  organizationId: "o1",
  side: "LABOR",
  partnershipSeat,
});

const ROLES = ["CO_CHAIR", "MEMBER", "OBSERVER", "STAFF"] as const;

describe("isCoChair", () => {
  it("is true only for a co-chair seat", () => {
    expect(isCoChair(seat("CO_CHAIR", "LABOR"))).toBe(true);
    expect(isCoChair(seat("CO_CHAIR", "MANAGEMENT"))).toBe(true);
    for (const role of ["MEMBER", "OBSERVER", "STAFF"] as const) expect(isCoChair(seat(role))).toBe(false);
    expect(isCoChair(null)).toBe(false);
    expect(isCoChair(undefined)).toBe(false);
  });
});

describe("canManagePartnership", () => {
  it.each(ROLES)("is %s → co-chairs only", (role) => {
    expect(canManagePartnership(member(seat(role)))).toBe(role === "CO_CHAIR");
  });

  it("refuses a member without a top-body seat", () => {
    expect(canManagePartnership(member(null))).toBe(false);
  });
});

describe("canManageBody", () => {
  it("lets the partnership's co-chairs manage any committee, seated on it or not", () => {
    expect(canManageBody(member(seat("CO_CHAIR")), null)).toBe(true);
    expect(canManageBody(member(seat("CO_CHAIR")), seat("MEMBER"))).toBe(true);
  });

  it("lets a committee's own co-chair manage it", () => {
    expect(canManageBody(member(seat("MEMBER")), seat("CO_CHAIR", "MANAGEMENT"))).toBe(true);
  });

  it.each(["MEMBER", "OBSERVER", "STAFF"] as const)("refuses a partnership %s who is not the committee's co-chair", (role) => {
    expect(canManageBody(member(seat(role)), null)).toBe(false);
    for (const bodyRole of ["MEMBER", "OBSERVER", "STAFF"] as const) {
      expect(canManageBody(member(seat(role)), seat(bodyRole))).toBe(false);
    }
  });
});

describe("meeting rules", () => {
  it("lets co-chairs and staff schedule meetings", () => {
    expect(ROLES.filter((r) => canScheduleMeetings(seat(r)))).toEqual(["CO_CHAIR", "STAFF"]);
  });

  it("lets everyone but observers take part", () => {
    expect(ROLES.filter((r) => canTakePart(seat(r)))).toEqual(["CO_CHAIR", "MEMBER", "STAFF"]);
  });

  it("lets only co-chairs chair", () => {
    expect(ROLES.filter((r) => canChair(seat(r)))).toEqual(["CO_CHAIR"]);
  });

  it("lets co-chairs and the designated note-taker write minutes", () => {
    expect(ROLES.filter((r) => canWriteMinutes(seat(r), false))).toEqual(["CO_CHAIR"]);
    expect(ROLES.filter((r) => canWriteMinutes(seat(r), true))).toEqual([...ROLES]);
  });
});
