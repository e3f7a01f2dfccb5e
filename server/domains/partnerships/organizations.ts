// A partnership's organizations (unions, employers, colleges, community partners), each on a side.
// The organization's row is locked while it is changed or removed: a member seated as co-chair, a
// trainee recorded or an invitation accepted meanwhile either waits for the change or is seen by it.
import { recordAudit } from "../../audit/audit.js";
import { AppError, notFound } from "../../errors.js";
import { partnershipRoom } from "../../realtime/realtime.events.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { conflictOnUnique, lockOrganization, recheckPartnershipManager, type PartnershipsDeps } from "./partnerships.guards.js";
import { organizationRemovalRefusal, sideChangeRefusal } from "./partnerships.policy.js";
import type { CreateOrganizationInput, UpdateOrganizationInput } from "./partnerships.schema.js";

const DUPLICATE_NAME = "An organization with this name is already in the partnership.";

export async function createOrganization(deps: PartnershipsDeps, { userId, input }: { userId: string; input: CreateOrganizationInput }) {
  await deps.access.requirePartnershipManager(userId, input.partnershipId);
  return inTransaction(deps, async (tx, effects) => {
    await recheckPartnershipManager(tx, userId, input.partnershipId);
    const o = await tx.organization.create({
      data: { partnershipId: input.partnershipId, name: input.name, type: input.type, side: input.side },
    });
    await recordAudit(tx, { partnershipId: input.partnershipId, actorId: userId, action: "organization.created", subjectType: "Organization", subjectId: o.id, data: { name: o.name, side: o.side } });
    effects.publish(partnershipRoom(input.partnershipId), "partnership:changed", { partnershipId: input.partnershipId });
    return { id: o.id };
  }).catch(conflictOnUnique(DUPLICATE_NAME, "name"));
}

/** Renames an organization or changes its type or side (not its side while a co-chair belongs to it). */
export async function updateOrganization(deps: PartnershipsDeps, { userId, input }: { userId: string; input: UpdateOrganizationInput }) {
  await deps.access.requirePartnershipManager(userId, input.partnershipId);
  return inTransaction(deps, async (tx, effects) => {
    await recheckPartnershipManager(tx, userId, input.partnershipId);
    // Locked, so nobody is seated as a co-chair from it on its old side while its side changes.
    const org = await lockOrganization(tx, input.partnershipId, input.organizationId, "UPDATE");
    if (!org) throw notFound("Organization");
    const coChairs = await tx.bodySeat.count({ where: { role: "CO_CHAIR", membership: { organizationId: org.id } } });
    const refusal = sideChangeRefusal({ from: org.side, to: input.side, hasCoChair: coChairs > 0 });
    if (refusal) throw new AppError("PRECONDITION_FAILED", refusal, { fieldErrors: { side: [refusal] } });
    await tx.organization.update({ where: { id: org.id }, data: { name: input.name, type: input.type, side: input.side } });
    await recordAudit(tx, { partnershipId: input.partnershipId, actorId: userId, action: "organization.updated", subjectType: "Organization", subjectId: org.id, data: { name: input.name, side: input.side } });
    effects.publish(partnershipRoom(input.partnershipId), "partnership:changed", { partnershipId: input.partnershipId });
    return { id: org.id };
  }).catch(conflictOnUnique(DUPLICATE_NAME, "name"));
}

/** Removes an organization nobody belongs to and no service record names (its pending invitations go with it). */
export async function removeOrganization(
  deps: PartnershipsDeps,
  { userId, input }: { userId: string; input: { partnershipId: string; organizationId: string } },
) {
  const { partnershipId, organizationId } = input;
  await deps.access.requirePartnershipManager(userId, partnershipId);
  return inTransaction(deps, async (tx, effects) => {
    await recheckPartnershipManager(tx, userId, partnershipId);
    // Locked before counting: a membership, trainee or request naming it waits for this transaction
    // (their foreign key check needs the row), so the counts below still hold at commit.
    const org = await lockOrganization(tx, partnershipId, organizationId, "UPDATE");
    if (!org) throw notFound("Organization");
    const counts = await tx.organization.findUniqueOrThrow({
      where: { id: org.id },
      select: { _count: { select: { memberships: true, trainees: true, serviceRequests: true } } },
    });
    const refusal = organizationRemovalRefusal(counts._count);
    if (refusal) throw new AppError("PRECONDITION_FAILED", refusal);
    await tx.organization.delete({ where: { id: org.id } });
    await recordAudit(tx, { partnershipId, actorId: userId, action: "organization.removed", subjectType: "Organization", subjectId: org.id });
    effects.publish(partnershipRoom(partnershipId), "partnership:changed", { partnershipId });
    return { id: org.id };
  });
}
