// The pure rules of voting: counting per side, every decision rule at its edges (ties, abstentions,
// a side that did not vote, quorum), the deadlock of a dual majority that fails for lack of one side's
// majority (split, tie, abstention, absence), the unit rule, pooled rules, and the motion's life.
import { describe, expect, it } from "vitest";
import type { SeatFacts } from "../../server/access/access.rules.js";
import { computeQuorum } from "../../server/domains/meetings/meetings.rules.js";
import {
  amendRefusal,
  ballotRefusal,
  canVote,
  closeRefusal,
  isVotingSeat,
  moveRefusal,
  openRefusal,
  ruleRefusal,
  secondRefusal,
  settleDeadlockRefusal,
  tableRefusal,
  withdrawRefusal,
} from "../../server/domains/voting/voting.policy.js";
import {
  asUnits,
  canMove,
  castCount,
  CHOICES,
  decide,
  emptyTally,
  isPooledRule,
  POOLED_RULES,
  reasonInEnglish,
  RULE_EXPLANATIONS,
  RULE_LABELS,
  tallyOf,
  type Choice,
  type DecisionRule,
  type MotionStatus,
  type Tally,
  unitVote,
} from "../../server/domains/voting/voting.rules.js";

type SideCounts = Partial<Record<Choice, number>>;
const QUORUM = { required: true, met: true };
const NO_QUORUM_NEEDED = { required: false, met: false };

/** A tally from per-side counts, built through tallyOf as the service does. */
function tally(sides: { LABOR?: SideCounts; MANAGEMENT?: SideCounts; NEUTRAL?: SideCounts }): Tally {
  const rows = Object.entries(sides).flatMap(([side, counts]) =>
    Object.entries(counts ?? {}).map(([choice, count]) => ({ side, choice, count })),
  );
  return tallyOf(rows);
}

const RULES = Object.keys(RULE_LABELS) as DecisionRule[];

describe("tallyOf", () => {
  it("counts one ballot per row per side, and the total across sides", () => {
    const t = tallyOf([
      { side: "LABOR", choice: "YES" },
      { side: "LABOR", choice: "YES" },
      { side: "LABOR", choice: "NO" },
      { side: "MANAGEMENT", choice: "ABSTAIN" },
      { side: "MANAGEMENT", choice: "NO" },
      { side: "NEUTRAL", choice: "YES" },
    ]);
    expect(t).toEqual({
      LABOR: { YES: 2, NO: 1, ABSTAIN: 0 },
      MANAGEMENT: { YES: 0, NO: 1, ABSTAIN: 1 },
      NEUTRAL: { YES: 1, NO: 0, ABSTAIN: 0 },
      total: { YES: 3, NO: 2, ABSTAIN: 1 },
    });
  });

  it("adds grouped counts (a secret ballot's counters, a roll call's groupBy)", () => {
    const t = tallyOf([
      { side: "LABOR", choice: "YES", count: 5 },
      { side: "MANAGEMENT", choice: "YES", count: 2 },
      { side: "MANAGEMENT", choice: "NO", count: 3 },
      { side: "LABOR", choice: "ABSTAIN", count: 0 },
    ]);
    expect(t.LABOR).toEqual({ YES: 5, NO: 0, ABSTAIN: 0 });
    expect(t.MANAGEMENT).toEqual({ YES: 2, NO: 3, ABSTAIN: 0 });
    expect(t.total).toEqual({ YES: 7, NO: 3, ABSTAIN: 0 });
    expect(castCount(t.total)).toBe(10);
  });

  it("files a ballot with an unknown side under NEUTRAL, never under a co-chair side", () => {
    const t = tallyOf([{ side: "SOMETHING", choice: "NO" }]);
    expect(t.NEUTRAL.NO).toBe(1);
    expect(t.LABOR.NO + t.MANAGEMENT.NO).toBe(0);
    expect(t.total.NO).toBe(1);
  });

  it("gives an empty tally for no ballots, and fresh objects each time", () => {
    expect(tallyOf([])).toEqual(emptyTally());
    const a = emptyTally();
    a.LABOR.YES = 9;
    expect(emptyTally().LABOR.YES).toBe(0);
  });
});

describe("quorum", () => {
  it.each(RULES)("%s: a required quorum that did not hold makes the vote NO_QUORUM, whatever the counts", (rule) => {
    const unanimousYes = tally({ LABOR: { YES: 3 }, MANAGEMENT: { YES: 3 } });
    expect(decide(rule, unanimousYes, { required: true, met: false }).outcome).toBe("NO_QUORUM");
  });

  it("is ignored when the vote does not require it", () => {
    const t = tally({ LABOR: { YES: 1 } });
    expect(decide("SIMPLE_MAJORITY", t, NO_QUORUM_NEEDED).outcome).toBe("PASSED");
  });

  it("met on one side only is not met: NO_QUORUM when required", () => {
    const rule = { mode: "COUNT" as const, labor: 2, management: 2 };
    const quorum = computeQuorum(rule, [
      { side: "LABOR", attendance: "PRESENT" },
      { side: "LABOR", attendance: "LATE" },
      { side: "MANAGEMENT", attendance: "PRESENT" },
      { side: "MANAGEMENT", attendance: "ABSENT" },
    ]);
    expect(quorum.LABOR.met).toBe(true);
    expect(quorum.MANAGEMENT.met).toBe(false);
    expect(quorum.met).toBe(false);
    const t = tally({ LABOR: { YES: 2 }, MANAGEMENT: { YES: 1 } });
    expect(decide("DUAL_MAJORITY", t, { required: true, met: quorum.met })).toMatchObject({
      outcome: "NO_QUORUM",
      reason: "The per-side quorum did not hold, so the vote is not valid.",
    });
    // The same counts decide normally once both sides have their quorum.
    expect(decide("DUAL_MAJORITY", t, QUORUM).outcome).toBe("PASSED");
  });
});

describe("simple majority", () => {
  it("passes with more yes than no, abstentions aside", () => {
    expect(decide("SIMPLE_MAJORITY", tally({ LABOR: { YES: 2, ABSTAIN: 3 }, MANAGEMENT: { NO: 1 } }), QUORUM)).toMatchObject({
      outcome: "PASSED",
      reason: "2 yes to 1 no.",
    });
  });

  it("fails a tie", () => {
    expect(decide("SIMPLE_MAJORITY", tally({ LABOR: { YES: 2 }, MANAGEMENT: { NO: 2 } }), QUORUM)).toMatchObject({
      outcome: "FAILED",
      reason: "Tied 2 to 2: a tie fails.",
    });
  });

  it("fails when everyone abstains (0 to 0 is a tie), and when nobody voted", () => {
    expect(decide("SIMPLE_MAJORITY", tally({ LABOR: { ABSTAIN: 2 }, MANAGEMENT: { ABSTAIN: 2 } }), QUORUM).outcome).toBe("FAILED");
    expect(decide("SIMPLE_MAJORITY", emptyTally(), QUORUM).outcome).toBe("FAILED");
  });

  it("fails with more no than yes", () => {
    expect(decide("SIMPLE_MAJORITY", tally({ LABOR: { YES: 1 }, MANAGEMENT: { NO: 2 } }), QUORUM)).toMatchObject({ outcome: "FAILED", reason: "1 yes to 2 no." });
  });

  it("counts every side's votes, so one side alone can carry it (no labor votes)", () => {
    expect(decide("SIMPLE_MAJORITY", tally({ MANAGEMENT: { YES: 3, NO: 1 } }), QUORUM).outcome).toBe("PASSED");
  });
});

describe("two-thirds", () => {
  it.each([
    [{ YES: 2, NO: 1 }, "PASSED"],
    [{ YES: 1, NO: 1 }, "FAILED"],
    [{ YES: 4, NO: 2 }, "PASSED"],
    [{ YES: 3, NO: 2 }, "FAILED"],
    [{ YES: 1, NO: 0 }, "PASSED"],
    [{ YES: 0, NO: 1 }, "FAILED"],
  ] as const)("%o → %s", (counts, outcome) => {
    expect(decide("TWO_THIRDS", tally({ LABOR: counts }), QUORUM).outcome).toBe(outcome);
  });

  it("leaves abstentions out of the base (2 yes, 1 no, 5 abstain passes)", () => {
    expect(decide("TWO_THIRDS", tally({ LABOR: { YES: 2, ABSTAIN: 5 }, MANAGEMENT: { NO: 1 } }), QUORUM)).toMatchObject({
      outcome: "PASSED",
      reason: "2 of 3 yes-or-no votes were yes; two-thirds needed.",
    });
  });

  it("fails when everyone abstains (no yes-or-no votes)", () => {
    expect(decide("TWO_THIRDS", tally({ LABOR: { ABSTAIN: 3 } }), QUORUM).outcome).toBe("FAILED");
  });
});

describe("unanimous", () => {
  it("passes with abstentions when nobody votes no", () => {
    expect(decide("UNANIMOUS", tally({ LABOR: { YES: 2, ABSTAIN: 1 }, MANAGEMENT: { YES: 2, ABSTAIN: 1 } }), QUORUM)).toMatchObject({
      outcome: "PASSED",
      reason: "All 4 yes votes, no one against; 2 abstained.",
    });
  });

  it("fails with a single no", () => {
    expect(decide("UNANIMOUS", tally({ LABOR: { YES: 5 }, MANAGEMENT: { YES: 4, NO: 1 } }), QUORUM)).toMatchObject({ outcome: "FAILED", reason: "1 voted no." });
  });

  it("fails when everyone abstains (nobody voted yes)", () => {
    expect(decide("UNANIMOUS", tally({ LABOR: { ABSTAIN: 2 }, MANAGEMENT: { ABSTAIN: 2 } }), QUORUM)).toMatchObject({ outcome: "FAILED", reason: "Nobody voted yes." });
  });
});

describe("consensus", () => {
  it("passes when nobody blocks, standing aside included", () => {
    expect(decide("CONSENSUS", tally({ LABOR: { YES: 2 }, MANAGEMENT: { YES: 1, ABSTAIN: 1 } }), QUORUM)).toMatchObject({ outcome: "PASSED", reason: "No one blocked." });
  });

  it("fails with one block, and names how many blocked", () => {
    expect(decide("CONSENSUS", tally({ LABOR: { YES: 5 }, MANAGEMENT: { YES: 4, NO: 1 } }), QUORUM)).toMatchObject({
      outcome: "FAILED",
      reason: "Blocked by 1 member.",
    });
    expect(decide("CONSENSUS", tally({ LABOR: { NO: 1 }, MANAGEMENT: { NO: 1 } }), QUORUM).reason).toBe("Blocked by 2 members.");
  });

  it("fails when nobody took part", () => {
    expect(decide("CONSENSUS", emptyTally(), QUORUM)).toMatchObject({ outcome: "FAILED", reason: "No one took part." });
  });

  it("passes when everyone stands aside (abstentions are not blocks)", () => {
    expect(decide("CONSENSUS", tally({ LABOR: { ABSTAIN: 2 }, MANAGEMENT: { ABSTAIN: 2 } }), QUORUM).outcome).toBe("PASSED");
  });
});

describe("dual majority", () => {
  it("passes when a majority of each side votes yes", () => {
    expect(decide("DUAL_MAJORITY", tally({ LABOR: { YES: 2, NO: 1 }, MANAGEMENT: { YES: 3, ABSTAIN: 4 } }), QUORUM)).toMatchObject({
      outcome: "PASSED",
      reason: "A majority of each side voted yes. Labor 2–1, management 3–0.",
    });
  });

  it("is DEADLOCKED when labor is for and management against", () => {
    expect(decide("DUAL_MAJORITY", tally({ LABOR: { YES: 3 }, MANAGEMENT: { NO: 2, YES: 1 } }), QUORUM)).toMatchObject({
      outcome: "DEADLOCKED",
      reason: "Deadlocked: a majority of labor voted yes, and management voted against. Labor 3–0, management 1–2.",
    });
  });

  it("is DEADLOCKED the other way round too (management for, labor against)", () => {
    expect(decide("DUAL_MAJORITY", tally({ LABOR: { NO: 2 }, MANAGEMENT: { YES: 2 } }), QUORUM).outcome).toBe("DEADLOCKED");
  });

  it("is DEADLOCKED when one side is for and the other is tied: it failed for lack of that side's majority", () => {
    expect(decide("DUAL_MAJORITY", tally({ LABOR: { YES: 2 }, MANAGEMENT: { YES: 1, NO: 1 } }), QUORUM)).toMatchObject({
      outcome: "DEADLOCKED",
      reason: "Deadlocked: a majority of labor voted yes, and management was tied. Labor 2–0, management 1–1.",
    });
  });

  it("is DEADLOCKED when one side only abstains", () => {
    expect(decide("DUAL_MAJORITY", tally({ LABOR: { ABSTAIN: 3 }, MANAGEMENT: { YES: 3 } }), QUORUM)).toMatchObject({
      outcome: "DEADLOCKED",
      reason: "Deadlocked: a majority of management voted yes, and labor only abstained. Labor 0–0, management 3–0.",
    });
  });

  it("is DEADLOCKED when one side did not vote at all (no quorum needed), even if the other is unanimous", () => {
    expect(decide("DUAL_MAJORITY", tally({ MANAGEMENT: { YES: 4 } }), NO_QUORUM_NEEDED)).toMatchObject({
      outcome: "DEADLOCKED",
      reason: "Deadlocked: a majority of management voted yes, and labor did not vote. Labor 0–0, management 4–0.",
    });
  });

  it("fails, not deadlocks, when both sides are against: the body as a whole said no", () => {
    expect(decide("DUAL_MAJORITY", tally({ LABOR: { NO: 2 }, MANAGEMENT: { NO: 2 } }), QUORUM)).toMatchObject({
      outcome: "FAILED",
      reason: "Neither side had a majority for it. Labor 0–2, management 0–2.",
    });
  });

  it("fails when neither side carries it, tied or abstaining", () => {
    expect(decide("DUAL_MAJORITY", tally({ LABOR: { YES: 1, NO: 1 }, MANAGEMENT: { ABSTAIN: 2 } }), QUORUM).outcome).toBe("FAILED");
    expect(decide("DUAL_MAJORITY", tally({ LABOR: { NO: 3 }, MANAGEMENT: { YES: 1, NO: 1 } }), QUORUM).outcome).toBe("FAILED");
  });

  it("is NO_QUORUM, not deadlocked, when a required quorum did not hold", () => {
    expect(decide("DUAL_MAJORITY", tally({ MANAGEMENT: { YES: 4 } }), { required: true, met: false }).outcome).toBe("NO_QUORUM");
  });

  it("ignores neutral votes: they cannot make or break either side's majority", () => {
    const withNeutrals = tally({ LABOR: { YES: 1 }, MANAGEMENT: { YES: 1 }, NEUTRAL: { NO: 10 } });
    expect(decide("DUAL_MAJORITY", withNeutrals, QUORUM).outcome).toBe("PASSED");
    // …whereas a rule on the totals counts them.
    expect(decide("SIMPLE_MAJORITY", withNeutrals, QUORUM).outcome).toBe("FAILED");
  });
});

describe("the unit rule", () => {
  it("reduces each side to one vote, its majority's (a tied side casts none), and leaves neutral votes alone", () => {
    expect(asUnits(tally({ LABOR: { YES: 3, NO: 2 }, MANAGEMENT: { YES: 1, NO: 1, ABSTAIN: 1 }, NEUTRAL: { NO: 2 } }))).toEqual({
      LABOR: { YES: 1, NO: 0, ABSTAIN: 0 },
      MANAGEMENT: { YES: 0, NO: 0, ABSTAIN: 1 },
      NEUTRAL: { YES: 0, NO: 2, ABSTAIN: 0 },
      total: { YES: 1, NO: 2, ABSTAIN: 1 },
    });
    expect(unitVote({ YES: 0, NO: 0, ABSTAIN: 0 })).toBeNull();
  });

  it("decides dual majority as without it, and says how each side voted as a unit", () => {
    const t = tally({ LABOR: { YES: 2, NO: 1 }, MANAGEMENT: { YES: 1, NO: 1 } });
    const decision = decide("DUAL_MAJORITY", t, QUORUM, { unitRule: true });
    expect(decision.outcome).toBe("DEADLOCKED");
    expect(decision.reason).toMatch(/Unit rule: labor 2–1 votes yes as a unit; management 1–1 casts no unit vote/);
  });

  it("lets only a side's majority block a consensus, not one member of it", () => {
    const t = tally({ LABOR: { YES: 3, NO: 1 }, MANAGEMENT: { YES: 2 } });
    expect(decide("CONSENSUS", t, QUORUM).outcome).toBe("FAILED");
    expect(decide("CONSENSUS", t, QUORUM, { unitRule: true }).outcome).toBe("PASSED");
    expect(decide("CONSENSUS", tally({ LABOR: { YES: 1, NO: 3 }, MANAGEMENT: { YES: 2 } }), QUORUM, { unitRule: true }).outcome).toBe("FAILED");
  });
});

describe("pooled rules", () => {
  it("are the rules that count all voters together, refused where a body has equal representation", () => {
    expect(POOLED_RULES).toEqual(["SIMPLE_MAJORITY", "TWO_THIRDS", "UNANIMOUS"]);
    expect(isPooledRule("DUAL_MAJORITY")).toBe(false);
    expect(isPooledRule("CONSENSUS")).toBe(false);
    expect(ruleRefusal({ rule: "SIMPLE_MAJORITY", equalRepresentation: true })).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { rule: [expect.any(String)] } });
    expect(ruleRefusal({ rule: "SIMPLE_MAJORITY", equalRepresentation: false })).toBeNull();
    expect(ruleRefusal({ rule: "DUAL_MAJORITY", equalRepresentation: true })).toBeNull();
  });
});

describe("every rule", () => {
  it.each(RULES)("%s has a label and an explanation for voters", (rule) => {
    expect(RULE_LABELS[rule]).toBeTruthy();
    expect(RULE_EXPLANATIONS[rule]).toBeTruthy();
  });

  it.each(RULES)("%s fails an empty vote (nobody voted)", (rule) => {
    expect(decide(rule, emptyTally(), NO_QUORUM_NEEDED).outcome).toBe("FAILED");
  });

  it("offers exactly yes, no and abstain", () => {
    expect([...CHOICES]).toEqual(["YES", "NO", "ABSTAIN"]);
  });
});

describe("canMove: the motion's life", () => {
  const ALLOWED: Record<MotionStatus, MotionStatus[]> = {
    MOVED: ["SECONDED", "WITHDRAWN", "TABLED"],
    SECONDED: ["OPEN", "WITHDRAWN", "TABLED"],
    OPEN: ["CLOSED"],
    CLOSED: [],
    WITHDRAWN: [],
    TABLED: ["MOVED"],
  };
  const STATUSES = Object.keys(ALLOWED) as MotionStatus[];
  const pairs = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to, ALLOWED[from].includes(to)] as const));

  it.each(pairs)("%s → %s allowed: %s", (from, to, allowed) => {
    expect(canMove(from, to)).toBe(allowed);
  });

  it("never opens a vote without a second, and never reopens or withdraws one that opened", () => {
    expect(canMove("MOVED", "OPEN")).toBe(false);
    expect(canMove("CLOSED", "OPEN")).toBe(false);
    expect(canMove("OPEN", "WITHDRAWN")).toBe(false);
    expect(canMove("OPEN", "TABLED")).toBe(false);
  });
});

// ─── voting.policy.ts: who may do what (the page's flags and the use cases' guards) ─────────────

describe("policy", () => {
  const seat = (role: SeatFacts["role"], isVoting = true): SeatFacts => ({ role, coChairSide: role === "CO_CHAIR" ? "LABOR" : null, isVoting });
  const member = seat("MEMBER");
  const chair = seat("CO_CHAIR");

  it("only voting co-chairs and members move, second and vote; observers, staff and advisory members do not", () => {
    expect([member, chair].map(isVotingSeat)).toEqual([true, true]);
    expect([seat("OBSERVER"), seat("STAFF"), seat("MEMBER", false)].map(isVotingSeat)).toEqual([false, false, false]);
    expect(moveRefusal(seat("OBSERVER"))).toMatchObject({ code: "FORBIDDEN" });
    expect(moveRefusal(member)).toBeNull();
  });

  it("a second: a voting member other than the mover, from the other side when the body says so, while the motion waits", () => {
    const facts = { seat: member, status: "MOVED" as const, isMover: false, viewerSide: "MANAGEMENT" as const, moverSide: "LABOR" as const, secondFromOtherSide: true };
    expect(secondRefusal(facts)).toBeNull();
    expect(secondRefusal({ ...facts, seat: seat("OBSERVER") })).toMatchObject({ code: "FORBIDDEN" });
    expect(secondRefusal({ ...facts, isMover: true })).toMatchObject({ code: "BAD_REQUEST", message: "The mover cannot second their own motion." });
    expect(secondRefusal({ ...facts, viewerSide: "LABOR" })).toMatchObject({ code: "PRECONDITION_FAILED", message: "In this body the second must come from the other side." });
    expect(secondRefusal({ ...facts, viewerSide: "LABOR", secondFromOtherSide: false })).toBeNull();
    // A neutral mover, or one who has left: no "other side" to second from.
    expect(secondRefusal({ ...facts, moverSide: "NEUTRAL" })).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(secondRefusal({ ...facts, moverSide: null })).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(secondRefusal({ ...facts, status: "SECONDED" })).toMatchObject({ code: "PRECONDITION_FAILED", message: "This motion is not waiting for a second." });
  });

  it("amending, withdrawing and tabling only before the vote opens, by the right person", () => {
    expect(amendRefusal({ seat: member, status: "OPEN", isMover: true, friendly: true })).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(amendRefusal({ seat: member, status: "SECONDED", isMover: false, friendly: true })).toMatchObject({ code: "FORBIDDEN" });
    expect(amendRefusal({ seat: seat("OBSERVER"), status: "MOVED", isMover: false, friendly: false })).toMatchObject({ code: "FORBIDDEN" });
    expect(amendRefusal({ seat: member, status: "MOVED", isMover: false, friendly: false })).toBeNull();
    expect(withdrawRefusal({ status: "SECONDED", isMover: false })).toMatchObject({ code: "FORBIDDEN" });
    expect(withdrawRefusal({ status: "OPEN", isMover: true })).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(withdrawRefusal({ status: "MOVED", isMover: true })).toBeNull();
    expect(tableRefusal({ seat: member, status: "MOVED" })).toMatchObject({ code: "FORBIDDEN" });
    expect(tableRefusal({ seat: chair, status: "CLOSED" })).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(tableRefusal({ seat: chair, status: "SECONDED" })).toBeNull();
  });

  it("opening: a co-chair, a seconded motion, a deadline ahead (needed between meetings); closing: a co-chair, an open vote", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const later = new Date("2026-12-02T10:00:00Z");
    const facts = { seat: chair, status: "SECONDED" as const, atMeeting: false, deadline: later, now };
    expect(openRefusal(facts)).toBeNull();
    expect(openRefusal({ ...facts, seat: member })).toMatchObject({ code: "FORBIDDEN" });
    expect(openRefusal({ ...facts, status: "MOVED" })).toMatchObject({ message: "A motion needs a second before the vote opens." });
    expect(openRefusal({ ...facts, deadline: null })).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { deadline: ["Set a deadline."] } });
    expect(openRefusal({ ...facts, deadline: null, atMeeting: true })).toBeNull();
    expect(openRefusal({ ...facts, deadline: now })).toMatchObject({ fieldErrors: { deadline: ["The deadline must be in the future."] } });
    expect(closeRefusal({ seat: chair, status: "OPEN" })).toBeNull();
    expect(closeRefusal({ seat: member, status: "OPEN" })).toMatchObject({ code: "FORBIDDEN" });
    expect(closeRefusal({ seat: chair, status: "CLOSED" })).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(settleDeadlockRefusal({ seat: chair, outcome: "PASSED", how: "revote" })).toMatchObject({ message: "Only a deadlocked vote is taken again this way." });
    expect(settleDeadlockRefusal({ seat: chair, outcome: "DEADLOCKED", how: "resolve" })).toBeNull();
  });

  describe("ballots", () => {
    const open = { isSeated: true, isOnRoll: true, isOpen: true, deadlinePassed: false, secret: false, allowVoteChange: true, standing: null, choice: "YES" as const };

    it("answers NOT_FOUND to someone not on the body, FORBIDDEN to someone seated but not on the roll", () => {
      expect(ballotRefusal({ ...open, isSeated: false, isOnRoll: false })).toMatchObject({ code: "NOT_FOUND", message: "Motion was not found." });
      expect(ballotRefusal({ ...open, isOnRoll: false })).toMatchObject({ code: "FORBIDDEN" });
      // An alternate on the roll need not hold a seat of their own.
      expect(ballotRefusal({ ...open, isSeated: false })).toBeNull();
    });

    it("refuses a vote that is not open, or past its deadline", () => {
      expect(ballotRefusal({ ...open, isOpen: false })).toMatchObject({ code: "PRECONDITION_FAILED", message: "This vote is not open." });
      expect(ballotRefusal({ ...open, deadlinePassed: true })).toMatchObject({ code: "PRECONDITION_FAILED", message: "The deadline for this vote has passed." });
    });

    it("a roll call: the same choice again is fine, a change needs the body's leave; a secret ballot never changes", () => {
      expect(ballotRefusal({ ...open, standing: "YES", allowVoteChange: false })).toBeNull();
      expect(ballotRefusal({ ...open, standing: "NO", allowVoteChange: false })).toMatchObject({ code: "CONFLICT" });
      expect(ballotRefusal({ ...open, standing: "NO" })).toBeNull();
      expect(ballotRefusal({ ...open, secret: true, standing: "" })).toMatchObject({ code: "CONFLICT" });
      expect(ballotRefusal({ ...open, secret: true })).toBeNull();
    });

    it("the page offers the ballot exactly when some choice could be cast", () => {
      const { choice: _choice, ...viewer } = open;
      expect(canVote(viewer)).toBe(true);
      expect(canVote({ ...viewer, standing: "YES" })).toBe(true);
      expect(canVote({ ...viewer, standing: "YES", allowVoteChange: false })).toBe(false);
      expect(canVote({ ...viewer, secret: true, standing: "" })).toBe(false);
      expect(canVote({ ...viewer, isOnRoll: false })).toBe(false);
      expect(canVote({ ...viewer, deadlinePassed: true })).toBe(false);
    });
  });
});

describe("a decision's reason as codes", () => {
  it("says in codes and values what its English reason says, the unit rule included", () => {
    const t = tally({ LABOR: { YES: 3, NO: 1 }, MANAGEMENT: { YES: 2, NO: 2 } });
    const decision = decide("DUAL_MAJORITY", t, QUORUM, { unitRule: true });
    expect(decision.why).toEqual([
      { code: "deadlocked", values: { laborYes: 1, laborNo: 0, managementYes: 0, managementNo: 0, carried: "LABOR", why: "ABSTAINED" } },
      { code: "unitRule", values: { laborYes: 3, laborNo: 1, managementYes: 2, managementNo: 2, laborUnit: "YES", managementUnit: "NONE" } },
    ]);
    expect(decision.why.map(reasonInEnglish).join(" ")).toBe(decision.reason);
    expect(decision.reason).toBe(
      "Deadlocked: a majority of labor voted yes, and management only abstained. Labor 1–0, management 0–0. (Unit rule: labor 3–1 votes yes as a unit; management 2–2 casts no unit vote.)",
    );
  });
});
