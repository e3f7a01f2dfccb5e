// Joint-change kinds about the money and what is made public: a new fund, closing one, a yearly cap,
// a request reviewer, a fund's review policy, and publishing the year's A&O dashboard. Each in words as
// codes (joint.words.rules.ts): amounts as cents and dates as dates, formatted in the reader's language.
import { notFound, AppError } from "../../errors.js";
import { lockRow } from "../../unit-of-work/unit-of-work.js";
import { publishSnapshot, readPublishedSnapshot, readSuppressionThreshold } from "../participants/participants.api.js";
import { closeFund, insertFund, readFund, readFundCap, readReviewer, writeFundCap, writeFundReviewPolicy, writeReviewer, type CapKey } from "../services/services.api.js";
import type { Registry } from "./joint.kind-def.js";
import type { JointPayload } from "./joint.schema.js";
import { words, type Words } from "./joint.words.rules.js";

type FundKinds = Pick<Registry, "FUND" | "FUND_CLOSURE" | "FUND_CAP" | "FUND_REVIEWER" | "FUND_REVIEW_POLICY" | "AO_SNAPSHOT">;

const capKeyOf = (p: JointPayload<"FUND_CAP">): CapKey => ({ fundId: p.fundId, category: p.category as CapKey["category"], perTrainee: p.perTrainee });
const capWords = (key: CapKey): Words =>
  words("FUND_CAP.cap", {
    category: key.category === "ALL" ? words("FUND_CAP.allCategories") : words(`services:category.${key.category}`),
    who: words(key.perTrainee ? "FUND_CAP.perTrainee" : "FUND_CAP.together"),
  });
const centsWords = (cents: number | null): Words => (cents === null ? words("FUND_CAP.none") : words("words.amount", { amount: { cents } }));
const policyWords = (cents: number | null): Words => (cents === null ? words("FUND_REVIEW_POLICY.one") : words("FUND_REVIEW_POLICY.above", { amount: { cents } }));
const reviewsWords = (reviews: unknown) => words(reviews ? "FUND_REVIEWER.reviews" : "FUND_REVIEWER.notReviews");

export const FUND_KINDS: FundKinds = {
  FUND: {
    scope: "PARTNERSHIP",
    targetKey: (p) => p.name.toLowerCase(),
    check: async (tx, p, s) => {
      if (await tx.fund.findFirst({ where: { partnershipId: s.partnershipId, name: p.name }, select: { id: true } })) {
        throw new AppError("BAD_REQUEST", "A fund with this name already exists.", { fieldErrors: { name: ["A fund with this name already exists."] } });
      }
    },
    lock: async () => {},
    read: async (tx, p, s) => ({ exists: Boolean(await tx.fund.findFirst({ where: { partnershipId: s.partnershipId, name: p.name }, select: { id: true } })) }),
    describe: (p) => ({
      title: words("FUND.title", { name: p.name }),
      before: [words("FUND.none")],
      after: [words("FUND.starting", { name: p.name, amount: { cents: p.startingCents } })],
    }),
    apply: ({ tx, effects, payload, scope, actorId, changeId }) => insertFund(tx, effects, { partnershipId: scope.partnershipId, ...payload, actorId, changeId }),
  },

  FUND_CLOSURE: {
    scope: "PARTNERSHIP",
    targetKey: (p) => p.fundId,
    check: async (tx, p, s) => {
      const fund = await readFund(tx, s.partnershipId, p.fundId);
      if (!fund) throw notFound("Fund");
      if (fund.closedAt) throw new AppError("CONFLICT", `${fund.name} is already closed.`);
    },
    lock: async (tx, p) => {
      await lockRow(tx, "Fund", p.fundId);
    },
    read: async (tx, p, s) => {
      const fund = await readFund(tx, s.partnershipId, p.fundId);
      if (!fund) throw notFound("Fund");
      return { name: fund.name, closed: fund.closedAt !== null };
    },
    describe: (_p, before) => ({ title: words("FUND_CLOSURE.title", { name: String(before.name) }), before: [words("FUND_CLOSURE.open")], after: [words("FUND_CLOSURE.closed")] }),
    apply: ({ tx, effects, payload, scope, actorId, changeId }) => closeFund(tx, effects, { partnershipId: scope.partnershipId, fundId: payload.fundId, actorId, changeId }),
  },

  FUND_CAP: {
    scope: "PARTNERSHIP",
    targetKey: (p) => `${p.fundId}:${p.category}:${p.perTrainee ? "trainee" : "all"}`,
    check: async (tx, p, s) => {
      if (!(await readFund(tx, s.partnershipId, p.fundId))) throw notFound("Fund");
    },
    lock: async (tx, p) => {
      await lockRow(tx, "Fund", p.fundId);
    },
    read: async (tx, p, s) => {
      const fund = await readFund(tx, s.partnershipId, p.fundId);
      if (!fund) throw notFound("Fund");
      return { fundName: fund.name, capCents: await readFundCap(tx, capKeyOf(p)) };
    },
    describe: (p, before) => ({
      title: words("FUND_CAP.title", { fund: String(before.fundName), cap: capWords(capKeyOf(p)) }),
      before: [centsWords(before.capCents as number | null)],
      after: [centsWords(p.capCents)],
    }),
    apply: ({ tx, effects, payload, scope, actorId, changeId }) =>
      writeFundCap(tx, effects, { partnershipId: scope.partnershipId, key: capKeyOf(payload), capCents: payload.capCents, actorId, changeId }),
  },

  FUND_REVIEWER: {
    scope: "PARTNERSHIP",
    targetKey: (p) => p.membershipId,
    check: async (tx, p, s) => {
      const member = await readReviewer(tx, s.partnershipId, p.membershipId);
      if (!member) throw new AppError("BAD_REQUEST", "Choose a member of this partnership.", { fieldErrors: { membershipId: ["Choose a member of this partnership."] } });
      if (member.isReviewer === p.designate) throw new AppError("CONFLICT", p.designate ? "This member is already a reviewer." : "This member is not a reviewer.");
    },
    lock: async () => {},
    read: async (tx, p, s) => {
      const member = await readReviewer(tx, s.partnershipId, p.membershipId);
      if (!member) throw notFound("Member");
      return { name: member.name, organizationName: member.organizationName, isReviewer: member.isReviewer };
    },
    describe: (p, before) => ({
      title: words(p.designate ? "FUND_REVIEWER.titleDesignate" : "FUND_REVIEWER.titleStop", { name: String(before.name), organization: String(before.organizationName) }),
      before: [reviewsWords(before.isReviewer)],
      after: [reviewsWords(p.designate)],
    }),
    apply: ({ tx, effects, payload, scope, actorId, changeId }) => writeReviewer(tx, effects, { partnershipId: scope.partnershipId, ...payload, actorId, changeId }),
  },

  // Who approves spending from a fund: above a threshold, a reviewer of each side (services domain).
  FUND_REVIEW_POLICY: {
    scope: "PARTNERSHIP",
    targetKey: (p) => p.fundId,
    check: async (tx, p, s) => {
      if (!(await readFund(tx, s.partnershipId, p.fundId))) throw notFound("Fund");
    },
    lock: async (tx, p) => {
      await lockRow(tx, "Fund", p.fundId);
    },
    read: async (tx, p, s) => {
      const fund = await readFund(tx, s.partnershipId, p.fundId);
      if (!fund) throw notFound("Fund");
      return { fundName: fund.name, bothSidesAboveCents: fund.bothSidesAboveCents };
    },
    describe: (p, before) => ({
      title: words("FUND_REVIEW_POLICY.title", { fund: String(before.fundName) }),
      before: [policyWords(before.bothSidesAboveCents as number | null)],
      after: [policyWords(p.bothSidesAboveCents)],
    }),
    apply: ({ tx, effects, payload, scope, actorId, changeId }) =>
      writeFundReviewPolicy(tx, effects, { partnershipId: scope.partnershipId, fundId: payload.fundId, bothSidesAboveCents: payload.bothSidesAboveCents, actorId, changeId }),
  },

  // The A&O dashboard of a year, made public (participants domain): frozen when the other side concurs.
  AO_SNAPSHOT: {
    scope: "PARTNERSHIP",
    targetKey: (p) => `ao-snapshot:${p.year}`,
    lock: async (tx, _p, s) => {
      await lockRow(tx, "Partnership", s.partnershipId);
    },
    // The threshold is part of the state: a change of it since the proposal makes the proposal stale.
    read: async (tx, p, s) => {
      const [published, threshold] = await Promise.all([readPublishedSnapshot(tx, s.partnershipId, p.year), readSuppressionThreshold(tx, s.partnershipId)]);
      return { publishedAt: published ? published.publishedAt.toISOString() : null, threshold };
    },
    describe: (p, before) => ({
      title: words("AO_SNAPSHOT.title", { year: String(p.year) }),
      before: [before.publishedAt ? words("AO_SNAPSHOT.published", { date: { date: String(before.publishedAt).slice(0, 10) } }) : words("AO_SNAPSHOT.notPublished")],
      after: [words("AO_SNAPSHOT.publish", { year: String(p.year), threshold: Number(before.threshold) })],
    }),
    apply: ({ tx, effects, payload, scope, actorId, changeId, agreedBy }) => publishSnapshot(tx, effects, { partnershipId: scope.partnershipId, year: payload.year, actorId, changeId, agreedBy }),
  },
};
