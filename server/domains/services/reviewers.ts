// The partnership's supportive-services settings (the decision target in days, kept by co-chairs and
// staff) and its designated reviewers (who reviews requests needs both sides: a joint change).
import { recordAudit } from "../../audit/audit.js";
import type { AppDeps } from "../../deps.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { proposeJointChange } from "../joint/joint.api.js";
import { announceTotals, requireManager, type Call, type ServicesDeps } from "./services.shared.js";

type ProposingDeps = ServicesDeps & Pick<AppDeps, "realtime" | "logger">;

type ReviewerInput = { partnershipId: string; membershipId: string };

export async function setServiceSettings(deps: ServicesDeps, { userId, input }: Call<{ partnershipId: string; targetDays: number }>) {
  const { partnershipId, targetDays } = input;
  await requireManager(deps.access, userId, partnershipId);
  return inTransaction(deps, async (tx, effects) => {
    await tx.serviceSettings.upsert({ where: { partnershipId }, create: { partnershipId, targetDays }, update: { targetDays } });
    await recordAudit(tx, { partnershipId, actorId: userId, action: "services.settingsChanged", subjectType: "Partnership", subjectId: partnershipId, data: { targetDays } });
    announceTotals(effects, partnershipId);
    return { targetDays };
  });
}

/** Designating who reviews requests (they see trainees' identities) needs both sides: a joint change. */
export async function addReviewer(deps: ProposingDeps, { userId, input }: Call<ReviewerInput>) {
  return proposeJointChange(deps, { userId, input: { partnershipId: input.partnershipId, bodyId: null, kind: "FUND_REVIEWER", payload: { membershipId: input.membershipId, designate: true } } });
}

export async function removeReviewer(deps: ProposingDeps, { userId, input }: Call<ReviewerInput>) {
  return proposeJointChange(deps, { userId, input: { partnershipId: input.partnershipId, bodyId: null, kind: "FUND_REVIEWER", payload: { membershipId: input.membershipId, designate: false } } });
}
