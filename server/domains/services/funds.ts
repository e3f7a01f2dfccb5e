// Supportive-service funds and their yearly caps, kept by the partnership's co-chairs and staff. The
// balances move only through approvals, fulfilments and cancellations (requests.ts).
import { recordAudit } from "../../audit/audit.js";
import { isUniqueViolation, notFound } from "../../errors.js";
import { inTransaction, lockRow } from "../../unit-of-work/unit-of-work.js";
import type { CreateFundInput, SetCapInput } from "./services.schema.js";
import { announceTotals, fieldError, requireManager, type Call, type ServicesDeps } from "./services.shared.js";

export async function createFund(deps: ServicesDeps, { userId, input }: Call<CreateFundInput>) {
  await requireManager(deps.access, userId, input.partnershipId);
  return inTransaction(deps, async (tx, effects) => {
    const created = await tx.fund.create({ data: { partnershipId: input.partnershipId, name: input.name, startingCents: input.starting }, select: { id: true } });
    await recordAudit(tx, { partnershipId: input.partnershipId, actorId: userId, action: "fund.created", subjectType: "Fund", subjectId: created.id, data: { startingCents: input.starting } });
    announceTotals(effects, input.partnershipId);
    return created;
  }).catch((error: unknown) => {
    // The unique key (partnership, name) decides between two creations at once.
    if (isUniqueViolation(error)) throw fieldError("BAD_REQUEST", "name", "A fund with this name already exists.");
    throw error;
  });
}

/** Sets (or, with an empty amount, removes) one yearly cap of a fund. */
export async function setFundCap(deps: ServicesDeps, { userId, input }: Call<SetCapInput>) {
  const fund = await deps.db.fund.findUnique({ where: { id: input.fundId }, select: { id: true, partnershipId: true } });
  if (!fund) throw notFound("Fund");
  await deps.access.requireMember(userId, fund.partnershipId).catch(() => {
    throw notFound("Fund");
  });
  await requireManager(deps.access, userId, fund.partnershipId);
  const key = { fundId: fund.id, category: input.category, perTrainee: input.perTrainee };
  return inTransaction(deps, async (tx, effects) => {
    // Approvals check the caps under the fund's lock: a cap changes between approvals, never during one.
    await lockRow(tx, "Fund", fund.id);
    if (input.cap === "") await tx.fundCap.deleteMany({ where: key });
    else await tx.fundCap.upsert({ where: { fundId_category_perTrainee: key }, create: { ...key, capCents: input.cap }, update: { capCents: input.cap } });
    await recordAudit(tx, {
      partnershipId: fund.partnershipId,
      actorId: userId,
      action: "fund.capSet",
      subjectType: "Fund",
      subjectId: fund.id,
      data: { category: input.category, perTrainee: input.perTrainee, capCents: input.cap === "" ? null : input.cap },
    });
    announceTotals(effects, fund.partnershipId);
    return { fundId: fund.id };
  });
}
