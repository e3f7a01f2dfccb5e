// Pure rules of voting: tallies, the decision rules (including the dual majority that labor-management
// bodies use), deadlock, and the motion's life. No I/O; unit-tested; shared with the browser.

export const CHOICES = ["YES", "NO", "ABSTAIN"] as const;
export type Choice = (typeof CHOICES)[number];
export type VoteSide = "LABOR" | "MANAGEMENT" | "NEUTRAL";
export type DecisionRule = "SIMPLE_MAJORITY" | "TWO_THIRDS" | "UNANIMOUS" | "CONSENSUS" | "DUAL_MAJORITY";
export type Outcome = "PASSED" | "FAILED" | "DEADLOCKED" | "NO_QUORUM";

export type Counts = Record<Choice, number>;
export type Tally = { LABOR: Counts; MANAGEMENT: Counts; NEUTRAL: Counts; total: Counts };

export const RULE_LABELS: Record<DecisionRule, string> = {
  SIMPLE_MAJORITY: "Simple majority",
  TWO_THIRDS: "Two-thirds majority",
  UNANIMOUS: "Unanimous",
  CONSENSUS: "Consensus",
  DUAL_MAJORITY: "Dual majority (each side)",
};

/** How each rule decides, and what it does with abstentions (shown to voters beside the ballot). */
export const RULE_EXPLANATIONS: Record<DecisionRule, string> = {
  SIMPLE_MAJORITY: "Passes when more members vote yes than no. Abstentions count as present but not as yes or no.",
  TWO_THIRDS: "Passes when at least two-thirds of the yes and no votes are yes. Abstentions count as present but not as yes or no.",
  UNANIMOUS: "Passes when at least one member votes yes and nobody votes no. Abstentions do not break unanimity.",
  CONSENSUS: "Passes unless a voting member blocks (votes no). Abstaining means standing aside, not blocking.",
  DUAL_MAJORITY:
    "Passes only when a majority of the labor side AND a majority of the management side vote yes. Abstentions count as present but not as yes or no. If one side is for and the other is not (against, tied, abstaining or absent), the vote is deadlocked and the body's deadlock procedure follows.",
};

/** Rules that count every voter together: refused for motions of a body with equal representation. */
export const POOLED_RULES: readonly DecisionRule[] = ["SIMPLE_MAJORITY", "TWO_THIRDS", "UNANIMOUS"];
export const isPooledRule = (rule: DecisionRule) => POOLED_RULES.includes(rule);

export const emptyCounts = (): Counts => ({ YES: 0, NO: 0, ABSTAIN: 0 });
export const emptyTally = (): Tally => ({ LABOR: emptyCounts(), MANAGEMENT: emptyCounts(), NEUTRAL: emptyCounts(), total: emptyCounts() });

export function tallyOf(ballots: Array<{ side: string; choice: string; count?: number }>): Tally {
  const tally = emptyTally();
  for (const b of ballots) {
    const side = (b.side in tally ? b.side : "NEUTRAL") as VoteSide;
    const choice = b.choice as Choice;
    const n = b.count ?? 1;
    tally[side][choice] += n;
    tally.total[choice] += n;
  }
  return tally;
}

export const castCount = (c: Counts) => c.YES + c.NO + c.ABSTAIN;
const majorityFor = (c: Counts) => c.YES > c.NO;
const majorityAgainst = (c: Counts) => c.NO > c.YES;

export type Decision = { outcome: Outcome; reason: string };

/** How one side votes as a unit: its majority's choice, or no vote at all when it is tied or did not vote yes or no. */
export function unitVote(c: Counts): Choice | null {
  if (majorityFor(c)) return "YES";
  if (majorityAgainst(c)) return "NO";
  return null;
}

/**
 * The tally with the labor and the management side each reduced to one vote, its majority's (the unit
 * rule); a side without a majority casts none. Neutral votes stay as they are.
 */
export function asUnits(tally: Tally): Tally {
  const unit = (c: Counts): Counts => {
    const vote = unitVote(c);
    return { YES: vote === "YES" ? 1 : 0, NO: vote === "NO" ? 1 : 0, ABSTAIN: vote === null && castCount(c) > 0 ? 1 : 0 };
  };
  const LABOR = unit(tally.LABOR);
  const MANAGEMENT = unit(tally.MANAGEMENT);
  const NEUTRAL = { ...tally.NEUTRAL };
  const total = { YES: LABOR.YES + MANAGEMENT.YES + NEUTRAL.YES, NO: LABOR.NO + MANAGEMENT.NO + NEUTRAL.NO, ABSTAIN: LABOR.ABSTAIN + MANAGEMENT.ABSTAIN + NEUTRAL.ABSTAIN };
  return { LABOR, MANAGEMENT, NEUTRAL, total };
}

/**
 * Applies the rule to a closed vote. When the vote requires a quorum and it did not hold, the vote is
 * invalid (NO_QUORUM) whatever the counts. Under the unit rule each side's majority casts that side's
 * one vote (`asUnits`), and the rule is applied to those votes.
 */
export function decide(rule: DecisionRule, tally: Tally, quorum: { required: boolean; met: boolean }, options: { unitRule?: boolean } = {}): Decision {
  if (quorum.required && !quorum.met) return { outcome: "NO_QUORUM", reason: "The per-side quorum did not hold, so the vote is not valid." };
  if (options.unitRule) {
    const decision = decide(rule, asUnits(tally), quorum);
    const side = (name: string, c: Counts) => `${name} ${c.YES}–${c.NO}${unitVote(c) ? ` votes ${unitVote(c) === "YES" ? "yes" : "no"} as a unit` : " casts no unit vote"}`;
    return { ...decision, reason: `${decision.reason} (Unit rule: ${side("labor", tally.LABOR)}; ${side("management", tally.MANAGEMENT)}.)` };
  }
  const t = tally.total;
  switch (rule) {
    case "SIMPLE_MAJORITY":
      return majorityFor(t)
        ? { outcome: "PASSED", reason: `${t.YES} yes to ${t.NO} no.` }
        : { outcome: "FAILED", reason: t.YES === t.NO ? `Tied ${t.YES} to ${t.NO}: a tie fails.` : `${t.YES} yes to ${t.NO} no.` };
    case "TWO_THIRDS": {
      const decided = t.YES + t.NO;
      const passed = decided > 0 && t.YES * 3 >= decided * 2;
      return { outcome: passed ? "PASSED" : "FAILED", reason: `${t.YES} of ${decided} yes-or-no votes were yes; two-thirds needed.` };
    }
    case "UNANIMOUS":
      if (t.NO > 0) return { outcome: "FAILED", reason: `${t.NO} voted no.` };
      if (t.YES === 0) return { outcome: "FAILED", reason: "Nobody voted yes." };
      return { outcome: "PASSED", reason: `All ${t.YES} yes votes, no one against${t.ABSTAIN ? `; ${t.ABSTAIN} abstained` : ""}.` };
    case "CONSENSUS":
      if (t.NO > 0) return { outcome: "FAILED", reason: `Blocked by ${t.NO} member${t.NO === 1 ? "" : "s"}.` };
      if (castCount(t) === 0) return { outcome: "FAILED", reason: "No one took part." };
      return { outcome: "PASSED", reason: "No one blocked." };
    case "DUAL_MAJORITY": {
      const labor = tally.LABOR;
      const management = tally.MANAGEMENT;
      const line = `Labor ${labor.YES}–${labor.NO}, management ${management.YES}–${management.NO}.`;
      if (majorityFor(labor) && majorityFor(management)) return { outcome: "PASSED", reason: `A majority of each side voted yes. ${line}` };
      // One side carried it and the other did not: whether that side voted against, tied, only abstained
      // or did not vote at all, the body is deadlocked (its deadlock procedure follows). Only when
      // neither side carried it has the body as a whole said no.
      const carried = majorityFor(labor) ? "labor" : majorityFor(management) ? "management" : null;
      if (carried) {
        const other = carried === "labor" ? management : labor;
        const why = majorityAgainst(other) ? "voted against" : castCount(other) === 0 ? "did not vote" : other.YES + other.NO === 0 ? "only abstained" : "was tied";
        return { outcome: "DEADLOCKED", reason: `Deadlocked: a majority of ${carried} voted yes, and ${carried === "labor" ? "management" : "labor"} ${why}. ${line}` };
      }
      return { outcome: "FAILED", reason: `Neither side had a majority for it. ${line}` };
    }
  }
}

export type MotionStatus = "MOVED" | "SECONDED" | "OPEN" | "CLOSED" | "WITHDRAWN" | "TABLED";

/** Which status changes the motion's life allows. */
const TRANSITIONS: Record<MotionStatus, MotionStatus[]> = {
  MOVED: ["SECONDED", "WITHDRAWN", "TABLED"],
  SECONDED: ["OPEN", "WITHDRAWN", "TABLED"],
  OPEN: ["CLOSED"],
  CLOSED: [],
  WITHDRAWN: [],
  TABLED: ["MOVED"],
};

export const canMove = (from: MotionStatus, to: MotionStatus) => TRANSITIONS[from].includes(to);

export const DEADLOCK_PROCEDURES = {
  TABLE: "Table the motion to the next meeting",
  REVOTE_AFTER_CAUCUS: "Re-vote after each side caucuses",
  REFER_TO_UMPIRE: "Refer to the impartial umpire",
} as const;
export type DeadlockProcedure = keyof typeof DEADLOCK_PROCEDURES;
