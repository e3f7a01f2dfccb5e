// The pure rules of joint control: comparing the state a change started from, a proposal's life, who
// may concur, decline, withdraw or submit (staff never answer for a side), and the partnerships rules
// of one-sided business (own side only; a side keeps its co-chair; who invites whom).
import { describe, expect, it } from "vitest";
import { concurRefusal, declineRefusal, proposeAs, submitRefusal, viewerCan, withdrawRefusal, type ChangeFacts, type JointViewer } from "../../server/domains/joint/joint.policy.js";
import { canBecome, canonicalJson, expiryFrom, hasLapsed, otherSide, sameState } from "../../server/domains/joint/joint.rules.js";
import { proposedMessage } from "../../server/domains/joint/joint.schema.js";
import { invitationSideRefusal, isOwnSide, keepsEachSideCoChair } from "../../server/domains/partnerships/partnerships.policy.js";

const NOW = new Date("2026-12-01T12:00:00Z");
const labor: JointViewer = { userId: "u-labor", coChairSide: "LABOR", isStaff: false };
const management: JointViewer = { userId: "u-management", coChairSide: "MANAGEMENT", isStaff: false };
const staff: JointViewer = { userId: "u-staff", coChairSide: null, isStaff: true };
const member: JointViewer = { userId: "u-member", coChairSide: null, isStaff: false };
const pending = (over: Partial<ChangeFacts> = {}): ChangeFacts => ({
  status: "PENDING",
  proposedSide: "LABOR",
  proposedById: "u-labor",
  preparedById: null,
  expiresAt: new Date(NOW.getTime() + 86_400_000),
  ...over,
});

describe("the state a change starts from", () => {
  it("compares equal whatever the order of keys, and differs when a value does", () => {
    expect(sameState({ mode: "COUNT", labor: 1, management: 1 }, { management: 1, labor: 1, mode: "COUNT" })).toBe(true);
    expect(sameState({ seat: { role: "MEMBER", isVoting: true } }, { seat: { isVoting: false, role: "MEMBER" } })).toBe(false);
    expect(sameState({ member: null }, { member: null })).toBe(true);
    expect(canonicalJson({ b: [2, { d: 1, c: 0 }], a: 1 })).toBe('{"a":1,"b":[2,{"c":0,"d":1}]}');
  });
});

describe("a proposal's life", () => {
  it("moves only forward: prepared → pending → one final state", () => {
    expect(canBecome("PREPARED", "PENDING")).toBe(true);
    expect(canBecome("PENDING", "APPLIED")).toBe(true);
    expect(canBecome("PENDING", "PREPARED")).toBe(false);
    for (const final of ["APPLIED", "DECLINED", "WITHDRAWN", "EXPIRED", "STALE"] as const) {
      expect(canBecome(final, "PENDING")).toBe(false);
      expect(canBecome(final, "APPLIED")).toBe(false);
    }
  });

  it("lapses after fourteen days unless answered", () => {
    const proposed = new Date("2026-12-01T00:00:00Z");
    expect(expiryFrom(proposed).toISOString()).toBe("2026-12-15T00:00:00.000Z");
    expect(hasLapsed({ status: "PENDING", expiresAt: new Date(NOW.getTime() - 1) }, NOW)).toBe(true);
    expect(hasLapsed({ status: "PENDING", expiresAt: new Date(NOW.getTime() + 1) }, NOW)).toBe(false);
    expect(hasLapsed({ status: "APPLIED", expiresAt: new Date(0) }, NOW)).toBe(false);
    expect(otherSide("LABOR")).toBe("MANAGEMENT");
  });

  it("tells the proposer whom it waits for", () => {
    expect(proposedMessage({ status: "PENDING", waitingFor: "MANAGEMENT" })).toBe("Proposed — waiting for management's co-chair.");
    expect(proposedMessage({ status: "PREPARED", waitingFor: null })).toMatch(/Prepared/);
  });
});

describe("who may do what", () => {
  it("lets co-chairs propose and staff prepare; nobody else", () => {
    expect(proposeAs(labor)).toBe("PROPOSE");
    expect(proposeAs(staff)).toBe("PREPARE");
    expect(proposeAs(member)).toBeNull();
  });

  it("lets only the other side's co-chair concur or decline, never the proposing side, staff or a member", () => {
    expect(concurRefusal(management, pending(), NOW)).toBeNull();
    expect(declineRefusal(management, pending(), NOW)).toBeNull();
    expect(concurRefusal(labor, pending(), NOW)).toMatchObject({ code: "FORBIDDEN" });
    expect(concurRefusal(staff, pending(), NOW)).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/never concur/) });
    expect(declineRefusal(staff, pending(), NOW)).toMatchObject({ code: "FORBIDDEN" });
    expect(concurRefusal(member, pending(), NOW)).toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses answering a proposal that lapsed, or one already decided", () => {
    expect(concurRefusal(management, pending({ expiresAt: new Date(NOW.getTime() - 1) }), NOW)).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(concurRefusal(management, pending({ status: "APPLIED" }), NOW)).toMatchObject({ code: "CONFLICT" });
    expect(declineRefusal(management, pending({ status: "WITHDRAWN" }), NOW)).toMatchObject({ code: "CONFLICT" });
    expect(concurRefusal(management, pending({ status: "PREPARED", proposedSide: null, proposedById: null }), NOW)).toMatchObject({ code: "CONFLICT" });
  });

  it("lets the proposer withdraw a waiting proposal, and its preparer or a co-chair a prepared one", () => {
    expect(withdrawRefusal(labor, pending(), NOW)).toBeNull();
    expect(withdrawRefusal(management, pending(), NOW)).toMatchObject({ code: "FORBIDDEN" });
    const prepared = pending({ status: "PREPARED", proposedSide: null, proposedById: null, preparedById: "u-staff", expiresAt: null });
    expect(withdrawRefusal(staff, prepared, NOW)).toBeNull();
    expect(withdrawRefusal(management, prepared, NOW)).toBeNull();
    expect(withdrawRefusal(member, prepared, NOW)).toMatchObject({ code: "FORBIDDEN" });
    expect(submitRefusal(management, prepared)).toBeNull();
    expect(submitRefusal(staff, prepared)).toMatchObject({ code: "FORBIDDEN" });
    expect(submitRefusal(labor, pending())).toMatchObject({ code: "CONFLICT" });
  });

  it("gives the lists the same verdicts as the use cases", () => {
    expect(viewerCan(management, pending(), NOW)).toEqual({ canConcur: true, canDecline: true, canWithdraw: false, canSubmit: false });
    expect(viewerCan(labor, pending(), NOW)).toEqual({ canConcur: false, canDecline: false, canWithdraw: true, canSubmit: false });
    expect(viewerCan(staff, pending(), NOW)).toEqual({ canConcur: false, canDecline: false, canWithdraw: false, canSubmit: false });
  });
});

describe("one-sided business", () => {
  it("is a side's own members only; neutral members and the other side need both sides", () => {
    expect(isOwnSide("LABOR", "LABOR")).toBe(true);
    expect(isOwnSide("LABOR", "MANAGEMENT")).toBe(false);
    expect(isOwnSide("LABOR", "NEUTRAL")).toBe(false);
    expect(isOwnSide("NEUTRAL", "NEUTRAL")).toBe(false);
  });

  it("never leaves a side without its partnership co-chair once both sides have one", () => {
    expect(keepsEachSideCoChair({ isTopBody: true, losesCoChairSeat: true, sameSideLeft: 0, otherSide: 1 })).toBe(false);
    expect(keepsEachSideCoChair({ isTopBody: true, losesCoChairSeat: true, sameSideLeft: 0, otherSide: 0 })).toBe(true);
    expect(keepsEachSideCoChair({ isTopBody: false, losesCoChairSeat: true, sameSideLeft: 0, otherSide: 1 })).toBe(true);
    expect(keepsEachSideCoChair({ isTopBody: true, losesCoChairSeat: false, sameSideLeft: 0, otherSide: 1 })).toBe(true);
  });

  it("lets each side invite its own people and neutral people, and the other side only while it has no co-chair", () => {
    expect(invitationSideRefusal({ inviterSide: "LABOR", organizationSide: "LABOR", otherSideHasCoChair: true })).toBeNull();
    expect(invitationSideRefusal({ inviterSide: "LABOR", organizationSide: "NEUTRAL", otherSideHasCoChair: true })).toBeNull();
    expect(invitationSideRefusal({ inviterSide: "LABOR", organizationSide: "MANAGEMENT", otherSideHasCoChair: false })).toBeNull();
    expect(invitationSideRefusal({ inviterSide: "LABOR", organizationSide: "MANAGEMENT", otherSideHasCoChair: true })).toMatch(/management co-chair invites/);
  });
});
