// Supportive-service funds, their yearly caps and review policies. Creating a fund, closing one, setting
// its caps and who approves above what amount govern the partnership's money, so they need both sides:
// a co-chair proposes (staff prepare), the other side's co-chair concurs, and the change applies through
// services.api.ts. The balances move only through approvals, fulfilments and cancellations (requests.ts).
import type { AppDeps } from "../../deps.js";
import { notFound } from "../../errors.js";
import { proposeJointChange, type ProposedOr } from "../joint/joint.api.js";
import type { CreateFundInput, SetCapInput, SetReviewPolicyInput } from "./services.schema.js";
import type { Call, ServicesDeps } from "./services.shared.js";

type ProposingDeps = ServicesDeps & Pick<AppDeps, "realtime" | "logger">;

export async function createFund(deps: ProposingDeps, { userId, input }: Call<CreateFundInput>): Promise<ProposedOr<{ id?: string }>> {
  return proposeJointChange(deps, { userId, input: { partnershipId: input.partnershipId, bodyId: null, kind: "FUND", payload: { name: input.name, startingCents: input.starting } } });
}

/** Closes a fund to new approvals (its approved requests are still fulfilled or cancelled). */
export async function closeFund(deps: ProposingDeps, { userId, input }: Call<{ fundId: string }>) {
  const fund = await fundOf(deps, userId, input.fundId);
  return proposeJointChange(deps, { userId, input: { partnershipId: fund.partnershipId, bodyId: null, kind: "FUND_CLOSURE", payload: { fundId: fund.id } } });
}

/** Sets (or, with an empty amount, removes) one yearly cap of a fund. */
export async function setFundCap(deps: ProposingDeps, { userId, input }: Call<SetCapInput>) {
  const fund = await fundOf(deps, userId, input.fundId);
  const payload = { fundId: fund.id, category: input.category, perTrainee: input.perTrainee, capCents: input.cap === "" ? null : input.cap };
  return proposeJointChange(deps, { userId, input: { partnershipId: fund.partnershipId, bodyId: null, kind: "FUND_CAP", payload } });
}

/**
 * Proposes a fund's review policy: above the threshold an approval needs a reviewer of each side (labor
 * and management); empty: one reviewer approves any amount. A joint change, like the caps.
 */
export async function setFundReviewPolicy(deps: ProposingDeps, { userId, input }: Call<SetReviewPolicyInput>) {
  const fund = await fundOf(deps, userId, input.fundId);
  const payload = { fundId: fund.id, bothSidesAboveCents: input.threshold === "" ? null : input.threshold };
  return proposeJointChange(deps, { userId, input: { partnershipId: fund.partnershipId, bodyId: null, kind: "FUND_REVIEW_POLICY", payload } });
}

/** A fund of a partnership the user belongs to, or NOT_FOUND. */
async function fundOf(deps: ServicesDeps, userId: string, fundId: string) {
  const fund = await deps.db.fund.findUnique({ where: { id: fundId }, select: { id: true, partnershipId: true } });
  if (!fund) throw notFound("Fund");
  await deps.access.requireMember(userId, fund.partnershipId).catch(() => {
    throw notFound("Fund");
  });
  return fund;
}
