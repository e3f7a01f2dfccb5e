// Joint-change kinds about how a body decides: its quorum rule, voting settings, impartial umpire (and
// the umpire's decision on a deadlock), equal representation, and the curriculum's adoption rule,
// worker sign-off group and the adoption of a version. Each in words as codes (joint.words.rules.ts).
import { notFound, AppError } from "../../errors.js";
import { lockRow } from "../../unit-of-work/unit-of-work.js";
import { adoptDraftVersion, readAdoptionRule, readAdoptionState, readSignOffGroup, requireAdoptableVersion, writeDraftSettings } from "../drafts/drafts.api.js";
import { readQuorumRule, readRepresentation, writeQuorumRule, writeRepresentation } from "../partnerships/partnerships.api.js";
import {
  readDeadlock,
  readUmpire,
  readVotingSettings,
  recordUmpireDecision,
  umpireDecisionProblem,
  writeUmpire,
  writeVotingSettings,
} from "../voting/voting.api.js";
import { truncateText } from "../../text.js";
import { bodyName, bodyOf, lockBodyRow, lockWholeBody, type Registry } from "./joint.kind-def.js";
import type { JointPayload } from "./joint.schema.js";
import { words, type Words } from "./joint.words.rules.js";

type RuleKinds = Pick<Registry, "QUORUM_RULE" | "VOTING_SETTINGS" | "UMPIRE" | "UMPIRE_DECISION" | "REPRESENTATION" | "ADOPTION_RULE" | "SIGNOFF_GROUP" | "DRAFT_ADOPTION">;

const yesNo = (b: unknown) => words(b ? "words.yes" : "words.no");
const text = (value: string): Words => words("words.text", { text: value });
const names = (list: string[]): Words => (list.length ? words("words.names", { names: { names: list } }) : words("words.nobody"));

function quorumWords(rule: JointPayload<"QUORUM_RULE">): Words {
  const unit = (n: number) => (rule.mode === "COUNT" ? words("QUORUM_RULE.members", { count: n }) : words("QUORUM_RULE.share", { percent: n }));
  return words("QUORUM_RULE.rule", { labor: unit(rule.labor), management: unit(rule.management) });
}

function votingWords(v: JointPayload<"VOTING_SETTINGS">): Words[] {
  return [
    words("VOTING_SETTINGS.second", { answer: yesNo(v.secondFromOtherSide) }),
    words("VOTING_SETTINGS.change", { answer: yesNo(v.allowVoteChange) }),
    words("VOTING_SETTINGS.deadlock", { procedure: words(`voting:procedure.${v.deadlockProcedure}`) }),
    v.reminderLeadHours ? words("VOTING_SETTINGS.reminder", { count: v.reminderLeadHours }) : words("VOTING_SETTINGS.noReminder"),
  ];
}

function representationWords(v: JointPayload<"REPRESENTATION">): Words[] {
  return v.equalRepresentation
    ? [words("REPRESENTATION.equal", { count: v.seatsPerSide ?? 0 }), words(v.unitRule ? "REPRESENTATION.unitOn" : "REPRESENTATION.unitOff")]
    : [words("REPRESENTATION.notEqual")];
}

const adoptionWords = (r: JointPayload<"ADOPTION_RULE">) =>
  words("ADOPTION_RULE.needed", { rule: r.rule === "ALL" ? words("ADOPTION_RULE.all") : words("ADOPTION_RULE.atLeast", { minimum: r.minimum }) });


export const RULE_KINDS: RuleKinds = {
  QUORUM_RULE: {
    scope: "BODY",
    targetKey: (_p, s) => s.bodyId ?? "",
    lock: (tx, _p, _s, body) => lockWholeBody(tx, body),
    read: async (tx, _p, _s, body) => readQuorumRule(tx, bodyOf(body).id),
    describe: (p, before, c) => ({
      title: words("QUORUM_RULE.title", { body: bodyName(c) }),
      before: [quorumWords(before as JointPayload<"QUORUM_RULE">)],
      after: [quorumWords(p)],
    }),
    apply: ({ tx, effects, payload, body, actorId, changeId }) => writeQuorumRule(tx, effects, { body: bodyOf(body), rule: payload, actorId, changeId }),
  },

  VOTING_SETTINGS: {
    scope: "BODY",
    targetKey: (_p, s) => s.bodyId ?? "",
    lock: (tx, _p, _s, body) => lockWholeBody(tx, body),
    read: async (tx, _p, _s, body) => readVotingSettings(tx, bodyOf(body).id),
    describe: (p, before, c) => ({
      title: words("VOTING_SETTINGS.title", { body: bodyName(c) }),
      before: votingWords(before as JointPayload<"VOTING_SETTINGS">),
      after: votingWords(p),
    }),
    apply: ({ tx, effects, payload, body, actorId, changeId }) => writeVotingSettings(tx, effects, { body: bodyOf(body), settings: payload, actorId, changeId }),
  },

  UMPIRE: {
    scope: "BODY",
    targetKey: (_p, s) => s.bodyId ?? "",
    lock: (tx, _p, _s, body) => lockWholeBody(tx, body),
    read: async (tx, _p, _s, body) => readUmpire(tx, bodyOf(body).id),
    describe: (p, before, c) => {
      const named = (name: string | null | undefined) => (name ? text(name) : words("UMPIRE.none"));
      return {
        title: p.umpireName ? words("UMPIRE.titleName", { name: p.umpireName, body: bodyName(c) }) : words("UMPIRE.titleRemove", { body: bodyName(c) }),
        before: [named(before.umpireName as string | null)],
        after: [named(p.umpireName)],
      };
    },
    apply: ({ tx, effects, payload, body, actorId, changeId }) => writeUmpire(tx, effects, { body: bodyOf(body), umpireName: payload.umpireName, actorId, changeId }),
  },

  UMPIRE_DECISION: {
    scope: "BODY",
    targetKey: (p) => p.motionId,
    check: async (tx, p, _s, body) => {
      const problem = umpireDecisionProblem(await readDeadlock(tx, p.motionId), bodyOf(body).id);
      if (problem) throw new AppError("PRECONDITION_FAILED", problem);
    },
    lock: async (tx, p) => {
      await lockRow(tx, "Motion", p.motionId);
    },
    read: async (tx, p) => {
      const d = await readDeadlock(tx, p.motionId);
      if (!d) throw notFound("Motion");
      return { motionText: d.motionText, outcome: d.outcome, resolution: d.resolution, umpireName: d.umpireName };
    },
    describe: (p, before) => ({
      title: words("UMPIRE_DECISION.title", { motion: truncateText(String(before.motionText), 120) }),
      before: [words("UMPIRE_DECISION.deadlocked")],
      after: [
        words("UMPIRE_DECISION.question", { umpire: String(before.umpireName), question: p.question }),
        words("UMPIRE_DECISION.decision", { decision: p.decision }),
        words("UMPIRE_DECISION.attested"),
      ],
    }),
    apply: async ({ tx, effects, payload, actorId, changeId, agreedBy }) => {
      const d = await readDeadlock(tx, payload.motionId);
      if (!d) throw notFound("Motion");
      await recordUmpireDecision(tx, effects, { ...payload, umpireName: d.umpireName, attestedBy: agreedBy, actorId, changeId });
    },
  },

  REPRESENTATION: {
    scope: "BODY",
    targetKey: (_p, s) => s.bodyId ?? "",
    lock: (tx, _p, _s, body) => lockWholeBody(tx, body),
    read: async (tx, _p, _s, body) => readRepresentation(tx, bodyOf(body).id),
    describe: (p, before, c) => ({
      title: words("REPRESENTATION.title", { body: bodyName(c) }),
      before: representationWords(before as JointPayload<"REPRESENTATION">),
      after: representationWords(p),
    }),
    apply: ({ tx, effects, payload, body, actorId, changeId }) => writeRepresentation(tx, effects, { body: bodyOf(body), representation: payload, actorId, changeId }),
  },

  ADOPTION_RULE: {
    scope: "BODY",
    targetKey: (_p, s) => s.bodyId ?? "",
    lock: (tx, _p, _s, body) => lockBodyRow(tx, body),
    read: async (tx, _p, _s, body) => readAdoptionRule(tx, bodyOf(body).id),
    describe: (p, before, c) => ({
      title: words("ADOPTION_RULE.title", { body: bodyName(c) }),
      before: [adoptionWords(before as JointPayload<"ADOPTION_RULE">)],
      after: [adoptionWords(p)],
    }),
    apply: ({ tx, effects, payload, body, actorId, changeId }) => writeDraftSettings(tx, effects, { body: bodyOf(body), rule: payload, actorId, changeId }),
  },

  SIGNOFF_GROUP: {
    scope: "BODY",
    targetKey: (_p, s) => s.bodyId ?? "",
    lock: (tx, _p, _s, body) => lockBodyRow(tx, body),
    read: async (tx, p, _s, body) => {
      const proposed = await tx.membership.findMany({ where: { id: { in: p.reviewerMembershipIds } }, select: { id: true, user: { select: { name: true } } } });
      return { group: await readSignOffGroup(tx, bodyOf(body).id), proposedNames: proposed.map((m) => m.user.name).sort() };
    },
    describe: (_p, before, c) => ({
      title: words("SIGNOFF_GROUP.title", { body: bodyName(c) }),
      before: [names((before.group as Array<{ name: string }>).map((g) => g.name))],
      after: [names(before.proposedNames as string[])],
    }),
    apply: ({ tx, effects, payload, body, actorId, changeId }) => writeDraftSettings(tx, effects, { body: bodyOf(body), reviewers: [...new Set(payload.reviewerMembershipIds)], actorId, changeId }),
  },

  // Adopting a signed-off curriculum version (drafts domain): both co-chairs, or the body's vote naming
  // the version (voting domain, at the close). Stale when the draft's current version or status changed.
  DRAFT_ADOPTION: {
    scope: "BODY",
    targetKey: (p) => p.draftId,
    check: async (tx, p, _s, body) => {
      await requireAdoptableVersion(tx, { draftId: p.draftId, versionNumber: p.versionNumber, bodyId: bodyOf(body).id });
    },
    lock: async (tx, p) => {
      await lockRow(tx, "Draft", p.draftId);
    },
    read: async (tx, p, _s, body) => {
      const state = await readAdoptionState(tx, p.draftId);
      if (state.bodyId !== bodyOf(body).id) throw notFound("Draft");
      return { title: state.title, status: state.status, currentVersion: state.currentVersion };
    },
    describe: (p, before, c) => ({
      title: words("DRAFT_ADOPTION.title", { version: p.versionNumber, draft: String(before.title), body: bodyName(c) }),
      before: [
        before.status === "SIGNED_OFF"
          ? words("DRAFT_ADOPTION.signedOff", { version: Number(before.currentVersion) })
          : words("DRAFT_ADOPTION.notAdopted", { status: words(`drafts:status.${String(before.status)}`) }),
      ],
      after: [words("DRAFT_ADOPTION.adopted", { version: p.versionNumber })],
    }),
    apply: ({ tx, effects, payload, body, actorId, changeId, agreedBy }) =>
      adoptDraftVersion(tx, effects, { draftId: payload.draftId, versionNumber: payload.versionNumber, bodyId: bodyOf(body).id, actorId, changeId, agreedBy }),
  },
};
