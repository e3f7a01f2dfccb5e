import { describe, expect, it } from "vitest";
import { serverWords } from "../../server/i18n.js";
import {
  approvalState,
  computeQuorum,
  describeQuorumRule,
  isCaucusActive,
  secondsLeft,
} from "../../server/domains/meetings/meetings.rules.js";
import {
  allowOrThrow,
  checkInStatus,
  mayApproveMinutes,
  mayChangeAction,
  mayCreateStrawPoll,
  mayEditAgenda,
  mayMarkAttendance,
  mayRecordDecision,
  mayWriteMinutes,
  viewerFlags,
  type MeetingActor,
  type MeetingState,
} from "../../server/domains/meetings/meetings.policy.js";
import { ScheduleMeetingInputSchema, ProposeItemInputSchema } from "../../server/domains/meetings/meetings.schema.js";

const member = (side: string, attendance: string | null) => ({ side, attendance });

describe("computeQuorum", () => {
  const rule = { mode: "COUNT" as const, labor: 2, management: 2 };

  it("is met only when both sides have enough voting members present", () => {
    const q = computeQuorum(rule, [member("LABOR", "PRESENT"), member("LABOR", "LATE"), member("MANAGEMENT", "PRESENT"), member("MANAGEMENT", "PRESENT")]);
    expect(q.LABOR).toEqual({ voting: 2, present: 2, required: 2, met: true });
    expect(q.MANAGEMENT.met).toBe(true);
    expect(q.met).toBe(true);
  });

  it("fails when one side is short, even if the other has everyone", () => {
    const q = computeQuorum(rule, [
      member("LABOR", "PRESENT"),
      member("LABOR", "PRESENT"),
      member("LABOR", "PRESENT"),
      member("MANAGEMENT", "PRESENT"),
      member("MANAGEMENT", "ABSENT"),
    ]);
    expect(q.LABOR.met).toBe(true);
    expect(q.MANAGEMENT).toMatchObject({ present: 1, required: 2, met: false });
    expect(q.met).toBe(false);
  });

  it("does not count excused, absent or unmarked members, nor neutral ones", () => {
    const q = computeQuorum(rule, [
      member("LABOR", "EXCUSED"),
      member("LABOR", null),
      member("NEUTRAL", "PRESENT"),
      member("MANAGEMENT", "PRESENT"),
      member("MANAGEMENT", "PRESENT"),
    ]);
    expect(q.LABOR).toMatchObject({ voting: 2, present: 0, met: false });
    expect(q.met).toBe(false);
  });

  it("rounds a share up: half of 5 voting members needs 3", () => {
    const share = { mode: "SHARE" as const, labor: 50, management: 50 };
    const labor = [1, 2, 3, 4, 5].map((i) => member("LABOR", i <= 2 ? "PRESENT" : "ABSENT"));
    const management = [1, 2].map(() => member("MANAGEMENT", "PRESENT"));
    const q = computeQuorum(share, [...labor, ...management]);
    expect(q.LABOR).toMatchObject({ voting: 5, present: 2, required: 3, met: false });
    expect(q.MANAGEMENT).toMatchObject({ voting: 2, present: 2, required: 1, met: true });
  });

  it("never meets a quorum that requires someone from a side with no voting members", () => {
    const q = computeQuorum(rule, [member("MANAGEMENT", "PRESENT"), member("MANAGEMENT", "PRESENT")]);
    expect(q.LABOR).toEqual({ voting: 0, present: 0, required: 2, met: false });
  });

  it("describes the rule in words", () => {
    expect(describeQuorumRule(rule)).toBe("At least 2 voting members present from the labor side and 2 voting members from the management side.");
    expect(describeQuorumRule({ mode: "SHARE", labor: 50, management: 60 })).toContain("50% of voting members");
    // In the reader's language when given their translate function (the catalogs' quorumRule.*).
    expect(describeQuorumRule({ mode: "COUNT", labor: 1, management: 3 }, serverWords("es").t)).toBe(
      "Deben estar presentes al menos 1 miembro con voto de la parte sindical y 3 miembros con voto de la parte del empleador.",
    );
  });
});

describe("approvalState", () => {
  const at = new Date();
  it("is complete only when both sides approved the same version", () => {
    const approvals = [
      { side: "LABOR", version: 1, userId: "a", createdAt: at },
      { side: "MANAGEMENT", version: 2, userId: "b", createdAt: at },
    ];
    expect(approvalState(2, approvals)).toEqual({ approvedSides: ["MANAGEMENT"], waitingFor: ["LABOR"], isComplete: false });
    expect(approvalState(1, [...approvals, { side: "MANAGEMENT", version: 1, userId: "b", createdAt: at }]).isComplete).toBe(true);
  });

  it("treats approvals of older versions as cleared", () => {
    expect(approvalState(3, [{ side: "LABOR", version: 2, userId: "a", createdAt: at }]).waitingFor).toEqual(["LABOR", "MANAGEMENT"]);
  });
});

describe("time boxes and caucus timers", () => {
  it("counts a time box down and past zero", () => {
    const start = new Date("2026-01-01T10:00:00Z");
    expect(secondsLeft(start, 10, new Date("2026-01-01T10:04:00Z"))).toBe(360);
    expect(secondsLeft(start, 10, new Date("2026-01-01T10:11:00Z"))).toBe(-60);
  });

  it("knows when a caucus is over", () => {
    const now = new Date("2026-01-01T10:00:00Z");
    expect(isCaucusActive({ caucusEndsAt: new Date("2026-01-01T10:05:00Z") }, now)).toBe(true);
    expect(isCaucusActive({ caucusEndsAt: new Date("2026-01-01T09:59:59Z") }, now)).toBe(false);
    expect(isCaucusActive({ caucusEndsAt: null }, now)).toBe(false);
  });
});

describe("meeting inputs", () => {
  it("refuses time boxes outside 1..480 minutes", () => {
    const base = { meetingId: "m", title: "Item", kind: "DISCUSSION" };
    expect(ProposeItemInputSchema.safeParse({ ...base, timeBoxMinutes: 0 }).success).toBe(false);
    expect(ProposeItemInputSchema.safeParse({ ...base, timeBoxMinutes: 481 }).success).toBe(false);
    expect(ProposeItemInputSchema.safeParse({ ...base, timeBoxMinutes: 480 }).success).toBe(true);
  });

  it("refuses links that are not http(s)", () => {
    const base = { meetingId: "m", title: "Item", kind: "DISCUSSION", timeBoxMinutes: 5 };
    expect(ProposeItemInputSchema.safeParse({ ...base, links: [{ label: "x", url: "javascript:alert(1)" }] }).success).toBe(false);
    expect(ProposeItemInputSchema.safeParse({ ...base, links: [{ label: "x", url: "https://example.org/a.pdf" }] }).success).toBe(true);
  });

  it("refuses unknown time zones and bad start times", () => {
    const base = { bodyId: "b", title: "M", startsAtLocal: "2026-12-03T09:30", timeZone: "America/Chicago", durationMinutes: 60 };
    expect(ScheduleMeetingInputSchema.safeParse(base).success).toBe(true);
    expect(ScheduleMeetingInputSchema.safeParse({ ...base, timeZone: "Mars/Olympus" }).success).toBe(false);
    expect(ScheduleMeetingInputSchema.safeParse({ ...base, startsAtLocal: "tomorrow" }).success).toBe(false);
    expect(ScheduleMeetingInputSchema.safeParse({ ...base, durationMinutes: 0 }).success).toBe(false);
  });
});

describe("meetings policy", () => {
  const seat = (role: "CO_CHAIR" | "MEMBER" | "OBSERVER" | "STAFF") =>
    ({ role, coChairSide: role === "CO_CHAIR" ? "LABOR" : null, isVoting: role === "CO_CHAIR" || role === "MEMBER" }) as const;
  const actor = (role: Parameters<typeof seat>[0], side: MeetingActor["side"] = "LABOR"): MeetingActor => ({ seat: seat(role), membershipId: `m-${role}`, side });
  const meeting = (status: string, overrides: Partial<MeetingState> = {}): MeetingState => ({
    status,
    minutesApprovedAt: null,
    noteTakerMembershipId: null,
    startedAt: null,
    startsAt: new Date("2026-12-03T15:00:00Z"),
    ...overrides,
  });

  it("refuses by role first (FORBIDDEN), then by the meeting's state (PRECONDITION_FAILED)", () => {
    expect(mayEditAgenda(actor("MEMBER"), meeting("ADJOURNED"))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(mayEditAgenda(actor("CO_CHAIR"), meeting("ADJOURNED"))).toEqual({ ok: false, code: "PRECONDITION_FAILED", message: "This meeting's agenda is closed." });
    expect(mayEditAgenda(actor("CO_CHAIR"), meeting("LIVE"))).toEqual({ ok: true });
    expect(() => allowOrThrow(mayEditAgenda(actor("STAFF"), meeting("SCHEDULED")))).toThrow("Only the co-chairs can do that.");
  });

  it("lets the note-taker write minutes until they are approved, and record decisions only in session", () => {
    const noteTaker = actor("MEMBER");
    const live = meeting("LIVE", { noteTakerMembershipId: noteTaker.membershipId });
    expect(mayWriteMinutes(noteTaker, live).ok).toBe(true);
    expect(mayWriteMinutes(actor("OBSERVER"), live)).toMatchObject({ code: "FORBIDDEN" });
    expect(mayRecordDecision(noteTaker, live).ok).toBe(true);
    expect(mayRecordDecision(noteTaker, { ...live, status: "ADJOURNED" })).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(mayWriteMinutes(noteTaker, { ...live, status: "ADJOURNED", minutesApprovedAt: new Date() })).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "These minutes are approved and can no longer change.",
    });
    expect(mayWriteMinutes(noteTaker, meeting("SCHEDULED", { noteTakerMembershipId: noteTaker.membershipId }))).toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("keeps attendance while the minutes are open, never for a cancelled meeting", () => {
    expect(mayMarkAttendance(actor("CO_CHAIR"), meeting("SCHEDULED")).ok).toBe(true);
    expect(mayMarkAttendance(actor("CO_CHAIR"), meeting("ADJOURNED")).ok).toBe(true);
    expect(mayMarkAttendance(actor("CO_CHAIR"), meeting("CANCELLED"))).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(mayMarkAttendance(actor("CO_CHAIR"), meeting("ADJOURNED", { minutesApprovedAt: new Date() }))).toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("counts a self check-in as late ten minutes after the start, only in session", () => {
    const startedAt = new Date("2026-12-03T15:00:00Z");
    const at = (minutes: number) => new Date(startedAt.getTime() + minutes * 60_000);
    expect(checkInStatus(meeting("LIVE", { startedAt }), at(10))).toBe("PRESENT");
    expect(checkInStatus(meeting("LIVE", { startedAt }), at(11))).toBe("LATE");
    expect(checkInStatus(meeting("SCHEDULED"), at(60))).toBe("PRESENT");
  });

  it("keeps neutral members and observers out of writing in a caucus", () => {
    expect(mayCreateStrawPoll(actor("MEMBER", "NEUTRAL"), meeting("LIVE"))).toMatchObject({ code: "FORBIDDEN" });
    expect(mayCreateStrawPoll(actor("OBSERVER"), meeting("LIVE"))).toMatchObject({ code: "FORBIDDEN" });
    expect(mayCreateStrawPoll(actor("MEMBER", "MANAGEMENT"), meeting("SCHEDULED"))).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(mayCreateStrawPoll(actor("MEMBER", "MANAGEMENT"), meeting("LIVE")).ok).toBe(true);
  });

  it("lets an action item's owner or a co-chair change it", () => {
    expect(mayChangeAction(actor("MEMBER"), { ownerMembershipId: "m-MEMBER" }).ok).toBe(true);
    expect(mayChangeAction(actor("CO_CHAIR"), { ownerMembershipId: "someone" }).ok).toBe(true);
    expect(mayChangeAction(actor("STAFF"), { ownerMembershipId: "someone" })).toMatchObject({ code: "FORBIDDEN" });
  });

  it("shows exactly the buttons the guards allow", () => {
    const cases = [
      ["SCHEDULED", null],
      ["LIVE", null],
      ["ADJOURNED", null],
      ["ADJOURNED", new Date()],
      ["CANCELLED", null],
    ] as const;
    for (const role of ["CO_CHAIR", "MEMBER", "OBSERVER", "STAFF"] as const) {
      for (const [status, approvedAt] of cases) {
        const who = actor(role);
        const m = meeting(status, { minutesApprovedAt: approvedAt });
        const flags = viewerFlags(who, m);
        expect(flags.canEditAgenda, `${role} ${status}`).toBe(mayEditAgenda(who, m).ok);
        expect(flags.canMarkAttendance).toBe(mayMarkAttendance(who, m).ok);
        expect(flags.canEditMinutes).toBe(mayWriteMinutes(who, m).ok);
        expect(flags.canRecordDecision).toBe(mayRecordDecision(who, m).ok);
        expect(flags.canApproveMinutes).toBe(mayApproveMinutes(who, m).ok && approvedAt === null);
      }
    }
  });
});
