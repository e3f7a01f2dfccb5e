// Pure rules of voting: tallies, the decision rules (including the dual majority that labor-management
// bodies use), deadlock, and the motion's life. No I/O; unit-tested; shared with the browser.
import type { Translate } from "../common.rules.js";

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

/**
 * Why a vote ended as it did, as codes and values (decision 0018): each reader's page says it in their
 * language; `reason` is the same in English (stored with the result, and written into the minutes).
 */
export type ReasonPart =
  | { code: "noQuorum"; values: Record<string, never> }
  | { code: "yesToNo" | "tied"; values: { yes: number; no: number } }
  | { code: "twoThirds"; values: { yes: number; decided: number } }
  | { code: "votedNo"; values: { no: number } }
  | { code: "nobodyYes" | "noneTookPart" | "noneBlocked"; values: Record<string, never> }
  | { code: "allYes"; values: { yes: number; abstain: number } }
  | { code: "blocked"; values: { count: number } }
  | { code: "dualPassed" | "dualFailed"; values: SidesLine }
  | { code: "deadlocked"; values: SidesLine & { carried: "LABOR" | "MANAGEMENT"; why: "AGAINST" | "NO_VOTE" | "ABSTAINED" | "TIED" } }
  | { code: "unitRule"; values: SidesLine & { laborUnit: Choice | "NONE"; managementUnit: Choice | "NONE" } };
type SidesLine = { laborYes: number; laborNo: number; managementYes: number; managementNo: number };

export type Decision = { outcome: Outcome; reason: string; why: ReasonPart[] };

const WHY_WORDS = { AGAINST: "voted against", NO_VOTE: "did not vote", ABSTAINED: "only abstained", TIED: "was tied" } as const;
const sidesLine = (v: SidesLine) => `Labor ${v.laborYes}–${v.laborNo}, management ${v.managementYes}–${v.managementNo}.`;
const unitWords = (name: string, yes: number, no: number, unit: Choice | "NONE") =>
  `${name} ${yes}–${no}${unit !== "NONE" ? ` votes ${unit === "YES" ? "yes" : "no"} as a unit` : " casts no unit vote"}`;

/** One part of a reason in English (the pages translate the codes: voting.json `reason.*`). */
export function reasonInEnglish(part: ReasonPart): string {
  switch (part.code) {
    case "noQuorum":
      return "The per-side quorum did not hold, so the vote is not valid.";
    case "yesToNo":
      return `${part.values.yes} yes to ${part.values.no} no.`;
    case "tied":
      return `Tied ${part.values.yes} to ${part.values.no}: a tie fails.`;
    case "twoThirds":
      return `${part.values.yes} of ${part.values.decided} yes-or-no votes were yes; two-thirds needed.`;
    case "votedNo":
      return `${part.values.no} voted no.`;
    case "nobodyYes":
      return "Nobody voted yes.";
    case "allYes":
      return `All ${part.values.yes} yes votes, no one against${part.values.abstain ? `; ${part.values.abstain} abstained` : ""}.`;
    case "blocked":
      return `Blocked by ${part.values.count} member${part.values.count === 1 ? "" : "s"}.`;
    case "noneTookPart":
      return "No one took part.";
    case "noneBlocked":
      return "No one blocked.";
    case "dualPassed":
      return `A majority of each side voted yes. ${sidesLine(part.values)}`;
    case "dualFailed":
      return `Neither side had a majority for it. ${sidesLine(part.values)}`;
    case "deadlocked": {
      const carried = part.values.carried === "LABOR" ? "labor" : "management";
      const other = part.values.carried === "LABOR" ? "management" : "labor";
      return `Deadlocked: a majority of ${carried} voted yes, and ${other} ${WHY_WORDS[part.values.why]}. ${sidesLine(part.values)}`;
    }
    case "unitRule": {
      const v = part.values;
      return `(Unit rule: ${unitWords("labor", v.laborYes, v.laborNo, v.laborUnit)}; ${unitWords("management", v.managementYes, v.managementNo, v.managementUnit)}.)`;
    }
  }
}

/**
 * Why a vote ended so, in the language of `t` (voting.json `reason.*`): the pages, the minutes and the
 * record's PDF say it from the codes, each in its reader's language.
 */
export function reasonIn(t: Translate, why: readonly ReasonPart[]): string {
  const side = (s: "LABOR" | "MANAGEMENT") => t(`voting:reason.side.${s}`);
  const say = (part: ReasonPart): string => {
    switch (part.code) {
      case "deadlocked":
        return t("voting:reason.deadlocked", {
          ...part.values,
          carried: side(part.values.carried),
          other: side(part.values.carried === "LABOR" ? "MANAGEMENT" : "LABOR"),
          why: t(`voting:reason.why.${part.values.why}`),
        });
      case "unitRule":
        return t("voting:reason.unitRule", {
          labor: t(`voting:reason.unit.${part.values.laborUnit}`, { side: side("LABOR"), yes: part.values.laborYes, no: part.values.laborNo }),
          management: t(`voting:reason.unit.${part.values.managementUnit}`, { side: side("MANAGEMENT"), yes: part.values.managementYes, no: part.values.managementNo }),
        });
      case "allYes":
        return part.values.abstain ? t("voting:reason.allYesAbstained", part.values) : t("voting:reason.allYes", part.values);
      default:
        return t(`voting:reason.code.${part.code}`, part.values);
    }
  };
  return why.map(say).join(" ");
}

const decided = (outcome: Outcome, ...why: ReasonPart[]): Decision => ({ outcome, why, reason: why.map(reasonInEnglish).join(" ") });
const linesOf = (tally: Tally): SidesLine => ({ laborYes: tally.LABOR.YES, laborNo: tally.LABOR.NO, managementYes: tally.MANAGEMENT.YES, managementNo: tally.MANAGEMENT.NO });
const none = {} as Record<string, never>;

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
  if (quorum.required && !quorum.met) return decided("NO_QUORUM", { code: "noQuorum", values: none });
  if (options.unitRule) {
    const decision = decide(rule, asUnits(tally), quorum);
    const unit = (c: Counts): Choice | "NONE" => unitVote(c) ?? "NONE";
    return decided(decision.outcome, ...decision.why, {
      code: "unitRule",
      values: { ...linesOf(tally), laborUnit: unit(tally.LABOR), managementUnit: unit(tally.MANAGEMENT) },
    });
  }
  const t = tally.total;
  switch (rule) {
    case "SIMPLE_MAJORITY":
      return majorityFor(t)
        ? decided("PASSED", { code: "yesToNo", values: { yes: t.YES, no: t.NO } })
        : decided("FAILED", { code: t.YES === t.NO ? "tied" : "yesToNo", values: { yes: t.YES, no: t.NO } });
    case "TWO_THIRDS": {
      const yesOrNo = t.YES + t.NO;
      const passed = yesOrNo > 0 && t.YES * 3 >= yesOrNo * 2;
      return decided(passed ? "PASSED" : "FAILED", { code: "twoThirds", values: { yes: t.YES, decided: yesOrNo } });
    }
    case "UNANIMOUS":
      if (t.NO > 0) return decided("FAILED", { code: "votedNo", values: { no: t.NO } });
      if (t.YES === 0) return decided("FAILED", { code: "nobodyYes", values: none });
      return decided("PASSED", { code: "allYes", values: { yes: t.YES, abstain: t.ABSTAIN } });
    case "CONSENSUS":
      if (t.NO > 0) return decided("FAILED", { code: "blocked", values: { count: t.NO } });
      if (castCount(t) === 0) return decided("FAILED", { code: "noneTookPart", values: none });
      return decided("PASSED", { code: "noneBlocked", values: none });
    case "DUAL_MAJORITY": {
      const labor = tally.LABOR;
      const management = tally.MANAGEMENT;
      const line = linesOf(tally);
      if (majorityFor(labor) && majorityFor(management)) return decided("PASSED", { code: "dualPassed", values: line });
      // One side carried it and the other did not: whether that side voted against, tied, only abstained
      // or did not vote at all, the body is deadlocked (its deadlock procedure follows). Only when
      // neither side carried it has the body as a whole said no.
      const carried = majorityFor(labor) ? "LABOR" : majorityFor(management) ? "MANAGEMENT" : null;
      if (carried) {
        const other = carried === "LABOR" ? management : labor;
        const why = majorityAgainst(other) ? "AGAINST" : castCount(other) === 0 ? "NO_VOTE" : other.YES + other.NO === 0 ? "ABSTAINED" : "TIED";
        return decided("DEADLOCKED", { code: "deadlocked", values: { ...line, carried, why } });
      }
      return decided("FAILED", { code: "dualFailed", values: line });
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
