// The partnership's supportive-services settings (the decision target in days) and its designated
// reviewers, kept by co-chairs and staff.
import { recordAudit } from "../../audit/audit.js";
import { AppError, isUniqueViolation, notFound } from "../../errors.js";
import { userRoom } from "../../realtime/realtime.events.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { announceTotals, fieldError, requireManager, type Call, type ServicesDeps } from "./services.shared.js";

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

export async function addReviewer(deps: ServicesDeps, { userId, input }: Call<ReviewerInput>) {
  const { partnershipId, membershipId } = input;
  await requireManager(deps.access, userId, partnershipId);
  const membership = await deps.db.membership.findFirst({ where: { id: membershipId, partnershipId }, select: { id: true, userId: true } });
  const notAMember = () => fieldError("BAD_REQUEST", "membershipId", "Choose a member of this partnership.");
  if (!membership) throw notAMember();
  return inTransaction(deps, async (tx, effects) => {
    // The composite foreign key refuses a membership removed meanwhile; the unique key, a second designation.
    await tx.serviceReviewer.create({ data: { partnershipId, membershipId, designatedBy: userId } });
    await recordAudit(tx, { partnershipId, actorId: userId, action: "services.reviewerAdded", subjectType: "Membership", subjectId: membershipId });
    // The new reviewer's pages refetch (the queue appears).
    effects.publish(userRoom(membership.userId), "services:totalsChanged", { partnershipId });
    return { membershipId };
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "This member is already a reviewer.");
    if ((error as { code?: unknown }).code === "P2003") throw notAMember();
    throw error;
  });
}

export async function removeReviewer(deps: ServicesDeps, { userId, input }: Call<ReviewerInput>) {
  const { partnershipId, membershipId } = input;
  await requireManager(deps.access, userId, partnershipId);
  return inTransaction(deps, async (tx, effects) => {
    const { count } = await tx.serviceReviewer.deleteMany({ where: { partnershipId, membershipId } });
    if (count === 0) throw notFound("Reviewer");
    await recordAudit(tx, { partnershipId, actorId: userId, action: "services.reviewerRemoved", subjectType: "Membership", subjectId: membershipId });
    announceTotals(effects, partnershipId);
    return { membershipId, removed: count };
  });
}
